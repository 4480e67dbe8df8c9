"""The project's own error types: everything a user can cause is one of these."""

from __future__ import annotations


class ReviewerError(Exception):
    """A problem with the user's input, reported as one line (never a traceback)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        self.message = message
        self.path = path
        self.line = line
        self.details: list[str] = []  # lines printed before this one (e.g. why each file was skipped)
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = ""
        if self.path is not None:
            where = str(self.path)
            if self.line is not None:
                where += f":{self.line}"
            where += ": "
        return where + self.message


class ArticleError(ReviewerError):
    """An article file that cannot be read (it is skipped, the others still load)."""


class ConfigError(ReviewerError):
    """A configuration file that is invalid."""


class SidecarError(ReviewerError):
    """A sidecar file that cannot be read or written."""
