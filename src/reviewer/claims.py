"""Claims across sources: the sentences that say the same thing, grouped, with their conflicts.

Pure core (plain data in, plain data out; no Textual, no sidecar classes). Inputs:

- the cluster (its articles and sentences),
- the links (``models.Link``: the engine's suggestions plus any manual links; a manual link
  may carry ``score=None``),
- the reviewer's decisions: a mapping from the link's two ends, ``pair_key(a, b)`` (a
  frozenset of two ``(article id, sentence index)`` keys), to ``"accepted"`` or ``"rejected"``.
  A pair absent from the mapping is open (not reviewed yet).

How claims are built (``build_claims``):

1. Every sentence starts as a claim of its own (a sentence nobody else states is a claim
   with one source: the others are silent on it).
2. Match links join claims (union-find). Accepted matches first, always: the reviewer's word
   is kept even when it makes the graph inconsistent (that is then flagged, see below). Then
   the open (undecided) matches, strongest first (score, then the pair's ends, so the order the
   links arrive in never matters). An open match never joins two claims the reviewer has
   separated (a rejected match, or an accepted conflict, between any of their sentences is a
   cut), and never joins two claims that both hold a sentence of the same article: without
   that rule, chains of loose suggestions (A1 ≈ B1 ≈ A2 ≈ C5 ...) snowball into one "claim"
   of half the cluster. Rejected matches never join anything.
3. Within-article matches (a source restating itself, e.g. a headline and the body): the
   engine's open suggestion does not group (by the rule above), but once the reviewer accepts
   it, it does: that source's cell then lists both sentences. Conflict links inside one article
   are kept (an article can contradict itself) and attach or flag like any other.
4. A conflict link (accepted or open) between two claims attaches each claim to the other as a
   contradicting version. Rejected conflicts attach nothing. A claim is contradicted by the
   sources of the sentences at the other ends of its conflict links, not by every source of the
   other claim (a source that states the other claim elsewhere, with no conflict link here,
   does not contradict it).

Consistency of the link graph (``ClaimSet.inconsistencies``):

- ``triangle``: a conflict (accepted or open) between two sentences of different articles that
  the matches put in the same claim: A ≈ B, B ≈ C but A ≠ C. One of the links is wrong; the
  conflict link and the shortest match path between its ends are reported (three links for a
  plain triangle, more when the path is longer).
- ``same-article``: the same, when the two contradicting sentences are of one article: the
  claim would have that source state two incompatible versions.
- ``rejected-match``: a match the reviewer rejected between two sentences that accepted
  matches still put in one claim (A ≈ B, B ≈ C accepted, A ≈ C rejected).

Cost: sorting the links, then near-linear union-find (path halving, union by size; the cut
sets and the article sets merged small into large, an article-set test costs at most the
number of articles); each inconsistency adds a breadth-first search inside its claim.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from reviewer.models import Cluster, Evidence, Link

Key = tuple[str, int]  # (article id, sentence index)
DECISIONS = ("accepted", "rejected")
KINDS = ("triangle", "same-article", "rejected-match")


def pair_key(a: Key, b: Key) -> frozenset[Key]:
    """The key of a link's decision: its two ends, whichever way round."""
    return frozenset((a, b))


def link_ends(link: Link) -> tuple[Key, Key]:
    return (link.a.article, link.a.sentence), (link.b.article, link.b.sentence)


class ClaimLink(NamedTuple):
    """A link as the claims see it: ends in canonical order (``a < b``) and its decision. (A named
    tuple: a syndicated cluster has tens of thousands of links, and tuples are the cheapest to make.)"""

    a: Key
    b: Key
    relation: str  # match | conflict
    score: float | None  # None: a manual link
    decision: str | None  # accepted | rejected | None (open)
    evidence: tuple[Evidence, ...] = ()  # a/b and their spans follow the ends above


