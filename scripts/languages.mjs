// Extracts the message templates of every language ServiceStack's bundled FluentValidation ships into src/languages/service_stack.rs (generated, committed), failing on anything payrules could not word exactly.
//
// Usage: node scripts/languages.mjs [--repo <git dir>] [--commit <sha>] [--out <file>] [--check]
//   --repo    a clone (or bare mirror) of github.com/ServiceStack/ServiceStack
//             (default: /work/.mirror/ServiceStack+ServiceStack/repo)
//   --commit  the commit to read (default: the one the committed file was made from)
//   --out     the Rust file to write (default: src/languages/service_stack.rs)
//   --check   write nothing; fail if the file differs from what the source gives
//
// The templates are data (facts of how a ServiceStack server words its errors), read with
// `git show`; no code of the source is copied. For each language the script takes the culture
// names FluentValidation's LanguageManager matches it by and the templates of the keys payrules
// reports (KEYS below). It fails loudly when: the LanguageManager and the language files do not
// name the same languages; a language lacks a key or has it twice; a template is not a plain
// C# string literal; or a template uses a placeholder payrules does not fill for that violation
// (the violation's `Violation::placeholders` in src/table.rs, plus PropertyName).

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const UPSTREAM = "ServiceStack/ServiceStack";
const DEFAULT_REPO = "/work/.mirror/ServiceStack+ServiceStack/repo";
const DEFAULT_COMMIT = "1d95209be7719f1bf3f87dabc92cee7027a29abe";
const RESOURCES = "ServiceStack/src/ServiceStack/FluentValidation/Resources";
const LANGUAGES_DIR = `${RESOURCES}/Languages`;

// The FluentValidation keys payrules reports for ServiceStack DTOs: the field of `Templates` in
// src/languages/mod.rs each is written to, and the `Violation` it words. (Url, TypeMismatch,
// Date and request-level errors are payrules' own: FluentValidation has no key for them.)
const KEYS = [
  ["NotNullValidator", "not_null", "Required"],
  ["NotEmptyValidator", "not_empty", "NotBlank"],
  ["MaximumLengthValidator", "maximum_length", "MaxLength"],
  ["EmailValidator", "email", "Email"],
  ["ScalePrecisionValidator", "scale_precision", "Decimal"],
  ["GreaterThanValidator", "greater_than", "GreaterThan"],
  ["GreaterThanOrEqualValidator", "greater_than_or_equal", "GreaterThanOrEqual"],
  ["LessThanValidator", "less_than", "LessThan"],
  ["LessThanOrEqualValidator", "less_than_or_equal", "LessThanOrEqual"],
  ["InclusiveBetweenValidator", "inclusive_between", "InclusiveBetween"],
  ["ExclusiveBetweenValidator", "exclusive_between", "ExclusiveBetween"],
];

