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
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial

from ..lexicon import load, load_table, word_set
from ..records import Span, Statement
from ..sources import (
    a_full_name,
    agent_kind,
    is_acronym,
    is_agent,
    is_description,
    is_place,
    name_key,
    parse_mention,
    person_kind,
    person_roles,
    speaks,
)

# A run of capitalised words (allowing initials, hyphens and lower-case name particles inside). "[A-Z]" then
# "no word character before it" is "\b[A-Z]", but lets the regex engine jump from capital to capital.
_NAME = re.compile(
    r"[A-Z](?<!\w[A-Z])[\w'’.-]*(?:\s+(?:(?:van|de|der|den|von|la|le|di|da|del|bin|al)\s+)*[A-Z][\w'’.-]*)+"
)
# Particles that open a surname written alone ("Van Ark", "De Jonge", "Von der Leyen").
_SURNAME_PARTICLES = frozenset(["van", "de", "der", "den", "ter", "ten", "te", "von", "la", "le", "di", "da"])
_LINKS = frozenset(["van", "of", "bij", "namens", "for", "at"])
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
    addressed: frozenset[str]
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
        addressed=frozenset(p.lower() for p in pronouns.get("addressed", [])),
        adjective_endings=tuple(data.get("titles", {}).get("adjective_endings", [])),
    )


def _norm(word: str) -> str:
    return word.lower().replace(".", "").replace("’", "'").strip()


def resolve(text: str, statements: list[Statement], lang: str, *args: object) -> None:
    """Fill `speaker` and `affiliation` on every statement, in text order."""
    words = _words(lang)
    named: list[tuple[int, str, str | None]] = []  # (position, speaker, affiliation) of named sources
    named_people: list[tuple[int, str, str | None]] = []  # those that are no places, for "hij" and "she"
    written = _WrittenWith(text)  # the words each named source is written with
    # (start and end of the source, speaker, affiliation) of sources that are descriptions
    spoken: list[tuple[int, int, str, str | None]] = []
    full_names: dict[str, str] = {}  # "vos" -> "Bernadette Vos": the latest named source each word run ends
    addressed: list[Statement] = []  # sources that address the reader or the one interviewed ("U", "u")
    ordered = sorted(statements, key=lambda s: s.source.start if s.source else s.cue.start)
    for statement in ordered:
        source = statement.source
        if source is None:
            statement.speaker = None
            continue
        raw = _strip_edges(source.text)
        low = raw.lower()
        if len(raw.split()) <= 2 and low not in words.person | words.group | words.pointing | words.addressed \
                and (raw[:1].islower() or low in _function_words(lang)
                     or _verb_second(lang) and _sentence_start(text, source.start + 1) == source.start) \
                and low not in _PEOPLE \
                and parse_mention(name_of(raw, lang)[0]) is None:
            # A stray word or two ("gerust", "voormalig", "reden", "Aanvankelijk" opening the sentence) where the
            # speaker should be: the real one written next to it, after the cue or after the quote, else it
            # names no one.
            real = _real_source(text, statement, lang)
            if real is not None:
                statement.source = source = real
                raw = _strip_edges(source.text)
                low = raw.lower()
        elif _common_word(raw, text, lang) and low not in words.person | words.group | words.pointing \
                | words.addressed and low not in _PEOPLE and agent_kind(low) is None \
                and not is_place(name_key(low)) \
                and text[source.end : statement.cue.start].strip():
            # A word of the language capitalised only because it opens a sentence or a heading ("Nou, we gaan
            # ...", "Nee zeggen" run into the text), not right before its cue as a surname is ("Willems zei"):
            # the real speaker next to it, else no one.
            real = _real_source(text, statement, lang)
            if real is None:
                statement.source = statement.speaker = None
                continue
            statement.source = source = real
            raw = _strip_edges(source.text)
            low = raw.lower()
        if low in words.addressed and not _quoted(text, source.start):
            addressed.append(statement)  # "U zegt dat ...": the interviewee, known once all are read
            continue
        if low in words.person or low in words.group:
            # The description of a statement close before, after the last named source ("zei een 81-jarige
            # man, ... Hij verklaarde"), if it speaks ("de heftige confrontatie" does not) and can be one person
            # when the pronoun is ("hij" is no "de helft van de ministers"); further back it is as likely
            # someone else.
            fit = next((d for d in reversed(spoken)
                        if _is_agent(d[2]) and not (low in words.singular and _plural(d[2]))
                        and _may_be(d[2], statement, low, text, lang)), None)
            close = fit and (not named or named[-1][0] < fit[0]) and source.start - fit[1] < _CLOSE
            # one person is no place named as a source ("Washington wil …, zei hij")
            referent = fit[2:] if fit and close else _referent(
                text, source.start, named_people if low in words.singular else named, lang,
                "" if _plural_pronoun(text, statement, low, lang) else low)
            if referent is None and not _quoted(text, source.start):
                # No name to point back to: the description of a person of the pronoun's gender and number
                # just before it ("de man ... Hij vertelde"). Where a name came before, a description after it
                # is as often that person again ("Rutte ... de premier ... hij"): the name stays.
                described = _described_before(text, statement, low, lang)
                referent = (described, None) if described is not None else None
                if described is not None:  # "Zij kan ... vertelt ze": the next pronoun finds it too
                    spoken.append((source.start, source.end, described, None))
            statement.speaker, statement.affiliation = referent if referent else (raw, None)
            continue
        if low in words.pointing or _a_role(low):
            referent = _described(text, low, source.start, named, written, lang)
            if referent is not None:
                statement.speaker, statement.affiliation = referent
                continue
        speaker, affiliation = name_of(raw, lang)
        if _genitive(statement, speaker, lang):
            speaker = speaker[:-1]  # "Mays argument dat ...": May's
        described = organisation_described(text, speaker, lang)
        if described:
            speaker, affiliation = described, None
        elif not any(ch.isupper() for ch in speaker[:1]) and not any(w[:1].isupper() for w in speaker.split()):
            statement.speaker, statement.affiliation = speaker, affiliation
            if low not in words.pointing and parse_mention(speaker) is not None:
                spoken.append((source.start, source.end, speaker, affiliation))
            continue
        speaker = _first_of_two(text, speaker) if affiliation is None else speaker
        if speaker.strip() and raw.startswith(speaker.split()[0]) \
                and _sentence_start(text, source.start + 1) == source.start:
            speaker = _without_opener(text, speaker)
        speaker = _full_name(speaker, full_names, text)
        statement.speaker, statement.affiliation = speaker, affiliation
        found = parse_mention(speaker)
        if found is None:
            continue  # no one ("Marketingfoto's Telefonisch", "De"): no antecedent for a later "hij"
        if is_description(found.name):  # "Een 81-jarige man", "De politie": opening a sentence, no name
            spoken.append((source.start, source.end, speaker, affiliation))
            continue
        named.append((source.start, speaker, affiliation))
        if not is_place(name_key(speaker)):
            named_people.append(named[-1])
        written.add(source.start, source.end)
        parts = speaker.split()
        for k in range(1, len(parts)):
            full_names[" ".join(parts[k:]).lower()] = speaker
    if addressed:
        _interviewee(statements, addressed)


