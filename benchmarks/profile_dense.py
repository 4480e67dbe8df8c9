"""Where the time goes on the dense cluster: cProfile of alignment + JSON, top functions.

    python3 benchmarks/profile_dense.py [--sentences 5000] [--top 25]

Builds benchmarks/gen_dense.py's cluster in memory, aligns it words only and writes its JSON,
under cProfile; prints the wall times and the functions by cumulative and by own time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_dense import make_dense  # noqa: E402

from reviewer.config import AlignSettings  # noqa: E402
from reviewer.engine.align import align  # noqa: E402
from reviewer.engine.alignjson import dumps  # noqa: E402
from reviewer.io.segment import segment  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--top", type=int, default=25)
    args = ap.parse_args()
    cl = make_dense(args.sentences)
    for art in cl.articles:
        art.sentences = segment(art.body)
    prof = cProfile.Profile()
    prof.enable()
    t0 = time.perf_counter()
    links = align(cl, AlignSettings(semantic="off"))
    t1 = time.perf_counter()
    dumps(cl, links)
    t2 = time.perf_counter()
    prof.disable()
    print(f"align {t1 - t0:.2f} s, JSON {t2 - t1:.2f} s, {len(links)} links (under cProfile)")
    stats = pstats.Stats(prof)
    stats.sort_stats("cumulative").print_stats(args.top)
    stats.sort_stats("tottime").print_stats(args.top)


if __name__ == "__main__":
    main()
