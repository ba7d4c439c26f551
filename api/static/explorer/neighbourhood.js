// A paper's neighbourhood drawn with cytoscape (vendored, /static/vendor): the paper, the
// entities it uses, and the related papers with the shared entities that link them.

import { h, pathOf, typeName } from "./dom.js";

const MAX_ENTITIES = 14;
// The colours of style.css's .t-* classes, for the canvas, which cannot read CSS.
const COLOURS = {
  model: "#1f6feb", method: "#8250df", dataset: "#1a7f37", benchmark: "#bc4c00",
  task: "#bf3989", metric: "#57606a",
};

/** The nodes and edges of the neighbourhood, as cytoscape elements. */
export function neighbourhoodElements(paper, kinds) {
  const nodes = new Map();
  const edges = new Map();
  const addNode = (id, data) => { if (!nodes.has(id)) nodes.set(id, { data: { id, ...data } }); };
  const addEdge = (source, target) => {
    const id = `${source}->${target}`;
    if (!edges.has(id)) edges.set(id, { data: { id, source, target } });
  };
  addNode(paper.id, { label: shorten(paper.title), kind: "self", href: pathOf("paper", paper.id) });
  const uses = [...paper.entityUses].sort((a, b) => b.mentionCount - a.mentionCount).slice(0, MAX_ENTITIES);
  for (const use of uses) {
    addNode(use.entity.id, entityData(use.entity));
    addEdge(paper.id, use.entity.id);
  }
  for (const type of kinds) {
    for (const { node } of paper[type.toLowerCase()].edges) {
      addNode(node.paper.id, { label: shorten(node.paper.title), title: node.paper.title, kind: "paper", href: pathOf("paper", node.paper.id) });
      for (const { entity } of node.explanation) {
        addNode(entity.id, entityData(entity));
        addEdge(paper.id, entity.id);
        addEdge(node.paper.id, entity.id);
      }
    }
  }
  return [...nodes.values(), ...edges.values()];
}

/**
 * Positions in three rings: the paper in the middle, its entities around it, and each
 * related paper outside, at the mean angle of the entities it shares (so its edges are short).
 */
export function placeNodes(elements) {
  const nodes = elements.filter((e) => !e.data.source);
  const entities = nodes.filter((e) => !["self", "paper"].includes(e.data.kind));
  const papers = nodes.filter((e) => e.data.kind === "paper");
  const angle = new Map(entities.map((e, i) => [e.data.id, (2 * Math.PI * i) / Math.max(entities.length, 1) - Math.PI / 2]));
  const ring = (radius, a) => ({ x: Math.round(radius * Math.cos(a)), y: Math.round(radius * Math.sin(a)) });
  for (const e of nodes) if (e.data.kind === "self") e.position = { x: 0, y: 0 };
  // Rings grow with what they hold, so a small neighbourhood is not drawn tiny.
  const inner = Math.max(90, 11 * entities.length);
  const outer = inner + Math.max(110, 6 * papers.length);
  for (const e of entities) e.position = ring(inner, angle.get(e.data.id));
  const linked = new Map(papers.map((p) => [p.data.id, []]));
  for (const e of elements) if (e.data.source && linked.has(e.data.source)) linked.get(e.data.source).push(angle.get(e.data.target));
  const taken = [];
  // Papers keep `gap` radians apart; a paper with no free slot near its angle takes the next one.
  const gap = Math.min(0.7, (2 * Math.PI) / (papers.length * 1.5));
  const slots = Math.floor((2 * Math.PI) / (gap * 1.03));
  for (const p of papers) {
    const angles = linked.get(p.data.id).filter((a) => a !== undefined);
    let a = angles.length ? Math.atan2(angles.reduce((s, x) => s + Math.sin(x), 0), angles.reduce((s, x) => s + Math.cos(x), 0)) : 0;
    for (let tries = 0; tries < slots && taken.some((t) => Math.abs(Math.atan2(Math.sin(a - t), Math.cos(a - t))) < gap); tries++) {
      a += gap * 1.03;
    }
    taken.push(a);
    p.position = ring(outer, a);
  }
  return elements;
}

function entityData(entity) {
  return { label: entity.name, kind: typeName(entity.type), href: pathOf("entity", entity.id) };
}

function shorten(title) {
  return title.length > 40 ? `${title.slice(0, 38)}...` : title;
}

let library = null;

/** Start loading cytoscape (440 kB) now, so it arrives while the page's query runs. */
export function loadCytoscape() {
  library ||= import("/static/vendor/cytoscape.esm.min.mjs").then((module) => module.default);
  return library;
}

/** Draw the neighbourhood into `container`, with its list after it; resolves when it is laid out. */
export async function drawNeighbourhood(container, paper, kinds, navigate) {
  const cytoscape = await loadCytoscape();
  const elements = neighbourhoodElements(paper, kinds);
  container.after(neighbourhoodList(elements));
  const entityCount = elements.filter((e) => !e.data.source && !["self", "paper"].includes(e.data.kind)).length;
  const paperCount = elements.filter((e) => e.data.kind === "paper").length;
  container.setAttribute("aria-label",
    `Graph of this paper, ${entityCount} entities it uses or shares and ${paperCount} related papers`);
  const cy = cytoscape({
    container,
    elements: placeNodes(elements),
    autoungrabify: true,
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "text-valign": "bottom", "text-margin-y": 3,
        width: 14, height: 14, "background-color": "#57606a", color: "#1f2328", "text-wrap": "ellipsis", "text-max-width": 130 } },
      ...Object.entries(COLOURS).map(([kind, colour]) => ({ selector: `node[kind = "${kind}"]`, style: { "background-color": colour } })),
      { selector: 'node[kind = "self"]', style: { shape: "round-rectangle", width: 22, height: 22, "background-color": "#0d1117", "font-weight": "bold" } },
      { selector: 'node[kind = "paper"]', style: { shape: "round-rectangle", "background-color": "#d0d7de", "border-width": 1, "border-color": "#57606a" } },
      { selector: "edge", style: { width: 1, "line-color": "#afb8c1", "curve-style": "haystack" } },
    ],
    layout: { name: "preset", fit: true, padding: 40, animate: false },
  });
  cy.on("tap", "node", (event) => {
    const href = event.target.data("href");
    if (href && navigate) navigate(href);
  });
  return cy;
}

/**
 * The graph as a list, for keyboards and screen readers: each related paper with the
 * entities it links through, each entity with its type.
 */
export function neighbourhoodList(elements) {
  const byId = new Map(elements.filter((e) => !e.data.source).map((e) => [e.data.id, e.data]));
  const links = new Map();
  for (const e of elements) {
    if (e.data.source && byId.get(e.data.source).kind === "paper") {
      if (!links.has(e.data.source)) links.set(e.data.source, []);
      links.get(e.data.source).push(byId.get(e.data.target));
    }
  }
  const entities = [...byId.values()].filter((d) => !["self", "paper"].includes(d.kind));
  return h("details", { class: "graph-list" },
    h("summary", {}, "The graph as a list"),
    h("p", {}, `Entities (${entities.length}): `, ...entities.flatMap((d, i) => [i ? ", " : "",
      h("a", { href: d.href }, d.label), ` (${d.kind})`])),
    links.size ? h("ul", {}, [...links].map(([id, through]) => h("li", {},
      h("a", { href: byId.get(id).href }, byId.get(id).title || byId.get(id).label), " through ",
      ...through.flatMap((d, i) => [i ? ", " : "", h("a", { href: d.href }, d.label)])))) : null);
}
