// The ServiceStack bodies from serverError, read by the real @servicestack/client helpers (errorResponse, errorResponseExcept, errorResponseSummary).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { validate, serverError } from "./load.mjs";

const { errorResponse, errorResponseExcept, errorResponseSummary } = createRequire(import.meta.url)("@servicestack/client");

// The helpers read `this.responseStatus`, as on a caught WebServiceException or an error response DTO.
const statusOf = (dto, input) => serverError(dto, validate(dto, input));

test("errorResponse finds each field's message, case-insensitively, by its C# name or its wire name", () => {
  const body = statusOf("OnceOffPaymentRequest", { Segment: "Retail", FirstName: "Ada", InvoiceNumber: "1", AmountOutstanding: 10, CurrenciesId: 0, ChannelsId: 1, Email: "nope" });
  assert.equal(errorResponse.call(body, "LastName"), "'Last Name' must not be empty.");
  assert.equal(errorResponse.call(body, "lastName"), "'Last Name' must not be empty.");
  assert.equal(errorResponse.call(body, "Email"), "'Email' is not a valid email address.");
  assert.equal(errorResponse.call(body, "CurrenciesId"), "'Currencies Id' must be greater than '0'.");
  assert.equal(errorResponse.call(body, "FirstName"), undefined);
  const payment = statusOf("CreatePaymentRequest", { amount: 10, gstAmount: 11 });
  assert.equal(errorResponse.call(payment, "gstAmount"), "'Gst Amount' must be less than or equal to '10'.");
  assert.equal(errorResponse.call(payment, "GstAmount"), "'Gst Amount' must be less than or equal to '10'.");
});

test("errorResponseExcept gives the first error outside the listed fields", () => {
  const body = statusOf("OnceOffPaymentRequest", { FirstName: "Ada", LastName: "L", InvoiceNumber: "1", AmountOutstanding: 10, CurrenciesId: 1, ChannelsId: 1 });
  // Only Segment is wrong: listed, nothing else to show; not listed, it is shown.
  assert.equal(errorResponseExcept.call(body, ["Segment"]), undefined);
  assert.equal(errorResponseExcept.call(body, "Segment,FirstName"), undefined);
  assert.equal(errorResponseExcept.call(body, ["FirstName"]), "'Segment' must not be empty.");
  const two = statusOf("FinancePaymentLogRequest", { email: "x", amount: 1.001 });
  assert.equal(errorResponseExcept.call(two, ["email"]), undefined); // a listed field has an error
  assert.equal(errorResponseExcept.call(two, ["order_id"]), "'amount' must not be more than 18 digits in total, with allowance for 2 decimals. 1 digits and 3 decimals were found.");
});

test("errorResponseSummary shows a request-level error, and defers to field errors", () => {
  assert.equal(errorResponseSummary.call(statusOf("CreatePaymentRequest", [1, 2])), "The request body must be a JSON object.");
  assert.equal(errorResponseSummary.call(statusOf("CreatePaymentRequest", null)), "The request body must be a JSON object.");
  assert.equal(errorResponseSummary.call(statusOf("CreatePaymentRequest", {})), undefined);
  assert.equal(errorResponse.call(statusOf("CreatePaymentRequest", "x"), null), "The request body must be a JSON object.");
});
