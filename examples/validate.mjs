// The main job for now: validates the sample payloads in examples/payloads.json through the built npm package and prints each result and server body.
import { readFileSync } from "node:fs";
import { validate, serverError } from "../tests/js/load.mjs";

const file = process.argv[2] ?? new URL("payloads.json", import.meta.url);
const payloads = JSON.parse(readFileSync(file, "utf8"));
for (const { dto, input } of payloads) {
  const result = validate(dto, input);
  console.log(`${dto} ${JSON.stringify(input)}`);
  if (result.valid) {
    console.log("  valid");
  } else {
    for (const e of result.errors) console.log(`  ${e.field || "(request)"} ${e.code}: ${e.message}`);
    console.log(`  400 ${JSON.stringify(serverError(dto, result))}`);
  }
}
