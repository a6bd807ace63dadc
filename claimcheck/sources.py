"""Who a source is: one canonical name per person, organisation or outlet, whatever the spelling or role.

Three steps, all pure functions over names (no database):
- `parse_mention` reads one mention: "SDF-woordvoerder Mustefa Bali" is the person Mustefa Bali, affiliation
  SDF; "de Amerikaanse nieuwszender Fox News" is the outlet Fox News; "De Syrische Democratische Krachten
  (SDF)" is the organisation SDF, with the long form kept as a spelling.
- `resolve_in_article` joins the mentions of one article: "Bali" after "Mustefa Bali" is the same person,
  "SDF" is the organisation spelled out earlier.
- `match_known` finds a parsed source among those already stored: by any known spelling, else by a close
  spelling (rapidfuzz) of the same kind ("Mustafa Bali" = "Mustefa Bali").

Not handled: descriptions with no name in them ("de Arabisch-Koerdische strijdmacht") stay as written unless
the extractor resolved them to a name; a bare surname is joined to a full name only within one article,
never across articles, where it could be anyone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from typing import Any, Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from .lexicon import load_table

KINDS = ("person", "organisation", "outlet", "unknown")
# Close spellings of one name ("Mustafa"/"Mustefa") score above this; different names of the same length
# ("John Smith"/"Joan Smith") can too, so fuzzy matching also requires the same kind and affiliation.
FUZZY_CUTOFF = 90.0
FUZZY_MIN_LENGTH = 6

_QUOTES = "\"'“”‘’„‚«»`´"
_ACRONYM_IN_PARENS = re.compile(r"^(?P<long>.*?)\s*\(\s*(?P<short>[^()]{1,15}?)\s*\)\s*(?P<rest>.*)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]*[A-Z0-9.]$|^[A-Z]{2,}[a-z]?$|^[A-Z](?:[a-z]{1,2}[A-Z])+$")  # "PvdA"


@dataclass(frozen=True)
class SourceName:
    """A parsed source: canonical `name`, its `kind`, an `affiliation` (canonical name) and other spellings."""

    name: str
    kind: str = "unknown"
    affiliation: str | None = None
    aliases: tuple[str, ...] = field(default=())

    def spellings(self) -> tuple[str, ...]:
        return (self.name, *(a for a in self.aliases if a != self.name))

    def display(self) -> str:
        return f"{self.name} ({self.affiliation})" if self.affiliation else self.name


class Known(Protocol):
    """What `match_known` needs of a stored source (claimcheck.store.KnownSource fits)."""

    name: str
    kind: str
    affiliation: str | None
    aliases: list[str]


@cache
def lexicon() -> dict[str, Any]:
    return load_table("sources")


@cache
def _words(section: str, key: str) -> frozenset[str]:
    return frozenset(word.lower() for word in lexicon()[section][key])


@cache
def person_roles() -> frozenset[str]:
    """The one list of a person's roles and titles, for the extractor's speakers and the store's names alike:
    `[roles] person` here and each language's `[titles] roles`, less the words that describe an outlet or an
    organisation ("nieuwszender", "oppositiepartij")."""
    from .lexicon import LANGUAGES, word_set

    titles = frozenset().union(*(word_set(lang, "titles", "roles") for lang in LANGUAGES))
    others = _words("roles", "outlet") | _words("roles", "organisation")
    titles = frozenset(t for t in titles if t not in others and not any(t.endswith(o) for o in others if len(o) > 4))
    return _words("roles", "person") | titles


@cache
def _outlet_keys() -> frozenset[str]:
    return frozenset(name_key(name) for name in lexicon()["outlets"]["names"])


_NON_WORD = re.compile(r"[^\w]+")
_WORD_BREAK = re.compile(r"[\s\-]+")


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A spelling reduced for lookups: no accents, case, punctuation or leading article."""
    if text.isascii():
        plain = text.lower()  # what the lines below give for ASCII, without decomposing it
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = _NON_WORD.sub(" ", plain).split()
    while len(words) > 1 and words[0] in ("de", "het", "the"):
        words = words[1:]
    return " ".join(words)


_STRIPPED = _QUOTES + " ,.;:"


def clean(text: str) -> str:
    text = " ".join(text.split())
    return text.strip(_STRIPPED)


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word.replace(" ", ""))) and len(word) <= 12


def initials(text: str) -> str:
    """The capitals that open the words of a name, and those inside a word ("GroenLinks" -> "GL")."""
    return _initials([w for w in _WORD_BREAK.split(clean(text)) if w])


def _initials(words: Iterable[str]) -> str:
    return "".join(ch for word in words if word[0].isupper() for ch in word if ch.isupper())


def without_adjective(name: str) -> str:
    """A name without the adjective of place that opens it: "Nederlandse Openbaar Ministerie" -> "Openbaar
    Ministerie". Used only where an article or an acronym makes it safe: "Nederlandse Spoorwegen" is a name."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 2 and _only_an_adjective(words[:1]) else name


def stands_for(short: str, long: str) -> bool:
    """Whether the acronym `short` is exactly the initials of `long`: "OM" of "Openbaar Ministerie", "GL" of
    "GroenLinks", "PvdA" of "Partij van de Arbeid", "CDA" of "Christen-Democratisch Appèl". Strict, for
    joining names across articles (`_abbreviates` is the loose form, for a name spelled out beside its acronym)."""
    letters = short.replace(".", "")
    return len(letters) >= 2 and len(long) > len(letters) + 2 and letters in _acronym_forms(long)


def _acronym_forms(long: str) -> set[str]:
    """The acronyms a name can have: its capitals in upper case ("OM", "GL"), and the first letter of every word
    as written, link words in lower case ("PvdA", "FvD"), so "Vincent van Dugteren" is no "VVD"."""
    return _forms_of([w for w in _WORD_BREAK.split(clean(long)) if w])


def _forms_of(words: list[str]) -> set[str]:
    forms = {_initials(words).upper()}
    if any(w[0].islower() for w in words):
        forms.add("".join(w[0] for w in words))
    return {f for f in forms if len(f) >= 2}


def _abbreviates(short: str, long: str) -> bool:
    """Whether `short` can be the acronym of `long`. Loose on purpose: "SDF" stands for "Syrische
    Democratische Krachten" (English initials, Dutch words), so the first letters and most others must agree."""
    if without_adjective(long) != long and _abbreviates(short, without_adjective(long)):
        return True  # "het Nederlandse Openbaar Ministerie (OM)"
    letters = initials(long)
    short = short.replace(".", "").upper()
    if len(letters) < 2 or not short or letters[0] != short[0]:
        return False  # "De Groot (GL)": one capital is a name with a party behind it, not an acronym spelled out
    return letters == short or fuzz.ratio(letters, short) >= 60


