"""``jsonl``: the full records, one JSON object per line (also the rows of ``csv``)."""

from __future__ import annotations

import json
from typing import Iterable

from reviewer.export.model import End, ExportData


def json_lines(records: Iterable[dict]) -> str:
    """JSON Lines text: one compact UTF-8 object per line (shared by jsonl, nli and prodigy)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def end_fields(e: End) -> dict:
    return {"article": e.article, "sentence": e.sentence, "start": e.start, "end": e.end, "text": e.text,
            "orphan": e.orphan, **e.meta}


RECORD_KEYS = ("type", "cluster", "reviewer", "resolution", "votes", "label", "relation", "decision", "origin",
               "score", "evidence", "note", "time", "a", "b")


def record_dicts(data: ExportData) -> list[dict]:
    """The records of the jsonl format, in order. Every record has the same keys
    (:data:`RECORD_KEYS`), null where a record type has no value: a tag or note has its sentence
    in ``a`` and ``b`` null."""
    out: list[dict] = []
    for t in data.tags:
        out.append({"type": "tag", "cluster": data.name, "reviewer": t.reviewer, "resolution": t.resolution,
                    "votes": t.votes, "label": t.label, "relation": None, "decision": "accepted", "origin": "manual",
                    "score": None, "evidence": [], "note": "", "time": t.time, "a": end_fields(t.end), "b": None})
    for n in data.notes:
        out.append({"type": "note", "cluster": data.name, "reviewer": n.reviewer, "resolution": None, "votes": None,
                    "label": None, "relation": None, "decision": None, "origin": "manual", "score": None,
                    "evidence": [], "note": n.text, "time": n.time, "a": end_fields(n.end), "b": None})
    for l in data.links:
        out.append({"type": "link", "cluster": data.name, "reviewer": l.reviewer, "resolution": l.resolution,
                    "votes": l.votes, "label": None, "relation": l.relation, "decision": l.decision,
                    "origin": l.origin, "score": None if l.score is None else round(float(l.score), 4),
                    "evidence": l.evidence, "note": l.note, "time": l.time or None,
                    "a": end_fields(l.a), "b": end_fields(l.b)})
    return out


def to_jsonl(data: ExportData) -> tuple[int, str]:
    """``jsonl``: one JSON object per line; every record has the same keys, in this order:
    ``type, cluster, reviewer, resolution, votes, label, relation, decision, origin, score,
    evidence, note, time, a, b`` (null where the type has no value). JSON Schema:
    ``reviewer/export/schemas/jsonl.schema.json``.

    - ``tag``: one per label on a sentence, per reviewer (``a`` is the sentence, ``b`` null,
      ``decision`` ``accepted``, ``origin`` ``manual``; ``note`` always "": a sentence's
      note is its own ``note`` record, so each note is counted once).
    - ``note``: one per note a reviewer wrote on a sentence, tagged or not (``label`` null,
      ``note`` the text); join it to the sentence's tags by ``reviewer`` and ``a``.
    - ``link``: one per reviewed link, per reviewer (``decision`` accepted/rejected, ``origin``
      suggested/manual), then, with ``--include-suggestions``, one per suggestion nobody
      reviewed (``reviewer`` null, ``decision`` ``predicted``, ``origin`` ``prediction``).
      ``evidence`` lists the engine's evidence for the pair (spans are offsets in the
      ``a``/``b`` sentence texts); a pair of the other relation or a manual link has none.
    - With ``--resolve majority|unanimous|adjudicated`` one record per pair (and per agreed
      sentence label): ``reviewer`` null (``adjudicator`` where it decided), ``resolution`` the
      rule used, ``votes`` the reviewers' votes (links: entailment/neutral/contradiction,
      tags: present/absent). Otherwise both are null.

    ``a`` and ``b`` carry the article id, sentence index, ``start``/``end`` offsets in the
    article body, ``text``, ``orphan`` (true: the sentence is gone and ``text`` is the quote
    stored in the sidecar) and the article's ``date``, ``source``, ``title``, ``url`` and
    ``path`` (relative to the cluster folder).
    """
    recs = record_dicts(data)
    return len(recs), json_lines(recs)
