"""The corpus: articles and their findings kept in SQLite or PostgreSQL, ingested idempotently,
with near-duplicate and syndication groups, judgements per ratings snapshot, and ingest runs.

    from recoupe.corpus import Corpus
    corpus = Corpus()                      # $RECOUPE_DB, else $RECOUPE_HOME/corpus.db
    corpus.ingest(items); corpus.articles(language="fr"); corpus.report(article_id)
"""

from recoupe.corpus.api import Corpus, CorpusError
from recoupe.corpus.ingest import IngestStats

__all__ = ["Corpus", "CorpusError", "IngestStats"]
