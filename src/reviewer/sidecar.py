"""The sidecar: one reviewer's tags, notes and link decisions, saved beside the articles.

Format (TOML by default, JSON on request; the same structure in both)::

    schema = 1
    reviewer = "alice"
    created = "2026-11-23T10:00:00Z"
    updated = "2026-11-23T10:05:00Z"
    [cursor]
    article = "000_cd086ea5a5d99049"
    sentence = 7
    [[tags]]
    article = "..."; sentence = 6; start = 1234; end = 1300; quote = "..."; label = "contradicted"; time = "..."
    [[notes]]
    article = "..."; sentence = 6; start = ...; end = ...; quote = "..."; text = "..."; time = "..."
    [[links]]
    relation = "conflict"; decision = "accepted"; origin = "suggested"; score = 0.71; note = ""; time = "..."
    a = { article = "...", sentence = 6, start = ..., end = ..., quote = "..." }
    b = { article = "...", sentence = 3, start = ..., end = ..., quote = "..." }

Safety: writes are atomic (temp file in the same folder, fsync, rename, fsync of the folder)
and the previous version is kept as ``<name>.bak``. A file that cannot be parsed raises
:class:`SidecarError` and is never overwritten. Everything read is validated; a sidecar of an
older schema is migrated on load (the caller saves it back, keeping a backup).

Re-anchoring (:func:`reanchor`): when the articles changed under a sidecar, every anchor is
found again by its stored quote: at its stored place first, then the exact quote elsewhere in
the article, then the closest sentence by fuzzy match above a threshold. Anchors that cannot
be found are kept as orphans: listed, saved again, never dropped.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import tomli_w

from reviewer.atomic import write_atomic
from reviewer.errors import SidecarError

SCHEMA = 1
SUFFIXES = {"toml": ".review.toml", "json": ".review.json"}
RELATIONS = ("match", "conflict")
DECISIONS = ("accepted", "rejected")
ORIGINS = ("suggested", "manual")
FUZZY_THRESHOLD = 85.0  # rapidfuzz ratio (0-100) for re-attaching an edited sentence


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True, slots=True)
class Anchor:
    article: str
    sentence: int
    start: int
    end: int
    quote: str
    orphan: bool = False  # the quote could not be found in the current articles

    def key(self) -> tuple[str, int]:
        return (self.article, self.sentence)


@dataclass(frozen=True, slots=True)
class Tag:
    anchor: Anchor
    label: str
    time: str


@dataclass(frozen=True, slots=True)
class Note:
    anchor: Anchor
    text: str
    time: str


@dataclass(frozen=True, slots=True)
class LinkDecision:
    a: Anchor
    b: Anchor
    relation: str
    decision: str
    origin: str = "suggested"
    score: float | None = None
    note: str = ""
    time: str = ""

    def pair(self) -> frozenset[tuple[str, int]]:
        return frozenset([self.a.key(), self.b.key()])


@dataclass(slots=True)
class ReviewData:
    reviewer: str
    created: str = field(default_factory=now)
    updated: str = ""
    cursor: tuple[str, int] | None = None
    tags: list[Tag] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    links: list[LinkDecision] = field(default_factory=list)
    migrated_from: int | None = None  # set when an older schema was read


# --------------------------------------------------------------------------- paths

def sidecar_folder(paths: list[str | os.PathLike[str]]) -> Path:
    """The folder the sidecar lives in: the first folder given, or the common parent of the files."""
    ps = [Path(p) for p in paths]
    for p in ps:
        if p.is_dir():
            return p
    parents = {p.resolve().parent for p in ps}
    if len(parents) == 1:
        return next(iter(parents))
    return Path(os.path.commonpath([str(p) for p in parents]))


def sidecars_for(paths: list[str | os.PathLike[str]]) -> list[Path]:
    """Every sidecar of a cluster: ``*.review.toml`` / ``*.review.json`` beside the articles, and
    for the bundled seeds also those in the user's data folder (where the app saves them)."""
    from reviewer.resources import is_bundled_seeds, seeds_sidecar_dir

    folders = []
    existing = [p for p in paths if Path(p).exists()]
    if existing:
        folders.append(sidecar_folder(existing))
    if is_bundled_seeds(paths):
        folders.append(seeds_sidecar_dir())
    found: list[Path] = []
    for folder in folders:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        found += [folder / n for n in names
                  if n.lower().endswith(tuple(SUFFIXES.values())) and (folder / n).is_file()]
    return found