function fail(message) {
  console.error(`scripts/languages.mjs: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const options = { repo: DEFAULT_REPO, commit: null, out: join(ROOT, "src/languages/service_stack.rs"), check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => argv[++i] ?? fail(`${arg} needs a value`);
    if (arg === "--repo") options.repo = value();
    else if (arg === "--commit") options.commit = value();
    else if (arg === "--out") options.out = value();
    else if (arg === "--check") options.check = true;
    else fail(`unknown argument ${arg} (see the usage at the top of the script)`);
  }
  return options;
}

function git(repo, ...args) {
  try {
    return execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 64 << 20 });
  } catch (error) {
    fail(`git ${args.join(" ")} failed in ${repo}: ${error.stderr || error.message}`);
  }
}

/// The placeholders each violation fills, read from `Violation::placeholders` in src/table.rs.
function violationPlaceholders() {
  const source = readFileSync(join(ROOT, "src/table.rs"), "utf8");
  const start = source.indexOf("pub const fn placeholders(self)");
  if (start < 0) fail("src/table.rs has no `pub const fn placeholders(self)`");
  const body = source.slice(start, source.indexOf("\n    }\n", start));
  const filled = new Map();
  for (const arm of body.matchAll(/((?:\|?\s*Violation::\w+\s*)+)=>\s*&\[([^\]]*)\]/g)) {
    const names = arm[2].split(",").map((s) => s.trim()).filter(Boolean);
    for (const violation of arm[1].matchAll(/Violation::(\w+)/g)) filled.set(violation[1], names);
  }
  for (const [, , violation] of KEYS) {
    if (!filled.has(violation)) fail(`src/table.rs: Violation::placeholders has no arm for ${violation}`);
  }
  return filled;
}

/// The value of the C# regular string literal starting at `text[at]` (a `"`), and where it ends.
function csharpString(text, at, where) {
  if (text[at] !== '"') fail(`${where}: expected a plain C# string literal ("…"), found ${JSON.stringify(text.slice(at, at + 20))}`);
  let value = "";
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value, end: i + 1 };
    if (c === "\n" || c === "\r") fail(`${where}: string literal runs past the end of its line`);
    if (c !== "\\") {
      value += c;
      continue;
    }
    const e = text[++i];
    const simple = { '"': '"', "'": "'", "\\": "\\", "0": "\0", a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v" };
    if (e in simple) value += simple[e];
    else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
      value += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
      i += 4;
    } else fail(`${where}: unsupported escape \\${e} in a string literal`);
  }
  fail(`${where}: unterminated string literal`);
}

/// `public const string <Name> = "<value>";` constants of a class file, by name.
function constants(text, where) {
  const found = new Map();
  for (const m of text.matchAll(/public\s+const\s+string\s+(\w+)\s*=\s*/g)) {
    const { value } = csharpString(text, m.index + m[0].length, `${where} ${m[1]}`);
    found.set(m[1], value);
  }
  return found;
}

/// The `"Key" => "template",` entries of a language's GetTranslation switch, by key.
function translations(text, where) {
  const start = text.indexOf("GetTranslation(string key) => key switch {");
  if (start < 0) fail(`${where}: no \`GetTranslation(string key) => key switch {\``);
  const entries = new Map();
  const entry = /"(\w+)"\s*=>\s*/g;
  entry.lastIndex = start;
  for (let m; (m = entry.exec(text)); ) {
    const key = m[1];
    const { value, end } = csharpString(text, entry.lastIndex, `${where} ${key}`);
    if (entries.has(key)) fail(`${where}: the key ${key} appears twice`);
    entries.set(key, value);
    entry.lastIndex = end;
  }
  return entries;
}

/// "ChineseSimplifiedLanguage" → "Chinese Simplified".
function languageName(className) {
  return className.replace(/Language$/, "").replace(/([a-z])([A-Z])/g, "$1 $2");
}

/// A Rust string literal of `value` (UTF-8 text as is; quotes, backslashes and controls escaped).
function rustString(value) {
  let out = '"';
  for (const c of value) {
    const code = c.codePointAt(0);
    if (c === '"' || c === "\\") out += `\\${c}`;
    else if (code < 0x20 || code === 0x7f) out += `\\u{${code.toString(16)}}`;
    else out += c;
  }
  return `${out}"`;
}

