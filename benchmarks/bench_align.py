"""Alignment speed: reviewer's blocked engine vs brute-force rapidfuzz over all pairs.

    python3 benchmarks/bench_align.py [--sizes 1000,2000,5000,10000,20000]
                                      [--dense 5000] [--growth 1000,2000,5000,10000,20000]

Sparse: generates clusters of N sentences (articles of 40 sentences written from templates
with varied wording, names and numbers), times segmentation + alignment on each, and in the
same run times rapidfuzz ``process.cdist`` with ``token_set_ratio`` over all sentence pairs for
the sizes where that is expected to take under a minute. Prints a table with the speed-up.

Dense: the wire-copy cluster of benchmarks/gen_dense.py (20 articles, every claim in about ten
of them, most sentences with many true partners), aligned and then brute-forced the same way
in the same run (--dense, 0 to skip); and its growth from 1k to 20k sentences against the
number of links produced (--growth, '' to skip). Words only (semantic off) everywhere.
"""

from __future__ import annotations

import argparse
import os
import random
import time

from rapidfuzz import fuzz, process

from reviewer.config import AlignSettings
from reviewer.engine.align import align
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment

# A synthetic newsroom: a story has facts (who did what, how many, when); each article
# reports a subset of them in its own words, with the odd different number or weekday, and
# adds background sentences of its own. Words come from a Zipf-like synthetic vocabulary.
SYLLABLES = ["ka", "lo", "mi", "ra", "te", "su", "no", "vi", "de", "ba", "ri", "go", "an", "el", "or", "um"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "12", "15", "27", "40", "150", "dozens of"]
FRAMES = [
    "{name} said {n} {noun} were {verb} in {place} on {day}.",
    "On {day}, {n} {noun} were {verb} in {place}, according to {name}.",
    "In {place}, {name} told reporters that {n} {noun} had been {verb} on {day}.",
]


def make_vocab(rng: random.Random, size: int) -> list[str]:
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


_CUM: list[float] = []


def zipf_words(rng: random.Random, vocab: list[str], k: int) -> list[str]:
    """Content words: frequency ~ 1 / (rank + 50), as content words of news are (stopwords aside)."""
    if len(_CUM) != len(vocab):
        _CUM.clear()
        total = 0.0
        for r in range(len(vocab)):
            total += 1.0 / (r + 50)
            _CUM.append(total)
    return rng.choices(vocab, cum_weights=_CUM, k=k)


