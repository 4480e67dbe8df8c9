"""Work split over two cores with a forked child (issue 15: the dense cluster's decisions).

:func:`in_two` runs ``work(mine)`` here and ``work(theirs)`` in a forked copy of this process
at the same time, and hands back both results. The work must be a pure function of what the
process held when it forked (caches it fills are fine: the child's are lost, the results are
the same), and its result must pickle. It runs here, one half after the other, when:

- the system has no ``fork`` (Windows) or only one core is ours;
- other Python threads run in this process (a fork copies their locks mid-state);
- the machine is busy (load average over cores - 1.5): a second process then gets no more of
  the processors than this one would (the scheduler shares them out by session), and its
  copy-on-write pages cost CPU time: it would only slow others and itself;
- the fork or the child fails, in any way (the child's half is then worked out here).

It is opt-in: ``REVIEWER_TWOCORES=auto`` in the environment forks under the rules above,
``on`` forks whatever the load (benchmarks, checks that the split changes no byte); unset or
``off`` never forks. Measured on the dense 5k cluster on a 2-core machine at load ~1.7, four
alternating runs, the split saved no wall time (2.24 and 2.48 s with it, 2.94 and 2.65 s
without, within the noise) and costs ~0.5 s of CPU in copy-on-write pages, so it stays off
by default until a machine with free cores shows a gain.

The child polls its parent (``check`` every few items of the work): when the parent is gone
(the TUI's alignment process killed on cancel) it ends at once instead of finishing its half.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
import warnings
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")

ENABLED = True  # tests switch it off, or force it on small work with MIN_ITEMS = 0
MIN_ITEMS = 6000  # fewer items: forking costs more than the half it takes off (tens of ms)


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _threads() -> int:
    return threading.active_count()


def idle() -> bool:
    """Is a second core free (the load average over the last minute at most cores - 1.5)?"""
    if os.environ.get("REVIEWER_TWOCORES") == "on":
        return True
    try:
        return os.getloadavg()[0] <= cores() - 1.5
    except (AttributeError, OSError):
        return True


def usable(n_items: int) -> bool:
    """Would :func:`in_two` fork for this many items?"""
    return (ENABLED and os.environ.get("REVIEWER_TWOCORES") in ("on", "auto") and n_items >= MIN_ITEMS
            and hasattr(os, "fork") and cores() >= 2 and _threads() == 1 and idle())


def no_check() -> None:
    """The check of work that runs in this process: nothing to watch."""
    return None


def in_two(work: Callable[[Sequence[int], Callable[[], None]], T], mine: Sequence[int],
           theirs: Sequence[int]) -> tuple[T, T]:
    """(work(mine), work(theirs)), the second in a forked child when :func:`usable`.
    ``work(items, check)`` calls ``check()`` now and then (every few hundred items)."""
    if not usable(len(mine) + len(theirs)) or not theirs:
        return work(mine, no_check), work(theirs, no_check)
    try:
        r, w = os.pipe()
    except OSError:
        return work(mine, no_check), work(theirs, no_check)
    parent = os.getpid()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # 3.12+: native threads (BLAS) are idle here
            pid = os.fork()
    except OSError:
        os.close(r)
        os.close(w)
        return work(mine, no_check), work(theirs, no_check)
    if pid == 0:  # the child: its half, pickled into the pipe, then gone without any clean-up
        code = 1
        try:
            os.close(r)

            def check() -> None:
                if os.getppid() != parent:
                    os._exit(1)  # the parent was killed (cancelled): stop now

            data = pickle.dumps(work(theirs, check), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(w, "wb") as out:
                out.write(data)
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    done = False
    try:
        here = work(mine, no_check)
        with os.fdopen(r, "rb") as inp:
            r = -1
            data = inp.read()
        _, status = os.waitpid(pid, 0)
        done = True
        if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0 and data:
            try:
                return here, pickle.loads(data)
            except Exception:  # noqa: BLE001 - a broken answer: the half is worked out here
                pass
        return here, work(theirs, no_check)
    finally:
        if r >= 0:
            os.close(r)
        if not done:  # an exception here (KeyboardInterrupt...): the child ends with us
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
