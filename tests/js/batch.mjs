// Validates a batch of JSON texts through the built package, as a browser would (JSON.parse, then validate); one JSON line in, one out.
// Input lines: {"dto": DtoName, "text": "<request body>", "locale"?: string} (every language of
// the package is loaded, from pkg/locales/*.json, so a locale words the messages as in a page). Output lines: {"parsed": false} when
// JSON.parse rejects the text, else {"parsed": true, "result": "<JSON>", "body": "<JSON>"}; and
// always "textResult": validateJson(dto, text) as JSON text.
import { readFileSync, readdirSync, writeSync } from "node:fs";
import { validate, validateJson, serverError, addLanguage, pkgPath } from "./load.mjs";

for (const file of readdirSync(pkgPath("locales")).filter((f) => f.endsWith(".json") && f !== "index.json")) {
  addLanguage(JSON.parse(readFileSync(pkgPath(`locales/${file}`), "utf8")));
}

const out = [];
for (const line of readFileSync(0, "utf8").split("\n")) {
  if (line === "") continue;
  const { dto, text, locale } = JSON.parse(line);
  const options = locale === undefined ? undefined : { locale };
  const textResult = JSON.stringify(validateJson(dto, text, options));
  let input;
  try {
    input = JSON.parse(text);
  } catch {
    out.push(JSON.stringify({ parsed: false, textResult }));
    continue;
  }
  const result = validate(dto, input, options);
  out.push(JSON.stringify({ parsed: true, result: JSON.stringify(result), body: JSON.stringify(serverError(dto, result)), textResult }));
}
const bytes = Buffer.from(out.join("\n") + "\n");
for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at);