@dataclass(frozen=True)
class _Genders:
    masculine: frozenset[str]
    feminine: frozenset[str]
    feminine_endings: tuple[str, ...]
    plural_verbs: frozenset[str]
    singular_verbs: frozenset[str]


@cache
def _genders(lang: str) -> _Genders:
    pronouns = load(lang).get("pronouns", {})

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in pronouns.get(key, []))

    return _Genders(words("masculine"), words("feminine"), tuple(pronouns.get("feminine_endings", [])),
                    words("plural_verbs"), words("singular_verbs"))


# "de man", "een 64-jarige Arnhemmer", "mijn dochter": a determiner and the (up to three) words after it, of which
# the last that is a person noun is the head
_DETERMINED = re.compile(r"\b(?:[Dd]e|[Hh]et|[Ee]en|[Dd]eze|[Mm]ijn|[Oo]nze)(?=((?:\s+[\w'’-]+){1,3}))")
# "Bankmedewerkers en verzekeringsagenten moeten ...": a plural opening a sentence, with no determiner
_OPENING_PLURAL = re.compile(r"(?:^|(?<=[.!?]\s))([A-Z][\w'’-]+)")


def _described_before(text: str, statement: Statement, pronoun: str, lang: str) -> str | None:
    """The description of the person a pronoun source points back to when no name does: the latest
    description of its sentence or the one before whose head is a person noun of the pronoun's gender and
    number ("de man ... Hij vertelde", "de boa's ... vinden ze"). Gender and number come from the language's
    `[pronouns]` lists (`masculine`, `feminine`, `feminine_endings`): "hij" is a man or a role ("de
    student"), "zij" with a verb in the singular a woman ("de Arnhemse", "een vrouw"), with a verb in the
    plural a group of people ("de demonstranten", or "Artsen" opening a sentence). None when the lists are
    empty or nothing fits."""
    genders = _genders(lang)
    source = statement.source
    if source is None or not genders.masculine:
        return None
    plural = _plural_pronoun(text, statement, pronoun, lang)
    if plural is None:
        return None
    opening = _sentence_start(text, source.start)
    start = _sentence_start(text, max(0, opening - 2))
    found: tuple[int, str] | None = None
    for match in _DETERMINED.finditer(text, start, source.start):
        words = match.group(1).split()
        for size in range(len(words), 0, -1):
            head = words[size - 1].lower().strip(",.;:")
            before = words[: size - 1]
            # "een vrouwelijke demonstrant" is no "hij"; a capital inside is a name, not a description
            marked = {w.lower()[:9] for w in before} & {"vrouwelij", "mannelijk"}
            if words[size - 1][-1:] in ",.;:" and size < len(words) \
                    or any(w[:1].isupper() and not w.lower().endswith(("se", "sche")) for w in before) \
                    or not all(w.lower().endswith("e") or w[:1].isdigit() for w in before):
                continue
            if _agrees(head, pronoun, plural, genders) and not (
                    marked and (pronoun in _words_singular_male()) != ("mannelijk" in marked)):
                written = " ".join([match.group().split()[0], *words[:size]]).strip(",.;:")
                found = (match.start(), written[:1].lower() + written[1:])
                break
    if plural:
        for match in _OPENING_PLURAL.finditer(text, start, source.start):
            head = match.group(1).lower()
            if (found is None or found[0] < match.start()) and _agrees(head, pronoun, True, genders):
                found = (match.start(), head)
    return found[1] if found else None


def _may_be(description: str, statement: Statement, pronoun: str, text: str, lang: str) -> bool:
    """Whether a description can be what a pronoun stands for, where the language's gender lists tell: "hij"
    is no "de politie", no "de vrouw" and no group; "ze zegt" no "de man" and no group; "ze zeggen" no one
    person. Organisations stay open to "ze" and "zij" ("de gemeente ... ze wil")."""
    genders = _genders(lang)
    if not genders.masculine:
        return True
    words = description.lower().split()
    head = (words[: words.index("van")] if "van" in words[1:] else words)[-1]
    several = _plural(description)
    if pronoun in _words_singular_male():
        return not several and person_kind(head) and not _feminine(head, genders)
    plural = _plural_pronoun(text, statement, pronoun, lang)
    if plural is False:
        return not several and head not in genders.masculine
    if plural:
        return several or not person_kind(head)
    return head not in genders.masculine


def _feminine(head: str, genders: _Genders) -> bool:
    return head in genders.feminine or head.endswith(genders.feminine_endings) and len(head) > 5


