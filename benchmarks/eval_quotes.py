"""Quotes, hedges and irony on French SemEval articles, for a human read; same as `recoupe eval quotes`."""

import sys

from recoupe.evaluation.quotes import main

if __name__ == "__main__":
    sys.exit(main())
