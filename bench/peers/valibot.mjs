// The spec's rules in valibot 1 (exact-case keys).
import * as v from "valibot";
import { EMAIL, URL, isDate, isMoney, INT32 } from "./rules.mjs";

const str = v.nullish(v.string());
const int = (...checks) => v.pipe(v.number(), v.integer(), v.minValue(INT32.min), v.maxValue(INT32.max), ...checks);
const money = (...checks) => v.pipe(v.number(), v.check(isMoney), ...checks);

const schemas = {
  OnceOffPaymentRequest: v.object({
    Segment: v.string(), FirstName: v.string(), LastName: v.string(),
    Address: str, City: str, Region: str, Suburb: str, PostalCode: str, MobileNumber: str,
    Email: v.nullish(v.pipe(v.string(), v.regex(EMAIL))), IdNumber: str, PassportNumber: str, InvoiceNumber: v.string(),
    DebtDate: v.nullish(v.pipe(v.string(), v.check(isDate))), AmountOutstanding: money(v.gtValue(0)),
    CurrenciesId: int(v.gtValue(0)), ChannelsId: int(v.gtValue(0)),
    DebtMeta: v.nullish(v.record(v.string(), v.nullable(v.string()))), CustomersMeta: v.nullish(v.record(v.string(), v.nullable(v.string()))),
    UrlToDocument: v.nullish(v.pipe(v.string(), v.regex(URL))), CustomerUniqueIdentifier: str,
  }),
  CreatePaymentRequest: v.pipe(
    v.object({ organisationId: str, salaryPackageId: str, amount: money(v.gtValue(0)), gstAmount: money(v.minValue(0)), particulars: str, budgetCategory: str }),
    v.forward(v.partialCheck([["amount"], ["gstAmount"]], (r) => r.gstAmount <= r.amount), ["gstAmount"]),
  ),
  RecordPaymentBindingModel: v.object({
    accountCode: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(10)), contractId: int(v.minValue(1)),
    paymentRef: v.nullish(v.pipe(v.string(), v.maxLength(50))), paymentValue: money(v.gtValue(0)), paymentSuccessful: v.boolean(),
    message: v.nullish(v.pipe(v.string(), v.maxLength(250))), paymentType: str, upfrontPayment: v.nullish(v.boolean()),
    LoyaltyPointsToUse: v.nullish(int(v.minValue(0))),
  }),
  FinancePaymentLogRequest: v.object({
    process: str, action: str, note: str, message: str, order_id: str, external_payment_id: v.nullish(int()), regent_id: v.nullish(int()),
    amount: v.nullish(money()), payment_type: str, customer_ip: str, name: str, email: v.nullish(v.pipe(v.string(), v.regex(EMAIL))),
    phone: str, addr1: str, addr2: str, city: str, state: str, country: str, code: str, current_status: str,
    current_status_date: v.nullish(v.pipe(v.string(), v.check(isDate))), pushed_to_gl: v.nullish(v.boolean()),
    pushed_to_gl_date: v.nullish(v.pipe(v.string(), v.check(isDate))),
  }),
};

/** The number of errors valibot finds. */
export const errorCount = (dto) => (input) => {
  const result = v.safeParse(schemas[dto], input);
  return result.success ? 0 : result.issues.length;
};
