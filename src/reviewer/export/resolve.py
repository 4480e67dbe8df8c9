"""``--resolve``: from one record per reviewer to one record per pair (or sentence label).

- ``all`` (default): every reviewer's records as they are, each with its ``reviewer``.
- ``reviewer:NAME``: that reviewer's records only.
- ``majority``: one record per pair with the label more than half of the reviewers who decided
  the pair gave it (a reviewer's vote is the pair's NLI label: accepted match = entailment,
  accepted conflict = contradiction, rejected = neutral); a pair without one is left out and
  counted. A sentence label is kept when more than half of all the reviewers set it.
- ``unanimous``: the same, but every reviewer must have decided the pair and agree; a label must
  be set by every reviewer.
- ``adjudicated``: the decisions of the reviewer named ``adjudicator`` (its sidecar is
  ``adjudicator.review.toml``) settle the pairs it decided; where it said nothing the majority
  of the other reviewers decides (``resolution`` says which). Labels: those the adjudicator
  set, plus those the majority of the other reviewers set, less those the adjudicator left out
  (its sidecar's ``absent_labels``).

The adjudicator is not an annotator: with ``majority`` and ``unanimous`` its decisions are set
aside (only the other reviewers vote), and only ``adjudicated`` uses them.

Pairs and sentence labels left out (no majority, not unanimous) are counted in ``left_out`` and
``labels_left_out``, which the summary line reports. A sidecar of the
adjudicator alone (no other reviewer) is read as a reviewer like any other.

Resolved records have ``reviewer`` null (``adjudicator`` where the adjudicator decided),
``resolution`` naming the rule and ``votes`` counting the reviewers' votes (the adjudicator's
own vote is not counted there). Notes are personal and are not carried into resolved exports.
Suggestions nobody reviewed (``--include-suggestions``) are kept as they are.
"""

from __future__ import annotations

from collections import Counter

from reviewer.annotations import ADJUDICATOR
from reviewer.errors import ReviewerError
from reviewer.export.model import ExportData, LinkRow, TagRow
from reviewer.models import NLI_LABEL_OF_RELATION, NLI_LABELS, NLI_NEUTRAL, pair_vote

MODES = ("all", "majority", "unanimous", "adjudicated")
RESOLVE_HELP = "all, majority, unanimous, adjudicated or reviewer:NAME"


def parse_resolve(text: str) -> str:
    """Check a ``--resolve`` value; ValueError with a readable message."""
    text = (text or "").strip()
    if text in MODES or (text.startswith("reviewer:") and text[len("reviewer:"):].strip()):
        return text
    raise ValueError(f"--resolve must be {RESOLVE_HELP}, not {text!r}")


def annotators(reviewers: list[str]) -> list[str]:
    """The reviewers whose votes count in ``majority`` / ``unanimous`` / ``adjudicated`` (and in
    ``reviewer agree``): every reviewer but the adjudicator, unless the adjudicator is alone."""
    others = [r for r in reviewers if r != ADJUDICATOR]
    return others if others else list(reviewers)


def vote_of(link: LinkRow) -> int:
    """A reviewer's vote on a pair: its NLI label (rejected = neutral)."""
    if link.decision == "accepted":
        return NLI_LABEL_OF_RELATION.get(link.relation, NLI_LABEL_OF_RELATION["conflict"])
    return NLI_NEUTRAL


def pair_key(l: LinkRow) -> tuple:
    """What makes one pair (whatever the relation): its two sentences, or, orphaned, its quotes."""
    return (l.pair(), l.orphan, l.a.text if l.orphan else "", l.b.text if l.orphan else "")


def combined_vote(links: list[LinkRow]) -> int:
    """One reviewer's vote on a pair from the links it stored for it (usually one): an accepted
    conflict wins, then an accepted match, then rejected (neutral)."""
    return pair_vote((l.relation, l.decision) for l in links)


def reviewer_votes(links: list[LinkRow], reviewers: list[str]) -> dict[tuple, dict[str, int]]:
    """Each of ``reviewers``' vote on each pair they decided (predicted records aside), by
    :func:`pair_key`: what ``--resolve`` counts, and what the HTML report calls agreed or
    disputed."""
    mine: dict[tuple, dict[str, list[LinkRow]]] = {}
    for l in links:
        if l.decision != "predicted" and l.reviewer in reviewers:
            mine.setdefault(pair_key(l), {}).setdefault(l.reviewer, []).append(l)
    return {k: {r: combined_vote(ls) for r, ls in by.items()} for k, by in mine.items()}


def _votes(counts: Counter) -> dict:
    return {NLI_LABELS[i]: counts.get(i, 0) for i in sorted(NLI_LABELS)}


def resolve(data: ExportData, mode: str) -> ExportData:
    """Apply ``mode`` to ``data`` (in place) and return it."""
    mode = parse_resolve(mode)
    data.resolve = mode
    if mode == "all":
        data.voters = list(data.reviewers)
        return data
    data.raw_tags, data.raw_links = list(data.tags), list(data.links)
    if mode.startswith("reviewer:"):
        return _one_reviewer(data, mode[len("reviewer:"):].strip())
    voters = [r for r in data.reviewers if r != ADJUDICATOR] if mode == "adjudicated" else annotators(data.reviewers)
    if mode == "adjudicated" and ADJUDICATOR not in data.reviewers:
        raise ReviewerError(f"--resolve adjudicated needs the adjudicator's sidecar ({ADJUDICATOR}.review.toml, "
                            f"written by `reviewer PATH --reviewer {ADJUDICATOR}`); none was found",
                            path=str(data.folder))
    data.voters = voters
    data.links = _resolve_links(data, mode, voters)
    data.tags = _resolve_tags(data, mode, voters)
    data.notes, data.all_notes = [], []
    return data


