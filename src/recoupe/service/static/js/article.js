// The report of one article: the text with its evidence in place, the findings panel, the
// furniture apart, the source chain with every list's rating side by side, the credibility grade.
// Every piece of the article goes into the page as text (dom.js); nothing is parsed as markup.

import { h, clear, fmt, safeHref } from "./dom.js";
import { t, tv } from "./i18n.js";
import { drawGraph } from "./graph.js";

const SPEAKER_COLOURS = 8;
const LAYERS = ["quotes", "hedges", "claims", "irony", "relations", "persuasion"];
const HIDDEN_BY_DEFAULT = new Set(["persuasion"]);
const ROLE_ORDER = { origin: 0, relay: 1, translator: 2, publisher: 3, cited: 4 };

function short(text, n = 90) {
  const clean = String(text || "").replace(/\s+/g, " ").trim();
  return clean.length > n ? clean.slice(0, n - 1) + "…" : clean;
}

// Findings as the page uses them: an id, the layer, the spans to mark (with their classes), the
// producer and confidence, and the raw finding for the detail panel.
export function collectFindings(report) {
  const findings = [];
  const speakers = new Map();
  const speakerOf = (q) => {
    const key = q.speaker_canonical || (q.speaker && q.speaker.text) || "";
    if (!speakers.has(key)) speakers.set(key, speakers.size % SPEAKER_COLOURS);
    return speakers.get(key);
  };
  (report.quotes || []).forEach((q, i) => {
    const s = speakerOf(q);
    findings.push({
      id: `quote-${i}`, kind: "quote", layer: "quotes", data: q, speaker: s,
      producer: q.producer, confidence: q.confidence,
      label: `${q.speaker_canonical || (q.speaker && q.speaker.text) || t("detail.speaker.unknown")} — ${short(q.content.text, 70)}`,
      spans: [
        { span: q.content, cls: ["q", `sp${s}`] },
        q.speaker && { span: q.speaker, cls: ["spk", `sp${s}`] },
        q.cue && { span: q.cue, cls: ["cue"] },
      ].filter(Boolean),
    });
  });
  (report.hedges || []).forEach((x, i) => findings.push({
    id: `hedge-${i}`, kind: "hedge", layer: "hedges", data: x, producer: x.producer, confidence: x.confidence,
    label: `${tv("hedge", x.kind)} — ${short(x.text, 60)}`,
    spans: [{ span: x, cls: ["hedge", `h-${x.kind}`] }],
  }));
  (report.claims || []).forEach((x, i) => findings.push({
    id: `claim-${i}`, kind: "claim", layer: "claims", data: x, producer: x.producer, confidence: x.confidence,
    label: `${fmt(x.score)} · ${tv("status", x.status)} — ${short(x.text, 70)}`,
    spans: [{ span: x, cls: ["claim", `c-${x.status}`] }],
  }));
  (report.irony || []).forEach((x, i) => findings.push({
    id: `irony-${i}`, kind: "irony", layer: "irony", data: x, producer: x.producer, confidence: x.confidence,
    label: short(x.text, 80),
    spans: [{ span: x, cls: ["irony"] }, ...(x.evidence || []).map((e) => ({ span: e, cls: ["irony"] }))],
  }));
  // only the findings that reached their technique's precision threshold are evidence a reader is
  // shown; the others stay in the report's JSON with their scores
  (report.persuasion || []).filter((x) => x.shown !== false).forEach((x, i) => findings.push({
    id: `persuasion-${i}`, kind: "persuasion", layer: "persuasion", data: x,
    producer: x.trigger ? `${x.producer} + ${x.trigger.producer}` : x.producer, confidence: x.score,
    label: `${x.technique.replace(/_/g, " ")} ${fmt(x.score)} — ${short((x.trigger || x).text, 60)}`,
    spans: [{ span: x.trigger || { text: x.text, start: x.start, end: x.end }, cls: ["pers"] }],
  }));
  (report.relations || []).forEach((x, i) => findings.push({
    id: `relation-${i}`, kind: "relation", layer: "relations", data: x, producer: x.producer, confidence: null,
    label: `${x.subject} — ${predicate(x.predicate)} — ${x.object}${x.status !== "asserted" ? ` (${tv("relstatus", x.status)})` : ""}`,
    spans: [{ span: x.evidence, cls: ["rel"] }],
  }));
  (report.source_chain || []).forEach((x, i) => findings.push({
    id: `chain-${i}`, kind: "chain", layer: null, data: x, producer: x.producer, confidence: null,
    label: `${tv("role", x.role)} — ${x.name}`,
    spans: [{ span: x.evidence, cls: ["chain-ev"] }],
  }));
  return { findings, speakers };
}

