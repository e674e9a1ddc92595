"""recoupe: cross-check news articles.

    >>> import recoupe
    >>> report = recoupe.analyze(open("article.html").read(), url="https://example.org/a")
    >>> report.entities, report.furniture, report.credibility
"""

__version__ = "0.2.0"

from recoupe.model import Analysis, Judgement  # noqa: E402
from recoupe.pipeline import AnalysisError, Analyzer, AnalyzerConfig, Options, analyze, analyze_many  # noqa: E402

__all__ = ["Analysis", "AnalysisError", "Analyzer", "AnalyzerConfig", "Judgement", "Options", "analyze",
           "analyze_many", "__version__"]