def safe_name(reviewer: str) -> str:
    name = re.sub(r"[^\w.-]+", "_", reviewer.strip(), flags=re.UNICODE).strip("._")
    return name or "reviewer"


def default_sidecar_path(paths: list[str | os.PathLike[str]], reviewer: str, fmt: str = "toml") -> Path:
    if fmt not in SUFFIXES:
        raise SidecarError(f"unknown sidecar format {fmt!r} (use toml or json)")
    return sidecar_folder(paths) / f"{safe_name(reviewer)}{SUFFIXES[fmt]}"


def format_of(path: Path) -> str:
    name = path.name.lower().removesuffix(".bak")
    return "json" if name.endswith(".json") else "toml"


# --------------------------------------------------------------------------- to and from plain data

def _anchor_dict(a: Anchor) -> dict:
    d = {"article": a.article, "sentence": a.sentence, "start": a.start, "end": a.end, "quote": a.quote}
    if a.orphan:
        d["orphan"] = True
    return d


def to_dict(data: ReviewData) -> dict:
    out: dict = {"schema": SCHEMA, "reviewer": data.reviewer, "created": data.created, "updated": data.updated or now()}
    if data.cursor is not None:
        out["cursor"] = {"article": data.cursor[0], "sentence": data.cursor[1]}
    out["tags"] = [dict(_anchor_dict(t.anchor), label=t.label, time=t.time)
                   for t in sorted(data.tags, key=lambda t: (t.anchor.article, t.anchor.sentence, t.label))]
    out["notes"] = [dict(_anchor_dict(n.anchor), text=n.text, time=n.time)
                    for n in sorted(data.notes, key=lambda n: (n.anchor.article, n.anchor.sentence))]
    links = []
    for l in sorted(data.links, key=lambda l: (l.a.article, l.a.sentence, l.b.article, l.b.sentence, l.relation)):
        d = {"relation": l.relation, "decision": l.decision, "origin": l.origin}
        if l.score is not None:
            d["score"] = round(float(l.score), 4)
        d["note"] = l.note
        d["time"] = l.time
        d["a"] = _anchor_dict(l.a)
        d["b"] = _anchor_dict(l.b)
        links.append(d)
    out["links"] = links
    return out


class _Reader:
    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text

    def fail(self, msg: str, needle: str | None = None) -> SidecarError:
        line = None
        if needle is not None:
            k = self.text.find(needle)
            if k >= 0:
                line = self.text.count("\n", 0, k) + 1
        return SidecarError(msg, path=self.path, line=line)

    def get(self, d: dict, key: str, typ, where: str, default=dataclasses.MISSING):
        if key not in d:
            if default is not dataclasses.MISSING:
                return default
            raise self.fail(f"{where}: missing field {key!r}")
        v = d[key]
        if typ is float and isinstance(v, int) and not isinstance(v, bool):
            v = float(v)
        if not isinstance(v, typ) or (typ is int and isinstance(v, bool)):
            raise self.fail(f"{where}: field {key!r} has the wrong type ({type(v).__name__})", f"{key}")
        return v

    def anchor(self, d: object, where: str) -> Anchor:
        if not isinstance(d, dict):
            raise self.fail(f"{where}: expected a table")
        a = Anchor(
            article=self.get(d, "article", str, where),
            sentence=self.get(d, "sentence", int, where),
            start=self.get(d, "start", int, where, -1),
            end=self.get(d, "end", int, where, -1),
            quote=self.get(d, "quote", str, where, ""),
            orphan=bool(d.get("orphan", False)),
        )
        if a.sentence < 0:
            raise self.fail(f"{where}: sentence must be 0 or more")
        return a


