"""Language support: identification (``lang.detect``), per-language data, one module per language
(``lang.en`` holds the word lists the engine reads), and readers of numbers, dates, weekdays and negation."""