def _plural_pronoun(text: str, statement: Statement, pronoun: str, lang: str) -> bool | None:
    """Whether a pronoun source stands for more than one: "hij" no, "ze" and "zij" as the verb next to them
    says ("ze zegt", "vinden ze"); None when the verb does not say."""
    words = _words(lang)
    if pronoun in words.singular:
        return False
    if pronoun not in words.person:
        return True  # "they", "hen"
    genders = _genders(lang)
    source = statement.source
    assert source is not None
    before = text[max(0, source.start - 30) : source.start].split()[-1:]
    after = text[source.end : source.end + 30].split()[:1]
    for word in [*after, *before]:
        word = word.lower().strip(",.;:'\"")
        if word in genders.plural_verbs:
            return True
        if word in genders.singular_verbs:
            return False
    cue = statement.cue.text.split()[0].lower()
    if _cue_next_to(text, statement):
        return cue.endswith("en") and len(cue) > 3
    return None


def _cue_next_to(text: str, statement: Statement) -> bool:
    """Whether the cue and the source are next to each other ("vinden ze", "ze zegt")."""
    source, cue = statement.source, statement.cue
    assert source is not None
    gap = text[source.end : cue.start] if cue.start >= source.end else text[cue.end : source.start]
    return not gap.strip()


def _agrees(head: str, pronoun: str, plural: bool, genders: _Genders) -> bool:
    """Whether a head noun is a person the pronoun can stand for: one man or one person of a role for "hij",
    one woman for "zij" in the singular, more than one person for "zij" in the plural."""
    singular_word = head in genders.masculine or head in genders.feminine
    several = not singular_word and (head.endswith(("en", "s", "ici")) or head.endswith("'s"))
    feminine = _feminine(head, genders)
    if plural:
        return several and (person_kind(head) or is_agent(head))
    person = singular_word or (person_kind(head) and not head.endswith("en"))
    if not person:
        return False
    if several:
        return False
    return feminine if pronoun not in _words_singular_male() else not feminine


@cache
def _words_singular_male() -> frozenset[str]:
    return frozenset(["hij", "hem", "he", "him"])


def _a_role(description: str) -> bool:
    """ "de bisschop", "de chirurg": a role with its article points back as `[pronouns] descriptions` do."""
    words = description.split()
    return len(words) == 2 and words[0] in ("de", "het", "the") and words[1] in person_roles()


def _genitive(statement: Statement, speaker: str, lang: str) -> bool:
    """A one-word name in -s right before a reporting noun ("Mays argument dat ..."): its owner, in the
    genitive."""
    source, cue = statement.source, statement.cue
    return (source is not None and " " not in speaker and len(speaker) > 2 and speaker.endswith("s")
            and speaker[:1].isupper() and not speaker.isupper() and 0 <= cue.start - source.end <= 1
            and cue.text.lower() in _reporting_nouns(lang))


@cache
def _reporting_nouns(lang: str) -> frozenset[str]:
    return frozenset(str(w).lower() for words in load(lang).get("nominal", {}).values() for w in words)


def _interviewee(statements: list[Statement], addressed: list[Statement]) -> None:
    """ "U zegt dat ...", outside quotes: an interview's question to the one interviewed, the person the
    article quotes most (at least twice, more than anyone else). With none such, "U" stays the source."""
    asked = {id(statement) for statement in addressed}
    counts: dict[str, int] = {}
    affiliations: dict[str, str | None] = {}
    for statement in statements:
        found = parse_mention(statement.speaker) if statement.speaker else None
        if statement.speaker and found is not None and found.kind in ("person", "unknown") \
                and not is_description(found.name) and " " in found.name and id(statement) not in asked:
            counts[statement.speaker] = counts.get(statement.speaker, 0) + 1
            affiliations.setdefault(statement.speaker, statement.affiliation)
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    one = ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]) \
        else None
    for statement in addressed:
        statement.speaker = one or _strip_edges(statement.source.text if statement.source else "")
        statement.affiliation = affiliations[one] if one else None


# Quotation marks that open or close a quote; a single one only at a word's edge, not the apostrophe of
# "auto's" ("'Wilt u ophouden?', vraagt ...").
_QUOTE_MARKS = re.compile(r",,|''|[\"“”„«»‘’]|(?<![\w'])'(?=\w)|(?<=[\w.,!?])'(?![\w'])")


def _quoted(text: str, position: int) -> bool:
    """Whether `position` is inside a quote: an odd number of quotation marks in its paragraph before it."""
    start = text.rfind("\n", 0, position) + 1
    return len(_QUOTE_MARKS.findall(text, start, position)) % 2 == 1


_WORD_AT = re.compile(r"[\w'’.-]+|[^\w\s]")


def _real_source(text: str, statement: Statement, lang: str) -> Span | None:
    """The speaker a stray-word source stands in for: the same phrase read on ("voormalig" -> "voormalig
    medisch directeur Geraline Leusink", "alle zeven" -> "alle zeven partijen"), else the subject right after
    the cue ("Om die reden noemt het bedrijf ..."), else the speaker named after the quote's close
    ("... melden', zegt Joop"), else a name opening the sentence and set off by a comma ("Leo van der Geest,
    directeur van ..., spreekt van ..."). None when there is none of these."""
    source = statement.source
    assert source is not None
    if _modifies(source.text) or _documents(source.text):
        stop = statement.cue.start if statement.cue.start > source.start else _sentence_end(text, source.end)
        found = _phrase_at(text, source.start, stop, lang)
        if found is not None and found.end > source.end:
            return found
    antecedent = _relative_antecedent(text, statement, lang) or _clause_subject(text, statement, lang)
    if antecedent is not None:
        return antecedent
    # "Om die reden eist het OM ...": after an adverbial opening the sentence, the subject follows the verb
    # (the first piece of a split cue: "riep de AKP ... op"); after a subject ("recentere drama's drongen de
    # affaire ...") the object does.
    adverbial = _starts_with(text, _sentence_start(text, source.start), _adverbial_openers())
    for start in dict.fromkeys(_skip_adverbs(text, piece[1]) for piece in statement.cue.pieces()[::-1]):
        if statement.cue.text[:1].isalpha() and not source.start <= start < source.end \
                and (adverbial or _verb_second(lang) and _opens_before_verb(text, statement)) \
                and not _starts_with(text, start, _function_words(lang) - _inside_phrases(lang)):
            found = _phrase_at(text, start, _sentence_end(text, start), lang)
            if found is not None:
                return found
    said = _said_after(text, statement.content.end, lang)
    if said is not None:
        return said
    if source.start < statement.cue.start or _quoted(text, statement.cue.start):
        return None
    opening = _sentence_start(text, statement.cue.start)
    comma = text.find(",", opening, statement.cue.start)
    if comma > opening:
        found = _phrase_at(text, opening, comma, lang)
        if found is not None and found.end == comma and not is_description(name_of(found.text, lang)[0]):
            return found
    return None


