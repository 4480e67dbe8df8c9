"""Reading and writing sidecars (TOML or JSON, the same structure), with validation.

Everything read is checked; a problem raises :class:`SidecarError` with the file and, where it
can be found, the line. Writes are atomic and keep the previous version as ``<name>.bak``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import tomli_w

from reviewer.annotations import DECISIONS, ORIGINS, RELATIONS, Anchor, LinkDecision, Note, ReviewData, Tag, now
from reviewer.atomic import BACKUP_SUFFIX, write_atomic
from reviewer.errors import SidecarError
from reviewer.sidecar.migrate import SCHEMA, upgrade
from reviewer.sidecar.paths import format_of

# --------------------------------------------------------------------------- to plain data


def _anchor_dict(a: Anchor) -> dict:
    d = {"article": a.article, "sentence": a.sentence, "start": a.start, "end": a.end, "quote": a.quote}
    if a.orphan:
        d["orphan"] = True
    return d


def _link_dict(l: LinkDecision) -> dict:
    d = {"relation": l.relation, "decision": l.decision, "origin": l.origin}
    if l.score is not None:
        d["score"] = round(float(l.score), 4)
    d["note"] = l.note
    d["time"] = l.time
    d["a"] = _anchor_dict(l.a)
    d["b"] = _anchor_dict(l.b)
    return _with_extra(d, l.extra)


# The fields this version reads; anything else in a sidecar (written by a newer version or
# another tool) is kept as it is and written back on save.
_TOP_FIELDS = {"schema", "reviewer", "created", "updated", "cursor", "tags", "notes", "links", "absent_labels"}
_ANCHOR_FIELDS = {"article", "sentence", "start", "end", "quote", "orphan"}
_TAG_FIELDS = _ANCHOR_FIELDS | {"label", "time"}
_NOTE_FIELDS = _ANCHOR_FIELDS | {"text", "time"}
_LINK_FIELDS = {"relation", "decision", "origin", "score", "note", "time", "a", "b"}


def _unknown(d: dict, known: set[str]) -> dict:
    return {k: v for k, v in d.items() if k not in known}


def _with_extra(d: dict, extra: dict) -> dict:
    for k, v in extra.items():
        if k not in d:
            d[k] = v
    return d


def unknown_field_count(data: ReviewData) -> int:
    """How many fields this version does not know the sidecar holds (kept on save)."""
    return (len(data.extra) + sum(len(t.extra) for t in data.tags) + sum(len(n.extra) for n in data.notes)
            + sum(len(l.extra) for l in data.links))


def _drop_none(v):
    """TOML has no null: a JSON sidecar's unknown null values are left out when saved as TOML."""
    if isinstance(v, dict):
        return {k: _drop_none(x) for k, x in v.items() if x is not None}
    if isinstance(v, list):
        return [_drop_none(x) for x in v if x is not None]
    return v


def to_dict(data: ReviewData) -> dict:
    out: dict = {"schema": SCHEMA, "reviewer": data.reviewer, "created": data.created, "updated": data.updated or now()}
    if data.cursor is not None:
        out["cursor"] = {"article": data.cursor[0], "sentence": data.cursor[1]}
    out["tags"] = [_with_extra(dict(_anchor_dict(t.anchor), label=t.label, time=t.time), t.extra)
                   for t in sorted(data.tags, key=lambda t: (t.anchor.article, t.anchor.sentence, t.label))]
    out["notes"] = [_with_extra(dict(_anchor_dict(n.anchor), text=n.text, time=n.time), n.extra)
                    for n in sorted(data.notes, key=lambda n: (n.anchor.article, n.anchor.sentence))]
    out["links"] = [_link_dict(l) for l in
                    sorted(data.links, key=lambda l: (l.a.article, l.a.sentence, l.b.article, l.b.sentence, l.relation))]
    if data.absent:  # only when there are some: a sidecar without them reads as before
        out["absent_labels"] = [_with_extra(dict(_anchor_dict(t.anchor), label=t.label, time=t.time), t.extra)
                                for t in sorted(data.absent, key=lambda t: (t.anchor.article, t.anchor.sentence, t.label))]
    return _with_extra(out, data.extra)


def dumps(data: ReviewData, fmt: str) -> str:
    d = to_dict(data)
    if fmt == "json":
        return json.dumps(d, ensure_ascii=False, indent=2) + "\n"
    return tomli_w.dumps(_drop_none(d))


# --------------------------------------------------------------------------- from plain data

