"""Evaluations that measure recoupe on the data in ``../shared`` (never shipped with the package).

- :mod:`recoupe.evaluation.extraction`: body extraction against the article-extraction-benchmark
  ground truth (shingle precision/recall/F1), with bare trafilatura as the baseline, and the check
  that the furniture layer does not cut article text.
- :mod:`recoupe.evaluation.furniture`: line-level furniture separation, on lines labelled on the fly
  from the same pages, and on the seed articles' ``expected.json``.
"""
