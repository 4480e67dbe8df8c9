"""Claim building on dense syndicated clusters, against a naive all-pairs grouping.

    python3 benchmarks/bench_claims.py [--sizes 1000,2000,5000,10000,20000] [--sources 20] [--screen] [--screen-sizes 1000,10000]

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
    ap.add_argument("--screen", action="store_true", help="only the claims screen (Pilot)")
    ap.add_argument("--screen-sizes", default="1000,10000", help="sizes for the claims screen")
    args = ap.parse_args()
    if args.screen:
        return main_screen()
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




# --------------------------------------------------------------------------- the claims screen

def write_cluster(cluster: Cluster, folder) -> None:
    """The generated cluster as text files, one sentence per paragraph (so that the segmenter finds
    exactly the generated sentences, in the same order)."""
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for a in cluster.articles:
        body = "\n\n".join(f"The wire says {s.text.replace('claim ', 'item ')} happened in {a.id}." for s in a.sentences)
        (folder / f"{a.id}.txt").write_text(body + "\n", encoding="utf-8")


def screen_open(n: int, n_sources: int, runs: int = 3) -> tuple[int, int, dict[str, float]]:
    """(sentences, claims, best times) with Pilot at 160×45, best of ``runs``: ``claims`` to open the
    claims screen (a new screen, claims built anew), ``help`` to open the help screen (the baseline:
    a screen push), ``board`` the claims alone; ``-cpu``: the process's CPU time for the same (on a
    shared machine the wall time mostly measures the others' load)."""
    import asyncio
    import tempfile

    from reviewer.config import load_config
    from reviewer.review.claimboard import ClaimBoard
    from reviewer.tui.app import make_app

    cluster, links, decisions = make(n, n_sources)
    with tempfile.TemporaryDirectory() as tmp:
        write_cluster(cluster, f"{tmp}/wire")
        config = load_config(None)
        config.theme = "textual-dark"
        app = make_app([f"{tmp}/wire"], reviewer="bench", config=config, links=links,
                       sidecar=f"{tmp}/bench.review.toml")
        got: dict[str, list[float]] = {"claims": [], "help": [], "board": [], "claims-cpu": [], "board-cpu": []}

        async def run() -> tuple[int, int]:
            async with app.run_test(size=(160, 45)) as pilot:
                await pilot.pause()
                n_sent = sum(len(a.sentences) for a in app.cluster.articles)
                assert n_sent == sum(len(a.sentences) for a in cluster.articles), "segmentation changed the sentences"
                for _ in range(runs):
                    for key, name in (("question_mark", "help"), ("c", "claims")):
                        app._claims_screen = None  # a cold open each time: a new screen, claims built anew
                        t0, c0 = time.perf_counter(), time.process_time()
                        await pilot.press(key)
                        await pilot.pause()
                        got[name].append(time.perf_counter() - t0)
                        got.setdefault(f"{name}-cpu", []).append(time.process_time() - c0)
                        await pilot.press("escape")
                        await pilot.pause()
                    t0, c0 = time.perf_counter(), time.process_time()
                    board = ClaimBoard(app.session)
                    got["board"].append(time.perf_counter() - t0)
                    got["board-cpu"].append(time.process_time() - c0)
                return n_sent, len(board.claims.claims)

        n_sent, n_claims = asyncio.run(run())
    return n_sent, n_claims, {k: min(v) for k, v in got.items()}


def main_screen() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--screen", action="store_true")
    ap.add_argument("--screen-sizes", default="1000,10000")
    ap.add_argument("--sources", type=int, default=20)
    args, _ = ap.parse_known_args()
    print("\nclaims screen (Pilot, 160×45, best of 3; wall / CPU seconds)")
    print(f"{'sentences':>9}  {'claims':>6}  {'claims alone':>15}  {'open claims screen':>18}  {'open help (baseline)':>20}")
    for n in [int(x) for x in args.screen_sizes.split(",")]:
        n_sent, n_claims, t = screen_open(n, args.sources)
        cell = lambda k: f"{t[k]:.2f} / {t[k + '-cpu']:.2f} s"
        print(f"{n_sent:>9}  {n_claims:>6}  {cell('board'):>15}  {cell('claims'):>18}  {cell('help'):>20}")


if __name__ == "__main__":
    main()
    import sys

    if "--screen" not in sys.argv:
        main_screen()
