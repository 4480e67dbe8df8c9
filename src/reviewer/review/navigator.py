"""Where the reviewer is and how they move: cursor, selected link, mark, filter, search and
jumps along links. Plain data over a ``ReviewSession``; no Textual.

Every move only changes this state; the screen reads it afterwards and scrolls to it.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.models import Cluster
from reviewer.review.session import FILTERS, Key, ReviewSession, ShownLink

# How a filter's sentences are named in a message: "3 sentences in a conflict", "no sentence … is tagged".
_FILTER_WORDS = {"conflicts": "in a conflict", "unreviewed": "unreviewed", "tagged": "tagged"}


def open_conflict(link: ShownLink) -> bool:
    return link.relation == "conflict" and link.decision is None


class Navigator:
    def __init__(self, cluster: Cluster, session: ReviewSession):
        self.cluster = cluster
        self.session = session
        self.art_index = {a.id: i for i, a in enumerate(cluster.articles)}
        self.art = 0
        self.sent = 0
        self.link_focus = 0
        self.mark: Key | None = None
        self.filter_mode = "all"
        self.search_query = ""
        self.search_hits: list[Key] = []
        self.search_pos = -1
        self.jump_origin: tuple[Key, int] | None = None
        self.last_jump_target: Key | None = None

    # ------------------------------------------------------------------ questions
    @property
    def cursor(self) -> Key:
        return (self.cluster.articles[self.art].id, self.sent)

    def links(self) -> list[ShownLink]:
        return self.session.links_of(self.cursor)

    def focused_link(self) -> ShownLink | None:
        links = self.links()
        return links[self.link_focus % len(links)] if links else None

    def visible(self, art: int, sent: int) -> bool:
        """Shown by the filter (the others are dimmed and skipped by j/k)."""
        return self.filter_mode == "all" or self.session.shows((self.cluster.articles[art].id, sent), self.filter_mode)

    def highlight(self) -> dict[Key, ShownLink]:
        """The sentences linked to the cursor (rejected links aside), each with its link."""
        out: dict[Key, ShownLink] = {}
        for link in self.links():
            if link.decision != "rejected":
                out.setdefault(link.other(self.cursor), link)
        return out

    def n_sentences(self, art: int | None = None) -> int:
        return len(self.cluster.articles[self.art if art is None else art].sentences)

    # ------------------------------------------------------------------ moves
    def restore(self, cursor: Key | None) -> None:
        """Put the cursor where the sidecar says the reviewer stopped (if that article is here)."""
        if cursor is not None and cursor[0] in self.art_index:
            self.art = self.art_index[cursor[0]]
            self.sent = min(cursor[1], max(0, self.n_sentences() - 1))

    def go(self, art: int, sent: int) -> None:
        if art != self.art or sent != self.sent:
            self.link_focus = 0
        self.art, self.sent = art, sent
        self.session.data.cursor = self.cursor

    def go_key(self, key: Key) -> None:
        self.go(self.art_index[key[0]], key[1])

    def move(self, step: int) -> bool:
        """The next (step 1) or previous (-1) sentence of this article that the filter shows."""
        i = self.sent + step
        while 0 <= i < self.n_sentences() and not self.visible(self.art, i):
            i += step
        if 0 <= i < self.n_sentences():
            self.go(self.art, i)
            return True
        return False

    def end_message(self, step: int) -> str:
        """What to say when ``move(step)`` went nowhere."""
        where = "last" if step > 0 else "first"
        if self.filter_mode == "all":
            return f"{where} sentence of {self.cluster.articles[self.art].id}"
        shown = sum(1 for i in range(self.n_sentences()) if self.visible(self.art, i))
        what = _FILTER_WORDS.get(self.filter_mode, self.filter_mode)
        if not shown:
            return f"no sentence of {self.cluster.articles[self.art].id} is {what} (f: next filter)"
        return (f"end of the filtered list: {where} of {shown} sentence{'s' if shown != 1 else ''} {what} "
                f"in {self.cluster.articles[self.art].id} (f: next filter)")

    def edge(self, last: int) -> bool:
        n = self.n_sentences()
        for i in (range(n - 1, -1, -1) if last else range(n)):
            if self.visible(self.art, i):
                self.go(self.art, i)
                return True
        return False

    def step_to(self, pred: Callable[[Key], bool], step: int) -> bool:
        """Go to the next sentence (in reading order, wrapping around) for which ``pred`` holds,
        among those the filter shows (a jump never lands on a greyed-out sentence)."""
        order = list(self.session.sentences)
        pos = order.index(self.cursor)
        n = len(order)
        mode = self.filter_mode
        for k in range(1, n + 1):
            key = order[(pos + step * k) % n]
            if pred(key) and (mode == "all" or self.session.shows(key, mode)):
                self.go_key(key)
                return True
        return False

    def _step_and_focus(self, wanted: Callable[[ShownLink], bool], step: int) -> bool:
        by = self.session.by_sentence
        if not self.step_to(lambda k: any(wanted(l) for l in by.get(k, [])), step):
            return False
        self.link_focus = next((i for i, l in enumerate(self.links()) if wanted(l)), 0)
        return True

    def next_conflict(self, step: int) -> bool:
        """The next open conflict, with that link selected (the next search result while searching)."""
        if self.search_hits:
            self.search_step(step)
            return True
        return self._step_and_focus(open_conflict, step)

    def step_pairs(self, pairs: set[frozenset[Key]], step: int) -> tuple[int, int, bool] | None:
        """Go to the next (step 1) or previous (-1) of ``pairs`` (links, each visited once: at
        its end that comes first in reading order, the other end when the filter greys that
        one), with that link selected. Returns (its position, how many there are, whether the
        step went round the end of the list), or None when none of them is shown."""
        got = self.step_disputes(pairs, set(), step)
        return None if got is None else got[:3]

    def step_disputes(self, pairs: set[frozenset[Key]], sentences: set[Key],
                      step: int) -> tuple[int, int, bool, Key | None] | None:
        """:meth:`step_pairs` through the disputed ``pairs`` and the ``sentences`` whose labels the
        reviewers set differently, in reading order (a sentence's labels before its pairs).
        Returns (position, how many, wrapped, the sentence when the stop is its labels)."""
        order = {k: i for i, k in enumerate(self.session.sentences)}
        shown = {l.pair(): l for l in self.session.links if l.pair() in pairs}
        mode = self.filter_mode

        def visible(k: Key) -> bool:
            return mode == "all" or self.session.shows(k, mode)

        # (the orders of its ends, where the cursor lands, the pair or the sentence); a sentence's
        # one-item list sorts before the pairs whose first end it is
        items: list[tuple[list[int], Key, object]] = []
        for pair in shown:
            ends = sorted(pair, key=lambda k: order.get(k, -1))
            land = next((k for k in ends if visible(k)), None)
            if land is not None:
                items.append(([order.get(k, -1) for k in ends], land, pair))
        items += [([order[k]], k, k) for k in sentences if k in order and visible(k)]
        if not items:
            return None
        items.sort(key=lambda x: x[0])
        walk = [item for _key, _land, item in items]
        focus = self.focused_link()
        here = order[self.cursor]
        if focus is not None and focus.pair() in walk and self.cursor in focus.pair():
            i = walk.index(focus.pair()) + step
        elif self.cursor in walk:  # at a sentence whose labels are disputed, on no disputed pair
            i = walk.index(self.cursor) + step
        elif step > 0:
            i = next((n for n, (_key, land, _x) in enumerate(items) if order[land] >= here), len(walk))
        else:
            i = max((n for n, (_key, land, _x) in enumerate(items) if order[land] < here), default=-1)
        wrapped = not 0 <= i < len(walk)
        i %= len(walk)
        _key, land, item = items[i]
        self.go_key(land)
        if isinstance(item, frozenset):
            self.select(shown[item])
            return i, len(walk), wrapped, None
        return i, len(walk), wrapped, item

    def next_unreviewed(self, step: int) -> bool:
        return self._step_and_focus(lambda l: l.decision is None, step)

    def focus_link(self, step: int) -> None:
        links = self.links()
        if links:
            self.link_focus = (self.link_focus + step) % len(links)

    def select(self, link: ShownLink | None, relation: str | None = None) -> None:
        """Keep the selection on ``link`` (same pair, and relation when given) after the list changed."""
        if link is None:
            return
        for i, l in enumerate(self.links()):
            if l.pair() == link.pair() and (relation is None or l.relation == relation):
                self.link_focus = i
                return
        if relation is None:
            self.link_focus = 0

    def jump(self) -> bool:
        """Go to the sentence at the other end of the selected link (the one the inspector
        points at, rejected or not); again: the next link of the sentence we started from
        (rejected links skipped while others are left). False when that sentence has no links."""
        links = self.session.links_of(self.cursor)
        if self.jump_origin is not None and self.cursor == self.last_jump_target:
            origin, k = self.jump_origin
            links = self.session.links_of(origin)
            if not links:
                return False
            # the next link after the one we came by, in the inspector's order (one list: an
            # index into the links left after dropping the rejected ones named another link)
            after = [(k + d) % len(links) for d in range(1, len(links) + 1)]
            k = next((i for i in after if links[i].decision != "rejected"), after[0])
        else:
            origin = self.cursor
            if not links:
                return False
            k = self.link_focus % len(links)
        target = links[k].other(origin)
        self.jump_origin = (origin, k)
        self.last_jump_target = target
        self.go_key(target)
        self.select(links[k])  # keep the link we came by selected
        return True

    # ------------------------------------------------------------------ mark, filter, search
    def toggle_mark(self) -> None:
        self.mark = None if self.mark == self.cursor else self.cursor

    def next_filter(self) -> str:
        return FILTERS[(FILTERS.index(self.filter_mode) + 1) % len(FILTERS)]

    def set_filter(self, mode: str) -> bool:
        """Filter the sentences; False when the cursor is hidden and no sentence shows."""
        self.filter_mode = mode
        if self.visible(self.art, self.sent):
            return True
        return self.step_to(lambda k: self.session.shows(k, mode), 1)

    def search(self, query: str) -> bool:
        """Search all articles and go to the first result; False (and no search) when none."""
        self.search_query = query.strip()
        self.search_hits = self.session.search(self.search_query)
        self.search_pos = -1
        if not self.search_hits:
            self.search_query = ""
            return False
        self.search_step(1)
        return True

    def search_step(self, step: int) -> None:
        self.search_pos = (self.search_pos + step) % len(self.search_hits)
        self.go_key(self.search_hits[self.search_pos])

    def clear(self) -> None:
        """Leave the search, or else drop the mark."""
        if self.search_hits:
            self.search_hits, self.search_query, self.search_pos = [], "", -1
        elif self.mark is not None:
            self.mark = None
