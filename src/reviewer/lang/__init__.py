"""Language data: one module per language (word lists for numbers, dates, stopwords,
synonyms, antonyms and roles). The engine reads English from :mod:`reviewer.lang.en`."""
