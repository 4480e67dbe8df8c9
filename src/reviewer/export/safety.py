"""Where an export may be written: never over an input (a sidecar or an article), never under a
name the article loader would read back as an article; and how it is written (atomically)."""

from __future__ import annotations

from pathlib import Path

from reviewer.errors import ReviewerError
from reviewer.export.formats import get_format, output_name
from reviewer.export.model import ExportData
from reviewer.sidecar.paths import is_sidecar_name


def refuse_inputs(out: Path, data: ExportData, fmt: str, split: bool = False) -> None:
    """Raise ReviewerError when writing ``fmt`` to ``out`` could replace an input or be read as
    an article next time (then it names a safe name: the format's registered suffix).
    ``split``: OUT is the folder ``--split`` writes into (else OUT is one file)."""
    try:
        target = out.resolve()
    except OSError:
        return
    inputs = {p.resolve() for p in data.sidecars} | {Path(a.path).resolve() for a in data.cluster.articles}
    if target in inputs:
        raise ReviewerError("is an input of this export (a sidecar or an article); choose another output file",
                            path=str(out))
    if is_sidecar_name(target.name):
        raise ReviewerError("looks like a sidecar; exports are never written over sidecars", path=str(out))
    reserved = _reserved(target)
    if reserved:
        raise ReviewerError(f"is {reserved}; exports are never written over it — choose another output file",
                            path=str(out))
    from reviewer.io.articles import is_article_file

    folders = {Path(a.path).resolve().parent for a in data.cluster.articles}
    if target in folders:
        if split:
            raise ReviewerError("is the article folder: what --split writes there (train.jsonl, dev.jsonl, "
                                "test.jsonl) would be read as articles; give another folder", path=str(out))
        name = (out / output_name(data.name, fmt)).as_posix()
        other = " (or, with --split, a folder other than the articles')" if get_format(fmt).rows else ""
        raise ReviewerError(f"is the article folder; -o needs a file name such as {name}{other}", path=str(out))
    if target.parent in folders and is_article_file(target):
        suggestion = output_name(target.name.rsplit(".", 1)[0], fmt)
        raise ReviewerError("would be read as an article of this cluster next time; name it "
                            f"{suggestion!r} (never read as an article) or write it in another folder",
                            path=str(out))


def _reserved(target: Path) -> str | None:
    """What ``target`` is when it is a file reviewer keeps for itself: a sidecar's backup, lock or
    temporary file, any backup or lock, or a configuration file."""
    from reviewer.atomic import BACKUP_SUFFIX
    from reviewer.filenames import CONFIG_NAME, LOCK_SUFFIX, is_sidecar_file

    name = target.name.lower()
    if is_sidecar_file(target.name) or name.endswith(BACKUP_SUFFIX):
        return "a sidecar's backup, lock or temporary file" if is_sidecar_file(target.name) else "a backup"
    if name.endswith(LOCK_SUFFIX):
        return "a lock file"
    if name == CONFIG_NAME:
        return "a configuration file"
    try:
        from reviewer.config import user_config_path

        if target == user_config_path().resolve():
            return "your configuration file"
    except Exception:  # no config folder on this system: nothing to protect there
        pass
    return None


def write_text(path: Path, text: str) -> None:
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
