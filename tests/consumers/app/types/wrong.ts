// Consumer that must NOT compile: each line below is a mistake the types catch (the test expects exactly these errors).
import { validate, serverError } from "payrules";
import { payrulesResolver } from "payrules/react-hook-form";

validate("OnceOffPayment", {}); // TS2345: not a DtoName
validate("CreatePaymentRequest", {}).errors[0]?.feild; // TS2551: no such field (did you mean 'field'?)
serverError("RecordPaymentBindingModel", validate("RecordPaymentBindingModel", {}))?.responseStatus; // TS2339: a Web API body has no responseStatus
payrulesResolver("Payments"); // TS2345: not a DtoName
