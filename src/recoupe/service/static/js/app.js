// The single-page UI: a hash router (#/analyze, #/sources, corpus views), the analysis form, and
// the language switch (the open report is re-rendered in the new language).

import { api, ApiError, setToken } from "./api.js";
import { ArticleView } from "./article.js";
import { h, clear, fmt } from "./dom.js";
import { initialLanguage, language, setLanguage, t } from "./i18n.js";
import { ratingText, scoreClass } from "./article.js";
import { corpusViews } from "./corpus.js";

const state = { health: null, lists: [], report: null, view: null };

function $(sel) {
  return document.querySelector(sel);
}

// A status line in the interface's language (kept in step when the language changes).
function setStatus(target, key, cls) {
  clear(target).append(h("span", { class: cls || undefined, role: cls === "error" ? "alert" : undefined, "data-i18n": key }, t(key)));
}

function showError(target, err) {
  const problem = err instanceof ApiError ? err.problem : { title: t("error"), detail: String(err && err.message ? err.message : err) };
  clear(target).append(h("span", { class: "error", role: "alert" }, `${t("error")} — ${problem.title || ""}${problem.detail ? t("colon") + problem.detail : ""}`));
}

// ---- analysis ------------------------------------------------------------------------------
async function submitAnalysis(ev) {
  ev.preventDefault();
  const status = $("#analyze-status");
  const text = $("#text").value;
  const file = $("#file").files[0];
  const url = $("#url").value.trim();
  const lang = $("#lang").value || null;
  const token = $("#token").value.trim();
  if (token) setToken(token);
  if (!text.trim() && !file && !url) {
    setStatus(status, "status.nothing", "error");
    return;
  }
  const button = $("#analyze-submit");
  button.disabled = true;
  setStatus(status, "status.working", "working");
  try {
    let report;
    if (file) {
      const form = new FormData();
      form.append("file", file);
      if (lang) form.append("lang", lang);
      if (url) form.append("url", url);
      report = await api.upload("/v1/analyze/upload", form);
    } else if (text.trim()) {
      report = await api.post("/v1/analyze", { text, url: url || null, lang });
    } else {
      report = await api.post("/v1/analyze", { url, lang });
    }
    state.report = report;
    renderReport();
    setStatus(status, "status.done");
    $("#report-title").focus();
  } catch (err) {
    showError(status, err);
  } finally {
    button.disabled = false;
  }
}

function renderReport() {
  const root = $("#report");
  if (!state.report) return clear(root);
  const view = new ArticleView(root, { lists: state.lists.map((l) => l.id) });
  view.render(state.report);
  $("#report-title").setAttribute("tabindex", "-1");
  state.articleView = view;
}

async function loadExamples() {
  try {
    const examples = await api.get("/v1/examples");
    const select = $("#example");
    for (const ex of examples) select.append(h("option", { value: ex.name }, `${ex.title} (${ex.language})`));
    select.addEventListener("change", async () => {
      if (!select.value) return;
      const ex = await api.get(`/v1/examples/${encodeURIComponent(select.value)}`);
      $("#text").value = ex.content;
    });
  } catch (err) {
    $("#example").closest(".field").hidden = true;
  }
}

// ---- sources -------------------------------------------------------------------------------
async function lookupSource(ev) {
  ev.preventDefault();
  const q = $("#sources-q").value.trim();
  const out = $("#sources-result");
  const status = $("#sources-status");
  clear(out);
  clear(status);
  if (!q) return;
  try {
    const m = await api.get("/v1/sources/lookup", { q });
    out.append(
      h("h2", {}, m.name || m.domain, " ", h("span", { class: "domain" }, m.domain)),
      h("p", { class: "hint" }, `${t("sources.matched")} ${m.matched_by}`),
      h("div", { class: "table-wrap" }, h("table", { class: "ratings" },
        h("thead", {}, h("tr", {}, ["sources.list", "sources.label", "sources.score", "sources.date", "sources.note"].map((k) => h("th", { scope: "col" }, t(k))))),
        h("tbody", {},
          m.ratings.map((r) => h("tr", {}, h("th", { scope: "row" }, r.list), h("td", { class: scoreClass(r.score) }, r.label || "—"),
            h("td", {}, fmt(r.score)), h("td", {}, r.date || "—"), h("td", {}, r.note || ""))),
          m.unrated_by.map((l) => h("tr", {}, h("th", { scope: "row" }, l), h("td", { class: "unrated", colspan: "4" }, t("ratings.unrated"))))))));
    const related = Object.entries(m.related || {});
    if (related.length) {
      out.append(h("h3", {}, t("sources.related")), h("ul", {}, related.map(([d, rs]) =>
        h("li", {}, d, t("colon"), rs.map((r) => `${r.list} ${ratingText(r)}`).join(", ") || t("ratings.unrated")))));
    }
    if (m.alternatives && m.alternatives.length) out.append(h("p", {}, `${t("sources.alternatives")}${t("colon")}${m.alternatives.slice(0, 8).join(", ")}`));
  } catch (err) {
    showError(status, err);
  }
}

function renderLists() {
  const box = clear($("#sources-lists"));
  box.append(h("table", {}, h("thead", {}, h("tr", {}, ["id", "outlets", "date", "licence", "scale"].map((x) => h("th", { scope: "col" }, x)))),
    h("tbody", {}, state.lists.map((l) => h("tr", {}, h("th", { scope: "row" }, l.id), h("td", {}, String(l.outlets)),
      h("td", {}, l.date || "—"), h("td", {}, l.licence || "—"), h("td", {}, l.scale || "—"))))));
}

// ---- routing -------------------------------------------------------------------------------
function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "analyze";
  const [path, query] = hash.split("?");
  const [view, ...rest] = path.split("/");
  for (const el of document.querySelectorAll(".view")) el.hidden = true;
  for (const a of document.querySelectorAll("nav a[data-view]")) {
    if (a.dataset.view === view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  state.view = view;
  if (view === "analyze") $("#view-analyze").hidden = false;
  else if (view === "sources") $("#view-sources").hidden = false;
  else if (corpusViews[view]) {
    const box = $("#view-corpus");
    box.hidden = false;
    corpusViews[view](box, rest.map(decodeURIComponent), new URLSearchParams(query || ""), state);
  } else $("#view-notfound").hidden = false;
}

async function start() {
  setLanguage(initialLanguage());
  $("#lang-switch").addEventListener("click", () => {
    setLanguage(language() === "fr" ? "en" : "fr");
    renderReport();
    if (state.view && corpusViews[state.view]) route();
  });
  $("#analyze-form").addEventListener("submit", submitAnalysis);
  $("#sources-form").addEventListener("submit", lookupSource);
  window.addEventListener("hashchange", route);
  route();
  loadExamples();
  try {
    state.health = await api.get("/v1/health");
    if (state.health.writes_need_token) $(".token-field").hidden = false;
    if (state.health.corpus) for (const li of document.querySelectorAll(".corpus-only")) li.hidden = false;
  } catch (err) {
    /* the form still works; errors show on submit */
  }
  try {
    state.lists = await api.get("/v1/sources/lists");
    renderLists();
  } catch (err) {
    showError($("#sources-status"), err);
  }
}

start();
