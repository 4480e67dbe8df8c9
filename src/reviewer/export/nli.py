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


def nli_records(data: ExportData) -> list[dict]:
    """The records of the nli format, in order."""
    out = []
    for l in data.links:
        label = nli_label(l)
        pid = f"{data.name}/{l.a.ref()}"
        hid = f"{data.name}/{l.b.ref()}"
        rec = {"premise": l.a.text, "hypothesis": l.b.text, "label": label, "label_text": NLI_LABELS[label],
               "pair_id": "|".join(sorted((pid, hid))), "premise_id": pid, "hypothesis_id": hid, "cluster": data.name,
               "reviewer": l.reviewer, "relation": l.relation, "decision": l.decision}
        if l.decision == "predicted":
            rec["predicted"] = True
            rec["score"] = l.score
        if l.a.orphan or l.b.orphan:
            rec["orphan"] = True
        out.append(rec)
    return out


def to_nli(data: ExportData) -> tuple[int, str]:
    """``nli``: JSON Lines of sentence pairs for natural-language-inference training.

    One record per reviewed link and reviewer (two reviewers of one pair give two records with
    the same ``pair_id``): an accepted ``match`` is ``0`` entailment, an accepted ``conflict``
    ``2`` contradiction, a rejected link of either relation ``1`` neutral. With
    ``--include-suggestions`` the suggestions nobody reviewed are added with
    ``"predicted": true``, ``reviewer`` null and the engine's ``score`` (match 0, conflict 2).
    ``premise`` is the link's first sentence, ``hypothesis`` its second; ids are
    ``<cluster>/<article>:<sentence>``. ``relation``/``decision`` keep the raw review, and
    ``"orphan": true`` marks a pair with an orphaned end (its text is the stored quote).

    ``--split 80/10/10`` assigns train/dev/test by a SHA-256 hash of the cluster folder name, so
    all pairs of a cluster land in the same split; OUT is then a folder holding
    ``train.jsonl``, ``dev.jsonl`` and ``test.jsonl`` (each record has ``"split"``); records of
    other clusters already in those files are kept, this cluster's are replaced. Sample::

        {"premise": "The prime minister was not hurt in the attack, officials said.",
         "hypothesis": "The prime minister was wounded in the attack, officials said.",
         "label": 2, "label_text": "contradiction", "pair_id": "drone_strike/a:1|drone_strike/b:1",
         "premise_id": "drone_strike/a:1", "hypothesis_id": "drone_strike/b:1",
         "cluster": "drone_strike", "reviewer": "alice", "relation": "conflict", "decision": "accepted"}
    """
    recs = nli_records(data)
    return len(recs), json_lines(recs)
