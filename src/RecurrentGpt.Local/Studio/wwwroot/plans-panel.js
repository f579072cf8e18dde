// The plans for the step being prepared: each editable, each with a choose button and the long-term memories it
// would recall, plus a box for the writer's own plan. A plan chosen after editing is sent as the edited text.

import { api } from "./api.js";
import { byId, h, announce, debounce } from "./dom.js";
import { renderRecalled, renderRecallNote } from "./recall.js";

// Recall previews for typed text travel in the query string; past this the request line would be too long.
const maxPreviewChars = 1500;

const waitingNotes = {
  "created": () => "The opening is being written from the premise…",
  "writing": (story) => (story.mode === "auto"
    ? `Auto mode: step ${story.nextStep} follows the plan the writer recommends. Switch to interactive to choose.`
    : `Writing step ${story.nextStep}…`),
  "paused": () => "The story is paused. Resume it to go on.",
  "needs-attention": () => "The last step could not be written; see the note above.",
  "completed": () => "The story is finished.",
  "cancelled": () => "The story was cancelled.",
};

export class PlansPanel {
  constructor({ beforeChoose, afterChoose }) {
    this.list = byId("plans");
    this.note = byId("plans-note");
    this.status = byId("plans-status");
    this.own = byId("own-plan");
    this.ownText = byId("own-plan-text");
    this.ownRecall = byId("own-plan-recall");
    this.beforeChoose = beforeChoose;
    this.afterChoose = afterChoose;
    this.previewOwn = debounce(() => this.preview(this.ownText.value, this.ownRecall, null), 600);

    byId("own-plan-choose").addEventListener("click", () => this.choose(null));
    this.ownText.addEventListener("input", () => this.previewOwn());
  }

  reset(storyId) {
    this.storyId = storyId;
    this.key = null;
    this.step = 0;
    this.originals = [];
    this.choosing = false;
    this.list.replaceChildren();
    this.ownText.value = "";
    this.status.textContent = "";
    this.own.hidden = true;
  }

  get hasDrafts() {
    const edited = [...this.list.querySelectorAll("textarea")].some((box, i) => box.value !== this.originals[i]);
    return edited || this.ownText.value.trim().length > 0;
  }

  update(story) {
    const plans = Array.isArray(story.plans) ? story.plans : null;
    const key = plans ? `${story.nextStep}\u0000${plans.join("\u0000")}` : null;
    byId("plans-title").textContent = plans ? `Plans for step ${story.nextStep}` : "Plans";

    if (!plans) {
      this.key = null;
      this.keepFocus();
      this.list.replaceChildren();
      this.own.hidden = true;
      this.note.textContent = (waitingNotes[story.status] ?? (() => ""))(story);
      return;
    }

    this.note.textContent = story.status === "paused"
      ? "The story is paused; a plan chosen now is written when it resumes."
      : "Choose a plan as it is, edit one and choose it, or write your own.";
    // New plans replace the old ones unless the writer is mid-edit on this very step.
    if (key !== this.key && (story.nextStep !== this.step || !this.hasDrafts)) this.render(story, plans, key);
  }

  render(story, plans, key) {
    const newStep = story.nextStep !== this.step;
    this.key = key;
    this.step = story.nextStep;
    this.originals = plans;
    this.choosing = false;
    if (newStep) {
      this.ownText.value = "";
      this.status.textContent = "";
    }
    this.keepFocus();
    this.list.replaceChildren(...plans.map((plan, i) => this.renderPlan(plan, i + 1, story.recommendedPlan === i + 1)));
    this.own.hidden = false;
    renderRecallNote(this.ownRecall, "Type a plan to see the memories it would recall.");
    this.setBusy(false);
    plans.forEach((_, i) => this.recallOriginal(i + 1));
  }

  /** Focus inside plans about to be replaced moves to the panel's heading, so the keyboard user is not dropped at the top. */
  keepFocus() {
    if (this.list.contains(document.activeElement)) byId("plans-title").focus();
  }

