// The TanStack Form consumer of the Standard Schema: useForm({ validators: { onSubmit: CreatePaymentRequest } }); each field's errors show under it, each submit onSubmit receives is listed below the form with parse's value of it.
import { createElement as h, useState } from "react";
import { createRoot } from "react-dom/client";
import { useForm } from "@tanstack/react-form";
import { CreatePaymentRequest, parse } from "payrules";

function PaymentForm() {
  const [accepted, setAccepted] = useState([]);
  const form = useForm({
    defaultValues: { amount: "", gstAmount: "", particulars: "" },
    validators: { onSubmit: CreatePaymentRequest },
    // TanStack hands onSubmit the form's values, not the schema's output: the typed request is parse's value.
    onSubmit: ({ value }) => setAccepted((all) => [...all, { values: value, parsed: parse("CreatePaymentRequest", value).value }]),
  });
  const field = (name) =>
    h(form.Field, { key: name, name }, (f) =>
      h("label", null,
        name,
        h("input", { name, "aria-label": name, value: f.state.value, onChange: (e) => f.handleChange(e.target.value), onBlur: f.handleBlur }),
        f.state.meta.errors.length > 0
          ? h("ul", { "data-errors": name }, f.state.meta.errors.map((issue, i) => h("li", { key: i, "data-code": issue.code }, issue.message)))
          : null));
  return h("form", { onSubmit: (e) => { e.preventDefault(); e.stopPropagation(); form.handleSubmit(); } },
    field("amount"),
    field("gstAmount"),
    field("particulars"),
    h(form.Subscribe, { selector: (state) => state.submissionAttempts }, (attempts) => h("output", { id: "attempts" }, String(attempts))),
    h("button", { type: "submit" }, "Pay"),
    h("pre", { id: "accepted" }, JSON.stringify(accepted)));
}

createRoot(document.getElementById("root")).render(h(PaymentForm));
