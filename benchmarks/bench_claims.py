"""Claim building on dense syndicated clusters, against a naive all-pairs grouping.

    python3 benchmarks/bench_claims.py [--sizes 1000,2000,5000,10000,20000] [--sources 20]

A cluster of N sentences from S sources that share most of their text (wire copy): each source
carries about 90% of the story's claims, one sentence each, in shuffled order; every two
sources carrying a claim get a match link (about S²/2 links per claim), some claims carry a
conflicting version with conflict links to all who state it, and a few reviewer decisions.
Times ``build_claims`` (best of 3) at each size. In the same run, the baseline: a naive
grouping that compares every two sentences (a link lookup per pair) and relabels components,
measured at sizes where it takes under a minute and extrapolated (quadratic) beyond.
"""

from __future__ import annotations

import argparse
import random
import time

from reviewer.claims import build_claims, pair_key
from reviewer.models import Article, Cluster, Link, Sentence, SentenceRef


def make(n_sentences: int, n_sources: int, seed: int = 1):
    rng = random.Random(seed)
    n_claims = max(1, round(n_sentences / (n_sources * 0.9)))
    carried = {s: [c for c in range(n_claims) if rng.random() < 0.9] for s in range(n_sources)}
    arts, where = [], {}
    for s in range(n_sources):
        order = list(carried[s])
        rng.shuffle(order)
        arts.append(Article(id=f"src{s:02d}", path="", body="",
                            sentences=[Sentence(i, 0, 0, f"claim {c}") for i, c in enumerate(order)]))
        for i, c in enumerate(order):
            where.setdefault(c, []).append(SentenceRef(f"src{s:02d}", i))
    links, decisions = [], {}
    for c, refs in where.items():
        versions = [refs]
        if rng.random() < 0.1 and len(refs) > 3:  # a different figure in a few sources
            k = rng.randint(1, len(refs) // 3)
            versions = [refs[k:], refs[:k]]
        for v in versions:
            for i in range(len(v)):
                for j in range(i + 1, len(v)):
                    links.append(Link(v[i], v[j], "match", round(rng.uniform(0.4, 1.0), 3)))
        if len(versions) == 2:
            for x in versions[0]:
                for y in versions[1]:
                    links.append(Link(x, y, "conflict", round(rng.uniform(0.2, 0.8), 3)))
    for l in rng.sample(links, min(len(links), 200)):
        decisions[pair_key((l.a.article, l.a.sentence), (l.b.article, l.b.sentence))] = rng.choice(
            ["accepted", "rejected"])
    return Cluster(arts), links, decisions


def naive(cluster: Cluster, links: list[Link], decisions) -> int:
    """All pairs of sentences, a link lookup each, and component relabelling: O(n²)."""
    keys = [(a.id, s.index) for a in cluster.articles for s in a.sentences]
    joined = {pair_key((l.a.article, l.a.sentence), (l.b.article, l.b.sentence))
              for l in links if l.relation == "match"}
    label = list(range(len(keys)))
    for i in range(len(keys)):
        for j in range(i + 1, len(keys)):
            p = pair_key(keys[i], keys[j])
            if p in joined and decisions.get(p) != "rejected" and label[i] != label[j]:
                old, new = label[j], label[i]
                label = [new if x == old else x for x in label]
    return len(set(label))


def best_of(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,2000,5000,10000,20000")
    ap.add_argument("--sources", type=int, default=20)
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"{'sentences':>9}  {'links':>8}  {'claims':>6}  {'build_claims':>12}  {'per link':>12}  {'naive all pairs':>16}")
    naive_rate = None  # seconds per sentence pair, measured
    for n in sizes:
        cluster, links, decisions = make(n, args.sources)
        n_sent = sum(len(a.sentences) for a in cluster.articles)
        result = build_claims(cluster, links, decisions)
        t = best_of(lambda: build_claims(cluster, links, decisions), 3)
        pairs = n_sent * (n_sent - 1) / 2
        if naive_rate is None or pairs * naive_rate < 60:
            t0 = time.perf_counter()
            naive(cluster, links, decisions)
            tn = time.perf_counter() - t0
            naive_rate = tn / pairs
            base = f"{tn:8.2f} s ({tn / t:5.1f}×)"
        else:
            tn = pairs * naive_rate
            base = f"≈{tn:7.1f} s ({tn / t:5.0f}×, extrapolated)"
        print(f"{n_sent:>9}  {len(links):>8}  {len(result.claims):>6}  {t:>10.3f} s  {1e6 * t / len(links):>9.1f} µs  {base:>16}")


if __name__ == "__main__":
    main()
