"""The default key bindings and the checks on a user's ``[keys]`` overrides (no Textual import).

Each binding has an id (what ``[keys]`` in config.toml names), its default keys, the app action
and a description shown by ``?``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

KEYS: list[tuple[str, str, str, str]] = [
    ("down", "j,down", "move(1)", "next sentence"),
    ("up", "k,up", "move(-1)", "previous sentence"),
    ("right", "l,right,tab", "column(1)", "next article (to the linked sentence when there is one)"),
    ("left", "h,left,shift+tab", "column(-1)", "previous article"),
    ("first", "g,home", "edge(0)", "first sentence"),
    ("last", "G,end", "edge(1)", "last sentence"),
    ("page_down", "pagedown", "page(1)", "page down"),
    ("page_up", "pageup", "page(-1)", "page up"),
    ("next_conflict", "n", "next_conflict(1)", "next open conflict (next search result while searching)"),
    ("prev_conflict", "N", "next_conflict(-1)", "previous open conflict (previous search result)"),
    ("next_unreviewed", "m", "next_unreviewed(1)", "next sentence with a link to review"),
    ("prev_unreviewed", "M", "next_unreviewed(-1)", "previous sentence with a link to review"),
    ("jump", "enter", "jump", "jump to the linked sentence; again: the next link"),
    ("focus_link", "right_square_bracket", "focus_link(1)", "select the next link of this sentence"),
    ("focus_link_back", "left_square_bracket", "focus_link(-1)", "select the previous link"),
    ("accept_link", "a", "decide('accepted')", "accept the selected link (again: undecided)"),
    ("reject_link", "x", "decide('rejected')", "reject the selected link (again: undecided)"),
    ("flip_link", "r", "flip_link", "flip the selected link: match ⇄ conflict (your decision)"),
    ("mark", "space", "mark", "mark this sentence for a manual link"),
    ("link_match", "equals_sign", "manual_link('match')", "manual match between the mark and this sentence"),
    ("link_conflict", "exclamation_mark", "manual_link('conflict')", "manual conflict between the mark and this sentence"),
    ("note", "e", "note", "edit the note of the selected link (if decided) or of the sentence"),
    ("search", "slash", "search", "fuzzy search across all articles"),
    ("filter", "f", "cycle_filter", "filter: all / conflicts / unreviewed / tagged"),
    ("claims", "c", "claims", "claims: who states, contradicts or is silent on each claim; decide a claim at once"),
    ("undo", "u", "undo", "undo"),
    ("redo", "ctrl+r", "redo", "redo"),
    ("save", "s", "save", "save now (changes are also saved automatically)"),
    ("help", "question_mark", "help", "this help"),
    ("quit", "q", "quit_app", "save and quit"),
    ("escape", "escape", "clear", "leave search / clear the mark"),
]

def key_names(keys: str) -> str:
    """Binding keys as a person types them (question_mark → ?)."""
    for name, char in (("question_mark", "?"), ("equals_sign", "="), ("exclamation_mark", "!"), ("slash", "/"),
                       ("right_square_bracket", "]"), ("left_square_bracket", "["), (",", " ")):
        keys = keys.replace(name, char)
    return keys


def _keys(spec: str) -> list[str]:
    return [k.strip() for k in spec.split(",") if k.strip()]


def check_key_overrides(overrides: Mapping[str, str], label_keys: Iterable[str] = ()) -> tuple[dict[str, str], list[str]]:
    """The overrides that can be applied, and one message per override that cannot.

    Refused, with a message: an unknown binding id, an empty key list, and an override whose
    key another binding or a label's digit still uses (so ``accept_link = "q"`` can never take
    quit away; to move a key, rebind both bindings).
    """
    defaults = {bid: _keys(keys) for bid, keys, _a, _d in KEYS}
    ids = set(defaults)
    effective = dict(defaults)
    ok: dict[str, str] = {}
    problems: list[str] = []
    for bid, spec in overrides.items():
        if bid not in ids:
            problems.append(f"[keys] {bid!r} is not a binding id (press ? to see them); ignored")
            continue
        keys = _keys(spec)
        if not keys:
            problems.append(f"[keys] {bid}: no key given; the default {','.join(defaults[bid])} is kept")
            continue
        effective[bid] = keys
        ok[bid] = ",".join(keys)
    labels = {k for k in label_keys if k}
    owners: dict[str, list[str]] = {}
    for bid, keys in effective.items():
        for k in keys:
            owners.setdefault(k, []).append(bid)
    refused: set[str] = set()
    for k, bids in sorted(owners.items()):
        if len(bids) > 1 or k in labels:
            who = bids + ([f"label key {k}"] if k in labels else [])
            overriding = [b for b in bids if b in ok]
            refused.update(overriding)
            problems.append(f"[keys] {k!r} would be shared by {', '.join(who)}; "
                            f"the override of {', '.join(overriding)} is ignored")
    for b in refused:
        ok.pop(b, None)
    return ok, problems
