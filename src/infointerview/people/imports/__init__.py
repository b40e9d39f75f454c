"""Bringing in the people the user already knows: one module per file format, one plan.

Each format module turns a file into `Contact`s (or refuses it in one line); `plan`
matches them with the people already listed and says what would happen; `batch`
carries the plan out in one transaction and remembers what it set.
"""
