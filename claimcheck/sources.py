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
from collections.abc import Iterable, Sequence
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
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.\-]*[A-Z0-9.]$|^[A-Z]{2,}[a-z]?$")


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
def _outlet_keys() -> frozenset[str]:
    return frozenset(name_key(name) for name in lexicon()["outlets"]["names"])


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A spelling reduced for lookups: no accents, case, punctuation or leading article."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^\w]+", " ", plain).split()
    while len(words) > 1 and words[0] in ("de", "het", "the"):
        words = words[1:]
    return " ".join(words)


def clean(text: str) -> str:
    text = " ".join(text.split())
    return text.strip(_QUOTES + " ,.;:")


def is_acronym(word: str) -> bool:
    return bool(_ACRONYM.match(word.replace(" ", ""))) and len(word) <= 12


def initials(text: str) -> str:
    return "".join(word[0] for word in re.split(r"[\s\-]+", clean(text)) if word and word[0].isupper())


def _abbreviates(short: str, long: str) -> bool:
    """Whether `short` can be the acronym of `long`. Loose on purpose: "SDF" stands for "Syrische
    Democratische Krachten" (English initials, Dutch words), so the first letters and most others must agree."""
    letters = initials(long)
    short = short.replace(".", "").upper()
    if not letters or not short or letters[0] != short[0]:
        return False
    return letters == short or fuzz.ratio(letters, short) >= 60


def parse_mention(text: str | None) -> SourceName | None:
    """The source a mention names, or None for a pronoun or an empty mention."""
    if text is None:
        return None
    text = clean(text)
    if not text or text.lower() in _words("words", "pronouns"):
        return None
    parens = _ACRONYM_IN_PARENS.match(text)
    if parens and not parens.group("rest"):
        return _parse_parenthesised(parens.group("long"), clean(parens.group("short")))
    return _parse_plain(text)


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
    while tokens and tokens[0].lower() in _words("words", "determiners"):
        tokens = tokens[1:]
    role_kind, name_tokens, role_affiliation = _strip_description(tokens)
    if not name_tokens and tail:
        # "de jihadisten van ISIL": a description of members names the organisation after "van";
        # "de woordvoerder van May" speaks for May, whatever May is.
        found = parse_mention(tail)
        if found is None or found.kind != "unknown" or role_kind != "organisation":
            return found
        return replace(found, kind="organisation")
    if not name_tokens:
        return None
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
    return _words("roles", "person") | _words("roles", "outlet") | _words("roles", "organisation")


def _role_kind(word: str) -> str | None:
    """The kind a role or descriptor word implies. A capitalised descriptor is part of a proper name
    ("Bank of America", "Ministerie van Defensie"); a capitalised person's role is still a role ("President")."""
    written = word.strip(",")
    word = written.lower()
    if word in _words("roles", "person"):
        return "person"
    if written[:1].isupper():
        return None
    if word in _words("roles", "outlet"):
        return "outlet"
    if word in _words("roles", "organisation"):
        return "organisation"
    return None


def _strip_description(tokens: list[str]) -> tuple[str | None, list[str], str | None]:
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
    return kind, _name_run(tokens), affiliation


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


def _name_run(tokens: list[str]) -> list[str]:
    """The name in `tokens`: the last run of capitalised words, with linking words allowed inside
    ("Islamitische Staat in Irak en de Levant", "Mark van Rooij") but not at its ends.

    A capitalised first word followed by a lower-case one is only the start of a sentence ("Andere
    demonstranten"), and a lone Dutch adjective ("Amerikaanse", "Nederlandse") names no one.
    """
    inner = _words("words", "name_particles") | _words("words", "name_links")
    runs: list[list[str]] = []
    current: list[str] = []
    for token in tokens:
        word = token.rstrip(",")
        if _starts_upper(word) or word[:1].isdigit() or (current and word.lower() in inner):
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
    runs = [run for run in runs if run and not _only_an_adjective(run)]
    if runs and len(runs[0]) == 1 and tokens and tokens[0].rstrip(",") == runs[0][0] and len(tokens) > 1 \
            and not _starts_upper(tokens[1]) and tokens[1].lower() not in inner and not is_acronym(runs[0][0]):
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
    for index, group in enumerate(groups):
        if _close(mention, group):
            return index
    return None


def _merge(kept: SourceName, other: SourceName) -> SourceName:
    """`kept` with what `other` adds. An acronym is the canonical name of an organisation ("SDF")."""
    kind = kept.kind if kept.kind != "unknown" else other.kind
    name = kept.name
    if kind in ("organisation", "outlet") and is_acronym(other.name) and not is_acronym(name):
        name = other.name
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
        for source in sources:
            self.add(source)

    def add(self, source: Known) -> int:
        index = len(self.sources)
        self.sources.append(source)
        self._name_keys.append(name_key(source.name))
        for spelling in (source.name, *source.aliases):
            self.add_spelling(index, spelling)
        return index

    def add_spelling(self, index: int, spelling: str) -> None:
        # The first source to claim a spelling keeps it.
        self._by_key.setdefault(name_key(spelling), index)

    def match(self, candidate: SourceName) -> int | None:
        """The index of the stored source `candidate` is, or None for a new source."""
        found = [self._by_key[k] for k in (name_key(s) for s in candidate.spellings()) if k in self._by_key]
        if found:
            return min(found)
        if is_acronym(candidate.name):
            # A bare acronym only matches exactly; fuzzy acronyms ("AP"/"AFP") are different outlets.
            return None
        key = name_key(candidate.name)
        if len(key) < FUZZY_MIN_LENGTH:
            return None
        close = process.extract(key, self._name_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=10)
        for _, _, index in sorted(close, key=lambda match: match[2]):
            source = self.sources[index]
            if _close(candidate, SourceName(source.name, source.kind, source.affiliation)):
                return int(index)
        return None


def match_known(candidate: SourceName, known: Sequence[Known]) -> int | None:
    """The index in `known` of the stored source `candidate` is, or None for a new source."""
    return SourceIndex(known).match(candidate)


def merge_into_known(candidate: SourceName, source: Known) -> SourceName:
    """What a matched candidate adds to a stored source: its kind if that was unknown, its affiliation."""
    return _merge(SourceName(source.name, source.kind, source.affiliation, tuple(source.aliases)), candidate)


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
