// The writing desk for one story: polls the story about once a second while the page is visible and keeps the text,
// the facts, the memory, the plans and the steering controls current, without disturbing what the writer is editing.

import { api } from "./api.js";
import { byId, h, announce, showError, clearError, statusLabel, formatNumber } from "./dom.js";
import { ParagraphList } from "./paragraphs.js";
import { MemoryPanel } from "./memory-panel.js";
import { PlansPanel } from "./plans-panel.js";
import { StepPanel } from "./step-panel.js";
import { TimelinePanel } from "./timeline-panel.js";
import { TakesBar } from "./takes-bar.js";
import { BranchesPanel } from "./branches-panel.js";

const pollMs = 1000;
const finishedPollMs = 5000;
const pageSize = 200;
const finished = (status) => status === "completed" || status === "cancelled";

let session = null;
let paragraphs;
let memory;
let plans;
let stepPanel;
let timeline;
let takes;
let branches;

/** One open story: its polling loop ends when the writer leaves it. */
class StorySession {
  constructor(id) {
    this.id = id;
    this.active = true;
    this.story = null;
    this.timer = 0;
    this.loadedOnce = false;
    this.onVisible = () => { if (document.visibilityState === "visible") this.refreshSoon(0); };
    document.addEventListener("visibilitychange", this.onVisible);
  }

  stop() {
    this.active = false;
    clearTimeout(this.timer);
    document.removeEventListener("visibilitychange", this.onVisible);
  }

  refreshSoon(ms = 0) {
    clearTimeout(this.timer);
    if (!this.active) return;
    this.timer = setTimeout(() => this.poll(), ms);
  }

  async poll() {
    if (!this.active) return;
    // Hidden pages do not poll; becoming visible polls at once.
    if (document.visibilityState !== "visible") return;
    try {
      const { story, etag } = await api.getStory(this.id);
      if (!this.active) return;
      await this.loadParagraphs(story);
      if (!this.active) return;
      this.apply(story, etag);
      byId("story-missing").hidden = true;
    } catch (error) {
      if (!this.active) return;
      if (error.status === 404) {
        this.showMissing(`There is no story “${this.id}”. It may have been started on another server.`);
        return;
      }
      byId("story-missing").textContent = `The story could not be read: ${error.message} Trying again…`;
      byId("story-missing").hidden = false;
    }
    // A finished story changes only by edits, so it is read less often.
    this.refreshSoon(this.story && finished(this.story.status) ? finishedPollMs : pollMs);
  }

  showMissing(message) {
    const note = byId("story-missing");
    note.textContent = message;
    note.hidden = false;
    byId("story-title").textContent = "No such story";
  }

  async loadParagraphs(story) {
    // On another line (a rewind, a restore, another take) the text after the move point differs: read it all again, quietly.
    const movedLines = this.story && (story.branch !== this.story.branch || story.paragraphCount < paragraphs.count);
    if (movedLines) {
      paragraphs.reset(this.id);
      this.loadedOnce = false;
    }
    while (paragraphs.count < story.paragraphCount) {
      const page = await api.paragraphs(this.id, paragraphs.count, pageSize);
      if (!this.active || page.paragraphs.length === 0) return;
      paragraphs.append(page.paragraphs, !this.loadedOnce);
    }
    this.loadedOnce = true;
  }

  apply(story, etag) {
    const previous = this.story;
    this.story = story;
    renderHead(story, paragraphs);
    renderSteering(story);
    paragraphs.setEditable(!(story.status === "created" || story.status === "writing"));
    memory.update(story, etag);
    plans.update(story);
    stepPanel.updateStory(story);
    timeline.update(story);
    if (previous && previous.status !== story.status) announce(`The story is now ${statusLabel(story.status)}.`);
  }
}

function renderHead(story, list) {
  document.title = `${story.title || story.id} — RecurrentGPT studio`;
  byId("story-title").textContent = story.title || "Untitled story";
  const premise = story.premise;
  byId("story-premise").textContent = [premise.genre, premise.topic, premise.description].filter(Boolean).join(" · ");
  byId("paragraphs").lang = premise.language === "zh" ? "zh" : "en";
  byId("offline-banner").hidden = !story.offlineWriter;
  const fork = story.forkedFrom;
  byId("story-fork").hidden = !fork;
  if (fork) {
    byId("story-fork-link").textContent = fork.storyId;
    byId("story-fork-link").href = `#/story/${encodeURIComponent(fork.storyId)}`;
    byId("story-fork-step").textContent = String(fork.step);
  }

  const status = byId("fact-status");
  status.replaceChildren(h("span", { className: `badge status-${story.status}` }, statusLabel(story.status)));
  byId("fact-step").textContent = story.step === 0 ? "opening" : String(story.step);
  byId("fact-paragraphs").textContent = `${story.paragraphCount} of ${story.targetParagraphs}`;
  byId("fact-words").textContent = formatNumber(list.words);
  const tokens = story.tokens;
  byId("fact-tokens").textContent = `${formatNumber(tokens.input + tokens.output)} (${formatNumber(tokens.input)} in, ${formatNumber(tokens.output)} out)`;
  byId("fact-model").replaceChildren(story.model || "not known yet",
    story.offlineWriter ? h("span", { className: "hint" }, "rehearsal tool, not a model") : "");
  byId("fact-mode").textContent = story.mode;
  const edited = list.humanEdited;
  byId("fact-edited").textContent = edited === 0 ? "no paragraphs" : edited === 1 ? "1 paragraph" : `${edited} paragraphs`;

  const writing = byId("writing-note");
  writing.hidden = !(story.status === "writing" || story.status === "created");
  writing.textContent = story.status === "created" ? "The opening is being written…" : `Step ${story.nextStep} is being written…`;
}

