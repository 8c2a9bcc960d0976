"""Propose topics for an imported clause from keywords in its text (the user confirms them).

A small table of word stems per topic of the bundled taxonomy, in English and Ukrainian. It
is deliberately cautious: a clause gets a topic only when one of its words starts with a stem.
"""

from __future__ import annotations

import re
from collections.abc import Collection

KEYWORDS: dict[str, tuple[str, ...]] = {
    "sovereignty": ("sovereign", "суверен"),
    "non-aggression": ("non-aggression", "aggression", "invade", "invasion", "ненапад", "агрес"),
    "nato": ("nato", "нато"),
    "security-guarantees": ("guarantee", "гарант"),
    "military-limits": ("armed forces", "army", "troops", "збройн", "армі", "військ"),
    "territory": ("territor", "crimea", "donbas", "donetsk", "luhansk", "kherson", "терито"),
    "ceasefire": ("ceasefire", "cease-fire", "truce", "припинення вогню", "перемир"),
    "sanctions": ("sanction", "санкці"),
    "frozen-assets": (
        "frozen asset",
        "frozen fund",
        "frozen russian",
        "immobili",
        "assets",
        "заморож",
    ),
    "reconstruction": ("reconstruct", "rebuild", "recovery", "віднов", "відбуд"),
    "economy": ("econom", "trade", "investment", "економ", "торгів", "інвест"),
    "eu-membership": ("european union", "eu membership", "accession", "євросоюз", "вступ до єс"),
    "elections": ("election", "вибор"),
    "amnesty": ("amnesty", "амніст"),
    "humanitarian": ("humanitarian", "гуманітар"),
    "prisoners": ("prisoner", "detainee", "полонен", "в'язн"),
    "children": ("child", "діт", "дит"),
    "language-religion": ("language", "church", "religio", "мов", "церкв", "релігі"),
    "nuclear": ("nuclear", "ядерн"),
    "zaporizhzhia-npp": ("zaporizhzhia", "запорізьк"),
    "monitoring": ("monitor", "моніторинг", "спостереж"),
    "implementation": ("implement", "enter into force", "виконан", "набира"),
    "accountability": ("accountab", "tribunal", "war crime", "відповідальн", "трибунал"),
    "energy": ("energy", "electricity", "gas ", "pipeline", "енерг", "газопров"),
}
"""Topic id → stems; a clause word (or phrase) starting with a stem proposes the topic."""


_PATTERNS = {
    topic: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(stem) for stem in stems) + ")")
    for topic, stems in KEYWORDS.items()
}


def propose_topics(text: str, known: Collection[str] | None = None) -> list[str]:
    """The topics whose keywords occur in `text`, in taxonomy order, limited to `known` ids."""
    lowered = text.lower()
    return [
        topic
        for topic, pattern in _PATTERNS.items()
        if (known is None or topic in known) and pattern.search(lowered)
    ]
