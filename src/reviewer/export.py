"""``reviewer export``: write the labelled data of one cluster from its sidecar(s).

Entry point: :func:`export_files` (no Textual import; the TUI's command palette calls it too).

What is read
------------
The cluster (``PATH...``, as for every command) and the sidecars: the ones given, or every
``*.review.toml`` / ``*.review.json`` in the article folder. Each sidecar is re-anchored to
the current sentences in memory; an anchor whose sentence is gone is exported with
``"orphan": true`` and its stored quote as the text, never dropped. The engine's suggested
links (``align_cached`` with the config's ``[align]`` settings) give the evidence of the
reviewed links and, with ``--include-suggestions``, the links nobody reviewed yet
(decision ``"predicted"``, origin ``"prediction"``).

Exporting never writes to a sidecar: they are only read. The output is written atomically
(a temporary file in the same folder, then a rename); ``-o -`` writes to stdout (every
format except ``nli`` with ``--split``, which writes a folder; the Label Studio labeling
config is then not written).

Output is deterministic: records are sorted (reviewer, article order, sentence, label), the
only times are those stored in the sidecars, and article paths are relative to the cluster
folder. The cluster's name is the name of that folder.

Formats: see the docstrings of :func:`to_jsonl`, :func:`to_csv`, :func:`to_nli`,
:func:`to_prodigy`, :func:`to_label_studio` and :func:`to_html`.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from reviewer.errors import ReviewerError
from reviewer.models import Article, Cluster, Link

FORMATS = ("jsonl", "csv", "nli", "prodigy", "label-studio", "html")
NLI_LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}
SPLITS = ("train", "dev", "test")


# --------------------------------------------------------------------------- gathered data

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


@dataclass(slots=True)
class TagRow:
    reviewer: str
    end: End
    label: str
    time: str
    note: str = ""


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
    evidence: list[dict]
    note: str = ""
    time: str = ""

    def pair(self) -> frozenset[tuple[str, int]]:
        return frozenset([self.a.key(), self.b.key()])


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
    notes: list[NoteRow] = field(default_factory=list)  # notes not carried by a tag record
    all_notes: list[NoteRow] = field(default_factory=list)
    links: list[LinkRow] = field(default_factory=list)  # reviewed, then (optionally) predicted
    suggested: list[Link] = field(default_factory=list)
    orphans: int = 0
    include_suggestions: bool = False


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

    def one_line(self) -> str:
        who = f"{len(self.sidecars)} sidecar{'s' if len(self.sidecars) != 1 else ''}"
        if self.reviewers:
            who += f" ({', '.join(self.reviewers)})"
        line = f"exported {self.records} {self.fmt} records from {who} to {', '.join(self.files) or self.out}"
        if self.predicted:
            line += f"; {self.predicted} unreviewed suggestions marked predicted"
        if self.orphans:
            line += f"; {self.orphans} orphaned anchors kept with their stored quotes"
        return line


# --------------------------------------------------------------------------- entry point

def parse_split(text: str | Sequence[float]) -> tuple[float, float, float]:
    """``"80/10/10"`` -> (80, 10, 10). Raises ValueError with a readable message."""
    if isinstance(text, str):
        parts = [p.strip() for p in text.replace(",", "/").replace(":", "/").split("/")]
        if len(parts) != 3:
            raise ValueError(f"--split needs three numbers train/dev/test, e.g. 80/10/10, not {text!r}")
        try:
            nums = tuple(float(p) for p in parts)
        except ValueError:
            raise ValueError(f"--split needs three numbers train/dev/test, e.g. 80/10/10, not {text!r}") from None
    else:
        nums = tuple(float(x) for x in text)
        if len(nums) != 3:
            raise ValueError("--split needs three numbers train/dev/test")
    if any(n < 0 for n in nums) or sum(nums) <= 0:
        raise ValueError(f"--split numbers must be 0 or more and not all 0, not {text!r}")
    return nums  # type: ignore[return-value]


def split_of(cluster_name: str, split: tuple[float, float, float]) -> str:
    """The split a cluster falls in: a fixed hash of its folder name (SHA-256), so every pair
    of one cluster lands in the same split, on every machine and run."""
    x = int.from_bytes(hashlib.sha256(cluster_name.encode("utf-8")).digest()[:8], "big") / 2**64
    total = sum(split)
    acc = 0.0
    for name, share in zip(SPLITS, split):
        acc += share / total
        if x < acc:
            return name
    return SPLITS[-1] if split[-1] > 0 else SPLITS[max(i for i, s in enumerate(split) if s > 0)]


def export_files(paths: Sequence[str | os.PathLike[str]], sidecars: Sequence[str | os.PathLike[str]] | None,
                 fmt: str, out: str | os.PathLike[str], include_suggestions: bool = False, config=None,
                 split: str | Sequence[float] | None = None) -> ExportSummary:
    """Export the cluster at ``paths`` with its sidecars (None or [] = every sidecar in the
    article folder) as ``fmt`` to ``out`` (``-`` = stdout). ``config`` is a Config, a config
    file path, or None (the usual search). Raises ReviewerError for anything the user can fix."""
    if fmt not in FORMATS:
        raise ReviewerError(f"unknown export format {fmt!r} (use one of: {', '.join(FORMATS)})")
    split_t = None
    if split is not None:
        if fmt != "nli":
            raise ReviewerError(f"--split applies to the nli format only, not {fmt}")
        try:
            split_t = parse_split(split)
        except ValueError as exc:
            raise ReviewerError(str(exc)) from None
    to_stdout = str(out) == "-"
    if to_stdout and split_t is not None:
        raise ReviewerError("--split writes a folder (train.jsonl, dev.jsonl, test.jsonl); give -o FOLDER, not -")

    data = gather(paths, sidecars, config, include_suggestions)
    out_path = None if to_stdout else Path(out)
    if out_path is not None:
        _refuse_inputs(out_path, data)

    files: list[str] = []
    if fmt == "jsonl":
        records, text = to_jsonl(data)
    elif fmt == "csv":
        records, text = to_csv(data)
    elif fmt == "prodigy":
        records, text = to_prodigy(data)
    elif fmt == "label-studio":
        records, text = to_label_studio(data)
    elif fmt == "html":
        records, text = to_html(data)
    else:
        rows = nli_records(data)
        records = len(rows)
        if split_t is not None:
            assert out_path is not None
            files = _write_split(out_path, data.name, rows, split_of(data.name, split_t), data.folder)
            text = None
        else:
            records, text = to_nli(data)
    if text is not None:
        if to_stdout:
            sys.stdout.write(text)
            sys.stdout.flush()
            files = ["stdout"]
        else:
            assert out_path is not None
            atomic_write(out_path, text)
            files = [str(out_path)]
            if fmt == "label-studio":
                xml_path = label_studio_config_path(out_path)
                _refuse_inputs(xml_path, data)
                atomic_write(xml_path, label_studio_config(data))
                files.append(str(xml_path))
    predicted = sum(1 for l in data.links if l.decision == "predicted")
    return ExportSummary(fmt, str(out), files, records, data.reviewers, [str(p) for p in data.sidecars],
                         data.orphans, predicted, [p.one_line() for p in data.cluster.problems])


def label_studio_config_path(out: Path) -> Path:
    """The labeling config beside OUT: OUT with its last suffix replaced by ``.xml``
    (``export.json`` -> ``export.xml``; ``tasks`` -> ``tasks.xml``)."""
    return out.with_suffix(".xml") if out.suffix and out.suffix != ".xml" else out.with_name(out.name + ".xml")


# --------------------------------------------------------------------------- gathering

def _load_config(config):
    from reviewer.config import Config, load_config

    if isinstance(config, Config):
        return config
    return load_config(config)


def gather(paths, sidecars, config=None, include_suggestions: bool = False) -> ExportData:
    from reviewer.io.articles import load_cluster
    from reviewer.engine.cache import align_cached
    from reviewer.sidecar.codec import load_sidecar
    from reviewer.sidecar.paths import sidecar_folder, sidecars_for
    from reviewer.sidecar.reanchor import reanchor_or_refuse, sentences_of

    cfg = _load_config(config)
    if not paths:
        raise ReviewerError("no article folder or files given")
    for p in paths:
        if not Path(p).exists():
            raise ReviewerError("no such file or folder", path=str(p))
    cluster = load_cluster(list(paths))
    folder = sidecar_folder(list(paths))
    name = folder.resolve().name or "cluster"
    side_paths = [Path(s) for s in sidecars] if sidecars else sidecars_for(list(paths))
    if not side_paths and not include_suggestions:
        raise ReviewerError("no sidecar (*.review.toml or *.review.json) found; give one with --sidecar FILE, "
                            "or use --include-suggestions to export the engine's suggestions alone", path=str(folder))
    reviews = [load_sidecar(p) for p in side_paths]
    sentences = sentences_of(cluster)
    for p, r in zip(side_paths, reviews):
        reanchor_or_refuse(r, sentences, p)
    suggested, _hit = align_cached(cluster, cfg.align)

    data = ExportData(cluster=cluster, name=name, folder=folder, reviewers=sorted({r.reviewer for r in reviews}),
                      sidecars=side_paths, labels=list(cfg.labels), suggested=list(suggested),
                      include_suggestions=include_suggestions)
    order = {a.id: i for i, a in enumerate(cluster.articles)}
    metas = {a.id: _article_meta(a, folder) for a in cluster.articles}
    by_pair: dict[frozenset, Link] = {}
    for l in suggested:
        by_pair.setdefault(frozenset([(l.a.article, l.a.sentence), (l.b.article, l.b.sentence)]), l)

    def end_of(anchor) -> End:
        meta = metas.get(anchor.article, {"date": None, "source": None, "title": None, "url": None, "path": None})
        return End(anchor.article, anchor.sentence, anchor.start, anchor.end, anchor.quote, anchor.orphan, meta)

    def end_key(e: End):
        return (order.get(e.article, len(order)), e.article, e.sentence, e.orphan, e.text)

    orphans = 0
    decided: set[frozenset] = set()
    for r in sorted(reviews, key=lambda r: r.reviewer):
        notes_here: dict[tuple, list[str]] = {}
        mine: list[NoteRow] = []
        for n in r.notes:
            e = end_of(n.anchor)
            mine.append(NoteRow(r.reviewer, e, n.text, n.time))
            notes_here.setdefault((e.key(), e.orphan, e.text), []).append(n.text)
            orphans += e.orphan
        data.all_notes.extend(mine)
        carried: set[tuple] = set()
        for t in r.tags:
            e = end_of(t.anchor)
            k = (e.key(), e.orphan, e.text)
            here = notes_here.get(k, [])
            note = here[0] if len(here) == 1 else ""  # several notes stay separate note records
            if note:
                carried.add(k)
            data.tags.append(TagRow(r.reviewer, e, t.label, t.time, note))
            orphans += e.orphan
        data.notes.extend(row for row in mine if (row.end.key(), row.end.orphan, row.end.text) not in carried)
        for d in r.links:
            a, b = end_of(d.a), end_of(d.b)
            orphans += a.orphan + b.orphan
            evidence: list[dict] = []
            if not (a.orphan or b.orphan):
                decided.add(frozenset([a.key(), b.key()]))
                s = by_pair.get(frozenset([a.key(), b.key()]))
                if s is not None and s.relation == d.relation:
                    evidence = _evidence(s, flip=(s.a.article, s.a.sentence) != a.key())
            data.links.append(LinkRow(r.reviewer, a, b, d.relation, d.decision, d.origin, d.score, evidence,
                                      d.note, d.time))
    data.orphans = orphans
    data.tags.sort(key=lambda t: (t.reviewer, end_key(t.end), t.label))
    data.notes.sort(key=lambda n: (n.reviewer, end_key(n.end)))
    data.all_notes.sort(key=lambda n: (n.reviewer, end_key(n.end)))
    data.links.sort(key=lambda l: (l.reviewer or "", end_key(l.a), end_key(l.b), l.relation))
    if include_suggestions:
        sents = {(a.id, s.index): (a, s) for a in cluster.articles for s in a.sentences}
        predicted = []
        for l in suggested:
            ka, kb = (l.a.article, l.a.sentence), (l.b.article, l.b.sentence)
            if frozenset([ka, kb]) in decided or ka not in sents or kb not in sents:
                continue
            ea = _sentence_end(*sents[ka], metas)
            eb = _sentence_end(*sents[kb], metas)
            predicted.append(LinkRow(None, ea, eb, l.relation, "predicted", "prediction", round(float(l.score), 4),
                                     _evidence(l, False)))
        predicted.sort(key=lambda l: (end_key(l.a), end_key(l.b), l.relation))
        data.links.extend(predicted)
    return data


def _sentence_end(article: Article, s, metas) -> End:
    return End(article.id, s.index, s.start, s.end, s.text, False, metas[article.id])


def _article_meta(a: Article, folder: Path) -> dict:
    try:
        path = os.path.relpath(os.path.abspath(a.path), os.path.abspath(folder))
    except ValueError:  # another drive on Windows
        path = a.path
    return {"date": a.date, "source": a.source, "title": a.title, "url": a.url, "path": Path(path).as_posix()}


def _evidence(link: Link, flip: bool) -> list[dict]:
    out = []
    for e in link.evidence:
        if flip:
            out.append({"kind": e.kind, "a": e.b, "b": e.a, "a_span": list(e.b_span), "b_span": list(e.a_span)})
        else:
            out.append({"kind": e.kind, "a": e.a, "b": e.b, "a_span": list(e.a_span), "b_span": list(e.b_span)})
    return out


def _refuse_inputs(out: Path, data: ExportData) -> None:
    """Never overwrite an input: a sidecar or an article file."""
    try:
        target = out.resolve()
    except OSError:
        return
    inputs = {p.resolve() for p in data.sidecars} | {Path(a.path).resolve() for a in data.cluster.articles}
    if target in inputs:
        raise ReviewerError("is an input of this export (a sidecar or an article); choose another output file",
                            path=str(out))
    from reviewer.sidecar.paths import is_sidecar_name

    if is_sidecar_name(target.name):
        raise ReviewerError("looks like a sidecar; exports are never written over sidecars", path=str(out))
    from reviewer.io.articles import is_article_file

    folders = {Path(a.path).resolve().parent for a in data.cluster.articles}
    if target.parent in folders and is_article_file(target):
        suggestion = target.name.rsplit(".", 1)[0] + ".export." + target.name.rsplit(".", 1)[-1]
        raise ReviewerError("would be read as an article of this cluster next time; name it "
                            f"{suggestion!r} (never read as an article) or write it in another folder",
                            path=str(out))


# --------------------------------------------------------------------------- writing

def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder and a
    rename, so a reader never sees half a file. Raises ReviewerError naming the file."""
    from reviewer.atomic import write_atomic

    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ReviewerError("is a folder; give a file name", path=str(path))
    if not folder.is_dir():
        raise ReviewerError(f"cannot write: the folder {folder} does not exist", path=str(path))
    try:
        write_atomic(path, text, newline="")
    except OSError as exc:
        raise ReviewerError(f"cannot write ({exc.strerror or exc})", path=str(path)) from None


