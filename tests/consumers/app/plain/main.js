// The no-bundler page's script: validates an object and the page's form, and asks a module worker to validate too.
import { validate, validateForm } from "payrules";

document.body.dataset.result = JSON.stringify(validate("CreatePaymentRequest", { amount: "10", gstAmount: 12 }));
document.body.dataset.form = JSON.stringify(validateForm("CreatePaymentRequest", document.getElementById("payment")));
const worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
worker.onmessage = (event) => (document.body.dataset.worker = JSON.stringify(event.data));
worker.onerror = (event) => (document.body.dataset.worker = `error: ${event.message}`);
worker.postMessage({ amount: "10", gstAmount: 12 });
