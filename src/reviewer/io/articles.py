"""Loading a cluster of articles from files and folders.

Formats (see CONTRACT.md): ``.txt`` / ``.md`` (optionally starting with a
`` date YYYY-MM-DD `` header whose line may go on with text; in ``.md`` the Markdown markup is
left out of the sentences' text and the first heading is the title, offsets unchanged: see
:mod:`reviewer.io.markdown`), ``.json`` (an object
with ``text`` and optional ``title``, ``date``, ``url``, ``source``; a list of such
objects is accepted too) and ``.jsonl`` (one such object per line).

A file that cannot be read is reported as a :class:`Problem` and skipped; the others
still load. Nothing here is quadratic in the size of a file.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Sequence
from pathlib import Path

from reviewer.errors import ArticleError, ReviewerError
from reviewer.models import Article, Cluster, Problem
from reviewer.io.segment import segment
from reviewer.filenames import is_reviewer_output, natural_key

ARTICLE_SUFFIXES = (".txt", ".md", ".json", ".jsonl")
_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[ \t]*")
_ISO_DATE = re.compile(r"\A\d{4}-\d{2}-\d{2}")
MAX_FILE_BYTES = 512 * 1024 * 1024


TOO_DEEP = "nested too deeply to read (thousands of brackets)"


def read_regular_file(path: Path, spath: str, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path``, which must be a regular file: a FIFO, socket or device is refused
    at once (opened without blocking, then checked), never read. Raises ArticleError or OSError."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "is a folder")
        if not stat.S_ISREG(st.st_mode):
            raise ArticleError("not a regular file (a FIFO, socket or device)", path=spath)
        if st.st_size > max_bytes:
            raise ArticleError(f"too large ({st.st_size // (1024 * 1024)} MB)", path=spath)
        chunks = []
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def is_article_file(path: Path) -> bool:
    name = path.name
    if is_reviewer_output(name):
        return False
    return name.lower().endswith(ARTICLE_SUFFIXES)


# The legacy encodings web pages are served in (the WHATWG Encoding Standard's list, as Python
# codecs): scraped news that is not UTF-8 is in one of these. Restricting the detector to them
# keeps it from choosing an old DOS or Mac code page that happens to score a little better.
WEB_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1251", "iso8859_5", "koi8_r",
                 "koi8_u", "cp1253", "iso8859_7", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "cp1256",
                 "iso8859_6", "cp1257", "iso8859_13", "cp1258", "cp874", "gb18030", "big5", "shift_jis",
                 "euc_jp", "iso2022_jp", "euc_kr")
MAX_CHAOS = 0.1  # the detector's "mess" ratio above which its guess is not trusted


LEGACY_ENV = "REVIEWER_LEGACY_ENCODINGS"  # "1": files that are not UTF-8 are read (--legacy-encodings)


def legacy_encodings_on() -> bool:
    """Are files that are not UTF-8 read in the legacy encoding detected for them? Off by default
    (such a file is reported and skipped, as the contract says); ``--legacy-encodings`` turns it
    on for the command and the processes it starts."""
    return os.environ.get(LEGACY_ENV) == "1"


def encoding_label(codec: str) -> str:
    """The name people know an encoding by: ``cp1252`` -> ``windows-1252``, ``iso8859_2`` ->
    ``iso-8859-2``, ``latin_1`` -> ``iso-8859-1``."""
    name = codec.lower().replace("_", "-")
    if name.startswith("cp125"):
        return "windows-" + name[2:]
    if name in ("latin-1", "latin1"):
        return "iso-8859-1"
    if name.startswith("iso8859"):
        return "iso-" + name[3:]
    return name


def detect_encoding(data: bytes) -> tuple[str, str] | None:
    """The text of ``data`` in the legacy web encoding ``charset_normalizer`` finds for it, and
    that encoding's name; None when it finds none it is confident of."""
    from charset_normalizer import from_bytes  # only for the rare file that is not UTF-8

    matches = from_bytes(data, cp_isolation=list(WEB_ENCODINGS))
    best = matches.best()
    if best is None or best.chaos > MAX_CHAOS:
        return None
    codec = best.encoding
    # a tie (as messy, as coherent: French in windows-1252 or windows-1250 differs by a letter or
    # two) goes to windows-1252, the legacy encoding of most news sites
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    if any("cp1252" in m.could_be_from_charset for m in tied):
        codec = "cp1252"
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None
    return text, encoding_label(codec)


