"""Build the export records from what is already loaded: the cluster, the engine's links and the
re-anchored reviews (sidecar data). No file is read here.

An anchor whose sentence is gone is kept with ``orphan=True`` and its stored quote as the text.
Records are sorted (reviewer, article order, sentence, label) so every output is deterministic.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable, Sequence

from reviewer.export.model import End, ExportData, LinkRow, NoteRow, TagRow
from reviewer.models import Article, Cluster, Link

_NO_META = {"date": None, "source": None, "title": None, "url": None, "path": None}


# --------------------------------------------------------------------------- evidence

def evidence_dicts(link: Link) -> list[dict]:
    """The engine's evidence of a link as JSON-ready dicts, oriented as the link is stored."""
    return [{"kind": e.kind, "a": e.a, "b": e.b, "a_span": list(e.a_span), "b_span": list(e.b_span)}
            for e in link.evidence]


def oriented(evidence: Iterable[dict], flip: bool) -> list[dict]:
    """Evidence dicts (copies), with their a and b sides swapped when ``flip``: the one place a
    link's evidence is turned around to face the other way."""
    if not flip:
        return [{"kind": e["kind"], "a": e["a"], "b": e["b"], "a_span": list(e["a_span"]),
                 "b_span": list(e["b_span"])} for e in evidence]
    return [{"kind": e["kind"], "a": e["b"], "b": e["a"], "a_span": list(e["b_span"]), "b_span": list(e["a_span"])}
            for e in evidence]


def link_key(link: Link) -> frozenset[tuple[str, int]]:
    return frozenset([(link.a.article, link.a.sentence), (link.b.article, link.b.sentence)])


# --------------------------------------------------------------------------- ends

def article_meta(a: Article, folder: Path) -> dict:
    """An article's date, source, title, url and path (relative to the cluster folder)."""
    try:
        path = os.path.relpath(os.path.abspath(a.path), os.path.abspath(folder))
    except ValueError:  # another drive on Windows
        path = a.path
    return {"date": a.date, "source": a.source, "title": a.title, "url": a.url, "path": Path(path).as_posix()}


class _Ends:
    """Turns anchors and sentences into Ends, and sorts them in article order."""

    def __init__(self, cluster: Cluster, folder: Path):
        self.order = {a.id: i for i, a in enumerate(cluster.articles)}
        self.metas = {a.id: article_meta(a, folder) for a in cluster.articles}
        self.sentences = {(a.id, s.index): (a, s) for a in cluster.articles for s in a.sentences}

    def of_anchor(self, anchor) -> End:
        meta = self.metas.get(anchor.article, dict(_NO_META))
        return End(anchor.article, anchor.sentence, anchor.start, anchor.end, anchor.quote, anchor.orphan, meta)

    def of_sentence(self, key: tuple[str, int]) -> End:
        article, s = self.sentences[key]
        return End(article.id, s.index, s.start, s.end, s.text, False, self.metas[article.id])

    def sort_key(self, e: End):
        return (self.order.get(e.article, len(self.order)), e.article, e.sentence, e.orphan, e.text)


# --------------------------------------------------------------------------- building

def build_data(cluster: Cluster, links: Sequence[Link], reviews: Sequence, *, folder: str | os.PathLike[str],
               sidecars: Sequence[str | os.PathLike[str]] = (), labels: Sequence = (),
               include_suggestions: bool = False) -> ExportData:
    """The ExportData of a loaded cluster: ``links`` are the engine's suggestions (they give the
    evidence of reviewed links, and with ``include_suggestions`` the predicted records);
    ``reviews`` are sidecar data already re-anchored to the cluster's sentences; ``folder`` is
    the cluster folder (its name names the cluster; article paths are relative to it);
    ``sidecars`` are the files the reviews came from (named in the summary and never
    overwritten); ``labels`` are the config's labels (colours and the Label Studio choices)."""
    folder = Path(folder)
    data = ExportData(cluster=cluster, name=folder.resolve().name or "cluster", folder=folder,
                      reviewers=sorted({r.reviewer for r in reviews}), sidecars=[Path(p) for p in sidecars],
                      labels=list(labels), suggested=list(links), include_suggestions=include_suggestions)
    ends = _Ends(cluster, folder)
    by_pair: dict[frozenset, Link] = {}
    for l in links:
        by_pair.setdefault(link_key(l), l)
    decided: set[frozenset] = set()
    for r in sorted(reviews, key=lambda r: r.reviewer):
        data.orphans += _add_tags_and_notes(data, r, ends)
        data.orphans += _add_reviewed_links(data, r, ends, by_pair, decided)
    data.tags.sort(key=lambda t: (t.reviewer, ends.sort_key(t.end), t.label))
    data.notes.sort(key=lambda n: (n.reviewer, ends.sort_key(n.end)))
    data.all_notes.sort(key=lambda n: (n.reviewer, ends.sort_key(n.end)))
    data.links.sort(key=lambda l: (l.reviewer or "", ends.sort_key(l.a), ends.sort_key(l.b), l.relation))
    if include_suggestions:
        data.links.extend(_predicted(links, decided, ends))
    return data


