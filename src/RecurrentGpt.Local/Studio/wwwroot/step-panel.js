// One step of the timeline (GET steps/{n}): the plan it followed and how it was chosen, the memories it recalled, the
// short-term memory before and after it; and from there a rewind (asked to confirm first) or a fork.

import { api } from "./api.js";
import { byId } from "./dom.js";
import { renderRecalled } from "./recall.js";
import { runLineAction } from "./line-action.js";

const sourceNames = {
  picked: "(picked from the three)",
  edited: "(one of the three, edited)",
  own: "(your own)",
  recommended: "(the recommended one)",
  simulator: "(chosen by the simulator)",
};

const where = (step) => (step === 0 ? "the opening" : `step ${step}`);

export class StepPanel {
  /** afterMove(): the story moved lines; the page reads it again and follows its latest step. */
  constructor(afterMove) {
    this.panel = byId("step-panel");
    this.status = byId("step-status");
    this.afterMove = afterMove;
    this.setUpRewind();
    this.setUpFork();
  }

  reset(storyId) {
    this.storyId = storyId;
    this.key = null;
    this.step = null;
    this.story = null;
    this.panel.hidden = true;
    this.status.textContent = "";
    this.openRewind(false);
    this.openFork(false);
  }

  /** Shows `step` as the story stands now; its record is read once per step, take and revision. */
  async show(story, timeline, step) {
    this.story = story;
    const entry = timeline.steps.find((s) => s.step === step);
    const key = `${step}/${story.branch}/${entry?.standingTake}/${entry?.revision}`;
    if (key !== this.key) {
      if (step !== this.step) {
        this.openRewind(false);
        this.openFork(false);
        this.status.textContent = "";
      }
      this.key = key;
      this.step = step;
      byId("step-title").textContent = step === 0 ? "The opening" : `Step ${step}`;
      byId("step-record").hidden = step === 0;
      byId("step-opening").hidden = step !== 0;
      if (step > 0) {
        try {
          const record = await api.step(this.storyId, step);
          if (this.key !== key) return;
          byId("step-source").textContent = sourceNames[entry?.planSource] ?? "";
          byId("step-plan").textContent = record.chosenPlan;
          renderRecalled(byId("step-recall"), record.recalled);
          byId("step-memory").textContent = record.shortTermMemoryBefore;
          byId("step-memory-after").textContent = record.shortTermMemoryAfter;
        } catch {
          // The record can lag the state by a moment; the next read asks again.
          if (this.key === key) this.key = null;
          return;
        }
      }
      this.panel.hidden = false;
    }
    this.renderActions();
  }

  /** Every poll: the actions follow what the story's status allows. */
  updateStory(story) {
    this.story = story;
    if (this.step !== null) this.renderActions();
  }

  renderActions() {
    const story = this.story;
    const step = this.step;
    const busy = story.status === "created" || story.status === "writing";
    let why = "";
    if (busy) why = "A step is being written; rewind and fork wait until it is done.";
    else if (story.status === "cancelled") why = "A cancelled story is not rewound; fork it to go on another way.";
    else if (story.serial) why = "A serial is not rewound (its readers have the episodes); fork it to try another way.";
    else if (step >= story.step) why = "This is where the story stands now: rewind to an earlier step, or fork from here.";
    const rewind = byId("rewind-here");
    rewind.disabled = why !== "";
    byId("fork-here").disabled = busy;
    byId("step-actions-note").textContent = why;
    if (rewind.disabled) this.openRewind(false);
    if (busy) this.openFork(false);
  }

  openRewind(open) {
    byId("rewind-confirm").hidden = !open;
    byId("rewind-here").setAttribute("aria-expanded", String(open));
  }

  openFork(open) {
    byId("fork-form").hidden = !open;
    byId("fork-here").setAttribute("aria-expanded", String(open));
  }

  setUpRewind() {
    byId("rewind-here").addEventListener("click", () => {
      const open = byId("rewind-confirm").hidden;
      this.openFork(false);
      this.openRewind(open);
      if (!open) return;
      const k = this.step;
      const last = this.story.step;
      byId("rewind-question").textContent = `Rewind to just after ${where(k)}? The story goes on from there with the memory and ` +
        `plans it had then. ${k + 1 === last ? `Step ${last}` : `Steps ${k + 1} to ${last}`} stay as a branch you can read and restore: nothing is deleted.`;
      byId("rewind-yes").textContent = `Yes, rewind to ${where(k)}`;
      byId("rewind-no").focus();
    });
    byId("rewind-no").addEventListener("click", () => {
      this.openRewind(false);
      byId("rewind-here").focus();
    });
    byId("rewind-yes").addEventListener("click", async (e) => {
      const k = this.step;
      this.openRewind(false);
      const moved = await runLineAction(e.currentTarget, this.status, "Rewind", () => api.rewind(this.storyId, k), (r) =>
        `Rewound: the story stands at ${where(r.step)} (${r.paragraphCount} paragraphs)` + (r.leftBranch == null ? "." : `; what it left is branch ${r.leftBranch}.`));
      if (moved) this.afterMove();
    });
  }

  setUpFork() {
    byId("fork-here").addEventListener("click", () => {
      const open = byId("fork-form").hidden;
      this.openRewind(false);
      this.openFork(open);
      if (!open) return;
      byId("fork-question").textContent = `A new story that starts as this one stood just after ${where(this.step)} and goes its own way. ` +
        "This story is not changed; its text up to there is shared, not copied.";
      byId("fork-id").focus();
    });
    byId("fork-no").addEventListener("click", () => {
      this.openFork(false);
      byId("fork-here").focus();
    });
    byId("fork-form").addEventListener("submit", async (e) => {
      e.preventDefault();
      const k = this.step;
      const parent = this.storyId;
      const fork = await runLineAction(byId("fork-yes"), this.status, "Fork", () => api.fork(parent, k, byId("fork-id").value.trim()), (f) =>
        `Forked: ${f.id} starts from ${where(f.fromStep)} of ${parent}.`);
      if (!fork) return;
      byId("fork-id").value = "";
      this.openFork(false);
      location.hash = `#/story/${fork.id}`;
    });
  }
}
