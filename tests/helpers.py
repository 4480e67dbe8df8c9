"""Shared test data and helpers: a small synthetic cluster (three articles about one factory
fire) with hand-made links, and a way to wait for a child process."""

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
