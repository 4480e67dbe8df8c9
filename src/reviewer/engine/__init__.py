"""The alignment engine: features, candidates, evidence, decisions, the cache and batch runs.

Nothing here imports the sidecar, review, export or TUI code."""
