"""``prodigy``: Prodigy's JSONL task format, with stable MurmurHash3 input and task hashes."""

from __future__ import annotations

import json

import mmh3

from reviewer.export.jsonl import json_lines
from reviewer.export.model import ExportData

PAIR_SEPARATOR = " ⟷ "


def murmur3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 x86 32-bit, as a signed int (the hash Prodigy's ``murmurhash`` gives)."""
    return mmh3.hash(data, seed, signed=True)


def prodigy_hashes(task: dict) -> tuple[int, int]:
    """(``_input_hash``, ``_task_hash``): MurmurHash3-32 of the canonical JSON (sorted keys,
    UTF-8) of the input (``{"text": …}``), and of ``{"input": <input hash>, "label": …,
    "spans": …}`` for the task. Deterministic; the same question asked twice (two reviewers
    tagging one sentence with one label) has the same task hash, as in Prodigy."""
    inp = murmur3_32(json.dumps({"text": task["text"]}, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    key = {"input": inp, "label": task.get("label"), "spans": task.get("spans", [])}
    return inp, murmur3_32(json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _end_meta(prefix: str, e) -> dict:
    if e is None:
        return {f"{prefix}{k}": None for k in ("article", "sentence", "offset_start", "offset_end", "orphan", "source",
                                                "date", "title", "url", "path")}
    # offset_*: the sentence's offsets in its article body (a_end / b_start are offsets in ``text``)
    return {f"{prefix}article": e.article, f"{prefix}sentence": e.sentence, f"{prefix}offset_start": e.start,
            f"{prefix}offset_end": e.end, f"{prefix}orphan": e.orphan,
            **{f"{prefix}{k}": e.meta.get(k) for k in ("source", "date", "title", "url", "path")}}


def _task(data: ExportData, *, kind: str, text: str, label: str, spans: list, answer: str, reviewer,
          resolution, votes, relation, decision, origin, score, a, b, a_end, b_start, note: str, time) -> dict:
    meta = {"kind": kind, "cluster": data.name, "reviewer": reviewer, "resolution": resolution, "votes": votes,
            "relation": relation, "decision": decision, "origin": origin, "score": score,
            "a": a.ref(), "b": b.ref() if b is not None else None, "a_end": a_end, "b_start": b_start,
            **_end_meta("a_", a), **_end_meta("b_", b), "orphan": a.orphan or (b is not None and b.orphan),
            "note": note, "time": time or None}
    session = f"{data.name}-{reviewer}" if reviewer is not None else None
    return {"text": text, "label": label, "spans": spans, "meta": meta, "answer": answer,
            "_annotator_id": reviewer, "_session_id": session}


def prodigy_records(data: ExportData) -> list[dict]:
    """The tasks, in order; every task has the same keys, and so has every ``meta``."""
    out = []
    for t in data.tags:
        e = t.end
        out.append(_task(data, kind="tag", text=e.text, label=t.label,
                         spans=[{"start": 0, "end": len(e.text), "label": t.label}], answer="accept",
                         reviewer=t.reviewer, resolution=t.resolution, votes=t.votes, relation=None,
                         decision="accepted", origin="manual", score=None, a=e, b=None, a_end=len(e.text),
                         b_start=None, note=t.note, time=t.time))
    for l in data.links:
        text = l.a.text + PAIR_SEPARATOR + l.b.text
        off = len(l.a.text) + len(PAIR_SEPARATOR)
        spans = []
        for ev in l.evidence:
            spans.append({"start": ev["a_span"][0], "end": ev["a_span"][1], "label": ev["kind"], "text": ev["a"]})
            spans.append({"start": off + ev["b_span"][0], "end": off + ev["b_span"][1], "label": ev["kind"],
                          "text": ev["b"]})
        spans.sort(key=lambda s: (s["start"], s["end"]))
        answer = {"accepted": "accept", "rejected": "reject"}.get(l.decision, "ignore")
        out.append(_task(data, kind="link", text=text, label=l.relation, spans=spans, answer=answer,
                         reviewer=l.reviewer, resolution=l.resolution, votes=l.votes, relation=l.relation,
                         decision=l.decision, origin=l.origin, score=l.score, a=l.a, b=l.b, a_end=len(l.a.text),
                         b_start=off, note=l.note, time=l.time))
    for task in out:
        task["_input_hash"], task["_task_hash"] = prodigy_hashes(task)
    return out


def to_prodigy(data: ExportData) -> tuple[int, str]:
    """``prodigy``: Prodigy's JSONL task format (load with ``prodigy db-in DATASET FILE``).

    - A tag is a binary classification task on the sentence: ``text``, ``label``, one span
      over the whole sentence with that label, ``answer: "accept"``.
    - A link is a task on the pair ``text = A + " ⟷ " + B`` with ``label`` ``match`` or
      ``conflict``; ``answer`` is ``accept`` (accepted), ``reject`` (rejected) or ``ignore``
      (an unreviewed suggestion, with ``--include-suggestions``: never trained on).
      ``spans`` are the evidence words on both sides, labelled by kind (``number``,
      ``negation`` …); ``meta.a_end`` / ``meta.b_start`` say where A ends and B starts.
    - Every task has the keys ``text, label, spans, meta, answer, _annotator_id, _session_id,
      _input_hash, _task_hash``, and every ``meta`` the same keys (``kind`` tag/link, the
      cluster, reviewer, resolution, votes, relation, decision, origin, score, ``a``/``b`` refs,
      ``a_end``/``b_start``, each end's article, sentence, offsets, orphan, source, date, title,
      url and path, note, time; null where a tag has no second end). Prodigy shows ``meta`` in
      the corner of the card. JSON Schema: ``reviewer/export/schemas/prodigy.schema.json``.
    - ``_annotator_id`` is the reviewer and ``_session_id`` ``<cluster>-<reviewer>`` (Prodigy's
      own ``<dataset>-<session>`` form for named multi-user sessions); both are null on an
      unreviewed suggestion and on a resolved record nobody in particular made.
    - ``_input_hash`` / ``_task_hash`` are signed 32-bit MurmurHash3 values, like Prodigy's,
      computed from the canonical JSON of the text, and of the input hash + label + spans
      (see :func:`prodigy_hashes`). They are stable across runs and machines but not
      bit-identical to Prodigy's own ``set_hashes``; Prodigy only needs them stable. Sample::

        {"text": "The prime minister was not hurt in the attack, officials said. ⟷ The prime minister
         was wounded in the attack, officials said.", "label": "conflict",
         "spans": [{"start": 23, "end": 31, "label": "negation", "text": "not hurt"},
                   {"start": 88, "end": 95, "label": "negation", "text": "wounded"}],
         "meta": {"cluster": "drone_strike", "reviewer": "alice", "relation": "conflict",
                  "decision": "accepted", "a": "a:1", "b": "b:1", "a_end": 62, "b_start": 65, …},
         "answer": "accept", "_annotator_id": "alice", "_session_id": "drone_strike-alice",
         "_input_hash": -659452384,
         "_task_hash": 1046865668}
    """
    recs = prodigy_records(data)
    return len(recs), json_lines(recs)
