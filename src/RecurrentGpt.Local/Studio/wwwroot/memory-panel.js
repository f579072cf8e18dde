// The short-term memory, editable while the story waits for a choice. A save carries the ETag of the story as it was
// when the writer began editing (If-Match), so an edit never silently replaces a change the writer has not seen.

import { api } from "./api.js";
import { byId, announce } from "./dom.js";

// The read-only notes all start alike, so a note can be cleared when the memory becomes editable again.
const readOnlyNotePrefix = "The memory can be edited";

export class MemoryPanel {
  constructor() {
    this.box = byId("memory-text");
    this.save = byId("memory-save");
    this.revert = byId("memory-revert");
    this.status = byId("memory-status");
    this.conflict = byId("memory-conflict");
    this.theirs = byId("memory-theirs");
    this.storyId = null;

    this.box.addEventListener("input", () => this.refreshButtons());
    this.save.addEventListener("click", () => this.saveDraft());
    this.revert.addEventListener("click", () => {
      this.box.value = this.base.text;
      this.closeConflict();
      this.status.textContent = "Your changes were discarded.";
      this.refreshButtons();
    });
    byId("memory-keep-mine").addEventListener("click", () => {
      // The writer has now seen the other change and chose to replace it: their draft is saved over the latest version.
      this.base = { ...this.latest };
      this.saveDraft();
    });
    byId("memory-take-theirs").addEventListener("click", () => {
      this.base = { ...this.latest };
      this.box.value = this.latest.text;
      this.closeConflict();
      this.status.textContent = "The memory now shows their version.";
      this.refreshButtons();
      this.box.focus();
    });
  }

  reset(storyId) {
    this.storyId = storyId;
    this.base = { text: "", etag: null };
    this.latest = { text: "", etag: null };
    this.editable = false;
    this.saving = false;
    this.box.value = "";
    this.status.textContent = "";
    this.closeConflict();
    this.refreshButtons();
  }

  get dirty() {
    return this.box.value !== this.base.text;
  }

  /** Takes the story as just read; a draft in progress and the version it started from are left alone. */
  update(story, etag) {
    this.latest = { text: story.shortTermMemory, etag };
    this.editable = Array.isArray(story.plans);
    if (!this.conflict.hidden) this.theirs.textContent = story.shortTermMemory;
    if (!this.dirty && !this.saving && this.conflict.hidden) {
      this.base = { ...this.latest };
      if (this.box.value !== story.shortTermMemory) this.box.value = story.shortTermMemory;
    }
    this.box.readOnly = !this.editable;
    if (!this.editable) {
      this.say(story.status === "completed" || story.status === "cancelled" ? "The story is over; its memory is kept as it was."
        : this.dirty ? `${readOnlyNotePrefix} again when the story waits for a choice; your unsaved text is kept in the box.`
          : story.mode === "auto" ? `${readOnlyNotePrefix} in interactive mode, while the story waits for a choice.`
            : `${readOnlyNotePrefix} while the story waits for your choice.`);
    } else if (this.status.textContent.startsWith(readOnlyNotePrefix)) {
      this.say("");
    }
    this.refreshButtons();
  }

  // The status line is a live region: rewriting it with the same words every poll would have them read out again.
  say(text) {
    if (this.status.textContent !== text) this.status.textContent = text;
  }

  refreshButtons() {
    this.save.disabled = !this.editable || !this.dirty || this.saving;
    this.revert.disabled = !this.dirty || this.saving;
  }

  closeConflict() {
    this.conflict.hidden = true;
  }

  async saveDraft(retried = false) {
    if (this.saving) return;
    const draft = this.box.value;
    this.saving = true;
    this.refreshButtons();
    this.status.textContent = "Saving…";
    try {
      const saved = await api.editMemory(this.storyId, this.base.etag, draft);
      this.base = { text: saved.shortTermMemory, etag: saved.eTag };
      this.latest = { ...this.base };
      if (this.box.value === draft) this.box.value = saved.shortTermMemory;
      this.closeConflict();
      this.status.textContent = "Memory saved. The next step reads it.";
      announce("Memory saved.");
    } catch (error) {
      await this.explain(error, retried);
    } finally {
      this.saving = false;
      this.refreshButtons();
    }
  }

  async explain(error, retried) {
    if (error.problem === "stale-etag") {
      const { story, etag } = await api.getStory(this.storyId);
      this.latest = { text: story.shortTermMemory, etag };
      if (!retried && story.shortTermMemory === this.base.text && Array.isArray(story.plans)) {
        // Something else about the story changed (a paragraph edit, say), not the memory: no conflict to show.
        this.base = { ...this.latest };
        this.saving = false;
        await this.saveDraft(true);
        return;
      }
      this.theirs.textContent = story.shortTermMemory;
      this.conflict.hidden = false;
      this.status.textContent = "Not saved: the memory was changed elsewhere after you began editing. Your text is kept.";
      byId("memory-keep-mine").focus();
      return;
    }
    if (error.problem === "not-awaiting-choice") {
      this.status.textContent = "Not saved: the story is not waiting for a choice now. Your text is kept in the box.";
      return;
    }
    this.status.textContent = error.status === 401
      ? "Not saved: this needs the key. Paste it above, then save again."
      : `Not saved: ${error.message}`;
  }
}
