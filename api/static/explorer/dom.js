// Small helpers to build DOM nodes safely (text is never parsed as HTML).

/**
 * Create an element: h("a", {href: "/x", class: "y"}, "text", child, ...).
 * Attributes whose value is null, undefined or false are left out.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replace an element's content with the given children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** The explorer path of a paper or entity; Node ids may already carry the kind ("paper/..."). */
export function pathOf(kind, id) {
  const bare = String(id).startsWith(`${kind}/`) ? String(id).slice(kind.length + 1) : String(id);
  return `/${kind}/${encodeURIComponent(bare)}`;
}

const TYPE_NAMES = {
  MODEL: "model", METHOD: "method", DATASET: "dataset", BENCHMARK: "benchmark",
  TASK: "task", METRIC: "metric",
};

/** "BENCHMARK" -> "benchmark", for labels and class names. */
export function typeName(type) {
  return TYPE_NAMES[type] || String(type).toLowerCase();
}

/** A role enum as words: "EVALUATES_ON" -> "evaluates on". */
export function roleName(role) {
  return String(role).toLowerCase().replaceAll("_", " ");
}

/** A badge naming an entity type, coloured like its mentions. */
export function typeBadge(type) {
  return h("span", { class: `badge t-${typeName(type)}` }, typeName(type));
}

/** A link to an entity, with its type badge. */
export function entityLink(entity) {
  return h("span", { class: "entity-ref" },
    h("a", { href: pathOf("entity", entity.id) }, entity.name), " ", typeBadge(entity.type));
}

/** "1 paper", "3 papers". */
export function count(n, noun, plural = `${noun}s`) {
  return `${n.toLocaleString()} ${n === 1 ? noun : plural}`;
}

/** Show that no paper or entity has `id`; returns "not-found", the view's outcome. */
export function showNotFound(view, kind, id) {
  const noun = kind === "paper" ? "Paper" : "Entity";
  document.title = `${noun} not found - paperkg`;
  fill(view, h("h1", {}, `${noun} not found`),
    h("p", {}, `No ${kind} has the id "${id}". Search for it above, or `, h("a", { href: "/" }, "start over"), "."));
  return "not-found";
}
