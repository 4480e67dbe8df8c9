"""Python's cycle collector, kept out of the keys.

A full collection walks every object the collector tracks; on a 10k-sentence cluster that took
70 to 270 ms, and it ran in the middle of a key about every twenty cursor moves (Textual makes
many short-lived strips, each with seven little caches, which is what triggers it). So, while
the review is on screen:

- ``settle()`` moves what lives as long as the review (the cluster, its links, the session,
  the indexes the first screen builds) out of the collector's sight (``gc.freeze``): full
  collections no longer walk it;
- full collections happen only when the reviewer pauses (``Idle.tick``, from a timer: no key
  for ``QUIET`` seconds), and automatically only as a last resort (a high third threshold);
  young objects are still collected as usual, which costs well under a millisecond a key;
- ``release()`` (when the review ends) gives everything back to the collector and restores its
  thresholds, so that a finished app (tests run many in one process) is collected as usual.
"""

from __future__ import annotations

import gc
import time

QUIET = 1.5  # seconds without a key before a full collection may run
FULL_EVERY = 1000  # automatic full collections: after this many middle ones (Python's default: 10)


class Idle:
    """The collector's schedule for one review on screen."""

    def __init__(self) -> None:
        self.last_key = time.monotonic()
        self._thresholds: tuple[int, int, int] | None = None
        self._due = False

    def install(self) -> None:
        if self._thresholds is None:
            self._thresholds = gc.get_threshold()
            t0, t1, _ = self._thresholds
            gc.set_threshold(t0, t1, FULL_EVERY)

    def settle(self) -> None:
        """What exists now lives as long as the review: out of the collector's sight."""
        gc.freeze()

    def key(self) -> None:
        self.last_key = time.monotonic()
        self._due = True

    def tick(self) -> None:
        """From a timer: a full collection when keys were pressed since the last one and none
        for ``QUIET`` seconds."""
        if self._due and time.monotonic() - self.last_key >= QUIET:
            self._due = False
            gc.collect()

    def release(self) -> None:
        if self._thresholds is not None:
            gc.set_threshold(*self._thresholds)
            self._thresholds = None
        gc.unfreeze()
