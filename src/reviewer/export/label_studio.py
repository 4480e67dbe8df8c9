"""``label-studio``: a JSON list of Label Studio tasks, and the labeling config beside it."""

from __future__ import annotations

import html
import json
from pathlib import Path

from reviewer.export.model import End, ExportData, LinkRow
from reviewer.export.records import oriented


def label_studio_config_path(out: Path) -> Path:
    """The labeling config beside OUT: OUT with its last suffix replaced by ``.xml``
    (``export.json`` -> ``export.xml``; ``tasks`` -> ``tasks.xml``)."""
    return out.with_suffix(".xml") if out.suffix and out.suffix != ".xml" else out.with_name(out.name + ".xml")


def companion_files(data: ExportData, out: Path) -> list[tuple[Path, str]]:
    """The files written beside OUT (not with ``-o -``): the labeling config."""
    return [(label_studio_config_path(out), label_studio_config(data))]


def _ls_labels(data: ExportData) -> list[str]:
    names = [l.name for l in data.labels]
    for t in data.tags:
        if t.label not in names:
            names.append(t.label)
    return names


def label_studio_config(data: ExportData) -> str:
    """The labeling config matching :func:`to_label_studio` (paste it in Settings → Labeling
    Interface → Code)."""
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    labels = "\n".join(f'    <Choice value="{esc(n)}"/>' for n in _ls_labels(data))
    return f"""<View>
  <Header value="$header_a"/>
  <Text name="text_a" value="$text_a"/>
  <Header value="$header_b"/>
  <Text name="text_b" value="$text_b"/>
  <Choices name="relation" toName="text_a" choice="single" showInLine="true">
    <Choice value="match"/>
    <Choice value="conflict"/>
    <Choice value="neutral"/>
  </Choices>
  <Choices name="labels" toName="text_a" choice="multiple" showInLine="true">
{labels}
  </Choices>
  <TextArea name="note" toName="text_a" editable="true" maxSubmissions="1" placeholder="note"/>
</View>
"""


def _header(e: End) -> str:
    return f"{e.where()} — sentence {e.sentence}" + (" (orphaned: quote kept in the sidecar)" if e.orphan else "")


def _ls_side(prefix: str, e: End | None) -> dict:
    if e is None:
        return {f"text_{prefix}": "", f"header_{prefix}": "", f"ref_{prefix}": "", f"source_{prefix}": None,
                f"date_{prefix}": None, f"path_{prefix}": None, f"orphan_{prefix}": None}
    return {f"text_{prefix}": e.text, f"header_{prefix}": _header(e), f"ref_{prefix}": e.ref(),
            f"source_{prefix}": e.meta.get("source"), f"date_{prefix}": e.meta.get("date"),
            f"path_{prefix}": e.meta.get("path"), f"orphan_{prefix}": e.orphan}


def completed_by(reviewer: str | None) -> dict | None:
    """Label Studio's ``completed_by`` on import: ``{"email": …}`` of a member of the
    organisation (it refuses an unknown one), or null (the importing user). A reviewer whose
    name is an e-mail address is carried there; other names are in ``data.annotators``."""
    return {"email": reviewer} if reviewer and "@" in reviewer else None


def _ls_annotation(reviewer: str | None, results: list[dict], time: str) -> dict:
    ann: dict = {"result": results, "was_cancelled": False, "ground_truth": False,
                 "completed_by": completed_by(reviewer)}
    if time:
        ann["created_at"] = time
        ann["updated_at"] = time
    return ann


def label_studio_tasks(data: ExportData) -> list[dict]:
    """Link pairs first (one task per pair, one annotation per reviewer), then tagged or
    annotated sentences (one task per sentence, one annotation per reviewer)."""
    return _pair_tasks(data) + _sentence_tasks(data)


def _pair_tasks(data: ExportData) -> list[dict]:
    pairs: dict[tuple, list[LinkRow]] = {}
    for l in data.links:
        key = (l.pair(), l.orphan, l.a.text, l.b.text) if l.orphan else (l.pair(),)
        pairs.setdefault(key, []).append(l)
    return [_pair_task(data, links) for links in pairs.values()]


def _pair_task(data: ExportData, links: list[LinkRow]) -> dict:
    a, b = links[0].a, links[0].b
    data_ = {"kind": "pair", "cluster": data.name, **_ls_side("a", a), **_ls_side("b", b), "evidence": "",
             "suggested_relation": None, "resolution": None, "votes": None}
    annotations, predictions, annotators = [], [], []
    for l in links:
        ev = _evidence_text(oriented(l.evidence, flip=l.a.key() != a.key()))
        if ev and not data_["evidence"]:
            data_["evidence"] = ev
        if l.decision == "predicted":
            predictions.append({"model_version": "reviewer-align", "score": l.score,
                                "result": [{"id": "pred-relation", "from_name": "relation", "to_name": "text_a",
                                            "type": "choices", "value": {"choices": [l.relation]}}]})
            continue
        choice = l.relation if l.decision == "accepted" else "neutral"
        rid = f"{len(annotations)}"
        results = [{"id": f"{rid}-relation", "from_name": "relation", "to_name": "text_a", "type": "choices",
                    "value": {"choices": [choice]}}]
        if l.note:
            results.append(_note_result(rid, l.note))
        annotations.append(_ls_annotation(l.reviewer, results, l.time))
        annotators.append(l.reviewer or l.resolution)
        if data_["suggested_relation"] is None and l.origin == "suggested":
            data_["suggested_relation"] = l.relation
        if l.resolution:
            data_["resolution"], data_["votes"] = l.resolution, l.votes
    data_["annotators"] = annotators
    return {"data": data_, "annotations": annotations, "predictions": predictions}