@dataclass(slots=True)
class Claim:
    id: int  # 1.. in order of first appearance (article id, then sentence index)
    sentences: list[Key]  # sorted
    sources: list[str]  # article ids that state it, sorted
    links: list[ClaimLink] = field(default_factory=list)  # every link with both ends in the claim
    conflicts: dict[int, list[ClaimLink]] = field(default_factory=dict)  # other claim id -> conflict links
    contradicted_by: list[str] = field(default_factory=list)  # articles of the sentences in its conflict links
    silent: list[str] = field(default_factory=list)  # articles that neither state nor contradict it
    flags: list[str] = field(default_factory=list)  # kinds of inconsistency inside it

    def by_source(self) -> dict[str, list[int]]:
        out: dict[str, list[int]] = defaultdict(list)
        for art, i in self.sentences:
            out[art].append(i)
        return dict(out)

    def conflict_links(self) -> list[ClaimLink]:
        return [l for other in sorted(self.conflicts) for l in self.conflicts[other]]

    def conflicting_sentences(self, other: int | None = None) -> list[Key]:
        """The other ends of its conflict links (with claim ``other``, or with any): the sentences
        that state a conflicting version, sorted."""
        own = set(self.sentences)
        links = self.conflict_links() if other is None else self.conflicts.get(other, [])
        return sorted({end for l in links for end in (l.a, l.b) if end not in own})

    def decision_counts(self) -> dict[str, int]:
        """Accepted / rejected / open among its own links and the conflicts attached to it."""
        counts = {"accepted": 0, "rejected": 0, "open": 0}
        for l in self.links + self.conflict_links():
            counts[l.decision or "open"] += 1
        return counts

    @property
    def contested(self) -> bool:
        return bool(self.conflicts) or bool(self.flags)


@dataclass(frozen=True, slots=True)
class Inconsistency:
    kind: str  # triangle | same-article | rejected-match
    claim: int
    links: tuple[ClaimLink, ...]  # the offending link first, then the match path joining its ends

    def one_line(self) -> str:
        def ref(k: Key) -> str:
            return f"{k[0]}:{k[1]}"
        head, path = self.links[0], self.links[1:]
        sign = "≠" if head.relation == "conflict" else "≈ (rejected)"
        chain = ", ".join(f"{ref(l.a)} ≈ {ref(l.b)}" + ("" if l.decision is None else f" ({l.decision})")
                          for l in path)
        what = {"triangle": "conflict inside a claim",
                "same-article": "one article contradicts itself inside a claim",
                "rejected-match": "a rejected match inside a claim"}[self.kind]
        return f"claim {self.claim}: {what}: {ref(head.a)} {sign} {ref(head.b)} but {chain}"


@dataclass(slots=True)
class ClaimSet:
    articles: list[str]  # article ids, sorted
    claims: list[Claim]
    inconsistencies: list[Inconsistency]
    claim_of: dict[Key, int]  # sentence -> claim id

    def claim(self, claim_id: int) -> Claim:
        return self.claims[claim_id - 1]


# --------------------------------------------------------------------------- union-find

