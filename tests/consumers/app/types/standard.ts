// Consumer: the Standard Schema exports of payrules (the four DTO objects, parse, their types) handed to react-hook-form's standardSchemaResolver, TanStack Form and Hono's sValidator, type-checked with tsc --strict (must compile).
import {
  CreatePaymentRequest, OnceOffPaymentRequest, RecordPaymentBindingModel, FinancePaymentLogRequest, parse, serverError,
  type DtoName, type DtoSchema, type DtoValue, type DtoValues, type DtoInput, type ParseResult, type StandardSchemaV1,
  type FieldError, type ServiceStackErrorBody, type WebApiErrorBody,
} from "payrules";
import { fromServerError } from "payrules/server-errors";
import { validate, addLanguage, type ValidateOptions, type Language } from "payrules";
import french from "payrules/locales/fr";
import { CreatePaymentRequest as CreatePaymentRequestWithJsonSchema, outputSchemas } from "payrules/json-schema";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { useForm as useTanStackForm } from "@tanstack/react-form";
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";

// Exact types, so a wrong one below would not compile: `Same<A, B>` is `true` only when A and B are the same type.
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Same<A, B>): Same<A, B> => proof;

// The four schema objects, each typed by its DTO.
const schemas: [DtoSchema<"CreatePaymentRequest">, DtoSchema<"OnceOffPaymentRequest">, DtoSchema<"RecordPaymentBindingModel">, DtoSchema<"FinancePaymentLogRequest">] =
  [CreatePaymentRequest, OnceOffPaymentRequest, RecordPaymentBindingModel, FinancePaymentLogRequest];
const vendor: "payrules" = CreatePaymentRequest["~standard"].vendor;
const version: 1 = RecordPaymentBindingModel["~standard"].version;

// validate's result type (synchronous, with payrules' issues) is checked in sync.ts.

// parse narrows on `valid`: the value only when valid, typed by the DTO.
const parsed: ParseResult<"CreatePaymentRequest"> = parse("CreatePaymentRequest", { amount: "10", gstAmount: 1 });
let amount = 0;
let errors: FieldError[] = [];
if (parsed.valid) amount = parsed.value.amount;
else errors = parsed.errors;
const record = parse("RecordPaymentBindingModel", {});
const paid: boolean | undefined = record.valid ? record.value.paymentSuccessful : undefined;
const body: WebApiErrorBody | null = serverError("RecordPaymentBindingModel", record);
const ssBody: ServiceStackErrorBody | null = serverError("CreatePaymentRequest", parsed);

// The value types: money and int32 are numbers, bools booleans, dates text; optional fields optional.
const isNumber: true = same<DtoValue<"CreatePaymentRequest">["amount"], number>(true);
const isInt: true = same<DtoValues["RecordPaymentBindingModel"]["contractId"], number>(true);
const isDate: true = same<DtoValue<"FinancePaymentLogRequest">["pushed_to_gl_date"], string | undefined>(true);
const isOutput: true = same<StandardSchemaV1.InferOutput<typeof CreatePaymentRequest>, DtoValue<"CreatePaymentRequest">>(true);
const isInput: true = same<StandardSchemaV1.InferInput<typeof OnceOffPaymentRequest>, DtoInput<"OnceOffPaymentRequest">>(true);
const output: StandardSchemaV1.InferOutput<typeof CreatePaymentRequest> = { amount: 10, gstAmount: 1.25, particulars: "October" };
const names: DtoName[] = ["CreatePaymentRequest"];

// react-hook-form: the form's values are the schema's input, handleSubmit's the schema's output.
export function RhfForm(onValid: (value: DtoValue<"CreatePaymentRequest">) => void) {
  const form = useForm({ resolver: standardSchemaResolver(CreatePaymentRequest) });
  const registered = form.register("gstAmount");
  const submit = form.handleSubmit((value) => {
    const typed: number = value.amount;
    const particulars: string | undefined = value.particulars;
    onValid(value);
    return [typed, particulars];
  });
  const rootMessage: string | undefined = form.formState.errors.root?.message;
  return { registered, submit, rootMessage };
}

// TanStack Form: the schema as a form-level validator. TanStack requires the schema's input type to be assignable to the
// form's values, so the values are typed as the schema's input (DtoInput: every field optional, any value); a form typed
// { amount: string } is rejected (TS2322), as it is for any schema whose input is wider than text (zod's z.coerce too).
export function TanStackForm() {
  const defaultValues: DtoInput<"CreatePaymentRequest"> = { amount: "", gstAmount: "", particulars: "" };
  const form = useTanStackForm({
    defaultValues,
    validators: { onSubmit: CreatePaymentRequest, onChange: CreatePaymentRequest },
    onSubmit: ({ value }) => {
      const sent: unknown = value.amount;
      const result = parse("CreatePaymentRequest", value);
      return result.valid ? [sent, result.value.amount] : [sent];
    },
  });
  return form;
}

// Hono: c.req.valid("json") is the schema's output.
const app = new Hono().post("/payments", sValidator("json", CreatePaymentRequest), (c) => {
  const value = c.req.valid("json");
  const money: number = value.gstAmount;
  return c.json({ money });
});

// Standard JSON Schema: the input and output schemas of the same object that validates.
const inputSchema: Record<string, unknown> = CreatePaymentRequestWithJsonSchema["~standard"].jsonSchema.input({ target: "draft-2020-12" });
const withJsonSchemaOutput = same<StandardSchemaV1.InferOutput<typeof CreatePaymentRequestWithJsonSchema>, DtoValue<"CreatePaymentRequest">>(true);
const outputSchema = outputSchemas.CreatePaymentRequest;

// The payer's language: a language entry's data, registered, and `{ locale }` on the calls.
const frenchLanguage: Language = french;
addLanguage(frenchLanguage);
const inFrench: ValidateOptions = { locale: "fr-CA" };
const frenchErrors: FieldError[] = validate("CreatePaymentRequest", {}, inFrench).errors;
const frenchIssues = CreatePaymentRequest["~standard"].validate({}, { libraryOptions: inFrench }).issues;

// A server's answer read back: a ValidationResult, whatever the body.
const readBack: { valid: boolean; errors: FieldError[] } = fromServerError("OnceOffPaymentRequest", 400, JSON.parse("{}") as unknown);

export { schemas, vendor, version, amount, errors, paid, body, ssBody, isNumber, isInt, isDate, isOutput, isInput, output, names, app, readBack, inputSchema, withJsonSchemaOutput, outputSchema, frenchErrors, frenchIssues };
