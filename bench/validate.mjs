// Measures the built package in Node: ns per `validate` call (valid and invalid OnceOffPaymentRequest, every DTO) and the module's size (raw, gzip).
import { readFileSync } from "node:fs";
import { gzipSync, brotliCompressSync } from "node:zlib";
import { performance } from "node:perf_hooks";
import { validate, pkgPath } from "../tests/js/load.mjs";

const payloads = {
  OnceOffPaymentRequest: {
    valid: {
      Segment: "Retail", FirstName: "Thandi", LastName: "Mokoena", Address: "12 Long Street", City: "Cape Town",
      Region: "Western Cape", Suburb: "Gardens", PostalCode: "8001", MobileNumber: "+27821234567",
      Email: "thandi@example.co.za", IdNumber: "8001015009087", PassportNumber: "A1234567", InvoiceNumber: "INV-2026-0042",
      DebtDate: "2026-10-31", AmountOutstanding: 1050.49, CurrenciesId: 1, ChannelsId: 3,
      DebtMeta: { source: "import", batch: "7" }, CustomersMeta: { tier: "gold" },
      UrlToDocument: "https://billing.example.co.za/invoices/INV-2026-0042.pdf", CustomerUniqueIdentifier: "CUST-0001",
    },
    // ~4 errors: Email, AmountOutstanding (scale), CurrenciesId (> 0), UrlToDocument.
    invalid: {
      Segment: "Retail", FirstName: "Thandi", LastName: "Mokoena", Email: "thandi.example.co.za", InvoiceNumber: "INV-1",
      AmountOutstanding: 1050.495, CurrenciesId: 0, ChannelsId: 3, UrlToDocument: "javascript:alert(1)",
    },
  },
  CreatePaymentRequest: {
    valid: { organisationId: "org-1", salaryPackageId: "sp-9", amount: 100, gstAmount: 13.04, particulars: "Oct", budgetCategory: "Travel" },
    invalid: { amount: -1, gstAmount: 1.234, particulars: {}, budgetCategory: [] },
  },
  RecordPaymentBindingModel: {
    valid: { accountCode: "HSMM1113", contractId: 7, paymentRef: "4BC3FDH1KL", paymentValue: 1050.49, paymentSuccessful: true, message: "Successful payment!", paymentType: null, upfrontPayment: false, LoyaltyPointsToUse: null },
    invalid: { accountCode: "   ", contractId: 0, paymentValue: 0, paymentSuccessful: "maybe" },
  },
  FinancePaymentLogRequest: {
    valid: { process: "renewal", action: "charge", order_id: "A-17", external_payment_id: 991, amount: -12.34, email: "payer@example.com", pushed_to_gl: true, current_status_date: "2026-11-21T09:30:00Z" },
    invalid: { external_payment_id: "x", amount: 1.001, email: "nope", current_status_date: "2023-02-29" },
  },
};

function nsPerCall(dto, input, calls) {
  for (let i = 0; i < 20000; i++) validate(dto, input); // warm-up
  const rounds = [];
  for (let round = 0; round < 7; round++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) validate(dto, input);
    rounds.push(((performance.now() - start) * 1e6) / calls);
  }
  rounds.sort((a, b) => a - b);
  return rounds[3]; // median of 7
}

const calls = Number(process.env.CALLS ?? 50000);
console.log(`validate() in Node ${process.version}, median of 7 rounds of ${calls} calls`);
console.log("| DTO | case | errors | ns/op |");
console.log("|---|---|---:|---:|");
for (const [dto, cases] of Object.entries(payloads)) {
  for (const [name, input] of Object.entries(cases)) {
    const errors = validate(dto, input).errors.length;
    if ((name === "valid") !== (errors === 0)) throw new Error(`${dto} ${name} payload gives ${errors} errors`);
    console.log(`| ${dto} | ${name} | ${errors} | ${nsPerCall(dto, input, calls).toFixed(0)} |`);
  }
}

const wasm = readFileSync(pkgPath("payrules_bg.wasm"));
const glue = readFileSync(pkgPath("payrules.js"));
const both = Buffer.concat([wasm, glue]);
const kb = (n) => (n / 1024).toFixed(1) + " KB";
console.log("\n| file | raw | gzip | brotli |\n|---|---:|---:|---:|");
for (const [name, bytes] of [["payrules_bg.wasm", wasm], ["payrules.js", glue]]) {
  console.log(`| ${name} | ${kb(bytes.length)} | ${kb(gzipSync(bytes, { level: 9 }).length)} | ${kb(brotliCompressSync(bytes).length)} |`);
}
console.log(`| wasm + glue (each gzipped) | ${kb(both.length)} | ${kb(gzipSync(wasm, { level: 9 }).length + gzipSync(glue, { level: 9 }).length)} | ${kb(brotliCompressSync(wasm).length + brotliCompressSync(glue).length)} |`);
