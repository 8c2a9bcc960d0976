"""A small lexicon of negotiation concepts, so that rewrites in other words still meet.

Independent drafts say the same thing in different words ("army capped at 600,000" against
"no limit on the armed forces"; "borders may not be altered by force" against "no change to
the territorial arrangements by force"). Each concept below lists the words and phrases that
name it; a clause's concepts are compared alongside its words. The lexicon is generic to
peace and security texts, not to one corpus: no entry names a clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

_LEXICON = """
armed-forces: army, armed forces, armies, military, troops, soldiers, servicemen, personnel,
    defence forces, defense forces
limit: cap, caps, capped, limit, limits, limited, limitation, ceiling, maximum, restrict,
    restricted, restriction, restrictions, curb, curbs, constrain, constraints
nato: nato, north atlantic, alliance, allies
membership: membership, member, members, join, joining, accession, alliances, bloc, blocs,
    accede, admit, admitted, admission, enlarge, enlargement, expand, expansion
guarantee: guarantee, guarantees, guaranteed, guarantor, guarantors, assurance, assurances,
    security commitments, backstop, article 5, collective defence, collective defense
ceasefire: ceasefire, cease-fire, truce, armistice, cessation, hostilities, stop the fighting,
    halt to fighting, end the fighting, stop firing, firing
territory: territory, territories, territorial, land, lands, region, regions, oblast, oblasts,
    border, borders, boundary, boundaries, line of contact, contact line, front line,
    frontline, crimea, donbas, donetsk, luhansk, kherson, buffer zone, demilitarised zone,
    demilitarized zone
recognition: recognise, recognised, recognize, recognized, recognition, de facto, de jure,
    acknowledge, acknowledged
force: by force, military means, use of force, forcibly, aggression, self-defence,
    self-defense, defend itself, attack, attacked, attacks, invade, invades, invasion, invaded
non-aggression: non-aggression, nonaggression, not attack, refrain
sanctions: sanction, sanctions, embargo, restrictive measures, snap back, snapback, penalties
assets: assets, reserves, frozen, immobilised, immobilized, euroclear, central bank
reconstruction: reconstruction, rebuild, rebuilding, rebuilt, recovery, restoration,
    rehabilitation, rehabilitate, development fund, prosperity
funding: fund, funds, funding, finance, financing, financial, loan, loans, investment,
    investments, invest, billion, money
economy: economy, economic, trade, market, markets, business, tariff, tariffs, free trade,
    commercial
eu: eu, european union, brussels, single market
elections: election, elections, electoral, vote, voting, ballot, polls, presidential election
referendum: referendum, plebiscite, popular vote
amnesty: amnesty, amnesties, pardon, pardons, immunity, impunity, waive claims, no claims
accountability: accountability, accountable, justice, tribunal, court, prosecution, prosecute,
    war crimes, crimes, responsibility, reparations, compensation, compensate, damages, damage
prisoners: prisoner, prisoners, pows, prisoners of war, detainee, detainees, captives,
    hostages, exchange, swap, all for all, bodies, remains
children: child, children, minors, deported children, abducted
humanitarian: humanitarian, civilian, civilians, relief, suffering, victims, families, family
    reunification, missing persons
nuclear: nuclear, atomic, non-proliferation, npt, arms control, warheads, non-nuclear
power-plant: zaporizhzhia, znpp, power plant, power station, reactor, reactors, enerhodar,
    iaea, electricity
monitoring: monitor, monitors, monitoring, monitored, verification, verify, verified,
    observer, observers, supervision, supervise, supervised, oversight, oversee, mission,
    peacekeeping, peacekeepers, compliance, comply
implementation: implementation, implement, implemented, enforce, enforced, enforcement,
    binding, legally binding, violation, violations, breach, breaches, complaints
body: council, committee, commission, board, working group, mechanism, secretariat,
    coordination cell, coalition
language-religion: language, languages, linguistic, minority, minorities, religion, religious,
    church, churches, tolerance, discrimination, education, media
sovereignty: sovereignty, sovereign, independence, independent, territorial integrity,
    self-determination
energy: energy, gas, oil, pipeline, pipelines, storage, grid, infrastructure
shipping: grain, black sea, shipping, navigation, dnipro, dnieper, river, ports, port,
    passage, kinburn, sea
peace: peace, peaceful, end the war, end of the war, settlement, agreement, memorandum,
    treaty, deal, framework
reintegration: g8, g7, g20, reintegration, reintegrated, global economy, world economy
aircraft: jets, jet, aircraft, fighter, fighters, air force, planes, air policing, airspace
deployment: station, stationed, stationing, deploy, deployed, deployment, presence,
    reassurance force, multinational force
dialogue: dialogue, talks, negotiation, negotiations, negotiate, consult, consultations,
    mediate, mediated, mediation, summit
constitution: constitution, constitutional, statute, statutes, charter, law, legislation,
    legislate, enshrine, enshrined
nazism: nazi, nazism, neo-nazi, extremism, racism, prejudice
"""


def _parse(lexicon: str) -> dict[str, tuple[str, ...]]:
    """`concept: phrase, phrase, …` lines (indented lines continue the one above)."""
    entries: dict[str, str] = {}
    concept = ""
    for line in lexicon.strip().splitlines():
        if line.startswith(" "):
            entries[concept] += " " + line.strip()
        else:
            concept, _, phrases = line.partition(":")
            entries[concept] = phrases
    return {
        name: tuple(p.strip() for p in phrases.split(",") if p.strip())
        for name, phrases in entries.items()
    }


CONCEPTS: dict[str, tuple[str, ...]] = _parse(_LEXICON)
"""Concept id → the lower-case words and phrases that name it."""


@lru_cache(maxsize=1)
def _pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    owner: dict[str, str] = {}
    for concept, phrases in CONCEPTS.items():
        for phrase in phrases:
            owner.setdefault(phrase, concept)
    return re.compile(rf"(?<![\w-])(?:{phrase_trie(owner)})(?![\w-])"), owner


def phrase_trie(phrases: Iterable[str]) -> str:
    """A regular expression for `phrases` as a trie of their characters.

    It matches what their alternation, longest first, matches: one branch per next character,
    and where a phrase ends inside a longer one, the longer is tried first (a greedy optional
    group), so backtracking from a failed boundary finds the next longest. Python's `re` tries
    an alternation's branches one by one; with hundreds of phrases that was most of the time.
    """
    root: dict[str, dict[str, Any]] = {}
    for phrase in phrases:
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_body(root)


def _trie_body(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(char) + _trie_body(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


@lru_cache(maxsize=65536)
def concepts(text: str) -> tuple[str, ...]:
    """The concept ids named in `text`, once per mention, in order (cached)."""
    pattern, owner = _pattern()
    return tuple(owner[match.group()] for match in pattern.finditer(text.casefold()))
