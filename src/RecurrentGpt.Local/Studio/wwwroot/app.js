// The studio's entry: takes the key from the address, then shows one view per address fragment:
// #/ the stories, #/new a new story, #/story/<id> the writing desk.

import { byId, clearError } from "./dom.js";
import { takeKeyFromAddress, setUpKeyForm } from "./key.js";
import { listView } from "./list-view.js";
import { startView } from "./start-view.js";
import { writeView } from "./write-view.js";

const views = {
  list: { element: byId("view-list"), controller: listView },
  start: { element: byId("view-start"), controller: startView },
  write: { element: byId("view-write"), controller: writeView },
};
let shown = null;

function routeOf(hash) {
  if (hash === "" || hash === "#" || hash === "#/") return { view: "list" };
  if (hash === "#/new") return { view: "start" };
  const story = /^#\/story\/([A-Za-z0-9_-]{1,64})$/.exec(hash);
  if (story) return { view: "write", id: story[1] };
  if (hash.startsWith("#/")) return { view: "list" };
  // Any other fragment is an in-page anchor (the skip link): not a route.
  return null;
}

function show() {
  const route = routeOf(location.hash);
  if (!route) return;
  if (shown) {
    views[shown].controller.hide();
    views[shown].element.hidden = true;
  }
  clearError();
  shown = route.view;
  const view = views[route.view];
  view.element.hidden = false;
  for (const link of document.querySelectorAll("[data-nav]")) {
    if (link.dataset.nav === route.view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  view.controller.show(route);
  // Focus moves to the new view's heading, so keyboard and screen-reader users start where the content starts.
  view.element.querySelector("h1").focus({ preventScroll: false });
}

// In-page links (the skip link, a recalled paragraph) move focus without touching the route in the address.
document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[href^='#']");
  if (!link || link.getAttribute("href").startsWith("#/")) return;
  const target = document.getElementById(link.getAttribute("href").slice(1));
  if (!target) return;
  event.preventDefault();
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.scrollIntoView({ block: "start" });
  target.focus({ preventScroll: true });
});

takeKeyFromAddress();
setUpKeyForm();
startView.setUp();
writeView.setUp();
window.addEventListener("hashchange", show);
show();
