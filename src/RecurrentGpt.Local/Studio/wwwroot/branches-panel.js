// The branches the story left (rewinds, and earlier takes of a step written again), from the timeline: each can be read
// as it stood when the story left it, and restored (asked to confirm first), which keeps the line left in turn.

import { api } from "./api.js";
import { byId, h, formatWhen, statusLabel } from "./dom.js";
import { runLineAction } from "./line-action.js";

const readPage = 50;
const where = (step) => (step === 0 ? "the opening" : `step ${step}`);

export class BranchesPanel {
  /** afterMove(): the story moved lines; the page reads it again. */
  constructor(afterMove) {
    this.panel = byId("branches-panel");
    this.list = byId("branches");
    this.status = byId("branches-status");
    this.afterMove = afterMove;
  }

  reset(storyId) {
    this.storyId = storyId;
    this.key = null;
    this.panel.hidden = true;
    this.list.replaceChildren();
    this.status.textContent = "";
  }

  update(story, timeline) {
    this.story = story;
    const busy = story.status === "created" || story.status === "writing";
    for (const button of this.list.querySelectorAll("button.restore")) button.disabled = busy;
    const key = `${timeline.branch}/${timeline.branches.map((b) => `${b.branch}:${b.step}`).join(",")}`;
    if (key === this.key) return;
    this.key = key;
    this.panel.hidden = timeline.branches.length === 0;
    this.list.replaceChildren(...timeline.branches.map((branch) => this.item(branch, busy)));
  }

  item(branch, busy) {
    const own = branch.paragraphCount - branch.firstParagraph;
    const text = h("ol", { className: "branch-text", start: branch.firstParagraph + 1, hidden: true });
    const read = h("button", { type: "button", "aria-expanded": "false" }, `Read branch ${branch.branch}`);
    const restore = h("button", { type: "button", className: "restore", disabled: busy, "aria-expanded": "false" }, `Restore branch ${branch.branch}…`);
    const confirm = h("div", { className: "confirm", hidden: true },
      h("p", {}, `Put the story back on branch ${branch.branch}, exactly as it was at ${where(branch.step)}? The line it is on now is kept as a branch in turn: nothing is deleted.`));
    const yes = h("button", { type: "button", className: "primary" }, `Yes, restore branch ${branch.branch}`);
    const no = h("button", { type: "button" }, "Keep the story as it is");
    confirm.append(yes, " ", no);

    read.addEventListener("click", () => this.toggleText(read, text, branch));
    restore.addEventListener("click", () => {
      confirm.hidden = !confirm.hidden;
      restore.setAttribute("aria-expanded", String(!confirm.hidden));
      if (!confirm.hidden) no.focus();
    });
    no.addEventListener("click", () => {
      confirm.hidden = true;
      restore.setAttribute("aria-expanded", "false");
      restore.focus();
    });
    yes.addEventListener("click", async () => {
      confirm.hidden = true;
      const moved = await runLineAction(yes, this.status, "Restoring", () => api.restore(this.storyId, branch.branch), (r) =>
        `Branch ${branch.branch} restored: the story stands at ${where(r.step)} (${r.paragraphCount} paragraphs)` +
        (r.leftBranch == null ? "." : `; the line it left is branch ${r.leftBranch}.`));
      if (moved) this.afterMove();
    });

    return h("li", { className: "branch", dataset: { branch: branch.branch } },
      h("p", { className: "branch-head" }, h("strong", {}, `Branch ${branch.branch}`),
        ` leaves after ${where(branch.fromStep)}, reached step ${branch.step} · ${own === 1 ? "1 paragraph" : `${own} paragraphs`} of its own · ${statusLabel(branch.status)} · left ${formatWhen(branch.leftAt)}`),
      h("div", { className: "button-row" }, read, restore),
      confirm,
      text);
  }

  /** The branch's own paragraphs, the first page of them, read once and then shown or hidden. */
  async toggleText(button, list, branch) {
    const open = list.hidden;
    button.setAttribute("aria-expanded", String(open));
    if (!open) {
      list.hidden = true;
      return;
    }
    if (list.childElementCount === 0) {
      try {
        const page = await api.branchText(this.storyId, branch.branch, readPage);
        list.replaceChildren(...page.text.paragraphs.map((p) => h("li", { className: "paragraph-text" }, p.text)));
        if (page.text.next != null) list.append(h("li", { className: "hint" }, `and ${page.text.total - page.text.next} more paragraphs`));
      } catch (error) {
        this.status.textContent = `The branch could not be read: ${error.message}`;
        button.setAttribute("aria-expanded", "false");
        return;
      }
    }
    list.hidden = false;
  }
}