function extract(repo, commit) {
  const resolved = git(repo, "rev-parse", `${commit}^{commit}`).trim();
  const date = git(repo, "show", "-s", "--format=%cs", resolved).trim();
  const show = (path) => git(repo, "show", `${resolved}:${path}`);
  const files = git(repo, "ls-tree", "--name-only", resolved, `${LANGUAGES_DIR}/`)
    .split("\n")
    .filter((path) => path.endsWith("Language.cs"))
    .map((path) => path.slice(LANGUAGES_DIR.length + 1))
    .sort();
  if (files.length === 0) fail(`${repo}@${resolved} has no ${LANGUAGES_DIR}/*Language.cs`);

  // Which class constant the LanguageManager matches each culture name with.
  const manager = show(`${RESOURCES}/LanguageManager.cs`);
  const matched = new Map(); // class → constant names, in the switch's order
  for (const m of manager.matchAll(/^\s*(\w+Language)\.(\w+)\s*=>\s*(\w+Language)\.GetTranslation\(key\)/gm)) {
    if (m[1] !== m[3]) fail(`LanguageManager.cs maps ${m[1]}.${m[2]} to ${m[3]}'s translations`);
    matched.set(m[1], [...(matched.get(m[1]) ?? []), m[2]]);
  }

  const placeholders = violationPlaceholders();
  const languages = [];
  let notice = null;
  const headerless = [];
  for (const file of files) {
    const className = file.replace(/\.cs$/, "");
    const text = show(`${LANGUAGES_DIR}/${file}`);
    if (!text.includes(`class ${className}`)) fail(`${file} does not declare class ${className}`);
    // Each file's licence header (one, ThaiLanguage.cs, has none in ServiceStack's copy: it is
    // listed, and covered by FluentValidation's licence as a whole).
    const header = text.match(/Licensed under the Apache License, Version 2\.0/);
    const copyright = text.match(/\/\/ (Copyright \(c\) [^\n]+)/);
    if (header && copyright) {
      notice ??= copyright[1];
      if (copyright[1] !== notice) fail(`${file}: its copyright line differs from the other files' (${copyright[1]})`);
    } else if (header || copyright || /licen[cs]e/i.test(text)) {
      fail(`${file}: a licence header payrules does not recognise`);
    } else {
      headerless.push(file);
    }

    const names = matched.get(className);
    if (!names) fail(`${file}: LanguageManager.cs does not match any culture to ${className}`);
    matched.delete(className);
    const consts = constants(text, file);
    // The class's own `Culture` first, then any other culture it is matched by (English's en-US, en-GB).
    const ordered = ["Culture", ...names.filter((n) => n !== "Culture")];
    if (!names.includes("Culture")) fail(`${file}: LanguageManager.cs does not match ${className}.Culture`);
    const cultures = ordered.map((n) => consts.get(n) ?? fail(`${file}: no constant ${n}`));

    const entries = translations(text, file);
    const templates = [];
    for (const [key, field, violation] of KEYS) {
      const template = entries.get(key);
      if (template === undefined) fail(`${file} (${cultures[0]}) has no translation of ${key}`);
      const allowed = new Set(["PropertyName", ...placeholders.get(violation)]);
      for (const m of template.matchAll(/\{([^{}]*)\}/g)) {
        if (!allowed.has(m[1])) {
          fail(`${file} (${cultures[0]}) ${key}: the placeholder {${m[1]}} is not one payrules fills for Violation::${violation} (${[...allowed].join(", ")})`);
        }
      }
      const stray = template.replace(/\{[^{}]*\}/g, "");
      if (/[{}]/.test(stray)) fail(`${file} (${cultures[0]}) ${key}: a brace outside a placeholder: ${JSON.stringify(template)}`);
      if (!template.includes("{PropertyName}")) fail(`${file} (${cultures[0]}) ${key}: the template does not name its field`);
      templates.push([field, key, template]);
    }
    languages.push({ file, name: languageName(className), cultures, templates });
  }
  if (matched.size > 0) fail(`LanguageManager.cs names languages without a file: ${[...matched.keys()].join(", ")}`);
  const cultures = languages.flatMap((l) => l.cultures);
  const lower = cultures.map((c) => c.toLowerCase());
  if (new Set(lower).size !== lower.length) fail(`two languages share a culture name: ${cultures.join(", ")}`);
  const english = languages.findIndex((l) => l.cultures[0] === "en");
  if (english < 0) fail("no English language (culture en)");
  if (!notice) fail("no language file carries the Apache-2.0 header");
  return { commit: resolved, date, notice, headerless, languages, english };
}

