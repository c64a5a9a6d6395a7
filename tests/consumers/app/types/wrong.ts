// Consumer that must NOT compile: each line below is a mistake the types catch (the test expects exactly these errors).
import { validate, serverError } from "payrules";
import { payrulesResolver } from "payrules/react-hook-form";

validate("OnceOffPayment", {}); // TS2345: not a DtoName
validate("CreatePaymentRequest", {}).errors[0]?.feild; // TS2551: no such field (did you mean 'field'?)
serverError("RecordPaymentBindingModel", validate("RecordPaymentBindingModel", {}))?.responseStatus; // TS2339: a Web API body has no responseStatus
payrulesResolver("Payments"); // TS2345: not a DtoName
import { parse, CreatePaymentRequest, RecordPaymentBindingModel, type DtoValue, type StandardSchemaV1 } from "payrules";
import { useForm } from "react-hook-form";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
export const notText: string = parse("CreatePaymentRequest", {}).value; // TS2339: no value until narrowed on valid
parse("CreatePaymentReq", {}); // TS2345: not a DtoName
export const narrowed = ((r) => (r.valid ? r.value.amount.toUpperCase() : ""))(parse("CreatePaymentRequest", {})); // TS2339: amount is a number
export const money: DtoValue<"CreatePaymentRequest">["amount"] = "10"; // TS2322: money is a number
export const out: StandardSchemaV1.InferOutput<typeof CreatePaymentRequest> = { amount: 10 }; // TS2741: gstAmount is required
export const other: DtoValue<"PaymentRequest"> = {}; // TS2344: not a DtoName
export const bound: StandardSchemaV1.InferOutput<typeof RecordPaymentBindingModel>["amount"] = 1; // TS2339: not a field of RecordPaymentBindingModel
export const Form = () => useForm({ resolver: standardSchemaResolver(CreatePaymentRequest) }).register("amout"); // TS2345: not a field of the form
export const Submit = () => useForm({ resolver: standardSchemaResolver(CreatePaymentRequest) }).handleSubmit((v) => v.amount.trim()); // TS2339: the submitted amount is a number
import { Hono } from "hono";
import { sValidator } from "@hono/standard-validator";
export const api = new Hono().post("/payments", sValidator("json", CreatePaymentRequest), (c) => c.json(c.req.valid("json").gstAmount.trim())); // TS2339: the validated gstAmount is a number
import { fromServerError } from "payrules/server-errors";
fromServerError("Payments", 400, {}); // TS2345: not a DtoName
