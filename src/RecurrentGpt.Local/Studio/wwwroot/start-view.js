// The new-story form: the premise (genres, topic, description, language) and how the story is to be written.

import { api } from "./api.js";
import { byId, h } from "./dom.js";

const genres = ["science fiction", "romance", "mystery", "fantasy", "historical", "horror", "thriller", "literary", "adventure", "comedy"];

function genreOf(form) {
  const picked = [...form.querySelectorAll("input[name=genre]:checked")].map((box) => box.value);
  const other = form.elements.genreOther.value.trim();
  if (other) picked.push(other);
  return picked.length === 0 ? undefined : picked.join(", ");
}

function requestOf(form) {
  const number = (input) => (input.value.trim() === "" ? undefined : Number(input.value));
  return {
    topic: form.elements.topic.value.trim(),
    genre: genreOf(form),
    description: form.elements.description.value.trim() || undefined,
    language: form.elements.language.value,
    mode: form.elements.mode.value,
    targetParagraphs: number(form.elements.target),
    timeoutPolicy: form.elements.timeoutPolicy.value,
    choiceTimeoutMinutes: number(form.elements.timeoutMinutes),
  };
}

function problemIn(request) {
  if (!request.topic) return ["topic", "Give the story a topic."];
  if (!Number.isInteger(request.targetParagraphs) || request.targetParagraphs < 1 || request.targetParagraphs > 10000) {
    return ["target", "The target length is a whole number of paragraphs from 1 to 10,000."];
  }
  if (request.choiceTimeoutMinutes !== undefined && (!Number.isInteger(request.choiceTimeoutMinutes) || request.choiceTimeoutMinutes < 1)) {
    return ["timeout-minutes", "The wait is a whole number of minutes, or empty for no deadline."];
  }
  return null;
}

export const startView = {
  setUp() {
    byId("genre-chips").replaceChildren(...genres.map((genre) => h("label", { className: "chip" },
      h("input", { type: "checkbox", name: "genre", value: genre }),
      h("span", {}, genre))));

    const form = byId("start-form");
    const error = byId("start-error");
    const submit = byId("start-submit");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      error.textContent = "";
      const request = requestOf(form);
      const problem = problemIn(request);
      if (problem) {
        error.textContent = problem[1];
        byId(problem[0]).focus();
        return;
      }

      submit.disabled = true;
      submit.textContent = "Starting…";
      try {
        const created = await api.createStory(request);
        form.reset();
        location.hash = `#/story/${created.id}`;
      } catch (failure) {
        error.textContent = failure.status === 401 ? "Starting a story needs the key; paste it above and try again." : `The story was not started: ${failure.message}`;
      } finally {
        submit.disabled = false;
        submit.textContent = "Start writing";
      }
    });
  },
  show() {},
  hide() {},
};
