// Corpus views: the articles with filters and pages, one stored article with its evidence, the
// entities, one entity, the duplicate groups, and adding documents to the corpus. Each view is a
// function (box, path parts, query, state) registered by name for the router in app.js.

import { api, ApiError } from "./api.js";
import { ArticleView } from "./article.js";
import { h, clear, fmt } from "./dom.js";
import { t, tv } from "./i18n.js";

export function unavailable(box, err) {
  const noCorpus = err instanceof ApiError && err.problem.type === "urn:recoupe:problem:no-corpus";
  const msg = noCorpus ? t("corpus.unavailable") : `${t("error")} — ${err instanceof ApiError ? `${err.problem.title}${t("colon")}${err.problem.detail || ""}` : err}`;
  box.append(h("p", { class: "error", role: "alert" }, msg));
}

function hrefWith(view, params) {
  const q = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null && v !== undefined));
  const s = q.toString();
  return `#/${view}${s ? "?" + s : ""}`;
}

function pager(view, params, page) {
  const nav = h("nav", { class: "pager", "aria-label": t("pager.label") });
  const limit = page.limit;
  if (page.offset > 0) nav.append(h("a", { href: hrefWith(view, { ...params, offset: Math.max(0, page.offset - limit) }), rel: "prev" }, t("pager.prev")));
  nav.append(h("span", {}, `${page.offset + 1}–${page.offset + page.items.length}`));
  if (page.next_offset != null) nav.append(h("a", { href: hrefWith(view, { ...params, offset: page.next_offset }), rel: "next" }, t("pager.next")));
  return nav;
}

function gradeBadge(grade) {
  return grade ? h("span", { class: ["grade", "grade-small", `grade-${grade.charAt(0)}`] }, grade) : "—";
}

// ---- articles ---------------------------------------------------------------------------------
const FILTERS = [
  ["outlet", "text", "filter.outlet"], ["language", "select", "filter.language", ["", "fr", "en"]],
  ["since", "text", "filter.since"], ["until", "text", "filter.until"],
  ["grade", "select", "filter.grade", ["", "A", "B", "C", "D", "E"]],
  ["genre", "select", "filter.genre", ["", "reporting", "opinion", "satire"]], ["q", "search", "filter.q"],
];

function filterForm(query) {
  const form = h("form", { class: "filters", role: "search", "aria-label": t("filter.label") });
  for (const [name, type, key, options] of FILTERS) {
    const id = `filter-${name}`;
    const value = query.get(name) || "";
    let input;
    if (type === "select") {
      input = h("select", { id, name }, options.map((o) => h("option", { value: o, selected: o === value }, o ? (name === "genre" ? tv("genre", o) : o) : t("filter.any"))));
    } else {
      input = h("input", { id, name, type, value, placeholder: name === "since" || name === "until" ? "2026-03" : "" });
    }
    form.append(h("div", { class: "field" }, h("label", { for: id }, t(key)), input));
  }
  form.append(h("button", { type: "submit", class: "primary" }, t("filter.apply")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const params = {};
    for (const [name] of FILTERS) params[name] = form.elements[name].value.trim();
    location.hash = hrefWith("articles", params);
  });
  return form;
}