def _add_tags_and_notes(data: ExportData, review, ends: _Ends) -> int:
    """Add one reviewer's tags and notes: every note is its own note record (``data.notes``), also
    on a sentence the reviewer tagged. ``TagRow.note`` names the sentence's single note for the
    formats without note records (Prodigy's ``meta.note``); jsonl and csv leave it out of the tag
    records, so a note is counted once. Returns the number of orphaned anchors."""
    orphans = 0
    notes_here: dict[tuple, list[str]] = {}
    mine: list[NoteRow] = []
    for n in review.notes:
        e = ends.of_anchor(n.anchor)
        mine.append(NoteRow(review.reviewer, e, n.text, n.time))
        notes_here.setdefault((e.key(), e.orphan, e.text), []).append(n.text)
        orphans += e.orphan
    data.all_notes.extend(mine)
    data.notes.extend(mine)
    for t in review.absent:
        e = ends.of_anchor(t.anchor)
        data.absent.setdefault(review.reviewer, set()).add((e.key(), e.orphan, e.text, t.label))
    for t in review.tags:
        e = ends.of_anchor(t.anchor)
        here = notes_here.get((e.key(), e.orphan, e.text), [])
        note = here[0] if len(here) == 1 else ""
        data.tags.append(TagRow(review.reviewer, e, t.label, t.time, note))
        orphans += e.orphan
    return orphans


def _add_reviewed_links(data: ExportData, review, ends: _Ends, by_pair: dict[frozenset, Link],
                        decided: set[frozenset]) -> int:
    """Add one reviewer's links, with the engine's evidence when it suggested the same relation.
    Records every live pair in ``decided``. Returns the number of orphaned anchors."""
    orphans = 0
    for d in review.links:
        a, b = ends.of_anchor(d.a), ends.of_anchor(d.b)
        orphans += a.orphan + b.orphan
        evidence: list[dict] = []
        if not (a.orphan or b.orphan):
            decided.add(frozenset([a.key(), b.key()]))
            s = by_pair.get(frozenset([a.key(), b.key()]))
            if s is not None and s.relation == d.relation:
                evidence = oriented(evidence_dicts(s), flip=(s.a.article, s.a.sentence) != a.key())
        data.links.append(LinkRow(review.reviewer, a, b, d.relation, d.decision, d.origin, d.score, evidence,
                                  d.note, d.time))
    return orphans


def _predicted(links: Sequence[Link], decided: set[frozenset], ends: _Ends) -> list[LinkRow]:
    """The suggestions nobody reviewed, as ``predicted`` records in article order."""
    out = []
    for l in links:
        ka, kb = (l.a.article, l.a.sentence), (l.b.article, l.b.sentence)
        if frozenset([ka, kb]) in decided or ka not in ends.sentences or kb not in ends.sentences:
            continue
        out.append(LinkRow(None, ends.of_sentence(ka), ends.of_sentence(kb), l.relation, "predicted",
                           "prediction", round(float(l.score), 4), evidence_dicts(l)))
    out.sort(key=lambda l: (ends.sort_key(l.a), ends.sort_key(l.b), l.relation))
    return out
