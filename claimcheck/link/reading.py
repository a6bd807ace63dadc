"""What a claim text says, as far as the relation rules need: tokens, negations, states, quantities, dates,
content words and names. `read_claim(text, lang)` is cached: a claim is judged against many others.

Word lists live in claimcheck/lexicon/relations.toml.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from ..lexicon import load_table


@cache
def relations_lexicon() -> dict[str, Any]:
    """The parsed claimcheck/lexicon/relations.toml."""
    return load_table("relations")


_TOKEN = re.compile(r"'s\b|n't|\d+(?:[.,]\d+)*|\w+(?:-\w+)*")


def _lemma(word: str, lang: str) -> str:
    return _lemmatize(word, lang if lang in ("nl", "en") else "en")


@cache
def _lemmatize(word: str, lang: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang=lang)).lower()


@dataclass(frozen=True)
class Token:
    text: str  # as written
    word: str  # lower case
    lemma: str
    clause: int
    initial: bool = False  # first word of a sentence (capitalised whatever it is)

    def forms(self) -> set[str]:
        return {self.word, self.lemma}


def tokenize(text: str, lang: str) -> list[Token]:
    tokens: list[Token] = []
    clause = 0
    # "isn't" -> "is n't", so the negation is its own word.
    text = re.sub(r"(\w)n't\b", r"\1 n't", text.replace("’", "'"))
    position = 0
    for match in _TOKEN.finditer(text):
        between = text[position : match.start()]
        if re.search(r"[,;:.!?…()\"“”‘]", between):
            clause += 1
        initial = not tokens or bool(re.search(r"[.!?:…\"“”‘']", between))
        position = match.end()
        written = match.group()
        word = written.lower()
        tokens.append(Token(written, word, _lemma(word, lang), clause, initial))
    return tokens


Phrase = tuple[str, ...]


def _phrases(words: Iterable[str]) -> list[Phrase]:
    return [tuple(w.lower().replace("’", "'").split()) for w in words]


PhraseForms = tuple[frozenset[str], ...]


@lru_cache(maxsize=256)
def _phrase_index(phrases: tuple[Phrase, ...], lang: str, as_written: bool
                  ) -> dict[str, list[tuple[int, Phrase, PhraseForms]]]:
    """Each form a phrase's first word may take -> (the phrase's place in the list, the phrase, the forms of
    each of its words): a claim is matched against the few phrases its words can start, not every phrase."""
    index: dict[str, list[tuple[int, Phrase, PhraseForms]]] = {}
    for order, phrase in enumerate(phrases):
        if not phrase:
            continue
        forms = tuple(frozenset({w} if as_written else {w, _lemma(w, lang)}) for w in phrase)
        for form in forms[0]:
            index.setdefault(form, []).append((order, phrase, forms))
    return index


def _find(tokens: Sequence[Token], phrases: Iterable[Phrase], lang: str,
          as_written: bool = False) -> list[tuple[int, Phrase]]:
    """(start, phrase) wherever a phrase occurs, each word matching as written or by lemma (or only as
    written); in the order of the phrase list, then of position."""
    index = _phrase_index(tuple(phrases), lang, as_written)
    found: set[tuple[int, int, Phrase]] = set()
    for i, token in enumerate(tokens):
        keys = (token.word,) if as_written else (token.word, token.lemma)
        for key in keys:
            for order, phrase, forms in index.get(key, ()):
                if i + len(phrase) <= len(tokens) and all(
                    tokens[i + j].word in f or (not as_written and tokens[i + j].lemma in f)
                    for j, f in enumerate(forms)
                ):
                    found.add((order, i, phrase))
    return [(i, phrase) for _, i, phrase in sorted(found)]


@dataclass(frozen=True)
class Quantity:
    """A number in a claim with what it counts: "17 miljoen euro" is (17000000, "euro")."""

    value: float
    unit: str  # lemma of the counted word
    context: frozenset[str]  # content words near the number: what is counted, of whom ("bomen", "Shell")
    approximate: bool  # "ruim", "bijna", "zo'n", "about": a rounded figure
    year: bool = False  # a bare year ("in 2010"), which dates rather than counts


@dataclass
class Reading:
    lang: str
    tokens: list[Token]
    negated: list[int]  # token positions of negation words (not those inside an "ended" phrase)
    ended: list[str]
    ongoing: list[str]
    content: set[str] = field(default_factory=set)  # words and lemmas of the content words
    quantities: list[Quantity] = field(default_factory=list)
    names: set[str] = field(default_factory=set)  # name_key of each name (capitalised word, acronym)
    rebuttal: str | None = None  # a word rebutting what was said before ("ontkent", "klopt niets van")
    rebuttal_at: int = 0  # its token position
    years: set[int] = field(default_factory=set)  # years written in the text (2010, 2019)
    dates: set[tuple[int, int]] = field(default_factory=set)  # (month, day) written in the text
    end_negated: bool = False  # "IS is nog niet verslagen"
    contrast: str | None = None  # words insisting against a denial ("wel degelijk")
    contrast_at: int = 0  # their token position
    # antonym entry -> {side (0 or 1): the words found}
    opposites: dict[int, dict[int, str]] = field(default_factory=dict)
    # the keys of the counted words (content words that are no numbers), one per occurrence; filled once by
    # read_claim, since every pair judged compares them
    counted: list[frozenset[str]] = field(default_factory=list)

    def clause_content(self, clause: int) -> set[str]:
        return {t.lemma for t in self.tokens if t.clause == clause and is_content(t, self.lang)}


@cache
def _stopwords(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("stopwords", []))


@cache
def degree_words(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("degrees", []))


@cache
def comparative_endings(lang: str) -> tuple[str, ...]:
    return tuple(relations_lexicon().get(lang, {}).get("comparative_endings", []))


@cache
def focus_negations(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("focus_negations", []))


@lru_cache(maxsize=1024)
def is_denial_cue(cue: str, lang: str) -> bool:
    """Whether a statement's cue ("ontkent", "wees … af", "denied") is a verb of denial (cached: a cue is
    asked once per pair it is judged in)."""
    lang = lang if lang in ("nl", "en") else "en"
    tokens = tokenize(cue, lang)
    return bool(_find(tokens, _phrases(relations_lexicon().get(lang, {}).get("denial_cues", [])), lang))


@cache
def contrast_particles(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("contrast_particles", []))


@cache
def negation_words(lang: str) -> frozenset[str]:
    return frozenset(relations_lexicon().get(lang, {}).get("negations", []))


def is_content(token: Token, lang: str) -> bool:
    if token.text.isupper() and len(token.text) > 1:  # an acronym ("IS") is a name, not the verb "is"
        return True
    if token.word in negation_words(lang) or token.word in _stopwords(lang) or token.lemma in _stopwords(lang):
        return False
    return len(token.word) > 1 and not token.word.isdigit()


def content_keys(token: Token) -> set[str]:
    if token.text.isupper() and len(token.text) > 1:
        return {token.text}  # keep the case so "IS" never meets "is"
    keys = token.forms()
    if "-" in token.word:  # compounds: "IS-strijders" also counts as "IS" and "strijders"
        keys |= {part if part.isupper() and len(part) > 1 else part.lower() for part in token.text.split("-")}
    return keys


def counted_words(reading: Reading) -> list[Token]:
    """The content words of a reading that are not numbers, one per occurrence."""
    lang = reading.lang
    return [t for t in reading.tokens if is_content(t, lang) and number_value(t.word, lang) is None]


_DIGITS = re.compile(r"\d+")
_DECIMAL = re.compile(r"\d+[.,]\d+")


@lru_cache(maxsize=65536)
def number_value(word: str, lang: str) -> float | None:
    """The number a word writes ("17", "200.000", "twee"), or None (cached: every word of every claim judged
    is asked, many times over)."""
    if _DIGITS.fullmatch(word):
        return float(word)
    if _DECIMAL.fullmatch(word):
        # Dutch writes 200.000 for two hundred thousand and 1,5 for one and a half.
        if lang == "nl":
            return float(word.replace(".", "").replace(",", ".")) if "," in word else float(word.replace(".", ""))
        return float(word.replace(",", ""))
    value = relations_lexicon().get("numbers", {}).get(lang, {}).get(word)
    return float(value) if value is not None else None


def _as_written(tokens: Sequence[Token], hits: list[tuple[int, Phrase]]) -> list[str]:
    """The matched words as the text writes them, once per place (the longest phrase found there)."""
    longest: dict[int, int] = {}
    for start, phrase in hits:
        longest[start] = max(longest.get(start, 0), len(phrase))
    covered: set[int] = set()
    found = []
    for start in sorted(longest, key=lambda i: (-longest[i], i)):
        span = set(range(start, start + longest[start]))
        if not span & covered:
            covered |= span
            found.append((start, " ".join(t.text for t in tokens[start : start + longest[start]])))
    return list(dict.fromkeys(text for _, text in sorted(found)))


NEGATION_REACH = 3  # words between a negation and the end word it negates ("niet meer echt verslagen")


@lru_cache(maxsize=4096)
def read_claim(text: str, lang: str) -> Reading:
    """The negations, states, quantities, dates and content words of one claim text (cached: a claim is
    judged against many others). Treat the result as read-only."""
    lang = lang if lang in ("nl", "en") else "en"
    tokens = tokenize(text, lang)
    table = relations_lexicon().get(lang, {})
    states = table.get("states", {})
    # As written, not by lemma: "valt mee" is not "gevallen", "strijd" in "in strijd met" no fighting.
    ended_hits = _find(tokens, _phrases(states.get("ended", [])), lang, as_written=True)
    ongoing_hits = _find(tokens, _phrases(states.get("ongoing", [])), lang, as_written=True)
    inside_ended = {i + j for i, p in ended_hits for j in range(len(p))}
    negation_hits = _find(tokens, _phrases(table.get("negations", [])), lang)
    negated = sorted({i for i, _ in negation_hits} - inside_ended)
    reading = Reading(
        lang,
        tokens,
        negated,
        _as_written(tokens, ended_hits),
        _as_written(tokens, ongoing_hits),
    )
    # A negation flips an end only just before the end word, in its clause: "wij deze overwinning niet
    # zouden hebben behaald" (we would not have won without them) does not deny the victory.
    reading.end_negated = any(
        start - NEGATION_REACH <= i < start and tokens[i].clause == tokens[start].clause
        for start, _ in ended_hits
        for i in negated
    )
    for entry, sides in enumerate(relations_lexicon().get("antonyms", [])):
        for side, words in enumerate(sides.get(lang, [[], []])):
            hits = _find(tokens, _phrases(words), lang)
            if hits:
                reading.opposites.setdefault(entry, {})[side] = " ".join(hits[0][1])
    for token in tokens:
        if is_content(token, lang):
            reading.content |= content_keys(token)
    reading.names = _names(tokens, lang)
    rebuttals = _find(tokens, _phrases(table.get("rebuttals", [])), lang, as_written=True)
    # "bevestigen noch ontkennen", "neither confirm nor deny": no rebuttal.
    neither = set(relations_lexicon().get(lang, {}).get("neither", []))
    rebuttals = [(i, p) for i, p in rebuttals
                 if not any(t.word in neither for t in tokens[max(0, i - 2) : i + len(p) + 2])]
    if rebuttals:
        start, phrase = min(rebuttals)
        reading.rebuttal = " ".join(t.text for t in tokens[start : start + len(phrase)])
        reading.rebuttal_at = start
    contrasts = _find(tokens, _phrases(table.get("contrasts", [])), lang, as_written=True)
    if contrasts:
        start, phrase = min(contrasts)
        reading.contrast = " ".join(t.text for t in tokens[start : start + len(phrase)])
        reading.contrast_at = start
    _read_numbers(reading)
    reading.counted = [frozenset(content_keys(t)) for t in counted_words(reading)]
    return reading


QUANTITY_REACH = 4  # content words either side of a number that say what it counts ("15 miljoen bomen")


def _read_numbers(reading: Reading) -> None:
    """Dates ("29 juni"), years ("in 2010") and quantities ("300 duizend ongeldige stemmen") of a reading."""
    lang, tokens = reading.lang, reading.tokens
    months = relations_lexicon().get("months", {}).get(lang, [])
    multipliers = relations_lexicon().get("multipliers", {}).get(lang, {})
    approximators = set(relations_lexicon().get(lang, {}).get("approximators", []))
    skip = -1
    for i, token in enumerate(tokens):
        value = number_value(token.word, lang) if i != skip else None
        if value is None and i != skip and token.word in multipliers:
            value = float(multipliers[token.word])  # "een miljoen deelnemers", "a million people"
        if value is None:
            continue
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        preceding = tokens[i - 1] if i > 0 else None
        after = i + 1
        if following is not None and following.word in multipliers:
            # "300 duizend", "9,8 miljard", "2 million": one number, not a number and a count of thousands
            value *= float(multipliers[following.word])
            skip = i + 1
            after = i + 2
        elif following is not None and following.word in months and value <= 31:
            reading.dates.add((months.index(following.word) + 1, int(value)))
            continue
        elif preceding is not None and preceding.word in months and value <= 31:
            reading.dates.add((months.index(preceding.word) + 1, int(value)))
            continue
        if re.fullmatch(r"(19|20)\d\d", token.word):
            reading.years.add(int(token.word))
            continue
        # The counted thing follows the number, perhaps after one adjective ("drie zwarte honden").
        unit = next((t for t in tokens[after : after + 2]
                     if is_content(t, lang) and number_value(t.word, lang) is None), None)
        if unit is None:
            continue
        near = [t for t in tokens[max(0, i - 8) : i] if is_content(t, lang)][-QUANTITY_REACH:]
        near += [t for t in tokens[after:] if is_content(t, lang) and t is not unit][:QUANTITY_REACH]
        context = frozenset(key for t in near if number_value(t.word, lang) is None for key in content_keys(t))
        rounded = any(t.word in approximators for t in tokens[max(0, i - 2) : i])
        reading.quantities.append(Quantity(value, unit.lemma, context, rounded))


def name_key(word: str) -> str:
    """A name as compared across spellings and languages: no accents, lower case, no possessive s."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).lower()
    return plain[:-1] if len(plain) > 4 and plain.endswith("s") else plain


