"""Cross-language alignment cost: a cluster in two languages vs the same size in one.

    python3 benchmarks/bench_crosslingual.py [--sentences 600]

Builds two synthetic clusters of N sentences from templates (15 articles): one all English,
one with every other article in Spanish. Each is aligned with the model on (semantic auto)
and an empty embedding store, so both pay for embedding every sentence. Prints both times
and their ratio (issue 14: at most 2x).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time

from reviewer.config import AlignSettings
from reviewer.engine.align import align
from reviewer.models import Article, Cluster
from reviewer.io.segment import segment

EN = ["{n} {noun_en} were {verb_en} in {place} on {day_en}, officials said.",
      "The authorities in {place} reported {n} {noun_en} {verb_en} after the storm.",
      "Rescue teams searched the area near {place} for a {k}th day.",
      "Local media said the road to {place} stayed closed for {k} hours."]
ES = ["{n} {noun_es} fueron {verb_es} en {place} el {day_es}, según las autoridades.",
      "Las autoridades de {place} informaron de {n} {noun_es} {verb_es} tras la tormenta.",
      "Los equipos de rescate buscaron en la zona de {place} por {k}.º día.",
      "Los medios locales dijeron que la carretera a {place} siguió cerrada durante {k} horas."]
NOUNS = [("people", "personas", "injured", "heridas"), ("workers", "trabajadores", "evacuated", "evacuados"),
         ("residents", "residentes", "rescued", "rescatados")]
DAYS = [("Monday", "lunes"), ("Tuesday", "martes"), ("Friday", "viernes"), ("Sunday", "domingo")]


def make(n: int, two_languages: bool, seed: int = 7) -> Cluster:
    rng = random.Random(seed)
    places = [f"Vil{rng.choice('aeiou')}{rng.choice('rnst')}a{k}" for k in range(40)]
    per_article = max(1, n // 15)
    arts = []
    for a in range(15):
        spanish = two_languages and a % 2 == 1
        lines = []
        for _ in range(per_article):
            ne, ns, ve, vs = rng.choice(NOUNS)
            de, ds = rng.choice(DAYS)
            tpl = rng.choice(ES if spanish else EN)
            lines.append(tpl.format(n=rng.randint(2, 90), noun_en=ne, noun_es=ns, verb_en=ve, verb_es=vs,
                                    place=rng.choice(places), day_en=de, day_es=ds, k=rng.randint(2, 9)))
        body = " ".join(lines)
        arts.append(Article(f"a{a:02d}", f"a{a:02d}.txt", body, sentences=segment(body)))
    return Cluster(arts)


def run(cluster: Cluster) -> float:
    with tempfile.TemporaryDirectory() as d:
        os.environ["REVIEWER_CACHE_DIR"] = d  # an empty embedding store: every sentence is embedded
        t0 = time.perf_counter()
        align(cluster, AlignSettings(semantic="auto"))
        return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=600)
    a = ap.parse_args()
    one, two = make(a.sentences, False), make(a.sentences, True)
    n1 = sum(len(x.sentences) for x in one.articles)
    n2 = sum(len(x.sentences) for x in two.articles)
    t1, t2 = run(one), run(two)
    print(f"one language  : {n1} sentences, {t1:.1f} s")
    print(f"two languages : {n2} sentences, {t2:.1f} s")
    print(f"ratio         : {t2 / t1:.2f} (target <= 2)")


if __name__ == "__main__":
    main()
