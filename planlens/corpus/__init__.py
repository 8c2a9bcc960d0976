"""Stage 1, files → Corpus: the pydantic models of plan and topic files, loading, validation of
each file and of the references between files, and the problems found on the way.

Nothing here knows about alignment or views; every later stage reads the `Corpus` built here.
"""
