"""``nli``: sentence pairs for natural-language-inference training (JSON Lines)."""

from __future__ import annotations

from reviewer.export.jsonl import json_lines
from reviewer.export.model import ExportData, LinkRow
from reviewer.models import NLI_LABEL_OF_RELATION, NLI_LABELS, NLI_NEUTRAL


def nli_label(link: LinkRow) -> int:
    """Accepted or predicted: the label of its relation; rejected: neutral."""
    if link.decision in ("accepted", "predicted"):
        return NLI_LABEL_OF_RELATION.get(link.relation, NLI_LABEL_OF_RELATION["conflict"])
    return NLI_NEUTRAL


NLI_KEYS = ("premise", "hypothesis", "label", "label_text", "pair_id", "premise_id", "hypothesis_id", "cluster",
            "reviewer", "resolution", "votes", "relation", "decision", "predicted", "score", "orphan", "split")


def nli_records(data: ExportData) -> list[dict]:
    """The records of the nli format, in order; every record has the keys :data:`NLI_KEYS`."""
    out = []
    for l in data.links:
        label = nli_label(l)
        pid = f"{data.name}/{l.a.ref()}"
        hid = f"{data.name}/{l.b.ref()}"
        out.append({"premise": l.a.text, "hypothesis": l.b.text, "label": label, "label_text": NLI_LABELS[label],
                    "pair_id": "|".join(sorted((pid, hid))), "premise_id": pid, "hypothesis_id": hid,
                    "cluster": data.name, "reviewer": l.reviewer, "resolution": l.resolution, "votes": l.votes,
                    "relation": l.relation, "decision": l.decision, "predicted": l.decision == "predicted",
                    "score": None if l.score is None else round(float(l.score), 4),
                    "orphan": l.a.orphan or l.b.orphan, "split": None})
    return out


def to_nli(data: ExportData) -> tuple[int, str]:
    """``nli``: JSON Lines of sentence pairs for natural-language-inference training.

    Every record has the same keys: ``premise, hypothesis, label, label_text, pair_id,
    premise_id, hypothesis_id, cluster, reviewer, resolution, votes, relation, decision,
    predicted, score, orphan, split`` (JSON Schema: ``reviewer/export/schemas/nli.schema.json``).
    With ``--resolve all`` (the default) one record per reviewed link and reviewer (two
    reviewers of one pair give two records with the same ``pair_id``); with ``--resolve
    majority`` (``unanimous``, ``adjudicated``, ``reviewer:NAME``) one record per pair, with the
    reviewers' ``votes``. An accepted ``match`` is ``0`` entailment, an accepted ``conflict``
    ``2`` contradiction, a rejected link of either relation ``1`` neutral. With
    ``--include-suggestions`` the suggestions nobody reviewed are added with ``predicted``
    true, ``reviewer`` null and the engine's ``score`` (match 0, conflict 2); ``score`` is
    otherwise the score the link had when reviewed (null for a manual link). ``premise`` is the
    link's first sentence, ``hypothesis`` its second; ids are ``<cluster>/<article>:<sentence>``;
    ``orphan`` marks a pair with an orphaned end (its text is the stored quote); ``split`` is
    null except in ``--split`` files (see :mod:`reviewer.export.split`).
    """
    recs = nli_records(data)
    return len(recs), json_lines(recs)
