// Removes the "name" custom section (function names, for debuggers and profilers) from a built .wasm: about a fifth of the module.
// Usage: node scripts/strip-wasm-names.mjs pkg/payrules_bg.wasm   (PAYRULES_KEEP_NAMES=1 keeps them, e.g. to profile)
import { readFileSync, writeFileSync } from "node:fs";

const file = process.argv[2];
if (process.env.PAYRULES_KEEP_NAMES === "1") process.exit(0);
const bytes = readFileSync(file);
if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error(`${file} is not a wasm module`);

// Unsigned LEB128 at `at`: [value, next offset].
function leb(at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

const kept = [bytes.subarray(0, 8)];
let at = 8, removed = 0;
while (at < bytes.length) {
  const start = at;
  const id = bytes[at];
  const [size, payload] = leb(at + 1);
  const end = payload + size;
  if (end > bytes.length) throw new Error("truncated section");
  let drop = false;
  if (id === 0) {
    const [nameLength, nameStart] = leb(payload);
    drop = bytes.toString("utf8", nameStart, nameStart + nameLength) === "name";
  }
  if (drop) removed += end - start;
  else kept.push(bytes.subarray(start, end));
  at = end;
}
writeFileSync(file, Buffer.concat(kept));
console.log(`${file}: removed the name section (${removed} bytes)`);
