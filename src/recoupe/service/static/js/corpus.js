// Corpus views (articles, stories, a story, an entity, the relation graph), against /v1/articles
// and /v1/stories. Registered by name for the router; each renders into the view box.

import { api, ApiError } from "./api.js";
import { h, clear } from "./dom.js";
import { t } from "./i18n.js";

function unavailable(box, err) {
  const msg = err instanceof ApiError && err.status !== 404 ? `${err.problem.title}: ${err.problem.detail || ""}` : t("corpus.unavailable");
  clear(box).append(h("p", { class: "error", role: "alert" }, msg));
}

export const corpusViews = {};
export { unavailable };