function render({ commit, date, notice, headerless, languages, english }) {
  const lines = [];
  const push = (line = "") => lines.push(line);
  push(`//! The message templates of every language ServiceStack's FluentValidation ships, for the keys payrules reports: generated by scripts/languages.mjs, do not edit.`);
  push(`//!`);
  push(`//! Source: github.com/${UPSTREAM} at ${commit} (${date}),`);
  push(`//! \`${LANGUAGES_DIR}/*Language.cs\``);
  push(`//! (the culture names as \`${RESOURCES}/LanguageManager.cs\` matches them).`);
  push(`//! Regenerate: \`node scripts/languages.mjs --repo <clone of ${UPSTREAM}> --commit <sha>\`.`);
  push(`//!`);
  push(`//! Notice: the templates are part of FluentValidation as ServiceStack bundles it,`);
  push(`//! ${notice.replace(/\.$/, "")}, licensed under the Apache License, Version 2.0`);
  push(`//! (<http://www.apache.org/licenses/LICENSE-2.0>); they are reproduced here unmodified, as`);
  push(`//! data. The latest version of the originals: <https://github.com/FluentValidation/FluentValidation>.`);
  if (headerless.length > 0) {
    push(`//! Without a licence header of their own in that copy (covered by FluentValidation's licence`);
    push(`//! as a whole): ${headerless.map((f) => `\`${f}\``).join(", ")}.`);
  }
  push();
  push(`use super::{Language, Templates};`);
  push();
  push(`/// The commit of github.com/${UPSTREAM} the templates were read from.`);
  push(`pub(crate) const SOURCE_COMMIT: &str = ${rustString(commit)};`);
  push();
  push(`/// Where the language files are in that repository.`);
  // As rustfmt writes it (the generated file is kept rustfmt-clean, so --check stays exact).
  const dir = `pub(crate) const SOURCE_DIR: &str = ${rustString(LANGUAGES_DIR)};`;
  push(dir.length <= 100 ? dir : `pub(crate) const SOURCE_DIR: &str =\n    ${rustString(LANGUAGES_DIR)};`);
  push();
  push(`/// The index of English (\`en\`, \`en-US\`, \`en-GB\`) in \`LANGUAGES\`.`);
  push(`pub(crate) const ENGLISH: usize = ${english};`);
  push();
  push(`/// Every language, in the order of their files' names.`);
  push(`pub(crate) static LANGUAGES: [Language; ${languages.length}] = [`);
  for (const language of languages) {
    push(`    Language {`);
    push(`        name: ${rustString(language.name)},`);
    push(`        file: ${rustString(language.file)},`);
    push(`        cultures: &[${language.cultures.map(rustString).join(", ")}],`);
    push(`        templates: Templates {`);
    for (const [field, key, template] of language.templates) {
      push(`            // ${key}`);
      push(`            ${field}: ${rustString(template)},`);
    }
    push(`        },`);
    push(`    },`);
  }
  push(`];`);
  return `${lines.join("\n")}\n`;
}

const options = parseArgs(process.argv.slice(2));
let commit = options.commit;
if (!commit) {
  // Default: the commit the committed file names, else the pinned one.
  let current = "";
  try {
    current = readFileSync(options.out, "utf8");
  } catch {}
  commit = current.match(/SOURCE_COMMIT: &str = "([0-9a-f]{40})"/)?.[1] ?? DEFAULT_COMMIT;
}
const extracted = extract(options.repo, commit);
const text = render(extracted);
if (options.check) {
  let current = "";
  try {
    current = readFileSync(options.out, "utf8");
  } catch {}
  if (current !== text) fail(`${options.out} is not what ${UPSTREAM}@${extracted.commit} gives: run node scripts/languages.mjs`);
  console.log(`${options.out}: up to date (${extracted.languages.length} languages, ${KEYS.length} keys each, ${UPSTREAM}@${extracted.commit})`);
} else {
  writeFileSync(options.out, text);
  console.log(`wrote ${options.out}: ${extracted.languages.length} languages, ${KEYS.length} keys each, from ${UPSTREAM}@${extracted.commit}`);
}