@cache
def _calendar_words(lang: str) -> frozenset[str]:
    table = relations_lexicon()
    return frozenset(table.get("months", {}).get(lang, [])) | frozenset(table.get(lang, {}).get("weekdays", []))


@lru_cache(maxsize=16384)
def story_names(topic: str, lang: str) -> frozenset[str]:
    """The names in an article's title and opening, which say what story it tells: read once per article
    (many claims share one article) and only for names, not through `read_claim`."""
    lang = lang if lang in ("nl", "en") else "en"
    # Names are read as written: no lemmas needed, so no `tokenize`.
    return frozenset(_names_of((m.group() for m in _TOKEN.finditer(topic.replace("’", "'"))), lang))


def _names(tokens: Sequence[Token], lang: str) -> set[str]:
    """Capitalised words (not stopwords, not months or weekdays), acronyms, and the capitalised parts of
    compounds ("CDA-fractievoorzitter" gives "cda"): the people, places and bodies a claim is about."""
    return _names_of((token.text for token in tokens), lang)


def _names_of(words: Iterable[str], lang: str) -> set[str]:
    """`_names` of words as written."""
    found: set[str] = set()
    calendar = _calendar_words(lang)
    for text in words:
        for part in text.split("-"):
            if len(part) < 2 or not part[0].isupper():
                continue  # tested first, being the cheapest: most words are in lower case
            lowered = part.lower()
            if lowered in calendar or lowered in negation_words(lang) or number_value(lowered, lang) is not None:
                continue  # "March", "Niemand", "Twee": dates, negations and numbers, not names
            acronym = part.isupper() and part.isalpha()
            if lowered in _stopwords(lang) and not acronym:
                continue
            # A sentence-initial word is capitalised anyway ("Volgens", "Het" are stopwords, skipped above);
            # kept, it is only evidence when the other claim capitalises it too, mid-sentence or as a name.
            found.add(name_key(part))
    return found


def state_of(reading: Reading, stance: str) -> str | None:
    """"ended", "ongoing" or None. Denying or negating an end ("IS is niet verslagen") means it goes on."""
    if reading.ended and not reading.ongoing:
        return "ongoing" if stance == "deny" or reading.end_negated else "ended"
    if reading.ongoing and not reading.ended:
        return "ended" if stance == "deny" else "ongoing"
    return None

