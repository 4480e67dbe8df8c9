"""The review session: everything the TUI shows and changes, without Textual.

It joins the cluster, the engine's suggested links and the reviewer's sidecar, and offers the
operations a reviewer performs (tag, accept or reject a link, make a manual link, write a note),
each undoable, plus the questions the screen asks (links of a sentence, what to show under a
filter, progress, search).
"""

from __future__ import annotations

import copy
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from reviewer.config import Label
from reviewer.models import Cluster, Evidence, Link, Sentence
from reviewer.annotations import Anchor, LinkDecision, Note, ReviewData, Tag, now
from reviewer.sidecar.reanchor import orphan_lines
from reviewer.engine.textnorm import fold, same_name, tokenize
from reviewer.textsafe import safe_text

FILTERS = ("all", "conflicts", "unreviewed", "tagged")
Key = tuple[str, int]  # (article id, sentence index)


@dataclass(frozen=True, slots=True)
class ShownLink:
    """A link as the reviewer sees it: suggested by the engine or made by hand, with its decision."""

    a: Key
    b: Key
    relation: str
    score: float | None
    evidence: tuple[Evidence, ...]
    origin: str  # suggested | manual
    decision: str | None  # accepted | rejected | None (not reviewed yet)
    note: str = ""

    def other(self, key: Key) -> Key:
        return self.b if self.a == key else self.a

    def pair(self) -> frozenset[Key]:
        return frozenset([self.a, self.b])