  renderPlan(plan, number, recommended) {
    const boxId = `plan-${number}`;
    const box = h("textarea", { id: boxId, rows: 6, value: plan, "aria-describedby": `plan-${number}-edited` });
    const edited = h("span", { id: `plan-${number}-edited`, className: "badge edited", hidden: true }, "edited");
    const undo = h("button", { type: "button", className: "quiet", hidden: true }, `Undo my edits to plan ${number}`);
    const choose = h("button", { type: "button", className: "primary choose" }, `Choose plan ${number}`);
    const recalled = h("ul", { className: "recalled", "aria-label": `Memories plan ${number} recalls` });
    const preview = debounce(() => this.preview(box.value, recalled, number), 600);

    box.addEventListener("input", () => {
      const changed = box.value !== this.originals[number - 1];
      edited.hidden = !changed;
      undo.hidden = !changed;
      preview();
    });
    undo.addEventListener("click", () => {
      box.value = this.originals[number - 1];
      edited.hidden = true;
      undo.hidden = true;
      this.recallOriginal(number);
      box.focus();
    });
    choose.addEventListener("click", () => this.choose(number));

    return h("li", { className: "plan", dataset: { plan: number } },
      h("div", { className: "plan-head" },
        h("label", { for: boxId }, `Plan ${number}`),
        recommended ? h("span", { className: "badge recommended" }, "recommended") : null,
        edited),
      box,
      h("div", { className: "button-row" }, choose, undo),
      h("p", { className: "recall-title" }, "Long-term memories it recalls:"),
      recalled);
  }

  recalledList(number) {
    return this.list.querySelector(`li[data-plan="${number}"] ul.recalled`);
  }

  async recallOriginal(number) {
    const list = this.recalledList(number);
    const key = this.key;
    try {
      const recalled = await api.recallForPlan(this.storyId, number);
      if (key === this.key) renderRecalled(list, recalled);
    } catch (error) {
      if (key === this.key) renderRecallNote(list, `Recall unavailable: ${error.message}`);
    }
  }

  async preview(text, list, number) {
    const query = text.trim();
    const key = this.key;
    if (number !== null && query === this.originals[number - 1]?.trim()) {
      this.recallOriginal(number);
      return;
    }
    if (query.length === 0) {
      renderRecallNote(list, "Type a plan to see the memories it would recall.");
      return;
    }
    if (query.length > maxPreviewChars) {
      renderRecallNote(list, "This plan is too long to preview its memories; the step will still recall them.");
      return;
    }
    try {
      const recalled = await api.recallForText(this.storyId, query);
      if (key === this.key) renderRecalled(list, recalled);
    } catch (error) {
      if (key === this.key) renderRecallNote(list, `Recall unavailable: ${error.message}`);
    }
  }

  setBusy(busy) {
    this.choosing = busy;
    for (const button of this.list.querySelectorAll("button.choose")) button.disabled = busy;
    byId("own-plan-choose").disabled = busy;
  }

  /** number 1–3 picks (or, edited, rewrites) that plan; null sends the writer's own plan. */
  async choose(number) {
    if (this.choosing) return;
    const text = number === null ? this.ownText.value.trim() : byId(`plan-${number}`).value.trim();
    if (text.length === 0) {
      this.status.textContent = number === null ? "Write your plan first." : `Plan ${number} is empty; write something or undo your edits.`;
      return;
    }
    const edited = number !== null && text !== this.originals[number - 1].trim();
    this.setBusy(true);
    try {
      // An unsaved memory edit is saved first, so the step reads what the writer sees.
      if (!(await this.beforeChoose())) {
        this.status.textContent = "The plan was not sent: save or discard your memory edit first.";
        this.setBusy(false);
        return;
      }
      await api.choose(this.storyId, this.step, number ?? undefined, number === null || edited ? text : undefined);
      const what = number === null ? "Your plan" : `Plan ${number}${edited ? " (edited)" : ""}`;
      this.status.textContent = `${what} chosen; writing step ${this.step}…`;
      announce(`${what} chosen.`);
      this.afterChoose();
    } catch (error) {
      this.setBusy(false);
      this.status.textContent = error.problem === "already-chosen" || error.problem === "stale-step"
        ? `Not sent: ${error.message}`
        : error.status === 401 ? "Choosing needs the key; paste it above and choose again." : `Not sent: ${error.message}`;
      this.afterChoose();
    }
  }
}