# Numbers written as words: "een van de imams", "zes van de beleggers", "17 duizend deelnemers".
_NUMERALS = frozenset(["een", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf",
                       "twaalf", "twintig", "honderd", "duizend", "miljoen", "one", "two", "three", "four", "five",
                       "six", "seven", "eight", "nine", "ten", "hundred", "thousand", "million"])
_FIGURE_LINKS = frozenset({"en", "and", "of", "or", "tot", "to"})  # words between two figures ("18 en 35")


@lru_cache(maxsize=65536)
def parse_mention(text: str | None) -> SourceName | None:
    """The source a mention names, or None for a pronoun or an empty mention."""
    if text is None:
        return None
    text = clean(text)
    if not text or text.lower() in _words("words", "pronouns"):
        return None
    if all(not any(ch.isalpha() for ch in word) or word.lower() in _FIGURE_LINKS for word in text.split()):
        return None  # "40", "18 en 35": figures the extractor read as a subject name no one
    if text.lower() in _words("descriptions", "nobody"):
        return None
    parens = _ACRONYM_IN_PARENS.match(text)
    if parens and not parens.group("rest"):
        return _parse_parenthesised(parens.group("long"), clean(parens.group("short")))
    words = text.split()
    if len(words) > 2 and (words[0].lower() in _NUMERALS or words[0].isdigit()) and words[1].lower() == "van":
        return describe(text)  # "Zes van de grootste beleggers", "een van de imams": part of a group
    adjunct = next((i for i, w in enumerate(words) if i > 0 and w.lower() in _words("words", "adjunct_prepositions")
                    and _starts_upper(words[i - 1]) and i + 1 < len(words)
                    and (w.lower() == "uit" or not any(_starts_upper(r) for r in words[i + 1 :]))), None)
    if adjunct is not None:
        # "Harteveld uit zijn onderzoek", "Jan Bos uit Zwolle": the name ends before the preposition (but "Bos op
        # het Plein" is a name, capitals after the preposition and all)
        return parse_mention(" ".join(words[:adjunct]))
    found = _parse_plain(text)
    if found is not None and _in_an_adjunct(words, found.name):
        # "een man uit Gelderland", "de Russische ambassade in Nederland": a place, no source; a name before it
        # is ("het bedrijf Ten Brinke Slot projectontwikkeling uit Varsseveld")
        at = next(i for i, w in enumerate(words) if w == found.name.split()[0])
        before = parse_mention(" ".join(words[: at - 1]))
        found = before if before is not None and not is_description(before.name) else None
    if found is not None and found.kind in ("person", "unknown"):
        found = _without_stray_words(found)
    if found is not None and found.kind == "unknown" and found.name == text and " " not in text \
            and text[1:].islower() and text.lower().endswith(("en", "s", "ici")) and speaks(text.lower()):
        found = None  # "Mensen", "Bewoners", "Ministers" opening a sentence: a plural noun, no name
    return found if found is not None else describe(text)


def _in_an_adjunct(words: list[str], name: str) -> bool:
    """Whether a name comes right after a preposition that follows a lower-case head noun ("man uit
    Gelderland"), so it is where the source is from, not the source."""
    first = name.split()[0] if name.split() else ""
    at = next((i for i, w in enumerate(words) if w == first), -1)
    return at >= 2 and words[at - 1].lower() in _words("words", "adjunct_prepositions") \
        and words[at - 2][:1].islower() and words[at - 2].lower() not in _words("words", "determiners")


def is_description(name: str) -> bool:
    """Whether a stored name is a description ("de politie", "een woordvoerder van Shell"), not a name:
    descriptions are stored as written, in lower case, and never joined across articles by their words."""
    return name[:1].islower()


def describe(text: str) -> SourceName | None:
    """A mention that names no one as a description with a head noun: "de socioloog", "een woordvoerder
    van Shell" (affiliation Shell), "experts". A stray word ("weten", "meer", "6 procent") is None.

    The head is the last word before a link word ("van", "bij"); it must be a role, a descriptor or a
    head noun of `[descriptions] heads` (a compound or plural of one counts: "politiewoordvoerder",
    "onderzoekers"), or a noun after a determiner ("een groenteboer") that `[descriptions] not_heads` does not
    list as a thing or a quantity ("de regels", "6 procent").
    """
    text = clean(text)
    if not text:
        return None
    tokens = text.split()
    links = _words("words", "affiliation_links")
    # "een man uit Gelderland", "een man naast mij": the head comes before a preposition, an affiliation
    # only after a link word ("een woordvoerder van Shell")
    ends = links | _words("words", "adjunct_prepositions")
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t.lower() in ends), len(tokens))
    head_tokens = tokens[:cut]
    tail = tokens[cut + 1 :] if cut < len(tokens) and tokens[cut].lower() in links else []
    head = head_tokens[-1].lower().strip(",")
    numeral = head in _NUMERALS or head.isdigit()
    if (head in _words("descriptions", "shares") or numeral) and tokens[cut:cut + 1] == ["van"] and tail:
        # "40 procent van de sociaalliberalen", "meer dan de helft van de woningeigenaren", "een van de
        # imams": part of a group
        group = parse_mention(" ".join(tail))
        if group is not None and is_description(group.name) and group.kind != "organisation" \
                and (not numeral or is_agent(group.name)):
            return SourceName(" ".join([tokens[0].lower(), *tokens[1:]]), group.kind)
        return None
    # "130 artsen", "17 duizend deelnemers": figures opening a description of people count as a determiner
    counted = len(head_tokens) > 1 and agent_kind(head) is not None and all(
        not any(ch.isalpha() for ch in t) or t.lower() in _NUMERALS for t in head_tokens[:-1])
    if any(not any(ch.isalpha() for ch in t) for t in tokens) and not counted:
        return None  # "6 procent": a figure, but "een 81-jarige man" is a description
    opener = head_tokens[0].lower()
    determined = len(head_tokens) > 1 and (
        opener in _words("words", "determiners") or opener in _words("descriptions", "quantifiers"))
    determined = determined or counted
    role = agent_kind(head)
    if tail and (head in _words("descriptions", "documents")
                 or any(head.endswith(d) for d in _words("descriptions", "documents") if len(d) > 4)):
        # "de nieuwste cijfers van de politie", "satellietgegevens van de NASA": the source is whose they are
        return parse_mention(" ".join(tail))
    if head in _words("descriptions", "not_heads") or head in _words("words", "pronouns") \
            or head in _words("descriptions", "nobody") \
            or not re.sub(r"^\d+-", "", head).replace("'", "").replace("-", "").isalpha():  # "de 64-jarige"
        return None
    if any(_starts_upper(t) and not _only_an_adjective([t]) and "-" not in t for t in head_tokens[1:]):
        return None  # a name the parser could not read is no description
    if role is None and not (determined and len(head) > 2 and not head.endswith(("lijk", "ig", "isch", "end"))):
        return None  # a bare word the lexicon does not know as a head ("weten", "bezorgd")
    affiliation = None
    if tail:
        parsed = parse_mention(" ".join(tail))
        affiliation = parsed.name if parsed is not None and not is_description(parsed.name) else None
    written = head_tokens if affiliation is not None else tokens
    name = " ".join([written[0].lower(), *written[1:]])
    return SourceName(name, role or "unknown", affiliation)


