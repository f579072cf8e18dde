// The v1 HTTP contract, and nothing else: relative /api URLs, so the same files work behind rgpt serve and on
// Azure Static Web Apps in front of the Functions app.

import { currentKey, askForKey } from "./key.js";

const base = "/api";
const problemPrefix = "urn:recurrentgpt:problem:";

/** A refused or failed call, with the problem's short name (e.g. "stale-etag") to switch on. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `the server answered ${status}`);
    this.status = status;
    this.problem = (problem?.type ?? "").startsWith(problemPrefix) ? problem.type.slice(problemPrefix.length) : "";
    this.title = problem?.title ?? "";
  }
}

/** Sends a request with the key and turns a refusal into an ApiError; the caller reads the answer it expects. */
async function send(method, path, { body, ifMatch, accept = "application/json" } = {}) {
  const headers = { "Accept": accept };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (ifMatch) headers["If-Match"] = ifMatch;
  const key = currentKey();
  // Sent on reads too: rgpt serve reads without one, but on Azure every route but the webhook needs the function key.
  if (key) headers["x-functions-key"] = key;

  let response;
  try {
    response = await fetch(`${base}/${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError(0, { detail: "the server cannot be reached; is rgpt serve still running?" });
  }

  if (!response.ok) {
    let problem = null;
    try { problem = await response.json(); } catch { /* not problem+json: the status alone says it */ }
    const error = new ApiError(response.status, problem);
    if (response.status === 401) askForKey(key ? "The key was refused; paste the key rgpt serve printed." : undefined);
    throw error;
  }

  return response;
}

async function call(method, path, options) {
  const response = await send(method, path, options);
  const text = await response.text();
  return { body: text.length === 0 ? null : JSON.parse(text), etag: response.headers.get("ETag") };
}

const story = (id) => `stories/${encodeURIComponent(id)}`;

export const api = {
  listStories: async () => (await call("GET", "stories?max=1000")).body.stories,
  createStory: async (request) => (await call("POST", "stories", { body: request })).body,
  /** The story and its ETag, which guards memory edits. */
  getStory: async (id) => {
    const { body, etag } = await call("GET", story(id));
    return { story: body, etag };
  },
  paragraphs: async (id, from, count) => (await call("GET", `${story(id)}/paragraphs?from=${from}&count=${count}`)).body,
  editParagraph: async (id, index, text) => (await call("PUT", `${story(id)}/paragraphs/${index}`, { body: { text } })).body,
  /** plan alone picks it; plan with text edits it; text alone is the writer's own plan. */
  choose: async (id, step, plan, text) => (await call("POST", `${story(id)}/choice`, { body: { step, plan, text } })).body,
  editMemory: async (id, etag, shortTermMemory) => (await call("PUT", `${story(id)}/memory`, { body: { shortTermMemory }, ifMatch: etag })).body,
  recallForPlan: async (id, plan) => (await call("GET", `${story(id)}/recall?plan=${plan}`)).body.recalled,
  recallForText: async (id, text) => (await call("GET", `${story(id)}/recall?text=${encodeURIComponent(text)}`)).body.recalled,
  step: async (id, n) => (await call("GET", `${story(id)}/steps/${n}`)).body,
  setMode: async (id, mode) => (await call("PUT", `${story(id)}/mode`, { body: { mode } })).body,
  pause: async (id) => (await call("POST", `${story(id)}/pause`)).body,
  resume: async (id) => (await call("POST", `${story(id)}/resume`)).body,
  cancel: async (id) => (await call("POST", `${story(id)}/cancel`)).body,
  retry: async (id) => (await call("POST", `${story(id)}/retry`)).body,
  /** Every step of the timeline, a page of 200 at a time (a story has at most 10,000 steps: 50 pages). */
  timeline: async (id) => {
    const first = (await call("GET", `${story(id)}/timeline?from=1&count=200`)).body;
    const steps = [...first.steps];
    for (let next = first.next, pages = 1; next && pages < 50; pages++) {
      const page = (await call("GET", `${story(id)}/timeline?from=${next}&count=200`)).body;
      steps.push(...page.steps);
      next = page.next;
    }
    return { ...first, steps };
  },
  branchText: async (id, branch, count) => (await call("GET", `${story(id)}/branches/${branch}?count=${count}`)).body,
  rewind: async (id, toStep) => (await call("POST", `${story(id)}/rewind`, { body: { toStep } })).body,
  restore: async (id, branch) => (await call("POST", `${story(id)}/branches/${branch}/restore`)).body,
  regenerate: async (id) => (await call("POST", `${story(id)}/regenerate`)).body,
  chooseAlternative: async (id, step, index) => (await call("PUT", `${story(id)}/steps/${step}/alternative`, { body: { index } })).body,
  /** newId may be empty: the server names the fork. */
  fork: async (id, fromStep, newId) => (await call("POST", `${story(id)}/fork`, { body: newId ? { fromStep, id: newId } : { fromStep } })).body,
  exportUrl: (id, format) => `${base}/${story(id)}/export?format=${format}`,
  /** The export as a file, fetched with the key (on Azure a plain link would be refused without it). */
  exportFile: async (id, format) => (await send("GET", `${story(id)}/export?format=${format}`, { accept: "*/*" })).blob(),
};
