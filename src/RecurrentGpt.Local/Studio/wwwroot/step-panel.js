// The provenance of the last written step (GET steps/{n}): the plan it followed, the memories it recalled and their
// similarity, and the short-term memory it read, so the writer sees what their edits did.

import { api } from "./api.js";
import { byId } from "./dom.js";
import { renderRecalled } from "./recall.js";

export class StepPanel {
  constructor() {
    this.panel = byId("step-panel");
  }

  reset(storyId) {
    this.storyId = storyId;
    this.shownStep = 0;
    this.panel.hidden = true;
  }

  async update(story) {
    // Step 0 is the opening, written from the premise: it has no plan and recalls nothing.
    if (story.step < 1 || story.step === this.shownStep) return;
    const step = story.step;
    this.shownStep = step;
    try {
      const record = await api.step(this.storyId, step);
      if (this.shownStep !== step) return;
      byId("step-title").textContent = `Step ${step} as written`;
      byId("step-plan").textContent = record.chosenPlan;
      renderRecalled(byId("step-recall"), record.recalled);
      byId("step-memory").textContent = record.shortTermMemoryBefore;
      this.panel.hidden = false;
    } catch {
      // The record can lag the state by a moment; the next poll asks again.
      if (this.shownStep === step) this.shownStep = 0;
    }
  }
}
