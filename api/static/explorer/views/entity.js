// An entity: type, aliases, external ids, variants; papers per month; its papers, paginated;
// the entities used alongside it; and its leaderboard when it is a benchmark or dataset.

import { graphql } from "../api.js";
import { h, fill, pathOf, typeName, typeBadge, entityLink, showNotFound } from "../dom.js";
import { monthChart } from "../chart.js";
import { paperItem, moreButton } from "./search.js";

const PAPER_FIELDS = "pageInfo { hasNextPage endCursor } edges { node { id title date year venue } }";
const ENTITY = `query Entity($id: ID!) {
  entity(id: $id) {
    id name type aliases origin paperCount
    externalIds { scheme value }
    variants { id name type } variantOf { id name type }
    timeline { month papers }
    papers(first: 20) { totalCount ${PAPER_FIELDS} }
    coUsed(first: 15) { totalCount edges { node { papers entity { id name type } } } }
  }
}`;
// Asked once ENTITY has said the entity is a benchmark or dataset (for others it is no question).
const LEADERBOARD = `query Leaderboard($board: String!) {
  leaderboard(entity: $board) {
    metric direction metrics { metric results }
    entries(first: 10) { totalCount edges { node { rank value unit metric sentence
      paper { id title } model { id name type } } } }
  }
}`;
const MORE_PAPERS = `query EntityPapers($id: ID!, $after: String) {
  entity(id: $id) { papers(first: 20, after: $after) { ${PAPER_FIELDS} } }
}`;
const BOARD_TYPES = new Set(["BENCHMARK", "DATASET"]);
// Where an external id leads, by catalogue.
const EXTERNAL = {
  hf: (v) => `https://huggingface.co/${v}`,
  arxiv: (v) => `https://arxiv.org/abs/${v}`,
  wikidata: (v) => `https://www.wikidata.org/wiki/${v}`,
  github: (v) => `https://github.com/${v}`,
  pwc: (v) => `https://paperswithcode.com/${v}`,
};

/** Months from the first to the last of `timeline`, zeros filled in; undated papers left out. */
export function monthsOf(timeline) {
  const dated = timeline.filter((t) => t.month);
  if (!dated.length) return [];
  const counts = new Map(dated.map((t) => [t.month, t.papers]));
  let [year, month] = dated[0].month.split("-").map(Number);
  const [lastYear, lastMonth] = dated[dated.length - 1].month.split("-").map(Number);
  const points = [];
  while (year < lastYear || (year === lastYear && month <= lastMonth)) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    points.push({ month: key, count: counts.get(key) || 0 });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return points;
}

function facts(entity) {
  const rows = [["Type", typeBadge(entity.type)], ["Papers", String(entity.paperCount)]];
  if (entity.aliases.length) rows.push(["Also called", entity.aliases.join(", ")]);
  if (entity.variantOf) rows.push(["Variant of", entityLink(entity.variantOf)]);
  if (entity.variants.length) rows.push(["Variants", h("span", {}, ...entity.variants.flatMap((v, i) => [i ? ", " : "", entityLink(v)]))]);
  if (entity.externalIds.length) {
    rows.push(["Elsewhere", h("span", {}, ...entity.externalIds.flatMap((x, i) => {
      const url = EXTERNAL[x.scheme]?.(x.value);
      const label = `${x.scheme}: ${x.value}`;
      return [i ? ", " : "", url ? h("a", { href: url, rel: "noopener", class: "external" }, label) : label];
    }))]);
  }
  rows.push(["Source", entity.origin]);
  return h("dl", { class: "facts" }, rows.flatMap(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

function timelineSection(entity) {
  const points = monthsOf(entity.timeline);
  const undated = entity.timeline.find((t) => !t.month)?.papers || 0;
  return h("section", { "aria-labelledby": "timeline-heading" },
    h("h2", { id: "timeline-heading" }, "Papers per month"),
    points.length ? monthChart(points, `Papers using ${entity.name} per month`) : h("p", {}, "No dated paper."),
    undated ? h("p", { class: "muted small" }, `${undated} undated paper${undated === 1 ? "" : "s"} not shown.`) : null);
}

function papersSection(entity) {
  const list = h("ol", { class: "plain", "aria-label": `Papers using ${entity.name}` },
    entity.papers.edges.map(({ node }) => paperItem(node)));
  const more = moreButton("More papers", entity.papers.pageInfo,
    async (after) => (await graphql(MORE_PAPERS, { id: entity.id, after })).entity.papers, list, paperItem);
  return h("section", { "aria-labelledby": "papers-heading" },
    h("h2", { id: "papers-heading" }, `Papers (${entity.papers.totalCount})`), list, more);
}

function coUsedSection(entity) {
  if (!entity.coUsed.edges.length) return null;
  return h("section", { "aria-labelledby": "coused-heading" },
    h("h2", { id: "coused-heading" }, "Used alongside"),
    h("ul", { class: "chips" }, entity.coUsed.edges.map(({ node }) => h("li", {}, entityLink(node.entity),
      h("span", { class: "muted" }, ` in ${node.papers} paper${node.papers === 1 ? "" : "s"}`)))));
}

function leaderboardSection(entity, board) {
  if (!BOARD_TYPES.has(entity.type) || !board.entries.totalCount) return null;
  const direction = board.direction === "LOWER_IS_BETTER" ? "lower is better" : "higher is better";
  return h("section", { "aria-labelledby": "board-heading" },
    h("h2", { id: "board-heading" }, `Leaderboard: ${board.metric || "results that name no metric"}`),
    h("p", { class: "muted small" }, `${board.entries.totalCount} results, ${direction}.`,
      board.metrics.length > 1 ? ` Other metrics: ${board.metrics.slice(1, 6).map((m) => m.metric || "none").join(", ")}.` : ""),
    h("table", { class: "data" },
      h("thead", {}, h("tr", {}, ["Rank", "Value", "Model", "Paper"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, board.entries.edges.map(({ node }) => h("tr", {},
        h("td", { class: "number" }, String(node.rank)),
        h("td", { class: "number", title: node.sentence }, `${node.value}${node.unit || ""}`),
        h("td", {}, node.model ? entityLink(node.model) : "-"),
        h("td", {}, node.paper ? h("a", { href: pathOf("paper", node.paper.id) }, node.paper.title) : "-"))))));
}

/** Render /entity/{id}; "not-found" when there is no such entity. */
export async function renderEntity(view, id, { stillCurrent }) {
  const { entity } = await graphql(ENTITY, { id });
  if (!stillCurrent()) return;
  if (!entity) return showNotFound(view, "entity", id);
  const board = BOARD_TYPES.has(entity.type) ? (await graphql(LEADERBOARD, { board: entity.id })).leaderboard : null;
  if (!stillCurrent()) return;
  document.title = `${entity.name} (${typeName(entity.type)}) - paperkg`;
  fill(view,
    h("header", {}, h("p", { class: "kind" }, typeName(entity.type)), h("h1", {}, entity.name)),
    facts(entity),
    h("div", { class: "columns" }, timelineSection(entity), coUsedSection(entity)),
    board ? leaderboardSection(entity, board) : null,
    papersSection(entity));
}