_WORD_BEFORE = re.compile(r"([\w'’-]+)\s*$")
_WORD_OR_COMMA_BEFORE = re.compile(r"([\w'’-]+)[\s,]*$")  # "Jan Bos, minister van Milieu, ...": read past commas


def _relative_antecedent(text: str, statement: Statement, lang: str) -> Span | None:
    """ "rechts-extremisten die chaos willen zaaien", "de SP, die ineens zegt dat ...": a stray source inside a
    relative clause stands for the phrase its relative pronoun (`[pronouns] relative`) follows. The pronoun
    opens the clause at most three lower-case words before the source or cue, with no punctuation between."""
    relatives = word_set(lang, "pronouns", "relative")
    source = statement.source
    assert source is not None
    position = min(source.start, statement.cue.start)
    for _ in range(4):
        match = _WORD_BEFORE.search(text, max(0, position - 40), position)
        if match is None or text[match.end() : position].strip():
            return None
        word = match.group(1)
        if word.lower() in relatives:
            break
        if not word[:1].islower():
            return None
        position = match.start()
    else:
        return None
    end = match.start()
    while end > 0 and text[end - 1] in " ,":
        end -= 1
    best: Span | None = None
    start = end
    for _ in range(6):
        word = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if word is None or text[word.end() : start].strip():
            break  # punctuation: the phrase cannot reach further back
        start = word.start()
        opening = word.group(1).lower()
        second = _NEXT_WORD.match(text, word.end())
        if best is not None and (opening not in _phrase_openers() and (
                not word.group(1)[:1].isupper() or opening in _function_words(lang))
                or second is not None and second.group(1).lower() in _adverbs()):
            continue  # "van rechts-extremisten", "Maar het aantal", "zijn zelfs docenten": the phrase starts later
        found = _phrase_at(text, start, end, lang)
        if found is not None and found.end == end:
            best = found
    return best


def _opens_before_verb(text: str, statement: Statement) -> bool:
    """ "Aanvankelijk riep de AKP ...", "Deze week maakte de toezichthouder bekend ...": a stray source that
    opens its sentence (after at most an opener such as "toen") and comes right before the cue's verb, or two
    words before it, is an adverbial in first place; the verb is second and the subject comes after it."""
    source = statement.source
    assert source is not None
    if statement.cue.start < source.end:
        return False
    opening = _sentence_start(text, source.start)
    before = text[opening : source.start].lower().split()
    if len(before) > 1 or before and before[0] not in _openers():
        return False
    gap = text[source.end : statement.cue.start]
    return len(gap.split()) <= 1 and not any(mark in gap for mark in ",.;:!?\"'")


@cache
def _verb_second(lang: str) -> bool:
    """Whether the language puts the finite verb second (`[languages] verb_second` of sources.toml), so a word
    opening the sentence before the verb may be an adverbial with the subject after the verb."""
    return lang in load_table("sources").get("languages", {}).get("verb_second", [])


@cache
def _openers() -> frozenset[str]:
    return frozenset(load_table("sources")["descriptions"]["openers"])


def _clause_subject(text: str, statement: Statement, lang: str) -> Span | None:
    """ "dat hij geen Mercedes meer wilde zien", "toen ze met Ed Nijpels milieumaatregelen wilde nemen": a stray
    word read as the source of a verb at the end of a subordinate clause stands for the clause's subject, the
    pronoun or phrase right after the conjunction that opens it (`[grammar] conjunctions` less the ones that
    join main clauses). Read back at most fifteen words, not past the end of a sentence or a quotation mark."""
    source = statement.source
    assert source is not None
    according, opening, pronouns = _clause_words(lang)
    if statement.cue.text.split()[0].lower() in according:
        return None  # "volgens de regels": the source of "volgens" is the phrase after it, or no one
    position = min(source.start, statement.cue.start)
    for _ in range(15):
        word = _WORD_OR_COMMA_BEFORE.search(text, max(0, position - 40), position)
        if word is None or any(mark in text[word.end(1) : position] for mark in ".!?:;\"'“”‘’"):
            return None
        if word.group(1).lower() in _COORDINATING and text[: word.start()].rstrip().endswith(","):
            return None  # "..., en de EU wil voorkomen": a new clause, its subject is not further back
        if word.group(1).lower() in opening and word.group(1)[:1].islower():
            subject = _NEXT_WORD.match(text, word.end())
            if subject is None or subject.end() > min(source.start, statement.cue.start):
                return None
            low = subject.group(1).lower()
            if low in pronouns and (low in _words(lang).person or low in _words(lang).group):
                return Span.of(text, subject.start(1), subject.end(1))  # "hij", "ze"; not "hem", "haar"
            if low in pronouns:
                return None  # "dat men ...", "als iedereen ...": the subject names no one
            if not subject.group(1)[:1].isupper() and low not in _phrase_openers():
                return None  # "dat over twee jaar een premier ...": an adverbial first, the subject unsure
            return _phrase_at(text, subject.start(1), min(source.start, statement.cue.start), lang)
        position = word.start()
    return None


