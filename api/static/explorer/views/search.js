// The start page and the search results: papers by full text, entities by name or alias.

import { graphql } from "../api.js";
import { h, fill, pathOf, typeBadge, entityLink, count } from "../dom.js";

const HOME = `query Home {
  stats { papers entities edges results byType { type entities papers } }
  entities(first: 12, minPapers: 1) { edges { node { id name type paperCount } } }
  papers(first: 8) { edges { node { id title date year venue } } }
}`;

const SEARCH = `query Search($q: String!, $after: String) {
  papers(search: $q, first: 20, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id title date year venue abstract } }
  }
  entities(search: $q, first: 12) { totalCount edges { node { id name type paperCount aliases } } }
}`;

const MORE_PAPERS = `query MorePapers($q: String!, $after: String) {
  papers(search: $q, first: 20, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { id title date year venue abstract } }
  }
}`;

/** When and where a paper appeared: its date (else its year), then its venue ("2024, NeurIPS 2024"). */
export function paperWhen(paper) {
  const when = paper.date || (paper.year != null ? String(paper.year) : null);
  return [when, paper.venue].filter(Boolean).join(", ");
}

/** A paper as a list item: title link, date or year and venue, and the start of its abstract. */
export function paperItem(paper, extra = null) {
  const snippet = paper.abstract ? `${paper.abstract.slice(0, 220)}${paper.abstract.length > 220 ? "..." : ""}` : null;
  const when = paperWhen(paper);
  return h("li", { class: "paper-item" },
    h("a", { href: pathOf("paper", paper.id), class: "paper-title" }, paper.title),
    when ? h("span", { class: "muted" }, ` ${when}`) : null,
    extra,
    snippet ? h("p", { class: "snippet" }, snippet) : null);
}

/** A button that fetches the next page and appends it to `list`, focusing the first new item. */
export function moreButton(label, pageInfo, fetchPage, list, toItem) {
  if (!pageInfo.hasNextPage) return null;
  let cursor = pageInfo.endCursor;
  const button = h("button", { type: "button", class: "more" }, label);
  button.addEventListener("click", async () => {
    button.disabled = true;
    const page = await fetchPage(cursor);
    const items = page.edges.map((edge) => toItem(edge.node));
    list.append(...items);
    items[0]?.querySelector("a")?.focus();
    cursor = page.pageInfo.endCursor;
    button.disabled = false;
    if (!page.pageInfo.hasNextPage) button.remove();
  });
  return button;
}

/** The start page: what the graph holds and where to begin. */
export async function renderHome(view) {
  const data = await graphql(HOME);
  document.title = "paperkg explorer";
  const { stats } = data;
  fill(view,
    h("h1", {}, "Explore the paper graph"),
    h("p", { class: "lede" },
      `${stats.papers.toLocaleString()} papers, ${stats.entities.toLocaleString()} named things they use `,
      `(${stats.edges.toLocaleString()} links) and ${stats.results.toLocaleString()} reported results. `,
      "Search above, or start from one of these."),
    h("section", { "aria-labelledby": "by-type" },
      h("h2", { id: "by-type" }, "By type"),
      h("ul", { class: "chips" }, stats.byType.map((row) => h("li", {}, typeBadge(row.type),
        ` ${row.entities.toLocaleString()} entities in ${row.papers.toLocaleString()} papers`)))),
    h("div", { class: "columns" },
      h("section", { "aria-labelledby": "popular" },
        h("h2", { id: "popular" }, "Most used"),
        h("ul", { class: "plain" }, data.entities.edges.map(({ node }) =>
          h("li", {}, entityLink(node), h("span", { class: "muted" }, ` ${count(node.paperCount, "paper")}`))))),
      h("section", { "aria-labelledby": "newest" },
        h("h2", { id: "newest" }, "Newest papers"),
        h("ul", { class: "plain" }, data.papers.edges.map(({ node }) => paperItem(node))))));
}

/** The results of a search: matching entities first, then papers best match first. */
export async function renderSearch(view, q) {
  const input = document.getElementById("q");
  if (input && document.activeElement !== input) input.value = q;
  if (!q.trim()) return renderHome(view);
  const data = await graphql(SEARCH, { q });
  document.title = `${q} - search - paperkg`;
  const { papers, entities } = data;
  const list = h("ol", { class: "plain results", "aria-label": "Papers" }, papers.edges.map(({ node }) => paperItem(node)));
  const more = moreButton("More papers", papers.pageInfo,
    async (after) => (await graphql(MORE_PAPERS, { q, after })).papers, list, paperItem);
  fill(view,
    h("h1", {}, `Search: ${q}`),
    h("section", { "aria-labelledby": "found-entities" },
      h("h2", { id: "found-entities" }, `Entities (${entities.totalCount})`),
      entities.edges.length
        ? h("ul", { class: "chips" }, entities.edges.map(({ node }) => h("li", {}, entityLink(node),
          h("span", { class: "muted" }, ` ${count(node.paperCount, "paper")}`))))
        : h("p", {}, "No entity has this name or alias.")),
    h("section", { "aria-labelledby": "found-papers" },
      h("h2", { id: "found-papers" }, `Papers (${papers.totalCount})`),
      papers.edges.length ? list : h("p", {}, "No paper matches; try fewer or other words."),
      more));
}
