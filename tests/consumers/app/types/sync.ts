// Consumer: a DTO schema's `~standard.validate` is typed as what it is at run time, synchronous with payrules' issues (tsc --strict, must compile).
import { CreatePaymentRequest, RecordPaymentBindingModel, type DtoSchemaResult, type DtoIssue } from "payrules";

const result: DtoSchemaResult<"CreatePaymentRequest"> = CreatePaymentRequest["~standard"].validate({ amount: "10", gstAmount: 1 });
const amount: number | undefined = result.issues === undefined ? result.value.amount : undefined;
const issue: DtoIssue | undefined = RecordPaymentBindingModel["~standard"].validate({}).issues?.[0];
const code: string | undefined = issue?.code;
const field: string | undefined = issue?.path?.[0];

export { amount, code, field };
