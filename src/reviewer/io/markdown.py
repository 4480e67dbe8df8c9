"""Markdown articles (``.md``): the markup is taken out of the sentences, the offsets stay.

:func:`read_markdown` finds the markup of a body (headings' ``#``, setext underlines, block-quote
``>``, list bullets and numbers, emphasis ``*`` ``_`` ``~~``, code backticks and fences, links'
brackets and targets, images, reference definitions, HTML tags, backslashes of escapes) and
returns the body with those characters **blanked to spaces** (same length, line breaks kept:
every offset into it is an offset into the file's body) and a mask of them. Sentences are cut
in the blanked text; a sentence's text is the original characters of its span with the markup
left out (:meth:`Markdown.text`), so ``**capsized**`` reads ``capsized`` and
``[the coastguard](https://…)`` reads ``the coastguard``, while ``start``/``end`` still point
into the file. The first heading, when it is the first thing in the body, is the title (as a
JSON article's ``title``): it is not a sentence.

Line-based regular expressions, linear in the size of the text: not a full CommonMark parser
(tables, HTML blocks and nested containers beyond quotes and lists are read as text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_REF_DEF = re.compile(r" {0,3}\[[^\]\n]+\]:[ \t]*\S")
_SETEXT = re.compile(r" {0,3}(=+|-+)[ \t]*\Z")
_BREAK = re.compile(r" {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*\Z")  # --- *** ___ (a thematic break)
_QUOTE = re.compile(r"(?: {0,3}>[ \t]?)+")
_ATX = re.compile(r" {0,3}(#{1,6})(?=[ \t]|\Z)")
_ATX_CLOSE = re.compile(r"[ \t]+(#+)[ \t]*\Z")
_BULLET = re.compile(r"[ \t]*((?:[-*+]|\d{1,9}[.)])(?:[ \t]+(?:[-*+]|\d{1,9}[.)]))*)(?=[ \t])")  # "- 1. " nested

# Inline spans are looked for within _SPAN characters: an opening "*", "_", "~~", "[" or "`"
# that never closes must not make every later start scan to the end of a long line (a whole
# article on one line took minutes: the search was quadratic).
_SPAN = 200
_CODE = re.compile(r"(`+)(?!`)(.{1,%d}?)(?<!`)\1(?!`)" % _SPAN)
_IMAGE = re.compile(r"!\[[^\]\n]{0,%d}\]\([^)\n]{0,%d}\)" % (_SPAN, 4 * _SPAN))
_LINK = re.compile(r"\[([^\]\n]{1,%d})\](\([^()\n]{0,%d}(?:\([^()\n]{0,%d}\)[^()\n]{0,%d})?\)|\[[^\]\n]{0,%d}\])"
                   % (_SPAN, 4 * _SPAN, _SPAN, _SPAN, _SPAN))
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]{1,%d})>" % (4 * _SPAN))
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,%d})?/?>" % _SPAN)
_STARS = re.compile(r"(?<![\\*])(\*{1,3})(?=[^\s*])(.{1,%d}?)(?<=[^\s*\\])\1(?!\*)" % _SPAN)
_UNDERS = re.compile(r"(?<![\w\\_])(_{1,3})(?=[^\s_])(.{1,%d}?)(?<=[^\s_\\])\1(?![\w_])" % _SPAN)
_STRIKE = re.compile(r"(?<!~)~~(?=\S)(.{1,%d}?)(?<=\S)~~(?!~)" % _SPAN)
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


@dataclass(frozen=True)
class Markdown:
    """A Markdown body read: ``blanked`` (markup as spaces, same length as the body), the
    ``mask`` of markup characters (1 = markup) and the ``title`` (None without one)."""

    body: str
    blanked: str
    mask: bytes
    title: str | None

    def text(self, start: int, end: int) -> str:
        """The text of ``body[start:end]`` without its markup; where markup stood between two
        spaces, one space is kept."""
        return self.text_and_offsets(start, end)[0]

    def text_and_offsets(self, start: int, end: int) -> tuple[str, tuple[int, ...]]:
        """:meth:`text`, and for each of its characters its offset in the body (so a span of
        the text maps back to the file, as the alignment JSON's evidence spans must)."""
        out: list[str] = []
        at: list[int] = []
        gap = False
        body, mask = self.body, self.mask
        for i in range(start, end):
            if mask[i]:
                gap = True
                continue
            ch = body[i]
            if gap and ch in " \t" and (not out or out[-1] in " \t\n"):
                continue
            gap = False
            out.append(ch)
            at.append(i)
        text = "".join(out)
        lead = len(text) - len(text.lstrip())
        kept = text.strip()
        return kept, tuple(at[lead:lead + len(kept)])


def read_markdown(body: str) -> Markdown:
    """The markup of ``body`` blanked (see the module's docstring)."""
    mask = bytearray(len(body))
    lines = body.split("\n")
    starts = []
    pos = 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    fence: str | None = None
    title_line: int | None = None
    first = next((k for k, ln in enumerate(lines) if ln.strip()), None)
    for k, ln in enumerate(lines):
        at = starts[k]
        m = _FENCE.match(ln)
        if fence is not None or m:
            if m and (fence is None or m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)):
                _mark(mask, at, at + len(ln))
                fence = None if fence is not None else m.group(1)
            continue  # a code block's lines are read as they are
        if _REF_DEF.match(ln):
            _mark(mask, at, at + len(ln))
            continue
        if _BREAK.match(ln) and not (k > 0 and lines[k - 1].strip() and _SETEXT.match(ln)):
            _mark(mask, at, at + len(ln))
            continue
        if k > 0 and _SETEXT.match(ln) and lines[k - 1].strip() and not _ATX.match(lines[k - 1]):
            _mark(mask, at, at + len(ln))
            if k - 1 == first:
                title_line = k - 1
            continue
        i = 0
        q = _QUOTE.match(ln)
        if q:
            _mark_chars(mask, at, ln, q.start(), q.end(), ">")
            i = q.end()
        h = _ATX.match(ln, i)
        if h:
            _mark(mask, at + h.start(1), at + h.end(1))
            c = _ATX_CLOSE.search(ln, h.end())
            if c:
                _mark(mask, at + c.start(1), at + c.end(1))
            if k == first:
                title_line = k
        else:
            b = _BULLET.match(ln, i)
            if b:
                _mark(mask, at + b.start(1), at + b.end(1))
        _inline(ln, at, i, mask)
    title = None
    if title_line is not None:
        at = starts[title_line]
        end = at + len(lines[title_line])
        title = Markdown(body, "", bytes(mask), None).text(at, end) or None
        if title is not None:
            _mark(mask, at, end)  # the title is the article's title, not one of its sentences
    blanked = "".join(" " if m else ch for ch, m in zip(body, mask)) if any(mask) else body
    return Markdown(body, blanked, bytes(mask), title)