function ingestForm(onDone) {
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const files = h("input", { type: "file", id: "ingest-files", multiple: true, accept: ".html,.htm,.txt,.jsonl,.ndjson,text/html,text/plain" });
  const form = h("form", { class: "ingest-form", id: "ingest-form" },
    h("div", { class: "field" }, h("label", { for: "ingest-files" }, t("ingest.files")), files),
    h("button", { type: "submit", class: "primary" }, t("ingest.submit")),
    h("button", { type: "button", id: "ingest-examples" }, t("ingest.examples")));
  const box = h("details", { class: "ingest" }, h("summary", {}, t("ingest.heading")), form, status);
  const report = (result) => {
    clear(status).append(`${t("ingest.done")}${t("colon")}${result.added} ${t("ingest.added")}, ${result.copied} ${t("ingest.copied")}, ${result.known} ${t("ingest.known")}, ${result.failed} ${t("ingest.failed")}`);
    if (result.errors.length) status.append(h("ul", {}, result.errors.map((e) => h("li", { class: "error" }, `${e.source}${t("colon")}${e.error}`))));
    onDone();
  };
  const run = async (fn) => {
    for (const b of form.querySelectorAll("button")) b.disabled = true;
    clear(status).append(t("status.working"));
    try {
      report(await fn());
    } catch (err) {
      clear(status);
      unavailable(status, err);
    } finally {
      for (const b of form.querySelectorAll("button")) b.disabled = false;
    }
  };
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    if (!files.files.length) return;
    const data = new FormData();
    for (const f of files.files) data.append("files", f);
    run(() => api.upload("/v1/ingest/upload", data));
  });
  form.querySelector("#ingest-examples").addEventListener("click", () => run(async () => {
    const list = await api.get("/v1/examples");
    const documents = [];
    for (const ex of list) documents.push({ text: (await api.get(`/v1/examples/${encodeURIComponent(ex.name)}`)).content });
    return api.post("/v1/ingest", { documents });
  }));
  return box;
}

async function articlesView(box, parts, query) {
  const params = Object.fromEntries(query.entries());
  const results = h("div", { class: "results", "aria-live": "polite" });
  clear(box).append(h("h1", {}, t("nav.articles")), ingestForm(() => loadArticles(results, params)), filterForm(query), results);
  await loadArticles(results, params);
}

async function loadArticles(results, params) {
  try {
    const page = await api.get("/v1/articles", { ...params, limit: params.limit || 25 });
    clear(results);
    if (!page.items.length) {
      results.append(h("p", {}, t("articles.none")));
      return;
    }
    results.append(h("div", { class: "table-wrap" }, h("table", { class: "articles" },
      h("thead", {}, h("tr", {}, ["articles.title", "articles.outlet", "meta.language", "meta.date", "cred.grade", "meta.genre", "articles.group"]
        .map((k) => h("th", { scope: "col" }, t(k))))),
      h("tbody", {}, page.items.map((a) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || t("article.untitled"))),
        h("td", {}, a.publisher || a.domain || "—", a.domain && a.publisher ? h("span", { class: "domain" }, ` ${a.domain}`) : null),
        h("td", {}, a.language || "—"), h("td", {}, a.date || "—"), h("td", {}, gradeBadge(a.grade)),
        h("td", {}, a.genre ? tv("genre", a.genre) : "—"),
        h("td", {}, a.duplicate_group != null ? h("a", { href: `#/duplicates?group=${a.duplicate_group}` }, `#${a.duplicate_group}`) : "—")))))));
    results.append(pager("articles", params, page));
  } catch (err) {
    clear(results);
    unavailable(results, err);
  }
}

// ---- one stored article -------------------------------------------------------------------------
async function articleView(box, [id], query, state) {
  clear(box).append(h("p", {}, h("a", { href: "#/articles" }, `← ${t("nav.articles")}`)));
  try {
    const [detail, report] = await Promise.all([api.get(`/v1/articles/${encodeURIComponent(id)}`),
      api.get(`/v1/articles/${encodeURIComponent(id)}/report`)]);
    const root = h("div", { class: "report" });
    box.append(root);
    new ArticleView(root, { lists: (state.lists || []).map((l) => l.id) }).render(report);
    if (detail.duplicates) box.append(duplicateGroup(detail.duplicates, detail.id));
    if (detail.judgements && detail.judgements.length > 1) {
      box.append(h("section", {}, h("h3", {}, t("article.judgements")), h("ul", {}, detail.judgements.map((j) =>
        h("li", {}, `${j.grade || "—"} (${fmt(j.score)}) · ${j.ratings_id} · ${j.judged}${j.current ? " · " + t("article.current") : ""}`)))));
    }
  } catch (err) {
    unavailable(box, err);
  }
}

