"""``reviewer PATH --adjudicate``: the review screen opened as the reviewer ``adjudicator``, with
every other reviewer's decisions shown under each link in the inspector (who said what) and
``n`` / ``N`` stepping through the pairs they disagree on. The adjudicator's decisions are saved
in ``adjudicator.review.toml`` like any review; ``reviewer export --resolve adjudicated`` reads it."""

from __future__ import annotations

from reviewer.errors import ReviewerError
from reviewer.export.adjudication import Decisions, load_decisions
from reviewer.export.resolve import ADJUDICATOR

__all__ = ["ADJUDICATOR", "adjudicator_name", "start_adjudication"]


def adjudicator_name(reviewer: str | None) -> str:
    """The reviewer name to open with: always the adjudicator (another --reviewer is refused)."""
    if reviewer not in (None, ADJUDICATOR):
        raise ReviewerError(f"--adjudicate writes the sidecar of the reviewer {ADJUDICATOR!r}; leave out --reviewer")
    return ADJUDICATOR


def start_adjudication(app, paths: list[str]) -> Decisions:
    """Load the other reviewers' decisions into ``app``'s review screen (before it runs)."""
    decisions = load_decisions(app.cluster, paths, app.options.sidecar)
    app.review.adjudication = decisions
    # news, not a warning: in the status bar (a toast stood over the inspector's evidence); the
    # status bar keeps "adjudicating: N disputed pairs" after it
    app.options.news.append(decisions.summary())
    return decisions
