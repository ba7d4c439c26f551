// The explorer's router: one page, addresses handled with history.pushState.
//
//   /                 home: what the graph holds, and where to start
//   /search?q=...     papers by full text, entities by name, alias or prefix
//   /paper/{id}       a paper, its highlighted abstract, results, related papers, graph
//   /entity/{id}      an entity, its timeline, papers, co-used entities, leaderboard
//
// While a view loads, <main id="view"> has data-state="loading"; when it has fully rendered,
// "ready" ("not-found" or "error" when that is what it shows). Tests and benches wait on it.

import { GraphQLRequestError } from "./api.js";
import { h, fill } from "./dom.js";
import { attachCombobox } from "./combobox.js";
import { renderHome, renderSearch } from "./views/search.js";
import { renderPaper } from "./views/paper.js";
import { renderEntity } from "./views/entity.js";

const view = document.getElementById("view");
let navigation = 0; // the newest navigation; older renders that finish late are dropped

/** Which view an address asks for, and with what. */
function route(url) {
  const path = url.pathname;
  const take = (prefix) => decodeURIComponent(path.slice(prefix.length));
  if (path.startsWith("/paper/") && path.length > 7) return { render: renderPaper, arg: take("/paper/") };
  if (path.startsWith("/entity/") && path.length > 8) return { render: renderEntity, arg: take("/entity/") };
  if (path === "/search") return { render: renderSearch, arg: url.searchParams.get("q") || "" };
  return { render: renderHome, arg: null };
}

/** Show the view of the current address. */
async function show(focus) {
  const current = ++navigation;
  const url = new URL(window.location.href);
  const { render, arg } = route(url);
  view.dataset.state = "loading";
  view.setAttribute("aria-busy", "true");
  const stillCurrent = () => current === navigation;
  try {
    const outcome = await render(view, arg, { stillCurrent, navigate });
    if (!stillCurrent()) return;
    view.dataset.state = outcome === "not-found" ? "not-found" : "ready";
  } catch (error) {
    if (!stillCurrent()) return;
    const message = error instanceof GraphQLRequestError ? error.message : `the page failed: ${error.message}`;
    fill(view, h("h1", {}, "Something went wrong"), h("p", { role: "alert" }, message),
      h("p", {}, h("a", { href: "/" }, "Back to the start")));
    document.title = "Error - paperkg";
    view.dataset.state = "error";
    console.error(error);
  }
  view.removeAttribute("aria-busy");
  if (focus) {
    const heading = view.querySelector("h1");
    (heading || view).setAttribute("tabindex", "-1");
    (heading || view).focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }
}

/** Go to an explorer address without reloading the page. */
export function navigate(address) {
  history.pushState(null, "", address);
  show(true);
}

/** Links inside the explorer navigate in place; modified clicks and other pages behave as usual. */
function interceptLinks(event) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest("a[href]");
  if (!link || link.target || link.hasAttribute("data-native") || link.hasAttribute("download")) return;
  const url = new URL(link.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  if (!/^\/($|search$|paper\/|entity\/)/.test(url.pathname) || url.searchParams.has("format")) return;
  if (url.hash && url.pathname === window.location.pathname) return; // in-page anchors
  event.preventDefault();
  navigate(url.pathname + url.search);
}

document.addEventListener("click", interceptLinks);
window.addEventListener("popstate", () => show(true));
attachCombobox(document.getElementById("search"), navigate);
show(false);