@cache
def _clause_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """For `_clause_subject`: the "according" cue words, the conjunctions that open a subordinate clause (a
    relative pronoun opens one whose subject may be the phrase before it: `_relative_antecedent`), and the
    subject pronouns."""
    according = load(lang).get("according", {})
    grammar = load(lang).get("grammar", {})
    return (frozenset(w.lower() for w in [*according.get("before", []), *according.get("after", [])]),
            frozenset(grammar.get("conjunctions", [])) - _COORDINATING - word_set(lang, "pronouns", "relative"),
            frozenset(w.lower() for w in grammar.get("subject_pronouns", [])))


# Conjunctions that join two main clauses, whose subject comes after the verb as often as before, and those
# that also compare ("hetzelfde bedrag als Twente"), whose next word need not be a subject
_COORDINATING = frozenset(["en", "maar", "want", "dus", "of", "als", "dan", "and", "but", "or", "so", "as", "than"])


@cache
def _phrase_openers() -> frozenset[str]:
    """Lower-case words a phrase naming someone opens with: determiners and quantifiers ("de", "veel")."""
    table = load_table("sources")
    return frozenset([*table["words"]["determiners"], *table["descriptions"]["quantifiers"]])


def _phrase_at(text: str, start: int, stop: int, lang: str) -> Span | None:
    """The longest phrase from `start` (of at most eight words, before `stop` and any punctuation) that names
    someone: a capitalised name, or a description whose head speaks ("alle zeven partijen", "het bedrijf")."""
    best: Span | None = None
    count = 0
    first = ""
    for match in _WORD_AT.finditer(text, start, min(stop, start + 200)):
        word = match.group()
        low = word.lower()
        if not word[0].isalnum() or count and (low in _cue_words(lang) or low in _function_words(lang)
                                               and low not in _inside_phrases(lang)):
            break  # a phrase ends at punctuation, a verb of saying or a function word ("... H. al in 2012")
        if best is not None and word[:1].islower() and low not in _inside_phrases(lang):
            break  # a name read, a lower-case word ends it ("advocaat L. Portier namens ...")
        first = first or word
        count += 1
        if count > 8:
            break
        phrase = text[start : match.end()].rstrip(".")
        name, _ = name_of(phrase, lang)
        found = parse_mention(name)
        if found is None:
            continue
        if is_description(found.name) and not speaks(found.name) and phrase.lower() not in _words(lang).pointing:
            continue
        # A name ends in a capitalised word ("directeur Annelies Kroon", not "... Kroon af") and opens the
        # phrase or follows a role or an article ("spionage door de Chinezen" names no one).
        if not is_description(found.name) and not (word[:1].isupper() and (
                first[:1].isupper() or first.lower() in _descriptions(lang).determiners or _modifies(first)
                or _is_agent(first) or first.lower() in _document_words()
                or name_of(f"{first} X", lang)[0] == "X")):
            continue
        if count == 1 and not is_description(found.name) and _sentence_start(text, start + 1) == start:
            continue  # one capitalised word opening a sentence may be any word ("Ach", "Nee")
        best = Span.of(text, start, start + len(phrase))
    return best


# Words for people that name no one in particular: a source of one is a real subject, not a stray word.
def _common_word(raw: str, text: str, lang: str) -> bool:
    """One capitalised word that the language knows as a common word ("Nou", "Nee", "Vergeleken") and that
    the article never writes capitalised inside a sentence, as it would a surname ("zei Klaver")."""
    if " " in raw or not raw[:1].isupper() or raw.isupper() or not _known(raw.lower(), lang):
        return False
    return not _capitalised_inside(raw, text)


@lru_cache(maxsize=512)
def _capitalised_inside(word: str, text: str) -> bool:
    """Whether the text writes `word` after a word or a comma (once per word and article: a long article
    has many statements whose source is the same word). The plain search for " word" jumps to the places
    where the pattern can match."""
    pattern = re.compile(rf"[\w,] {re.escape(word)}\b")
    needle = " " + word
    at = text.find(needle, 1)
    while at != -1:
        if pattern.match(text, at - 1):
            return True
        at = text.find(needle, at + 1)
    return False


@lru_cache(maxsize=4096)
def _known(word: str, lang: str) -> bool:
    """Whether the word is in the language's dictionary (simplemma's)."""
    import simplemma

    return bool(simplemma.is_known(word, lang=lang))


_PEOPLE = frozenset(["niemand", "iemand", "iedereen", "men", "velen", "sommigen", "anderen", "enkelen",
                     "nobody", "someone", "everyone", "anyone", "many", "some", "others"])


@cache
def _function_words(lang: str) -> frozenset[str]:
    """Stopwords and the words that name no one ("dat", "iets", "men"): a source of one of these is a stray."""
    nobody = load_table("sources")["descriptions"]["nobody"]
    return word_set(lang, "language", "stopwords") | frozenset(w.lower() for w in nobody)


@cache
def _inside_phrases(lang: str) -> frozenset[str]:
    """Function words a source phrase can hold: name particles ("de", "van") and "een"."""
    return frozenset([*load_table("sources")["words"]["name_particles"], "een", "a", "an"])


@cache
def _adverbs() -> frozenset[str]:
    return frozenset(load_table("sources")["words"]["adverbs"])


def _skip_adverbs(text: str, position: int) -> int:
    """Past the spaces and up to two adverbs ("spreekt ook officier ...", `[words] adverbs`)."""
    adverbs = _adverbs()
    for _ in range(2):
        match = _NEXT_WORD.match(text, position)
        if match is None or match.group(1).lower() not in adverbs:
            break
        position = match.end()
    while position < len(text) and text[position].isspace():
        position += 1
    return position