def _one_reviewer(data: ExportData, name: str) -> ExportData:
    if name not in data.reviewers:
        raise ReviewerError(f"--resolve reviewer:{name}: no sidecar of reviewer {name!r} "
                            f"(reviewers: {', '.join(data.reviewers) or 'none'})", path=str(data.folder))
    data.reviewers = data.voters = [name]
    data.tags = [t for t in data.tags if t.reviewer == name]
    data.notes = [n for n in data.notes if n.reviewer == name]
    data.all_notes = [n for n in data.all_notes if n.reviewer == name]
    data.links = [l for l in data.links if l.reviewer in (name, None)]
    return data


def _winner(counts: Counter, mode: str, n_voters: int) -> int | None:
    cast = sum(counts.values())
    if mode == "unanimous":
        return next(iter(counts)) if len(counts) == 1 and cast == n_voters else None
    top, n = counts.most_common(1)[0]
    return top if 2 * n > cast else None


def _resolve_links(data: ExportData, mode: str, voters: list[str]) -> list[LinkRow]:
    groups: dict[tuple, dict[str, list[LinkRow]]] = {}
    predicted: list[LinkRow] = []
    for l in data.links:
        if l.decision == "predicted":
            predicted.append(l)
        else:
            groups.setdefault(pair_key(l), {}).setdefault(l.reviewer, []).append(l)
    out: list[LinkRow] = []
    data.left_out = 0
    for by in groups.values():
        # a reviewer who stored two links for one pair: an accepted conflict wins, then an accepted match
        vote = {r: combined_vote(ls) for r, ls in by.items()}
        counts = Counter(vote[r] for r in voters if r in vote)
        time = max((l.time for r in by if r in voters or mode == "adjudicated" for l in by[r]), default="")
        if mode == "adjudicated" and ADJUDICATOR in vote:
            row = _row(by[ADJUDICATOR], vote[ADJUDICATOR], "adjudicated", counts, time)
            row.reviewer = ADJUDICATOR
            out.append(row)
            continue
        if not counts:
            continue  # decided only by the adjudicator's … nobody counted (cannot happen) or by no voter
        won = _winner(counts, mode, len(voters))
        if won is None:
            data.left_out += 1
            continue
        winners = [l for r in voters if r in by and vote[r] == won for l in by[r] if vote_of(l) == won]
        out.append(_row(winners, won, "majority" if mode == "adjudicated" else mode, counts, time))
    out.sort(key=lambda l: (_end_key(data, l.a), _end_key(data, l.b), l.relation))
    return out + predicted


def _end_key(data: ExportData, e) -> tuple:
    order = {a.id: i for i, a in enumerate(data.cluster.articles)}
    return (order.get(e.article, len(order)), e.article, e.sentence, e.orphan, e.text)


def _row(links: list[LinkRow], label: int, resolution: str, counts: Counter, time: str) -> LinkRow:
    """The resolved record of a pair: the first winning link (its ends, relation, evidence, origin
    and score), with the agreed decision. No note: notes are personal, and one reviewer's note
    under a record nobody in particular made would read as the team's."""
    t = next((l for l in links if vote_of(l) == label), links[0])
    decision = "rejected" if label == NLI_NEUTRAL else "accepted"
    return LinkRow(None, t.a, t.b, t.relation, decision, t.origin, t.score, list(t.evidence), "", time,
                   resolution=resolution, votes=_votes(counts))


def _resolve_tags(data: ExportData, mode: str, voters: list[str]) -> list[TagRow]:
    by: dict[tuple, dict[str, TagRow]] = {}
    for t in data.tags:
        by.setdefault((t.end.key(), t.end.orphan, t.end.text, t.label), {})[t.reviewer or ""] = t
    out = []
    n = len(voters)
    data.labels_left_out = data.labels_dropped = 0
    left_out_by_adjudicator = data.absent.get(ADJUDICATOR, set()) if mode == "adjudicated" else set()
    for what, who in by.items():
        k = sum(1 for r in voters if r in who)
        if mode == "unanimous":
            keep = n > 0 and k == n
        elif what in left_out_by_adjudicator and ADJUDICATOR not in who and k < n:
            # the adjudicator left out a label the reviewers set differently: gone, even where most
            # set it; once every reviewer sets it, there is no dispute and the decision is stale
            keep = False
            data.labels_dropped += 1
        else:
            keep = 2 * k > n or (mode == "adjudicated" and ADJUDICATOR in who)
        if not keep:
            if what not in left_out_by_adjudicator:  # a decision, not a label without a majority
                data.labels_left_out += k > 0  # a label only the set-aside adjudicator set is not counted
            continue
        first = next((who[r] for r in voters if r in who), None) or next(iter(who.values()))
        resolution = "adjudicated" if mode == "adjudicated" and ADJUDICATOR in who else (
            "majority" if mode == "adjudicated" else mode)
        out.append(TagRow(ADJUDICATOR if resolution == "adjudicated" else None, first.end, first.label,
                          max(t.time for r, t in who.items() if r in voters or resolution == "adjudicated"), "",
                          resolution=resolution,
                          votes={"present": k, "absent": n - k}))
    out.sort(key=lambda t: (_end_key(data, t.end), t.label))
    return out
