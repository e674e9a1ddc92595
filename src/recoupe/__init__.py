"""recoupe: cross-check news articles.

    >>> import recoupe
    >>> report = recoupe.analyze(open("article.html").read(), url="https://example.org/a")
    >>> report.entities, report.furniture, report.credibility
"""

from recoupe.model import Analysis
from recoupe.pipeline import AnalysisError, Options, analyze, analyze_many

__version__ = "0.1.0"
__all__ = ["Analysis", "AnalysisError", "Options", "analyze", "analyze_many", "__version__"]
