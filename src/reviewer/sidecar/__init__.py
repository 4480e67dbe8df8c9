"""The sidecar: one reviewer's tags, notes and link decisions, saved beside the articles.

Format (TOML by default, JSON on request; the same structure in both)::

    schema = 1
    reviewer = "alice"
    created = "2026-11-23T10:00:00Z"
    updated = "2026-11-23T10:05:00Z"
    [cursor]
    article = "000_cd086ea5a5d99049"
    sentence = 7
    [[tags]]
    article = "..."; sentence = 6; start = 1234; end = 1300; quote = "..."; label = "contradicted"; time = "..."
    [[notes]]
    article = "..."; sentence = 6; start = ...; end = ...; quote = "..."; text = "..."; time = "..."
    [[links]]
    relation = "conflict"; decision = "accepted"; origin = "suggested"; score = 0.71; note = ""; time = "..."
    a = { article = "...", sentence = 6, start = ..., end = ..., quote = "..." }
    b = { article = "...", sentence = 3, start = ..., end = ..., quote = "..." }

The modules, each with one job (the data model itself is :mod:`reviewer.annotations`):

- :mod:`.paths`     sidecar names: the suffixes, where a cluster's sidecars are, default names
- :mod:`.codec`     reading and writing TOML/JSON, validation with file and line
- :mod:`.migrate`   schema versions and the conversion of older ones
- :mod:`.reanchor`  re-attaching anchors to the current sentences; orphans
- :mod:`.lock`      the lock file that keeps a second instance read-only
- :mod:`.store`     :class:`~.store.SidecarStore`, an open sidecar and the guards around saving

Nothing is imported here, so that :mod:`.paths` stays cheap for the article loader.
"""