def is_agent(description: str) -> bool:
    """Whether a description's head noun is one that speaks: a role, a descriptor, a head of `[descriptions]
    heads` or an agent noun ("een 81-jarige man", "de boa's"), not any noun after an article ("de heftige
    confrontatie", "een gesprek"), which `describe` also lets through."""
    tokens = clean(description).lower().split()
    links = _words("words", "affiliation_links")
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t in links), len(tokens))
    return bool(tokens) and agent_kind(tokens[cut - 1].strip(",")) is not None


def speaks(description: str) -> bool:
    """Whether a description's head is a speaker by the lexicon itself: a role or descriptor ("directeur",
    "het bedrijf"), a head of `[descriptions] heads` or its plural ("partijen", "bronnen"), or a plural agent
    noun ("politici"). Stricter than `is_agent`, which also takes any compound ending in a head ("geleden"
    in "leden"): for a speaker found in text where the extractor put none."""
    tokens = clean(description).lower().split()
    links = _words("words", "affiliation_links")
    cut = next((i for i, t in enumerate(tokens) if i > 0 and t in links), len(tokens))
    if not tokens:
        return False
    head = tokens[cut - 1].strip(",")
    heads = _words("descriptions", "heads") | frozenset(_heads())
    return _descriptor_kind(head) is not None or head in heads or head.removesuffix("en") in heads \
        or head.removesuffix("s") in heads or any(head.endswith(e) and len(head) > len(e) + 2
                                                   for e in _words("descriptions", "agent_endings"))


def person_kind(word: str) -> bool:
    """Whether a lower-case head noun is a person's: a role or title ("woordvoerder", "advocaten"), a person of
    `[descriptions] people` ("man", "buurvrouw", "demonstranten"), a plural agent noun ("politici") or a
    nominal adjective of age ("64-jarige"). Organisations and things are not ("de politie", "het rapport")."""
    word = word.lower()
    if _descriptor_kind(word) == "person" or word.endswith(("jarige", "jarigen")):
        return True
    people = _words("descriptions", "people")
    return word in people or word.removesuffix("en") in people or word.removesuffix("s") in people \
        or word.removesuffix("'s") in people or any(word.endswith(p) and len(word) > len(p) + 2 for p in people
                                                    if len(p) > 3) \
        or any(word.endswith(e) and len(word) > len(e) + 2 for e in _words("descriptions", "agent_endings"))


def agent_kind(head: str) -> str | None:
    """The kind a head noun implies ("unknown" for a speaker of no known kind), or None for no agent noun."""
    role = _descriptor_kind(head)
    if role is None and (head in _words("descriptions", "heads") or head.endswith(_heads())
                         or head.endswith("s") and head[:-1] in _heads()):  # "inspecties"
        role = "unknown"
    if role is None and (head.endswith("ers") and len(head) > 6 or head.endswith(("jarige", "jarigen"))
                         or any(head.endswith(e) and len(head) > len(e) + 2
                                for e in _words("descriptions", "agent_endings"))):
        role = "unknown"  # agent nouns in the plural: "natuurbeschermers", "politici", "planologen"
    return role


@cache
def _heads() -> tuple[str, ...]:
    """Head nouns of descriptions: the lexicon's, and those of the descriptions the Dutch grammar reads as
    pointing back to a name ("de inspectie", "het college")."""
    from .lexicon import word_set

    pointing = {d.split()[-1] for d in word_set("nl", "pronouns", "descriptions")}
    return tuple(sorted({h for h in _words("descriptions", "heads") | pointing if len(h) > 4}))


@lru_cache(maxsize=65536)
def _descriptor_kind(word: str) -> str | None:
    """The kind a lower-case head noun implies, its compounds ("politiewoordvoerder") and plurals
    ("onderzoekers", "experts", "getuigen") included."""
    word = word.lower()
    forms = [word] + [word[: -len(end)] for end in ("s", "en", "n", "'s") if word.endswith(end) and len(word) > 4]
    if word.endswith("en") and len(word) > 5:
        forms.extend(_singular_stems(word[:-2]))
    for kind in ("person", "outlet", "organisation"):
        roles = person_roles() if kind == "person" else _words("roles", kind)
        for form in forms:
            # a compound: four letters or more before a role of five or more ("politiewoordvoerder")
            if form in roles or form[4:].endswith(_long_roles(kind)):
                return kind
    return None


def _singular_stems(stem: str) -> list[str]:
    """The singulars a Dutch plural in -en may have beyond its bare stem: the consonant undoubled
    ("kennissen" -> "kennis") or the vowel doubled ("advocaten" -> "advocaat", "piloten" -> "piloot")."""
    vowels = "aeiou"
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in vowels:
        return [stem[:-1]]
    if len(stem) > 3 and stem[-1] not in vowels and stem[-2] in "aeou" and stem[-3] not in vowels:
        return [stem[:-1] + stem[-2] + stem[-1]]
    return []


@cache
def _long_roles(kind: str) -> tuple[str, ...]:
    roles = person_roles() if kind == "person" else _words("roles", kind)
    return tuple(r for r in roles if len(r) > 4)


def _without_stray_words(found: SourceName) -> SourceName | None:
    """A name without the capitalised common word that opened its sentence ("Imperialisme Maduro" ->
    "Maduro"); None when nothing but such words, or a single letter, is left ("Grofweg", "R")."""
    words = found.name.split()
    kind = found.kind
    while words and (_stray(words[0]) if len(words) > 1 else _stray_alone(words[0])):
        if _descriptor_kind(words[0]) == "person":
            kind = "person"  # "Zorgminister Bruno Bruins": a role compound, dropped
        words = words[1:]
    if len(words) == 2 and is_acronym(words[1]) and _descriptor_kind(words[0]) in ("organisation", "outlet") \
            and words[0].lower() not in _role_words():
        kind = "organisation"  # "Oppositiepartij PvdA", "Regeringspartij D66": a descriptor compound, dropped
        words = words[1:]
    if not words or (len(words) == 1 and len(words[0].strip(".")) < 2):
        return None
    name = " ".join(words)
    return found if name == found.name else replace(found, name=name, kind=kind)


def _stray(word: str) -> bool:
    low = word.lower()
    if low in _words("words", "name_particles"):
        return False  # "Van Dijk", "De Jonge"
    return low in _stopwords() or low in _words("descriptions", "openers") or (
        len(low) > 4 and low.endswith(tuple(_words("descriptions", "common_endings")))
    ) or _descriptor_kind(low) == "person" and low not in person_roles()


def _stray_alone(word: str) -> bool:
    low = word.lower()
    return low in _stopwords() or low in _words("descriptions", "openers") or (
        len(low) > 4 and low.endswith(tuple(_words("descriptions", "stray_endings")))
    )


