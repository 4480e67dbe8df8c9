"""The inspector under the columns: the cursor's sentence, its labels and note, and its links
with their evidence; the selected link shows both sentences with the evidence underlined."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from reviewer.review import Key, ShownLink
from reviewer.tui.state import ViewState
from reviewer.tui.widgets.panel import TextPanel

STATE = {"accepted": "✓ accepted", "rejected": "✗ rejected", None: "to review"}


class Inspector(TextPanel):
    PREFIX = "inspector"
    COMPONENT_CLASSES = {"inspector--key", "inspector--no-labels", "inspector--note", "inspector--hint",
                         "inspector--pointer", "inspector--conflict", "inspector--match", "inspector--rejected",
                         "inspector--other", "inspector--evidence-conflict", "inspector--evidence-match"}

    def build(self, st: ViewState) -> Text:
        if st.session is None or st.session.sentences.get(st.cursor) is None:
            return Text()
        key = st.cursor
        out = Text()
        out.append(f"{key[0]}:{key[1]}  ", style=self.style_of("key"))
        tags = st.session.tags_by.get(key, [])
        for t in tags:
            lab = st.label(t)
            out.append(f"[{t}] ", style=f"bold {lab.color if lab else 'white'}")
        if not tags:
            out.append("no labels ", style=self.style_of("no-labels"))
        note = st.session.notes_by.get(key)
        if note:
            out.append(f"  note: {note}", style=self.style_of("note"))
        out.append("\n")
        if not st.links:
            out.append("no links" + (" yet: aligning…" if st.aligning else "") +
                       "   (space marks a sentence; = or ! in another place links it by hand)", style=self.style_of("hint"))
        for link in st.links:
            self._link(out, st, key, link)
        return out

    def _link(self, out: Text, st: ViewState, key: Key, link: ShownLink) -> None:
        mine = link is st.focus
        relation = self.style_of(link.relation)
        other = link.other(key)
        score = f"{link.score:.2f}" if link.score is not None else "manual"
        dim = self.style_of("other")
        out.append("▶ " if mine else "  ", style=self.style_of("pointer"))
        out.append(f"{'≠' if link.relation == 'conflict' else '≈'} {link.relation}",
                   style=relation if link.decision != "rejected" else self.style_of("rejected"))
        out.append(f" {score}  → {other[0]}:{other[1]}  {STATE[link.decision]}", style="" if mine else dim)
        if link.note:
            out.append(f"  note: {link.note}", style=self.style_of("note"))
        ev = "; ".join(f"{e.kind}: “{e.a}” vs “{e.b}”" if key == link.a else f"{e.kind}: “{e.b}” vs “{e.a}”"
                       for e in link.evidence)
        if ev:
            out.append(f"   {ev}", style=relation if mine else dim)
        out.append("\n")
        said = st.others.describe(link.pair()) if st.others is not None else ""
        if said:  # --adjudicate: who said what
            disputed = st.others.disputed(link.pair())
            out.append(f"     {'DISPUTED  ' if disputed else 'agreed    '}{said}\n",
                       style=self.style_of("conflict" if disputed else "other"))
        if mine:
            out.append("     this: ", style=dim)
            out.append_text(self._highlighted(st, key, link))
            out.append("\n     that: ", style=dim)
            out.append_text(self._highlighted(st, other, link))
            out.append("\n")

    def _highlighted(self, st: ViewState, key: Key, link: ShownLink) -> Text:
        t = Text(st.session.sentences[key].text.replace("\n", " "))
        style: Style = self.style_of(f"evidence-{link.relation}")
        for e in link.evidence:
            span = e.a_span if key == link.a else e.b_span
            t.stylize(style, span[0], span[1])
        return t