class _Reader:
    """Typed field access that reports problems with the file and the line of the field: the
    line of that entry's key (``at``: its place in the data, see :mod:`reviewer.sidecar.locate`)."""

    def __init__(self, path: str, text: str, fmt: str = "toml"):
        self.path = path
        self.text = text
        self.fmt = fmt
        self._lines: dict | None = None

    def line_of(self, at) -> int | None:
        """The line of ``at``: a place in the data (a tuple; the nearest enclosing place that is
        found when the key itself is not written, e.g. a missing field gives its entry's line),
        or a string, whose first occurrence in the text is taken."""
        if at is None or not self.text:
            return None
        if isinstance(at, str):
            k = self.text.find(at)
            return self.text.count("\n", 0, k) + 1 if k >= 0 else None
        if self._lines is None:
            from reviewer.sidecar.locate import key_lines

            self._lines = key_lines(self.text, self.fmt)
        at = tuple(at)
        while at:
            if at in self._lines:
                return self._lines[at]
            at = at[:-1]
        return None

    def fail(self, msg: str, at=None) -> SidecarError:
        return SidecarError(msg, path=self.path, line=self.line_of(at))

    def get(self, d: dict, key: str, typ, where: str, default=dataclasses.MISSING, at: tuple | None = None):
        if key not in d:
            if default is not dataclasses.MISSING:
                return default
            raise self.fail(f"{where}: missing field {key!r}", at)
        v = d[key]
        if typ is float and isinstance(v, int) and not isinstance(v, bool):
            v = float(v)
        if not isinstance(v, typ) or (typ is int and isinstance(v, bool)):
            raise self.fail(f"{where}: field {key!r} has the wrong type ({type(v).__name__})",
                            key if at is None else at + (key,))
        return v

    def list(self, raw: dict, key: str) -> list:
        v = raw.get(key, [])
        if not isinstance(v, list):
            raise self.fail(f"field {key!r} must be a list", (key,))
        return v

    def anchor(self, d: object, where: str, at: tuple) -> Anchor:
        if not isinstance(d, dict):
            raise self.fail(f"{where}: expected a table", at)
        a = Anchor(
            article=self.get(d, "article", str, where, at=at),
            sentence=self.get(d, "sentence", int, where, at=at),
            start=self.get(d, "start", int, where, -1, at=at),
            end=self.get(d, "end", int, where, -1, at=at),
            quote=self.get(d, "quote", str, where, "", at=at),
            orphan=bool(d.get("orphan", False)),
        )
        if a.sentence < 0:
            raise self.fail(f"{where}: sentence must be 0 or more", at + ("sentence",))
        return a

    def link(self, l: object, where: str, at: tuple) -> LinkDecision:
        if not isinstance(l, dict):
            raise self.fail(f"{where}: expected a table", at)
        rel = self.get(l, "relation", str, where, at=at)
        dec = self.get(l, "decision", str, where, at=at)
        origin = self.get(l, "origin", str, where, "suggested", at=at)
        if rel not in RELATIONS:
            raise self.fail(f"{where}: relation must be match or conflict, not {rel!r}", at + ("relation",))
        if dec not in DECISIONS:
            raise self.fail(f"{where}: decision must be accepted or rejected, not {dec!r}", at + ("decision",))
        if origin not in ORIGINS:
            raise self.fail(f"{where}: origin must be suggested or manual, not {origin!r}", at + ("origin",))
        score = l.get("score")
        if score is not None and (not isinstance(score, (int, float)) or isinstance(score, bool)):
            raise self.fail(f"{where}: score must be a number", at + ("score",))
        return LinkDecision(self.anchor(l.get("a"), where + " end a", at + ("a",)),
                            self.anchor(l.get("b"), where + " end b", at + ("b",)),
                            rel, dec, origin, None if score is None else float(score),
                            self.get(l, "note", str, where, "", at=at), self.get(l, "time", str, where, "", at=at),
                            _unknown(l, _LINK_FIELDS))


def from_dict(raw: object, path: str = "sidecar", text: str = "", fmt: str = "toml") -> ReviewData:
    r = _Reader(path, text, fmt)
    if not isinstance(raw, dict):
        raise r.fail("expected a table at the top level")
    raw, migrated = upgrade(raw, r.fail)
    data = ReviewData(reviewer=r.get(raw, "reviewer", str, "top level", "reviewer", at=()),
                      created=r.get(raw, "created", str, "top level", now(), at=()),
                      updated=r.get(raw, "updated", str, "top level", "", at=()), migrated_from=migrated,
                      extra=_unknown(raw, _TOP_FIELDS))
    cur = raw.get("cursor")
    if isinstance(cur, dict) and isinstance(cur.get("article"), str) and isinstance(cur.get("sentence"), int):
        data.cursor = (cur["article"], cur["sentence"])
    for n, t in enumerate(r.list(raw, "tags"), 1):
        where, at = f"tags entry {n}", ("tags", n)
        data.tags.append(Tag(r.anchor(t, where, at), r.get(t, "label", str, where, at=at),
                             r.get(t, "time", str, where, "", at=at), _unknown(t, _TAG_FIELDS)))
    for n, t in enumerate(r.list(raw, "notes"), 1):
        where, at = f"notes entry {n}", ("notes", n)
        data.notes.append(Note(r.anchor(t, where, at), r.get(t, "text", str, where, at=at),
                               r.get(t, "time", str, where, "", at=at), _unknown(t, _NOTE_FIELDS)))
    data.links = [r.link(l, f"links entry {n}", ("links", n)) for n, l in enumerate(r.list(raw, "links"), 1)]
    for n, t in enumerate(r.list(raw, "absent_labels"), 1):
        where, at = f"absent_labels entry {n}", ("absent_labels", n)
        data.absent.append(Tag(r.anchor(t, where, at), r.get(t, "label", str, where, at=at),
                               r.get(t, "time", str, where, "", at=at), _unknown(t, _TAG_FIELDS)))
    return data


