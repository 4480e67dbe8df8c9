"""The two naive baselines of issue 12, to score beside the engine on real clusters.

1. ``fuzzy``: sentences split by a regular expression; every pair of sentences from two
   different articles with rapidfuzz ``token_set_ratio`` >= 50 is a match.
2. ``fuzzy+numbers``: the same pairs; when both sentences hold numbers and their sets of
   numbers differ, the pair is a conflict instead.

It speaks the ``reviewer align PATH --json`` interface, so the eval scorer can run it:

    python3 ../shared/eval/score.py --cmd ".venv/bin/python benchmarks/naive_baseline.py"
    python3 ../shared/eval/score.py --cmd ".venv/bin/python benchmarks/naive_baseline.py --numbers"
"""

from __future__ import annotations

import json
import re
import sys

from rapidfuzz import fuzz

from reviewer.io.articles import load_cluster
from reviewer.models import Cluster

SPLIT = re.compile(r"[^.!?\n]+(?:[.!?]+[\"'\u201d\u2019)]*|$)")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
THRESHOLD = 50


def sentences(body: str) -> list[tuple[int, int, str]]:
    out = []
    for m in SPLIT.finditer(body):
        text = m.group(0)
        lead = len(text) - len(text.lstrip())
        text = text.strip()
        if re.search(r"\w", text):
            out.append((m.start() + lead, m.start() + lead + len(text), text))
    return out


def alignment(cluster: Cluster, numbers: bool) -> dict:
    arts, flat = [], []
    for art in cluster.articles:
        sents = sentences(art.body)
        arts.append({"id": art.id, "path": str(art.path), "title": art.title, "date": art.date,
                     "sentences": [{"index": k, "start": s, "end": e, "text": t} for k, (s, e, t) in enumerate(sents)]})
        flat += [(art.id, k, t, frozenset(NUMBER.findall(t))) for k, (_s, _e, t) in enumerate(sents)]
    links = []
    for x in range(len(flat)):
        for y in range(x + 1, len(flat)):
            a, b = flat[x], flat[y]
            if a[0] == b[0]:
                continue
            score = fuzz.token_set_ratio(a[2], b[2])
            if score < THRESHOLD:
                continue
            relation = "conflict" if numbers and a[3] and b[3] and a[3] != b[3] else "match"
            links.append({"a": {"article": a[0], "sentence": a[1]}, "b": {"article": b[0], "sentence": b[1]},
                          "relation": relation, "score": round(score / 100, 4), "evidence": []})
    return {"version": 1, "articles": arts, "links": links}


def main(argv: list[str]) -> int:
    numbers = "--numbers" in argv
    paths = [a for a in argv if not a.startswith("-") and a != "align"]
    print(json.dumps(alignment(load_cluster(paths), numbers), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