@cache
def _stopwords() -> frozenset[str]:
    from .lexicon import word_set

    return word_set("nl", "language", "stopwords") | word_set("en", "language", "stopwords")


def _parse_parenthesised(long: str, short: str) -> SourceName | None:
    inner = _parse_plain(long) if long else None
    if inner is None:
        return _parse_plain(short)
    if not is_acronym(short):
        return inner
    if inner.kind == "person" or (inner.kind == "unknown" and not _abbreviates(short, inner.name)):
        # "Geert Wilders (PVV)": the parentheses hold the person's party, not another name for them.
        return replace(inner, affiliation=inner.affiliation or short)
    kind = "outlet" if inner.kind == "outlet" or name_key(short) in _outlet_keys() else "organisation"
    return SourceName(short, kind, inner.affiliation, tuple(dict.fromkeys([inner.name, *inner.aliases])))


def _parse_plain(text: str) -> SourceName | None:
    affiliation: str | None = None
    head, tail = _split_affiliation(text)
    tokens = head.split()
    # "de Europese Unie", "De Europese Unie", but not "De Groot": a surname's particle opens a sentence so too
    article = bool(tokens) and (tokens[0] in ("de", "het", "the")
                                or tokens[0] in ("De", "Het", "The") and len(tokens) > 2)
    determined = bool(tokens) and tokens[0].lower() in _words("words", "determiners")
    while tokens and tokens[0].lower() in _words("words", "determiners"):
        tokens = tokens[1:]
    role_kind, name_tokens, role_affiliation = _strip_description(tokens, determined)
    if article and role_kind is None and name_tokens == tokens and len(tokens) > 1:
        role_kind = "organisation"  # "het Openbaar Ministerie", "de Europese Unie": people go without one
    if not name_tokens and tail:
        # "de jihadisten van ISIL": a description of members names the organisation after "van";
        # "de woordvoerder van May" speaks for May, whatever May is.
        found = parse_mention(tail)
        if found is None or found.kind != "unknown" or role_kind != "organisation":
            return found
        return replace(found, kind="organisation")
    if not name_tokens or not any(ch.isalpha() for ch in "".join(name_tokens)):
        return None  # "een kleine 40 procent": a figure names no one
    affiliation = role_affiliation
    if tail:
        parsed_tail = parse_mention(tail)
        affiliation = affiliation or (parsed_tail.name if parsed_tail else clean(tail))
    name = clean(" ".join(name_tokens))
    kind = _kind_of(name, role_kind)
    if kind in ("organisation", "outlet"):
        affiliation = None if affiliation == name else affiliation
    return SourceName(name, kind, affiliation)


def _split_affiliation(text: str) -> tuple[str, str | None]:
    """Split "Mustefa Bali, a spokesman for the SDF" / "woordvoerder Bali van de SDF" at the link word.

    Only a link word followed by a capitalised name counts, and only after some text, so "Staat van Irak"
    style names inside a capitalised run are kept whole.
    """
    links = _words("words", "affiliation_links")
    tokens = text.split()
    for i in range(len(tokens) - 1, 0, -1):
        if tokens[i].lower() not in links:
            continue
        rest = tokens[i + 1 :]
        while rest and rest[0].lower() in _words("words", "determiners"):
            rest = rest[1:]
        if not rest or not _starts_upper(rest[0]):
            continue
        before = tokens[i - 1]
        # Inside a capitalised run ("Bank of America", "Ministerie van Defensie") the link word is part of
        # the name, unless a comma ends what comes before or a person's role opens the mention
        # ("woordvoerder Mustefa Bali van de SDF").
        person_role = any(_role_kind(t) == "person" for t in tokens[:i])
        if _starts_upper(before) and not before.endswith(",") and not person_role:
            continue
        return " ".join(tokens[:i]).rstrip(","), " ".join(rest)
    return text, None


def _starts_upper(word: str) -> bool:
    word = word.lstrip(_QUOTES)
    return bool(word) and word[0].isupper()


@cache
def _role_words() -> frozenset[str]:
    return person_roles() | _words("roles", "outlet") | _words("roles", "organisation")


def _role_kind(word: str) -> str | None:
    """The kind a role or descriptor word implies. A capitalised descriptor is part of a proper name
    ("Bank of America", "Ministerie van Defensie"); a capitalised person's role is still a role ("President")."""
    written = word.strip(",")
    word = written.lower()
    if word in person_roles():
        return "person"
    if written[:1].isupper():
        return None
    if word in _words("roles", "outlet"):
        return "outlet"
    if word in _words("roles", "organisation"):
        return "organisation"
    return None


def _strip_description(tokens: list[str], after_article: bool = False) -> tuple[str | None, list[str], str | None]:
    """(kind the description implies, the name's tokens, an affiliation prefixed to the role).

    The name is what follows the last role or descriptor word ("de Amerikaanse nieuwszender | Fox News");
    a role compound "SDF-woordvoerder" gives the affiliation SDF. With no role word, leading determiners
    and lower-case words are dropped. A role after the name ("Mustefa Bali, a spokesman") also counts.
    """
    kind: str | None = None
    affiliation: str | None = None
    last_role = -1
    for i, token in enumerate(tokens):
        word = token.strip(",")
        found = _role_kind(word)
        if found is not None and i == len(tokens) - 1 and i > 0 and _starts_upper(word) \
                and _starts_upper(tokens[i - 1]) and not tokens[i - 1].endswith(","):
            found = None  # "advocaat Taner Sen": a surname, not the senator's "Sen."
        if found is None and "-" in word:
            prefix, _, role = word.rpartition("-")
            found = _role_kind(role)
            if found is not None:
                affiliation = _compound_affiliation(tokens[:i], prefix) or affiliation
        if found is not None:
            kind, last_role = found, i
            if token.endswith(",") and i > 0 and any(_starts_upper(t) for t in tokens[:i]):
                break
    if last_role >= 0 and tokens[last_role].endswith(",") and last_role > 0:
        before = tokens[:last_role]
        # "Mustefa Bali, woordvoerder": the role comes after the name.
        if before[-1].endswith(","):
            return kind, _name_run(before), affiliation
    if last_role >= 0 and last_role + 1 < len(tokens):
        return kind, _name_run(tokens[last_role + 1 :]), affiliation
    if last_role >= 0:
        before = tokens[:last_role]
        if any(t.endswith(",") for t in before):
            # The role closes the mention ("Mustefa Bali, a spokesman", its "for the SDF" split off).
            named = [t for t in before if t.lower() not in _words("words", "determiners")]
            return kind, _name_run([t.rstrip(",") for t in named]), affiliation
        # A description that names no one ("de Arabisch-Koerdische strijdmacht").
        return kind, [], affiliation
    return kind, _name_run(tokens, after_article), affiliation