_NEXT_WORD = re.compile(r"\s*([\w'’-]+)")


def _starts_with(text: str, position: int, words: frozenset[str]) -> bool:
    match = _NEXT_WORD.match(text, position)
    return match is not None and match.group(1).lower() in words


@cache
def _adverbial_openers() -> frozenset[str]:
    return frozenset(load_table("sources")["words"]["adverbial_openers"])


def _modifies(phrase: str) -> bool:
    """Whether a lower-case source ends in a word that modifies a head to come: a number or quantifier
    ("alle zeven", "een aantal") or an adjective ("voormalig", "financieel")."""
    words = phrase.split()
    if not words or not phrase[:1].islower():
        return False
    last = words[-1].lower()
    table = load_table("sources")["descriptions"]
    return last in table["quantifiers"] or last in table["shares"] or last in _NUMBERS \
        or last.endswith(tuple(table["modifier_endings"]))


@cache
def _document_words() -> frozenset[str]:
    return frozenset(load_table("sources")["descriptions"]["documents"])


def _documents(phrase: str) -> bool:
    """Whether a stray source is a document's noun ("berekeningen", "cijfers"): read on, its source may follow
    ("berekeningen van Átlátszó")."""
    words = phrase.lower().split()
    return bool(words) and words[-1] in _document_words()


