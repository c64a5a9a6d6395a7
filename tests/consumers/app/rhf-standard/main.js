// The react-hook-form consumer of the Standard Schema: useForm({ resolver: standardSchemaResolver(CreatePaymentRequest) }); errors (and errors.root) show under the inputs, each value onSubmit receives is listed below the form, and a server's 400 answer is read back with fromServerError into the same places.
import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { CreatePaymentRequest } from "payrules";
import { fromServerError } from "payrules/server-errors";

// What the API's ServiceStack server answers for particulars it has seen before: an error only the
// server can know, in its own body (the page stands in for the round trip).
const DUPLICATE = JSON.stringify({ responseStatus: { errorCode: "AlreadyExists", message: "This payment was already made.", errors: [{ errorCode: "AlreadyExists", fieldName: "Particulars", message: "This payment was already made.", meta: { PropertyName: "Particulars" } }] } });

const resolver = standardSchemaResolver(CreatePaymentRequest);
// "Pay (unreadable)" submits the same form, but the resolver is handed the values behind a Proxy whose ownKeys trap
// throws: payrules reads nothing and answers a request-level error, an issue without a path.
let unreadable = false;
const unreadableValues = (values) => new Proxy(values, { ownKeys() { throw new Error("unreadable"); } });

function PaymentForm() {
  const { register, handleSubmit, setError, formState: { errors, submitCount } } = useForm({
    resolver: (values, context, options) => resolver(unreadable ? unreadableValues(values) : values, context, options),
  });
  const [accepted, setAccepted] = useState([]);
  const submit = handleSubmit((value) => {
    setAccepted((all) => [...all, value]);
    if (value.particulars !== "Duplicate") return;
    // The server's answer, read back: each error where the client's would be.
    for (const { field, code, message } of fromServerError("CreatePaymentRequest", 400, DUPLICATE).errors) setError(field || "root", { type: code, message });
  });
  const error = (name) => (errors[name] ? h("p", { "data-error": name, "data-type": errors[name].type }, errors[name].message) : null);
  const field = (name) => h("label", { key: name }, name, h("input", { ...register(name), "aria-label": name }), error(name));
  return h("form", { onSubmit: submit },
    field("amount"),
    field("gstAmount"),
    field("particulars"),
    error("root"),
    h("button", { type: "submit" }, "Pay"),
    h("button", { type: "button", onClick: async () => { unreadable = true; try { await submit(); } finally { unreadable = false; } } }, "Pay (unreadable)"),
    h("output", { id: "submits" }, String(submitCount)),
    h("pre", { id: "accepted" }, JSON.stringify(accepted)));
}

createRoot(document.getElementById("root")).render(h(PaymentForm));