def _compound_affiliation(before: list[str], prefix: str) -> str | None:
    """The organisation in front of a role compound: "SDF" in "SDF-woordvoerder", "VVD" in
    "oud-VVD-Kamerlid", "Forum voor Democratie" in "Forum voor Democratie-voorman"."""
    parts = [p for p in prefix.split("-") if p]
    while parts and not _starts_upper(parts[0]):
        parts = parts[1:]
    if not parts:
        return None
    words = ["-".join(parts)]
    links = _words("words", "name_links") | _words("words", "name_particles")
    for token in reversed(before):
        if not (_starts_upper(token) or token.lower() in links) or _role_kind(token) is not None:
            break
        words.insert(0, token)
    while words and not _starts_upper(words[0]):
        words.pop(0)
    found = clean(" ".join(words))
    return None if not found or found.lower() in _words("words", "determiners") else found


def _name_run(tokens: list[str], after_article: bool = False) -> list[str]:
    """The name in `tokens`: the last run of capitalised words, with linking words allowed inside
    ("Islamitische Staat in Irak en de Levant", "Mark van Rooij") but not at its ends.

    A capitalised first word followed by a lower-case one is only the start of a sentence ("Andere
    demonstranten"), unless an article came before it ("De Kiesraad wees"), and a lone Dutch adjective
    ("Amerikaanse", "Nederlandse") before a lower-case word names no one.
    """
    inner = _words("words", "name_particles") | _words("words", "name_links")
    runs: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        word = token.rstrip(",")
        figure = word[:1].isdigit() and not re.search(r"-[a-z]", word)  # "Kurdistan 24", not "46-jarige"
        if _starts_upper(word) or figure or (current and word.lower() in inner):
            current.append(word)
            if token.endswith(","):
                runs.append(current)
                current = []
            continue
        if current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    runs = [_trim(run) for run in runs]
    # "Britse parlementariërs", "Nederlandse": an adjective; "vismijndirecteur Lokerse": a surname closing the
    # mention after other words (alone, "Berendse" and "Nederlandse" look the same, and stay no one)
    closing = len(tokens) > 1 and bool(runs) and runs[-1] == [tokens[-1].rstrip(",")]
    runs = [run for run in runs if run and not (_only_an_adjective(run) and not (closing and run is runs[-1]))]
    if runs and len(runs[0]) == 1 and tokens and tokens[0].rstrip(",") == runs[0][0] and len(tokens) > 1 \
            and not _starts_upper(tokens[1]) and tokens[1].lower() not in inner and not is_acronym(runs[0][0]) \
            and not after_article:
        runs = runs[1:]
    return runs[-1] if runs else []


def _trim(run: list[str]) -> list[str]:
    # Numbers belong to names ("Kurdistan 24"); linking words do not end them.
    while run and not (_starts_upper(run[-1]) or run[-1][:1].isdigit()):
        run = run[:-1]
    return run


def _only_an_adjective(run: list[str]) -> bool:
    """A lone Dutch inflected adjective of place ("Nederlandse", "Amsterdamse", "Britse")."""
    return len(run) == 1 and len(run[0]) >= 5 and run[0].endswith(("se", "sche")) and not is_acronym(run[0])


def _kind_of(name: str, role_kind: str | None) -> str:
    if name_key(name) in _outlet_keys():
        return "outlet"
    if role_kind:
        return role_kind
    if is_acronym(name):
        return "organisation"
    return "unknown"


# --- one article --------------------------------------------------------------------------------------------


def resolve_in_article(mentions: Sequence[SourceName | None]) -> list[SourceName | None]:
    """The same source for every mention of it in one article, with what all mentions tell merged.

    "Bali" joins the one person whose name ends in Bali; "SDF" joins "Syrische Democratische Krachten (SDF)";
    a mention of unknown kind takes the kind another mention gives.
    """
    groups: list[SourceName] = []
    assignment: list[int | None] = []
    # Full names first, so a surname used before the full name still joins it.
    order = sorted(
        (i for i, m in enumerate(mentions) if m is not None), key=lambda i: _is_bare_surname(mentions[i])
    )
    assigned: dict[int, int] = {}
    by_key: dict[str, int] = {}  # each spelling's key -> the first group spelt so: no scan of every group
    for i in order:
        mention = mentions[i]
        assert mention is not None
        keys = {name_key(s) for s in mention.spellings()}
        spelt = [by_key[k] for k in keys if k in by_key]
        target = min(spelt) if spelt else _same_in_article(mention, groups)
        if target is None:
            groups.append(mention)
            target = len(groups) - 1
        else:
            groups[target] = _merge(groups[target], mention)
        assigned[i] = target
        for spelling in groups[target].spellings():
            by_key.setdefault(name_key(spelling), target)
    assignment = [assigned.get(i) for i in range(len(mentions))]
    return [groups[g] if g is not None else None for g in assignment]


def _is_bare_surname(mention: SourceName | None) -> bool:
    return mention is not None and len(mention.name.split()) == 1 and not is_acronym(mention.name)


def _same_in_article(mention: SourceName, groups: list[SourceName]) -> int | None:
    """The group a mention spelt like none of them belongs to (resolve_in_article looks spellings up first)."""
    if _is_bare_surname(mention):
        surname = name_key(mention.name)
        fits = [
            i for i, g in enumerate(groups)
            if g.kind in ("person", "unknown") and len(g.name.split()) > 1 and name_key(g.name).split()[-1] == surname
        ]
        if len(fits) == 1:
            return fits[0]
    if is_acronym(mention.name):
        fits = [i for i, g in enumerate(groups) if any(_abbreviates(mention.name, s) for s in g.spellings())
                and g.kind != "person"]
        if len(fits) == 1:
            return fits[0]
    elif mention.kind != "person" and (len(mention.name.split()) > 1 or len(initials(mention.name)) > 1):
        # "Openbaar Ministerie" after "OM", or after "het Nederlandse Openbaar Ministerie".
        plain = name_key(without_adjective(mention.name))
        fits = [i for i, g in enumerate(groups) if g.kind != "person" and (
            is_acronym(g.name) and stands_for(g.name, without_adjective(mention.name))
            or any(name_key(without_adjective(s)) == plain for s in g.spellings()))]
        if len(fits) == 1:
            return fits[0]
    for index, group in enumerate(groups):
        if _close(mention, group):
            return index
    return None


def _merge(kept: SourceName, other: SourceName) -> SourceName:
    """`kept` with what `other` adds. An acronym is the canonical name of an organisation ("SDF")."""
    kind = kept.kind if kept.kind != "unknown" else other.kind
    name = kept.name
    if is_acronym(other.name) and not is_acronym(name) and (kind in ("organisation", "outlet")
                                                            or stands_for(other.name, without_adjective(name))):
        name = other.name
        kind = kind if kind != "unknown" else "organisation"
    elif not is_acronym(name) and without_adjective(name) == other.name:
        name = other.name  # "Openbaar Ministerie", not "Nederlandse Openbaar Ministerie"
    spellings = [s for s in dict.fromkeys([*kept.spellings(), *other.spellings()]) if s != name]
    # A bare surname is no spelling worth keeping: across articles it could be anyone.
    spellings = [s for s in spellings if not (len(s.split()) == 1 and kind == "person")]
    return SourceName(name, kind, kept.affiliation or other.affiliation, tuple(spellings))


