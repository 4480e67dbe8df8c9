"""reviewer: review several news articles about one event side by side.

The package is split into a pure core (no Textual import) and a thin ``tui`` layer:

- :mod:`reviewer.io.articles`  loading a cluster of articles from disk
- :mod:`reviewer.io.segment`   sentence segmentation with exact offsets
- :mod:`reviewer.engine`    the alignment engine: features, candidates, evidence, align,
  facts, textnorm, semantic, cache, alignjson, batch, evaluate; tuning in ``engine.settings``
- :mod:`reviewer.lang`      word lists, one module per language (``lang.en``)
- :mod:`reviewer.cli`       the ``reviewer`` command
"""

__version__ = "0.1.0"