class ReviewSession:
    def __init__(self, cluster: Cluster, data: ReviewData, labels: list[Label], *, quotes: Cluster | None = None):
        """``cluster`` is what the screen shows; ``quotes`` the cluster as read from the files
        (when the shown one was cleaned for the terminal): anchors quote the text as read."""
        self.cluster = cluster
        self.data = data
        self.labels = labels
        self.labels_by_key = {l.key: l for l in labels if l.key}
        self.suggested: list[Link] = []
        self._undo: list[ReviewData] = []
        self.last_change = ""  # what the last undo or redo touched (describe_change)
        self._redo: list[ReviewData] = []
        self.sentences: dict[Key, Sentence] = {(a.id, s.index): s for a in cluster.articles for s in a.sentences}
        self._quoted: dict[Key, Sentence] = (self.sentences if quotes is None else
                                             {(a.id, s.index): s for a in quotes.articles for s in a.sentences})
        self.article_order = [a.id for a in cluster.articles]
        self._rebuild()

    # ------------------------------------------------------------------ derived views
    def set_suggested(self, links: list[Link]) -> None:
        self.suggested = list(links)
        self._rebuild()

    def _rebuild(self) -> None:
        decided: dict[frozenset[Key], LinkDecision] = {}
        for d in self.data.links:
            decided[d.pair()] = d
        shown: dict[frozenset[Key], ShownLink] = {}
        for l in self.suggested:
            a, b = (l.a.article, l.a.sentence), (l.b.article, l.b.sentence)
            pair = frozenset([a, b])
            d = decided.get(pair)
            if d is not None and d.origin == "manual":
                # the reviewer's own link over a suggestion (e.g. a conflict where the engine saw a
                # match): theirs is shown, with the suggestion's evidence, oriented as it is
                if not (d.a.orphan or d.b.orphan):
                    shown[pair] = ShownLink(a, b, d.relation, d.score, l.evidence, "manual", d.decision,
                                            safe_text(d.note))
                continue
            shown[pair] = ShownLink(a, b, l.relation, l.score, l.evidence, "suggested",
                                    d.decision if d is not None and d.relation == l.relation else None,
                                    safe_text(d.note) if d is not None else "")
        for pair, d in decided.items():
            if pair in shown:
                continue
            if d.a.orphan or d.b.orphan:
                continue
            shown[pair] = ShownLink(d.a.key(), d.b.key(), d.relation, d.score, (), d.origin, d.decision,
                                    safe_text(d.note))
        self.links = sorted(shown.values(), key=lambda s: (-(s.score or 1.0), sorted(s.pair())))
        # each suggested pair and its suggestion (the first, as a pair is listed once)
        self._suggested_pairs: dict[frozenset[Key], Link] = {}
        for l in self.suggested:
            self._suggested_pairs.setdefault(frozenset([(l.a.article, l.a.sentence), (l.b.article, l.b.sentence)]), l)
        self.by_sentence: dict[Key, list[ShownLink]] = defaultdict(list)
        for s in self.links:
            self.by_sentence[s.a].append(s)
            if s.b != s.a:
                self.by_sentence[s.b].append(s)
        for v in self.by_sentence.values():
            # cross-article links first, links inside one article after them
            v.sort(key=lambda s: (s.a[0] == s.b[0], s.relation != "conflict", -(s.score or 1.0)))
        self.tags_by: dict[Key, list[str]] = defaultdict(list)
        for t in self.data.tags:
            if not t.anchor.orphan:
                self.tags_by[t.anchor.key()].append(safe_text(t.label))
        # labels this reviewer decided to leave out of a sentence (the adjudicator's)
        self.absent_by: dict[Key, set[str]] = defaultdict(set)
        for t in self.data.absent:
            if not t.anchor.orphan:
                self.absent_by[t.anchor.key()].add(safe_text(t.label))
        self.notes_by: dict[Key, str] = {n.anchor.key(): safe_text(n.text) for n in self.data.notes
                                         if not n.anchor.orphan}
        self._progress: dict[str, int] | None = None

    def links_of(self, key: Key) -> list[ShownLink]:
        """The links of a sentence in a stable order (links to other articles first, then links
        inside the article; conflicts first, then by score in each): deciding
        a link never moves it, so "] x ] x" walks through them one by one."""
        return list(self.by_sentence.get(key, []))

    def is_reviewed(self, key: Key) -> bool:
        links = self.by_sentence.get(key, [])
        return bool(links) and all(l.decision is not None for l in links)

    def shows(self, key: Key, mode: str) -> bool:
        if mode == "all":
            return True
        if mode == "conflicts":
            return any(l.relation == "conflict" and l.decision != "rejected" for l in self.by_sentence.get(key, []))
        if mode == "unreviewed":
            return any(l.decision is None for l in self.by_sentence.get(key, []))
        if mode == "tagged":
            return bool(self.tags_by.get(key))
        return True

    def progress(self) -> dict[str, int]:
        if self._progress is None:
            self._progress = self._count_progress()
        return self._progress

    def _count_progress(self) -> dict[str, int]:
        # a suggestion the reviewer answered with a link of their own is a suggestion reviewed
        suggested = [l for l in self.links if l.origin == "suggested" or l.pair() in self._suggested_pairs]
        return {
            "reviewed": sum(1 for l in suggested if l.decision is not None),
            "suggested": len(suggested),
            "tagged": len(self.tags_by),
            "conflicts_open": sum(1 for l in self.links if l.relation == "conflict" and l.decision is None),
            "manual": sum(1 for l in self.links if l.origin == "manual" and l.pair() not in self._suggested_pairs),
        }

    def orphans(self) -> list[str]:
        return orphan_lines(self.data)

    # ------------------------------------------------------------------ changes (undoable)
    def _anchor(self, key: Key) -> Anchor:
        s = self._quoted.get(key) or self.sentences[key]
        return Anchor(key[0], key[1], s.start, s.end, s.text)

    def _checkpoint(self) -> None:
        self._undo.append(copy.deepcopy(self.data))
        if len(self._undo) > 500:
            self._undo.pop(0)
        self._redo.clear()

    def undo(self) -> bool:
        """Back one change; ``last_change`` then says what it touched."""
        if not self._undo:
            return False
        self._redo.append(copy.deepcopy(self.data))
        self.last_change = describe_change(self.data, self._undo[-1])
        self._restore(self._undo.pop())
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        self._undo.append(copy.deepcopy(self.data))
        self.last_change = describe_change(self.data, self._redo[-1])
        self._restore(self._redo.pop())
        return True

    def _restore(self, data: ReviewData) -> None:
        cursor = self.data.cursor
        self.data.tags, self.data.notes, self.data.links = data.tags, data.notes, data.links
        self.data.absent = data.absent
        self.data.cursor = cursor
        self._rebuild()

    def toggle_label(self, key: Key, label: str) -> bool:
        """Returns True when the label is now on the sentence."""
        self._checkpoint()
        before = len(self.data.tags)
        self.data.tags = [t for t in self.data.tags if not (t.anchor.key() == key and t.label == label and not t.anchor.orphan)]
        on = len(self.data.tags) == before
        if on:
            self.data.tags.append(Tag(self._anchor(key), label, now()))
        self._rebuild()
        return on

    def cycle_disputed_label(self, key: Key, label: str) -> str:
        """The adjudicator's decision on a label the reviewers set differently, in turn: kept (a
        tag), left out (an absent label: dropped by ``--resolve adjudicated`` even where most set
        it), undecided. One undoable step; returns "kept", "left out" or "undecided"."""
        self._checkpoint()
        mine = lambda t: t.anchor.key() == key and t.label == label and not t.anchor.orphan  # noqa: E731
        tagged = any(mine(t) for t in self.data.tags)
        absent = any(mine(t) for t in self.data.absent)
        self.data.tags = [t for t in self.data.tags if not mine(t)]
        self.data.absent = [t for t in self.data.absent if not mine(t)]
        if tagged:
            self.data.absent.append(Tag(self._anchor(key), label, now()))
            state = "left out"
        elif absent:
            state = "undecided"
        else:
            self.data.tags.append(Tag(self._anchor(key), label, now()))
            state = "kept"
        self._rebuild()
        return state

    def decide(self, link: ShownLink, decision: str | None, *, note_to: Key | None = None) -> bool:
        """Accept or reject a link; deciding the same again clears the decision. A decision toggle
        never drops a note: a link note is part of its decision (the sidecar keeps accepted or
        rejected links only), so when a link with a note goes back to undecided, its note is
        kept as the note of sentence ``note_to`` (the cursor's), in the same undoable step. When
        that sentence has a note already (two notes are never merged into one), or no ``note_to``
        is given, nothing changes and the answer is False (clear one of the notes first).
        A decision that stays keeps the fields of its entry this version does not know (``extra``)."""
        pair = link.pair()
        engine = self.overridden(link)
        if engine is not None and decision is not None:
            # the reviewer's own link over a suggestion of another relation: a / x answer the
            # suggestion itself, which comes back in its place, accepted or rejected (stop 24)
            self._back_to_suggestion(pair, engine, decision)
            return True
        old = next((d for d in self.data.links if d.pair() == pair), None)
        note = old.note if old is not None else ""  # as written, not as shown
        back_to_undecided = decision is None or (link.decision == decision and link.origin == "suggested")
        move_note = bool(note.strip()) and back_to_undecided and link.origin == "suggested"
        if move_note and (note_to is None or note_to not in self.sentences or self._has_note(note_to)):
            return False
        self._checkpoint()
        kept = [d for d in self.data.links if d.pair() != pair]
        if decision is not None and not (link.decision == decision and link.origin == "suggested"):
            kept.append(self._decision(old, link, link.relation, decision, link.origin, link.score, note))
        elif link.origin == "manual":
            # a manual link toggled off again is kept, rejected, so the reviewer sees what they undid
            kept.append(self._decision(old, link, link.relation, "rejected" if link.decision == "accepted" else "accepted",
                                       "manual", None, note))
        if move_note:
            self.data.notes.append(Note(self._anchor(note_to), note, now()))
        self.data.links = kept
        self._rebuild()
        return True

    def overridden(self, link: ShownLink) -> str | None:
        """The relation the engine suggested for the pair of ``link`` when ``link`` is the
        reviewer's own link of another relation over that suggestion; else None."""
        if link.origin != "manual" or link.pair() not in self._suggested_pairs:
            return None
        engine = self._suggested_pairs[link.pair()]
        return engine.relation if engine.relation != link.relation else None

    def _back_to_suggestion(self, pair: frozenset[Key], relation: str, decision: str) -> ShownLink | None:
        """The engine's suggestion for ``pair`` in place of the reviewer's own link, with
        ``decision``: one undoable step; the note and unknown fields of the entry are kept."""
        self._checkpoint()
        prev = next((d for d in self.data.links if d.pair() == pair), None)
        self.data.links = [d for d in self.data.links if d.pair() != pair]
        self._rebuild()
        shown = next((l for l in self.links if l.pair() == pair), None)
        if shown is not None:
            self.data.links.append(self._decision(prev, shown, relation, decision, "suggested", shown.score,
                                                  prev.note if prev is not None else ""))
            self._rebuild()
        return next((l for l in self.links if l.pair() == pair), None)

    def _has_note(self, key: Key) -> bool:
        return any(n.anchor.key() == key and not n.anchor.orphan and n.text.strip() for n in self.data.notes)

    def _decision(self, old: LinkDecision | None, link: ShownLink, relation: str, decision: str, origin: str,
                  score: float | None, note: str) -> LinkDecision:
        """The new entry of a decision; the old entry's unknown fields (``extra``) carried over.
        A link shown as suggested with no score was made by people, not the engine (adjudicating,
        another reviewer's link by hand): the decision on it is saved as a manual link."""
        if origin == "suggested" and score is None:
            origin = "manual"
        return LinkDecision(self._anchor(link.a), self._anchor(link.b), relation, decision, origin, score, note, now(),
                            extra=dict(old.extra) if old is not None and old.extra else {})

    def decide_many(self, links: list[ShownLink], decision: str) -> bool:
        """Accept or reject several links (a claim's) as ONE undoable step; when every one of them
        already has that decision, they all go back to undecided (manual links, and links with a
        note, stay as they are: a toggle never drops a note). False when nothing changed."""
        target = None if all(l.decision == decision for l in links) else decision
        change = [l for l in links if l.decision != target
                  and not (target is None and (l.origin == "manual" or l.note.strip()))]
        if not change:
            return False
        self._checkpoint()
        pairs = {l.pair() for l in change}
        olds = {d.pair(): d for d in self.data.links if d.pair() in pairs}
        kept = [d for d in self.data.links if d.pair() not in pairs]
        if target is not None:
            kept += [self._decision(olds.get(l.pair()), l, l.relation, target, l.origin, l.score,
                                    olds[l.pair()].note if l.pair() in olds else l.note) for l in change]
        self.data.links = kept
        self._rebuild()
        return True

    def toggle_label_many(self, keys: list[Key], label: str) -> bool:
        """Tag every sentence of ``keys`` (a claim's) with ``label`` as ONE undoable step, or, when
        all of them have it already, untag them all. Returns True when the label is now on."""
        keys = [k for k in keys if k in self.sentences]
        on = not all(label in self.tags_by.get(k, ()) for k in keys)
        self._checkpoint()
        wanted = set(keys)
        if on:
            self.data.tags += [Tag(self._anchor(k), label, now()) for k in keys if label not in self.tags_by.get(k, ())]
        else:
            self.data.tags = [t for t in self.data.tags
                              if not (t.label == label and not t.anchor.orphan and t.anchor.key() in wanted)]
        self._rebuild()
        return on

    def link_by_hand(self, a: Key, b: Key, relation: str) -> tuple[ShownLink | None, str]:
        """The reviewer links ``a`` and ``b`` (mark, then = or !). A suggested link of that
        relation between them is accepted (it stays the engine's, with its score and evidence);
        one of the other relation is answered with the reviewer's link, which keeps showing the
        suggestion's evidence; else a manual link is made. Returns the link and what was done:
        "accepted", "already accepted", "over the suggestion" or "made"."""
        pair = frozenset([a, b])
        old = next((l for l in self.links if l.pair() == pair), None)
        if a != b and old is not None and old.origin == "suggested" and old.relation == relation:
            if old.decision == "accepted":
                return old, "already accepted"
            self.decide(old, "accepted")
            return next((l for l in self.links if l.pair() == pair), None), "accepted"
        engine = self._suggested_pairs.get(pair)
        if a != b and old is not None and engine is not None and engine.relation == relation:
            # the reviewer's own link had replaced this suggestion: the suggestion, accepted, comes
            # back in its place (one undoable step; the note is kept)
            return self._back_to_suggestion(pair, relation, "accepted"), "accepted"
        link = self.add_manual_link(a, b, relation)
        return link, "over the suggestion" if pair in self._suggested_pairs and link is not None else "made"

    def add_manual_link(self, a: Key, b: Key, relation: str) -> ShownLink | None:
        if a == b:
            return None
        self._checkpoint()
        pair = frozenset([a, b])
        old = next((d for d in self.data.links if d.pair() == pair), None)  # its note is kept (never dropped)
        self.data.links = [d for d in self.data.links if d.pair() != pair]
        self.data.links.append(LinkDecision(self._anchor(a), self._anchor(b), relation, "accepted", "manual", None,
                                            old.note if old is not None else "", now(),
                                            extra=dict(old.extra) if old is not None and old.extra else {}))
        self._rebuild()
        return next((l for l in self.links if l.pair() == pair), None)

    def set_sentence_note(self, key: Key, text: str) -> None:
        self._checkpoint()
        self.data.notes = [n for n in self.data.notes if n.anchor.key() != key or n.anchor.orphan]
        if text.strip():
            self.data.notes.append(Note(self._anchor(key), text, now()))
        self._rebuild()

    def set_link_note(self, link: ShownLink, text: str) -> bool:
        """A note on a decided link (a link note is part of its decision). False if undecided."""
        pair = link.pair()
        existing = next((d for d in self.data.links if d.pair() == pair), None)
        if existing is None:
            return False
        from dataclasses import replace

        self._checkpoint()
        self.data.links = [d for d in self.data.links if d.pair() != pair] + [replace(existing, note=text, time=now())]
        self._rebuild()
        return True

    # ------------------------------------------------------------------ search
    def search(self, query: str, limit: int = 200) -> list[Key]:
        """Sentences that fuzzy-match ``query`` (rapidfuzz partial ratio), in reading order of relevance."""
        q = query.strip()
        if not q:
            return []
        keys = list(self.sentences)
        texts = [self.sentences[k].text for k in keys]
        lowered = q.lower()
        exact = [k for k, t in zip(keys, texts) if lowered in t.lower()]
        fuzzy = process.extract(q, texts, scorer=fuzz.partial_ratio, processor=str.lower, score_cutoff=80, limit=limit)
        seen = set(exact)
        out = list(exact)
        for _text, _score, idx in fuzzy:
            if keys[idx] not in seen:
                out.append(keys[idx])
                seen.add(keys[idx])
        if len(q.split()) == 1 and len(q) >= 4 and q[0].isalpha():
            # A name finds its other spellings too, as the engine reads them (Kazimi: Kadhimi, Kazemi).
            qf = fold(q)
            for k, t in zip(keys, texts):
                if k not in seen and any(tok[:1].isupper() and same_name(qf, fold(tok)) for tok, _s, _e in tokenize(t)):
                    out.append(k)
                    seen.add(k)
        order = {aid: n for n, aid in enumerate(self.article_order)}
        exact_set = set(exact)
        return sorted(out, key=lambda k: (k not in exact_set, order[k[0]], k[1]))


