// The story's steps beside its text (GET timeline): how each plan was chosen, the paragraph's words and author, its
// takes and the branches that leave it. Selecting a step shows it in the step panel; with none selected the panel
// follows the latest step.

import { api } from "./api.js";
import { byId, h, formatNumber } from "./dom.js";

const sources = {
  picked: "picked",
  edited: "edited plan",
  own: "own plan",
  recommended: "recommended",
  simulator: "simulator",
};

function facts(step) {
  const parts = [sources[step.planSource] ?? "chosen", `${formatNumber(step.words)} words`];
  if (step.author === "human") parts.push(`edited by you (revision ${step.revision})`);
  if (step.takes > 1) parts.push(`take ${step.standingTake} of ${step.takes}`);
  if (step.branchesLeaving.length > 0) parts.push(step.branchesLeaving.length === 1 ? "1 branch leaves" : `${step.branchesLeaving.length} branches leave`);
  if (step.inherited) parts.push(`read from ${step.lineStory}`);
  return parts.join(" · ");
}

export class TimelinePanel {
  /** onChange(timeline, selectedStep) runs after each read and each selection. */
  constructor(onChange) {
    this.list = byId("timeline");
    this.onChange = onChange;
  }

  reset(storyId) {
    this.storyId = storyId;
    this.key = null;
    this.timeline = null;
    this.selected = null;
    this.list.replaceChildren();
  }

  /** The step the panel shows: the one selected, or the latest. */
  get shownStep() {
    const latest = this.timeline?.step ?? 0;
    return this.selected !== null && this.selected <= latest ? this.selected : latest;
  }

  /** Reads the timeline again when the story moved on or moved lines; a poll that changes nothing reads nothing. */
  async update(story) {
    const key = [story.step, story.branch, story.status, story.paragraphCount].join("/");
    if (key === this.key) return;
    this.key = key;
    try {
      const timeline = await api.timeline(this.storyId);
      if (key !== this.key) return;
      this.timeline = timeline;
      this.render();
      this.onChange(timeline, this.shownStep);
    } catch {
      // The next poll asks again.
      if (key === this.key) this.key = null;
    }
  }

  /** After a move made here: the panel follows the latest step, and the next poll reads the timeline even if the story's counters look the same. */
  followLatest() {
    this.selected = null;
    this.key = null;
  }

  select(step) {
    this.selected = step === this.timeline?.step ? null : step;
    this.render();
    this.onChange(this.timeline, this.shownStep);
  }

  render() {
    const timeline = this.timeline;
    const shown = this.shownStep;
    const item = (step, label, detail, plan) => {
      const button = h("button", { type: "button", className: "timeline-select", "aria-pressed": String(step === shown) },
        h("span", { className: "timeline-number" }, label),
        h("span", { className: "timeline-facts" }, detail),
        plan ? h("span", { className: "timeline-plan" }, plan) : null);
      button.addEventListener("click", () => this.select(step));
      return h("li", { className: "timeline-step", dataset: { step } }, button);
    };
    const openingLeaves = timeline.branches.filter((branch) => branch.fromStep === 0).length;
    this.list.replaceChildren(
      item(0, "Opening", `${timeline.openingParagraphs} paragraphs${openingLeaves > 0 ? ` · ${openingLeaves === 1 ? "1 branch leaves" : `${openingLeaves} branches leave`}` : ""}`),
      ...timeline.steps.map((step) => item(step.step, `Step ${step.step}`, facts(step), step.plan)));
  }
}