def from_dict(raw: object, path: str = "sidecar", text: str = "") -> ReviewData:
    r = _Reader(path, text)
    if not isinstance(raw, dict):
        raise r.fail("expected a table at the top level")
    schema = raw.get("schema", 0)
    if not isinstance(schema, int) or isinstance(schema, bool):
        raise r.fail("field 'schema' must be a whole number", "schema")
    if schema > SCHEMA:
        raise r.fail(f"written by a newer reviewer (schema {schema}; this version reads up to {SCHEMA}); "
                     "upgrade reviewer to open it", "schema")
    migrated = None
    if schema < SCHEMA:
        raw = _migrate(raw, schema)
        migrated = schema
    data = ReviewData(reviewer=r.get(raw, "reviewer", str, "top level", "reviewer"),
                      created=r.get(raw, "created", str, "top level", now()),
                      updated=r.get(raw, "updated", str, "top level", ""), migrated_from=migrated)
    cur = raw.get("cursor")
    if isinstance(cur, dict) and isinstance(cur.get("article"), str) and isinstance(cur.get("sentence"), int):
        data.cursor = (cur["article"], cur["sentence"])
    for n, t in enumerate(_list(raw, "tags", r), 1):
        where = f"tags entry {n}"
        data.tags.append(Tag(r.anchor(t, where), r.get(t, "label", str, where), r.get(t, "time", str, where, "")))
    for n, t in enumerate(_list(raw, "notes", r), 1):
        where = f"notes entry {n}"
        data.notes.append(Note(r.anchor(t, where), r.get(t, "text", str, where), r.get(t, "time", str, where, "")))
    for n, l in enumerate(_list(raw, "links", r), 1):
        where = f"links entry {n}"
        if not isinstance(l, dict):
            raise r.fail(f"{where}: expected a table")
        rel = r.get(l, "relation", str, where)
        dec = r.get(l, "decision", str, where)
        origin = r.get(l, "origin", str, where, "suggested")
        if rel not in RELATIONS:
            raise r.fail(f"{where}: relation must be match or conflict, not {rel!r}", rel)
        if dec not in DECISIONS:
            raise r.fail(f"{where}: decision must be accepted or rejected, not {dec!r}", dec)
        if origin not in ORIGINS:
            raise r.fail(f"{where}: origin must be suggested or manual, not {origin!r}", origin)
        score = l.get("score")
        if score is not None and (not isinstance(score, (int, float)) or isinstance(score, bool)):
            raise r.fail(f"{where}: score must be a number", "score")
        data.links.append(LinkDecision(r.anchor(l.get("a"), where + " end a"), r.anchor(l.get("b"), where + " end b"),
                                       rel, dec, origin, None if score is None else float(score),
                                       r.get(l, "note", str, where, ""), r.get(l, "time", str, where, "")))
    return data


def _list(raw: dict, key: str, r: _Reader) -> list:
    v = raw.get(key, [])
    if not isinstance(v, list):
        raise r.fail(f"field {key!r} must be a list", key)
    return v


def _migrate(raw: dict, schema: int) -> dict:
    """Schema 0 (before versioning): links had ``accepted = true|false`` instead of ``decision``,
    tags had ``text`` instead of ``quote``."""
    raw = dict(raw)
    links = []
    for l in raw.get("links", []) or []:
        if isinstance(l, dict):
            l = dict(l)
            if "decision" not in l and "accepted" in l:
                l["decision"] = "accepted" if l.pop("accepted") else "rejected"
            links.append(l)
    raw["links"] = links
    for key in ("tags", "notes"):
        items = []
        for t in raw.get(key, []) or []:
            if isinstance(t, dict):
                t = dict(t)
                if "quote" not in t and key == "tags" and "text" in t:
                    t["quote"] = t.pop("text")
                items.append(t)
        raw[key] = items
    raw["schema"] = SCHEMA
    return raw


# --------------------------------------------------------------------------- files

def load_sidecar(path: str | os.PathLike[str]) -> ReviewData:
    p = Path(path)
    sp = str(p)
    try:
        raw_bytes = p.read_bytes()
    except FileNotFoundError:
        raise SidecarError("no such sidecar", path=sp) from None
    except OSError as exc:
        raise SidecarError(f"cannot read ({exc.strerror or exc})", path=sp) from None
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SidecarError("not valid UTF-8", path=sp) from None
    if format_of(p) == "json":
        try:
            raw = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SidecarError(f"invalid JSON: {exc.msg}", path=sp, line=exc.lineno) from None
    else:
        try:
            raw = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            msg = str(exc)
            m = re.search(r"\(at line (\d+), column \d+\)", msg)
            raise SidecarError("invalid TOML: " + re.sub(r"\s*\(at line \d+, column \d+\)", "", msg), path=sp,
                               line=int(m.group(1)) if m else None) from None
    return from_dict(raw, sp, text)


def dumps(data: ReviewData, fmt: str) -> str:
    d = to_dict(data)
    if fmt == "json":
        return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
    if d.get("cursor") is None:
        d.pop("cursor", None)
    return tomli_w.dumps(d)