def _close(a: SourceName, b: SourceName) -> bool:
    """Two spellings of one name: "Mustafa Bali" / "Mustefa Bali", but not "Tom van der Meer" / "Tom van der
    Lee" nor "Nederland" / "Nederlandse". Word by word, every word equal or one letter off in a word of
    five letters or more; names of one word are never fuzzy (too many real names differ by a letter)."""
    if a.kind != b.kind and "unknown" not in (a.kind, b.kind):
        return False
    if a.affiliation and b.affiliation and name_key(a.affiliation) != name_key(b.affiliation):
        return False
    words_a, words_b = name_key(a.name).split(), name_key(b.name).split()
    if len(words_a) != len(words_b) or len(words_a) < 2 or words_a == words_b:
        return words_a == words_b
    for x, y in zip(words_a, words_b, strict=True):
        if x != y and (min(len(x), len(y)) < 5 or Levenshtein.distance(x, y) > 1):
            return False
    return True


# --- the store ----------------------------------------------------------------------------------------------


class SourceIndex:
    """Stored sources by every spelling's key, and their names for fuzzy search, kept up to date as
    sources and spellings are added. Indexes are positions in `sources`."""

    def __init__(self, sources: Iterable[Known] = ()) -> None:
        self.sources: list[Known] = []
        self._by_key: dict[str, int] = {}
        self._name_keys: list[str] = []
        self._fuzzy = _FuzzyKeys()  # the name keys again, for `process.extract` on the few that can be close
        self._surnames: dict[str, set[int]] = {}  # last word of a full name -> the sources with it
        self._acronyms: dict[str, set[int]] = {}  # an acronym as written ("OM", "PvdA") -> the sources so named
        self._spelled_out: dict[str, set[int]] = {}  # the acronym a long name would have -> the sources
        self._first_names: set[str] = set()  # first words of stored persons' full names ("mark", "aart")
        self._affiliations: set[str] = set()  # keys of the names sources are affiliated with: organisations
        for source in sources:
            self.add(source)

    def add(self, source: Known) -> int:
        index = len(self.sources)
        self.sources.append(source)
        if is_description(source.name):
            # "de politie" of one article is not that of another: only "een woordvoerder van Shell" joins.
            self._name_keys.append("")
            if source.affiliation:
                self._by_key.setdefault(_description_key(source.name, source.affiliation), index)
            return index
        key = name_key(source.name)
        self._name_keys.append(key)
        if key:
            self._fuzzy.add(key, index)
        # The first source to claim a spelling keeps it (as `add_spelling`).
        self._by_key.setdefault(key, index)
        for spelling in source.aliases:
            self._by_key.setdefault(name_key(spelling), index)
        words = key.split()
        surname = one_word_surname(key)
        if source.kind in ("person", "unknown") and surname and a_full_name(source.name):
            self._surnames.setdefault(surname, set()).add(index)
        if source.kind == "person" and len(words) > 1:
            self._first_names.add(words[0])
        if source.affiliation:
            self._affiliations.add(name_key(source.affiliation))
        name = source.name
        if is_acronym(name):
            self._acronyms.setdefault(name.replace(".", ""), set()).add(index)
            return index
        parts = [w for w in _WORD_BREAK.split(name) if w]
        if not any(len(w) > 1 and w.isupper() for w in parts):
            # "EU-lidstaten" holds the acronym, it does not spell it out. A name `clean` leaves as it is
            # splits into the same words as `_acronym_forms` would split it into (the common case, faster).
            as_is = bool(name) and not any(ch.isspace() or ch in _STRIPPED for ch in (name[0], name[-1]))
            for form in _forms_of(parts) if as_is else _acronym_forms(name):
                self._spelled_out.setdefault(form, set()).add(index)
        return index

    def add_spelling(self, index: int, spelling: str) -> None:
        # The first source to claim a spelling keeps it.
        if not is_description(self.sources[index].name):
            self._by_key.setdefault(name_key(spelling), index)

    def match(self, candidate: SourceName) -> int | None:
        """The index of the stored source `candidate` is, or None for a new source.

        A bare surname ("Bruins") is the one stored person whose full name ends in it, if there is exactly
        one; a genitive ("Trumps") is the name without its s when only that is stored."""
        if is_description(candidate.name):
            if candidate.affiliation is None:
                return None
            return self._by_key.get(_description_key(candidate.name, candidate.affiliation))
        if is_acronym(candidate.name):
            written = self._acronyms.get(candidate.name.replace(".", ""))
            if written:
                return min(written)  # "EU" as written, before any other spelling of its key ("Eu")
        found = [self._by_key[k] for k in (name_key(s) for s in candidate.spellings()) if k in self._by_key]
        found = [i for i in found if not _short_clash(candidate.name, self.sources[i].name)]
        if found:
            return min(found)
        for mark in ("'s", "’s"):
            if candidate.name.endswith(mark) and " " in candidate.name:
                # "Theresa May's": the person, as English writes the genitive
                return self.match(SourceName(candidate.name[: -len(mark)], candidate.kind, candidate.affiliation))
        key = name_key(candidate.name)
        if " " not in key and not is_acronym(candidate.name) and candidate.kind in ("person", "unknown") \
                and not is_place(key) and not self._no_surname(key):
            one_person = self._one_with_surname(key)
            if one_person is not None:
                return one_person
            if not self._surnames.get(key) and key.endswith("s"):
                stem = key[:-1].rstrip("'’")
                if stem in self._by_key:
                    return self._by_key[stem]  # "Trumps": a genitive of a stored name
        head, link, rest = candidate.name.partition(" van ")
        if link and head.strip() and rest[:1].isupper() and candidate.kind in ("person", "unknown") \
                and head.split()[-1].lower() not in _words("words", "name_particles"):
            # "Koolmees van Sociale Zaken", "Femke Halsema van Amsterdam": a stored person's full name or the
            # surname of one, and where from; "Roger van Boxtel" is a full name, not a "Roger"
            head_key = name_key(head)
            person = self._by_key.get(head_key) if " " in head_key else \
                None if self._no_surname(head_key) else self._one_with_surname(head_key)
            if person is not None and self.sources[person].kind == "person":
                return person
        spelled = self._acronym_match(candidate)
        if spelled is not None:
            return spelled
        words = key.split()
        if len(words) > 2 and candidate.kind in ("person", "unknown") \
                and words[1] not in _words("words", "name_particles"):
            # "Washington Donald Trump": a word opening the sentence before a stored person's full name, but
            # "Frans van Benthem" is no "Van Benthem": a given name before a surname with its particle
            index = self._by_key.get(" ".join(words[1:]))
            if index is not None and self.sources[index].kind in ("person", "unknown") \
                    and not is_description(self.sources[index].name):
                return index
        if is_acronym(candidate.name):
            # A bare acronym only matches exactly; fuzzy acronyms ("AP"/"AFP") are different outlets.
            return None
        key = name_key(candidate.name)
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        for index in self._closest(key):
            source = self.sources[index]
            if _close(candidate, SourceName(source.name, source.kind, source.affiliation)):
                return int(index)
        return None

    def _closest(self, key: str, limit: int = 10) -> list[int]:
        """The indexes of the (at most `limit`) name keys closest to `key` by fuzz.ratio, at least
        FUZZY_CUTOFF, in index order."""
        keys, indexes = self._fuzzy.within_reach(key, FUZZY_CUTOFF)
        close = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=limit)
        return sorted(indexes[at] for _, _, at in close)

    def _one_with_surname(self, key: str) -> int | None:
        same = sorted(self._surnames.get(key, ()))
        one = _the_one_person([self.sources[i] for i in same])
        return None if one is None else next(i for i in same if self.sources[i] is one)

    def _no_surname(self, key: str) -> bool:
        """Whether a word alone stands for no one's full name across articles: a given name of a stored
        person ("Gerard": Huub Gerard or Gerard Sanderink?) or a common word ("Meer" of a heading)."""
        return key in self._first_names or a_common_word(key)

    def _acronym_match(self, candidate: SourceName) -> int | None:
        """The one stored organisation an acronym stands for ("OM" -> "Openbaar Ministerie"), or the one stored
        acronym of a long name ("GroenLinks" -> "GL"). Not a person, nor a name shaped like one ("Van Schie",
        or a first name the store knows: "Aart Zevenbergen" is no "AZ"); None when two fit."""
        if candidate.kind == "person" or self._person_shaped(candidate.name):
            return None
        if is_acronym(candidate.name):
            short = candidate.name.replace(".", "")
            fits = {i for i in self._spelled_out.get(short, ()) if stands_for(short, self.sources[i].name)}
        elif candidate.kind not in ("organisation", "outlet") and len(candidate.name.split()) > 1:
            # Two capitalised words of unknown kind may be anyone: "Veel Soedanezen" is no "VS", "Sarah
            # Papenheim" no "SP". One word with capitals inside ("GroenLinks") is a name made up as one.
            return None
        else:
            fits = {i for form in _acronym_forms(candidate.name) for i in self._acronyms.get(form, ())
                    if stands_for(form, candidate.name)}
        fits = {i for i in fits if self.sources[i].kind != "person" and not self._person_shaped(self.sources[i].name)}
        # Only a stored organisation: one by kind, or one that people are affiliated with ("GroenLinks"), so
        # "SP" finds no "Smoke Palace" and "GL" no "Gideon Lichfield".
        fits = {i for i in fits if self.sources[i].kind in ("organisation", "outlet")
                or name_key(self.sources[i].name) in self._affiliations}
        return fits.pop() if len(fits) == 1 else None

    def _person_shaped(self, name: str) -> bool:
        words = name.split()
        if is_acronym(name) or is_description(name) or not words:
            return False
        return words[0].lower() in _words("words", "name_particles") or name_key(words[0]) in self._first_names

    def with_surnames(self, surnames: Collection[str]) -> list[Known]:
        """The sources whose name ends in one of `surnames` (name keys of one word), in order: the full names
        and bare surnames `surnames_to_fold` would pair for them. Descriptions are left out."""
        return [source for source, key in zip(self.sources, self._name_keys, strict=True)
                if key and key.rsplit(" ", 1)[-1] in surnames]