def make_cluster(n_sentences: int, seed: int = 7, per_article: int = 40) -> Cluster:
    rng = random.Random(seed)
    vocab = make_vocab(rng, 20000)
    rng.shuffle(vocab)
    n_articles = max(2, n_sentences // per_article)
    n_facts = max(10, n_articles // 2)
    facts = []
    for _ in range(n_facts):
        facts.append({
            "name": rng.choice(vocab[:3000]).capitalize() + " " + rng.choice(vocab[:3000]).capitalize(),
            "noun": rng.choice(vocab[200:5000]), "verb": rng.choice(vocab[200:5000]) + "ed",
            "place": rng.choice(vocab[:4000]).capitalize(), "n": rng.choice(NUMBERS), "day": rng.choice(WEEKDAYS),
        })
    arts = []
    for k in range(n_articles):
        sents = []
        for _ in range(per_article):
            if rng.random() < 0.35:
                f = dict(rng.choice(facts))
                if rng.random() < 0.15:
                    f["n"] = rng.choice(NUMBERS)
                if rng.random() < 0.1:
                    f["day"] = rng.choice(WEEKDAYS)
                extra = " ".join(zipf_words(rng, vocab, rng.randint(0, 6)))
                sents.append(rng.choice(FRAMES).format(**f)[:-1] + (" " + extra if extra else "") + ".")
            else:
                words = zipf_words(rng, vocab, rng.randint(8, 25))
                sents.append(" ".join(words).capitalize() + ".")
        arts.append(Article(id=f"gen{k:05d}", path="", body=" ".join(sents), date="2024-03-10"))
    return Cluster(arts)


def time_reviewer(cl: Cluster, cpu: list[float] | None = None) -> tuple[float, int, int]:
    """Wall seconds of segmenting + aligning, sentences, links; the CPU seconds (this process,
    all its threads) appended to ``cpu`` when given."""
    t0, c0 = time.perf_counter(), time.process_time()
    for art in cl.articles:
        art.sentences = segment(art.body)
    links = align(cl, AlignSettings(semantic="off"))
    dt = time.perf_counter() - t0
    if cpu is not None:
        cpu.append(time.process_time() - c0)
    return dt, sum(len(a.sentences) for a in cl.articles), len(links)


def time_brute(texts: list[str], cpu: list[float] | None = None) -> float:
    t0, c0 = time.perf_counter(), time.process_time()
    process.cdist(texts, texts, scorer=fuzz.token_set_ratio, workers=-1, score_cutoff=60)
    if cpu is not None:
        cpu.append(time.process_time() - c0)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1000,2000,5000,10000,20000")
    ap.add_argument("--repeat", type=int, default=3, help="best of N runs for sizes up to 5000")
    ap.add_argument("--dense", type=int, default=5000, help="sentences of the dense row (0: skip)")
    ap.add_argument("--growth", default="1000,2000,5000,10000,20000", help="dense sizes for the growth table")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if args.dense:
        dense_row(args.dense)
    if args.growth:
        dense_growth([int(s) for s in args.growth.split(",") if s])
    if sizes:
        sparse_table(sizes, args.repeat)


def dense_row(n: int) -> None:
    from gen_dense import make_dense

    cl = make_dense(n)
    cpu: list[float] = []
    secs, count, nlinks = time_reviewer(cl, cpu)
    brute = time_brute([s.text for a in cl.articles for s in a.sentences], cpu)
    print(f"dense cluster (benchmarks/gen_dense.py): {count} sentences, {nlinks} links")
    print(f"  reviewer {secs:.2f} s, brute (cdist token_set_ratio, all pairs, all cores) {brute:.2f} s: "
          f"{brute / secs:.1f}x")
    print(f"  CPU time: reviewer {cpu[0]:.2f} s, brute {cpu[1]:.2f} s: {cpu[1] / cpu[0]:.1f}x"
          f" (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print()


def dense_growth(sizes: list[int]) -> None:
    from gen_dense import make_dense

    print(f"{'dense n':>9} {'reviewer s':>10} {'CPU s':>7} {'links':>8} {'ms/1k links':>11} {'s/1k sent':>9}")
    for n in sizes:
        cpu: list[float] = []
        secs, count, nlinks = time_reviewer(make_dense(n), cpu)
        print(f"{count:>9} {secs:>10.2f} {cpu[0]:>7.2f} {nlinks:>8} {secs / max(1, nlinks) * 1e6:>11.1f}"
              f" {secs / count * 1000:>9.3f}")
    print("(near-linear growth: 'ms/1k links' stays about level)")
    print()


def sparse_table(sizes: list[int], repeat: int) -> None:
    print(f"{'sentences':>9} {'reviewer s':>10} {'CPU s':>7} {'links':>7} {'brute s':>9} {'speed-up':>9} {'s per 1k':>9}")
    rate = None  # brute-force seconds per pair, measured on the smallest size
    for n in sizes:
        runs = []
        cpu: list[float] = []
        for _ in range(repeat if n <= 5000 else 1):
            cl = make_cluster(n)
            runs.append(time_reviewer(cl, cpu))
        secs, count, nlinks = min(runs)  # best of N: the machine's noise is not the engine's
        texts = [s.text for a in cl.articles for s in a.sentences]
        brute = None
        expected = rate * count * count if rate else 0
        if expected < 60:
            brute = time_brute(texts)
            rate = brute / (count * count)
        b = f"{brute:9.2f}" if brute is not None else f"{'~' + format(expected, '.0f'):>9}"
        ratio = (brute if brute is not None else expected) / secs
        print(f"{count:>9} {secs:>10.2f} {min(cpu):>7.2f} {nlinks:>7} {b} {ratio:>8.1f}x {secs / count * 1000:>9.3f}")
    print("(brute: rapidfuzz cdist token_set_ratio, all pairs, all cores; '~' = extrapolated, not run; CPU: best of the runs)")


if __name__ == "__main__":
    main()
