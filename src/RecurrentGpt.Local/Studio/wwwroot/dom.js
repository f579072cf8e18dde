// Small DOM helpers. Story text comes from a model or a person, so it only ever enters the page as text, never as HTML.

export const byId = (id) => document.getElementById(id);

/** Builds an element: h("li", { className: "x", dataset: { n: 1 } }, "text", child). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "dataset") Object.assign(element.dataset, value);
    else if (name === "className" || name === "textContent" || name === "value" || name === "hidden" || name === "disabled" || name === "readOnly" || name === "type") element[name] = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** Says something to screen readers without moving focus (new paragraphs, finished actions). */
export function announce(message) {
  const region = byId("announcer");
  // Clearing first makes a repeated message be read again.
  region.textContent = "";
  requestAnimationFrame(() => { region.textContent = message; });
}

/** Shows an error in the page's alert region (read out at once) until dismissed or replaced. */
export function showError(message) {
  const region = byId("alerts");
  region.replaceChildren(h("div", { className: "alert" },
    h("p", {}, message),
    h("button", { type: "button", className: "quiet", "aria-label": "Dismiss the message" }, "Dismiss")));
  region.querySelector("button").addEventListener("click", clearError);
}

export function clearError() {
  byId("alerts").replaceChildren();
}

const statusNames = {
  "created": "starting",
  "writing": "writing",
  "awaiting-choice": "waiting for your choice",
  "paused": "paused",
  "needs-attention": "needs attention",
  "completed": "finished",
  "cancelled": "cancelled",
};

export const statusLabel = (status) => statusNames[status] ?? status;

export function statusBadge(status) {
  return h("span", { className: `badge status-${status}` }, statusLabel(status));
}

const whenFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
export const formatWhen = (iso) => whenFormat.format(new Date(iso));

const numberFormat = new Intl.NumberFormat();
export const formatNumber = (n) => numberFormat.format(n);

// Words as a reader counts them: each Han character is a word, other text splits on spaces.
const han = /[\u3400-\u9fff\uf900-\ufaff]/g;
export function countWords(text) {
  const hanCount = (text.match(han) ?? []).length;
  const rest = text.replace(han, " ").trim();
  return hanCount + (rest.length === 0 ? 0 : rest.split(/\s+/).length);
}

/** Waits until calls stop for `ms`, then runs the last one (recall previews while a plan is typed). */
export function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