# --------------------------------------------------------------------------- files

def _parse(text: str, fmt: str, path: str) -> object:
    if fmt == "json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SidecarError(f"invalid JSON: {exc.msg}", path=path, line=exc.lineno) from None
        except RecursionError:
            raise SidecarError(TOO_DEEP, path=path) from None
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise SidecarError(TOO_DEEP, path=path) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r"\(at line (\d+), column \d+\)", msg)
        raise SidecarError("invalid TOML: " + re.sub(r"\s*\(at line \d+, column \d+\)", "", msg), path=path,
                           line=int(m.group(1)) if m else None) from None


TOO_DEEP = "nested too deeply to read (thousands of brackets)"
EMPTY = "is empty (0 bytes): not a sidecar this app wrote"


def read_sidecar_bytes(p: Path) -> bytes:
    """The bytes of a sidecar file; a FIFO or device is refused without blocking. Raises SidecarError."""
    from reviewer.errors import ArticleError
    from reviewer.io.articles import read_regular_file

    sp = str(p)
    try:
        return read_regular_file(p, sp, max_bytes=1 << 31)
    except ArticleError as exc:
        raise SidecarError(exc.message, path=sp) from None
    except FileNotFoundError:
        raise SidecarError("no such sidecar", path=sp) from None
    except OSError as exc:
        raise SidecarError(f"cannot read ({exc.strerror or exc})", path=sp) from None


def loads_sidecar(raw_bytes: bytes, p: Path) -> ReviewData:
    sp = str(p)
    if not raw_bytes.strip():
        # Never read as an empty "schema 0" sidecar and converted: that would replace the backup.
        raise SidecarError(EMPTY, path=sp)
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SidecarError("not valid UTF-8", path=sp) from None
    try:
        raw = _parse(text, format_of(p), sp)
    except SidecarError:
        # An article (or any other file) given where a sidecar goes: name the mistake, not its TOML.
        if not p.name.lower().removesuffix(BACKUP_SUFFIX).endswith((".toml", ".json")):
            raise SidecarError("not a sidecar (a sidecar is NAME.review.toml or NAME.review.json)", path=sp) from None
        raise
    if raw == {} or raw == []:
        raise SidecarError("holds no sidecar fields (no schema, reviewer, tags or links): not a sidecar this app "
                           "wrote", path=sp)
    return from_dict(raw, sp, text, format_of(p))


# Files this process read or wrote as good sidecars, by path: (size, mtime_ns, inode) then. A
# save checks that what it is about to back up is such a file without parsing it again.
_KNOWN_GOOD: dict[str, tuple[int, int, int]] = {}


def _stamp(p: Path) -> tuple[int, int, int] | None:
    try:
        st = p.stat()
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def load_sidecar(path: str | os.PathLike[str]) -> ReviewData:
    p = Path(path)
    stamp = _stamp(p)
    data = loads_sidecar(read_sidecar_bytes(p), p)
    if stamp is not None and stamp == _stamp(p):
        _KNOWN_GOOD[os.path.abspath(p)] = stamp
    return data


def parses(path: Path) -> bool:
    """Whether ``path`` holds a sidecar this version can read (so it may become the backup)."""
    stamp = _stamp(path)
    if stamp is not None and _KNOWN_GOOD.get(os.path.abspath(path)) == stamp:
        return True
    try:
        load_sidecar(path)
    except SidecarError:
        return False
    return True


def save_sidecar(path: str | os.PathLike[str], data: ReviewData, *, backup: bool = True) -> None:
    """Atomic write; the previous version is kept as ``<name>.bak``. Raises SidecarError."""
    p = Path(path)
    data.updated = now()
    text = dumps(data, format_of(p))
    folder = p.parent
    if not folder.is_dir():
        raise SidecarError(f"cannot save: the folder {folder} does not exist; your work is kept in memory",
                           path=str(p))
    # The backup is the last good version: a file that does not parse (empty, truncated,
    # corrupt) never replaces it.
    if backup and p.exists() and not parses(p):
        backup = False
    try:
        write_atomic(p, text, backup=backup)
    except OSError as exc:
        raise SidecarError(f"could not save ({exc.strerror or exc}); your work is kept in memory",
                           path=str(p)) from None
    stamp = _stamp(p)
    if stamp is not None:
        _KNOWN_GOOD[os.path.abspath(p)] = stamp