def _short_clash(one: str, other: str) -> bool:
    """Whether two names of one short key are an acronym and a word ("EU" and a cat named "Eu"): not one
    source, though their keys match."""
    return len(name_key(one)) <= 3 and is_acronym(one) != is_acronym(other) and " " not in one + other


class _FuzzyKeys:
    """Name keys (with their SourceIndex indexes, in order) and how often each letter class occurs in each, so
    a fuzzy search can skip the keys that cannot reach the cutoff: fuzz.ratio is 100 * (1 - d / (m + n)) for
    keys of lengths m and n, d insertions and deletions apart, and each insertion or deletion changes one
    class's count by one, so d is at least the sum of the count differences. `process.extract` over the keys
    left gives what it gives over all of them (its order: best score first, ties by position)."""

    CLASSES = 32  # a to z, digits, space, and four classes for all other characters

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.indexes: list[int] = []
        # numpy int16 (CLASSES, room): column j counts self.keys[j], for the first `_counted` keys; the room
        # doubles when full, so the keys an ingest adds one by one are counted without copying all the others.
        self._counts: Any = None
        self._lengths: Any = None
        self._counted = 0

    def add(self, key: str, index: int) -> None:
        self.keys.append(key)
        self.indexes.append(index)

    def within_reach(self, key: str, cutoff: float) -> tuple[list[str], list[int]]:
        """The keys (and their indexes, in order) whose fuzz.ratio with `key` can reach `cutoff`."""
        import numpy as np

        n = len(self.keys)
        if not n:
            return [], []
        if self._counted < n:
            counts, lengths = _class_counts(self.keys[self._counted:])
            if self._counts is None or self._counts.shape[1] < n:
                room = max(2 * n, 1024)
                grown = np.zeros((self.CLASSES, room), dtype=np.int16)
                grown_lengths = np.zeros(room, dtype=np.intp)
                if self._counts is not None:
                    grown[:, : self._counted] = self._counts[:, : self._counted]
                    grown_lengths[: self._counted] = self._lengths[: self._counted]
                self._counts, self._lengths = grown, grown_lengths
            self._counts[:, self._counted : n] = counts
            self._lengths[self._counted : n] = lengths
            self._counted = n
        wanted, _ = _class_counts([key])
        apart = np.zeros(n, dtype=np.int16)
        for row, count in zip(self._counts, wanted[:, 0], strict=True):
            apart += np.abs(row[:n] - count)
        # A key can reach the cutoff only if 100 * (1 - apart / (both lengths)) does; one more for rounding.
        reach = np.nonzero(apart <= (1.0 - cutoff / 100.0) * (len(key) + self._lengths[:n]) + 1.0)[0]
        return [self.keys[j] for j in reach], [self.indexes[j] for j in reach]


def _class_counts(keys: Sequence[str]) -> tuple[Any, Any]:
    """(counts, lengths): counts[c, j] is how many characters of class c keys[j] has, up to 1,000 (in 16 bits:
    a count cut short only lowers the bound, so no key that can reach the cutoff is skipped)."""
    import numpy as np

    codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
    lengths = np.fromiter(map(len, keys), dtype=np.intp, count=len(keys))
    classes = np.where(codes < 128, _ascii_classes()[codes & 127], 28 + (codes & 3))
    rows = np.repeat(np.arange(len(keys)), lengths)
    counts = np.bincount(classes * len(keys) + rows, minlength=_FuzzyKeys.CLASSES * len(keys))
    counts = np.minimum(counts, 1000).astype(np.int16)
    return counts.reshape(_FuzzyKeys.CLASSES, len(keys)), lengths


