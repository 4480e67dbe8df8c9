"""Scoring the engine against a labelled cluster (``gold.toml`` beside the articles).

``gold.toml`` lists ``[[match]]``, ``[[conflict]]`` (with the expected evidence ``kinds``)
and ``[[nonlink]]`` pairs; each end is a fragment of text found in exactly one sentence,
so the gold survives changes to the segmenter.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from reviewer.engine.align import align
from reviewer.io.articles import load_cluster
from reviewer.config import AlignSettings
from reviewer.models import Cluster, Link

Pair = frozenset


@dataclass
class Scores:
    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    kind_hit: Counter = field(default_factory=Counter)
    kind_total: Counter = field(default_factory=Counter)
    nonlink_violations: int = 0
    predicted: int = 0
    gold: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Scores") -> None:
        for name in ("tp", "fp", "fn", "kind_hit", "kind_total"):
            getattr(self, name).update(getattr(other, name))
        self.nonlink_violations += other.nonlink_violations
        self.predicted += other.predicted
        self.gold += other.gold
        self.errors += other.errors

    def precision(self, rel: str) -> float:
        d = self.tp[rel] + self.fp[rel]
        return self.tp[rel] / d if d else 1.0

    def recall(self, rel: str) -> float:
        d = self.tp[rel] + self.fn[rel]
        return self.tp[rel] / d if d else 1.0


def _locate(cluster: Cluster, fragment: str, gold_path: Path) -> tuple[str, int]:
    hits = [(a.id, s.index) for a in cluster.articles for s in a.sentences if fragment in s.text]
    if len(hits) != 1:
        raise ValueError(f"{gold_path}: fragment {fragment!r} found in {len(hits)} sentences (need exactly 1)")
    return hits[0]


def score_cluster(folder: Path, settings: AlignSettings | None = None) -> Scores:
    cluster = load_cluster([folder])
    gold_path = folder / "gold.toml"
    gold = tomllib.loads(gold_path.read_text(encoding="utf-8"))
    links = align(cluster, settings)
    pred: dict[frozenset, Link] = {}
    for link in links:
        pred[Pair({(link.a.article, link.a.sentence), (link.b.article, link.b.sentence)})] = link
    sc = Scores(predicted=len(links))
    gold_pairs: dict[frozenset, tuple[str, list[str]]] = {}
    for rel in ("match", "conflict"):
        for item in gold.get(rel, []):
            key = Pair({_locate(cluster, item["a"], gold_path), _locate(cluster, item["b"], gold_path)})
            gold_pairs[key] = (rel, item.get("kinds", []))
    sc.gold = len(gold_pairs)
    for key, (rel, kinds) in gold_pairs.items():
        got = pred.get(key)
        if got is not None and got.relation == rel:
            sc.tp[rel] += 1
        else:
            sc.fn[rel] += 1
            sc.errors.append(f"{folder.name}: missed {rel} {sorted(key)}" + (f" (predicted {got.relation})" if got else ""))
        for k in kinds:
            sc.kind_total[k] += 1
            if got is not None and got.relation == "conflict" and any(e.kind == k for e in got.evidence):
                sc.kind_hit[k] += 1
    for key, link in pred.items():
        if key not in gold_pairs or gold_pairs[key][0] != link.relation:
            sc.fp[link.relation] += 1
            ev = "; ".join(f"{e.kind}: {e.a!r} vs {e.b!r}" for e in link.evidence)
            sc.errors.append(f"{folder.name}: extra {link.relation} {sorted(key)} {ev}")
    for item in gold.get("nonlink", []):
        key = Pair({_locate(cluster, item["a"], gold_path), _locate(cluster, item["b"], gold_path)})
        if key in pred:
            sc.nonlink_violations += 1
    return sc


def score_all(root: Path, settings: AlignSettings | None = None) -> tuple[Scores, dict[str, Scores]]:
    total = Scores()
    per: dict[str, Scores] = {}
    for folder in sorted(p for p in root.iterdir() if (p / "gold.toml").is_file()):
        sc = score_cluster(folder, settings)
        per[folder.name] = sc
        total.add(sc)
    return total, per


def report(total: Scores, per: dict[str, Scores]) -> str:
    lines = [f"{'cluster':<12} {'gold':>4} {'pred':>4}  match P/R      conflict P/R   nonlink hits"]
    for name, sc in list(per.items()) + [("ALL", total)]:
        lines.append(
            f"{name:<12} {sc.gold:>4} {sc.predicted:>4}  {sc.precision('match'):.2f}/{sc.recall('match'):.2f}"
            f"      {sc.precision('conflict'):.2f}/{sc.recall('conflict'):.2f}      {sc.nonlink_violations}"
        )
    lines.append("")
    lines.append("conflict recall by evidence kind:")
    for k in sorted(total.kind_total):
        lines.append(f"  {k:<9} {total.kind_hit[k]}/{total.kind_total[k]} = {total.kind_hit[k] / total.kind_total[k]:.2f}")
    lines.append(f"suggested links per true relation: {total.predicted / max(1, total.gold):.2f}")
    return "\n".join(lines)
