"""Loading a cluster of articles from files and folders.

Formats (see CONTRACT.md): ``.txt`` / ``.md`` (optionally starting with a
`` date YYYY-MM-DD `` header whose line may go on with text), ``.json`` (an object
with ``text`` and optional ``title``, ``date``, ``url``, ``source``; a list of such
objects is accepted too) and ``.jsonl`` (one such object per line).

A file that cannot be read is reported as a :class:`Problem` and skipped; the others
still load. Nothing here is quadratic in the size of a file.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from reviewer.errors import ArticleError, ReviewerError
from reviewer.models import Article, Cluster, Problem
from reviewer.io.segment import segment
from reviewer.filenames import is_reviewer_output

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")
_ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}")
MAX_FILE_BYTES = 512 * 1024 * 1024


def is_article_file(path: Path) -> bool:
    name = path.name
    if is_reviewer_output(name):
        return False
    return name.lower().endswith(ARTICLE_SUFFIXES)


def decode_bytes(data: bytes, path: str) -> str:
    """Decode an article file: UTF-8 (BOM dropped), or UTF-16 with a BOM; LF line ends."""
    if not data:
        raise ArticleError("the file is empty", path=path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ArticleError(f"not valid UTF-16 (byte {exc.start})", path=path) from None
    else:
        if b"\x00" in data:
            raise ArticleError("looks like a binary file (it contains NUL bytes)", path=path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ArticleError(
                f"not valid UTF-8 (line {line}, byte {exc.start}); save it as UTF-8", path=path
            ) from None
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("the file has no text (only whitespace)", path=path)
    return text


def split_header(text: str) -> tuple[str | None, str]:
    """Return (date, body): the `` date YYYY-MM-DD `` header removed, the rest of its line kept."""
    m = _HEADER.match(text)
    if not m:
        return None, text
    return m.group(1), text[m.end():]


def _clean_date(value: object) -> str | None:
    if isinstance(value, str):
        m = _ISO_DATE.match(value.strip())
        return m.group(0) if m else None
    return None


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    return str(value)


def _article_from_object(obj: object, *, art_id: str, path: str, where: str) -> Article:
    if not isinstance(obj, dict):
        raise ArticleError(f"{where}expected a JSON object with a \"text\" field", path=path)
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{where}missing or empty \"text\" field", path=path)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    header_date, body = split_header(text)
    date = _clean_date(obj.get("date")) or header_date
    oid = obj.get("id")
    if isinstance(oid, (str, int)) and str(oid).strip():
        art_id = str(oid).strip()
    art = Article(
        id=art_id,
        path=path,
        body=body,
        title=_str_or_none(obj.get("title")),
        date=date,
        source=_str_or_none(obj.get("source")),
        url=_str_or_none(obj.get("url")),
    )
    art.sentences = segment(body)
    return art


def load_file(path: Path) -> tuple[list[Article], list[Problem]]:
    """Load the article(s) of one file. Raises ArticleError when nothing in it can be read."""
    spath = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ArticleError(f"too large ({size // (1024 * 1024)} MB)", path=spath)
        data = path.read_bytes()
    except PermissionError:
        raise ArticleError("permission denied", path=spath) from None
    except IsADirectoryError:
        raise ArticleError("is a folder, not a file", path=spath) from None
    except FileNotFoundError:
        raise ArticleError("no such file", path=spath) from None
    except OSError as exc:
        raise ArticleError(f"cannot read ({exc.strerror or exc})", path=spath) from None
    text = decode_bytes(data, spath)
    suffix = path.suffix.lower()
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"invalid JSON at line {exc.lineno}: {exc.msg}", path=spath) from None
        if isinstance(obj, list):
            arts, problems = [], []
            for i, item in enumerate(obj, 1):
                try:
                    arts.append(_article_from_object(item, art_id=f"{stem}:{i}", path=spath, where=f"item {i}: "))
                except ArticleError as exc:
                    problems.append(Problem(spath, exc.message, "warning"))
            if not arts:
                raise ArticleError("no article in the JSON list", path=spath)
            return arts, problems
        return [_article_from_object(obj, art_id=stem, path=spath, where="")], []
    if suffix == ".jsonl":
        arts, problems = [], []
        for lineno, line in enumerate(text.split("\n"), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(Problem(spath, f"line {lineno}: invalid JSON ({exc.msg}); line skipped", "warning"))
                continue
            try:
                arts.append(_article_from_object(obj, art_id=f"{stem}:{lineno}", path=spath, where=f"line {lineno}: "))
            except ArticleError as exc:
                problems.append(Problem(spath, exc.message + "; line skipped", "warning"))
        if not arts:
            raise ArticleError("no readable article in this JSON Lines file", path=spath)
        return arts, problems
    date, body = split_header(text)
    art = Article(id=stem, path=spath, body=body, date=date)
    art.sentences = segment(body)
    if not art.sentences:
        raise ArticleError("no sentence found in the text", path=spath)
    return [art], []


def expand_paths(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[Problem]]:
    """Folders become their article files (sorted by name, not recursive); files stay."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                entries = sorted(os.scandir(p), key=lambda e: e.name)
            except OSError as exc:
                problems.append(Problem(str(p), f"cannot list the folder ({exc.strerror or exc})"))
                continue
            for entry in entries:
                child = Path(entry.path)
                try:
                    if not entry.is_file():
                        continue
                except OSError:
                    continue
                if is_article_file(child):
                    key = os.path.realpath(child)
                    if key not in seen:
                        seen.add(key)
                        files.append(child)
        elif p.exists():
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                files.append(p)
        else:
            problems.append(Problem(str(p), "no such file or folder"))
    return files, problems


def load_cluster(paths: Sequence[str | os.PathLike[str]]) -> Cluster:
    """Load every article under ``paths``. Raises ReviewerError when none can be read."""
    files, problems = expand_paths(paths)
    articles: list[Article] = []
    ids: dict[str, int] = {}
    for f in files:
        if f.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(Problem(str(f), f"not an article file (expected one of {', '.join(ARTICLE_SUFFIXES)}); skipped"))
            continue
        try:
            arts, more = load_file(f)
        except ArticleError as exc:
            problems.append(Problem(str(f), exc.message + "; skipped"))
            continue
        problems.extend(more)
        for art in arts:
            if art.id in ids:
                ids[art.id] += 1
                new_id = f"{art.id}#{ids[art.id]}"
                problems.append(Problem(art.path, f"duplicate article id {art.id!r}; loaded as {new_id!r}", "warning"))
                art.id = new_id
            else:
                ids[art.id] = 1
            articles.append(art)
    if not articles and problems and all(p.message == "no such file or folder" for p in problems):
        raise ReviewerError("no such file or folder", path=", ".join(p.path for p in problems))  # one line
    if not articles:
        where = ", ".join(str(p) for p in paths) or "(nothing given)"
        err = ReviewerError(f"no readable article found (accepted: {', '.join(ARTICLE_SUFFIXES)})", path=where)
        err.details = [p.one_line() for p in problems]
        raise err
    return Cluster(articles=articles, problems=problems)

