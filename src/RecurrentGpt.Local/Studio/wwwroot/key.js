// The key for changes. rgpt serve prints the studio's address with the key in the fragment (#key=…), which browsers
// never send to a server; the page moves it into this tab's session storage and out of the address bar and history.

import { byId } from "./dom.js";

const storageName = "rgpt.studio.key";

export function takeKeyFromAddress() {
  const match = /^#key=([^&]+)/.exec(location.hash);
  if (!match) return;
  try {
    sessionStorage.setItem(storageName, decodeURIComponent(match[1]));
  } catch {
    // Storage can be refused (private modes); the page still reads, and asks for the key when a change needs it.
  }
  history.replaceState(null, "", `${location.pathname}${location.search}#/`);
}

export function currentKey() {
  try {
    return sessionStorage.getItem(storageName);
  } catch {
    return null;
  }
}

function rememberKey(key) {
  try {
    sessionStorage.setItem(storageName, key);
  } catch {
    // Nothing more to do: the next change asks again.
  }
}

const defaultHint = "Changes need the key that rgpt serve printed (“Key for changes”). It stays in this tab only.";

/** Opens the key field, e.g. after a change was refused with 401; the writer tries the change again afterwards. */
export function askForKey(message) {
  const form = byId("key-form");
  byId("key-hint").textContent = message ?? "That change needs the key that rgpt serve printed (“Key for changes”). Paste it here, then try again.";
  form.hidden = false;
  byId("key-toggle").setAttribute("aria-expanded", "true");
  byId("key-input").focus();
}

export function setUpKeyForm() {
  const form = byId("key-form");
  const toggle = byId("key-toggle");
  const input = byId("key-input");
  const showState = () => { toggle.textContent = currentKey() ? "Key ✓" : "Key"; };

  toggle.addEventListener("click", () => {
    const open = form.hidden;
    form.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) {
      byId("key-hint").textContent = defaultHint;
      input.focus();
    }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = input.value.trim();
    if (key.length < 16) {
      byId("key-hint").textContent = "A key has at least 16 characters.";
      input.focus();
      return;
    }
    rememberKey(key);
    input.value = "";
    form.hidden = true;
    toggle.setAttribute("aria-expanded", "false");
    showState();
    toggle.focus();
  });
  showState();
}
