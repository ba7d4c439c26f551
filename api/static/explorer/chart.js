// A small bar chart of papers per month, as inline SVG with a text alternative.

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

/**
 * Bars for [{month: "2025-03", count: 4}, ...], oldest first.
 * @returns {SVGElement} an SVG with role="img", an aria-label summing it up, and a <title> per bar
 */
export function monthChart(points, label) {
  const width = Math.max(240, points.length * 18);
  const height = 120;
  const top = Math.max(1, ...points.map((p) => p.count));
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height + 20}`, width, height: height + 20, role: "img", class: "chart",
    "aria-label": `${label}: ${points.map((p) => `${p.month} ${p.count}`).join(", ")}`,
  });
  const barWidth = width / Math.max(points.length, 1);
  points.forEach((point, index) => {
    const barHeight = Math.round((point.count / top) * (height - 10));
    const bar = svg("rect", {
      x: index * barWidth + 2, y: height - barHeight, width: Math.max(barWidth - 4, 2), height: barHeight,
      class: "bar",
    });
    const title = svg("title", {});
    title.textContent = `${point.month}: ${point.count} paper${point.count === 1 ? "" : "s"}`;
    bar.append(title);
    chart.append(bar);
  });
  if (points.length) {
    for (const [index, anchor] of [[0, "start"], [points.length - 1, "end"]]) {
      const text = svg("text", {
        x: anchor === "start" ? 2 : width - 2, y: height + 15, "text-anchor": anchor, class: "axis",
      });
      text.textContent = points[index].month;
      chart.append(text);
    }
  }
  return chart;
}
