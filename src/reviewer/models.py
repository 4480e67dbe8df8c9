"""Plain data shared by every part of reviewer (no behaviour, no Textual)."""

from __future__ import annotations

from dataclasses import dataclass, field

# NLI labels of sentence pairs (``export --format nli`` and ``align-batch --nli``): a link's
# relation gives its label; a rejected link is neutral.
NLI_LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}
NLI_LABEL_OF_RELATION = {"match": 0, "conflict": 2}
NLI_NEUTRAL = 1


def pair_vote(decisions) -> int:
    """One reviewer's NLI label for a pair from the (relation, decision) of each link it stored
    for it (usually one): an accepted conflict wins, then an accepted match, then rejected
    (neutral). What ``export --resolve``, ``agree`` and ``--adjudicate`` all count."""
    votes = [NLI_LABEL_OF_RELATION.get(r, NLI_LABEL_OF_RELATION["conflict"]) if d == "accepted" else NLI_NEUTRAL
             for r, d in decisions]
    return max(votes, key=lambda v: (v != NLI_NEUTRAL, v))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article: ``text == article.body[start:end]``, except in a ``.md``
    article, where ``text`` is that span with its Markdown markup left out (the body is the
    file's with the markup blanked to spaces: offsets into it are offsets into the file).
    Such a sentence keeps the file's span in ``source`` and each text character's offset in
    the file in ``source_at``: the alignment JSON gives the file's span as ``text``, as the
    contract says, and the clean text as ``plain``."""

    index: int
    start: int
    end: int
    text: str
    lang: str | None = None  # detected language (ISO 639-1 or "und"), set by the engine
    source: str | None = None  # .md only, when the markup was left out of text: the file's span
    source_at: tuple[int, ...] | None = None  # .md only: offset in the file of each character of text


@dataclass(slots=True)
class Article:
    id: str
    path: str
    body: str
    title: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD when known
    source: str | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    lang: str | None = None  # detected language (ISO 639-1 or "und"), set by the engine


@dataclass(frozen=True, slots=True)
class SentenceRef:
    article: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """One disagreement between two sentences; spans are offsets within each sentence."""

    kind: str  # number | date | weekday | negation | entity | quantity | other
    a: str
    b: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    note: str = ""  # e.g. that the articles' dates differ: the figure may have been updated


@dataclass(frozen=True, slots=True)
class Link:
    a: SentenceRef
    b: SentenceRef
    relation: str  # "match" | "conflict"
    score: float
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """A file that was skipped or a warning while loading, for the user to read."""

    path: str
    message: str
    severity: str = "error"  # "error" (skipped) or "warning" (loaded anyway)

    def one_line(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(slots=True)
class Cluster:
    articles: list[Article]
    problems: list[Problem] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for art in self.articles:
            if art.id == article_id:
                return art
        raise KeyError(article_id)
