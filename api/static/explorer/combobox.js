// The search box: an ARIA 1.2 combobox whose listbox suggests entities as you type.
//
// ArrowDown/ArrowUp move through the suggestions (aria-activedescendant), Enter opens the
// one chosen or, with none chosen, searches; Escape closes the list. Submitting the form
// opens /search?q=...

import { graphql } from "./api.js";
import { h, fill, pathOf, typeName, count } from "./dom.js";

const SUGGEST = `query Suggest($q: String!) {
  entities(search: $q, first: 8) { edges { node { id name type paperCount } } }
}`;
const DELAY_MS = 120;

/** Wire the form#search's input and listbox. */
export function attachCombobox(form, navigate) {
  const input = form.querySelector("[role=combobox]");
  const list = document.getElementById(input.getAttribute("aria-controls"));
  let options = [];   // the <li role=option> shown
  let suggested = []; // the entities they stand for
  let active = -1;
  let timer = null;
  let asked = 0;

  input.value = new URL(window.location.href).searchParams.get("q") || "";

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function choose(index) {
    active = index;
    options.forEach((option, i) => option.setAttribute("aria-selected", String(i === index)));
    if (index >= 0) {
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    } else {
      input.removeAttribute("aria-activedescendant");
    }
  }

  function open(entity) {
    close();
    navigate(pathOf("entity", entity.id));
  }

  async function suggest() {
    const q = input.value.trim();
    const ticket = ++asked;
    if (q.length < 2) return close();
    let data;
    try {
      data = await graphql(SUGGEST, { q });
    } catch {
      return close(); // suggestions are a convenience; the search itself reports errors
    }
    if (ticket !== asked) return; // a newer keystroke's answer will come
    const entities = data.entities.edges.map((edge) => edge.node);
    options = entities.map((entity, index) => h("li", {
      id: `suggestion-${index}`, role: "option", "aria-selected": "false", class: "option",
      onmousedown: (event) => { event.preventDefault(); open(entity); },
    }, h("span", { class: `swatch t-${typeName(entity.type)}`, "aria-hidden": "true" }), entity.name,
    h("span", { class: "muted" }, ` ${typeName(entity.type)}, ${count(entity.paperCount, "paper")}`)));
    fill(list, options);
    list.hidden = options.length === 0;
    input.setAttribute("aria-expanded", String(options.length > 0));
    active = -1;
    input.removeAttribute("aria-activedescendant");
    suggested = entities;
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(suggest, DELAY_MS);
  });
  input.addEventListener("keydown", (event) => {
    const count = options.length;
    if (event.key === "ArrowDown" && count) {
      event.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      choose((active + 1) % count);
    } else if (event.key === "ArrowUp" && count) {
      event.preventDefault();
      choose(active <= 0 ? count - 1 : active - 1);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      open(suggested[active]);
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", () => setTimeout(close, 100));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    asked++;
    close();
    const q = input.value.trim();
    if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
  });
}
