"""Furniture separation, line by line, on lines labelled from ../shared's benchmark pages, plus the seeds."""

import sys

from recoupe.evaluation.furniture import main

if __name__ == "__main__":
    sys.exit(main())
