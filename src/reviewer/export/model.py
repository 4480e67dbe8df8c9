"""The data every export format is written from: the records gathered once, sorted, and the
summary of one export. No I/O here."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reviewer.models import Cluster, Link


@dataclass(frozen=True, slots=True)
class End:
    """One end of a record: a sentence (or, when orphaned, the quote stored in the sidecar)."""

    article: str
    sentence: int
    start: int
    end: int
    text: str
    orphan: bool
    meta: dict  # date, source, title, url, path (relative to the cluster folder)

    def key(self) -> tuple[str, int]:
        return (self.article, self.sentence)

    def ref(self) -> str:
        return f"{self.article}:{self.sentence}"

    def where(self) -> str:
        """``title · source · date`` of its article (the article id when it has no title)."""
        bits = [self.meta.get("title") or self.article]
        bits += [str(self.meta[k]) for k in ("source", "date") if self.meta.get(k)]
        return " · ".join(bits)


@dataclass(slots=True)
class TagRow:
    reviewer: str | None  # None for a resolved tag (``--resolve majority`` …)
    end: End
    label: str
    time: str
    note: str = ""
    resolution: str | None = None  # None (one reviewer's record) | majority | unanimous | adjudicated
    votes: dict | None = None  # resolved: {"present": n, "absent": n}


@dataclass(slots=True)
class NoteRow:
    reviewer: str
    end: End
    text: str
    time: str


@dataclass(slots=True)
class LinkRow:
    reviewer: str | None  # None for an engine suggestion nobody reviewed
    a: End
    b: End
    relation: str
    decision: str  # accepted | rejected | predicted
    origin: str  # suggested | manual | prediction
    score: float | None
    evidence: list[dict]  # oriented to a / b (see records.oriented)
    note: str = ""
    time: str = ""
    resolution: str | None = None  # None (one reviewer's record) | majority | unanimous | adjudicated
    votes: dict | None = None  # resolved: {"entailment": n, "neutral": n, "contradiction": n}

    def pair(self) -> frozenset[tuple[str, int]]:
        return frozenset([self.a.key(), self.b.key()])

    @property
    def orphan(self) -> bool:
        return self.a.orphan or self.b.orphan


@dataclass(slots=True)
class ExportData:
    """Everything an exporter needs, gathered once and sorted."""

    cluster: Cluster
    name: str
    folder: Path
    reviewers: list[str]
    sidecars: list[Path]
    labels: list  # config Labels
    tags: list[TagRow] = field(default_factory=list)
    notes: list[NoteRow] = field(default_factory=list)  # every note: one note record each
    all_notes: list[NoteRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)  # reviewed, then (optionally) predicted
    suggested: list[Link] = field(default_factory=list)
    orphans: int = 0
    include_suggestions: bool = False
    resolve: str = "all"  # all | majority | unanimous | reviewer:NAME | adjudicated
    left_out: int = 0  # pairs without a majority / not unanimous (resolve), left out
    labels_left_out: int = 0  # (sentence, label) some reviewer set, without a majority / not unanimous
    labels_dropped: int = 0  # (sentence, label) the adjudicator left out (--resolve adjudicated)
    voters: list[str] = field(default_factory=list)  # the reviewers whose votes were counted
    # each reviewer's own records, kept by --resolve for the HTML report's agreement figures
    raw_tags: list[TagRow] | None = None
    raw_links: list[LinkRow] | None = None
    # labels a reviewer decided to leave out of a sentence: reviewer -> {(end key, orphan, text, label)}
    # (the adjudicator's drop a label under --resolve adjudicated, even where most set it)
    absent: dict[str, set[tuple]] = field(default_factory=dict)


# the formats without sentence labels (tags): their summary line says nothing of labels left out
PAIRS_ONLY = ("nli",)


@dataclass(slots=True)
class ExportSummary:
    fmt: str
    out: str
    files: list[str]
    records: int
    reviewers: list[str]
    sidecars: list[str]
    orphans: int
    predicted: int
    problems: list[str] = field(default_factory=list)
    resolve: str = "all"
    left_out: int = 0
    warnings: list[str] = field(default_factory=list)  # e.g. one pair exported with two labels
    labels_left_out: int = 0  # sentence labels without a majority / not unanimous (formats with tags)
    labels_dropped: int = 0  # sentence labels the adjudicator left out (formats with tags)

    def one_line(self) -> str:
        who = f"{len(self.sidecars)} sidecar{'s' if len(self.sidecars) != 1 else ''}"
        if self.reviewers:
            who += f" ({', '.join(self.reviewers)})"
        n = self.records
        if self.fmt == "html":  # a report page, not records: say what it holds
            records = f"an HTML report ({n} tags, notes and links in all)"
        else:
            records = f"{n} {self.fmt} record{'s' if n != 1 else ''}"
        line = f"exported {records} from {who} to {', '.join(self.files) or self.out}"
        from reviewer.resources import seeds_sidecar_note

        note = seeds_sidecar_note(self.sidecars)
        if note:
            line += f"; {note}"
        if self.resolve != "all" and not self.resolve.startswith("reviewer:"):
            rule = {"adjudicated": "adjudication (majority where the adjudicator said nothing)"}.get(self.resolve,
                                                                                                  self.resolve)
            out = [f"{self.left_out} pair{'s' if self.left_out != 1 else ''}"]
            if self.fmt not in PAIRS_ONLY:
                n = self.labels_left_out
                out.append(f"{n} sentence label{'s' if n != 1 else ''}")
            why_out = {"unanimous": "left out, not unanimous"}.get(self.resolve, "left out without a majority")
            line += f"; resolved by {rule}: {why_out}: {', '.join(out)}"
            if self.labels_dropped and self.fmt not in PAIRS_ONLY:
                n = self.labels_dropped
                line += f"; {n} sentence label{'s' if n != 1 else ''} left out by the adjudicator"
            if self.resolve in ("majority", "unanimous") and "adjudicator" in self.reviewers and len(self.reviewers) > 1:
                line += "; the adjudicator's decisions set aside (they count with --resolve adjudicated)"
        if self.fmt == "html" and not self.sidecars:
            line += "; no sidecar: nobody has reviewed this cluster yet, the report shows the engine's suggestions"
        if self.predicted:
            line += f"; {self.predicted} unreviewed suggestions marked predicted"
        if self.orphans:
            line += f"; {self.orphans} orphaned anchors kept with their stored quotes"
        return line
