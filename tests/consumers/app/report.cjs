// What both Node consumers print: real results from the API they loaded (`import` or `require`), as one line of JSON.
module.exports = function report({ validate, validateJson, serverError, dtoNames, describe }) {
  const result = validate("CreatePaymentRequest", { amount: "10", gstAmount: 12 });
  console.log(JSON.stringify({
    result,
    json: validateJson("RecordPaymentBindingModel", '{"accountCode": "   "}'),
    body: serverError("CreatePaymentRequest", result),
    names: dtoNames(),
    fields: describe("RecordPaymentBindingModel").length,
  }));
};
