// `payrules/server-errors`: fromServerError reads a server's answer (ServiceStack `responseStatus`, Web API `ModelState`) back into a ValidationResult, so errors only the server knows show where client errors show.
//
// Its own entry, out of what a browser loads first (the size budget): it needs no wasm. What it
// knows of each DTO comes from the rule tables: scripts/package.mjs writes them into
// server-errors-data.js from the crate's `read_back_data()`. It reads bodies exactly as the
// crate's `from_server_error` does (src/read_back.rs); tests/js/server-errors.test.mjs holds the
// two to the same results on every vector's body and tests/server_errors.json's bodies.
import { DATA } from "./server-errors-data.js";

const utf8 = new TextEncoder();
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const objectOrNull = (value) => (value !== null && typeof value === "object" && !Array.isArray(value) ? value : null);
const text = (value) => (typeof value === "string" ? value : "");
// A key of a .NET host's JSON: camelCase, else PascalCase (as the crate's `get`).
const pick = (object, camel, pascal) => (own(object, camel) ? object[camel] : object[pascal]);
const lowerAscii = (name) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** The body's shape and strings: `{ shape, code, message, errors: [name, code, message][] }`. */
function readBody(body) {
  const none = { shape: null, code: "", message: "", errors: [] };
  try {
    if (typeof body === "string") body = JSON.parse(body);
    const object = objectOrNull(body);
    if (object === null) return none;
    const status = objectOrNull(pick(object, "responseStatus", "ResponseStatus"));
    if (status !== null) {
      const list = pick(status, "errors", "Errors");
      const errors = (Array.isArray(list) ? list : []).map(objectOrNull).filter((e) => e !== null)
        .map((e) => [text(pick(e, "fieldName", "FieldName")), text(pick(e, "errorCode", "ErrorCode")), text(pick(e, "message", "Message"))]);
      return { shape: "ServiceStack", code: text(pick(status, "errorCode", "ErrorCode")), message: text(pick(status, "message", "Message")), errors };
    }
    if (!own(object, "Message") && !own(object, "ModelState")) return none;
    const state = objectOrNull(object.ModelState) ?? {};
    const errors = Object.keys(state).flatMap((key) => (Array.isArray(state[key]) ? state[key].map((message) => [key, "", text(message)]) : []));
    return { shape: "WebApi", code: "", message: text(object.Message), errors };
  } catch {
    return none; // text that is not JSON, a getter or Proxy trap that throws
  }
}

/** The field whose C# name is `name` (exactly, else ASCII case-insensitively): [wire, C#, label, expected type]. */
function fieldNamed(table, name) {
  return table.fields.find(([, csharp]) => csharp === name) ?? (name === "" ? undefined : table.fields.find(([, csharp]) => lowerAscii(csharp) === lowerAscii(name)));
}

/** The code payrules gives Web API's `message` of `field`: the longest template it fills, with the
 * field's label and expected type, any text for the other placeholders. */
function webApiCode([, , label, expectedType], message) {
  let best = null;
  let bestLength = -1;
  for (const [code, template] of DATA.webApiTemplates) {
    const pieces = template.split(/\{(\w+)\}/);
    let source = "^";
    let length = 0;
    pieces.forEach((piece, i) => {
      const literal = i % 2 === 0 ? piece : piece === "PropertyName" ? label : piece === "ExpectedType" ? expectedType : null;
      if (literal === null) return void (source += "[\\s\\S]*");
      source += literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      length += utf8.encode(literal).length;
    });
    if (new RegExp(`${source}$`).test(message) && length >= bestLength) [best, bestLength] = [code, length];
  }
  return best ?? DATA.serverOnlyCode;
}

/**
 * A server's answer to a request of `dto` as a ValidationResult: valid for a 2xx status, else its
 * errors in the body's order (Web API's in field order). C# names become wire names; Web API
 * messages get the code payrules gives them. An error naming no field, a request-level error, a
 * non-400 answer and an unreadable body are errors of the request as a whole (`field` ""), with
 * the server's message where it gave one; none is dropped. `body`: the parsed JSON or its text.
 */
export function fromServerError(dto, status, body) {
  const table = typeof dto === "string" && own(DATA.dtos, dto) ? DATA.dtos[dto] : undefined;
  if (table === undefined) {
    const named = typeof dto === "string" ? `unknown DTO "${dto.replace(/["\\]/g, "\\$&")}"` : "a DTO name is a string";
    throw new Error(`${named}; known DTOs: ${Object.keys(DATA.dtos).join(", ")}`);
  }
  if (!Number.isInteger(status) || status < 100 || status > 599) throw new Error("fromServerError: `status` is an HTTP status code, a whole number from 100 to 599");
  const errors = [];
  if (status >= 200 && status < 300) return { valid: true, errors };
  const reply = readBody(body);
  const webApi = reply.shape === "WebApi";
  let entries = reply.errors;
  if (webApi) {
    const place = ([name]) => {
      const dot = name.indexOf(".");
      const field = dot < 0 ? undefined : fieldNamed(table, name.slice(dot + 1));
      return field === undefined ? 0 : table.fields.indexOf(field) + 1;
    };
    entries = entries.map((entry) => [place(entry), entry]).sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
  }
  for (let [name, code, message] of entries) {
    if (webApi) {
      const dot = name.indexOf(".");
      name = dot < 0 ? "" : name.slice(dot + 1);
    }
    const field = fieldNamed(table, name);
    if (field === undefined) errors.push({ field: "", code: webApi ? table.requestCode : code, message });
    else errors.push({ field: field[0], code: webApi ? webApiCode(field, message) : code, message });
  }
  if (errors.length === 0) {
    const code = reply.code === "" ? table.requestCode : reply.code;
    if (reply.shape !== null && !(reply.code === "" && reply.message === "")) errors.push({ field: "", code, message: reply.message });
    else errors.push({ field: "", code: table.requestCode, message: `The server answered ${status} with a body that is not an error of this API.` });
  }
  return { valid: false, errors };
}
