"""A dense synthetic cluster: many outlets carrying the same wire copy.

    python3 benchmarks/gen_dense.py OUT_DIR [--sentences 5000] [--articles 20] [--seed 11]

Every sentence is drawn from a pool of claims (one claim per ten sentences: 500 for the
5,000-sentence cluster), each written in four phrasings over a vocabulary of a few dozen
words; 10% of the sentences have one number or weekday changed. So every claim appears in
about ten of the twenty articles and most sentences have many true partners: the opposite
of bench_align.py's sparse clusters, where few sentences match.

``make_dense(n)`` keeps the shape at every size (20 articles, n / 20 sentences each, n / 10
claims), so the number of links grows linearly with n.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from reviewer.models import Article, Cluster

# A few dozen words in all.
NAMES = ["Kovac", "Mendes", "Larsen", "Okafor", "Tanaka", "Silva", "Novak", "Haddad"]
NOUNS = ["workers", "soldiers", "students", "farmers", "doctors", "drivers", "families", "guards"]
VERBS = [("evacuated", "evacuate"), ("arrested", "arrest"), ("injured", "injure"), ("rescued", "rescue"),
         ("detained", "detain"), ("moved", "move"), ("trapped", "trap"), ("released", "release")]
PLACES = ["Riverton", "Eastport", "Millbrook", "Northgate", "Lakeside", "Westfield"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["12", "15", "27", "40", "63", "150", "200", "310"]
PHRASINGS = [
    "{name} said {n} {noun} were {verb} in {place} on {day}.",
    "On {day}, {n} {noun} were {verb} in {place}, {name} said.",
    "Police in {place} {verb} {n} {noun} on {day}, according to {name}.",
    "{name} told reporters that officials would {base} {n} {noun} in {place} on {day}.",
]


def make_claims(rng: random.Random, count: int) -> list[dict]:
    seen: set[tuple] = set()
    claims = []
    while len(claims) < count:
        verb, base = rng.choice(VERBS)
        c = {"name": rng.choice(NAMES), "noun": rng.choice(NOUNS), "verb": verb, "base": base,
             "place": rng.choice(PLACES), "n": rng.choice(NUMBERS), "day": rng.choice(WEEKDAYS)}
        key = tuple(c.values())
        if key not in seen:
            seen.add(key)
            claims.append(c)
    return claims


def make_dense(n_sentences: int = 5000, seed: int = 11, articles: int = 20) -> Cluster:
    rng = random.Random(seed)
    per_article = max(1, n_sentences // articles)
    claims = make_claims(rng, max(2 * per_article, n_sentences // 10))
    arts = []
    for k in range(articles):
        sents = []
        for c in rng.sample(claims, per_article):
            c = dict(c)
            if rng.random() < 0.10:  # one number or weekday changed
                if rng.random() < 0.5:
                    c["n"] = rng.choice([x for x in NUMBERS if x != c["n"]])
                else:
                    c["day"] = rng.choice([x for x in WEEKDAYS if x != c["day"]])
            sents.append(rng.choice(PHRASINGS).format(**c))
        arts.append(Article(id=f"wire{k:02d}", path="", body=" ".join(sents), date="2024-03-10"))
    return Cluster(arts)


def write_cluster(cluster: Cluster, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for art in cluster.articles:
        (folder / f"{art.id}.txt").write_text(f" date {art.date} {art.body}\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--sentences", type=int, default=5000)
    ap.add_argument("--articles", type=int, default=20)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    write_cluster(make_dense(args.sentences, args.seed, args.articles), args.out)


if __name__ == "__main__":
    main()
