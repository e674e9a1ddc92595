"""Check-worthiness on CLEF CheckThat! 2024 English + French claims (see recoupe.evaluation.checkworthy); same as `recoupe eval checkworthy`."""

import sys

from recoupe.evaluation.checkworthy import main

if __name__ == "__main__":
    sys.exit(main())