_NUMBERS = frozenset(["twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf",
                      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"])


def _said_after(text: str, position: int, lang: str) -> Span | None:
    """ "... aan hen melden', zegt Joop.": the speaker written after the verb that follows the close of
    the quote the content ends in, in the same paragraph and within 300 characters."""
    end = text.find("\n", position)
    end = len(text) if end < 0 else end
    close = _QUOTE_CLOSE.search(text, position, min(end, position + 300))
    match = _AFTER_QUOTE.match(text, close.start()) if close else None
    if match is None or match.group(1).lower() not in _cue_words(lang):
        return None  # the first quotation mark after the content closes its quote: the verb must follow it
    start = match.end()
    return _phrase_at(text, start, _sentence_end(text, start), lang)


_QUOTE_CLOSE = re.compile(r"''|[\"”’']")
_AFTER_QUOTE = re.compile(r"(?:''|[\"”’'])\s*,\s*([a-z]+)\s+")


@cache
def _cue_words(lang: str) -> frozenset[str]:
    """Every word form of the language's cue verbs ("zegt", "zei", "says")."""
    data = load(lang)
    found: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            found.update(node.lower().split())

    walk(data.get("verbs", {}))
    walk(data.get("cues", {}))
    return frozenset(word for word in found if len(word) > 2 and word != "to")  # not the "to" of "say to"


def _sentence_start(text: str, position: int) -> int:
    before = max(text.rfind(". ", 0, position), text.rfind("? ", 0, position), text.rfind("! ", 0, position))
    start = max(before + 2 if before >= 0 else 0, text.rfind("\n", 0, position) + 1)
    while start < position and not text[start].isalnum():
        start += 1
    return start


def _sentence_end(text: str, position: int) -> int:
    """Where the sentence from `position` ends: a full stop (not an initial's, "L. Portier") or a line break."""
    stop = _FULL_STOP.search(text, position)
    line = text.find("\n", position)
    ends = [k for k in (stop.start() if stop else -1, line) if k >= 0]
    return min(ends) if ends else len(text)


_FULL_STOP = re.compile(r"(?<!\b[A-Z])\.\s")


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
            # "SDF-woordvoerder": the organisation glued to the role; "oud-partijleider": a role
            last_role = role_start = k
            affiliation = prefix if prefix[:1].isupper() else affiliation
        k += 1
    if last_role < 0:
        return head, None
    name = tokens[last_role + 1 :]
    if not any(t[:1].isupper() for t in name) or name[0] in _LINKS:
        return head, affiliation  # "de oud-partijleider van de VVD": a description of a person, no name
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


class _WrittenWith:
    """The words each named source is written with, in it and around it ("Zorgminister Bruno Bruins",
    "Bruins, minister van ...", "het bedrijf Fastned"): the latest source by each word and by each ending of
    five letters or more, so a description finds its source without reading every source before it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.count = 0
        self.by_word: dict[str, int] = {}
        self.by_ending: dict[str, int] = {}

    def add(self, start: int, end: int) -> None:
        text = self.text
        before = text[max(0, start - 40) : start].split()[-1:]
        after = text[end : end + 60].split()[:3] if text[end : end + 1] == "," else []
        for written in [*text[start:end].split(), *before, *after]:
            word = written.lower().strip(",.()")
            self.by_word[word] = self.count
            for k in range(1, len(word) - 4):
                self.by_ending[word[k:]] = self.count
        self.count += 1

    def latest(self, head: str) -> int | None:
        """The number of the latest source written with `head` or a word ending in it (five letters or
        more), None if none is."""
        found = [n for n in (self.by_word.get(head), self.by_ending.get(head) if len(head) > 4 else None)
                 if n is not None]
        return max(found) if found else None


def _described(text: str, description: str, position: int, named: list[tuple[int, str, str | None]],
               written: _WrittenWith, lang: str) -> tuple[str, str | None] | None:
    """The source a description points back to: the latest named source written with that role or noun
    ("Zorgminister Bruno Bruins", "Bruins, minister van Medische Zorg", "het bedrijf Fastned") or, failing
    that, the latest name the text writes so before it. None when there is none: the description stays."""
    head = description.split()[-1]

    number = written.latest(head)
    if number is not None:
        _, speaker, affiliation = named[number]
        return speaker, affiliation
    if head not in person_roles():
        return None  # "de gemeente Dura Vermeer een boete opleggen": after a noun, a name may be an object
    role = rf"\b[\w-]*{re.escape(head)}" if len(head) > 4 else rf"\b{re.escape(head)}"
    latest = _latest_written(text, role, position)
    if latest is None:
        return None
    parts = re.split(r"(?<=[.!?])\s+", latest.group("name"))  # a run can cross a sentence end ("Rutte. Hij")
    name = parts[0] if latest.start("name") > latest.start() else parts[-1]
    role_and_name = text[latest.start() : latest.start("name")] + name if name is parts[0] else name
    found = parse_mention(role_and_name)  # "president Erdogan van Turkije": Erdogan, of Turkije
    if found is None or " " not in found.name and found.kind != "person":
        return None
    return found.name, found.affiliation


def _latest_written(text: str, role: str, position: int) -> re.Match[str] | None:
    """The latest "role Name" or "Name, (de) role" the text writes before `position`. Read backwards in
    growing windows, not from the start: on a long article each description would scan all before it."""
    patterns = _role_patterns(role)
    window = _WINDOW
    while True:
        start = max(0, position - window)
        written = [match for pattern in patterns for match in pattern.finditer(text, start, position)]
        latest = max(written, key=lambda m: m.start("name")) if written else None
        # A match this far inside the window is one a scan from the start finds too.
        if start == 0 or latest is not None and latest.start() >= start + _WINDOW // 4:
            return latest
        window *= 4


_WINDOW = 8_000


@lru_cache(maxsize=256)
def _role_patterns(role: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    return (
        re.compile(rf"(?i:{role})\s+(?P<name>{_NAME.pattern})"),
        re.compile(rf"(?P<name>{_NAME.pattern}),\s+(?:de\s+|het\s+|the\s+)?(?:[\w-]+\s+)?(?i:{role})\b"),
    )


def _referent(text: str, position: int, named: list[tuple[int, str, str | None]], lang: str,
              pronoun: str = "") -> tuple[str, str | None] | None:
    """The named source a pronoun points back to; with none, the last person's name written before it.
    `pronoun` is the pronoun when it stands for one person, "" when for several or when that is unknown."""
    if named:
        _, speaker, affiliation = _mentioned_last(text, position, named) if _by_mention(lang) else named[-1]
        return speaker, affiliation
    # No named source yet: the last person's name written before the pronoun ("The", "In" and the like dropped),
    # not an organisation or a prize ("Nobelprijs voor de Vrede"), nor a heading run into "Hij" ("Begrip Hij").
    stopwords = word_set(lang, "language", "stopwords")
    words = _words(lang).person | _words(lang).group
    # "premier May": one name, a person by its title (for a pronoun of one person)
    titled = _titled_before(text, position, lang, pronoun) if pronoun else None
    for match in reversed(list(_NAME.finditer(text, titled[0] if titled else 0, position))):
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
    return (titled[1], None) if titled else None


_TITLED = re.compile(r"\b([a-z][\w-]*)\s+([A-Z][a-zà-ÿ'’-]+)\b(?!\s+[A-Z])")


def _titled_before(text: str, position: int, lang: str, pronoun: str) -> tuple[int, str] | None:
    """(position, name) of the latest one-word name written after a person's role before `position`
    ("premier May", "bondscoach Koeman"), in the 2,000 characters before it; not after a title of the other
    gender than the pronoun's ("meneer Krol" is no "ze"), nor after an outlet's ("persbureau Demirören")."""
    roles = _person_titles()
    genders = _genders(lang)
    other = genders.masculine if pronoun and pronoun not in _words_singular_male() else genders.feminine
    found = None
    for match in _TITLED.finditer(text, max(0, position - 2000), position):
        role = match.group(1).lower()
        if (role in roles or _role_compound(role, roles)) and not (pronoun and role in other):
            found = (match.start(), match.group(2))
    return found


@cache
def _person_titles() -> frozenset[str]:
    return frozenset(_norm(r) for r in person_roles())



@cache
def _by_mention(lang: str) -> bool:
    """Whether the language's pronouns take the named source mentioned last (`[pronouns] by_mention`): tried
    on Dutch; on English news "she" as often took a man mentioned later, whom no gender list can rule out."""
    return bool(load(lang).get("pronouns", {}).get("by_mention", False))


def _mentioned_last(text: str, position: int, named: list[tuple[int, str, str | None]]
                    ) -> tuple[int, str, str | None]:
    """Of the latest named sources (up to six speakers), the one the text mentions last before `position`, by
    its last word ("Debets" after a statement of hers, then one of the FAA, then "Loopt Debets ...? ..., zegt
    ze"): the latest statement's source unless another is written after it."""
    latest = named[-1]
    seen: dict[str, tuple[int, str, str | None]] = {}
    for entry in reversed(named):
        if len(seen) == 6:
            break
        seen.setdefault(entry[1], entry)
    best, best_at = latest, latest[0]
    for speaker, entry in seen.items():
        word = speaker.split()[-1]
        if len(word) < 3:
            continue
        at = text.rfind(word, best_at + 1, position)
        if at > best_at and not text[at - 1 : at].isalnum():
            best, best_at = entry, at
    return best


def _full_name(speaker: str, full_names: dict[str, str], text: str = "") -> str:
    """ "Vos" after "Bernadette Vos" -> "Bernadette Vos"; case-blind, as Dutch surnames capitalise their
    particle when they stand alone ("Tamara van Ark" ... "Van Ark"). A surname no source spelled out takes the
    one full name the article writes it in ("De Groot" -> "Bram de Groot (21), rechtenstudent"), if only one."""
    if " " in speaker and speaker.split()[0].lower() not in _SURNAME_PARTICLES:
        return speaker
    if speaker.lower() in full_names:
        return full_names[speaker.lower()]
    if speaker.endswith("s") and speaker[:-1].lower() in full_names:
        return full_names[speaker[:-1].lower()]  # "Mays verwijt" after "Theresa May": a genitive
    if len(speaker) == 1 and speaker.isupper():
        # "R." of "Yago R.": the one person the article writes with that initial
        written = _initialled(text).get(speaker, [])
        initialled = {found.name for found in map(parse_mention, written) if found is not None and " " in found.name}
        return f"{initialled.pop()}." if len(initialled) == 1 else speaker  # "Volgens R." is no name
    if not speaker[:1].isupper() or is_acronym(speaker.split()[-1]):
        return speaker  # a description, or an acronym ("OM", "De SP")
    return _written_in_full(text, speaker.lower()) or speaker


# "Yago R.": a name and an initial, the initial grouped
_INITIALLED = re.compile(r"\b([A-Z][a-zà-ÿ]+(?:\s+(?:van|de|der|den|el|al))*\s+(\w)\.)")


@lru_cache(maxsize=8)
def _initialled(text: str) -> dict[str, list[str]]:
    """Each name written with an initial ("Yago R."), by the initial: read once per article."""
    found: dict[str, list[str]] = {}
    for match in _INITIALLED.finditer(text):
        found.setdefault(match.group(2), []).append(match.group(1))
    return found


def _without_opener(text: str, name: str) -> str:
    """ "Eer Dekker ziet ...": a name without the capitalised word opening its sentence that the article also
    writes in lower case ("eer"), so a common word, not a given name."""
    words = name.split()
    if len(words) < 2 or words[0].lower() in _SURNAME_PARTICLES | _descriptions("nl").determiners \
            or not all(w[:1].isupper() for w in words[1:]) or words[0].lower() not in _lower_words(text):
        return name  # "Het kabinet", "Een Amerikaanse vrouw": a description, not a name after a word
    return " ".join(words[1:])


@lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    """The words an article writes in lower case: read once per article."""
    return frozenset(_LOWER_WORD.findall(text))


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿ][\w'’-]*")


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
    # Substring counts, not word matches: cheap, and a name inside a longer word is rare enough. Each test
    # is made only when the one before it holds: on a long article every count costs.
    memo = _memo(text)
    pair = memo.count_lowered(speaker.lower())
    if pair != 1 or memo.count(words[0]) - memo.count(speaker) < 2:
        return speaker
    return words[0] if memo.count_lowered(" ".join(words[1:]).lower(), at_least=pair + 2) - pair >= 2 else speaker


# Above this many characters an article's counts go through a position index instead of a scan each.
_LONG = 50_000
_CAPITAL = re.compile(r"[A-Z]")
# An alphanumeric character with none before it (`\w` without the underscore).
_WORD_START = re.compile(r"(?<![^\W_])[^\W_]")


@dataclass
class _Memo:
    """What a long article would otherwise compute again for every statement."""

    text: str
    lowered: str
    first_of_two: dict[str, str] = field(default_factory=dict)
    written_in_full: dict[str, str | None] = field(default_factory=dict)
    _capitals: dict[str, list[int]] | None = None
    _word_starts: dict[str, list[int]] | None = None

    def count(self, needle: str) -> int:
        """`text.count(needle)`. On a long article a needle opening with a capital is counted among the
        positions of capitals that open its first three characters: the same count, without a scan of the
        article per name."""
        if len(self.text) <= _LONG or len(needle) < 3 or not _CAPITAL.match(needle):
            return self.text.count(needle)
        if self._capitals is None:
            self._capitals = _index(self.text, _CAPITAL)
        return _count_at(self.text, needle, self._capitals.get(needle[:3], ()), 0)

    def count_lowered(self, needle: str, at_least: int | None = None) -> int:
        """`text.lower().count(needle)`. On a long article: a needle with a word inside it ("milieudefensie
        shell") is counted among the article's word starts that open that word, which every occurrence
        has. A needle of one word may also sit inside a longer word: counted where it opens a word, which
        gives `at_least` when that many are found there, else by a scan."""
        if len(self.text) <= _LONG:
            return self.lowered.count(needle)
        if self._word_starts is None:
            self._word_starts = _index(self.lowered, _WORD_START)
        starts = self._word_starts
        inside = [m.start() for m in _WORD_START.finditer(needle) if 0 < m.start() <= len(needle) - 3]
        if inside:
            offset = min(inside, key=lambda k: len(starts.get(needle[k : k + 3], ())))
            return _count_at(self.lowered, needle, starts.get(needle[offset : offset + 3], ()), offset)
        # Occurrences at word starts are some of all occurrences: enough of them settle the test.
        if at_least is not None and len(needle) >= 3 and _WORD_START.match(needle) \
                and _count_at(self.lowered, needle, starts.get(needle[:3], ()), 0) >= at_least:
            return at_least
        return self.lowered.count(needle)


def _index(text: str, pattern: re.Pattern[str]) -> dict[str, list[int]]:
    """The positions where `pattern` matches, by the three characters they open, in text order."""
    index: dict[str, list[int]] = {}
    for match in pattern.finditer(text):
        position = match.start()
        index.setdefault(text[position : position + 3], []).append(position)
    return index


def _count_at(text: str, needle: str, positions: Sequence[int], offset: int) -> int:
    """How many times `needle` occurs, not overlapping, as `str.count` counts, among the places `offset`
    characters before `positions` (ascending, a superset of its occurrences)."""
    found = 0
    end = 0
    for position in positions:
        start = position - offset
        if start >= end and text.startswith(needle, start):
            found += 1
            end = start + len(needle)
    return found


@lru_cache(maxsize=8)
def _memo(text: str) -> _Memo:
    return _Memo(text, text.lower())


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
             and not re.search(r"-[a-z]", found.name) and a_full_name(found.name)
             and _first_of_two(text, found.name) == found.name}
    # "Bisschop Jos Punt" -> "Jos Punt", "Eer Dekker" -> no full name: a common word opening the run is dropped
    names = {name for name in map(partial(_without_opener, text), names) if " " in name}
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
