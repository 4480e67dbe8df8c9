"""What the other reviewers decided, pair by pair: the data behind ``reviewer PATH --adjudicate``
(the adjudicator sees every reviewer's decision on each link, steps through the pairs they
disagree on, and writes ``adjudicator.review.toml``, which ``export --resolve adjudicated``
reads). Plain Python: the TUI shows what it holds."""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from reviewer.export.resolve import ADJUDICATOR
from reviewer.models import NLI_LABELS, pair_vote

Key = tuple[str, int]


@dataclass
class Decisions:
    """Every reviewer's decisions, by pair: ``by_pair[pair][reviewer]`` is a list of
    (relation, decision) (usually one)."""

    reviewers: list[str]
    by_pair: dict[frozenset, dict[str, list[tuple[str, str]]]] = field(default_factory=dict)
    sidecars: list[Path] = field(default_factory=list)
    labels: dict[Key, dict[str, set[str]]] = field(default_factory=dict)  # sentence -> reviewer -> labels set
    notes: dict[frozenset, dict[str, str]] = field(default_factory=dict)  # pair -> reviewer -> their note on it

    @functools.cached_property
    def label_disputes(self) -> dict[Key, dict[str, list[str]]]:
        """Labels some reviewers set on a sentence and others did not (``reviewer agree``'s label
        disagreements): sentence -> label -> the reviewers who set it. None with one reviewer.
        Worked out once: the other reviewers' sidecars do not change while adjudicating."""
        out: dict[Key, dict[str, list[str]]] = {}
        for key, by in (self.labels.items() if len(self.reviewers) >= 2 else ()):
            for label in sorted(set().union(*by.values())):
                who = sorted(r for r, ls in by.items() if label in ls)
                if 0 < len(who) < len(self.reviewers):
                    out.setdefault(key, {})[label] = who
        return out

    def vote(self, pair: frozenset, reviewer: str) -> int | None:
        """The reviewer's NLI label for the pair (an accepted conflict wins over an accepted match)."""
        said = self.by_pair.get(pair, {}).get(reviewer, [])
        return pair_vote(said) if said else None

    def disputed(self, pair: frozenset) -> bool:
        """The reviewers who decided the pair do not all give it one label (a reviewer's vote
        is the pair's NLI label, as ``export --resolve`` counts it: rejected = neutral)."""
        return len({self.vote(pair, r) for r in self.by_pair.get(pair, {})}) > 1

    def disputed_pairs(self) -> set[frozenset]:
        return {p for p in self.by_pair if self.disputed(p)}

    def unsuggested_links(self, suggested: Sequence) -> list:
        """A link for each pair the engine does not suggest that a reviewer accepted or that is
        disputed (reviewers linked it by hand, or an earlier alignment suggested it), so the
        adjudicator sees every link the export will resolve and can decide it: the relation most
        reviewers accepted (a conflict on a tie, as :meth:`vote` ranks them), no score, no evidence."""
        from reviewer.models import Link, SentenceRef

        have = {frozenset([(l.a.article, l.a.sentence), (l.b.article, l.b.sentence)]) for l in suggested}
        accepted = {p for p, by in self.by_pair.items() if any(d == "accepted" for ds in by.values() for _r, d in ds)}
        out = []
        for pair in sorted((self.disputed_pairs() | accepted) - have, key=sorted):
            said: dict[str, int] = {}
            for decisions in self.by_pair[pair].values():
                for relation, decision in decisions:
                    said[relation] = said.get(relation, 0) + (decision == "accepted")
            relation = max(sorted(said), key=lambda r: (said[r], r == "conflict"))
            a, b = sorted(pair)
            out.append(Link(SentenceRef(*a), SentenceRef(*b), relation, None))  # type: ignore[arg-type]
        return out

    def link_disagreements(self, pair: frozenset) -> bool:
        """Two reviewers or more decided one link of the pair (one relation) differently: what
        ``reviewer agree`` lists as a link disagreement (its units are (pair, relation))."""
        said: dict[str, set[str]] = {}
        for decisions in self.by_pair.get(pair, {}).values():
            for relation, decision in decisions:
                said.setdefault(relation, set()).add(decision)
        return any(len(d) > 1 for d in said.values())

    def relations_differ(self, pair: frozenset) -> bool:
        """Disputed, though no link of it was decided differently: the reviewers decided
        different relations (bob rejected the match, alice accepted a conflict), so their labels
        for the pair differ while ``reviewer agree`` compares no decision of one link."""
        return self.disputed(pair) and not self.link_disagreements(pair)

    def decided_by(self, pair: frozenset) -> int:
        return len(self.by_pair.get(pair, {}))

    def describe(self, pair: frozenset) -> str:
        """``alice: conflict ✓ · bob: conflict ✗`` (who said what; "" when nobody decided it)."""
        parts = []
        for r in sorted(self.by_pair.get(pair, {})):
            said = ", ".join(f"{rel} {'✓' if d == 'accepted' else '✗'}" for rel, d in self.by_pair[pair][r])
            parts.append(f"{r}: {said}")
        return " · ".join(parts)

    def summary(self) -> str:
        """The start-up line, what matters first (a status bar cuts the end on a narrow
        terminal): how many disputes and the keys, the labels, where decisions go, then why the
        count of pairs may differ from ``reviewer agree``'s."""
        disputed = self.disputed_pairs()
        n = len(disputed)
        other = sum(1 for p in disputed if self.relations_differ(p))
        parts = [f"adjudicating {', '.join(self.reviewers) or 'no reviewers'}: {n} disputed pair{'s' if n != 1 else ''}"
                 " (n / N go through them)"]
        labels = self.label_disputes
        if labels:
            m = sum(len(v) for v in labels.values())
            where = ", ".join(f"{k[0]}:{k[1]} {', '.join(v)}" for k, v in sorted(labels.items())[:3])
            more = " …" if len(labels) > 3 else ""
            parts.append(f"{m} sentence label{'s' if m != 1 else ''} set by some reviewers only ({where}{more}; "
                         "shown under the sentence: its key keeps or leaves out the label)")
        parts.append(f"your decisions go to {ADJUDICATOR}.review.toml")
        if other:
            # `reviewer agree` counts a link decided by two reviewers; these pairs have none
            parts.append(f"of the pairs, {n - other} link{'s' if n - other != 1 else ''} decided differently, as "
                         f"`reviewer agree` lists them; {other} pair{'s' if other != 1 else ''} where they decided "
                         "different relations")
        return " · ".join(parts)