class _Groups:
    """Union-find over 0..n-1 (union by size, path halving) with cuts: pairs of groups that
    must stay apart. Cut sets hang on labels rather than roots, and a union keeps the label
    with the larger cut set, so each cut entry is moved O(log n) times in all."""

    def __init__(self, sources: list[str]):
        n = len(sources)
        self.parent = list(range(n))
        self.size = [1] * n
        self.label = list(range(n))  # root -> label of its cut set
        self.cuts: dict[int, set[int]] = {}
        self.sources: list[set[str] | None] = [{s} for s in sources]  # root -> its articles

    def find(self, x: int) -> int:
        parent = self.parent
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def cut(self, x: int, y: int) -> None:
        lx, ly = self.label[self.find(x)], self.label[self.find(y)]
        if lx != ly:
            self.cuts.setdefault(lx, set()).add(ly)
            self.cuts.setdefault(ly, set()).add(lx)

    def union(self, x: int, y: int, *, strict: bool) -> bool:
        """Join the groups of x and y. ``strict`` (an open suggestion): not across a cut, and
        not when both groups already hold a sentence of the same article."""
        rx, ry = self.find(x), self.find(y)
        if rx == ry:
            return True
        lx, ly = self.label[rx], self.label[ry]
        sx, sy = self.sources[rx], self.sources[ry]
        if strict:
            if ly in self.cuts.get(lx, ()):
                return False
            small_s, big_s = (sx, sy) if len(sx) <= len(sy) else (sy, sx)
            if any(a in big_s for a in small_s):
                return False
        if self.size[rx] < self.size[ry]:
            rx, ry = ry, rx
        self.parent[ry] = rx
        self.size[rx] += self.size[ry]
        small_s, big_s = (sx, sy) if len(sx) <= len(sy) else (sy, sx)
        big_s |= small_s
        self.sources[rx], self.sources[ry] = big_s, None
        big, small = self.cuts.get(lx, set()), self.cuts.get(ly, set())
        if len(big) < len(small):
            lx, ly, big, small = ly, lx, small, big
        self.label[rx] = lx
        self.cuts.pop(ly, None)
        for other in small:
            peer = self.cuts[other]
            peer.discard(ly)
            if other != lx:
                peer.add(lx)
                big.add(other)
        big.discard(ly)
        big.discard(lx)
        if big:
            self.cuts[lx] = big
        else:
            self.cuts.pop(lx, None)
        return True


# --------------------------------------------------------------------------- building

def _canonical_links(index: Mapping[Key, int], links: Iterable[Link],
                     decisions: Mapping[frozenset[Key], str]) -> list[ClaimLink]:
    """One ClaimLink per pair, ends in canonical order, in canonical order (sorted by the ends'
    positions in ``index``, the sorted sentence keys: integers compare faster than keys)."""
    known = index
    decided: dict[tuple[Key, Key], str] = {}
    for pair, d in decisions.items():
        ends = sorted(pair)
        if len(ends) == 2 and d in DECISIONS:
            decided[(ends[0], ends[1])] = d
    best: dict[tuple[int, int], ClaimLink] = {}
    relations = ("match", "conflict")
    for l in links:
        a, b = l.a, l.b
        if type(a) is not tuple:  # a SentenceRef; the review session's links carry keys already
            a = (a.article, a.sentence)
        if type(b) is not tuple:
            b = (b.article, b.sentence)
        ia, ib = known.get(a), known.get(b)
        if ia is None or ib is None or ia == ib or l.relation not in relations:
            continue
        evidence = l.evidence if type(l.evidence) is tuple else tuple(l.evidence)
        if ib < ia:
            a, b, ia, ib = b, a, ib, ia
            evidence = tuple(Evidence(e.kind, e.b, e.a, e.b_span, e.a_span) for e in evidence)
        score = l.score
        cl = ClaimLink(a, b, l.relation, None if score is None else float(score), decided.get((a, b)), evidence)
        k = (ia, ib)
        old = best.get(k)
        if old is None or _rank(cl) < _rank(old):  # one link per pair, the same whatever the order
            best[k] = cl
    return [best[k] for k in sorted(best)]


def _rank(l: ClaimLink) -> tuple:
    return (-(1.0 if l.score is None else l.score), l.relation, l.score is not None,
            tuple((e.kind, e.a, e.b, tuple(e.a_span), tuple(e.b_span)) for e in l.evidence))


