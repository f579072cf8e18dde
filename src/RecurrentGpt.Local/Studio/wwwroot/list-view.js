// Every story with its status and length; each opens at the writing desk. Refreshed while the list is on screen.

import { api } from "./api.js";
import { byId, h, showError, statusBadge, formatWhen } from "./dom.js";

const refreshMs = 3000;
let timer = 0;
let active = false;

async function refresh() {
  if (!active) return;
  try {
    const stories = await api.listStories();
    if (!active) return;
    render(stories);
  } catch (error) {
    if (active) showError(`The stories could not be listed: ${error.message}`);
  }
  schedule();
}

function schedule() {
  clearTimeout(timer);
  if (active) timer = setTimeout(() => { if (document.visibilityState === "visible") refresh(); else schedule(); }, refreshMs);
}

function render(stories) {
  const list = byId("story-list");
  byId("list-empty").hidden = stories.length > 0;
  const sorted = [...stories].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  list.replaceChildren(...sorted.map((story) => h("li", { className: "story-item" },
    h("a", { href: `#/story/${story.id}`, className: "story-link" }, story.title || story.id),
    h("div", { className: "story-meta" },
      statusBadge(story.status),
      h("span", {}, `${story.paragraphCount} of ${story.targetParagraphs} paragraphs`),
      h("span", {}, story.mode),
      h("span", {}, "updated ", h("time", { datetime: story.updatedAt }, formatWhen(story.updatedAt)))))));
}

export const listView = {
  show() {
    active = true;
    refresh();
  },
  hide() {
    active = false;
    clearTimeout(timer);
  },
};
