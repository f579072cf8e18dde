// Long-term memories as the API reports them: earlier paragraphs, each with its similarity to the plan that recalls it.

import { h } from "./dom.js";

export function renderRecalled(list, recalled) {
  if (recalled.length === 0) {
    list.replaceChildren(h("li", { className: "hint" }, "No earlier paragraph is recalled yet."));
    return;
  }
  list.replaceChildren(...recalled.map((memory) => h("li", {},
    h("span", { className: "score", title: "similarity to the plan" }, memory.score.toFixed(2)),
    h("a", { href: `#paragraph-${memory.paragraph + 1}`, className: "recall-link" }, `¶ ${memory.paragraph + 1}`),
    " ",
    h("span", {}, memory.summary))));
}

export function renderRecallNote(list, note) {
  list.replaceChildren(h("li", { className: "hint" }, note));
}
