// The demo's behaviour: a form per registered DTO, built from describe() and describeApi(), validated live with the wasm package, and posted to the reference server.
import init, { addLanguage, describe, describeApi, dtoNames, validateField, validateForm, serverError } from "/pkg/payrules.js";
import { fromServerError } from "/pkg/server-errors.js";

await init();

// The payer's language: the messages in the locale chosen below, as the server words them for
// the same Accept-Language. A language is fetched as data (payrules/locales/<culture>.json) and
// registered with addLanguage when first chosen.
const options = { locale: "en" };
const refreshes = [];

/** Creates an element; text only ever goes in through textContent. */
function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value === true ? "" : String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The value a control holds, as validateField reads it. */
const valueOf = (input) => (input.type === "checkbox" ? input.checked : input.value);

/** The JSON body for the form, in form mode: empty fields left out, checkboxes as booleans. */
function requestBody(form) {
  const body = {};
  for (const [name, value] of new FormData(form)) if (value !== "") body[name] = value;
  for (const box of form.querySelectorAll('input[type="checkbox"][name]')) body[box.name] = box.checked;
  return JSON.stringify(body);
}

function buildForm(dto) {
  const fields = describe(dto);
  const { route } = describeApi(dto);
  const panel = element("section", { id: `panel-${dto}`, role: "tabpanel", "aria-labelledby": `tab-${dto}` });
  panel.append(element("h2", {}, `${dto} — POST ${route}`));
  const layout = element("div", { class: "layout" });
  const form = element("form", { id: `form-${dto}`, novalidate: true, "data-dto": dto });
  const summary = element("div", { class: "summary", id: `summary-${dto}`, tabindex: "-1", hidden: true });
  form.append(summary);
  const shown = new Set(); // fields whose errors are on screen: they update as you type
  const inputs = new Map();

  for (const field of fields) {
    if (field.html === null) continue; // a map: no single control holds it (send it as JSON)
    const id = `${dto}-${field.name}`;
    const row = element("div", { class: field.html.type === "checkbox" ? "field check" : "field" });
    const input = element("input", { id, name: field.name, "aria-describedby": `${id}-error`, "aria-invalid": "false", ...field.html });
    const label = element("label", { for: id }, field.label);
    if (field.required && field.html.type !== "checkbox") label.append(element("span", { class: "required", "aria-hidden": "true" }, " *"));
    if (field.html.type === "checkbox") row.append(input, " ", label);
    else row.append(label, input);
    const hints = [];
    if (field.maxLength !== undefined) hints.push(`at most ${field.maxLength} characters`);
    if (field.exclusiveMin !== undefined) hints.push(`more than ${field.exclusiveMin}`);
    else if (field.min !== undefined) hints.push(`at least ${field.min}`);
    if (field.step === 0.01) hints.push("up to 2 decimals");
    if (hints.length) {
      row.append(element("p", { class: "note", id: `${id}-hint` }, hints.join(", ")));
      input.setAttribute("aria-describedby", `${id}-error ${id}-hint`);
    }
    row.append(element("p", { class: "error", id: `${id}-error`, hidden: true }));
    form.append(row);
    inputs.set(field.name, input);
  }
  const skipped = fields.filter((f) => f.html === null).map((f) => f.name);
  if (skipped.length) form.append(element("p", { class: "note" }, `${skipped.join(", ")}: maps, sent as JSON only.`));

  const skip = element("input", { type: "checkbox", id: `${dto}-skip`, class: "skip" });
  const actions = element("div", { class: "actions" });
  actions.append(element("button", { type: "submit" }, "Send"), skip, element("label", { for: `${dto}-skip` }, "Skip client checks (send anyway)"));
  form.append(actions);

  const side = element("div");
  const body = element("pre", { id: `body-${dto}`, "aria-live": "polite" });
  const answer = element("pre", { id: `answer-${dto}`, "aria-live": "polite" });
  const compare = element("p", { id: `compare-${dto}` });
  side.append(element("h3", {}, "The server body this form would get"), body, element("h3", {}, "The server's answer"), answer, compare);
  layout.append(form, side);
  panel.append(layout);

  function showError(name, errors) {
    const input = inputs.get(name);
    const error = document.getElementById(`${input.id}-error`);
    const messages = errors.filter((e) => e.field === name).map((e) => e.message);
    error.textContent = messages.join(" ");
    error.hidden = messages.length === 0;
    input.setAttribute("aria-invalid", messages.length ? "true" : "false");
  }

  function refresh() {
    for (const name of shown) showError(name, validateField(dto, name, valueOf(inputs.get(name)), form, options).errors);
    const result = validateForm(dto, form, options);
    const would = serverError(dto, result);
    body.textContent = would === null ? "valid: 200" : `400 ${JSON.stringify(would, null, 2)}`;
    return result;
  }

  for (const [name, input] of inputs) {
    input.addEventListener("blur", () => {
      shown.add(name);
      refresh();
    });
    input.addEventListener("input", refresh);
    input.addEventListener("change", refresh);
  }

  function showSummary(result, source) {
    summary.replaceChildren();
    summary.dataset.source = source;
    const count = result.errors.length;
    summary.append(element("h2", {}, `There ${count === 1 ? "is 1 problem" : `are ${count} problems`} with this form`));
    const list = element("ul");
    for (const error of result.errors) {
      const item = element("li");
      const input = inputs.get(error.field);
      if (input) {
        const link = element("a", { href: `#${input.id}` }, error.message);
        link.addEventListener("click", (event) => {
          event.preventDefault();
          input.focus();
        });
        item.append(link);
      } else {
        item.textContent = error.message;
      }
      list.append(item);
    }
    summary.append(list);
    summary.hidden = false;
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    for (const name of inputs.keys()) shown.add(name);
    const result = refresh();
    compare.textContent = "";
    compare.className = "";
    if (!result.valid) {
      showSummary(result, "client");
      if (!skip.checked) {
        answer.textContent = "";
        const first = result.errors.map((e) => inputs.get(e.field)).find(Boolean);
        (first ?? summary).focus();
        return;
      }
    } else {
      summary.hidden = true;
    }
    answer.textContent = "sending…";
    const response = await fetch(route, { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": options.locale }, body: requestBody(form) });
    const text = await response.text();
    let shownText = text || "(empty body)";
    try { shownText = JSON.stringify(JSON.parse(text), null, 2); } catch { /* not JSON: show the text */ }
    answer.textContent = `${response.status} ${shownText}`;
    // The server's errors, read back, show where the client's show (an error only the server
    // knows would too).
    const served = fromServerError(dto, response.status, text);
    if (!served.valid) {
      for (const name of inputs.keys()) showError(name, served.errors);
      showSummary(served, "server");
    }
    const expected = serverError(dto, result);
    const same = JSON.stringify(served) === JSON.stringify(result) && (result.valid || text === JSON.stringify(expected));
    compare.textContent = same
      ? (result.valid ? "The server accepted it, as the client said it would." : "The server's errors are the same as the client's.")
      : "The server's answer differs from the client's!";
    compare.className = same ? "same" : "differ";
  });

  refresh();
  refreshes.push(refresh);
  return panel;
}

// The language switch: English, then every language the package ships.
const language = element("select", { id: "language", "aria-label": "Language of the messages" });
language.append(element("option", { value: "en" }, "English"));
for (const { culture, name } of await (await fetch("/pkg/locales/index.json")).json()) language.append(element("option", { value: culture }, name));
const loaded = new Set(["en"]);
language.addEventListener("change", async () => {
  const culture = language.value;
  if (!loaded.has(culture)) {
    addLanguage(await (await fetch(`/pkg/locales/${culture}.json`)).json());
    loaded.add(culture);
  }
  options.locale = culture;
  document.documentElement.lang = culture;
  for (const refresh of refreshes) refresh();
  document.body.dataset.locale = culture;
});
document.querySelector("header").append(element("label", { for: "language" }, "Messages in "), language);

const tabs = document.getElementById("tabs");
const forms = document.getElementById("forms");
function select(dto) {
  for (const button of tabs.children) button.setAttribute("aria-selected", String(button.dataset.dto === dto));
  for (const panel of forms.children) panel.hidden = panel.id !== `panel-${dto}`;
  location.hash = dto;
}
for (const dto of dtoNames()) {
  const button = element("button", { type: "button", role: "tab", id: `tab-${dto}`, "data-dto": dto, "aria-controls": `panel-${dto}` }, dto);
  button.addEventListener("click", () => select(dto));
  tabs.append(button);
  forms.append(buildForm(dto));
}
select(dtoNames().includes(location.hash.slice(1)) ? location.hash.slice(1) : dtoNames()[0]);
document.body.dataset.ready = "true";
