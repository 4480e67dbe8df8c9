"""The inspector under the columns: the cursor's sentence, its labels and note, and its links
with their evidence; the selected link shows both sentences with the evidence underlined."""

from __future__ import annotations

from collections.abc import Callable

from rich.style import Style
from rich.text import Text

from reviewer.review import Key, ShownLink
from reviewer.textsafe import safe_text
from reviewer.tui.state import ViewState
from reviewer.tui.visual_order import base_direction, has_rtl, visual_text
from reviewer.tui.wrap import line_levels
from reviewer.tui.widgets.panel import TextPanel

STATE = {"accepted": "✓ accepted", "rejected": "✗ rejected", None: "to review"}


class Inspector(TextPanel):
    PREFIX = "inspector"
    COMPONENT_CLASSES = {"inspector--key", "inspector--no-labels", "inspector--note", "inspector--hint",
                         "inspector--pointer", "inspector--conflict", "inspector--match", "inspector--rejected",
                         "inspector--other", "inspector--evidence-conflict", "inspector--evidence-match",
                         "inspector--evidence-note"}

    def cache_key(self) -> tuple | None:
        """Everything the inspector draws from (the size and styles are added by TextPanel):
        the lines drawn for a sentence come back when the cursor does (k over the j just made)."""
        st = self.info
        s = st.session
        if s is None or s.sentences.get(st.cursor) is None:
            return None
        key = st.cursor
        focus = next((i for i, l in enumerate(st.links) if l is st.focus), -1)
        other = st.links[focus].other(key) if focus >= 0 else None
        tags = tuple((t, lab.color if (lab := st.label(t)) else None) for t in s.tags_by.get(key, []))
        what = (key, s.sentences[key].text, st.links, focus, s.sentences[other].text if other in s.sentences else None,
                tags, s.notes_by.get(key), st.aligning, st.others)
        try:
            hash(what)
        except TypeError:
            return None
        return what

    def build(self, st: ViewState) -> Text:
        if st.session is None or st.session.sentences.get(st.cursor) is None:
            return Text()
        key = st.cursor
        width = max(20, self.content_size.width or 100)
        height = max(2, self.content_size.height or 10)
        head = Text()
        head.append(f"{key[0]}:{key[1]}  ", style=self.style_of("key"))
        tags = st.session.tags_by.get(key, [])
        for t in tags:
            lab = st.label(t)
            head.append(f"[{t}] ", style=f"bold {lab.color if lab else 'white'}")
        if not tags:
            head.append("no labels ", style=self.style_of("no-labels"))
        links = list(st.links)
        focus = next((i for i, l in enumerate(links) if l is st.focus), 0)
        if len(links) > 1:
            count, hint = f"   link {focus + 1} of {len(links)}", "  (] [ select)"
            # The key hint goes when it alone would wrap the head (its last word on a line of its own).
            if head.cell_len + len(count) <= width < head.cell_len + len(count) + len(hint):
                hint = ""
            head.append(count + hint, style=self.style_of("hint"))
        note = st.session.notes_by.get(key)
        if note:  # after the count: a long note wraps, "link 1 of 2" is never cut in two
            head.append(f"  note: {note}", style=self.style_of("note"))
        lines = self._hang(head, 0, 2, width, "L" if note and has_rtl(note) else None)
        if st.others is not None:  # --adjudicate: labels the reviewers set differently on this sentence
            for label, who in st.others.label_disputes.get(key, {}).items():
                said = " · ".join(f"{r}: {'✓' if r in who else '—'}" for r in st.others.reviewers)
                # the adjudicator's decision, or how to make it (the label's key: keep, leave out, undecided)
                state = ("(kept: you tagged it)" if label in tags else
                         "(left out: you decided it)" if label in st.session.absent_by.get(key, ()) else
                         f"(press {lab.key}: keep it; again: leave it out)" if (lab := st.label(label)) is not None
                         else "(not a label of your config: it stays with the majority)")
                lines += self._hang(Text(f"  LABEL DISPUTED  [{label}]  {said}  {state}",
                                         style=self.style_of("hint")), 0, 4, width)
        if not links:
            hint = Text("no links" + (" yet: aligning…" if st.aligning else "") +
                        "   (space marks a sentence; = or ! in another place links it by hand)", style=self.style_of("hint"))
            lines += self._hang(hint, 0, 2, width)
            return Text("\n").join(lines[:height])
        blocks: dict[int, list[Text]] = {}  # built only for the links the window looks at

        def size(k: int) -> int:
            if k not in blocks:
                blocks[k] = self._link(st, key, links[k], width)
            return len(blocks[k])

        lo, hi = self._window(size, len(links), focus, height - len(lines))
        if lo > 0:
            lines.append(Text(f"  ↑ {lo} more link{'s' if lo > 1 else ''} above ([)", style=self.style_of("hint")))
        shown = [line for k in range(lo, hi + 1) for line in blocks[k]]
        below = len(links) - 1 - hi
        room = height - len(lines) - (1 if below else 0)
        if len(shown) > room and lo == hi:  # the selected link alone is taller than the panel:
            # its evidence comes first on the link's line, each part gets a line (the start of
            # both sentences can be read), then they share the lines left in turn
            parts = self._link_parts(st, key, links[focus], width, compact=True)
            # a line each, and all of who said what and why (--adjudicate): "link 1 of 3" above
            # already says there are more, so "+2 more links below" gives its line up first
            said = sum(len(part) - 1 for name, part in parts if name == "said")
            if below and room < len(parts) + said:
                below, room = 0, room + 1
            shown = self._fit(parts, max(1, room), width)
        if len(shown) > room:
            shown = shown[:max(1, room - 1)] + [Text("     …", style=self.style_of("hint"))]
        lines += shown
        if below:
            lines.append(Text(f"  +{below} more link{'s' if below > 1 else ''} below (])", style=self.style_of("hint")))
        return Text("\n").join(lines)

    @staticmethod
    def _window(size: Callable[[int], int], n: int, focus: int, avail: int) -> tuple[int, int]:
        """The links to show, ``lo``..``hi`` of ``n``: the selected one, then as many after and
        before it as fit, keeping a line for each "more" marker needed (``size(k)``: the lines of
        link k, asked only for the links next to the window)."""
        lo = hi = focus
        used = size(focus)
        grew = True
        while grew:
            grew = False
            if hi + 1 < n and used + size(hi + 1) + (lo > 0) + (hi + 1 < n - 1) <= avail:
                hi += 1
                used += size(hi)
                grew = True
            if lo > 0 and used + size(lo - 1) + (lo - 1 > 0) + (hi < n - 1) <= avail:
                lo -= 1
                used += size(lo)
                grew = True
        return lo, hi

    def _hang(self, text: Text, first: int, indent: int, width: int, base: str | None = None) -> list[Text]:
        """``text`` wrapped to ``width``, the lines after the first indented by ``indent`` (the
        first one already starts ``first`` cells in). With ``base`` (a paragraph direction, "L"
        or "R"), each line is then put in visual order, right-to-left words the right way round
        (the text and its highlight spans stay in logical order until here). A right-to-left
        sentence that wraps is right-aligned within the ``body`` cells after the indent, as the
        columns show it: its lines end at one right edge, its label stays at the left."""
        body = max(8, width - max(first, indent))
        wrapped = list(text.wrap(self.app.console, body, overflow="fold"))
        if not wrapped:
            return [Text()]
        if base is not None:
            plain, pos, shown = text.plain, 0, []
            for line in wrapped:  # each line's levels in the whole sentence (found in order)
                at = plain.find(line.plain, pos)
                levels = line_levels(plain, at, at + len(line.plain), base == "R") if at >= 0 else None
                pos = at + len(line.plain) if at >= 0 else pos
                shown.append(visual_text(line, base, levels))
            wrapped = shown
            if base == "R" and len(wrapped) > 1:
                for line in wrapped:
                    line.rstrip()
                wrapped = [Text(" " * max(0, body - line.cell_len)) + line for line in wrapped]
        return [wrapped[0]] + [Text(" " * indent) + line for line in wrapped[1:]]

    def _link(self, st: ViewState, key: Key, link: ShownLink, width: int) -> list[Text]:
        return [line for _name, part in self._link_parts(st, key, link, width) for line in part]

    @staticmethod
    def _fit(parts: list[tuple[str, list[Text]]], room: int, width: int) -> list[Text]:
        """The selected link's parts in ``room`` lines: one line each first (the link's line,
        who said what when adjudicating, "that:", "this:", in that order while lines last), the
        lines left to "that:", then "this:", then the link's line. A part cut short ends in "…"."""
        sizes = {name: len(part) for name, part in parts}
        got = dict.fromkeys(sizes, 0)
        left = room
        # who said what (--adjudicate) is one line and what the adjudicator decides on: it came
        # last and a long sentence left it out below 130 columns
        for name in ("head", "said", "that", "this", "notes"):
            if name in sizes and left > 0:
                got[name], left = 1, left - 1
        if "said" in sizes:  # all of who said what, and why (wrapped: the one who disagrees came last)
            more = min(left, sizes["said"] - got["said"])
            got["said"], left = got["said"] + more, left - more
        # a fair share: the link's line (its evidence), the other sentence and this one get a
        # line each in turn (a long sentence took every line and left the evidence cut)
        turn = [name for name in ("head", "that", "this") if name in sizes]
        while left > 0 and any(got[n] < sizes[n] for n in turn):
            for name in turn:
                if left > 0 and got[name] < sizes[name]:
                    got[name], left = got[name] + 1, left - 1
        for name in ("said", "notes"):
            if name in sizes:
                more = min(left, sizes[name] - got[name])
                got[name], left = got[name] + more, left - more
        out: list[Text] = []
        for name, part in parts:
            lines = [line.copy() for line in part[:got[name]]]
            if lines and got[name] < len(part):
                last = lines[-1]
                body = last.plain[11:]
                if name in ("this", "that") and has_rtl(body) and base_direction(body) == "R":
                    # a right-to-left sentence reads on at its line's left end: the "…" goes there
                    lines[-1] = last[:11] + Text("…") + last[12:]
                else:
                    last.truncate(max(1, width - 1))
                    last.rstrip()
                    last.append("…")
            out += lines
        return out

    def _link_parts(self, st: ViewState, key: Key, link: ShownLink, width: int,
                    compact: bool = False) -> list[tuple[str, list[Text]]]:
        """The link's lines in named parts: "head" (relation, score, state, evidence), "notes"
        (the engine's notes on its evidence), "said"
        (--adjudicate), and for the selected link "this" and "that" (its two sentences).
        ``compact`` (a panel too small for the whole link): the link's line starts with where it
        goes and its decision, then the evidence, so its first line says which link it is, what
        was decided and what disagrees."""
        mine = link is st.focus
        relation = self.style_of(link.relation)
        other = link.other(key)
        # no score: a link made by hand, or (adjudicating) one the reviewers made that the engine did not suggest
        score = (f"{link.score:.2f}" if link.score is not None
                 else "by reviewers" if st.others is not None and link.origin != "manual" else "manual")
        dim = self.style_of("other")
        line = Text()
        sign = "≠" if link.relation == "conflict" else "≈"
        ev = "; ".join(f"{e.kind}: “{e.a}” vs “{e.b}”" if key == link.a else f"{e.kind}: “{e.b}” vs “{e.a}”"
                       for e in link.evidence)
        if compact:
            # A panel too small for the whole link: its first line must say what disagrees, where
            # the link goes and what was decided (stop 24: the evidence was cut; stop 25: the
            # target and decision were). So: the sign, the first piece of evidence by its words
            # alone, the target and decision, then the rest of the evidence and the score.
            vs = [f"“{e.a}” vs “{e.b}”" if key == link.a else f"“{e.b}” vs “{e.a}”" for e in link.evidence]
            line.append(f"{sign} " + (vs[0] if vs else link.relation),
                        style=relation if link.decision != "rejected" else self.style_of("rejected"))
            art = other[0] if len(other[0]) <= 14 else other[0][:12] + "…"  # a long id (a hash) cut: room for the decision
            line.append(f"  → {art}:{other[1]}  {STATE[link.decision]}", style="" if mine else dim)
            if len(vs) > 1:
                line.append("  " + "; ".join(vs[1:]), style=relation if mine else dim)
            # the relation in words after the evidence (before it, only the sign), then the score
            line.append(f"  {link.relation} {score}" if vs else f"  {score}", style="" if mine else dim)
        else:
            line.append(f"{sign} {link.relation}",
                        style=relation if link.decision != "rejected" else self.style_of("rejected"))
            line.append(f" {score}  → {other[0]}:{other[1]}  {STATE[link.decision]}", style="" if mine else dim)
        if link.note:
            line.append(f"  note: {link.note}", style=self.style_of("note"))
        if ev and not compact:
            line.append(f"   {ev}", style=relation if mine else dim)
        head = [Text("▶ " if mine else "  ", style=self.style_of("pointer")) + l if i == 0 else l
                for i, l in enumerate(self._hang(line, 2, 4, width, "L" if has_rtl(line.plain) else None))]
        notes: list[Text] = []
        for e in link.evidence:  # what the engine says about a piece of evidence, under the link's line
            if e.note.strip():
                # with several pieces of evidence, the note names the one it is about
                note = safe_text(" ".join(e.note.split()))
                if len(link.evidence) > 1:
                    note = f"{e.kind}: {note}"
                style = self.style_of("evidence-note")
                body = self._hang(Text(note, style=style), 6, 6, width, "L" if has_rtl(note) else None)
                notes += [Text("    ↳ ", style=style) + body[0]] + body[1:]
        out = [("head", head)] + ([("notes", notes)] if notes else [])
        said = st.others.describe(link.pair()) if st.others is not None else ""
        if said:  # --adjudicate: who said what
            pair = link.pair()
            disputed = st.others.disputed(pair)
            if disputed:  # the pair of different relations: `reviewer agree` lists no disagreement there
                what = f"DISPUTED  {said}" + ("  (different relations)" if st.others.relations_differ(pair) else "")
            elif st.others.decided_by(pair) > 1:
                what = f"agreed    {said}"
            else:  # one reviewer alone agrees with nobody
                who = next(iter(st.others.by_pair[pair]))
                what = f"decided by {who} only: {said[len(who) + 2:]}"
            style = self.style_of("conflict" if disputed else "other")
            # wrapped, not cut: on a narrow panel the reviewer who disagrees came last and was lost
            body = self._hang(Text(what, style=style), 5, 5, width)
            lines = [Text("     ") + body[0]] + body[1:]
            for who, note in sorted(st.others.notes.get(pair, {}).items()):  # why they decided so
                note = safe_text(note)
                body = self._hang(Text(f"{who}'s note: {note}", style=self.style_of("note")), 7, 7, width,
                                  "L" if has_rtl(note) else None)
                lines += [Text("       ") + body[0]] + body[1:]
            out.append(("said", lines))
        if mine:
            for label, k in (("this: ", key), ("that: ", other)):
                sentence = self._highlighted(st, k, link)
                base = base_direction(sentence.plain) if has_rtl(sentence.plain) else None
                body = self._hang(sentence, 11, 11, width, base)
                out.append((label[:4], [Text("     " + label, style=dim) + body[0]] + body[1:]))
        return out

    def _highlighted(self, st: ViewState, key: Key, link: ShownLink) -> Text:
        t = Text(st.session.sentences[key].text.replace("\n", " "))
        style: Style = self.style_of(f"evidence-{link.relation}")
        for e in link.evidence:
            span = e.a_span if key == link.a else e.b_span
            t.stylize(style, span[0], span[1])
        return t
