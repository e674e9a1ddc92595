// Cross-check views: the stories, one story (articles across languages, independent origins with
// their ratings, claims corroborated by independent origin), and the corpus relation graph whose
// edges open their evidence.

import { api } from "./api.js";
import { ratingText, scoreClass } from "./article.js";
import { h, clear, fmt } from "./dom.js";
import { drawGraph, edgeTable } from "./graph.js";
import { t, tv } from "./i18n.js";
import { unavailable } from "./corpus.js";

function count(n, one, many) {
  return `${n} ${t(n === 1 ? one : many)}`;
}

function articleLink(id, text) {
  return h("a", { href: `#/article/${encodeURIComponent(id)}` }, text || id);
}

function ratingsLine(ratings) {
  if (!ratings || !ratings.length) return h("span", { class: "unrated" }, t("ratings.unrated"));
  return h("span", { class: "rating-chips" }, ratings.map((r) => h("span", { class: ["chip", scoreClass(r.score)] }, `${r.list}: ${ratingText(r)}`)));
}

async function storiesView(box, parts, query) {
  const params = Object.fromEntries(query.entries());
  clear(box).append(h("h1", {}, t("nav.stories")));
  try {
    const page = await api.get("/v1/stories", { limit: 25, offset: params.offset });
    if (!page.items.length) {
      box.append(h("p", {}, t("stories.none")));
      return;
    }
    box.append(h("div", { class: "table-wrap" }, h("table", { class: "stories" },
      h("thead", {}, h("tr", {}, ["articles.title", "meta.language", "entity.articles", "story.first_seen"].map((k) => h("th", { scope: "col" }, t(k))))),
      h("tbody", {}, page.items.map((s) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: `#/story/${encodeURIComponent(s.id)}` }, s.title || s.id)),
        h("td", {}, (s.languages || []).join(", ") || "—"), h("td", {}, String(s.articles)), h("td", {}, s.first_seen || "—")))))));
    const nav = h("nav", { class: "pager", "aria-label": t("pager.label") });
    if (page.offset > 0) nav.append(h("a", { href: `#/stories?offset=${Math.max(0, page.offset - page.limit)}` }, t("pager.prev")));
    if (page.next_offset != null) nav.append(h("a", { href: `#/stories?offset=${page.next_offset}` }, t("pager.next")));
    box.append(nav);
  } catch (err) {
    unavailable(box, err);
  }
}

async function storyView(box, [id]) {
  clear(box).append(h("p", {}, h("a", { href: "#/stories" }, `← ${t("nav.stories")}`)));
  let story;
  try {
    story = await api.get(`/v1/stories/${encodeURIComponent(id)}`);
  } catch (err) {
    unavailable(box, err);
    return;
  }
  const originOf = new Map();
  story.origins.forEach((o, k) => o.articles.forEach((a) => originOf.set(a, k)));
  const via = new Map(story.origins.flatMap((o) => o.relays.map((r) => [r.article, r.via || []])));
  box.append(h("h1", { id: "story-title" }, story.title || story.id),
    h("p", { class: "meta-line" }, `${t("meta.language")}${t("colon")}${(story.languages || []).join(", ") || "—"} · `,
      `${count(story.articles.length, "story.article", "story.articles")} · ${count(story.origins.length, "story.independent_one", "story.origins")}`,
      " · ", h("a", { href: `#/graph?story=${encodeURIComponent(story.id)}` }, t("nav.graph"))));

  box.append(h("section", { "aria-labelledby": "story-articles" }, h("h2", { id: "story-articles" }, t("story.articles_heading")),
    h("div", { class: "table-wrap" }, h("table", { class: "story-articles" },
      h("thead", {}, h("tr", {}, ["articles.title", "articles.outlet", "meta.language", "meta.date", "story.origin", "story.relation"].map((k) => h("th", { scope: "col" }, t(k))))),
      h("tbody", {}, story.articles.map((a) => {
        const k = originOf.get(a.id);
        const o = k != null ? story.origins[k] : null;
        const through = via.get(a.id) || [];
        return h("tr", {}, h("th", { scope: "row" }, articleLink(a.id, a.title)),
          h("td", {}, a.outlet || a.domain || "—"), h("td", {}, a.language || "—"), h("td", {}, a.date || "—"),
          h("td", {}, o ? (o.name || o.domain || "—") : "—"),
          h("td", {}, o && o.articles.length > 1 ? h("span", { class: "badge" }, o.reason) : t("story.alone"),
            through.length ? ` ${t("story.via")} ${through.join(" → ")}` : ""));
      }))))));

  box.append(h("section", { "aria-labelledby": "story-origins" }, h("h2", { id: "story-origins" }, t("story.origins_heading")),
    h("ol", { class: "origins" }, story.origins.map((o) => h("li", {},
      h("strong", {}, o.name || o.domain || "—"), o.domain ? h("span", { class: "domain" }, ` ${o.domain}`) : null, " ",
      ratingsLine(o.ratings),
      h("div", { class: "hint" }, `${count(o.articles.length, "story.article", "story.articles")} — ${o.reason}`))))));

  const claimsBox = h("section", { "aria-labelledby": "story-claims", "aria-busy": "true" },
    h("h2", { id: "story-claims" }, t("story.claims_heading")), h("p", { class: "status", role: "status" }, t("story.claims_loading")));
  box.append(claimsBox);
  try {
    const claims = await api.get(`/v1/stories/${encodeURIComponent(story.id)}/claims`);
    claimsBox.removeAttribute("aria-busy");
    claimsBox.querySelector(".status").remove();
    if (!claims.length) claimsBox.append(h("p", {}, t("story.claims_none")));
    const list = h("ol", { class: "claims" });
    claims.forEach((c, i) => list.append(claimItem(c, i)));
    claimsBox.append(list);
  } catch (err) {
    clear(claimsBox).append(h("h2", {}, t("story.claims_heading")));
    unavailable(claimsBox, err);
  }
}