def save_sidecar(path: str | os.PathLike[str], data: ReviewData, *, backup: bool = True) -> None:
    """Atomic write; the previous version is kept as ``<name>.bak``. Raises SidecarError."""
    p = Path(path)
    data.updated = now()
    text = dumps(data, format_of(p))
    folder = p.parent if str(p.parent) else Path(".")
    if not folder.is_dir():
        raise SidecarError(f"cannot save: the folder {folder} does not exist; your work is kept in memory",
                           path=str(p))
    try:
        write_atomic(p, text, backup=backup)
    except OSError as exc:
        raise SidecarError(f"could not save ({exc.strerror or exc}); your work is kept in memory",
                           path=str(p)) from None


# --------------------------------------------------------------------------- re-anchoring

@dataclass
class ReanchorReport:
    exact: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphans: list[str] = field(default_factory=list)


def reanchor(data: ReviewData, sentences: dict[str, list[tuple[int, int, str]]]) -> ReanchorReport:
    """Re-attach every anchor to the current sentences (article id -> [(start, end, text)])."""
    from rapidfuzz import fuzz, process

    rep = ReanchorReport()
    memo: dict[Anchor, Anchor] = {}

    def fix(a: Anchor) -> Anchor:
        if a in memo:
            return memo[a]
        sents = sentences.get(a.article)
        new = None
        if sents is not None:
            if 0 <= a.sentence < len(sents) and (sents[a.sentence][2] == a.quote or not a.quote):
                s = sents[a.sentence]
                new = Anchor(a.article, a.sentence, s[0], s[1], s[2])
                rep.exact += 1
            elif a.quote:
                same = [k for k, s in enumerate(sents) if s[2] == a.quote]
                if same:
                    k = min(same, key=lambda k: abs(k - a.sentence))
                    new = Anchor(a.article, k, sents[k][0], sents[k][1], sents[k][2])
                    rep.moved += 1
                else:
                    best = process.extractOne(a.quote, [s[2] for s in sents], scorer=fuzz.ratio,
                                              score_cutoff=FUZZY_THRESHOLD)
                    if best is not None:
                        k = best[2]
                        new = Anchor(a.article, k, sents[k][0], sents[k][1], sents[k][2])
                        rep.fuzzy += 1
        if new is None:
            new = dataclasses.replace(a, orphan=True)
            rep.orphans.append(f"{a.article}:{a.sentence} “{a.quote[:60]}”")
        memo[a] = new
        return new

    data.tags = [dataclasses.replace(t, anchor=fix(t.anchor)) for t in data.tags]
    data.notes = [dataclasses.replace(n, anchor=fix(n.anchor)) for n in data.notes]
    data.links = [dataclasses.replace(l, a=fix(l.a), b=fix(l.b)) for l in data.links]
    return rep


def orphan_lines(data: ReviewData) -> list[str]:
    """One line per tag, note or link decision whose sentence could not be found."""
    def where(a: Anchor) -> str:
        quote = a.quote if len(a.quote) <= 70 else a.quote[:70].rsplit(" ", 1)[0] + " …"
        return f"{a.article}:{a.sentence} “{quote}”"
    out = [f"tag {t.label!r} on {where(t.anchor)}" for t in data.tags if t.anchor.orphan]
    out += [f"note on {where(n.anchor)}" for n in data.notes if n.anchor.orphan]
    out += [f"{d.relation} link ({d.decision}) {where(d.a)} – {where(d.b)}"
            for d in data.links if d.a.orphan or d.b.orphan]
    return out


def reanchor_or_refuse(data: ReviewData, sentences: dict[str, list[tuple[int, int, str]]], path) -> ReanchorReport:
    """Re-anchor, and refuse a sidecar none of whose anchors is on these articles: it belongs to
    another cluster, and reading it as this one's would only produce orphans and wrong figures."""
    rep = reanchor(data, sentences)
    if rep.orphans and not (rep.exact or rep.moved or rep.fuzzy):
        raise SidecarError("none of its tags or links is on a sentence of these articles: it belongs to "
                           "another cluster", path=str(path))
    return rep


# --------------------------------------------------------------------------- one open sidecar

