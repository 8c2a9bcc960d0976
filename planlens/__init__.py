"""planlens: compare versions of a negotiated text, provision by provision.

The small public API, imported lazily so that `import planlens` stays cheap:

    from planlens import load_corpus, compare, write_report
    corpus = load_corpus()                       # the bundled plans, or load_corpus(["mydir"])
    comparison = compare(corpus, ["us-28", "e3-28"])
    write_report(comparison, "html", Path("us28-vs-e3.html"))
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["align", "compare", "load_corpus", "write_report"]

_HOMES = {
    "load_corpus": "planlens.load",
    "align": "planlens.align",
    "compare": "planlens.compare",
    "write_report": "planlens.report",
}

if TYPE_CHECKING:
    from planlens.align import align
    from planlens.compare import compare
    from planlens.load import load_corpus
    from planlens.report import write_report


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'planlens' has no attribute {name!r}")
