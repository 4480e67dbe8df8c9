"""The review state without Textual: the session (tags, decisions, notes, undo) and the
navigator (cursor, search, filter, jumps)."""

from reviewer.review.navigator import Navigator
from reviewer.review.session import FILTERS, Key, ReviewSession, ShownLink

__all__ = ["FILTERS", "Key", "Navigator", "ReviewSession", "ShownLink"]