def describe_change(old: ReviewData, new: ReviewData) -> str:
    """What differs between two states, in words ("a note on a:3", "4 link decisions"), so that
    an undo made on one screen never silently takes back a change made on another."""
    def where(keys) -> str:
        keys = sorted(keys)
        return f" on {keys[0][0]}:{keys[0][1]}" if len(keys) == 1 else ""

    parts = []
    for noun, items in (
        ("tag", lambda d: {(t.anchor.key(), t.label) for t in d.tags}),
        ("label left out", lambda d: {(t.anchor.key(), t.label) for t in d.absent}),
        ("note", lambda d: {(n.anchor.key(), n.text) for n in d.notes}),
    ):
        changed = {k for k, _ in items(old) ^ items(new)}
        if changed:
            parts.append(f"{'a ' + noun if len(changed) == 1 else f'{len(changed)} {noun}s'}{where(changed)}")
    def decided(d: ReviewData) -> set:
        return {(frozenset((l.a.key(), l.b.key())), l.relation, l.decision) for l in d.links}

    def noted(d: ReviewData) -> set:
        return {(frozenset((l.a.key(), l.b.key())), l.note) for l in d.links}

    pairs = {x[0] for x in decided(old) ^ decided(new)}
    if pairs:
        parts.append("a link decision" if len(pairs) == 1 else f"{len(pairs)} link decisions")
    noted_pairs = {x[0] for x in noted(old) ^ noted(new)} - pairs  # the note of a link whose decision stayed
    if noted_pairs:
        parts.append("a link note" if len(noted_pairs) == 1 else f"{len(noted_pairs)} link notes")
    return ", ".join(parts) or "nothing visible"
