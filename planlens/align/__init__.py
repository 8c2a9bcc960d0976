"""Stage 2, Corpus → Alignment: which clauses of the versions say the same thing.

`passes` builds the provision rows in recorded passes (asserted, exact, similar, split/merged);
`similarity` scores clause pairs, `matching` solves the one-to-one assignment, `concepts` and
`tokens` turn texts into comparable words. Nothing here knows about diffs or views.
"""
