"""Who a source is: set `statement.speaker` (and `statement.affiliation`) from the source span.

Language-neutral; the words come from the language's TOML file:

- `[titles] roles`: titles and roles ("spokesman", "sen", "woordvoerder"). A named source loses them:
  "spokesman John Smith" -> "John Smith", "SDF-woordvoerder Mustefa Bali" -> "Mustefa Bali". Capitalised
  words glued before the last role, by a hyphen or a space, are the affiliation: "SDF-woordvoerder" -> SDF,
  "White House spokesman Josh Arnett" -> White House. Multi-word roles ("press secretary") count.
  Capitalised words ending as `[titles] adjective_endings` says ("Amerikaanse") are adjectives, not an
  affiliation.
- `[pronouns] person` (he, she, hij, zij, ...) and `[pronouns] group` (they, zij, ze, ...): a pronoun
  source takes the speaker of the nearest earlier statement with a named source or, failing that, the
  last name written before it in the text.

A name written in full once and later by surname alone ("Bernadette Vos" ... "Vos") is given in full.
A description nothing names ("a local official", "experts") stays the speaker as written. A source of
None leaves the speaker None.

Not handled: gender and number agreement (a "she" may resolve to the last male speaker), descriptions
that point back to a name ("the senator"), first-person sources ("I", "we") beyond taking the nearest
speaker, and names with lower-case particles split across a role ("director of research at X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..lexicon import load, word_set
from ..records import Statement
from ..sources import person_roles

# A run of capitalised words (allowing initials, hyphens and lower-case name particles inside).
_NAME = re.compile(
    r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:van|de|der|den|von|la|le|di|da|del|bin|al)\s+)*[A-Z][\w'’.-]*)+"
)
# Particles that open a surname written alone ("Van Ark", "De Jonge", "Von der Leyen").
_SURNAME_PARTICLES = frozenset(["van", "de", "der", "den", "ter", "ten", "te", "von", "la", "le", "di", "da"])
_TOKEN = re.compile(r"[\w'’.&$-]+|[^\w\s]")
_STRIP = " \t\n,.;:\"“”‘’'()[]"
_TRAILING_ACRONYM = re.compile(r"\(\s*([A-Z][A-Z0-9&-]{1,9})\s*\)$")
# "Syrische Democratische Krachten (SDF)": capitalised words followed by their acronym in brackets.
_DEFINED_ACRONYM = re.compile(
    r"((?:[A-Z][\w-]*\s+){1,6}?(?:[a-z]{1,3}\s+)?(?:[A-Z][\w-]*\s+)?)\(([A-Z][A-Z0-9&-]{1,9})\)"
)


@dataclass(frozen=True)
class _Words:
    roles: frozenset[str]
    longest_role: int
    person: frozenset[str]
    group: frozenset[str]
    adjective_endings: tuple[str, ...]


@cache
def _words(lang: str) -> _Words:
    data = load(lang)
    # One list of roles and titles with the store's names (claimcheck.sources), the language's own added.
    roles = frozenset(_norm(r) for r in [*data.get("titles", {}).get("roles", []), *person_roles()])
    pronouns = data.get("pronouns", {})
    return _Words(
        roles=roles,
        longest_role=max((len(r.split()) for r in roles), default=1),
        person=frozenset(p.lower() for p in pronouns.get("person", [])),
        group=frozenset(p.lower() for p in pronouns.get("group", [])),
        adjective_endings=tuple(data.get("titles", {}).get("adjective_endings", [])),
    )


def _norm(word: str) -> str:
    return word.lower().replace(".", "").replace("’", "'").strip()


def resolve(text: str, statements: list[Statement], lang: str, *args: object) -> None:
    """Fill `speaker` and `affiliation` on every statement, in text order."""
    words = _words(lang)
    named: list[tuple[int, str, str | None]] = []  # (position, speaker, affiliation) of named sources
    full_names: dict[str, str] = {}  # "vos" -> "Bernadette Vos": the latest named source each word run ends
    for statement in sorted(statements, key=lambda s: s.source.start if s.source else s.cue.start):
        source = statement.source
        if source is None:
            statement.speaker = None
            continue
        raw = _strip_edges(source.text)
        low = raw.lower()
        if low in words.person or low in words.group:
            referent = _referent(text, source.start, named, lang)
            statement.speaker, statement.affiliation = referent if referent else (raw, None)
            continue
        speaker, affiliation = name_of(raw, lang)
        described = organisation_described(text, speaker, lang)
        if described:
            speaker, affiliation = described, None
        elif not any(ch.isupper() for ch in speaker[:1]) and not any(w[:1].isupper() for w in speaker.split()):
            statement.speaker, statement.affiliation = speaker, affiliation
            continue
        speaker = _full_name(speaker, full_names)
        statement.speaker, statement.affiliation = speaker, affiliation
        named.append((source.start, speaker, affiliation))
        parts = speaker.split()
        for k in range(1, len(parts)):
            full_names[" ".join(parts[k:]).lower()] = speaker


def _strip_edges(phrase: str) -> str:
    """Quotes, brackets and punctuation off both ends, except a closing bracket that closes one inside."""
    stripped = phrase.strip(_STRIP)
    if phrase.rstrip().endswith(")") and stripped.count("(") > stripped.count(")"):
        stripped += ")"
    return stripped


def name_of(source: str, lang: str) -> tuple[str, str | None]:
    """(speaker, affiliation) of a source phrase: titles and roles stripped, apposition dropped."""
    words = _words(lang)
    head = source.strip(" \t\n,.;:")
    acronym = _TRAILING_ACRONYM.search(head)
    if acronym:
        before = head[: acronym.start()].strip(_STRIP)
        first = before.split()[0].lower() if before.split() else ""
        if not before or first in _descriptions(lang).determiners:
            # "de jihadisten van 'Islamitische Staat ...' (ISIL)": the organisation by its acronym
            return acronym.group(1), None
        person, party = name_of(before, lang)
        # "Mark Rutte (VVD)": a person and the organisation in brackets behind the name
        return person, party or acronym.group(1)
    head = head.strip(_STRIP)
    # "Berry, a consumer lawyer," / "Sen. Mara Holt (D-Ore.)": the name comes first.
    head = re.split(r"\s*[,(]\s*", head, maxsplit=1)[0].strip(_STRIP) or head
    tokens = head.split()
    if not tokens:
        return source, None
    last_role = role_start = -1
    affiliation: str | None = None
    k = 0
    while k < len(tokens):
        matched = 0
        for size in range(min(words.longest_role, len(tokens) - k), 0, -1):
            if _norm(" ".join(tokens[k : k + size])) in words.roles:
                matched = size
                break
        if matched:
            last_role, role_start = k + matched - 1, k
            k += matched
            continue
        prefix, hyphen, rest = tokens[k].rpartition("-")
        if hyphen and prefix and _norm(rest) in words.roles:
            # "SDF-woordvoerder": the organisation glued to the role
            last_role = role_start = k
            affiliation = prefix
        k += 1
    if last_role < 0:
        return head, None
    name = tokens[last_role + 1 :]
    if not any(t[:1].isupper() for t in name):
        return head, affiliation
    if affiliation is None:
        first_role = role_start
        while first_role > 0 and _norm(tokens[first_role - 1]) in words.roles:
            first_role -= 1
        glued: list[str] = []
        m = first_role - 1
        while m >= 0 and tokens[m][:1].isupper() and _norm(tokens[m]) not in words.roles \
                and not (words.adjective_endings and tokens[m].lower().endswith(words.adjective_endings)):
            glued.insert(0, tokens[m])
            m -= 1
        if glued:
            affiliation = " ".join(glued).removesuffix("'s").removesuffix("’s")
    return " ".join(name).strip(_STRIP), affiliation


@dataclass(frozen=True)
class _Descriptions:
    determiners: frozenset[str]
    kinds: dict[str, tuple[str, ...]]


@cache
def _descriptions(lang: str) -> _Descriptions:
    table = dict(load(lang).get("descriptions", {}))
    determiners = frozenset(w.lower() for w in table.pop("determiners", []))
    return _Descriptions(determiners, {kind: tuple(w.lower() for w in nouns) for kind, nouns in table.items()})


def _kind_of(word: str, lang: str) -> str | None:
    word = word.lower().strip(_STRIP)
    for kind, nouns in _descriptions(lang).kinds.items():
        if any(word == noun or (word.endswith(noun) and len(word) > len(noun) + 2) for noun in nouns):
            return kind
    return None


def organisation_described(text: str, description: str, lang: str) -> str | None:
    """The acronym of the one organisation in `text` a description points to, else None.

    "de door de Verenigde Staten gesteunde Arabisch-Koerdische strijdmacht" -> "SDF" when the article
    spells out "Syrische Democratische Krachten (SDF)" and no other armed group by name: the description's
    last word and a word of the name are of one kind (`[descriptions]` in the language's TOML file).
    """
    words = description.split()
    if len(words) < 2 or words[0].lower() not in _descriptions(lang).determiners:
        return None
    kind = _kind_of(words[-1], lang)
    if kind is None:
        return None
    named = {acronym for acronym, kinds in _defined_acronyms(text, lang) if kind in kinds}
    return named.pop() if len(named) == 1 else None


@lru_cache(maxsize=8)
def _defined_acronyms(text: str, lang: str) -> list[tuple[str, set[str | None]]]:
    """Each "Full Name (ACRONYM)" of a text, with the kinds of the name's words: read once per article,
    not once per description (a long article has hundreds)."""
    return [
        (match.group(2), {_kind_of(word, lang) for word in match.group(1).split()})
        for match in _DEFINED_ACRONYM.finditer(text)
    ]


def _referent(text: str, position: int, named: list[tuple[int, str, str | None]], lang: str
              ) -> tuple[str, str | None] | None:
    if named:
        _, speaker, affiliation = named[-1]
        return speaker, affiliation
    # No named source yet: the last name written before the pronoun ("The", "In" and the like dropped).
    stopwords = word_set(lang, "language", "stopwords")
    for match in reversed(list(_NAME.finditer(text, 0, position))):
        # A run can cross a sentence end ("... de Waal. Het ..."): each sentence's part is its own candidate.
        for part in reversed(re.split(r"(?<=[.!?])\s+", match.group())):
            tokens = part.split()
            while tokens and tokens[0].lower() in stopwords:
                tokens.pop(0)
            if len(tokens) >= 2:
                return name_of(" ".join(tokens), lang)
    return None


def _full_name(speaker: str, full_names: dict[str, str]) -> str:
    """ "Vos" after "Bernadette Vos" -> "Bernadette Vos"; case-blind, as Dutch surnames capitalise their
    particle when they stand alone ("Tamara van Ark" ... "Van Ark")."""
    if " " in speaker and speaker.split()[0].lower() not in _SURNAME_PARTICLES:
        return speaker
    return full_names.get(speaker.lower(), speaker)
