// The spec's rules in yup 1 (strict: no coercion; exact-case keys).
import * as yup from "yup";
import { EMAIL, URL, isDate, isMoney, INT32 } from "./rules.mjs";

const str = () => yup.string().nullable();
const int = () => yup.number().integer().min(INT32.min).max(INT32.max);
const money = () => yup.number().test("money", "scale", (n) => n == null || isMoney(n));
const date = () => yup.string().nullable().test("date", "date", (s) => s == null || isDate(s));
const map = () => yup.object().nullable().test("map", "map", (m) => m == null || Object.values(m).every((x) => x === null || typeof x === "string"));

const schemas = {
  OnceOffPaymentRequest: yup.object({
    Segment: yup.string().defined(), FirstName: yup.string().defined(), LastName: yup.string().defined(),
    Address: str(), City: str(), Region: str(), Suburb: str(), PostalCode: str(), MobileNumber: str(),
    Email: str().matches(EMAIL), IdNumber: str(), PassportNumber: str(), InvoiceNumber: yup.string().defined(),
    DebtDate: date(), AmountOutstanding: money().required().moreThan(0), CurrenciesId: int().required().moreThan(0),
    ChannelsId: int().required().moreThan(0), DebtMeta: map(), CustomersMeta: map(), UrlToDocument: str().matches(URL),
    CustomerUniqueIdentifier: str(),
  }).strict(),
  CreatePaymentRequest: yup.object({
    organisationId: str(), salaryPackageId: str(), amount: money().required().moreThan(0),
    gstAmount: money().required().min(0).test("lte", "gst", function (g) { return typeof this.parent.amount !== "number" || g <= this.parent.amount; }),
    particulars: str(), budgetCategory: str(),
  }).strict(),
  RecordPaymentBindingModel: yup.object({
    accountCode: yup.string().required().trim().max(10), contractId: int().required().min(1), paymentRef: str().max(50),
    paymentValue: money().required().moreThan(0), paymentSuccessful: yup.boolean().required(), message: str().max(250),
    paymentType: str(), upfrontPayment: yup.boolean().nullable(), LoyaltyPointsToUse: int().nullable().min(0),
  }).strict(),
  FinancePaymentLogRequest: yup.object({
    process: str(), action: str(), note: str(), message: str(), order_id: str(), external_payment_id: int().nullable(),
    regent_id: int().nullable(), amount: money().nullable(), payment_type: str(), customer_ip: str(), name: str(),
    email: str().matches(EMAIL), phone: str(), addr1: str(), addr2: str(), city: str(), state: str(), country: str(),
    code: str(), current_status: str(), current_status_date: date(), pushed_to_gl: yup.boolean().nullable(), pushed_to_gl_date: date(),
  }).strict(),
};

/** The number of errors yup finds (abortEarly: false). */
export const errorCount = (dto) => (input) => {
  try {
    schemas[dto].validateSync(input, { abortEarly: false });
    return 0;
  } catch (e) {
    return e.inner?.length || 1;
  }
};
