// Consumer: every export of payrules and payrules/react-hook-form, type-checked with tsc --strict (must compile).
import {
  validate, validateJson, serverError, dtoNames, validateForm, validateField, describe,
  type DtoName, type FieldError, type ValidationResult, type ServiceStackErrorBody, type WebApiErrorBody,
  type FieldDescription, type HtmlAttributes,
} from "payrules";
import { payrulesResolver } from "payrules/react-hook-form";
import type { Resolver } from "react-hook-form";

const dto: DtoName = "CreatePaymentRequest";
const result: ValidationResult = validate(dto, { amount: 1 });
const first: FieldError | undefined = result.errors[0];
const code: string | undefined = first?.code;
const fromJson: ValidationResult = validateJson("OnceOffPaymentRequest", "{}");
const names: DtoName[] = dtoNames();
const form: ValidationResult = validateForm("RecordPaymentBindingModel", new URLSearchParams("accountCode=A"));
const one: ValidationResult = validateField("RecordPaymentBindingModel", "accountCode", "", { contractId: 1 });
const fields: FieldDescription[] = describe("FinancePaymentLogRequest");
const html: HtmlAttributes | null = fields[0]?.html ?? null;
// serverError's body type follows the DTO's framework.
const ss: ServiceStackErrorBody | null = serverError("OnceOffPaymentRequest", result);
const webApi: WebApiErrorBody | null = serverError("RecordPaymentBindingModel", result);
const messages: string[] | undefined = webApi?.ModelState["model.accountCode"];
const status: string | undefined = ss?.responseStatus.errors[0]?.meta.PropertyName;
const resolver: Resolver<{ amount: string; gstAmount: string }> = payrulesResolver<{ amount: string; gstAmount: string }>("CreatePaymentRequest");

export { code, fromJson, names, form, one, html, messages, status, resolver };