def _note_result(rid: str, note: str) -> dict:
    return {"id": f"{rid}-note", "from_name": "note", "to_name": "text_a", "type": "textarea",
            "value": {"text": [note]}}


def _sentence_tasks(data: ExportData) -> list[dict]:
    sents: dict[tuple, dict] = {}
    for t in data.tags:
        s = sents.setdefault((t.end.key(), t.end.orphan, t.end.text), {"end": t.end, "by": {}, "resolution": None})
        if t.resolution:
            s["resolution"] = t.resolution
        r = s["by"].setdefault(t.reviewer or t.resolution, {"labels": [], "note": "", "time": "",
                                                            "email": t.reviewer})
        r["labels"].append(t.label)
        r["time"] = max(r["time"], t.time)
    for n in data.all_notes:
        s = sents.setdefault((n.end.key(), n.end.orphan, n.end.text), {"end": n.end, "by": {}, "resolution": None})
        r = s["by"].setdefault(n.reviewer, {"labels": [], "note": "", "time": "", "email": n.reviewer})
        r["note"] = n.text
        r["time"] = max(r["time"], n.time)
    tasks = []
    for s in sents.values():
        annotations, annotators = [], []
        for reviewer in sorted(s["by"]):
            r = s["by"][reviewer]
            rid = f"{len(annotations)}"
            results = []
            if r["labels"]:
                results.append({"id": f"{rid}-labels", "from_name": "labels", "to_name": "text_a", "type": "choices",
                                "value": {"choices": sorted(r["labels"])}})
            if r["note"]:
                results.append(_note_result(rid, r["note"]))
            annotations.append(_ls_annotation(r["email"], results, r["time"]))
            annotators.append(reviewer)
        tasks.append({"data": {"kind": "sentence", "cluster": data.name, **_ls_side("a", s["end"]),
                               **_ls_side("b", None), "evidence": "", "suggested_relation": None,
                               "resolution": s["resolution"], "votes": None, "annotators": annotators},
                      "annotations": annotations, "predictions": []})
    return tasks


def _evidence_text(evidence: list[dict]) -> str:
    return "; ".join(f"{e['a']} ≠ {e['b']} ({e['kind']})" for e in evidence)


def to_label_studio(data: ExportData) -> tuple[int, str]:
    """``label-studio``: a JSON list of tasks for Label Studio's import (Project → Import),
    with the labeling config written beside OUT (OUT with its suffix replaced by ``.xml``)::

        <View>
          <Header value="$header_a"/>  <Text name="text_a" value="$text_a"/>
          <Header value="$header_b"/>  <Text name="text_b" value="$text_b"/>
          <Choices name="relation" toName="text_a" choice="single">match | conflict | neutral</Choices>
          <Choices name="labels" toName="text_a" choice="multiple">the config's labels</Choices>
          <TextArea name="note" toName="text_a"/>
        </View>

    - A ``pair`` task per linked pair: ``data.text_a``/``text_b`` (+ header, ref, source, date,
      path, orphan of each side, ``evidence`` as text), one annotation per reviewer with the
      ``relation`` choice (an accepted link gives its relation, a rejected one ``neutral``) and
      the note as a ``textarea`` result; with ``--include-suggestions`` the engine's
      suggestion is a ``predictions`` entry (with its score), also on pairs nobody reviewed.
    - A ``sentence`` task per tagged or annotated sentence (``text_b`` empty): one annotation
      per reviewer with the ``labels`` choices and the note.
    - Every task has ``data``, ``annotations`` and ``predictions`` (lists, maybe empty), and
      every ``data`` the same keys (null or "" where a sentence task has no second sentence).
      JSON Schema: ``reviewer/export/schemas/label-studio.schema.json``.
    - ``data.annotators`` names the reviewer of each annotation, in order (with ``--resolve``
      the rule, e.g. ``majority``). Every annotation has ``completed_by``, in the form Label
      Studio's import takes: ``{"email": …}`` when the reviewer name is an e-mail address (the
      user must exist in the organisation), else null, since Label Studio refuses unknown users
      (the annotation then goes to the importing user). Name reviewers by their Label Studio
      e-mail (``reviewer --reviewer ana@lab.org``) to keep who did what.
      Sample::

        [{"data": {"kind": "pair", "cluster": "drone_strike",
                   "text_a": "The prime minister was not hurt in the attack, officials said.",
                   "header_a": "a · 2021-11-07 — sentence 1", "ref_a": "a:1", …,
                   "text_b": "The prime minister was wounded in the attack, officials said.", …,
                   "evidence": "not hurt ≠ wounded (negation)", "annotators": ["alice", "bob"]},
          "annotations": [{"result": [{"id": "0-relation", "from_name": "relation",
                                       "to_name": "text_a", "type": "choices",
                                       "value": {"choices": ["conflict"]}}],
                           "was_cancelled": false, "ground_truth": false,
                           "created_at": "2026-01-10T09:10:00Z", …}, …]}]
    """
    tasks = label_studio_tasks(data)
    return len(tasks), json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"

