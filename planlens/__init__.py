"""planlens: compare versions of a negotiated text, provision by provision.

The library is the product; the CLI and the terminal UI are thin over it:

    from pathlib import Path
    from planlens import load_corpus, compare, write_report

    corpus = load_corpus()                      # the bundled plans, or load_corpus(["mydir"])
    comparison = compare(corpus, ["us-28", "e3-28"])
    write_report(comparison, "html", Path("us28-vs-e3.html"))

The pipeline's stages are subpackages: `corpus` (files → Corpus), `align` (Corpus → Alignment),
`comparison` (Alignment → Comparison, the one contract every view reads), then `report`,
`authoring`, `tui` and `commands`. The names above are imported lazily, on first use, so that
importing the package (and starting the CLI) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from planlens.comparison.build import compare
    from planlens.comparison.model import Comparison
    from planlens.corpus.load import Corpus, load_corpus
    from planlens.report import write_report

_LAZY = {
    "compare": "planlens.comparison.build",
    "Comparison": "planlens.comparison.model",
    "Corpus": "planlens.corpus.load",
    "load_corpus": "planlens.corpus.load",
    "write_report": "planlens.report",
}

__all__ = ["Comparison", "Corpus", "__version__", "compare", "load_corpus", "write_report"]


def __getattr__(name: str) -> Any:
    """Import a public name from its stage on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'planlens' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