function duplicateGroup(group, current) {
  return h("section", { class: "duplicates" }, h("h3", {}, `${t("dup.group")} #${group.id}`),
    group.origin_reason ? h("p", { class: "hint" }, `${t("dup.origin")}${t("colon")}${group.origin_reason}`) : null,
    h("ul", {}, group.members.map((m) => h("li", {},
      h("span", { class: "badge" }, tv("relation", m.relation || "member")), " ",
      m.article_id === current ? h("strong", {}, m.domain || m.article_id) : h("a", { href: `#/article/${encodeURIComponent(m.article_id)}` }, m.domain || m.article_id),
      m.date ? ` · ${m.date}` : "", m.jaccard != null ? ` · ${t("dup.similarity")} ${fmt(m.jaccard)}` : ""))));
}

// ---- duplicates, entities ----------------------------------------------------------------------------
async function duplicatesView(box, parts, query) {
  clear(box).append(h("h1", {}, t("nav.duplicates")));
  try {
    const params = Object.fromEntries(query.entries());
    const page = await api.get("/v1/duplicates", { limit: 25, offset: params.offset });
    const wanted = params.group;
    const groups = wanted ? page.items.filter((g) => String(g.id) === wanted) : page.items;
    if (!groups.length) box.append(h("p", {}, t("dup.none")));
    for (const g of groups) box.append(duplicateGroup(g, null));
    box.append(pager("duplicates", params, page));
  } catch (err) {
    unavailable(box, err);
  }
}

async function entitiesView(box, parts, query) {
  const params = Object.fromEntries(query.entries());
  clear(box).append(h("h1", {}, t("nav.entities")));
  const form = h("form", { class: "filters" },
    h("div", { class: "field" }, h("label", { for: "entity-label" }, t("entity.label")),
      h("select", { id: "entity-label", name: "label" }, ["", "PER", "ORG", "LOC", "MISC"].map((o) => h("option", { value: o, selected: o === (params.label || "") }, o || t("filter.any"))))),
    h("div", { class: "field" }, h("label", { for: "entity-min" }, t("entity.min")),
      h("input", { id: "entity-min", name: "min_articles", type: "number", min: "1", value: params.min_articles || "1" })),
    h("button", { type: "submit", class: "primary" }, t("filter.apply")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    location.hash = hrefWith("entities", { label: form.elements.label.value, min_articles: form.elements.min_articles.value });
  });
  box.append(form);
  try {
    const page = await api.get("/v1/entities", { limit: 50, ...params });
    box.append(h("div", { class: "table-wrap" }, h("table", {},
      h("thead", {}, h("tr", {}, [t("entity.name"), t("entity.label"), t("entity.articles")].map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, page.items.map((e) => h("tr", {},
        h("th", { scope: "row" }, h("a", { href: `#/entity/${encodeURIComponent(e.key)}` }, e.canonical || e.key)),
        h("td", {}, e.label || "—"), h("td", {}, String(e.articles))))))));
    box.append(pager("entities", params, page));
  } catch (err) {
    unavailable(box, err);
  }
}

async function entityView(box, [key]) {
  clear(box).append(h("p", {}, h("a", { href: "#/entities" }, `← ${t("nav.entities")}`)));
  try {
    const e = await api.get(`/v1/entities/${encodeURIComponent(key)}`);
    box.append(h("h1", {}, e.canonical, " ", h("span", { class: "badge" }, e.label || "")));
    if (e.roles.length) box.append(h("p", {}, `${t("detail.role")}${t("colon")}${e.roles.join(" · ")}`));
    box.append(h("h2", {}, `${t("nav.articles")} (${e.articles.length})`), h("ul", {}, e.articles.map((a) =>
      h("li", {}, h("a", { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || a.id), ` · ${a.publisher || a.domain || "—"} · ${a.language || ""}`))));
    box.append(h("h2", {}, `${t("entity.quotes")} (${e.quotes.length})`), h("ul", { class: "entity-quotes" }, e.quotes.map((q) =>
      h("li", {}, h("q", {}, q.text), " — ", q.speaker || "", q.cue ? ` (${q.cue})` : "", " ",
        h("a", { href: `#/article/${encodeURIComponent(q.article_id)}` }, t("entity.in_article"))))));
  } catch (err) {
    unavailable(box, err);
  }
}

export const corpusViews = {
  articles: articlesView,
  article: articleView,
  duplicates: duplicatesView,
  entities: entitiesView,
  entity: entityView,
};
