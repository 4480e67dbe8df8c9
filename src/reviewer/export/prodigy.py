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


def prodigy_records(data: ExportData) -> list[dict]:
    out = []
    for t in data.tags:
        e = t.end
        meta = {"cluster": data.name, "reviewer": t.reviewer, "article": e.article, "sentence": e.sentence,
                "start": e.start, "end": e.end, "orphan": e.orphan, **{k: v for k, v in e.meta.items()},
                "note": t.note, "time": t.time}
        task = {"text": e.text, "label": t.label,
                "spans": [{"start": 0, "end": len(e.text), "label": t.label}],
                "meta": meta, "answer": "accept", "_annotator_id": t.reviewer}
        out.append(task)
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
        meta = {"cluster": data.name, "reviewer": l.reviewer, "relation": l.relation, "decision": l.decision,
                "origin": l.origin, "score": l.score, "a": l.a.ref(), "b": l.b.ref(),
                "a_end": len(l.a.text), "b_start": off,
                "a_source": l.a.meta.get("source"), "a_date": l.a.meta.get("date"), "a_path": l.a.meta.get("path"),
                "b_source": l.b.meta.get("source"), "b_date": l.b.meta.get("date"), "b_path": l.b.meta.get("path"),
                "orphan": l.a.orphan or l.b.orphan, "note": l.note, "time": l.time}
        task = {"text": text, "label": l.relation, "spans": spans, "meta": meta, "answer": answer}
        if l.reviewer is not None:
            task["_annotator_id"] = l.reviewer
        out.append(task)
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
    - ``meta`` holds the reviewer, cluster, article ids, offsets, source, date, note and time
      (Prodigy shows it in the corner of the card); ``_annotator_id`` is the reviewer.
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
         "answer": "accept", "_annotator_id": "alice", "_input_hash": -659452384,
         "_task_hash": 1046865668}
    """
    recs = prodigy_records(data)
    return len(recs), json_lines(recs)
