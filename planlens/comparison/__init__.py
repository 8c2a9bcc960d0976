"""Stage 3, Alignment → Comparison: word diffs, figures, change classes, and the frozen
`Comparison` model that every view reads (`model`), built by `build.compare`.

The package is named `comparison`, not `compare`, so that it never shadows the public
`compare()` function.
"""
