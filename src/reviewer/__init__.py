"""reviewer: review several news articles about one event side by side.

The package is split into a pure core (no Textual import) and a thin ``tui`` layer:

- :mod:`reviewer.io.articles`  loading a cluster of articles from disk
- :mod:`reviewer.io.segment`   sentence segmentation with exact offsets
- :mod:`reviewer.textnorm`  tokens, name normalisation, light stemming
- :mod:`reviewer.facts`     numbers, quantities, weekdays, dates, negation cues
- :mod:`reviewer.align`     candidate blocking, scoring, match/conflict decisions
- :mod:`reviewer.alignjson` the alignment JSON of the contract
- :mod:`reviewer.cli`       the ``reviewer`` command
"""

__version__ = "0.1.0"
