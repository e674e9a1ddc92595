"""Extraction quality on ../shared's article-extraction-benchmark: recoupe vs bare trafilatura."""

import sys

from recoupe.evaluation.extraction import main

if __name__ == "__main__":
    sys.exit(main())
