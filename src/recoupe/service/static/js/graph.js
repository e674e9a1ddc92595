// An interactive relation graph: entities as nodes, relations as edges, each edge opening its
// evidence. Laid out once by a small force simulation (no library), drawn in SVG; every label is
// a text node. The same edges are listed in a table below, the keyboard-friendly way in.

import { h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function s(tag, attrs = {}, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v != null) el.setAttribute(k, String(v));
  if (text != null) el.textContent = String(text);
  return el;
}

// Deterministic layout: nodes start on a circle, then repel each other and edges pull them together.
export function layout(nodes, edges, width, height, iterations = 300) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({
    x: width / 2 + (width / 3) * Math.cos((2 * Math.PI * i) / Math.max(1, n)),
    y: height / 2 + (height / 3) * Math.sin((2 * Math.PI * i) / Math.max(1, n)),
  }));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const k = Math.sqrt((width * height) / Math.max(1, n));
  for (let it = 0; it < iterations; it++) {
    const disp = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x || 0.01;
        const dy = pos[i].y - pos[j].y || 0.01;
        const d2 = dx * dx + dy * dy;
        const f = (k * k) / d2;
        disp[i].x += dx * f; disp[i].y += dy * f;
        disp[j].x -= dx * f; disp[j].y -= dy * f;
      }
    }
    for (const e of edges) {
      const a = index.get(e.source), b = index.get(e.target);
      if (a == null || b == null || a === b) continue;
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.sqrt(dx * dx + dy * dy) || 0.01;
      const f = (d * d) / k / d;
      disp[a].x -= dx * f; disp[a].y -= dy * f;
      disp[b].x += dx * f; disp[b].y += dy * f;
    }
    const temp = (width / 10) * (1 - it / iterations);
    for (let i = 0; i < n; i++) {
      const d = Math.sqrt(disp[i].x ** 2 + disp[i].y ** 2) || 1;
      pos[i].x = Math.min(width - 40, Math.max(40, pos[i].x + (disp[i].x / d) * Math.min(d, temp)));
      pos[i].y = Math.min(height - 20, Math.max(20, pos[i].y + (disp[i].y / d) * Math.min(d, temp)));
    }
  }
  return pos;
}

// graph: {nodes: [{id, label, type}], edges: [{id, source, target, label, ...}]};
// onEdge(edge) is called when an edge is chosen (click, Enter or Space).
export function drawGraph(graph, { onEdge, width = 900, height = 600, title = "" } = {}) {
  const nodes = graph.nodes || [];
  const edges = graph.edges || [];
  const pos = layout(nodes, edges, width, height);
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, class: "graph", role: "group", "aria-label": title });
  const edgeLayer = s("g", { class: "edges" });
  const nodeLayer = s("g", { class: "nodes" });
  svg.append(edgeLayer, nodeLayer);
  edges.forEach((e, i) => {
    const a = pos[index.get(e.source)], b = pos[index.get(e.target)];
    if (!a || !b) return;
    const g = s("g", { class: "edge", tabindex: "0", role: "button", "data-edge": i,
      "aria-label": `${nodeLabel(nodes, index, e.source)} — ${e.label || e.type || ""} — ${nodeLabel(nodes, index, e.target)}` });
    g.append(s("line", { x1: a.x, y1: a.y, x2: b.x, y2: b.y }),
      s("line", { class: "hit", x1: a.x, y1: a.y, x2: b.x, y2: b.y }),
      s("text", { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 4, "text-anchor": "middle" }, e.label || e.type || ""));
    const choose = () => {
      for (const el of svg.querySelectorAll(".edge.sel")) el.classList.remove("sel");
      g.classList.add("sel");
      if (onEdge) onEdge(e);
    };
    g.addEventListener("click", choose);
    g.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        choose();
      }
    });
    edgeLayer.append(g);
  });
  nodes.forEach((node, i) => {
    const g = s("g", { class: ["node", `type-${node.type || "other"}`].join(" ") });
    g.append(s("circle", { cx: pos[i].x, cy: pos[i].y, r: 7 }),
      s("text", { x: pos[i].x + 10, y: pos[i].y + 4 }, node.label || node.id));
    nodeLayer.append(g);
  });
  return svg;
}

function nodeLabel(nodes, index, id) {
  const node = nodes[index.get(id)];
  return node ? node.label || node.id : id;
}

export function edgeTable(graph, headers, onEdge) {
  const nodes = graph.nodes || [];
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  return h("table", { class: "edge-table" },
    h("thead", {}, h("tr", {}, headers.map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, (graph.edges || []).map((e) => {
      const button = h("button", { type: "button", class: "link-button" }, e.label || e.type || "—");
      button.addEventListener("click", () => onEdge(e));
      return h("tr", {}, h("td", {}, nodeLabel(nodes, index, e.source)), h("td", {}, button), h("td", {}, nodeLabel(nodes, index, e.target)));
    })));
}
