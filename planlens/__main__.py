"""`python -m planlens`: the same as the `planlens` command."""

from __future__ import annotations

from planlens.cli import main

raise SystemExit(main())
