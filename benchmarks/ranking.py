"""Credibility ordering vs the rating lists (see recoupe.evaluation.ranking); same as `recoupe eval ranking`."""

import sys

from recoupe.evaluation.ranking import main

if __name__ == "__main__":
    sys.exit(main())
