// The spec's rules as JSON Schema for ajv 8 (allErrors; exact-case keys).
import Ajv from "ajv";
import { EMAIL, URL, isDate, isMoney, INT32 } from "./rules.mjs";

const ajv = new Ajv({ allErrors: true });
ajv.addFormat("email-fv", EMAIL);
ajv.addFormat("http-url", URL);
ajv.addFormat("date-net", isDate);
ajv.addKeyword({ keyword: "money", type: "number", validate: (_, n) => isMoney(n), errors: false });

const str = { type: ["string", "null"] };
const int = (extra = {}) => ({ type: "integer", minimum: INT32.min, maximum: INT32.max, ...extra });
const nullable = (schema) => ({ anyOf: [{ type: "null" }, schema] });
const money = (extra = {}) => ({ type: "number", money: true, ...extra });
const map = nullable({ type: "object", additionalProperties: { type: ["string", "null"] } });
const object = (properties, required) => ({ type: "object", properties, required });

const schemas = {
  OnceOffPaymentRequest: object({
    Segment: { type: "string" }, FirstName: { type: "string" }, LastName: { type: "string" },
    Address: str, City: str, Region: str, Suburb: str, PostalCode: str, MobileNumber: str,
    Email: nullable({ type: "string", format: "email-fv" }), IdNumber: str, PassportNumber: str, InvoiceNumber: { type: "string" },
    DebtDate: nullable({ type: "string", format: "date-net" }), AmountOutstanding: money({ exclusiveMinimum: 0 }),
    CurrenciesId: int({ exclusiveMinimum: 0 }), ChannelsId: int({ exclusiveMinimum: 0 }), DebtMeta: map, CustomersMeta: map,
    UrlToDocument: nullable({ type: "string", format: "http-url" }), CustomerUniqueIdentifier: str,
  }, ["Segment", "FirstName", "LastName", "InvoiceNumber", "AmountOutstanding", "CurrenciesId", "ChannelsId"]),
  CreatePaymentRequest: object({
    organisationId: str, salaryPackageId: str, amount: money({ exclusiveMinimum: 0 }), gstAmount: money({ minimum: 0 }),
    particulars: str, budgetCategory: str,
  }, ["amount", "gstAmount"]),
  RecordPaymentBindingModel: object({
    accountCode: { type: "string", maxLength: 10, pattern: "\\S" }, contractId: int({ minimum: 1 }), paymentRef: nullable({ type: "string", maxLength: 50 }),
    paymentValue: money({ exclusiveMinimum: 0 }), paymentSuccessful: { type: "boolean" }, message: nullable({ type: "string", maxLength: 250 }),
    paymentType: str, upfrontPayment: { type: ["boolean", "null"] }, LoyaltyPointsToUse: nullable(int({ minimum: 0 })),
  }, ["accountCode", "contractId", "paymentValue", "paymentSuccessful"]),
  FinancePaymentLogRequest: object({
    process: str, action: str, note: str, message: str, order_id: str, external_payment_id: nullable(int()), regent_id: nullable(int()),
    amount: nullable(money()), payment_type: str, customer_ip: str, name: str, email: nullable({ type: "string", format: "email-fv" }),
    phone: str, addr1: str, addr2: str, city: str, state: str, country: str, code: str, current_status: str,
    current_status_date: nullable({ type: "string", format: "date-net" }), pushed_to_gl: { type: ["boolean", "null"] },
    pushed_to_gl_date: nullable({ type: "string", format: "date-net" }),
  }, []),
};
const compiled = Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, ajv.compile(s)]));

/** The number of fields ajv finds errors in (anyOf branches report one error per branch). */
export const errorCount = (dto) => (input) => {
  const check = compiled[dto];
  if (check(input)) {
    // gstAmount <= amount is not expressible in JSON Schema without $data; checked here.
    return dto === "CreatePaymentRequest" && input.gstAmount > input.amount ? 1 : 0;
  }
  const fields = new Set(check.errors.map((e) => e.instancePath || e.params.missingProperty));
  const cross = dto === "CreatePaymentRequest" && typeof input.gstAmount === "number" && input.gstAmount > input.amount ? 1 : 0;
  return fields.size + cross;
};