def _broken_utf8(data: bytes, exc: UnicodeDecodeError) -> bool:
    """UTF-8 with a fault rather than another encoding: cut off inside its last character, or
    holding valid UTF-8 letters beside the bad bytes (read in a legacy encoding, every one of
    those letters would turn into two or three wrong ones)."""
    if exc.end == len(data) and "end of data" in exc.reason:
        return True
    return any(ord(ch) > 127 for ch in data.decode("utf-8", "ignore"))


def decode_bytes(data: bytes, path: str) -> str:
    """Decode an article file: UTF-8 (BOM dropped), or UTF-16 with a BOM; LF line ends."""
    return decode_article(data, path)[0]


def decode_article(data: bytes, path: str) -> tuple[str, str | None]:
    """Decode an article file: UTF-8 (BOM dropped), UTF-16 with a BOM, else the legacy web
    encoding :func:`detect_encoding` is confident of; LF line ends. Returns the text and the
    name of that legacy encoding (None for UTF-8/16)."""
    legacy = None
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
            found = None if _broken_utf8(data, exc) else detect_encoding(data)
            if found is None or not legacy_encodings_on():
                line = data.count(b"\n", 0, exc.start) + 1
                hint = (f"; it looks like {found[1]}: save it as UTF-8, or read such files with --legacy-encodings"
                        if found is not None else "; save it as UTF-8")
                raise ArticleError(f"not valid UTF-8 (line {line}, byte {exc.start}){hint}", path=path) from None
            text, legacy = found
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError("the file has no text (only whitespace)", path=path)
    return text, legacy


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
    url = obj.get("url")
    if isinstance(oid, (str, int)) and not isinstance(oid, bool) and str(oid).strip():
        art_id = str(oid).strip()
    elif art_id.endswith(":#"):
        # A record of a JSON list or JSON Lines file: a stable name, never its position (a blank
        # line or a new record at the top must not move tags to another article): its url, else
        # a hash of its text.
        if isinstance(url, str) and url.strip():
            art_id = url.strip()
        else:
            art_id = art_id[:-1] + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
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
        data = read_regular_file(path, spath)
    except PermissionError:
        raise ArticleError("permission denied", path=spath) from None
    except IsADirectoryError:
        raise ArticleError("is a folder, not a file", path=spath) from None
    except FileNotFoundError:
        raise ArticleError("no such file", path=spath) from None
    except OSError as exc:
        raise ArticleError(f"cannot read ({exc.strerror or exc})", path=spath) from None
    text, legacy = decode_article(data, spath)
    read_as = [Problem(spath, f"not UTF-8: read as {legacy} (the file is left as it is)", "warning")] if legacy else []
    arts, problems = _load_text(path, spath, text)
    return arts, read_as + problems


def _load_text(path: Path, spath: str, text: str) -> tuple[list[Article], list[Problem]]:
    suffix = path.suffix.lower()
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    if suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleError(f"invalid JSON at line {exc.lineno}: {exc.msg}", path=spath) from None
        except RecursionError:
            raise ArticleError(TOO_DEEP, path=spath) from None
        if isinstance(obj, list):
            arts, problems = [], []
            for i, item in enumerate(obj, 1):
                try:
                    arts.append(_article_from_object(item, art_id=f"{stem}:#", path=spath, where=f"item {i}: "))
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
            except RecursionError:
                problems.append(Problem(spath, f"line {lineno}: {TOO_DEEP}; line skipped", "warning"))
                continue
            try:
                arts.append(_article_from_object(obj, art_id=f"{stem}:#", path=spath, where=f"line {lineno}: "))
            except ArticleError as exc:
                problems.append(Problem(spath, exc.message + "; line skipped", "warning"))
        if not arts:
            raise ArticleError("no readable article in this JSON Lines file", path=spath)
        return arts, problems
    date, body = split_header(text)
    if suffix == ".md":
        art = _markdown_article(stem, spath, body, date)
    else:
        art = Article(id=stem, path=spath, body=body, date=date)
        art.sentences = segment(body)
    if not art.sentences:
        raise ArticleError("no sentence found in the text", path=spath)
    return [art], []