@cache
def _ascii_classes() -> Any:
    """The class of each ASCII character: a to z 0-25, digits 26, space 27, the others 28 + code % 4 (as
    every character beyond ASCII)."""
    import numpy as np

    codes = np.arange(128)
    classes = 28 + codes % 4
    classes[97:123] = np.arange(26)
    classes[48:58] = 26
    classes[32] = 27
    return classes.astype(np.intp)


def _description_key(name: str, affiliation: str) -> str:
    return f"{name_key(name)} @ {name_key(affiliation)}"


def is_place(key: str) -> bool:
    """Whether a name key ("nederland", "belgie") is a country, region or city that sources are named after."""
    return key in _words("words", "places")


def a_common_word(key: str) -> bool:
    """Whether a word (a name key) is a common word, capitalised only because it opened a sentence or a heading:
    a stopword, an opener, a word that heads no description ("meer"), a pronoun."""
    return key in _stopwords() or key in _words("descriptions", "openers") \
        or key in _words("descriptions", "not_heads") or key in _words("words", "pronouns") \
        or key in _words("descriptions", "nobody")


def a_full_name(name: str) -> bool:
    """Whether a name can be a person's full name that a bare surname stands for: "Mark Rutte", "Tamara van
    Ark", not "VVD van Rutte" (an acronym opens it) nor "Wiebes en Rutte" (two people)."""
    words = name.split()
    links = _links_in_names()
    return len(words) > 1 and not is_acronym(words[0]) and not is_acronym(name) \
        and not any(w.lower() in links for w in words[1:-1])


def one_word_surname(key: str) -> str | None:
    """The last word of a full name's key, which a bare surname stands for ("rutte" of "mark rutte"); None after a
    particle: "Van Ark" is Tamara van Ark's surname, and "Shell" no surname of "Klanten van Shell"."""
    words = key.split()
    return None if len(words) < 2 or words[-2] in _words("words", "name_particles") else words[-1]


@cache
def _links_in_names() -> frozenset[str]:
    """Words that join two names ("en", "and"), less the particles inside one ("van", "de")."""
    return _words("words", "name_links") - _words("words", "name_particles")


def surnames_to_fold(known: Sequence[Known]) -> list[tuple[int, int]]:
    """(kept id, folded id) for each stored bare surname ("Baudet") that exactly one stored person's full name
    ("Thierry Baudet") ends in: an article that names only the surname came first. Also (acronym's id, long
    name's id) for an acronym and the one organisation it stands for, stored apart because the long name was
    not yet known as an organisation when the acronym came ("EU" and "Europese Unie")."""
    pairs = _surname_pairs(known)
    gone = {g for _, g in pairs}
    for keep, other in _acronym_pairs(known):
        if not {keep, other} & gone and all(other != k for k, _ in pairs):
            pairs.append((keep, other))
            gone.add(other)
    return pairs


def _acronym_pairs(known: Sequence[Known]) -> list[tuple[int, int]]:
    index = SourceIndex([s for s in known if not is_acronym(s.name)])
    pairs: dict[int, int] = {}  # long name's id -> acronym's id: one acronym per long name
    for source in known:
        if is_acronym(source.name) and source.kind in ("organisation", "outlet"):
            found = index._acronym_match(SourceName(source.name, source.kind))
            if found is not None:
                pairs.setdefault(index.sources[found].id, source.id)  # type: ignore[attr-defined]
    return [(acronym, long) for long, acronym in pairs.items()]


def _surname_pairs(known: Sequence[Known]) -> list[tuple[int, int]]:
    full: dict[str, list[Known]] = {}
    # a given name alone may be any of the persons who have it
    first_names = {name_key(s.name).split()[0] for s in known if s.kind == "person" and " " in name_key(s.name)}
    for source in known:
        surname = one_word_surname(name_key(source.name))
        if surname and a_full_name(source.name) and source.kind in ("person", "unknown") \
                and not is_description(source.name):
            full.setdefault(surname, []).append(source)
    pairs = []
    for source in known:
        key = name_key(source.name)
        if " " in key or is_description(source.name) or is_acronym(source.name) \
                or source.kind not in ("person", "unknown") or is_place(key) or key in first_names \
                or a_common_word(key):
            continue
        one = _the_one_person(full.get(key, []))
        if one is not None:
            pairs.append((one.id, source.id))  # type: ignore[attr-defined]
    return pairs


def _the_one_person(fits: Sequence[Known]) -> Known | None:
    """The one full name a bare surname can mean: the only one, or the only one known to be a person
    ("Thierry Baudet", not "Geestverwanten van Baudet"); None when two people share the surname."""
    if len(fits) == 1:
        return fits[0]
    persons = [f for f in fits if f.kind == "person"]
    return persons[0] if len(persons) == 1 else None


def match_known(candidate: SourceName, known: Sequence[Known]) -> int | None:
    """The index in `known` of the stored source `candidate` is, or None for a new source."""
    return SourceIndex(known).match(candidate)


def merge_into_known(candidate: SourceName, source: Known) -> SourceName:
    """What a matched candidate adds to a stored source: its kind if that was unknown, its affiliation (not
    the source itself: "Openbaar Ministerie (OM)" is not affiliated with the OM)."""
    merged = _merge(SourceName(source.name, source.kind, source.affiliation, tuple(source.aliases)), candidate)
    own = {name_key(s) for s in (*merged.spellings(), *candidate.spellings())}
    if merged.affiliation and name_key(merged.affiliation) in own:
        merged = replace(merged, affiliation=None)
    return merged


def suggest(name: str, names: Iterable[str], limit: int = 3) -> list[str]:
    """The stored names closest to a name a user typed, for a "did you mean" hint."""
    choices = list(dict.fromkeys(names))
    found = process.extract(name, choices, scorer=fuzz.WRatio, limit=limit, score_cutoff=70)
    return [match[0] for match in found]


def surname_match(name: str, names: Iterable[str]) -> str | None:
    """The one name among `names` whose last word is `name` (a bare surname: "Bali" for "Mustefa Bali"),
    ignoring case and accents; None when no name or more than one ends in it."""
    wanted = name_key(name)
    ends = [n for n in names if len(name_key(n).split()) > 1 and name_key(n).split()[-1] == wanted]
    return ends[0] if len(ends) == 1 else None


def is_spelling_of(name: str | None, source: Known) -> bool:
    """Whether `name` is the source's own name or one of its spellings (ignoring case, accents and punctuation)."""
    if not name:
        return False
    return name_key(name) in {name_key(s) for s in (source.name, *source.aliases)}