def build_claims(cluster: Cluster, links: Iterable[Link],
                 decisions: Mapping[frozenset[Key], str] | None = None) -> ClaimSet:
    """Group the sentences of ``cluster`` into claims (see the module docstring). ``links`` are
    ``models.Link`` or any objects with ``a``, ``b`` (SentenceRefs or ``(article, sentence)``
    keys), ``relation``, ``score`` and ``evidence`` (the review session's ``ShownLink``)."""
    decisions = decisions or {}
    keys = sorted((a.id, s.index) for a in cluster.articles for s in a.sentences)
    index = {k: i for i, k in enumerate(keys)}
    articles = sorted({a.id for a in cluster.articles})
    all_links = _canonical_links(index, links, decisions)

    groups = _Groups([k[0] for k in keys])
    matches = [l for l in all_links if l.relation == "match"]
    for l in all_links:  # what the reviewer separated
        if (l.relation == "match" and l.decision == "rejected") or (l.relation == "conflict"
                                                                      and l.decision == "accepted"):
            groups.cut(index[l.a], index[l.b])
    for l in matches:
        if l.decision == "accepted":
            groups.union(index[l.a], index[l.b], strict=False)
    # strongest first; all_links is already in canonical order, and sorting is stable
    open_matches = sorted((l for l in matches if l.decision is None),
                          key=lambda l: -(1.0 if l.score is None else l.score))
    for l in open_matches:
        groups.union(index[l.a], index[l.b], strict=True)

    members: dict[int, list[Key]] = defaultdict(list)
    for k in keys:  # keys are sorted, so each member list is sorted and its first key is its first appearance
        members[groups.find(index[k])].append(k)
    ordered = sorted(members.values(), key=lambda m: m[0])
    claim_of: dict[Key, int] = {}
    claims: list[Claim] = []
    for n, m in enumerate(ordered, start=1):
        for k in m:
            claim_of[k] = n
        claims.append(Claim(id=n, sentences=m, sources=sorted({k[0] for k in m})))

    # links inside a claim and conflicts between claims
    suspects: list[ClaimLink] = []
    for l in all_links:
        ca, cb = claim_of[l.a], claim_of[l.b]
        if ca == cb:
            claims[ca - 1].links.append(l)
            if l.relation == "conflict" and l.decision != "rejected" or (
                    l.relation == "match" and l.decision == "rejected"):
                suspects.append(l)  # a conflict inside a claim, or a rejected match inside one
        elif l.relation == "conflict" and l.decision != "rejected":
            claims[ca - 1].conflicts.setdefault(cb, []).append(l)
            claims[cb - 1].conflicts.setdefault(ca, []).append(l)

    for c in claims:
        # the sources of the sentences that conflict with this claim's, not every source of the
        # other claim (a source that states the other version elsewhere but never conflicts here)
        against = {k[0] for k in c.conflicting_sentences()}
        stated = set(c.sources)
        c.contradicted_by = sorted(against)
        c.silent = [a for a in articles if a not in stated and a not in against]

    inconsistencies: list[Inconsistency] = []
    held: dict[int, dict[tuple[Key, Key], ClaimLink]] = {}
    for l in suspects:
        if l.relation == "match":
            kind = "rejected-match"
        else:
            kind = "same-article" if l.a[0] == l.b[0] else "triangle"
        cid = claim_of[l.a]
        if cid not in held:  # the match links that hold this claim together
            held[cid] = {(m.a, m.b): m for m in claims[cid - 1].links
                         if m.relation == "match" and m.decision != "rejected"}
        adjacency: dict[Key, list[Key]] = defaultdict(list)
        for x, y in held[cid]:
            adjacency[x].append(y)
            adjacency[y].append(x)
        path = _shortest_path(adjacency, l.a, l.b)
        chain = tuple(held[cid][(min(x, y), max(x, y))] for x, y in zip(path, path[1:]))
        inconsistencies.append(Inconsistency(kind, cid, (l,) + chain))
        if kind not in claims[cid - 1].flags:
            claims[cid - 1].flags.append(kind)
    for c in claims:
        c.flags.sort(key=KINDS.index)
    inconsistencies.sort(key=lambda i: (i.claim, KINDS.index(i.kind), i.links[0].a, i.links[0].b))
    return ClaimSet(articles=articles, claims=claims, inconsistencies=inconsistencies, claim_of=claim_of)