def _claim_cluster_name(folder: Path, cluster: str, source: Path) -> None:
    """Two clusters of the same folder name must not replace each other's records in a split
    folder: ``clusters.json`` there records which folder each cluster name came from."""
    manifest = folder / "clusters.json"
    known: dict = {}
    if manifest.exists():
        try:
            known = json.loads(manifest.read_text(encoding="utf-8"))
            if not isinstance(known, dict):
                raise ValueError("not an object")
        except (OSError, ValueError) as exc:
            raise ReviewerError(f"cannot read this split folder's list of clusters ({exc}); not overwritten",
                                path=str(manifest)) from None
    here = str(source.resolve())
    if known.get(cluster, here) != here:
        raise ReviewerError(f"this split folder already holds a different cluster named {cluster!r} "
                            f"(from {known[cluster]}); rename one of the two folders or export elsewhere",
                            path=str(folder))
    if known.get(cluster) != here:
        known[cluster] = here
        atomic_write(manifest, json.dumps(known, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def _write_split(folder: Path, cluster: str, rows: list[dict], split: str, source: Path) -> list[str]:
    """Write OUT/train.jsonl, dev.jsonl and test.jsonl. Records of other clusters already in
    them are kept (so clusters can be exported one by one into the same folder); this
    cluster's earlier records are replaced."""
    if folder.exists() and not folder.is_dir():
        raise ReviewerError("--split writes a folder, but this is a file", path=str(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ReviewerError(f"cannot create the folder ({exc.strerror or exc})", path=str(folder)) from None
    _claim_cluster_name(folder, cluster, source)
    files = []
    for name in SPLITS:
        path = folder / f"{name}.jsonl"
        kept: list[str] = []
        if path.exists():
            try:
                old = path.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ReviewerError(f"cannot read the existing split file ({exc})", path=str(path)) from None
            for lineno, line in enumerate(old.splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ReviewerError(f"existing split file is not JSON Lines ({exc.msg}); not overwritten",
                                        path=str(path), line=lineno) from None
                if not isinstance(rec, dict) or rec.get("cluster") != cluster:
                    kept.append(line)
        new = [json.dumps(dict(r, split=name), ensure_ascii=False) for r in rows] if name == split else []
        atomic_write(path, "".join(l + "\n" for l in kept + new))
        files.append(str(path))
    return files


# --------------------------------------------------------------------------- jsonl

def _end_fields(e: End) -> dict:
    return {"article": e.article, "sentence": e.sentence, "start": e.start, "end": e.end, "text": e.text,
            "orphan": e.orphan, **e.meta}


def record_dicts(data: ExportData) -> list[dict]:
    """The records of the jsonl format, in order."""
    out: list[dict] = []
    for t in data.tags:
        out.append({"type": "tag", "cluster": data.name, "reviewer": t.reviewer, **_end_fields(t.end),
                    "label": t.label, "decision": "accepted", "origin": "manual", "score": None,
                    "note": t.note, "time": t.time})
    for n in data.notes:
        out.append({"type": "note", "cluster": data.name, "reviewer": n.reviewer, **_end_fields(n.end),
                    "note": n.text, "time": n.time})
    for l in data.links:
        out.append({"type": "link", "cluster": data.name, "reviewer": l.reviewer, "relation": l.relation,
                    "decision": l.decision, "origin": l.origin,
                    "score": None if l.score is None else round(float(l.score), 4),
                    "evidence": l.evidence, "note": l.note, "time": l.time,
                    "a": _end_fields(l.a), "b": _end_fields(l.b)})
    return out


def to_jsonl(data: ExportData) -> tuple[int, str]:
    """``jsonl``: one JSON object per line; ``type`` is ``tag``, ``note`` or ``link``.

    - ``tag``: one per label on a sentence, per reviewer. ``decision`` is always ``accepted``
      and ``origin`` ``manual``; ``note`` carries the reviewer's note on that sentence.
    - ``note``: a reviewer's note on a sentence that reviewer did not tag.
    - ``link``: one per reviewed link, per reviewer (``decision`` accepted/rejected, ``origin``
      suggested/manual), then, with ``--include-suggestions``, one per suggestion nobody
      reviewed (``reviewer`` null, ``decision`` ``predicted``, ``origin`` ``prediction``).
      ``evidence`` lists the engine's evidence for the pair (spans are offsets in the
      ``a``/``b`` sentence texts); a pair of the other relation or a manual link has none.

    Every sentence carries its article id, sentence index, ``start``/``end`` offsets in the
    article body, ``text``, ``orphan`` (true: the sentence is gone and ``text`` is the quote
    stored in the sidecar) and the article's ``date``, ``source``, ``title``, ``url`` and
    ``path`` (relative to the cluster folder). Sample::

        {"type": "tag", "cluster": "drone_strike", "reviewer": "alice", "article": "a",
         "sentence": 1, "start": 75, "end": 137,
         "text": "The prime minister was not hurt in the attack, officials said.",
         "orphan": false, "date": "2021-11-07", "source": null, "title": null, "url": null,
         "path": "a.txt", "label": "contradicted", "decision": "accepted", "origin": "manual",
         "score": null, "note": "Officials: \\"not hurt\\"…", "time": "2026-01-10T09:02:00Z"}
        {"type": "link", "cluster": "drone_strike", "reviewer": "alice", "relation": "conflict",
         "decision": "accepted", "origin": "suggested", "score": 1.0,
         "evidence": [{"kind": "negation", "a": "not hurt", "b": "wounded",
                       "a_span": [23, 31], "b_span": [23, 30]}],
         "note": "", "time": "2026-01-10T09:10:00Z",
         "a": {"article": "a", "sentence": 1, "start": 75, "end": 137, "text": "…", "orphan": false, …},
         "b": {"article": "b", "sentence": 1, "start": 73, "end": 134, "text": "…", "orphan": false, …}}
    """
    recs = record_dicts(data)
    return len(recs), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


# --------------------------------------------------------------------------- csv

CSV_COLUMNS = (
    "type", "cluster", "reviewer",
    "article", "sentence", "start", "end", "text", "orphan", "date", "source", "title", "url", "path",
    "label", "relation", "decision", "origin", "score", "evidence", "note", "time",
    "b_article", "b_sentence", "b_start", "b_end", "b_text", "b_orphan", "b_date", "b_source", "b_title",
    "b_url", "b_path",
)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False) if v else ""
    return str(v)


def to_csv(data: ExportData) -> tuple[int, str]:
    """``csv``: the records of ``jsonl``, flat, one header row, columns in this fixed order::

        type,cluster,reviewer,article,sentence,start,end,text,orphan,date,source,title,url,path,
        label,relation,decision,origin,score,evidence,note,time,
        b_article,b_sentence,b_start,b_end,b_text,b_orphan,b_date,b_source,b_title,b_url,b_path

    A link's first end fills ``article``…``path`` and its second end the ``b_`` columns; a tag
    fills ``label`` and a link ``relation``. ``evidence`` is the JSON list of the jsonl format
    (empty when there is none); booleans are ``true``/``false``; a missing value is empty.
    UTF-8 without BOM, LF line ends; fields with commas, quotes or newlines are quoted by
    Python's csv module (RFC 4180 quoting). Sample::

        type,cluster,reviewer,article,sentence,start,end,text,orphan,…,label,relation,decision,…
        tag,drone_strike,alice,a,0,0,74,Three drones hit the residence …,false,…,contradicted,,accepted,…
        link,drone_strike,alice,a,1,75,137,"The prime minister was not hurt in the attack, officials said.",false,…
    """
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    recs = record_dicts(data)
    for r in recs:
        row = {k: r.get(k) for k in CSV_COLUMNS}
        if r["type"] == "link":
            for k, v in r["a"].items():
                row[k] = v
            for k, v in r["b"].items():
                row["b_" + k] = v
        w.writerow([_cell(row.get(k)) for k in CSV_COLUMNS])
    return len(recs), buf.getvalue()


# --------------------------------------------------------------------------- nli

def nli_records(data: ExportData) -> list[dict]:
    """The records of the nli format, in order."""
    out = []
    for l in data.links:
        if l.decision == "predicted":
            label = 0 if l.relation == "match" else 2
        elif l.decision == "accepted":
            label = 0 if l.relation == "match" else 2
        else:
            label = 1
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
    return len(recs), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


# --------------------------------------------------------------------------- prodigy

PAIR_SEPARATOR = " ⟷ "


def murmur3_32(data: bytes, seed: int = 0) -> int:
    """MurmurHash3 x86 32-bit, as a signed int (the hash Prodigy's ``murmurhash`` gives)."""
    m = 0xFFFFFFFF
    c1, c2 = 0xCC9E2D51, 0x1B873593
    h = seed & m
    n = len(data)
    rounded = n & ~3
    for i in range(0, rounded, 4):
        k = int.from_bytes(data[i:i + 4], "little")
        k = (k * c1) & m
        k = ((k << 15) | (k >> 17)) & m
        k = (k * c2) & m
        h ^= k
        h = ((h << 13) | (h >> 19)) & m
        h = (h * 5 + 0xE6546B64) & m
    k = 0
    tail = n & 3
    if tail == 3:
        k ^= data[rounded + 2] << 16
    if tail >= 2:
        k ^= data[rounded + 1] << 8
    if tail >= 1:
        k ^= data[rounded]
        k = (k * c1) & m
        k = ((k << 15) | (k >> 17)) & m
        k = (k * c2) & m
        h ^= k
    h ^= n
    h ^= h >> 16
    h = (h * 0x85EBCA6B) & m
    h ^= h >> 13
    h = (h * 0xC2B2AE35) & m
    h ^= h >> 16
    return h - 0x100000000 if h >= 0x80000000 else h


def prodigy_hashes(task: dict) -> tuple[int, int]:
    """(``_input_hash``, ``_task_hash``): MurmurHash3-32 of the canonical JSON (sorted keys,
    UTF-8) of the input (``{"text": …}``), and of ``{"input": <input hash>, "label": …,
    "spans": …}`` for the task. Deterministic; the same question asked twice (two reviewers
    tagging one sentence with one label) has the same task hash, as in Prodigy."""
    inp = murmur3_32(json.dumps({"text": task["text"]}, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    key = {"input": inp, "label": task.get("label"), "spans": task.get("spans", [])}
    return inp, murmur3_32(json.dumps(key, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def prodigy_records(data: ExportData) -> list[dict]:
    out = []
    for t in data.tags:
        e = t.end
        meta = {"cluster": data.name, "reviewer": t.reviewer, "article": e.article, "sentence": e.sentence,
                "start": e.start, "end": e.end, "orphan": e.orphan, **{k: v for k, v in e.meta.items()},
                "note": t.note, "time": t.time}
        task = {"text": e.text, "label": t.label,
                "spans": [{"start": 0, "end": len(e.text), "label": t.label}],
                "meta": meta, "answer": "accept", "_annotator_id": t.reviewer}
        out.append(task)
    for l in data.links:
        text = l.a.text + PAIR_SEPARATOR + l.b.text
        off = len(l.a.text) + len(PAIR_SEPARATOR)
        spans = []
        for ev in l.evidence:
            spans.append({"start": ev["a_span"][0], "end": ev["a_span"][1], "label": ev["kind"], "text": ev["a"]})
            spans.append({"start": off + ev["b_span"][0], "end": off + ev["b_span"][1], "label": ev["kind"],
                          "text": ev["b"]})
        spans.sort(key=lambda s: (s["start"], s["end"]))
        answer = {"accepted": "accept", "rejected": "reject"}.get(l.decision, "ignore")
        meta = {"cluster": data.name, "reviewer": l.reviewer, "relation": l.relation, "decision": l.decision,
                "origin": l.origin, "score": l.score, "a": l.a.ref(), "b": l.b.ref(),
                "a_end": len(l.a.text), "b_start": off,
                "a_source": l.a.meta.get("source"), "a_date": l.a.meta.get("date"), "a_path": l.a.meta.get("path"),
                "b_source": l.b.meta.get("source"), "b_date": l.b.meta.get("date"), "b_path": l.b.meta.get("path"),
                "orphan": l.a.orphan or l.b.orphan, "note": l.note, "time": l.time}
        task = {"text": text, "label": l.relation, "spans": spans, "meta": meta, "answer": answer}
        if l.reviewer is not None:
            task["_annotator_id"] = l.reviewer
        out.append(task)
    for task in out:
        task["_input_hash"], task["_task_hash"] = prodigy_hashes(task)
    return out


def to_prodigy(data: ExportData) -> tuple[int, str]:
    """``prodigy``: Prodigy's JSONL task format (load with ``prodigy db-in DATASET FILE``).

    - A tag is a binary classification task on the sentence: ``text``, ``label``, one span
      over the whole sentence with that label, ``answer: "accept"``.
    - A link is a task on the pair ``text = A + " ⟷ " + B`` with ``label`` ``match`` or
      ``conflict``; ``answer`` is ``accept`` (accepted), ``reject`` (rejected) or ``ignore``
      (an unreviewed suggestion, with ``--include-suggestions``: never trained on).
      ``spans`` are the evidence words on both sides, labelled by kind (``number``,
      ``negation`` …); ``meta.a_end`` / ``meta.b_start`` say where A ends and B starts.
    - ``meta`` holds the reviewer, cluster, article ids, offsets, source, date, note and time
      (Prodigy shows it in the corner of the card); ``_annotator_id`` is the reviewer.
    - ``_input_hash`` / ``_task_hash`` are signed 32-bit MurmurHash3 values, like Prodigy's,
      computed from the canonical JSON of the text, and of the input hash + label + spans
      (see :func:`prodigy_hashes`). They are stable across runs and machines but not
      bit-identical to Prodigy's own ``set_hashes``; Prodigy only needs them stable. Sample::

        {"text": "The prime minister was not hurt in the attack, officials said. ⟷ The prime minister
         was wounded in the attack, officials said.", "label": "conflict",
         "spans": [{"start": 23, "end": 31, "label": "negation", "text": "not hurt"},
                   {"start": 88, "end": 95, "label": "negation", "text": "wounded"}],
         "meta": {"cluster": "drone_strike", "reviewer": "alice", "relation": "conflict",
                  "decision": "accepted", "a": "a:1", "b": "b:1", "a_end": 62, "b_start": 65, …},
         "answer": "accept", "_annotator_id": "alice", "_input_hash": -659452384,
         "_task_hash": 1046865668}
    """
    recs = prodigy_records(data)
    return len(recs), "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs)


# --------------------------------------------------------------------------- label studio

def _ls_labels(data: ExportData) -> list[str]:
    names = [l.name for l in data.labels]
    for t in data.tags:
        if t.label not in names:
            names.append(t.label)
    return names


def label_studio_config(data: ExportData) -> str:
    """The labeling config matching :func:`to_label_studio` (paste it in Settings → Labeling
    Interface → Code)."""
    esc = lambda s: html.escape(s, quote=True)  # noqa: E731
    labels = "\n".join(f'    <Choice value="{esc(n)}"/>' for n in _ls_labels(data))
    return f"""<View>
  <Header value="$header_a"/>
  <Text name="text_a" value="$text_a"/>
  <Header value="$header_b"/>
  <Text name="text_b" value="$text_b"/>
  <Choices name="relation" toName="text_a" choice="single" showInLine="true">
    <Choice value="match"/>
    <Choice value="conflict"/>
    <Choice value="neutral"/>
  </Choices>
  <Choices name="labels" toName="text_a" choice="multiple" showInLine="true">
{labels}
  </Choices>
  <TextArea name="note" toName="text_a" editable="true" maxSubmissions="1" placeholder="note"/>
</View>
"""


def _header(e: End) -> str:
    bits = [e.meta.get("title") or e.article]
    for k in ("source", "date"):
        if e.meta.get(k):
            bits.append(str(e.meta[k]))
    return f"{' · '.join(bits)} — sentence {e.sentence}" + (" (orphaned: quote kept in the sidecar)" if e.orphan else "")


def _ls_side(prefix: str, e: End | None) -> dict:
    if e is None:
        return {f"text_{prefix}": "", f"header_{prefix}": "", f"ref_{prefix}": ""}
    return {f"text_{prefix}": e.text, f"header_{prefix}": _header(e), f"ref_{prefix}": e.ref(),
            f"source_{prefix}": e.meta.get("source"), f"date_{prefix}": e.meta.get("date"),
            f"path_{prefix}": e.meta.get("path"), f"orphan_{prefix}": e.orphan}


def _ls_annotation(reviewer: str, results: list[dict], time: str) -> dict:
    ann: dict = {"result": results, "was_cancelled": False, "ground_truth": False}
    if time:
        ann["created_at"] = time
        ann["updated_at"] = time
    if "@" in reviewer:
        ann["completed_by"] = {"email": reviewer}
    return ann


def label_studio_tasks(data: ExportData) -> list[dict]:
    tasks: list[dict] = []
    # link pairs: one task per pair and relation, one annotation per reviewer
    pairs: dict[tuple, dict] = {}
    for l in data.links:
        key = (l.pair(), l.a.orphan or l.b.orphan, l.a.text, l.b.text) if (l.a.orphan or l.b.orphan) else (l.pair(),)
        p = pairs.get(key)
        if p is None:
            p = pairs[key] = {"a": l.a, "b": l.b, "links": []}
        p["links"].append(l)
    for p in pairs.values():
        a, b = p["a"], p["b"]
        data_ = {"kind": "pair", "cluster": data.name, **_ls_side("a", a), **_ls_side("b", b)}
        annotations, predictions, annotators = [], [], []
        for l in p["links"]:
            flip = l.a.key() != a.key()
            ev = _evidence_text(l.evidence, flip)
            if ev and "evidence" not in data_:
                data_["evidence"] = ev
            if l.reviewer is None:
                predictions.append({"model_version": "reviewer-align", "score": l.score,
                                    "result": [{"id": "pred-relation", "from_name": "relation", "to_name": "text_a",
                                                "type": "choices", "value": {"choices": [l.relation]}}]})
                continue
            choice = l.relation if l.decision == "accepted" else "neutral"
            rid = f"{len(annotations)}"
            results = [{"id": f"{rid}-relation", "from_name": "relation", "to_name": "text_a", "type": "choices",
                        "value": {"choices": [choice]}}]
            if l.note:
                results.append({"id": f"{rid}-note", "from_name": "note", "to_name": "text_a", "type": "textarea",
                                "value": {"text": [l.note]}})
            annotations.append(_ls_annotation(l.reviewer, results, l.time))
            annotators.append(l.reviewer)
            data_.setdefault("suggested_relation", l.relation if l.origin == "suggested" else None)
        data_["annotators"] = annotators
        task = {"data": data_}
        if annotations:
            task["annotations"] = annotations
        if predictions:
            task["predictions"] = predictions
        tasks.append(task)
    # tagged or annotated sentences: one task per sentence, one annotation per reviewer
    sents: dict[tuple, dict] = {}
    for t in data.tags:
        s = sents.setdefault((t.end.key(), t.end.orphan, t.end.text), {"end": t.end, "by": {}})
        r = s["by"].setdefault(t.reviewer, {"labels": [], "note": "", "time": ""})
        r["labels"].append(t.label)
        r["time"] = max(r["time"], t.time)
    for n in data.all_notes:
        s = sents.setdefault((n.end.key(), n.end.orphan, n.end.text), {"end": n.end, "by": {}})
        r = s["by"].setdefault(n.reviewer, {"labels": [], "note": "", "time": ""})
        r["note"] = n.text
        r["time"] = max(r["time"], n.time)
    for s in sents.values():
        annotations, annotators = [], []
        for reviewer in sorted(s["by"]):
            r = s["by"][reviewer]
            rid = f"{len(annotations)}"
            results = []
            if r["labels"]:
                results.append({"id": f"{rid}-labels", "from_name": "labels", "to_name": "text_a", "type": "choices",
                                "value": {"choices": sorted(r["labels"])}})
            if r["note"]:
                results.append({"id": f"{rid}-note", "from_name": "note", "to_name": "text_a", "type": "textarea",
                                "value": {"text": [r["note"]]}})
            annotations.append(_ls_annotation(reviewer, results, r["time"]))
            annotators.append(reviewer)
        tasks.append({"data": {"kind": "sentence", "cluster": data.name, **_ls_side("a", s["end"]),
                               **_ls_side("b", None), "annotators": annotators},
                      "annotations": annotations})
    return tasks


def _evidence_text(evidence: list[dict], flip: bool) -> str:
    parts = []
    for e in evidence:
        a, b = (e["b"], e["a"]) if flip else (e["a"], e["b"])
        parts.append(f"{a} ≠ {b} ({e['kind']})")
    return "; ".join(parts)


def to_label_studio(data: ExportData) -> tuple[int, str]:
    """``label-studio``: a JSON list of tasks for Label Studio's import (Project → Import),
    with the labeling config written beside OUT (OUT with its suffix replaced by ``.xml``)::

        <View>
          <Header value="$header_a"/>  <Text name="text_a" value="$text_a"/>
          <Header value="$header_b"/>  <Text name="text_b" value="$text_b"/>
          <Choices name="relation" toName="text_a" choice="single">match | conflict | neutral</Choices>
          <Choices name="labels" toName="text_a" choice="multiple">the config's labels</Choices>
          <TextArea name="note" toName="text_a"/>
        </View>

    - A ``pair`` task per linked pair: ``data.text_a``/``text_b`` (+ header, ref, source, date,
      path, orphan of each side, ``evidence`` as text), one annotation per reviewer with the
      ``relation`` choice (an accepted link gives its relation, a rejected one ``neutral``) and
      the note as a ``textarea`` result; with ``--include-suggestions`` the engine's
      suggestion is a ``predictions`` entry (with its score), also on pairs nobody reviewed.
    - A ``sentence`` task per tagged or annotated sentence (``text_b`` empty): one annotation
      per reviewer with the ``labels`` choices and the note.
    - ``data.annotators`` names the reviewer of each annotation, in order. ``completed_by`` is
      set (as ``{"email": …}``) only when the reviewer name is an e-mail address, since Label
      Studio rejects unknown users; otherwise the annotations go to the importing user.
      Sample::

        [{"data": {"kind": "pair", "cluster": "drone_strike",
                   "text_a": "The prime minister was not hurt in the attack, officials said.",
                   "header_a": "a · 2021-11-07 — sentence 1", "ref_a": "a:1", …,
                   "text_b": "The prime minister was wounded in the attack, officials said.", …,
                   "evidence": "not hurt ≠ wounded (negation)", "annotators": ["alice", "bob"]},
          "annotations": [{"result": [{"id": "0-relation", "from_name": "relation",
                                       "to_name": "text_a", "type": "choices",
                                       "value": {"choices": ["conflict"]}}],
                           "was_cancelled": false, "ground_truth": false,
                           "created_at": "2026-01-10T09:10:00Z", …}, …]}]
    """
    tasks = label_studio_tasks(data)
    return len(tasks), json.dumps(tasks, ensure_ascii=False, indent=1) + "\n"


# --------------------------------------------------------------------------- html

_CSS = """
:root { --match: #1b7f3b; --conflict: #c62828; --muted: #6b7280; --line: #e5e7eb; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; margin: 0;
       color: #1f2937; background: #f8fafc; }
header.top { padding: 18px 24px 10px; background: #fff; border-bottom: 1px solid var(--line); }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 22px 24px 8px; }
.sub { color: var(--muted); margin: 0; }
.counts { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0 0; padding: 0; list-style: none; }
.counts li { background: #f1f5f9; border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; font-size: 13px; }
.counts b { font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; margin: 0 24px; background: #fff; width: calc(100% - 48px); font-size: 14px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f1f5f9; font-weight: 600; }
tr.rejected td { color: var(--muted); }
tr.rejected td.ev { text-decoration: line-through; }
table.conflicts { table-layout: fixed; }
table.conflicts td { overflow-wrap: anywhere; }
td.ev { font-weight: 600; }
td.ev .pair { display: block; margin-bottom: 2px; }
td.ev .vs { color: var(--conflict); padding: 0 4px; }
.dec { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; margin: 1px 2px 1px 0;
       white-space: nowrap; }
.dec.accepted { background: #fee2e2; color: #991b1b; }
.dec.rejected { background: #e5e7eb; color: #374151; }
.dec.predicted { background: #fff; border: 1px dashed var(--muted); color: var(--muted); }
.cols { display: grid; gap: 14px; padding: 0 24px 24px; grid-template-columns: repeat(var(--n), minmax(300px, 1fr));
        overflow-x: auto; }
.col { background: #fff; border: 1px solid var(--line); border-radius: 8px; min-width: 0; }
.col > header { padding: 10px 12px; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: #fff;
                border-radius: 8px 8px 0 0; }
.col > header h3 { margin: 0; font-size: 15px; }
.col > header p { margin: 2px 0 0; color: var(--muted); font-size: 12.5px; word-break: break-all; }
.s { padding: 6px 12px 6px 34px; border-bottom: 1px solid #f1f5f9; position: relative; scroll-margin-top: 80px; }
.s:target { background: #fef9c3; outline: 2px solid #facc15; }
.s .t { unicode-bidi: plaintext; }
.letter { display: inline-block; min-width: 22px; text-align: center; margin-right: 6px; border-radius: 4px;
          background: #1f2937; color: #fff; font-size: 12px; padding: 0 4px; vertical-align: 2px; }
.s .n { position: absolute; left: 8px; top: 7px; color: var(--muted); font-size: 11px; font-variant-numeric: tabular-nums; }
.s.has-conflict { border-left: 4px solid var(--conflict); padding-left: 30px; }
.s.has-match:not(.has-conflict) { border-left: 4px solid var(--match); padding-left: 30px; }
mark { background: #fecaca; color: #7f1d1d; border-radius: 3px; padding: 0 2px; font-weight: 600; }
.tags { margin-top: 3px; display: flex; flex-wrap: wrap; gap: 4px; align-items: center; }
.lab { font-size: 11.5px; border-radius: 4px; padding: 0 6px; border: 1px solid var(--c);
       background: color-mix(in srgb, var(--c) 14%, white); color: #111827; }
.lab small { color: var(--muted); }
a.lk { font-size: 12px; text-decoration: none; border-radius: 4px; padding: 0 6px; border: 1px solid; white-space: nowrap; }
a.lk.match { color: var(--match); border-color: #86efac; background: #f0fdf4; }
a.lk.conflict { color: var(--conflict); border-color: #fca5a5; background: #fef2f2; font-weight: 600; }
a.lk.predicted { border-style: dashed; font-weight: 400; }
.note { margin-top: 3px; font-size: 12.5px; color: #374151; background: #f8fafc; border-left: 3px solid #cbd5e1;
        padding: 2px 8px; white-space: pre-wrap; }
.note b { font-weight: 600; color: var(--muted); }
.legend { margin: 6px 24px 0; color: var(--muted); font-size: 13px; }
.orphans { margin: 0 24px 24px; font-size: 14px; }
.empty { margin: 0 24px; color: var(--muted); }
footer { color: var(--muted); font-size: 12px; padding: 0 24px 24px; }
"""

_CSS_COLOR_OK = set("abcdefghijklmnopqrstuvwxyz#0123456789")


def _css_color(c: str) -> str:
    c = (c or "").strip().lower().replace("bright_", "").replace("dark_", "dark")
    if not c or not set(c) <= _CSS_COLOR_OK:
        return "#64748b"
    return {"yellow": "#ca8a04", "cyan": "#0891b2", "magenta": "#c026d3", "green": "#16a34a", "red": "#dc2626",
            "blue": "#2563eb"}.get(c, c)


@dataclass
class _PairView:
    a: End
    b: End
    relation: str
    decisions: dict  # reviewer -> decision (accepted / rejected)
    predicted: bool
    score: float | None
    evidence: list[dict]  # oriented to a / b
    notes: list[tuple[str, str]]
    origin: str

    @property
    def status(self) -> str:
        if any(d == "accepted" for d in self.decisions.values()):
            return "accepted"
        if self.decisions:
            return "rejected"
        return "predicted"


def _pair_views(data: ExportData) -> list[_PairView]:
    views: dict[tuple, _PairView] = {}
    for l in data.links:
        orphan = l.a.orphan or l.b.orphan
        key = (l.pair(), l.relation, orphan, l.a.text if orphan else "", l.b.text if orphan else "")
        v = views.get(key)
        flip = v is not None and l.a.key() != v.a.key()
        ev = _evidence(_as_link(l), flip) if l.evidence else []
        if v is None:
            v = views[key] = _PairView(l.a, l.b, l.relation, {}, False, l.score, ev, [], l.origin)
        elif not v.evidence and ev:
            v.evidence = ev
        if l.reviewer is None:
            v.predicted = True
        else:
            v.decisions[l.reviewer] = l.decision
            if l.origin == "manual":
                v.origin = "manual"
        if l.note:
            v.notes.append((l.reviewer or "engine", l.note))
        if v.score is None and l.score is not None:
            v.score = l.score
    return list(views.values())


def _as_link(l: LinkRow) -> Link:
    from reviewer.models import Evidence, SentenceRef

    ev = tuple(Evidence(e["kind"], e["a"], e["b"], tuple(e["a_span"]), tuple(e["b_span"])) for e in l.evidence)
    return Link(SentenceRef(l.a.article, l.a.sentence), SentenceRef(l.b.article, l.b.sentence), l.relation,
                l.score or 0.0, ev)


def _title_html(a: Article) -> str:
    title = html.escape(a.title or a.id)
    if a.url and a.url.lower().startswith(("http://", "https://")):
        return f'<a dir="auto" href="{html.escape(a.url, quote=True)}" rel="noopener noreferrer">{title}</a>'
    return f'<span dir="auto">{title}</span>'


def _letter(i: int) -> str:
    """Column letters: A … Z, AA, AB …"""
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def _snippet(text: str, spans: list[tuple[int, int]], limit: int = 320) -> str:
    """The sentence as HTML with its evidence marked; a long one is cut on word boundaries
    around the evidence, so the words that disagree are always shown."""
    if len(text) <= limit:
        return _highlight(text, spans)
    valid = [(a, b) for a, b in spans if 0 <= a < b <= len(text)]
    lo = min((a for a, _ in valid), default=0)
    hi = max((b for _, b in valid), default=0)
    start = max(0, min(lo - limit // 3, len(text) - limit))
    end = max(start + limit, hi + 20)
    if start > 0:
        cut = text.find(" ", start)
        start = cut + 1 if 0 <= cut < lo else start
    if end < len(text):
        cut = text.rfind(" ", hi, end)
        end = cut if cut > hi else end
    shifted = [(a - start, b - start) for a, b in valid if a >= start and b <= end]
    return ("…" if start > 0 else "") + _highlight(text[start:end], shifted) + ("…" if end < len(text) else "")


def _highlight(text: str, spans: list[tuple[int, int]]) -> str:
    spans = sorted((max(0, s), min(len(text), e)) for s, e in spans if 0 <= s < e)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, pos = [], 0
    for s, e in merged:
        out.append(html.escape(text[pos:s]))
        out.append(f"<mark>{html.escape(text[s:e])}</mark>")
        pos = e
    out.append(html.escape(text[pos:]))
    return "".join(out)


def to_html(data: ExportData) -> tuple[int, str]:
    """``html``: one self-contained page for editors (inline CSS, no script, no external
    asset; open it in any browser or attach it to an e-mail).

    - A header: the cluster, the reviewers, the sidecars and counts.
    - A table of conflicts: the evidence (``Three drones`` ≠ ``A drone``), its kind, the two
      sentences with their article, source and date (links into the columns) and every
      reviewer's decision; rejected conflicts are struck through, suggestions nobody reviewed
      (``--include-suggestions``) are marked "suggested".
    - The articles side by side, one column each: every sentence with its number, its labels
      (with who set them), its notes, and marks for its links — ``≈`` (green) for a match,
      ``≠`` (red) for a conflict — that jump to the other end (which is highlighted);
      evidence words are highlighted with ``<mark>``. Rejected links are not drawn in the
      columns (they are in the table).
    - Orphans: tags, notes and links whose sentence is gone, with their stored quotes.

    Articles are lettered A, B, C… in column order and a mark names the other end as
    ``B·1`` (column B, sentence 1); its tooltip gives the full article id and the decisions.
    Every text from articles and sidecars is HTML-escaped. Sample (one sentence)::

        <div class="s has-conflict" id="s-0-1"><span class="n">1</span><div class="t" dir="auto">The
        prime minister was <mark>not hurt</mark> in the attack, officials said.</div>
        <div class="tags"><span class="lab" style="--c:#dc2626">contradicted <small>alice, bob</small></span>
        <a class="lk conflict" href="#s-1-1" title="conflict with b:1 — alice: accepted; bob: accepted">≠ B·1</a></div>
        <div class="note"><b>alice:</b> Officials: &quot;not hurt&quot;, but b says …</div></div>
    """
    e = html.escape
    arts = data.cluster.articles
    col = {a.id: i for i, a in enumerate(arts)}
    label_color = {l.name: _css_color(l.color) for l in data.labels}

    def anchor(end: End) -> str:
        return f"s-{col[end.article]}-{end.sentence}" if end.article in col and not end.orphan else ""

    views = _pair_views(data)
    live = [v for v in views if not (v.a.orphan or v.b.orphan)]
    shown = [v for v in live if v.status in ("accepted", "predicted")]
    per_sent: dict[tuple, list[tuple[_PairView, str]]] = {}
    for v in shown:
        per_sent.setdefault(v.a.key(), []).append((v, "a"))
        per_sent.setdefault(v.b.key(), []).append((v, "b"))
    tags_by: dict[tuple, dict[str, list[str]]] = {}
    for t in data.tags:
        if not t.end.orphan:
            who = tags_by.setdefault(t.end.key(), {}).setdefault(t.label, [])
            if t.reviewer not in who:
                who.append(t.reviewer)
    notes_by: dict[tuple, list[NoteRow]] = {}
    for n in data.all_notes:
        if not n.end.orphan:
            notes_by.setdefault(n.end.key(), []).append(n)

    def short_ref(end: End) -> str:
        # the column letter (A, B, …) of the article: article ids are often long hashes
        return f"{_letter(col[end.article])}·{end.sentence}" if end.article in col else end.ref()

    def where(end: End) -> str:
        bits = [end.meta.get("title") or end.article]
        bits += [str(end.meta[k]) for k in ("source", "date") if end.meta.get(k)]
        return " · ".join(bits)

    def decisions_html(v: _PairView) -> str:
        parts = [f'<span class="dec {e(d)}">{e(r)}: {e(d)}</span>' for r, d in sorted(v.decisions.items())]
        if v.predicted or not v.decisions:
            sc = f" {v.score:.2f}" if v.score is not None else ""
            parts.append(f'<span class="dec predicted">suggested{e(sc)}</span>')
        return "".join(parts)

    n_tags = len(data.tags)
    counts = [
        ("articles", len(arts)), ("sentences", sum(len(a.sentences) for a in arts)), ("tags", n_tags),
        ("conflicts accepted", sum(1 for v in live if v.relation == "conflict" and v.status == "accepted")),
        ("matches accepted", sum(1 for v in live if v.relation == "match" and v.status == "accepted")),
        ("links rejected", sum(1 for v in live if v.status == "rejected")),
    ]
    if data.include_suggestions:
        counts.append(("suggestions unreviewed", sum(1 for v in live if v.status == "predicted")))
    if data.orphans:
        counts.append(("orphaned anchors", data.orphans))
    reviewers = ", ".join(data.reviewers) or "none (engine suggestions only)"

    h: list[str] = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
                    '<meta name="viewport" content="width=device-width, initial-scale=1">',
                    f"<title>Review: {e(data.name)}</title>", f"<style>{_CSS}</style></head><body>"]
    h.append('<header class="top">')
    h.append(f"<h1>Review of “{e(data.name)}”</h1>")
    h.append(f'<p class="sub">Reviewers: <b>{e(reviewers)}</b> · sidecars: '
             f'{e(", ".join(p.name for p in data.sidecars) or "none")}</p>')
    singular = {"articles": "article", "sentences": "sentence", "tags": "tag", "conflicts accepted": "conflict accepted",
                "matches accepted": "match accepted", "links rejected": "link rejected",
                "suggestions unreviewed": "suggestion unreviewed", "orphaned anchors": "orphaned anchor"}
    h.append('<ul class="counts">' + "".join(f"<li><b>{n}</b> {e(singular.get(k, k) if n == 1 else k)}</li>"
                                             for k, n in counts) + "</ul>")
    h.append("</header>")

    # conflicts table
    conflicts = [v for v in live if v.relation == "conflict"]
    rank = {"accepted": 0, "predicted": 1, "rejected": 2}
    conflicts.sort(key=lambda v: (rank[v.status], col.get(v.a.article, 99), v.a.sentence, col.get(v.b.article, 99),
                                  v.b.sentence))
    h.append('<h2 id="conflicts">Conflicts</h2>')
    if conflicts:
        h.append('<table class="conflicts"><colgroup><col style="width:3%"><col style="width:17%">'
                 '<col style="width:8%"><col style="width:25%"><col style="width:25%"><col style="width:10%">'
                 '<col style="width:12%"></colgroup><thead><tr><th>#</th><th>Evidence</th><th>Kind</th><th>Sentence A</th>'
                 "<th>Sentence B</th><th>Decision</th><th>Note</th></tr></thead><tbody>")
        for i, v in enumerate(conflicts, 1):
            if v.evidence:
                ev = "".join(f'<span class="pair">{e(x["a"])}<span class="vs">≠</span>{e(x["b"])}</span>'
                             for x in v.evidence)
                kinds = ", ".join(sorted({x["kind"] for x in v.evidence}))
            else:
                ev, kinds = "—", ("manual" if v.origin == "manual" else "—")
            cells = []
            for end, side in ((v.a, "a_span"), (v.b, "b_span")):
                spans = [tuple(x[side]) for x in v.evidence if x.get(side)]
                cells.append(f'<a href="#{anchor(end)}">{e(short_ref(end))}</a> <small>{e(where(end))}</small>'
                             f'<div dir="auto">{_snippet(end.text, spans)}</div>')
            notes = "<br>".join(f"<b>{e(r)}:</b> {e(n)}" for r, n in v.notes)
            h.append(f'<tr class="{v.status}"><td>{i}</td><td class="ev">{ev}</td><td>{e(kinds)}</td>'
                     f"<td>{cells[0]}</td><td>{cells[1]}</td><td>{decisions_html(v)}</td><td>{notes}</td></tr>")
        h.append("</tbody></table>")
    else:
        h.append('<p class="empty">No conflict was found or reviewed.</p>')

    # columns
    h.append('<h2 id="articles">Articles</h2>')
    dashed = " · dashed: suggested, not reviewed" if data.include_suggestions else ""
    h.append('<p class="legend"><span style="color:var(--match)">≈ match</span> · '
             f'<span style="color:var(--conflict)">≠ conflict</span>{dashed} · '
             "click a mark to jump to the other sentence</p>")
    h.append(f'<div class="cols" style="--n:{max(1, len(arts))}">')
    for a in arts:
        meta = [x for x in (a.source, a.date) if x]
        h.append(f'<section class="col" id="art-{col[a.id]}"><header><h3><span class="letter">{_letter(col[a.id])}</span>'
                 f'{_title_html(a)}</h3>'
                 f"<p>{e(' · '.join(meta + ([a.id] if a.title else [])))}</p>"
                 f"<p>{e(_article_meta(a, data.folder)['path'] or '')}</p></header>")
        for s in a.sentences:
            key = (a.id, s.index)
            links = sorted(per_sent.get(key, []), key=lambda t: (t[0].relation != "conflict", t[0].status != "accepted"))
            spans = []
            for v, side in links:
                if v.relation == "conflict":
                    spans += [tuple(x[f"{side}_span"]) for x in v.evidence]
            cls = ["s"]
            if any(v.relation == "conflict" for v, _ in links):
                cls.append("has-conflict")
            if any(v.relation == "match" for v, _ in links):
                cls.append("has-match")
            h.append(f'<div class="{" ".join(cls)}" id="s-{col[a.id]}-{s.index}"><span class="n">{s.index}</span>'
                     f'<div class="t" dir="auto">{_highlight(s.text, spans)}</div>')
            extras = []
            for label, who in sorted(tags_by.get(key, {}).items()):
                color = label_color.get(label, "#64748b")
                extras.append(f'<span class="lab" style="--c:{e(color)}">{e(label)} <small>{e(", ".join(who))}</small></span>')
            for v, side in links:
                other = v.b if side == "a" else v.a
                glyph = "≠" if v.relation == "conflict" else "≈"
                pred = " predicted" if v.status == "predicted" else ""
                who = "; ".join(f"{r}: {d}" for r, d in sorted(v.decisions.items())) or "suggested, not reviewed"
                title = f"{v.relation} with {other.ref()} — {who}"
                extras.append(f'<a class="lk {v.relation}{pred}" href="#{anchor(other)}" title="{e(title)}">'
                              f"{glyph} {e(short_ref(other))}</a>")
            if extras:
                h.append('<div class="tags">' + "".join(extras) + "</div>")
            for n in notes_by.get(key, []):
                h.append(f'<div class="note"><b>{e(n.reviewer)}:</b> {e(n.text)}</div>')
            h.append("</div>")
        h.append("</section>")
    h.append("</div>")

    # orphans
    orphan_lines = []
    for t in data.tags:
        if t.end.orphan:
            orphan_lines.append(f"<li>{e(t.reviewer)}: tag <b>{e(t.label)}</b> on {e(t.end.ref())} “{e(t.end.text)}”</li>")
    for n in data.all_notes:
        if n.end.orphan:
            orphan_lines.append(f"<li>{e(n.reviewer)}: note on {e(n.end.ref())} “{e(n.end.text)}”: {e(n.text)}</li>")
    for v in views:
        if v.a.orphan or v.b.orphan:
            who = "; ".join(f"{r}: {d}" for r, d in sorted(v.decisions.items()))
            orphan_lines.append(f"<li>{e(v.relation)} link ({e(who)}) {e(v.a.ref())} “{e(v.a.text)}” – "
                                f"{e(v.b.ref())} “{e(v.b.text)}”</li>")
    if orphan_lines:
        h.append('<h2 id="orphans">Orphans</h2>')
        h.append('<p class="empty">Their sentence is no longer in the articles; the quotes stored in the sidecar are shown.</p>')
        h.append('<ul class="orphans">' + "".join(orphan_lines) + "</ul>")
    h.append(f"<footer>Written by reviewer export from {e(data.name)}.</footer>")
    h.append("</body></html>")
    records = len(data.tags) + len(data.notes) + len(data.links)
    return records, "\n".join(h) + "\n"
