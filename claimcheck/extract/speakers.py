"""Who a source is: set `statement.speaker` (and `statement.affiliation`) from the source span.

Language-neutral; the words come from the language's TOML file:

- `[titles] roles`: titles and roles ("spokesman", "sen", "woordvoerder"). A named source loses them:
  "spokesman John Smith" -> "John Smith", "SDF-woordvoerder Mustefa Bali" -> "Mustefa Bali". Capitalised
  words glued before the last role, by a hyphen or a space, are the affiliation: "SDF-woordvoerder" -> SDF,
  "White House spokesman Josh Arnett" -> White House. Multi-word roles ("press secretary") count.
  Capitalised words ending as `[titles] adjective_endings` says ("Amerikaanse") are adjectives, not an
  affiliation.
- `[pronouns] person` (he, she, hij, zij, ...) and `[pronouns] group` (they, zij, ze, ...): a pronoun
  source takes the speaker of the nearest earlier statement with a named source, unless a description that
  speaks came after it, less than 400 characters before, and agrees in number ("zei een 81-jarige man ...
  Hij"; "hij" is no "de helft van de ministers"); with no named source, the last person's name written
  before it in the text. Sources that name no one ("Marketingfoto's Telefonisch") are no antecedents.
- `[pronouns] descriptions` ("de minister", "het bedrijf"): a description that points back takes the latest
  named source written with that role or noun ("Zorgminister Bruno Bruins", "Bruins, minister van ..."), else
  the latest name the text writes after the role ("premier Rutte"); with none, it stays the description.

A name written in full once and later by surname alone ("Bernadette Vos" ... "Vos") is given in full, also
when no statement spelled it out, if the article writes only one full name ending so ("Bram de Groot (21)" ...
"De Groot"). Two names run together by verb-second order ("verwijt Milieudefensie Shell ...") give the first.
A description nothing names ("a local official", "experts") stays the speaker as written. A source of
None leaves the speaker None.

Not handled: gender and number agreement (a "she" may resolve to the last male speaker), first-person
sources ("I", "we") beyond taking the nearest speaker, and names with lower-case particles split across a
role ("director of research at X").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from ..lexicon import load, word_set
from ..records import Statement
from ..sources import a_full_name, is_acronym, is_agent, is_description, parse_mention, person_roles

# A run of capitalised words (allowing initials, hyphens and lower-case name particles inside). "[A-Z]" then
# "no word character before it" is "\b[A-Z]", but lets the regex engine jump from capital to capital.
_NAME = re.compile(
    r"[A-Z](?<!\w[A-Z])[\w'’.-]*(?:\s+(?:(?:van|de|der|den|von|la|le|di|da|del|bin|al)\s+)*[A-Z][\w'’.-]*)+"
)
# Particles that open a surname written alone ("Van Ark", "De Jonge", "Von der Leyen").
_SURNAME_PARTICLES = frozenset(["van", "de", "der", "den", "ter", "ten", "te", "von", "la", "le", "di", "da"])
_SENTENCE_GAP = re.compile(r"(?<=[.!?])\s+")
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
    singular: frozenset[str]
    pointing: frozenset[str]
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
        singular=frozenset(p.lower() for p in pronouns.get("person", [])) - frozenset(
            p.lower() for p in pronouns.get("group", [])),
        pointing=frozenset(p.lower() for p in pronouns.get("descriptions", [])),
        adjective_endings=tuple(data.get("titles", {}).get("adjective_endings", [])),
    )


def _norm(word: str) -> str:
    return word.lower().replace(".", "").replace("’", "'").strip()


def resolve(text: str, statements: list[Statement], lang: str, *args: object) -> None:
    """Fill `speaker` and `affiliation` on every statement, in text order."""
    words = _words(lang)
    named: list[tuple[int, str, str | None]] = []  # (position, speaker, affiliation) of named sources
    named_spans: list[tuple[int, int]] = []  # where each named source is written
    # (start and end of the source, speaker, affiliation) of sources that are descriptions
    spoken: list[tuple[int, int, str, str | None]] = []
    full_names: dict[str, str] = {}  # "vos" -> "Bernadette Vos": the latest named source each word run ends
    ordered = sorted(statements, key=lambda s: s.source.start if s.source else s.cue.start)
    for statement in ordered:
        source = statement.source
        if source is None:
            statement.speaker = None
            continue
        raw = _strip_edges(source.text)
        low = raw.lower()
        if low in words.person or low in words.group:
            # The description of a statement close before, after the last named source ("zei een 81-jarige
            # man, ... Hij verklaarde"), if it speaks ("de heftige confrontatie" does not) and can be one person
            # when the pronoun is ("hij" is no "de helft van de ministers"); further back it is as likely
            # someone else.
            fits = [d for d in spoken if _is_agent(d[2]) and not (low in words.singular and _plural(d[2]))]
            close = fits and (not named or named[-1][0] < fits[-1][0]) and source.start - fits[-1][1] < _CLOSE
            referent = fits[-1][2:] if close else _referent(text, source.start, named, lang)
            statement.speaker, statement.affiliation = referent if referent else (raw, None)
            continue
        if low in words.pointing:
            referent = _described(text, low, source.start, named, named_spans, lang)
            if referent is not None:
                statement.speaker, statement.affiliation = referent
                continue
        speaker, affiliation = name_of(raw, lang)
        described = organisation_described(text, speaker, lang)
        if described:
            speaker, affiliation = described, None
        elif not any(ch.isupper() for ch in speaker[:1]) and not any(w[:1].isupper() for w in speaker.split()):
            statement.speaker, statement.affiliation = speaker, affiliation
            if low not in words.pointing and parse_mention(speaker) is not None:
                spoken.append((source.start, source.end, speaker, affiliation))
            continue
        speaker = _first_of_two(text, speaker) if affiliation is None else speaker
        speaker = _full_name(speaker, full_names, text)
        statement.speaker, statement.affiliation = speaker, affiliation
        found = parse_mention(speaker)
        if found is None:
            continue  # no one ("Marketingfoto's Telefonisch", "De"): no antecedent for a later "hij"
        if is_description(found.name):  # "Een 81-jarige man", "De politie": opening a sentence, no name
            spoken.append((source.start, source.end, speaker, affiliation))
            continue
        named.append((source.start, speaker, affiliation))
        named_spans.append((source.start, source.end))
        parts = speaker.split()
        for k in range(1, len(parts)):
            full_names[" ".join(parts[k:]).lower()] = speaker


_CLOSE = 400  # characters: a pronoun this close after a description's statement may be that description

# Each pronoun asks again of every description before it: asked once per description.
_is_agent = lru_cache(maxsize=16384)(is_agent)


def _plural(description: str) -> bool:
    """Whether a description is of more than one: "de boa's", "twee agenten", "de helft van de ministers"."""
    words = description.lower().split()
    head = words[: words.index("van")] if "van" in words[1:] else words
    return head[-1].endswith(("en", "s", "ici")) or head[-1] in _SHARES


_SHARES = frozenset(["helft", "kwart", "procent", "meerderheid", "deel", "aantal", "merendeel", "minderheid"])


def _strip_edges(phrase: str) -> str:
    """Quotes, brackets and punctuation off both ends, except a closing bracket that closes one inside."""
    stripped = phrase.strip(_STRIP)
    if phrase.rstrip().endswith(")") and stripped.count("(") > stripped.count(")"):
        stripped += ")"
    return stripped


@lru_cache(maxsize=16384)
def name_of(source: str, lang: str) -> tuple[str, str | None]:
    """(speaker, affiliation) of a source phrase: titles and roles stripped, apposition dropped."""
    words = _words(lang)
    head = source.strip(" \t\n,.;:")
    acronym = _TRAILING_ACRONYM.search(head)
    if acronym:
        before = head[: acronym.start()].strip(_STRIP)
        first = before.split()[0].lower() if before.split() else ""
        spelled = parse_mention(head)
        if not before or first in _descriptions(lang).determiners and spelled is not None \
                and spelled.name == acronym.group(1):
            # "de jihadisten van 'Islamitische Staat ...' (ISIL)": the organisation by its acronym, but
            # "De Groot (GL)" is a person and her party
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
        if matched == 1 and k == len(tokens) - 1 and k > 0 and tokens[k][:1].isupper() and tokens[k - 1][:1].isupper():
            matched = 0  # "advocaat Taner Sen": a surname that is also a title ("Sen."), closing a name
        if matched:
            last_role, role_start = k + matched - 1, k
            k += matched
            continue
        if k + 1 < len(tokens) and tokens[k + 1][:1].isupper() and _role_compound(_norm(tokens[k]), words.roles):
            last_role = role_start = k  # "Zorgminister Bruno Bruins", "vismijndirecteur Lokerse"
            k += 1
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


def _role_compound(word: str, roles: frozenset[str]) -> bool:
    """A compound ending in a role of five letters or more: "zorgminister", "politiewoordvoerder"."""
    if "-" in word:
        return False
    long_roles = _long_roles(roles)
    # Each ending of at least five letters that leaves three or more in front: a set lookup per ending,
    # not a scan of every role per word.
    return any(word[k:] in long_roles for k in range(3, len(word) - 4))


@cache
def _long_roles(roles: frozenset[str]) -> frozenset[str]:
    return frozenset(r for r in roles if len(r) > 4 and " " not in r)


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


def _described(text: str, description: str, position: int, named: list[tuple[int, str, str | None]],
               spans: list[tuple[int, int]], lang: str) -> tuple[str, str | None] | None:
    """The source a description points back to: the latest named source written with that role or noun
    ("Zorgminister Bruno Bruins", "Bruins, minister van Medische Zorg", "het bedrijf Fastned") or, failing
    that, the latest name the text writes so before it. None when there is none: the description stays."""
    head = description.split()[-1]

    def fits(word: str) -> bool:
        word = word.lower().strip(",.()")
        return word == head or len(head) > 4 and len(word) > len(head) and word.endswith(head)

    for (_, speaker, affiliation), (start, end) in zip(reversed(named), reversed(spans), strict=True):
        before = text[max(0, start - 40) : start].split()[-1:]
        after = text[end : end + 60].split()[:3] if text[end : end + 1] == "," else []
        if any(fits(w) for w in [*text[start:end].split(), *before, *after]):
            return speaker, affiliation
    if head not in person_roles():
        return None  # "de gemeente Dura Vermeer een boete opleggen": after a noun, a name may be an object
    role = rf"\b[\w-]*{re.escape(head)}" if len(head) > 4 else rf"\b{re.escape(head)}"
    written = [
        *re.finditer(rf"(?i:{role})\s+(?P<name>{_NAME.pattern})", text[:position]),
        *re.finditer(rf"(?P<name>{_NAME.pattern}),\s+(?:de\s+|het\s+|the\s+)?(?:[\w-]+\s+)?(?i:{role})\b",
                     text[:position]),
    ]
    if not written:
        return None
    latest = max(written, key=lambda m: m.start("name"))
    parts = re.split(r"(?<=[.!?])\s+", latest.group("name"))  # a run can cross a sentence end ("Rutte. Hij")
    name = parts[0] if latest.start("name") > latest.start() else parts[-1]
    role_and_name = text[latest.start() : latest.start("name")] + name if name is parts[0] else name
    found = parse_mention(role_and_name)  # "president Erdogan van Turkije": Erdogan, of Turkije
    if found is None or " " not in found.name and found.kind != "person":
        return None
    return found.name, found.affiliation


def _referent(text: str, position: int, named: list[tuple[int, str, str | None]], lang: str
              ) -> tuple[str, str | None] | None:
    if named:
        _, speaker, affiliation = named[-1]
        return speaker, affiliation
    # No named source yet: the last person's name written before the pronoun ("The", "In" and the like dropped),
    # not an organisation or a prize ("Nobelprijs voor de Vrede"), nor a heading run into "Hij" ("Begrip Hij").
    stopwords = word_set(lang, "language", "stopwords")
    words = _words(lang).person | _words(lang).group
    for match in reversed(list(_NAME.finditer(text, 0, position))):
        # A run can cross a sentence end ("... de Waal. Het ..."): each sentence's part is its own candidate.
        for part in reversed(re.split(r"(?<=[.!?])\s+", match.group())):
            tokens = part.split()
            while tokens and tokens[0].lower() in stopwords:
                tokens.pop(0)
            found = parse_mention(" ".join(tokens)) if len(tokens) >= 2 else None
            if found is not None and found.kind in ("person", "unknown") and len(found.name.split()) > 1 \
                    and a_full_name(found.name) and not any(is_acronym(w) or w.lower() in words
                                                            for w in found.name.split()):
                return name_of(" ".join(tokens), lang)
    return None



def _full_name(speaker: str, full_names: dict[str, str], text: str = "") -> str:
    """ "Vos" after "Bernadette Vos" -> "Bernadette Vos"; case-blind, as Dutch surnames capitalise their
    particle when they stand alone ("Tamara van Ark" ... "Van Ark"). A surname no source spelled out takes the
    one full name the article writes it in ("De Groot" -> "Bram de Groot (21), rechtenstudent"), if only one."""
    if " " in speaker and speaker.split()[0].lower() not in _SURNAME_PARTICLES:
        return speaker
    if speaker.lower() in full_names:
        return full_names[speaker.lower()]
    if len(speaker) == 1 and speaker.isupper():
        # "R." of "Yago R.": the one person the article writes with that initial
        written = re.findall(rf"\b([A-Z][a-zà-ÿ]+(?:\s+(?:van|de|der|den|el|al))*\s+{speaker}\.)", text)
        initialled = {found.name for found in map(parse_mention, written) if found is not None and " " in found.name}
        return f"{initialled.pop()}." if len(initialled) == 1 else speaker  # "Volgens R." is no name
    if not speaker[:1].isupper() or is_acronym(speaker.split()[-1]):
        return speaker  # a description, or an acronym ("OM", "De SP")
    return _written_in_full(text, speaker.lower()) or speaker


def _first_of_two(text: str, speaker: str) -> str:
    """ "Ook verwijt Milieudefensie Shell tijd te rekken", "informeert Brussee de Kamer": two names run together,
    the subject first. Only when the article writes each of the two alone at least twice and the pair only
    once, which a person's first and last name seldom are."""
    memo = _memo(text).first_of_two
    if speaker not in memo:
        memo[speaker] = _first_of_two_uncached(text, speaker)
    return memo[speaker]


