"""``claims-jsonl`` and ``claims-csv``: one record per claim (per reviewer), not per pair.

The claims are built (``reviewer.claims.build_claims``) for each reviewer from the engine's
links and that reviewer's decisions, exactly as the TUI shows them: a decision counts for the
suggested link of the same relation, a manual link replaces the suggestion of its pair, a decided
pair the engine no longer suggests is a link of its own. With no sidecar, the engine's
suggestions alone (``reviewer`` is null). Orphaned decisions and tags are left out of the claims.

A ``claims-jsonl`` record::

    {"type": "claim", "cluster": "seeds", "reviewer": "alice", "claim": 20, "status": "open",
     "sources": ["a", "b", "d"], "contradicted_by": ["c"], "silent": [],
     "sentences": [{"article": "a", "sentence": 19, "start": 3201, "end": 3379, "text": "...",
                    "labels": ["contradicted"]}, ...],
     "versions": [{"claim": 40, "sources": ["c"], "sentences": [{"article": "c", "sentence": 15, ...}],
                   "links": [{"a": ..., "b": ..., "relation": "conflict", "decision": "accepted", ...}]}],
     "links": [...], "decisions": {"accepted": 1, "rejected": 0, "open": 4}, "flags": []}

``status`` sums up the claim's match links: ``accepted`` / ``rejected`` (all of them), ``mixed``,
``open`` (none decided), null (a claim of one sentence has none). ``versions`` are the claims
that state a conflicting version, with the conflict links to them. ``claims-csv`` has the columns
of ``reviewer claims --csv`` after ``cluster, reviewer, status``.
"""

from __future__ import annotations

import csv as _csv
import io

from reviewer.claimreport import CSV_FIXED, cell_of, link_dict
from reviewer.claims import Claim, ClaimSet, Key, build_claims
from reviewer.export.jsonl import json_lines
from reviewer.export.model import ExportData
from reviewer.export.records import link_key
from reviewer.models import Evidence, Link, SentenceRef


def claim_sets(data: ExportData) -> list[tuple[str | None, ClaimSet, dict[Key, list[str]]]]:
    """(reviewer, claims, labels by sentence) for each reviewer (or the suggestions alone)."""
    suggested = {}
    for l in data.suggested:
        suggested.setdefault(link_key(l), l)
    out = []
    for r in data.reviewers or [None]:
        decisions: dict[frozenset[Key], str] = {}
        own: dict[frozenset[Key], Link] = {}
        for row in data.links:
            if row.reviewer != r or row.orphan or row.decision not in ("accepted", "rejected"):
                continue
            pair = row.pair()
            s = suggested.get(pair)
            if row.origin == "manual" or s is None:
                own[pair] = Link(SentenceRef(*row.a.key()), SentenceRef(*row.b.key()), row.relation, row.score,
                                 tuple(Evidence(e["kind"], e["a"], e["b"], tuple(e["a_span"]), tuple(e["b_span"]))
                                       for e in row.evidence))
                decisions[pair] = row.decision
            elif s.relation == row.relation:
                decisions[pair] = row.decision
        links = [l for p, l in suggested.items() if p not in own] + list(own.values())
        labels: dict[Key, list[str]] = {}
        for t in data.tags:
            if t.reviewer == r and not t.end.orphan:
                labels.setdefault(t.end.key(), []).append(t.label)
        out.append((r, build_claims(data.cluster, links, decisions), {k: sorted(v) for k, v in labels.items()}))
    return out


def status(c: Claim) -> str | None:
    got = {l.decision for l in c.links if l.relation == "match"}
    if not got:
        return None
    if got == {None}:
        return "open"
    return got.pop() if len(got) == 1 else "mixed"


def claim_records(data: ExportData) -> list[dict]:
    sentences = {(a.id, s.index): s for a in data.cluster.articles for s in a.sentences}

    def sent(k: Key, labels: dict[Key, list[str]] | None = None) -> dict:
        s = sentences[k]
        d = {"article": k[0], "sentence": k[1], "start": s.start, "end": s.end, "text": s.text}
        if labels is not None:
            d["labels"] = labels.get(k, [])
        return d

    out = []
    for r, cs, labels in claim_sets(data):
        for c in cs.claims:
            out.append({
                "type": "claim", "cluster": data.name, "reviewer": r, "claim": c.id, "status": status(c),
                "sources": c.sources, "contradicted_by": c.contradicted_by, "silent": c.silent,
                "sentences": [sent(k, labels) for k in c.sentences],
                "versions": [{"claim": o, "sources": cs.claim(o).sources,
                              "sentences": [sent(k) for k in cs.claim(o).sentences],
                              "links": [link_dict(l) for l in c.conflicts[o]]} for o in sorted(c.conflicts)],
                "links": [link_dict(l) for l in c.links], "decisions": c.decision_counts(), "flags": c.flags})
    return out


def to_claims_jsonl(data: ExportData) -> tuple[int, str]:
    records = claim_records(data)
    return len(records), json_lines(records)


def to_claims_csv(data: ExportData) -> tuple[int, str]:
    texts = {(a.id, s.index): s.text for a in data.cluster.articles for s in a.sentences}
    buf = io.StringIO()
    w = _csv.writer(buf, lineterminator="\n")
    articles = sorted(a.id for a in data.cluster.articles)
    w.writerow(["cluster", "reviewer", "status"] + CSV_FIXED + articles)
    n = 0
    for r, cs, _labels in claim_sets(data):
        for c in cs.claims:
            d = c.decision_counts()
            w.writerow([data.name, r or "", status(c) or "", c.id, len(c.sources), ";".join(c.sources),
                        ";".join(c.contradicted_by), ";".join(c.silent), ";".join(map(str, sorted(c.conflicts))),
                        d["accepted"], d["rejected"], d["open"], ";".join(c.flags), texts[c.sentences[0]]]
                       + [cell_of(c, cs, a) for a in articles])
            n += 1
    return n, buf.getvalue()
