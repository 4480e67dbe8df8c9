"""Shared test data and helpers: a small synthetic cluster (three articles about one factory
fire) with hand-made links, and a way to wait for a child process."""

import contextlib
import os
import time

from reviewer.models import Evidence, Link, SentenceRef

ARTICLES = {
    "a.txt": " date 2023-03-14 \nFour workers were killed on Monday when a fire tore through a textile factory.\n\n"
             "The blaze started in a storage room shortly after 9 a.m.\n\n"
             "Police have arrested the plant manager.\n\nThe factory employs around 600 people.\n",
    "b.txt": " date 2023-03-14 \nA blaze at a textile factory killed six workers on Tuesday, officials said.\n\n"
             "The fire broke out in a storeroom around 9 in the morning.\n\n"
             "The plant manager has not been arrested, police said.\n",
    "c.txt": " date 2023-03-14 \nAt least four people died in a fire at a clothing factory on Monday.\n\n"
             "The fire started in a storage area and spread to the main hall.\n\n"
             "The company has promised compensation to the families.\n",
}


def links() -> list[Link]:
    R = SentenceRef
    return [
        Link(R("a", 0), R("b", 0), "conflict", 0.71,
             (Evidence("number", "Four workers", "six workers", (0, 12), (39, 50)),
              Evidence("weekday", "Monday", "Tuesday", (30, 36), (54, 61)))),
        Link(R("a", 0), R("c", 0), "match", 0.66),
        Link(R("a", 1), R("b", 1), "match", 0.62),
        Link(R("a", 1), R("c", 1), "match", 0.55),
        Link(R("a", 2), R("b", 2), "conflict", 0.64,
             (Evidence("negation", "arrested", "not been arrested", (16, 24), (26, 43)),)),
        Link(R("b", 0), R("c", 0), "conflict", 0.52, (Evidence("weekday", "Tuesday", "Monday", (54, 61), (60, 66)),)),
    ]


def started(proc):
    """Wait until the child has exec'd: before that, /proc shows the parent's command line."""
    for _ in range(500):
        try:
            if b"time.sleep" in open(f"/proc/{proc.pid}/cmdline", "rb").read():
                return proc
        except OSError:
            pass
        time.sleep(0.01)
    return proc


_SQLITE_MAGIC = b"SQLite format 3\x00"


def _is_store(path) -> bool:
    """A readable embeddings store (tests also write broken ones on purpose)."""
    import sqlite3

    try:
        with open(path, "rb") as f:
            if f.read(16) != _SQLITE_MAGIC:
                return False
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT count(*) FROM emb").fetchone()
        finally:
            con.close()
        return True
    except (OSError, sqlite3.Error):
        return False


@contextlib.contextmanager
def share_embeddings(cache_folder, shared):
    """Seed ``cache_folder`` with the run's shared embeddings store and take back what the test
    added: the seeds' sentences are embedded once per run, not once per test (about 3 s each),
    while every test keeps its own alignment cache. Only the model's time is saved: a stored
    embedding is the very vector the model gave."""
    import shutil
    from pathlib import Path

    cache_folder, shared = Path(cache_folder), Path(shared)
    store = cache_folder / "embeddings.sqlite3"
    cache_folder.mkdir(parents=True, exist_ok=True)
    if shared.exists():
        shutil.copyfile(shared, store)
    before = store.stat().st_size if store.exists() else 0
    try:
        yield store
    finally:
        if store.exists() and store.stat().st_size > before and _is_store(store):
            _backup(store, shared)


def _backup(store, shared) -> None:
    """Copy the test's store to the shared one through SQLite's backup (a consistent copy even if
    a child process still writes to it), checked before it replaces the shared store."""
    import sqlite3

    # One temporary name per process: test workers running side by side (pytest-xdist) may back
    # up at the same moment; each replace is atomic and the last one wins (a store is only ever a
    # cache of the model's vectors, so a lost entry is computed again, never wrong).
    tmp = shared.with_name(f"{shared.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(tmp)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error:
        tmp.unlink(missing_ok=True)
        return
    if _is_store(tmp):
        tmp.replace(shared)
    else:
        tmp.unlink(missing_ok=True)


async def wait_until(pilot, pred, timeout: float) -> bool:
    """Let the app run until pred() holds, for at most ``timeout`` seconds (the bound a fixed
    pause of that length gave): the caller asserts what it needs, as after the pause."""
    t0 = time.monotonic()
    while not pred() and time.monotonic() - t0 < timeout:
        await pilot.pause(0.05)
    await pilot.pause()
    return pred()
