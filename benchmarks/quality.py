"""Score the alignment engine against the labelled clusters in tests/data/clusters.

    python3 benchmarks/quality.py [-v]

Prints precision/recall per relation and per cluster, conflict recall per evidence kind,
and the number of suggested links per true relation. ``-v`` lists every miss and extra.
"""

import sys
from pathlib import Path

from reviewer.evaluate import report, score_all

ROOT = Path(__file__).resolve().parent.parent / "tests" / "data" / "clusters"

total, per = score_all(ROOT)
print(report(total, per))
if "-v" in sys.argv:
    print()
    print("\n".join(total.errors))
