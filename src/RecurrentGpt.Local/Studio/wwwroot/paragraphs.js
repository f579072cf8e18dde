// The story so far: one list item per committed paragraph, each editable in place. A saved edit is a new revision by
// a human, which the next steps read and recall.

import { api } from "./api.js";
import { h, announce, countWords } from "./dom.js";

export class ParagraphList {
  constructor(list) {
    this.list = list;
    this.storyId = null;
    this.entries = [];
    this.editable = false;
  }

  reset(storyId) {
    this.storyId = storyId;
    this.entries = [];
    this.list.replaceChildren();
  }

  get count() {
    return this.entries.length;
  }

  get words() {
    return this.entries.reduce((sum, entry) => sum + countWords(entry.view.text), 0);
  }

  get humanEdited() {
    return this.entries.filter((entry) => entry.view.author === "human").length;
  }

  get texts() {
    return this.entries.map((entry) => entry.view.text);
  }

  /** Adds paragraphs the story committed since the last call; `quietly` on the first load, so only news is read out. */
  append(views, quietly) {
    for (const view of views) {
      if (view.index !== this.entries.length) continue;
      const entry = { view, item: h("li", { className: "paragraph", id: `paragraph-${view.index + 1}` }), editing: false };
      this.entries.push(entry);
      this.renderReading(entry);
      this.list.append(entry.item);
    }
    if (!quietly && views.length > 0) {
      const first = views[0].index + 1;
      const last = views[views.length - 1].index + 1;
      announce(first === last ? `Paragraph ${first} was written.` : `Paragraphs ${first} to ${last} were written.`);
    }
  }

  /** Paragraphs can be edited unless a step is being written (it may be reading them). */
  setEditable(editable) {
    this.editable = editable;
    for (const entry of this.entries) {
      const button = entry.item.querySelector("button.edit");
      if (button) button.disabled = !editable;
    }
  }

  renderReading(entry) {
    const { view } = entry;
    const number = view.index + 1;
    const edit = h("button", { type: "button", className: "edit quiet", "aria-label": `Edit paragraph ${number}`, disabled: !this.editable }, "Edit");
    edit.addEventListener("click", () => this.renderEditing(entry));
    entry.editing = false;
    entry.item.replaceChildren(
      h("p", { className: "paragraph-text" }, view.text),
      h("div", { className: "paragraph-meta" },
        h("span", {}, `¶ ${number} · step ${view.step}`),
        view.author === "human" ? h("span", { className: "badge human" }, `edited by you · revision ${view.revision}`) : null,
        edit));
  }

  renderEditing(entry) {
    const number = entry.view.index + 1;
    const box = h("textarea", { id: `paragraph-edit-${number}`, rows: 8, value: entry.view.text });
    const save = h("button", { type: "button", className: "primary" }, `Save paragraph ${number}`);
    const discard = h("button", { type: "button" }, "Discard");
    const status = h("p", { className: "status-line", role: "status" });
    entry.editing = true;
    entry.item.replaceChildren(
      h("label", { for: box.id }, `Paragraph ${number}`),
      box,
      h("div", { className: "button-row" }, save, discard),
      status);
    box.focus();

    discard.addEventListener("click", () => {
      this.renderReading(entry);
      entry.item.querySelector("button.edit").focus();
    });
    save.addEventListener("click", async () => {
      const text = box.value.trim();
      if (text.length === 0) {
        status.textContent = "A paragraph cannot be empty.";
        return;
      }
      save.disabled = true;
      status.textContent = "Saving…";
      try {
        entry.view = await api.editParagraph(this.storyId, entry.view.index, text);
        this.renderReading(entry);
        entry.item.querySelector("button.edit").focus();
        announce(`Paragraph ${number} saved.`);
      } catch (error) {
        // The draft stays in the box: nothing the writer typed is lost to a refusal.
        status.textContent = error.problem === "step-in-progress"
          ? "A step is being written right now; save again when it is done."
          : `Not saved: ${error.message}`;
        save.disabled = false;
      }
    });
  }
}
