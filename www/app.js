// The demo's behaviour: validates the payload live with the wasm package and compares with the server's answer.
import init, { validate, serverError, dtoNames } from "/pkg/payrules.js";

const ROUTES = {
  OnceOffPaymentRequest: "/onceoffpayment",
  CreatePaymentRequest: "/payments",
  RecordPaymentBindingModel: "/api/Payment",
  FinancePaymentLogRequest: "/Finance/Payment/Log",
};
const SAMPLES = {
  OnceOffPaymentRequest: { Segment: "Retail", FirstName: "Thandi", LastName: "Mokoena", Email: "thandi@example.co.za", InvoiceNumber: "INV-2026-0042", AmountOutstanding: 1050.49, CurrenciesId: 1, ChannelsId: 3 },
  CreatePaymentRequest: { amount: "12.50", gstAmount: 1.88, particulars: "October allowance" },
  RecordPaymentBindingModel: { accountCode: "HSMM1113", contractId: 7, paymentRef: "4BC3FDH1KL", paymentValue: 1050.49, paymentSuccessful: true },
  FinancePaymentLogRequest: { order_id: "A-17", amount: -12.34, email: "payer@example.com", pushed_to_gl: true },
};

await init();
const $ = (id) => document.getElementById(id);
const dto = $("dto"), payload = $("payload"), client = $("client"), server = $("server");

for (const name of dtoNames()) {
  const option = document.createElement("option");
  option.value = name;
  option.textContent = `${name} — POST ${ROUTES[name]}`;
  dto.append(option);
}

function show(panel, ok, text) {
  panel.className = ok ? "valid" : "invalid";
  panel.textContent = text;
}

// What the browser decides: the JSON text parsed as a browser would, then validated.
function check() {
  let input;
  try {
    input = JSON.parse(payload.value);
  } catch (e) {
    show(client, false, `Not valid JSON: ${e.message}`);
    return;
  }
  const result = validate(dto.value, input);
  const body = serverError(dto.value, result);
  show(client, result.valid, result.valid ? "valid: the server will accept it" : `400 ${JSON.stringify(body, null, 2)}`);
}

function load() {
  payload.value = JSON.stringify(SAMPLES[dto.value], null, 2);
  server.textContent = "";
  check();
}

$("send").addEventListener("click", async () => {
  const response = await fetch(ROUTES[dto.value], { method: "POST", headers: { "Content-Type": "application/json" }, body: payload.value });
  const text = await response.text();
  let shown = text;
  try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch { /* keep the text */ }
  show(server, response.ok, `${response.status} ${shown}`);
});
dto.addEventListener("change", load);
payload.addEventListener("input", check);
load();
