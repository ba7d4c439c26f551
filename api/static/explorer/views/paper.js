// A paper: title, date (else year), venue, authors, links (DOI, arXiv, code); the abstract with its mentions marked; the results
// it reports; the papers sharing each kind of entity with it; its neighbourhood as a graph.

import { graphql } from "../api.js";
import { h, fill, pathOf, typeName, roleName, entityLink, showNotFound } from "../dom.js";
import { highlight, legend } from "../highlight.js";
import { drawNeighbourhood, loadCytoscape } from "../neighbourhood.js";

// The kinds of "papers sharing a ... with this one", in the order shown.
export const SHARED_KINDS = ["BENCHMARK", "DATASET", "MODEL", "TASK", "METHOD"];
const RELATED = (type) => `${type.toLowerCase()}: related(types: [${type}], first: 5) {
      totalCount edges { node { score paper { id title date } explanation { weight entity { id name type } } } } }`;

const PAPER = `query Paper($id: ID!) {
  paper(id: $id) {
    id title abstract date year venue doi authors arxivId codeUrls urls upvotes categories
    mentions { field start end role confidence entity { id name type } }
    results { metric value unit sentence entity { id name type } model { id name type } }
    entityUses { role mentionCount confidence entity { id name type } }
    ${SHARED_KINDS.map(RELATED).join("\n    ")}
  }
}`;

function linksOf(paper) {
  const links = [];
  // A DOI keeps its slashes: each part is encoded, as doi.org resolves "10.5555/abc.123".
  if (paper.doi) links.push(["DOI", `https://doi.org/${paper.doi.split("/").map(encodeURIComponent).join("/")}`]);
  if (paper.arxivId) {
    links.push(["arXiv", `https://arxiv.org/abs/${encodeURIComponent(paper.arxivId)}`]);
    links.push(["PDF", `https://arxiv.org/pdf/${encodeURIComponent(paper.arxivId)}`]);
  }
  for (const url of paper.codeUrls) links.push(["code", url]);
  for (const url of paper.urls) if (!paper.codeUrls.includes(url)) links.push(["project", url]);
  return links.filter(([, url]) => /^https?:\/\//.test(url));
}

function header(paper) {
  const titleMentions = paper.mentions.filter((m) => m.field === "title");
  const links = linksOf(paper);
  return h("header", { class: "paper-header" },
    h("p", { class: "kind" }, "Paper"),
    h("h1", {}, ...highlight(paper.title, titleMentions)),
    h("p", { class: "meta" },
      paper.date ? h("time", { datetime: paper.date }, paper.date) : paper.year != null ? String(paper.year) : "undated",
      paper.venue ? h("span", { class: "venue" }, ` - ${paper.venue}`) : null,
      paper.authors.length ? ` - ${paper.authors.join(", ")}` : "",
      paper.upvotes != null ? h("span", { class: "muted" }, ` - ${paper.upvotes} upvotes`) : null),
    links.length ? h("ul", { class: "links", "aria-label": "Links" },
      links.map(([label, url]) => h("li", {}, h("a", { href: url, rel: "noopener", class: "external" }, label, h("span", { class: "visually-hidden" }, ` (${url})`))))) : null);
}

function abstractSection(paper) {
  const mentions = paper.mentions.filter((m) => m.field === "abstract");
  return h("section", { "aria-labelledby": "abstract-heading" },
    h("h2", { id: "abstract-heading" }, "Abstract"),
    legend(paper.mentions),
    h("p", { class: "abstract" }, ...highlight(paper.abstract, mentions)),
    h("p", { class: "muted small" }, `${paper.mentions.length} mention${paper.mentions.length === 1 ? "" : "s"} of `,
      `${paper.entityUses.length} entit${paper.entityUses.length === 1 ? "y" : "ies"}; `,
      "hover or focus a marked name for its role and confidence."));
}

function resultsSection(results) {
  if (!results.length) return null;
  return h("section", { "aria-labelledby": "results-heading" },
    h("h2", { id: "results-heading" }, "Reported results"),
    h("table", { class: "data" },
      h("caption", { class: "visually-hidden" }, "The numbers the paper reports"),
      h("thead", {}, h("tr", {}, ["Value", "Metric", "On", "By", "Sentence"].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, results.map((r) => h("tr", {},
        h("td", { class: "number" }, `${r.value}${r.unit || ""}`),
        h("td", {}, r.metric || "-"),
        h("td", {}, entityLink(r.entity)),
        h("td", {}, r.model ? entityLink(r.model) : "-"),
        h("td", { class: "sentence" }, r.sentence))))));
}

function relatedSection(paper, type) {
  const related = paper[type.toLowerCase()];
  if (!related.edges.length) return null;
  const id = `sharing-${typeName(type)}`;
  return h("section", { "aria-labelledby": id, class: "related", "data-type": type },
    h("h3", { id }, `Papers sharing a ${typeName(type)} with this one`,
      h("span", { class: "muted" }, ` (${related.totalCount})`)),
    h("ol", { class: "plain" }, related.edges.map(({ node }) => h("li", {},
      h("a", { href: pathOf("paper", node.paper.id) }, node.paper.title),
      h("span", { class: "muted" }, ` score ${node.score.toFixed(2)}`),
      h("p", { class: "shared" }, "shares ", ...node.explanation.flatMap((e, i) => [
        i ? ", " : "", entityLink(e.entity), h("span", { class: "muted" }, ` (${e.weight.toFixed(2)})`)]))))));
}

function entitiesSection(uses) {
  return h("section", { "aria-labelledby": "uses-heading" },
    h("h2", { id: "uses-heading" }, "What it uses"),
    h("ul", { class: "chips" }, uses.map((use) => h("li", {}, entityLink(use.entity),
      h("span", { class: "muted" }, ` ${roleName(use.role)}, ${use.mentionCount}x`)))));
}

/** Render /paper/{id}; "not-found" when there is no such paper. */
export async function renderPaper(view, id, { stillCurrent, navigate }) {
  loadCytoscape().catch(() => {}); // in parallel with the query; drawNeighbourhood reports a failure
  const { paper } = await graphql(PAPER, { id });
  if (!stillCurrent()) return;
  if (!paper) return showNotFound(view, "paper", id);
  document.title = `${paper.title} - paperkg`;
  const related = SHARED_KINDS.map((type) => relatedSection(paper, type)).filter(Boolean);
  const graph = h("div", { class: "graph", role: "img", "aria-label": "" });
  fill(view,
    header(paper),
    abstractSection(paper),
    entitiesSection(paper.entityUses),
    resultsSection(paper.results),
    h("section", { "aria-labelledby": "related-heading" },
      h("h2", { id: "related-heading" }, "Related papers"),
      related.length ? related : h("p", {}, "No other paper shares an entity with this one.")),
    h("section", { "aria-labelledby": "graph-heading" },
      h("h2", { id: "graph-heading" }, "Neighbourhood"),
      h("p", { class: "muted small" }, "This paper, what it uses, and the related papers above. Select a node to open it, or open the list below the graph."),
      graph));
  await drawNeighbourhood(graph, paper, SHARED_KINDS, navigate);
}
