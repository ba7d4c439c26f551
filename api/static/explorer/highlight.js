// A paper's text with every mention marked: coloured by entity type, linked to the
// entity, and described (type, role, confidence) on hover and to screen readers.

import { h, pathOf, roleName, typeName } from "./dom.js";

/**
 * Split `text` into plain strings and mention links.
 * @param {string} text the title or abstract
 * @param {Array} mentions mentions of that field, with start/end offsets into `text`
 * @returns {Array<string|Node>} the pieces, in order; overlapping mentions keep the first
 */
export function highlight(text, mentions) {
  const ordered = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const pieces = [];
  let position = 0;
  for (const mention of ordered) {
    if (mention.start < position || mention.end > text.length) continue;
    if (mention.start > position) pieces.push(text.slice(position, mention.start));
    pieces.push(mentionLink(text.slice(mention.start, mention.end), mention));
    position = mention.end;
  }
  if (position < text.length) pieces.push(text.slice(position));
  return pieces;
}

function mentionLink(surface, mention) {
  const entity = mention.entity;
  const kind = typeName(entity.type);
  const about = `${entity.name}: ${kind}, ${roleName(mention.role)}, confidence ${mention.confidence.toFixed(2)}`;
  // The title shows on hover; the hidden text is read after the name by screen readers,
  // and `data-about` shows the same as a tooltip on keyboard focus (style.css).
  return h("a", {
    class: `mention t-${kind}`,
    href: pathOf("entity", entity.id),
    title: about,
    "data-about": about,
    "data-type": entity.type,
    "data-role": mention.role,
  }, surface, h("span", { class: "visually-hidden" }, ` (${about})`));
}

/** A legend of the mention colours present. */
export function legend(mentions) {
  const types = [...new Set(mentions.map((m) => m.entity.type))].sort();
  if (!types.length) return null;
  return h("p", { class: "legend", "aria-label": "Colours of the marked names" },
    ...types.map((type) => h("span", { class: `mention t-${typeName(type)}` }, typeName(type))));
}
