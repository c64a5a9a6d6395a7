// The spec's rules in zod 4 (exact-case keys: zod has no case-insensitive binding).
import { z } from "zod";
import { EMAIL, URL, isDate, isMoney, INT32 } from "./rules.mjs";

const str = z.string().nullish();
const int = z.number().int().min(INT32.min).max(INT32.max);
const money = z.number().refine(isMoney, "must not be more than 18 digits in total, with allowance for 2 decimals");

const schemas = {
  OnceOffPaymentRequest: z.object({
    Segment: z.string(), FirstName: z.string(), LastName: z.string(),
    Address: str, City: str, Region: str, Suburb: str, PostalCode: str, MobileNumber: str,
    Email: z.string().regex(EMAIL).nullish(), IdNumber: str, PassportNumber: str, InvoiceNumber: z.string(),
    DebtDate: z.string().refine(isDate).nullish(), AmountOutstanding: money.refine((n) => n > 0),
    CurrenciesId: int.gt(0), ChannelsId: int.gt(0),
    DebtMeta: z.record(z.string(), z.string().nullable()).nullish(), CustomersMeta: z.record(z.string(), z.string().nullable()).nullish(),
    UrlToDocument: z.string().regex(URL).nullish(), CustomerUniqueIdentifier: str,
  }),
  CreatePaymentRequest: z.object({
    organisationId: str, salaryPackageId: str, amount: money.refine((n) => n > 0), gstAmount: money.refine((n) => n >= 0),
    particulars: str, budgetCategory: str,
  }).refine((r) => r.gstAmount <= r.amount, { path: ["gstAmount"] }),
  RecordPaymentBindingModel: z.object({
    accountCode: z.string().trim().min(1).max(10), contractId: int.min(1), paymentRef: z.string().max(50).nullish(),
    paymentValue: money.refine((n) => n > 0), paymentSuccessful: z.boolean(), message: z.string().max(250).nullish(),
    paymentType: str, upfrontPayment: z.boolean().nullish(), LoyaltyPointsToUse: int.min(0).nullish(),
  }),
  FinancePaymentLogRequest: z.object({
    process: str, action: str, note: str, message: str, order_id: str, external_payment_id: int.nullish(), regent_id: int.nullish(),
    amount: money.nullish(), payment_type: str, customer_ip: str, name: str, email: z.string().regex(EMAIL).nullish(),
    phone: str, addr1: str, addr2: str, city: str, state: str, country: str, code: str, current_status: str,
    current_status_date: z.string().refine(isDate).nullish(), pushed_to_gl: z.boolean().nullish(), pushed_to_gl_date: z.string().refine(isDate).nullish(),
  }),
};

/** The number of errors zod finds. */
export const errorCount = (dto) => (input) => {
  const result = schemas[dto].safeParse(input);
  return result.success ? 0 : result.error.issues.length;
};
