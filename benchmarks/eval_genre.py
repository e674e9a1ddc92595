"""Genre, satire and persuasion vs n-gram baselines (see recoupe.evaluation.genre); same as `recoupe eval genre`."""

import sys

from recoupe.evaluation.genre import main

if __name__ == "__main__":
    main(sys.argv[1:])