function renderSteering(story) {
  const over = finished(story.status);
  byId("pause").disabled = over || story.status === "paused";
  byId("resume").disabled = story.status !== "paused";
  byId("cancel").disabled = over;
  const modeSwitch = byId("mode-switch");
  modeSwitch.disabled = over;
  modeSwitch.textContent = story.mode === "auto" ? "Switch to interactive" : "Switch to auto";
  modeSwitch.dataset.target = story.mode === "auto" ? "interactive" : "auto";
  if (over) byId("cancel-confirm").hidden = true;

  const attention = byId("attention");
  attention.hidden = story.status !== "needs-attention";
  byId("attention-reason").textContent = story.attentionReason ?? "";
  byId("retry").disabled = story.status !== "needs-attention";

  byId("export-md").href = api.exportUrl(story.id, "md");
  byId("export-txt").href = api.exportUrl(story.id, "txt");
}

/** Runs a steering action: says what happened and reads the story again at once. */
async function steer(button, action, done) {
  if (!session) return;
  const line = byId("steer-status");
  const current = session;
  button.disabled = true;
  line.textContent = "…";
  try {
    await action(current.id);
    line.textContent = done;
    announce(done);
    clearError();
  } catch (error) {
    line.textContent = "";
    showError(error.status === 401 ? "That needs the key; paste it above and try again." : `${button.textContent.replace("…", "")} did not work: ${error.message}`);
  } finally {
    // The next read of the story sets every control to what the new status allows.
    button.disabled = false;
  }
  current.refreshSoon(0);
}

function setUpSteering() {
  // Exports are fetched with the key and handed to the browser as a file; the links stay as they are without script.
  for (const [id, format] of [["export-md", "md"], ["export-txt", "txt"]]) {
    byId(id).addEventListener("click", async (e) => {
      if (!session) return;
      e.preventDefault();
      const storyId = session.id;
      try {
        const file = URL.createObjectURL(await api.exportFile(storyId, format));
        const link = document.createElement("a");
        link.href = file;
        link.download = `${storyId}.${format}`;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(file), 60_000);
      } catch (error) {
        showError(`The export did not work: ${error.message}`);
      }
    });
  }

  byId("pause").addEventListener("click", (e) => steer(e.currentTarget, api.pause, "Paused. Nothing more is written until you resume."));
  byId("resume").addEventListener("click", (e) => steer(e.currentTarget, api.resume, "Resumed."));
  byId("retry").addEventListener("click", (e) => steer(e.currentTarget, api.retry, "Retrying the step…"));
  byId("mode-switch").addEventListener("click", (e) => {
    const target = e.currentTarget.dataset.target;
    steer(e.currentTarget, (id) => api.setMode(id, target), target === "auto"
      ? "Switched to auto: the writer now follows its recommended plan."
      : "Switched to interactive: the story waits for your choice after the current step.");
  });

  const cancel = byId("cancel");
  const confirm = byId("cancel-confirm");
  const openConfirm = (open) => {
    confirm.hidden = !open;
    cancel.setAttribute("aria-expanded", String(open));
  };
  cancel.addEventListener("click", () => {
    openConfirm(confirm.hidden);
    if (!confirm.hidden) byId("cancel-no").focus();
  });
  byId("cancel-no").addEventListener("click", () => {
    openConfirm(false);
    cancel.focus();
  });
  byId("cancel-yes").addEventListener("click", (e) => {
    openConfirm(false);
    steer(e.currentTarget, api.cancel, "The story was cancelled. It stays readable and exportable.");
  });
}

export const writeView = {
  setUp() {
    paragraphs = new ParagraphList(byId("paragraphs"));
    memory = new MemoryPanel();
    plans = new PlansPanel({
      beforeChoose: async () => {
        if (!memory.dirty) return true;
        await memory.saveDraft();
        return !memory.dirty;
      },
      afterChoose: () => session?.refreshSoon(0),
    });
    // After a move in the tree the page follows the story's latest step and reads everything again at once.
    const afterMove = () => {
      timeline.followLatest();
      session?.refreshSoon(0);
    };
    stepPanel = new StepPanel(afterMove);
    takes = new TakesBar(afterMove);
    branches = new BranchesPanel(afterMove);
    timeline = new TimelinePanel((read, step) => {
      if (!session) return;
      stepPanel.show(session.story, read, step);
      takes.update(session.story, read);
      branches.update(session.story, read);
    });
    setUpSteering();
  },

  show({ id }) {
    session?.stop();
    byId("story-title").textContent = "Loading…";
    byId("story-premise").textContent = "";
    byId("story-missing").hidden = true;
    byId("attention").hidden = true;
    byId("offline-banner").hidden = true;
    byId("steer-status").textContent = "";
    byId("cancel-confirm").hidden = true;
    paragraphs.reset(id);
    memory.reset(id);
    plans.reset(id);
    stepPanel.reset(id);
    timeline.reset(id);
    takes.reset(id);
    branches.reset(id);
    session = new StorySession(id);
    session.refreshSoon(0);
  },

  hide() {
    session?.stop();
    session = null;
  },
};
