"""planlens: compare versions of a negotiated text, provision by provision."""

from __future__ import annotations

__version__ = "0.1.0"