def _first_of_two_uncached(text: str, speaker: str) -> str:
    words = speaker.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[0].isalpha():
        return speaker
    # Substring counts, not word matches: cheap, and a name inside a longer word is rare enough.
    lowered = _memo(text).lowered
    pair = lowered.count(speaker.lower())
    alone_first = text.count(words[0]) - text.count(speaker)
    alone_rest = lowered.count(" ".join(words[1:]).lower()) - pair
    return words[0] if pair == 1 and alone_first >= 2 and alone_rest >= 2 else speaker


@dataclass
class _Memo:
    """What a long article would otherwise compute again for every statement."""

    lowered: str
    first_of_two: dict[str, str] = field(default_factory=dict)
    written_in_full: dict[str, str | None] = field(default_factory=dict)


@lru_cache(maxsize=8)
def _memo(text: str) -> _Memo:
    return _Memo(text.lower())


def _written_in_full(text: str, surname: str) -> str | None:
    memo = _memo(text).written_in_full
    if surname not in memo:
        memo[surname] = _written_in_full_uncached(text, surname)
    return memo[surname]


def _written_in_full_uncached(text: str, surname: str) -> str | None:
    ends = _runs_ending(text).get(surname, ())
    names = {found.name for found in map(parse_mention, ends) if found is not None and " " in found.name
             and found.name.lower().endswith(" " + surname) and found.kind in ("person", "unknown")
             # not "Navo-bondgenoot Turkije", "GPS-programma India", nor two names run together
             and not re.search(r"-[a-z]", found.name) and _first_of_two(text, found.name) == found.name}
    return names.pop() if len(names) == 1 else None


@lru_cache(maxsize=8)
def _name_runs(text: str) -> frozenset[str]:
    """Each sentence's runs of capitalised words, read once per article."""
    runs: set[str] = set()
    for match in _NAME.finditer(text):
        run = match.group()
        # A run can cross a sentence end ("Rutte. Hij"); most hold no stop to split at.
        parts = _SENTENCE_GAP.split(run) if "." in run or "!" in run or "?" in run else (run,)
        runs.update(part for part in parts if " " in part)
    return frozenset(runs)


@lru_cache(maxsize=8)
def _runs_ending(text: str) -> dict[str, set[str]]:
    """The article's name runs by each lower-cased ending that follows a space ("vos", "de groot"): one
    lookup per surname instead of a scan of every run."""
    ending: dict[str, set[str]] = {}
    for run in _name_runs(text):
        lowered = run.lower()
        for k, char in enumerate(lowered):
            if char == " ":
                ending.setdefault(lowered[k + 1 :], set()).add(run)
    return ending
