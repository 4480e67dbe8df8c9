"""Segmentation throughput, against a naive regular-expression split measured in the same run.

    python3 benchmarks/bench_segment.py

Inputs: the seed articles repeated to about 10 MB (short paragraphs), and one 1 MB
paragraph without a line break. The naive split (``(?<=[.!?])\\s+``) is the floor: it knows
no abbreviation, quote or offset, so the ratio says what the care costs.
"""

import re
import time
from pathlib import Path

from reviewer.io.articles import split_header
from reviewer.io.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NAIVE = re.compile(r"(?<=[.!?])\s+")


def best_of(fn, text, runs=3):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        n = len(fn(text))
        times.append(time.perf_counter() - t0)
    return min(times), n


def main():
    bodies = [split_header(p.read_text(encoding="utf-8"))[1] for p in sorted(SEEDS.glob("*.txt"))]
    corpus = "\n\n".join(bodies)
    inputs = {
        "seeds x ~10 MB": ("\n\n".join([corpus] * (10_000_000 // len(corpus)))),
        "one 1 MB paragraph": " ".join(["Dr. Smith said the U.S. team would meet on Nov. 7 at 9 a.m. to discuss the 3.5 million budget."] * 10_000),
    }
    print(f"{'input':<20} {'MB':>5} {'sentences':>9} {'reviewer MB/s':>13} {'naive MB/s':>10} {'ratio':>6}")
    for name, text in inputs.items():
        mb = len(text.encode("utf-8")) / 1e6
        t_rev, n = best_of(segment, text)
        t_naive, _ = best_of(NAIVE.split, text)
        print(f"{name:<20} {mb:>5.1f} {n:>9} {mb / t_rev:>13.1f} {mb / t_naive:>10.1f} {t_rev / t_naive:>5.1f}x")


if __name__ == "__main__":
    main()