def _shortest_path(adjacency: Mapping[Key, list[Key]], start: Key, goal: Key) -> list[Key]:
    """Breadth-first, neighbours in sorted order: the same path whatever the input order."""
    prev: dict[Key, Key | None] = {start: None}
    queue = deque([start])
    while queue:
        x = queue.popleft()
        if x == goal:
            break
        for y in sorted(adjacency.get(x, ())):
            if y not in prev:
                prev[y] = x
                queue.append(y)
    if goal not in prev:  # cannot happen: both ends are in one claim, joined by match links
        return [start, goal]
    path = [goal]
    while prev[path[-1]] is not None:
        path.append(prev[path[-1]])
    return path[::-1]


# --------------------------------------------------------------------------- source × source

@dataclass(frozen=True, slots=True)
class SourcePair:
    """What two sources (articles) ``a < b`` have in common, claim by claim.

    ``shared``: claims both state. ``contradicted``: pairs of conflicting claims (X ≠ Y) where
    one of the two states X and the other holds a sentence of Y in a conflict link with X (is in
    X's ``contradicted_by``), or the same the other way round. ``only_a``: claims ``a`` states on which ``b`` is silent (it neither states
    nor contradicts them); ``only_b`` the other way round."""

    a: str
    b: str
    shared: int
    contradicted: int
    only_a: int
    only_b: int


@dataclass(slots=True)
class SourceMatrix:
    articles: list[str]  # sorted
    claims_of: dict[str, int]  # article -> number of claims it states
    _shared: dict[tuple[str, str], int]
    _contradicted: dict[tuple[str, str], int]
    _covered: dict[tuple[str, str], int]  # (x, y): claims x states that y states or contradicts

    def pair(self, a: str, b: str) -> SourcePair:
        """The summary of two sources, in the order given (``only_a`` is ``a``'s)."""
        k = (a, b) if a < b else (b, a)
        return SourcePair(a, b, self._shared.get(k, 0), self._contradicted.get(k, 0),
                          self.claims_of[a] - self._covered.get((a, b), 0),
                          self.claims_of[b] - self._covered.get((b, a), 0))

    def pairs(self) -> list[SourcePair]:
        """Every two sources, ``a < b``, in sorted order."""
        arts = self.articles
        return [self.pair(arts[i], arts[j]) for i in range(len(arts)) for j in range(i + 1, len(arts))]


def source_matrix(cs: ClaimSet) -> SourceMatrix:
    """The source × source summary of a claim set. Cost: the sum over claims of the square of
    their number of sources (plus, per conflicting pair of claims, the product of theirs); the
    pairs nothing joins cost nothing until asked for."""
    shared: dict[tuple[str, str], int] = defaultdict(int)
    contradicted: dict[tuple[str, str], int] = defaultdict(int)
    covered: dict[tuple[str, str], int] = defaultdict(int)
    claims_of = {a: 0 for a in cs.articles}
    for c in cs.claims:
        src = c.sources
        for i, x in enumerate(src):
            claims_of[x] += 1
            for y in src[i + 1:]:
                shared[(x, y)] += 1
                covered[(x, y)] += 1
                covered[(y, x)] += 1
        for y in c.contradicted_by:
            if y not in src:
                for x in src:
                    covered[(x, y)] += 1
        for other in c.conflicts:
            if other <= c.id:
                continue  # each conflicting pair of claims once
            # x states one of the two claims, y holds a sentence in a conflict link with it
            o = cs.claim(other)
            hits = set()
            for states, against in ((src, c.conflicting_sentences(other)), (o.sources, o.conflicting_sentences(c.id))):
                for x in states:
                    for y in {k[0] for k in against}:
                        if x != y:
                            hits.add((x, y) if x < y else (y, x))
            for k in hits:
                contradicted[k] += 1
    return SourceMatrix(list(cs.articles), claims_of, dict(shared), dict(contradicted), dict(covered))