def label_name(label: int | None) -> str:
    return "—" if label is None else NLI_LABELS[label]


def load_decisions(cluster, paths: Sequence[str | os.PathLike[str]], own: str | os.PathLike[str] | None) -> Decisions:
    """The decisions of every sidecar beside the articles at ``paths`` except ``own`` (the
    adjudicator's), re-anchored to ``cluster``'s sentences in memory (orphans are left out).
    A sidecar that cannot be read raises ReviewerError (it names the file)."""
    from reviewer.sidecar.codec import load_sidecar
    from reviewer.sidecar.paths import sidecars_for
    from reviewer.sidecar.reanchor import reanchor_or_refuse, sentences_of

    own_path = Path(own).resolve() if own else None
    side_paths = [p for p in sidecars_for(list(paths)) if own_path is None or Path(p).resolve() != own_path]
    sentences = sentences_of(cluster)
    out = Decisions(reviewers=[], sidecars=[Path(p) for p in side_paths])
    for p in side_paths:
        data = load_sidecar(p)
        if data.reviewer == ADJUDICATOR:
            continue
        reanchor_or_refuse(data, sentences, p)
        out.reviewers.append(data.reviewer)
        for t in data.tags:
            if not t.anchor.orphan:
                out.labels.setdefault(t.anchor.key(), {}).setdefault(data.reviewer, set()).add(t.label)
        for l in data.links:
            if l.a.orphan or l.b.orphan or l.decision not in ("accepted", "rejected"):
                continue
            pair = frozenset([l.a.key(), l.b.key()])
            out.by_pair.setdefault(pair, {}).setdefault(data.reviewer, []).append((l.relation, l.decision))
            if l.note.strip():  # why they decided so: what the adjudicator needs beside the decision
                said = out.notes.setdefault(pair, {})
                said[data.reviewer] = " / ".join(filter(None, [said.get(data.reviewer, ""), " ".join(l.note.split())]))
    out.reviewers.sort()
    return out