def _markdown_article(stem: str, spath: str, body: str, date: str | None) -> Article:
    """A ``.md`` article: sentences cut in the body with its markup blanked (offsets into the
    file's body unchanged), their text without the markup; the first heading, when it opens the
    body, is the title (see :mod:`reviewer.io.markdown`). ``body`` is the blanked body."""
    from dataclasses import replace

    from reviewer.io.markdown import read_markdown

    md = read_markdown(body)
    art = Article(id=stem, path=spath, body=md.blanked, date=date, title=md.title)
    sentences = []
    cut = segment(md.blanked)
    prev_end = 0
    for k, s in enumerate(cut):
        # a span takes in the markup at its edges ("**Three" not "Three", "died.**" not "died."),
        # never past a neighbour: markup between two sentences goes to the first one
        start, end = s.start, s.end
        next_start = cut[k + 1].start if k + 1 < len(cut) else len(body)
        while start > prev_end and md.mask[start - 1] and body[start - 1] not in "\n":
            start -= 1
        while end < next_start and md.mask[end] and body[end] not in "\n":
            end += 1
        prev_end = max(prev_end, end)
        text, at = md.text_and_offsets(start, end)
        if not text:
            continue
        source = body[start:end]
        if text == source:
            sentences.append(replace(s, index=len(sentences)))
        else:
            sentences.append(replace(s, index=len(sentences), start=start, end=end, text=text, source=source,
                                     source_at=tuple(k - start for k in at)))
    art.sentences = sentences
    return art


def expand_paths(paths: Sequence[str | os.PathLike[str]]) -> tuple[list[Path], list[Problem]]:
    """Folders become their article files (sorted by name in natural order, r_2 before r_10;
    not recursive); files stay."""
    files: list[Path] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            try:
                entries = sorted(os.scandir(p), key=lambda e: natural_key(e.name))
            except OSError as exc:
                problems.append(Problem(str(p), f"cannot list the folder ({exc.strerror or exc})"))
                continue
            outside: list[str] = []
            for entry in entries:
                child = Path(entry.path)
                try:
                    is_file = entry.is_file()
                    if not is_file and not entry.is_dir() and is_article_file(child) and os.path.exists(child):
                        problems.append(Problem(str(child), "not a regular file (a FIFO, socket or device); skipped"))
                    if not is_file:
                        continue
                except OSError:
                    continue
                if entry.is_symlink() and is_article_file(child) and not _inside(child, p):
                    outside.append(entry.name)
                    continue
                if is_article_file(child):
                    key = os.path.realpath(child)
                    if key not in seen:
                        seen.add(key)
                        files.append(child)
            if outside:
                problems.append(Problem(str(p), "not followed: symbolic links to files outside the folder "
                                        f"({', '.join(outside)}); give such a file by name to read it", "warning"))
        elif p.exists():
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                files.append(p)
        else:
            problems.append(Problem(str(p), "no such file or folder"))
    return files, problems


def _inside(link: Path, folder: Path) -> bool:
    """Whether the symbolic link ``link`` resolves to a file inside ``folder`` (itself resolved)."""
    try:
        target = Path(os.path.realpath(link))
        root = Path(os.path.realpath(folder))
    except OSError:
        return False
    return target == root or root in target.parents


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

