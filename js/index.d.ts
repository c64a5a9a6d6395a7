// The package's types: the API and its data types, whichever entry (browser, bundler, worker, Node import or require) loads it.
export { validate, validateJson, serverError, dtoNames, validateForm, validateField, describe, describeApi } from "./payrules.js";
export type {
  DtoName,
  FieldError,
  ValidationResult,
  ResponseError,
  ResponseStatus,
  ServiceStackErrorBody,
  WebApiErrorBody,
  ServerErrorBody,
  FormInput,
  HtmlAttributes,
  FieldDescription,
  ApiDescription,
  WebApiDtoName,
} from "./payrules.js";
