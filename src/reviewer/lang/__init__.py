"""Language support: identification, and per-language readers of numbers, dates, weekdays and negation."""