def _mark(mask: bytearray, start: int, end: int) -> None:
    mask[start:end] = b"\x01" * (end - start)


def _mark_chars(mask: bytearray, at: int, line: str, start: int, end: int, chars: str) -> None:
    for i in range(start, end):
        if line[i] in chars:
            mask[at + i] = 1


def _inline(line: str, at: int, start: int, mask: bytearray) -> None:
    """Inline markup of one line from ``start``: code spans first (their content is text as it
    is), then images, links, autolinks, tags, emphasis and escapes outside them."""
    local = bytearray(len(line))  # 1 = markup, 2 = inside a code span (left alone)
    for m in _CODE.finditer(line, start):
        local[m.start():m.start(2)] = b"\x01" * (m.start(2) - m.start())
        local[m.start(2):m.end(2)] = b"\x02" * (m.end(2) - m.start(2))
        local[m.end(2):m.end()] = b"\x01" * (m.end() - m.end(2))

    def free(a: int, b: int) -> bool:
        return not any(local[a:b])

    def mark(a: int, b: int) -> None:
        local[a:b] = b"\x01" * (b - a)

    work = line
    for m in _IMAGE.finditer(work, start):
        if free(m.start(), m.end()):
            mark(m.start(), m.end())
    for m in _LINK.finditer(work, start):
        if free(m.start(), m.end()):
            mark(m.start(), m.start() + 1)
            mark(m.end(1), m.end())
    for m in _AUTOLINK.finditer(work, start):
        if free(m.start(), m.end()):
            mark(m.start(), m.start() + 1)
            mark(m.end() - 1, m.end())
    for m in _TAG.finditer(work, start):
        if free(m.start(), m.end()):
            mark(m.start(), m.end())
    for _ in range(3):  # nested emphasis (**a *b* c**): one level a pass
        work = "".join(" " if local[i] == 1 else ch for i, ch in enumerate(line))
        found = False
        for rx in (_STARS, _UNDERS, _STRIKE):
            for m in rx.finditer(work, start):
                delim = m.group(1) if rx is not _STRIKE else "~~"
                n = len(delim)
                if local[m.start()] or local[m.end() - 1]:
                    continue
                mark(m.start(), m.start() + n)
                mark(m.end() - n, m.end())
                found = True
        if not found:
            break
    for m in _ESCAPE.finditer(line, start):
        if not local[m.start()]:
            mark(m.start(), m.start() + 1)
    for i, v in enumerate(local):
        if v == 1:
            mask[at + i] = 1
