// Under the last paragraph: "try again" writes the last step afresh from the same inputs, keeping the earlier take, and
// the takes switcher makes any take stand again (the memory and plans follow the take that stands).

import { api } from "./api.js";
import { byId, h } from "./dom.js";
import { runLineAction } from "./line-action.js";

export class TakesBar {
  /** afterMove(): the story moved lines; the page reads it again. */
  constructor(afterMove) {
    this.bar = byId("takes");
    this.status = byId("takes-status");
    this.afterMove = afterMove;
    byId("try-again").addEventListener("click", async (e) => {
      const step = this.story.step;
      const moved = await runLineAction(e.currentTarget, this.status, "Trying again", () => api.regenerate(this.storyId),
        () => `Writing step ${step} again; the take you had is kept.`);
      if (moved) this.afterMove();
    });
  }

  reset(storyId) {
    this.storyId = storyId;
    this.story = null;
    this.shown = null;
    this.bar.hidden = true;
    this.status.textContent = "";
  }

  /** The last step's takes, from the timeline. */
  update(story, timeline) {
    this.story = story;
    const last = timeline?.steps.find((step) => step.step === story.step);
    const busy = story.status === "created" || story.status === "writing";
    // While a step is written (a new take or the next step) the writing note says so; the bar comes back after it.
    if (!last || busy) {
      this.bar.hidden = true;
      this.shown = null;
      return;
    }
    const key = `${last.step}/${last.standingTake}/${last.takes}/${story.status}/${story.branch}`;
    this.bar.hidden = false;
    byId("try-again").disabled = story.status === "cancelled" || Boolean(story.serial);
    if (key === this.shown) return;
    this.shown = key;
    byId("takes-label").textContent = last.takes > 1
      ? `Step ${last.step}: take ${last.standingTake} of ${last.takes} stands.`
      : `Step ${last.step}: the first take.`;
    const choices = [];
    for (let index = 1; last.takes > 1 && index <= last.takes; index++) {
      const button = h("button", { type: "button", className: "take", "aria-pressed": String(index === last.standingTake), "aria-label": `Take ${index} of step ${last.step}` }, `Take ${index}`);
      button.addEventListener("click", () => this.choose(button, last.step, index));
      choices.push(button);
    }
    byId("takes-choices").replaceChildren(...choices);
  }

  async choose(button, step, index) {
    if (button.getAttribute("aria-pressed") === "true") return;
    const moved = await runLineAction(button, this.status, "Choosing a take", () => api.chooseAlternative(this.storyId, step, index),
      () => `Take ${index} of step ${step} stands; the memory and plans follow it.`);
    if (moved) this.afterMove();
  }
}
