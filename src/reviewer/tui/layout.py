"""Which articles the column slots show (plain Python, tested without a screen).

Usually a run of neighbouring articles, scrolled sideways as little as needed to hold the
cursor's article and, when it fits in the same run, the selected link's. When the link's
article is further away than the run is wide (cursor in the 4th article, link in the 1st, three
columns), both are shown anyway, with a gap: some articles between them are left out, the other
slots show their neighbours from the outside in, else articles from between (those on screen
already first). The slots always stand in
article order (the columns never swap places), and while they hold the cursor's article, a move
to another column on screen (``stay``: h / l) never scrolls them. The top bar lists the slots'
article numbers and names what is off screen.
"""

from __future__ import annotations

__all__ = ["column_step", "describe_hidden", "window"]


def window(first: int, cur: int, want: int | None, n: int, shown: int, keep: list[int] | None = None,
           stay: bool = False) -> list[int]:
    """The article shown in each slot, in article order. ``first`` is the first article shown
    so far (the run moves as little as it can); ``keep``, the slots so far, stay as they are
    while they hold both articles, or (``stay``) the cursor's alone."""
    shown = max(1, min(shown, n))
    if want is not None and (want == cur or not 0 <= want < n):
        want = None
    if (keep and len(keep) == shown and cur in keep and (stay or want is None or want in keep)
            and max(keep) < n):
        return list(keep)
    if want is not None and abs(want - cur) < shown:
        if want < first:
            first = want
        elif want >= first + shown:
            first = want - shown + 1
    if cur < first:
        first = cur
    elif cur >= first + shown:
        first = cur - shown + 1
    first = max(0, min(first, n - shown))
    run = list(range(first, first + shown))
    if want is None or want in run or shown < 2:
        return run  # one column: the cursor's article (trial, stop 25: it showed the first article)
    lo, hi = min(cur, want), max(cur, want)
    outside = [k for d in range(1, n) for k in (hi + d, lo - d) if 0 <= k < n and not lo <= k <= hi]
    # nothing left outside the two: articles between them, those on screen already first (the
    # fewest columns change), then the cursor's neighbours
    between = sorted(range(lo + 1, hi), key=lambda k: (k not in (keep or ()), abs(k - cur)))
    room = shown - 2
    extra = outside[:room]
    inner = between[:room - len(extra)]
    return sorted(extra + inner + [lo, hi])


def describe_hidden(order: list[int], n: int) -> tuple[list[int], list[int], list[int]]:
    """The articles off screen: left of the slots, left out between them, right of them (for
    slots out of article order, all of them count as left out)."""
    if order != sorted(order):
        return [], [k for k in range(n) if k not in order], []
    on = set(order)
    lo, hi = min(order), max(order)
    return list(range(lo)), [k for k in range(lo, hi) if k not in on], list(range(hi + 1, n))


def column_step(order: list[int], cur: int, step: int, n: int) -> int | None:
    """The article ``h``/``l`` go to: the next slot on screen in that direction (slots may stand
    out of article order after a link jump); from the edge slot, the nearest article off screen
    in that direction, else the nearest off screen at all; None when every article is shown and
    the cursor is at the edge."""
    if cur in order:
        k = order.index(cur) + step
        if 0 <= k < len(order):
            return order[k]
    hidden = [a for a in range(n) if a not in order]
    pool = [a for a in hidden if (a - cur) * step > 0]
    if not pool and order != list(range(min(order, default=0), max(order, default=-1) + 1)):
        pool = hidden  # slots out of order or with a gap: what is left out is still reachable
    if not pool:
        return None
    return min(pool, key=lambda a: (abs(a - cur), a))