function claimItem(c, i) {
  const details = h("details", { class: "claim-origins", id: `claim-${i}` },
    h("summary", {}, h("span", { class: "claim-text" }, c.claim), " ",
      h("span", { class: ["badge", c.origin_count > 1 ? "score-high" : "score-mid"] }, count(c.origin_count, "story.independent_one", "story.independent_many"))));
  details.append(h("ul", { class: "independent" }, c.independent_origins.map((o) => h("li", {},
    h("strong", {}, o.name || o.domain || t("story.unknown_origin")), o.domain ? h("span", { class: "domain" }, ` ${o.domain}`) : null, " ",
    ratingsLine(o.ratings),
    h("ul", {}, o.supporting.map((s) => h("li", {}, articleLink(s.article, s.outlet || s.article), ` (${s.language || "?"}${s.status ? ", " + tv("status", s.status) : ""})${t("colon")}`,
      h("q", {}, s.text))))))));
  if (c.conflicting_numbers && c.conflicting_numbers.length) {
    details.append(h("p", { class: "conflict" }, `${t("story.conflicts")}${t("colon")}`,
      c.conflicting_numbers.map((n) => `${n.kind}${n.unit ? " " + n.unit : ""}${n.currency ? " " + n.currency : ""}: ${n.values.join(" ≠ ")}`).join("; ")));
  }
  if (c.denials && c.denials.length) {
    details.append(h("p", { class: "conflict" }, `${t("story.denials")}${t("colon")}`), h("ul", {}, c.denials.map((d) => h("li", {}, articleLink(d.article, d.article.slice(0, 8)), " ", h("q", {}, d.text)))));
  }
  if (c.first_appearance) {
    const f = c.first_appearance;
    details.append(h("p", { class: "hint" }, `${t("story.first")}${t("colon")}`, articleLink(f.article, f.outlet || f.article), f.date ? ` (${f.date})` : ""));
  }
  return h("li", {}, details);
}

// ---- the relation graph ---------------------------------------------------------------------------
async function graphView(box, parts, query) {
  const story = query.get("story") || "";
  clear(box).append(h("h1", {}, t("nav.graph")));
  let graph;
  try {
    graph = await api.get("/v1/graph", story ? { story } : undefined);
  } catch (err) {
    unavailable(box, err);
    return;
  }
  const qs = story ? `?story=${encodeURIComponent(story)}` : "";
  box.append(h("p", {}, story ? [`${t("graph.of_story")} `, h("a", { href: `#/story/${encodeURIComponent(story)}` }, story), " · "] : null,
    `${graph.nodes.length} ${t("graph.nodes")}, ${graph.edges.length} ${t("graph.edges")} · ${t("graph.download")} `,
    h("a", { href: `/v1/graph.gexf${qs}`, download: "" }, "GEXF"), " · ", h("a", { href: `/v1/graph.graphml${qs}`, download: "" }, "GraphML")));
  if (!graph.edges.length) {
    box.append(h("p", {}, t("graph.none")));
    return;
  }
  // only entities taking part in a relation are drawn
  const used = new Set(graph.edges.flatMap((e) => [e.source, e.target]));
  const nodes = graph.nodes.filter((n) => used.has(n.key)).map((n) => ({ id: n.key, label: n.name, type: n.label }));
  const edges = graph.edges.map((e) => ({ ...e, label: `${e.predicate.replace(/_/g, " ")}${e.independent_origins > 1 ? ` (${e.independent_origins})` : ""}` }));
  const evidence = h("div", { id: "edge-evidence", class: "detail", "aria-live": "polite" }, h("p", { class: "hint" }, t("graph.hint")));
  const show = (e) => {
    const name = (key) => (graph.nodes.find((n) => n.key === key) || { name: key }).name;
    clear(evidence).append(h("h2", {}, `${name(e.source)} — ${e.predicate.replace(/_/g, " ")} — ${name(e.target)}`),
      h("p", {}, `${t("detail.status")}${t("colon")}${tv("relstatus", e.status || "asserted")} · ${e.independent_origins ?? "?"} ${t("story.independent_many")}`),
      h("ul", { class: "edge-evidence" }, e.evidence.map((ev) => h("li", {}, h("q", {}, ev.text), " — ",
        articleLink(ev.article, ev.article.slice(0, 8)), ` · ${tv("relstatus", ev.status || "asserted")} · ${ev.producer || ""}`))));
  };
  const width = 1000;
  const height = Math.min(760, 200 + 28 * nodes.length);
  box.append(h("div", { class: "graph-layout" }, drawGraph({ nodes, edges }, { width, height, title: t("nav.graph"), onEdge: show }), evidence),
    h("details", { class: "edge-list" }, h("summary", {}, t("graph.table")),
      h("div", { class: "table-wrap" }, edgeTable({ nodes, edges }, [t("rel.subject"), t("rel.predicate"), t("rel.object")], show))));
}

export const storyViews = { stories: storiesView, story: storyView, graph: graphView };
