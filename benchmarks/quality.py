"""Score the alignment engine against the hand-labelled synthetic clusters in tests/data.

    python3 benchmarks/quality.py [-v] [SET...]

SETs (default: all three): ``clusters`` (the tuning set the thresholds were set on),
``heldout`` and ``heldout2`` (written later, to see how the rules generalise). Prints
precision/recall per relation and per cluster, conflict recall per evidence kind, and the
number of suggested links per true relation. ``-v`` lists every miss and extra.
"""

import sys
from pathlib import Path

from reviewer.engine.evaluate import report, score_all

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
sets = [a for a in sys.argv[1:] if not a.startswith("-")] or ["clusters", "heldout", "heldout2"]
for name in sets:
    total, per = score_all(DATA / name)
    print(f"== {name}")
    print(report(total, per))
    if "-v" in sys.argv:
        print("\n".join(total.errors))
    print()
