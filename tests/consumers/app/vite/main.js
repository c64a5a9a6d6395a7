// The Vite consumer: a React form with react-hook-form and payrulesResolver; errors show under the inputs, accepted values below the form.
import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";
import { useForm } from "react-hook-form";
import { payrulesResolver } from "payrules/react-hook-form";
import { dtoNames } from "payrules";

function PaymentForm() {
  const { register, handleSubmit, formState: { errors } } = useForm({ resolver: payrulesResolver("CreatePaymentRequest") });
  const [accepted, setAccepted] = useState(null);
  const field = (name) =>
    h("label", { key: name },
      name,
      h("input", { ...register(name), "aria-label": name }),
      errors[name] ? h("p", { "data-error": name, "data-code": errors[name].type }, errors[name].message) : null);
  return h("form", { onSubmit: handleSubmit((values) => setAccepted(values)) },
    field("amount"),
    field("gstAmount"),
    field("particulars"),
    h("button", { type: "submit" }, "Pay"),
    accepted ? h("pre", { id: "accepted" }, JSON.stringify(accepted)) : null,
    h("p", { id: "dtos" }, dtoNames().join(",")));
}

createRoot(document.getElementById("root")).render(h(PaymentForm));