export function predicate(p) {
  return String(p || "").replace(/_/g, " ");
}

function where(span) {
  return span.in === "furniture" ? `f${span.furniture_index}` : "body";
}

// Marks the text of one container (the body, or one furniture line) with the findings' spans:
// the text is cut at every span boundary, each piece a <span> carrying the classes of all the
// spans covering it, so overlapping findings never need nested or broken markup.
function markedText(text, marks, registry, asParagraphs) {
  const frag = document.createDocumentFragment();
  const lines = [];
  if (asParagraphs) {
    const re = /[^\n]+/g;
    let m;
    while ((m = re.exec(text))) lines.push([m.index, m.index + m[0].length]);
  } else lines.push([0, text.length]);
  for (const [ls, le] of lines) {
    const cuts = new Set([ls, le]);
    for (const mk of marks) {
      if (mk.end <= ls || mk.start >= le) continue;
      cuts.add(Math.max(ls, mk.start));
      cuts.add(Math.min(le, mk.end));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const line = h(asParagraphs ? "p" : "span");
    for (let k = 0; k + 1 < points.length; k++) {
      const [a, b] = [points[k], points[k + 1]];
      const covering = marks.filter((mk) => mk.start <= a && mk.end >= b);
      const piece = text.slice(a, b);
      if (!covering.length) {
        line.append(document.createTextNode(piece));
        continue;
      }
      const cls = new Set(["mk"]);
      covering.forEach((mk) => mk.cls.forEach((c) => cls.add(c)));
      const el = h("span", { class: [...cls], dataset: { f: covering.map((mk) => mk.fid).join(" ") } }, piece);
      for (const mk of covering) {
        if (!registry.has(mk.fid)) registry.set(mk.fid, []);
        registry.get(mk.fid).push(el);
      }
      line.append(el);
    }
    frag.append(line);
  }
  return frag;
}

export class ArticleView {
  constructor(root, { lists = [] } = {}) {
    this.root = root;
    this.lists = lists;
    this.elements = new Map(); // finding id -> its marked elements
    this.buttons = new Map();
    this.selected = null;
  }

  render(report) {
    this.report = report;
    const { findings, speakers } = collectFindings(report);
    this.findings = new Map(findings.map((f) => [f.id, f]));
    this.elements.clear();
    this.buttons.clear();
    const marksBy = new Map();
    for (const f of findings) {
      for (const { span, cls } of f.spans) {
        if (!span || span.start == null) continue;
        const key = where(span);
        if (!marksBy.has(key)) marksBy.set(key, []);
        marksBy.get(key).push({ start: span.start, end: span.end, cls: [...cls, f.layer ? `L-${f.layer}` : "L-chain"], fid: f.id });
      }
    }
    clear(this.root);
    const body = h("div", { id: "article-body", class: "article-text", lang: report.language || undefined },
      markedText(report.body || "", marksBy.get("body") || [], this.elements, true));
    body.addEventListener("click", (ev) => this.clickText(ev));
    this.body = body;
    for (const layer of LAYERS) if (HIDDEN_BY_DEFAULT.has(layer)) body.classList.add(`hide-${layer}`);

    this.root.append(
      this.header(report),
      h("div", { class: "report-grid" },
        h("section", { class: "article-col", "aria-labelledby": "article-heading" },
          h("h3", { id: "article-heading" }, t("article.heading")),
          this.layerSwitches(),
          this.speakerLegend(speakers),
          this.kindLegend(report),
          body,
          this.furniture(report, marksBy)),
        this.panel(findings)),
      this.relationGraph(report),
      this.chain(report),
      this.credibility(report),
      this.warnings(report),
      this.stamps(report));
  }

  // What produced the report: versions of every component, the configuration and the ratings
  // snapshot, so two reports can be compared and a stored one recognised as stale.
  stamps(report) {
    const st = report.stamps;
    if (!st) return null;
    const rows = [["recoupe", st.recoupe], [t("stamps.config"), st.config_digest], [t("stamps.ratings"), st.ratings_id || "—"],
      [t("stamps.resources"), st.resources || "—"], ...Object.entries(st.components || {})];
    return h("details", { class: "stamps" }, h("summary", {}, t("stamps.heading")),
      h("dl", { class: "detail-list" }, rows.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, String(v))))));
  }

  header(report) {
    const genre = report.genre ? `${tv("genre", report.genre.label)} (${fmt(report.genre.probabilities[report.genre.label])})` : "—";
    const pub = report.publisher || {};
    const link = safeHref(report.url);
    const rows = [
      [t("meta.publisher"), [pub.name || pub.domain || "—", pub.domain && pub.name ? ` (${pub.domain})` : ""]],
      [t("meta.date"), report.date || "—"],
      [t("meta.authors"), (report.authors || []).join(", ") || "—"],
      [t("meta.language"), report.language],
      [t("meta.genre"), genre],
    ];
    return h("header", { class: "report-head" },
      h("h2", { id: "report-title", lang: report.language || undefined }, report.title || t("article.untitled")),
      link ? h("p", { class: "report-url" }, h("a", { href: link, rel: "noopener noreferrer nofollow", target: "_blank" }, report.url))
           : (report.url ? h("p", { class: "report-url" }, report.url) : null),
      h("dl", { class: "meta" }, rows.map(([k, v]) => h("div", {}, h("dt", {}, k), h("dd", {}, v)))));
  }

  layerSwitches() {
    const box = h("fieldset", { class: "layers" }, h("legend", {}, t("layers.legend")));
    for (const layer of LAYERS) {
      const id = `layer-${layer}`;
      const input = h("input", { type: "checkbox", id, checked: !HIDDEN_BY_DEFAULT.has(layer) });
      input.addEventListener("change", () => this.body.classList.toggle(`hide-${layer}`, !input.checked));
      box.append(h("label", { for: id, class: `swatch-${layer}` }, input, " ", t(`layer.${layer}`)));
    }
    return box;
  }

  speakerLegend(speakers) {
    if (!speakers.size) return null;
    return h("div", { class: "legend", role: "group", "aria-label": t("legend.speakers") },
      h("span", { class: "legend-title" }, t("legend.speakers"), t("colon")),
      [...speakers.entries()].map(([name, s]) => h("span", { class: ["chip", "q", `sp${s}`] }, name || t("detail.speaker.unknown"))));
  }

  // What the underlines mean: each hedge kind and claim status present in this report, drawn as in the text.
  kindLegend(report) {
    const hedges = [...new Set((report.hedges || []).map((x) => x.kind))];
    const statuses = [...new Set((report.claims || []).map((x) => x.status))];
    if (!hedges.length && !statuses.length) return null;
    return h("div", { class: "legend" },
      hedges.length ? [h("span", { class: "legend-title" }, t("kind.hedge"), t("colon")),
        hedges.map((k) => h("span", { class: ["chip", "hedge", `h-${k}`] }, tv("hedge", k)))] : null,
      statuses.length ? [h("span", { class: "legend-title" }, t("kind.claim"), t("colon")),
        statuses.map((k) => h("span", { class: ["chip", "claim", `c-${k}`] }, tv("status", k)))] : null);
  }

  furniture(report, marksBy) {
    const items = report.furniture || [];
    const box = h("details", { class: "furniture", id: "furniture", open: items.length > 0 },
      h("summary", {}, `${t("furniture.heading")} (${items.length})`));
    if (!items.length) box.append(h("p", {}, t("furniture.none")));
    const list = h("ul", {});
    for (const item of items) {
      list.append(h("li", {}, h("span", { class: "badge" }, item.kind.replace(/_/g, " ")), " ",
        h("span", { class: "furniture-text" }, markedText(item.text, marksBy.get(`f${item.index}`) || [], this.elements, false))));
    }
    box.append(list);
    return box;
  }

  panel(findings) {
    const aside = h("aside", { class: "findings", "aria-labelledby": "findings-heading" },
      h("h3", { id: "findings-heading" }, t("findings.heading")),
      h("p", { class: "hint" }, t("findings.hint")));
    const groups = [["quote", "kind.quote"], ["hedge", "kind.hedge"], ["claim", "kind.claim"], ["irony", "kind.irony"],
      ["relation", "kind.relation"], ["persuasion", "kind.persuasion"]];
    for (const [kind, key] of groups) {
      const items = findings.filter((f) => f.kind === kind);
      const group = h("details", { class: "group", open: kind !== "persuasion" && items.length > 0 },
        h("summary", {}, `${t(key)} (${items.length})`));
      if (!items.length) group.append(h("p", { class: "none" }, t("findings.none")));
      const list = h("ul", {});
      for (const f of items) {
        const cls = ["finding"];
        if (kind === "quote") cls.push("q", `sp${f.speaker}`);
        const button = h("button", { type: "button", class: cls, "aria-pressed": "false", "aria-controls": "detail",
          dataset: { finding: f.id } }, f.label);
        button.addEventListener("click", () => this.select(f.id));
        this.buttons.set(f.id, button);
        list.append(h("li", {}, button));
      }
      group.append(list);
      aside.append(group);
    }
    this.detail = h("div", { id: "detail", class: "detail", "aria-live": "polite", tabindex: "-1" },
      h("h3", {}, t("detail.heading")), h("p", {}, t("detail.none")));
    aside.append(this.detail);
    return aside;
  }

  clickText(ev) {
    const el = ev.target.closest("[data-f]");
    if (!el) return;
    // The narrowest finding under the pointer: a hedge inside a quote inside a claim picks the hedge.
    const ids = el.dataset.f.split(" ");
    const width = (id) => Math.min(...this.findings.get(id).spans.map((s) => s.span.end - s.span.start));
    ids.sort((a, b) => width(a) - width(b));
    this.select(ids[0]);
  }

  select(id) {
    const f = this.findings.get(id);
    if (!f) return;
    for (const el of this.root.querySelectorAll(".sel")) el.classList.remove("sel");
    for (const b of this.buttons.values()) b.setAttribute("aria-pressed", "false");
    const els = this.elements.get(id) || [];
    els.forEach((el) => el.classList.add("sel"));
    if (this.buttons.has(id)) this.buttons.get(id).setAttribute("aria-pressed", "true");
    if (f.layer && this.body.classList.contains(`hide-${f.layer}`)) {
      this.body.classList.remove(`hide-${f.layer}`);
      const box = this.root.querySelector(`#layer-${f.layer}`);
      if (box) box.checked = true;
    }
    const furniture = f.spans[0].span.in === "furniture";
    if (furniture) this.root.querySelector("#furniture").open = true;
    if (els.length) {
      const reduce = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      els[0].scrollIntoView({ block: "center", behavior: reduce ? "auto" : "smooth" });
    }
    this.selected = id;
    this.showDetail(f);
  }

  showDetail(f) {
    const d = f.data;
    const rows = [[t("detail.kind"), f.kind === "chain" ? tv("role", d.role) : t(`kind.${f.kind}`)]];
    const span = (s) => (s ? s.text : "—");
    if (f.kind === "quote") {
      rows.push([t("detail.kind"), tv("quote", d.kind)]);
      rows.push([t("detail.speaker"), d.speaker_canonical || span(d.speaker)]);
      if (d.speaker_role) rows.push([t("detail.role"), d.speaker_role]);
      rows.push([t("detail.cue"), span(d.cue)]);
      rows.push([t("detail.text"), d.content.text]);
    } else if (f.kind === "hedge") {
      rows.push([t("detail.kind"), tv("hedge", d.kind)], [t("detail.text"), d.text]);
      if (d.sentence) rows.push([t("detail.sentence"), d.sentence.text]);
    } else if (f.kind === "claim") {
      rows.push([t("detail.status"), tv("status", d.status)], [t("detail.score"), fmt(d.score)]);
      if (d.attributed_to) rows.push([t("detail.attributed"), d.attributed_to]);
      if (d.quantities && d.quantities.length) rows.push([t("detail.quantities"), d.quantities.map((q) => `${q.text} → ${q.value ?? q.date ?? "?"}${q.unit ? " " + q.unit : ""}${q.currency ? " " + q.currency : ""}`).join("; ")]);
      if (d.entities && d.entities.length) rows.push([t("detail.entities"), d.entities.join(", ")]);
      rows.push([t("detail.text"), d.text]);
    } else if (f.kind === "irony") {
      rows.push([t("detail.text"), d.text]);
      if (d.evidence && d.evidence.length) rows.push([t("detail.evidence"), d.evidence.map((e) => e.text).join(" · ")]);
    } else if (f.kind === "persuasion") {
      rows.push([t("detail.technique"), d.technique.replace(/_/g, " ")]);
      if (d.trigger) rows.push([t("detail.trigger"), d.trigger.text]);
    } else if (f.kind === "relation") {
      rows.push([t("rel.subject"), d.subject], [t("rel.predicate"), predicate(d.predicate)], [t("rel.object"), d.object],
        [t("detail.status"), tv("relstatus", d.status)]);
      if (d.attributed_to) rows.push([t("detail.attributed"), d.attributed_to]);
      rows.push([t("detail.evidence"), d.evidence.text], [t("detail.sentence"), d.sentence.text]);
    } else if (f.kind === "chain") {
      rows.push([t("ratings.outlet"), `${d.name}${d.domain ? " (" + d.domain + ")" : ""}`], [t("detail.evidence"), d.evidence.text]);
    }
    const first = f.spans[0].span;
    rows.push([t("detail.where"), first.in === "furniture" ? t("detail.where.furniture") : t("detail.where.body")]);
    rows.push([t("detail.producer"), f.producer || "—"], [t("detail.confidence"), fmt(f.confidence)]);
    clear(this.detail).append(h("h3", {}, t("detail.heading")),
      h("dl", { class: "detail-list" }, rows.map(([k, v]) => h("div", { dataset: { row: k } }, h("dt", {}, k), h("dd", {}, v)))));
  }

  // The article's relations as a graph: choosing an edge selects the relation in the text.
  relationGraph(report) {
    const relations = report.relations || [];
    if (!relations.length) return null;
    const nodes = new Map();
    const label = (name, type) => { if (!nodes.has(name)) nodes.set(name, { id: name, label: name, type }); };
    relations.forEach((r) => { label(r.subject, r.subject_label); label(r.object, r.object_label); });
    // One edge per (subject, relation, object); the same link stated twice shows its count.
    const byKey = new Map();
    relations.forEach((r, i) => {
      const key = JSON.stringify([r.subject, r.predicate, r.object]);
      if (!byKey.has(key)) byKey.set(key, { id: `relation-${i}`, source: r.subject, target: r.object, predicate: predicate(r.predicate), n: 0 });
      byKey.get(key).n += 1;
    });
    const edges = [...byKey.values()].map((e) => ({ ...e, label: e.n > 1 ? `${e.predicate} ×${e.n}` : e.predicate }));
    const graph = drawGraph({ nodes: [...nodes.values()], edges }, { width: 800, height: Math.min(520, 160 + 40 * nodes.size),
      title: t("rel.heading"), onEdge: (e) => this.select(e.id) });
    return h("section", { class: "relations", "aria-labelledby": "rel-heading" }, h("h3", { id: "rel-heading" }, t("rel.heading")),
      h("p", { class: "hint" }, t("rel.hint")), graph);
  }

  chainOutlets(report) {
    const links = [...(report.source_chain || [])].map((link, i) => ({ ...link, fid: `chain-${i}` }));
    links.sort((a, b) => (ROLE_ORDER[a.role] ?? 9) - (ROLE_ORDER[b.role] ?? 9));
    const pub = report.publisher || {};
    const same = (l) => (pub.domain && l.domain === pub.domain) || (pub.name && l.name.toLowerCase() === pub.name.toLowerCase());
    const hasPublisher = links.some((l) => l.role === "publisher");
    const sameOutlet = links.find(same);
    if (!hasPublisher && sameOutlet) sameOutlet.alsoPublisher = true;  // a translator that also publishes
    else if (!hasPublisher && (pub.name || pub.domain)) {
      links.push({ name: pub.name || pub.domain, domain: pub.domain, role: "publisher", ratings: pub.ratings || [], producer: pub.producer });
    }
    return links;
  }

  chain(report) {
    const outlets = this.chainOutlets(report);
    const section = h("section", { class: "chain", "aria-labelledby": "chain-heading" }, h("h3", { id: "chain-heading" }, t("chain.heading")));
    if (!outlets.length) {
      section.append(h("p", {}, t("chain.none")));
      return section;
    }
    const flow = h("ol", { class: "chain-flow" });
    for (const o of outlets) {
      const card = h("li", { class: ["outlet", `role-${o.role}`] },
        h("span", { class: "role" }, tv("role", o.role), o.alsoPublisher ? ` · ${tv("role", "publisher")}` : ""),
        h("strong", { class: "outlet-name" }, o.name),
        o.domain ? h("span", { class: "domain" }, o.domain) : null);
      if (o.fid) {
        const b = h("button", { type: "button", class: "link-button" }, t("ratings.show"));
        b.addEventListener("click", () => this.select(o.fid));
        card.append(b);
      }
      flow.append(card);
    }
    section.append(flow);
    const lists = [...new Set([...this.lists, ...outlets.flatMap((o) => (o.ratings || []).map((r) => r.list))])];
    const table = h("table", { class: "ratings" },
      h("caption", {}, t("ratings.heading")),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("ratings.outlet")), h("th", { scope: "col" }, t("ratings.role")),
        lists.map((l) => h("th", { scope: "col" }, l)))),
      h("tbody", {}, outlets.map((o) => h("tr", {},
        h("th", { scope: "row" }, o.name, o.domain ? h("span", { class: "domain" }, ` ${o.domain}`) : null),
        h("td", {}, tv("role", o.role), o.alsoPublisher ? `, ${tv("role", "publisher")}` : ""),
        lists.map((l) => {
          const r = (o.ratings || []).find((x) => x.list === l);
          if (!r) return h("td", { class: "unrated" }, t("ratings.unrated"));
          return h("td", { class: scoreClass(r.score) }, ratingText(r));
        })))));
    section.append(h("div", { class: "table-wrap" }, table));
    return section;
  }

  credibility(report) {
    const c = report.credibility;
    const section = h("section", { class: "credibility", "aria-labelledby": "cred-heading" }, h("h3", { id: "cred-heading" }, t("cred.heading")));
    if (!c) {
      section.append(h("p", {}, t("cred.none")));
      return section;
    }
    section.append(h("p", { class: "grade-line" },
      h("span", { class: ["grade", `grade-${String(c.grade).charAt(0)}`], "aria-label": `${t("cred.grade")} ${c.grade}` }, c.grade),
      c.score != null ? h("span", { class: "score" }, ` ${fmt(c.score)}`) : null));
    section.append(h("h4", {}, t("cred.reasons")), h("ul", { class: "reasons" }, (c.reasons || []).map((r) => h("li", {}, r))));
    section.append(h("h4", {}, t("cred.unknowns")), h("ul", { class: "unknowns" }, (c.unknowns || []).map((r) => h("li", {}, r))));
    const signals = report.signals || [];
    if (signals.length) {
      section.append(h("details", { class: "signals" }, h("summary", {}, `${t("cred.signals")} (${signals.length})`),
        h("div", { class: "table-wrap" }, h("table", {},
          h("thead", {}, h("tr", {}, [t("signal.name"), t("signal.value"), t("signal.weight"), t("signal.explanation")].map((x) => h("th", { scope: "col" }, x)))),
          h("tbody", {}, signals.map((s) => h("tr", {}, h("th", { scope: "row" }, s.name), h("td", {}, fmt(s.value)),
            h("td", {}, fmt(s.weight, 1)), h("td", {}, s.explanation))))))));
    }
    return section;
  }

  warnings(report) {
    if (!report.warnings || !report.warnings.length) return null;
    return h("section", { class: "warnings" }, h("h3", {}, t("warnings.heading")), h("ul", {}, report.warnings.map((w) => h("li", {}, w))));
  }
}

// A list's label in its own scale, with the normalised score when the label does not already carry it.
export function ratingText(r) {
  const label = r.label || "—";
  if (r.score == null || label.includes(fmt(r.score))) return label;
  return `${label} (${fmt(r.score)})`;
}

export function scoreClass(score) {
  if (score == null) return "score-none";
  return score >= 0.7 ? "score-high" : score >= 0.4 ? "score-mid" : "score-low";
}
