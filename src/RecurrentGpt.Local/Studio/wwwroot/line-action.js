// A move in the story's tree (rewind, restore, fork, try again, choose a take): its button is held while it runs, what
// happened is said where the writer looks, and a refusal is told in words; nothing is changed by a refused move.

import { announce } from "./dom.js";

function refusal(error, what) {
  if (error.status === 401) return `${what} needs the key; paste it above and try again.`;
  if (error.problem === "step-in-progress") return `A step is being written right now; ${what.toLowerCase()} when it is done.`;
  return `${what} did not work: ${error.message}`;
}

/** Runs `action`; says `done(result)` on success, the refusal otherwise. Returns the result, or null when refused. */
export async function runLineAction(button, status, what, action, done) {
  button.disabled = true;
  status.textContent = "…";
  try {
    const result = await action();
    const message = done(result);
    status.textContent = message;
    announce(message);
    return result;
  } catch (error) {
    status.textContent = refusal(error, what);
    announce(status.textContent);
    return null;
  } finally {
    button.disabled = false;
  }
}
