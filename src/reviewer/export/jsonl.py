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


def record_dicts(data: ExportData) -> list[dict]:
    """The records of the jsonl format, in order."""
    out: list[dict] = []
    for t in data.tags:
        out.append({"type": "tag", "cluster": data.name, "reviewer": t.reviewer, **end_fields(t.end),
                    "label": t.label, "decision": "accepted", "origin": "manual", "score": None,
                    "note": t.note, "time": t.time})
    for n in data.notes:
        out.append({"type": "note", "cluster": data.name, "reviewer": n.reviewer, **end_fields(n.end),
                    "note": n.text, "time": n.time})
    for l in data.links:
        out.append({"type": "link", "cluster": data.name, "reviewer": l.reviewer, "relation": l.relation,
                    "decision": l.decision, "origin": l.origin,
                    "score": None if l.score is None else round(float(l.score), 4),
                    "evidence": l.evidence, "note": l.note, "time": l.time,
                    "a": end_fields(l.a), "b": end_fields(l.b)})
    return out


def to_jsonl(data: ExportData) -> tuple[int, str]:
    """``jsonl``: one JSON object per line; ``type`` is ``tag``, ``note`` or ``link``.

    - ``tag``: one per label on a sentence, per reviewer. ``decision`` is always ``accepted``
      and ``origin`` ``manual``; ``note`` carries the reviewer's note on that sentence.
    - ``note``: a reviewer's note on a sentence that reviewer did not tag.
    - ``link``: one per reviewed link, per reviewer (``decision`` accepted/rejected, ``origin``
      suggested/manual), then, with ``--include-suggestions``, one per suggestion nobody
      reviewed (``reviewer`` null, ``decision`` ``predicted``, ``origin`` ``prediction``).
      ``evidence`` lists the engine's evidence for the pair (spans are offsets in the
      ``a``/``b`` sentence texts); a pair of the other relation or a manual link has none.

    Every sentence carries its article id, sentence index, ``start``/``end`` offsets in the
    article body, ``text``, ``orphan`` (true: the sentence is gone and ``text`` is the quote
    stored in the sidecar) and the article's ``date``, ``source``, ``title``, ``url`` and
    ``path`` (relative to the cluster folder). Sample::

        {"type": "tag", "cluster": "drone_strike", "reviewer": "alice", "article": "a",
         "sentence": 1, "start": 75, "end": 137,
         "text": "The prime minister was not hurt in the attack, officials said.",
         "orphan": false, "date": "2021-11-07", "source": null, "title": null, "url": null,
         "path": "a.txt", "label": "contradicted", "decision": "accepted", "origin": "manual",
         "score": null, "note": "Officials: \\"not hurt\\"…", "time": "2026-01-10T09:02:00Z"}
        {"type": "link", "cluster": "drone_strike", "reviewer": "alice", "relation": "conflict",
         "decision": "accepted", "origin": "suggested", "score": 1.0,
         "evidence": [{"kind": "negation", "a": "not hurt", "b": "wounded",
                       "a_span": [23, 31], "b_span": [23, 30]}],
         "note": "", "time": "2026-01-10T09:10:00Z",
         "a": {"article": "a", "sentence": 1, "start": 75, "end": 137, "text": "…", "orphan": false, …},
         "b": {"article": "b", "sentence": 1, "start": 73, "end": 134, "text": "…", "orphan": false, …}}
    """
    recs = record_dicts(data)
    return len(recs), json_lines(recs)