class SidecarStore:
    """An open sidecar: the data, where it is saved, and the guards around saving.

    - A lock file ``<sidecar>.lock`` holds the pid of the instance that has it open; a second
      instance finds it and opens read-only (a stale lock, from a pid that is gone, is taken over).
    - Before each save the file on disk is compared with what this instance last read or wrote:
      if someone else changed it, the save is refused instead of overwriting their work.
    - A file that cannot be parsed makes the store read-only: it is never written.
    """

    def __init__(self, path: str | os.PathLike[str], reviewer: str):
        self.path = Path(path)
        self.reviewer = reviewer
        self.read_only_reason: str | None = None
        self.data = ReviewData(reviewer=reviewer)
        self._seen: bytes | None = None
        self._locked = False

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None

    def open(self) -> None:
        """Load the sidecar if it exists and take the lock. Never raises for a bad file:
        the problem becomes ``read_only_reason``."""
        self._remove_stale_temp_files()
        if self.path.exists():
            try:
                self.data = load_sidecar(self.path)
                self._seen = self.path.read_bytes()
            except SidecarError as exc:
                self.read_only_reason = f"{exc.one_line()} — opened read-only, the file is left as it is"
                self.data = ReviewData(reviewer=self.reviewer)
                return
            except OSError as exc:
                self.read_only_reason = f"{self.path}: cannot read ({exc}) — opened read-only"
                return
        other = self._lock_owner()
        if other is not None:
            self.read_only_reason = (f"{self.path} is open in another reviewer (pid {other}) — opened read-only; "
                                     "close the other one or save elsewhere")
            return
        self._take_lock()

    def _remove_stale_temp_files(self, age: float = 60.0) -> None:
        """A save killed half-way leaves ``.<name>.*.tmp`` behind; the sidecar itself is intact.
        Remove such files once they are old enough not to belong to a save in progress."""
        import time

        try:
            for tmp in self.path.parent.glob(f".{self.path.name}.*.tmp"):
                try:
                    if time.time() - tmp.stat().st_mtime > age:
                        tmp.unlink()
                except OSError:
                    pass
        except OSError:
            pass

    def _lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    def _lock_owner(self) -> int | None:
        try:
            pid = int(self._lock_path().read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return None
        if pid == os.getpid():
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None  # stale: that process is gone
        except PermissionError:
            return pid
        cmdline = Path(f"/proc/{pid}/cmdline")
        if cmdline.exists():
            try:
                if b"reviewer" not in cmdline.read_bytes() and b"pytest" not in cmdline.read_bytes():
                    return None  # the pid was reused by an unrelated program
            except OSError:
                pass
        return pid

    def _take_lock(self) -> None:
        try:
            self._lock_path().write_text(f"{os.getpid()}\n")
            self._locked = True
        except OSError:
            pass  # a folder we cannot write to: saving will say so

    def close(self) -> None:
        if self._locked:
            try:
                if self._lock_path().read_text().split()[0] == str(os.getpid()):
                    self._lock_path().unlink()
            except (OSError, IndexError):
                pass
            self._locked = False

    def changed_on_disk(self) -> bool:
        try:
            now_bytes = self.path.read_bytes()
        except FileNotFoundError:
            return self._seen is not None
        except OSError:
            return False
        return now_bytes != self._seen

    def save(self, *, force: bool = False) -> None:
        if self.read_only:
            raise SidecarError(f"not saved: {self.read_only_reason}", path=str(self.path))
        if not force and self.changed_on_disk():
            raise SidecarError("changed on disk by someone else since it was opened; not overwritten "
                               "(reload it, or save elsewhere)", path=str(self.path))
        save_sidecar(self.path, self.data)
        self._seen = self.path.read_bytes()
        if not self._locked:
            self._take_lock()

    def save_as(self, path: str | os.PathLike[str]) -> None:
        """Save to another file and carry on there (e.g. when this one is locked, corrupt or unwritable)."""
        new = Path(path).expanduser()
        if new.exists() and new.resolve() != self.path.resolve():
            try:
                load_sidecar(new)
            except SidecarError:
                raise SidecarError("exists and is not a sidecar this app can read; not overwritten",
                                   path=str(new)) from None
        save_sidecar(new, self.data)
        self.close()
        self.path = new
        self.read_only_reason = None
        self._seen = new.read_bytes()
        self._take_lock()

    def reload(self) -> None:
        """Read the file again, dropping what is in memory (checks the lock and parse again)."""
        self.close()
        self.read_only_reason = None
        self.data = ReviewData(reviewer=self.reviewer)
        self._seen = None
        self.open()
