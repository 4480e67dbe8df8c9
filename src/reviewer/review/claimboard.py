"""The claims board: the claims of a review session as the claims screen shows them (rows =
claims, columns = sources), with its sort, its filter, its cursor and the links a decision on a
claim changes. Plain data over a ``ReviewSession``; no Textual.

The claims are built from the session exactly as ``reviewer claims`` builds them from a sidecar
(``session_inputs``), so the screen and the command always agree.
"""

from __future__ import annotations

from reviewer.claims import Claim, ClaimSet, SourceMatrix, build_claims, source_matrix
from reviewer.review.session import Key, ReviewSession, ShownLink

SORTS = ("sources", "conflicts", "first")
SORT_WORDS = {"sources": "most sources first", "conflicts": "contested first", "first": "first appearance"}


def session_inputs(session: ReviewSession) -> tuple[list[ShownLink], dict[frozenset[Key], str]]:
    """(links, decisions) for ``build_claims`` from what the session shows: the suggested and
    manual links (as they are: ``build_claims`` reads their key ends), and the reviewer's
    decision of each."""
    return session.links, {s.pair(): s.decision for s in session.links if s.decision is not None}


def letter(i: int) -> str:
    """The column letter of the i-th source: A … Z, AA, AB …"""
    s, i = "", i + 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def cell(claim: Claim, article: str) -> str:
    """What ``article`` does about ``claim``: ``states``, ``contradicts``, ``both`` or ``silent``."""
    states = article in claim.sources
    against = article in claim.contradicted_by
    return "both" if states and against else "states" if states else "contradicts" if against else "silent"


class ClaimBoard:
    def __init__(self, session: ReviewSession, sort: str = "sources", contested_only: bool = False,
                 build: bool = True):
        self.session = session
        self.sort = sort
        self.contested_only = contested_only
        self.articles = [a.id for a in session.cluster.articles]  # column order, as in the columns view
        self.row = 0
        self.col = 0  # the selected source (index into articles)
        self.claims: ClaimSet
        self.matrix: SourceMatrix
        self.rows: list[int] = []
        self.claims = ClaimSet([], [], [], {})
        self.matrix = source_matrix(self.claims)
        if build:
            self.refresh()

    # ------------------------------------------------------------------ building
    def refresh(self, keep: Key | None = None) -> None:
        """Build the claims again from the session (after a change). The cursor stays on the claim
        of ``keep`` (a sentence) when given, else on the claim of the current one's first sentence."""
        if keep is None and self.rows:
            keep = self.current().sentences[0]
        links, decisions = session_inputs(self.session)
        self.claims = build_claims(self.session.cluster, links, decisions)
        self.matrix = source_matrix(self.claims)
        self._order()
        self.go_to_sentence(keep)

    def _order(self) -> None:
        claims = self.claims.claims
        if self.contested_only:
            claims = [c for c in claims if c.contested]
        if self.sort == "sources":
            key = lambda c: (-len(c.sources), -len(c.contradicted_by), c.id)
        elif self.sort == "conflicts":
            key = lambda c: (0 if c.conflicts else 1 if c.flags else 2, -len(c.contradicted_by), -len(c.sources), c.id)
        else:
            key = lambda c: c.id
        self.rows = [c.id for c in sorted(claims, key=key)]
        self.row = min(self.row, max(0, len(self.rows) - 1))

    # ------------------------------------------------------------------ questions
    def current(self) -> Claim | None:
        return self.claims.claim(self.rows[self.row]) if self.rows else None

    def claim_at(self, row: int) -> Claim:
        return self.claims.claim(self.rows[row])

    def counts(self) -> dict[str, int]:
        cs = self.claims.claims
        return {"claims": len(cs), "shared": sum(1 for c in cs if len(c.sources) > 1),
                "contested": sum(1 for c in cs if c.contested), "shown": len(self.rows),
                "inconsistencies": len(self.claims.inconsistencies)}

    def match_links(self, claim: Claim) -> list[ShownLink]:
        """The links a decision on the claim accepts or rejects: the match links inside it."""
        out = []
        for l in claim.links:
            if l.relation == "match":
                s = next((s for s in self.session.by_sentence.get(l.a, ()) if s.other(l.a) == l.b), None)
                if s is not None:
                    out.append(s)
        return out

    def target(self, claim: Claim, article: str | None = None) -> tuple[Key, str]:
        """Where ``enter`` goes: the claim's sentence in ``article`` when it states it, else that
        article's conflicting version, else the claim's first sentence in column order. Returns the
        sentence and how it relates (``states``, ``contradicts`` or ``first``)."""
        if article is not None:
            mine = [k for k in claim.sentences if k[0] == article]
            if mine:
                return mine[0], "states"
            other = [k for k in claim.conflicting_sentences() if k[0] == article]
            if other:
                return other[0], "contradicts"
        order = {a: i for i, a in enumerate(self.articles)}
        return min(claim.sentences, key=lambda k: (order.get(k[0], len(order)), k[1])), "first"

    # ------------------------------------------------------------------ moves
    def move(self, step: int) -> bool:
        new = max(0, min(len(self.rows) - 1, self.row + step))
        moved = new != self.row
        self.row = new
        return moved

    def edge(self, last: bool) -> None:
        self.row = max(0, len(self.rows) - 1) if last else 0

    def move_col(self, step: int) -> None:
        self.col = max(0, min(len(self.articles) - 1, self.col + step))

    def go_to_sentence(self, key: Key | None) -> bool:
        """Put the cursor on the row of the claim holding ``key`` (False when it is filtered out)."""
        cid = self.claims.claim_of.get(key) if key is not None else None
        if cid is not None and cid in self.rows:
            self.row = self.rows.index(cid)
            return True
        return False

    def cycle_sort(self) -> str:
        keep = self.current().sentences[0] if self.rows else None
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._order()
        self.row = 0
        self.go_to_sentence(keep)
        return self.sort

    def toggle_contested(self) -> bool:
        keep = self.current().sentences[0] if self.rows else None
        self.contested_only = not self.contested_only
        self._order()
        if not self.go_to_sentence(keep):
            self.row = 0
        return self.contested_only
