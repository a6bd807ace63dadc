"""The judgement of one pair of claims: agree, conflict or none, with the evidence that decided it.

Embedding similarity says two claims may be about the same thing; `evidence.overlap` checks that they are
(shared names and words); the relation then comes from evidence in the words and the records, in order:

- copy: the same words in two articles are one report republished, never a corroboration;
- denial: a claim with stance "deny" whose content covers another source's claim in the same article
  ("Bali ontkende berichten van Fox News dat IS al zou zijn verslagen"), or, across articles, a denial of
  what another claim asserts about the same named event;
- negation: one claim negates (niet, geen, nooit, not, no, never ...) the clause the other asserts;
- contrast: one claim insists ("wel degelijk", "in fact") on what the other negates;
- antonym: one claim has a word whose opposite the other has (gestegen / gedaald, alive / dead);
- number: the same quantity (same unit, same counted thing, same event) given different values; equal
  values agree;
- date: the same event placed on different dates;
- state: a situation said to be over (defeated, "bestaat niet meer") conflicts with fighting reported for a
  later day; fighting reported earlier than the end is superseded by it, not contradicted;
- similarity alone never agrees: read by hand, the store's agreements on similarity (near-paraphrases with
  no contrary evidence) were corroboration 32 times in 233 and 2 in 41, and no threshold on the cosine or
  the words in common lifted that above a quarter; same-story claims of other facts look alike. Equal
  figures and states agree; an NLI judge (`--nli`) may agree on what it reads as entailment.

Every link carries a confidence: the measured precision of its method (calibration.METHOD_PRECISION)
moved by the strength of its evidence. Not handled: sarcasm, conditionals, claims that contradict only
through world knowledge or opposite verdicts in other words ("te drastisch" / "niet buitenproportioneel"),
negation scope beyond the clause, and number conflicts across languages (units are not aligned).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from rapidfuzz import fuzz

from ..records import Claim, Link
from .calibration import Thresholds, confidence, thresholds_for
from .evidence import Overlap, overlap, same_story
from .reading import (
    Quantity,
    Reading,
    Token,
    comparative_endings,
    content_keys,
    contrast_particles,
    degree_words,
    focus_negations,
    is_content,
    is_denial_cue,
    negation_words,
    number_value,
    read_claim,
    state_of,
    story_names,
    tokenize,
)

NONE = "none"
QUESTION = "question"  # the stance of a claim that asks ("vroeg of ...")
COPY_SIMILARITY = 85  # rapidfuzz ratio of two claim texts in different articles that are one text republished
NAMELESS_LENGTH_RATIO = 2  # ... and the longer has at most this many times the content words of the shorter
NAMELESS_MIN_WORDS = 2  # content words each side of a cross-language negation between claims naming nothing
COPY_MIN_WORDS = 6  # words: below this, any edit may change what a claim says
COPY_HELD_WORDS = 8  # words of a text found whole in a longer one for the two to be one report
COPY_HELD_SIMILARITY = 95  # rapidfuzz partial ratio at which a text is found whole in another
QUOTE_RUN_WORDS = 12  # words in a row, word for word, that make two claims one quote reported twice
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Judgement:
    """The outcome for one pair, including "none" (with why, e.g. superseded) for people and the CLI."""

    relation: str  # "agree", "conflict" or "none"
    score: float  # the cosine similarity of the two claims
    reason: str
    method: str
    confidence: float = 0.0  # how likely the relation is right (0 for "none")


def _who(claim: Claim) -> str:
    return claim.source or "an unattributed claim"


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _when(claim: Claim) -> str | None:
    return claim.date or claim.published


def _covers(outer: Claim, inner: Claim) -> bool:
    if outer.end <= outer.start:
        return False
    spans = [(inner.span_start, inner.span_end), (inner.start, inner.end)]
    return any(end > start and outer.start <= start and end <= outer.end for start, end in spans)


def _nested(a: Claim, b: Claim) -> bool:
    if a.end <= a.start or b.end <= b.start:
        return False
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def is_copy(a: Claim, b: Claim) -> bool:
    """The same text in two articles (an agency report run by several outlets, each editing it a little; an
    article stored twice): the same words, or a text of some length edited a little, where the edits only add
    or drop words, change a word's form or spelling ("heeft gegeven" / "gaf", "les geven" / "lesgeven", an
    "echter" or a first name added), or where one text holds the other whole (a quote cut shorter). An edit
    that swaps one content word, name or figure for another ("gitaar" / "fluit", "PvdA" / "VVD", "25.000" /
    "3000"), or adds or drops a negation, changes what is said: two reports."""
    if a.article == b.article or a.lang != b.lang or a.stance != b.stance:
        return False
    if _letters(a.text) == _letters(b.text):
        return True
    low_a, low_b = a.text.lower(), b.text.lower()
    if fuzz.ratio(low_a, low_b) < COPY_SIMILARITY - 15 and fuzz.partial_ratio(low_a, low_b) < COPY_HELD_SIMILARITY - 15:
        return False  # far apart even before reading the words (most pairs: this is the cheap way out)
    x, y = tokenize(a.text, a.lang), tokenize(b.text, b.lang)
    shorter = min(len(x), len(y))
    if shorter < COPY_MIN_WORDS:
        return False
    words_x, words_y = " ".join(t.word for t in x), " ".join(t.word for t in y)
    edited_a_little = fuzz.ratio(words_x, words_y) >= COPY_SIMILARITY
    held_whole = shorter >= COPY_HELD_WORDS and fuzz.partial_ratio(words_x, words_y) >= COPY_HELD_SIMILARITY
    if not (edited_a_little or held_whole):
        return False
    only_x, only_y = _edited(x, y, a.lang), _edited(y, x, b.lang)
    if any(w in negation_words(a.lang) for w in {t.word for t in x} ^ {t.word for t in y}):
        return False
    # What one side adds is an edit; what each side has instead of the other is another report.
    return not (only_x and only_y)


def _quoted_twice(a: Claim, b: Claim) -> bool:
    """Two articles quoting one statement, each cutting it differently ("Wat heeft de kiezer willen zeggen …
    De kiezer heeft gezegd: ..." / "... De kiezer heeft gezegd: ..."): a run of QUOTE_RUN_WORDS words in common,
    word for word. Reporters who write the same fact in their own words do not share such a run."""
    x, y = _words(a.text), _words(b.text)
    if min(len(x), len(y)) < QUOTE_RUN_WORDS:
        return False
    if any(w in negation_words(a.lang) for w in set(x) ^ set(y)):
        return False  # a negation one side lacks: the other side's words turned around, not the same quote
    run = SequenceMatcher(None, x, y, autojunk=False).find_longest_match(0, len(x), 0, len(y))
    return run.size >= QUOTE_RUN_WORDS


@lru_cache(maxsize=16384)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


@lru_cache(maxsize=16384)
def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum())


def _edited(x: list[Token], y: list[Token], lang: str) -> set[str]:
    """The content words, names and figures of x (by lemma) that y lacks, also when y spells them as one
    word or as parts ("lesgeven" / "les geven")."""
    joined = _letters(" ".join(t.text for t in y))
    lemmas, words = {u.lemma for u in y}, {u.word for u in y}
    edited = set()
    for t in x:
        if number_value(t.word, lang) is not None:
            if t.word not in words:
                edited.add(t.word)  # a figure, compared as written: "300" is no part of "3000"
        elif is_content(t, lang) and t.lemma not in lemmas and t.word not in words and _letters(t.text) not in joined:
            edited.add(t.lemma)
    return edited


def _nested_denial(a: Claim, b: Claim) -> Judgement | None:
    for denier, denied in ((a, b), (b, a)):
        # Only another source's attribution inside the denial is denied ("Bali ontkende berichten van Fox
        # News dat ..."). A piece of the denial's own content with no source, or with the denier as its
        # source, or the very same span, is the extractor reading one statement twice.
        other_source = denied.source is not None and denied.source != denier.source
        same_span = (denier.start, denier.end) == (denied.start, denied.end)
        if (denier.stance == "deny" and denier.article == denied.article and other_source and not same_span
                and _covers(denier, denied)):
            return Judgement("conflict", 1.0, f"{_who(denier)} denies the report by {denied.source}", "denial",
                             confidence("denial", 1.0))
    return None


def _overlap_share(clause_words: set[str], other: Reading) -> float:
    """Share of the clause's words found in the other claim; 0 unless at least two are (or the clause has
    only one): one shared word ("weer", "onderzoek") is a coincidence in news, not a topic."""
    if not clause_words:
        return 0.0
    shared = sum(1 for w in clause_words if w in other.content)
    if shared < min(2, len(clause_words)):
        return 0.0
    return shared / len(clause_words)


# Share of each claim's content words the other must have for a negation to oppose them: the two must say
# nearly the same thing but for the negation, as SICK-NL's contradictions do.
NEGATION_COVERAGE = 0.5
NEGATION_SCOPE = 4  # content words after a negation (else before it) that say what it negates


def _focus_is_shared(x: Reading, cue: int, y: Reading) -> bool:
    """What a negation negates must be what y speaks of. For a determiner negation ("geen kip", "no
    chicken") that is the noun after it: "geen tofu" does not deny "uien". For the others (niet, never) it
    is the first content words after it in its clause ("nooit op betogers te schieten"), or before it when
    the clause ends there ("Pijn deed het niet")."""
    clause = x.tokens[cue].clause
    after = [t for t in x.tokens[cue + 1 :] if t.clause == clause and is_content(t, x.lang)]
    if x.tokens[cue].word in focus_negations(x.lang):
        return not after or bool(content_keys(after[0]) & y.content)
    scope = after[:NEGATION_SCOPE] or [
        t for t in x.tokens[:cue] if t.clause == clause and is_content(t, x.lang)][-NEGATION_SCOPE:]
    if any(_graded(y, t) for t in scope):
        return False  # a word the negation bears on is graded in y: "niet stijgen", "minder snel stijgen"
    return not scope or any(content_keys(t) & y.content for t in scope)


DEGREE_REACH = 3  # words from a degree word to the word it grades ("minder snel laten stijgen")


def _graded(y: Reading, focus: Token) -> bool:
    """y speaks of the negated word by degree ("minder snel laten stijgen", "wordt aantrekkelijker"): "niet
    stijgen" and "niet aantrekkelijk" do not deny a degree of it."""
    degrees, endings = degree_words(y.lang), comparative_endings(y.lang)
    degree_at = [d for d, t in enumerate(y.tokens) if t.word in degrees]
    keys: set[str] | None = None  # the focus's, read only when some word of y is graded
    for k, token in enumerate(y.tokens):
        comparative = token.word != focus.word and token.word.startswith(focus.word) and \
            token.word[len(focus.word):] in endings
        if not comparative and not (degree_at and any(0 < k - d <= DEGREE_REACH and y.tokens[d].clause == token.clause
                                                      for d in degree_at)):
            continue
        keys = content_keys(focus) if keys is None else keys
        if content_keys(token) & keys:
            return True
    return False


def _negated_share(x: Reading, y: Reading, crosslingual: bool) -> float | None:
    """How much of what x negates y speaks of (share of the negated clause's content words found in y);
    None when x negates nothing. Across languages words cannot be compared: 1.0."""
    if not x.negated:
        return None
    if crosslingual:
        return 1.0
    shares = [
        _overlap_share(x.clause_content(x.tokens[i].clause), y) if _focus_is_shared(x, i, y) else 0.0
        for i in x.negated
    ]
    return max(shares)


def _strength(similarity: float, floor: float, ov: Overlap) -> float:
    """Evidence strength for a confidence: how far past its threshold the similarity is, and how surely the
    claims are about one event."""
    return 0.5 * min(1.0, max(0.0, (similarity - floor) / 0.06)) + 0.5 * ov.strength


Rule = Callable[[Claim, Claim, Reading, Reading, float, Thresholds, Overlap], "Judgement | None"]


def _denial_across(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
                   ov: Overlap) -> Judgement | None:
    """A denial ("X ontkent dat ...", stance deny) of what another claim asserts, in any article."""
    # Across articles only a denial about a named event (a shared name; two across languages) can be read
    # as denying another claim: "Totaal niet gebeurd" denies nothing in particular.
    names_needed = 2 if ov.crosslingual else 1
    if (a.stance == "deny") == (b.stance == "deny") or not ov.same_event or len(ov.names) < names_needed:
        return None
    denier, other, reading_d, reading_o = (a, b, ra, rb) if a.stance == "deny" else (b, a, rb, ra)
    if other.stance != "assert" or bool(reading_d.negated) != bool(reading_o.negated):
        return None  # "ontkent dat hij niet ..." or a denial of a question: no clear opposition
    floor = t.negation_crosslingual if ov.crosslingual else t.negation
    if similarity < floor or (not ov.crosslingual and ov.coverage < t.overlap):
        return None
    return Judgement("conflict", similarity,
                     f"{_who(denier)} denies what {_who(other)} says: '{_clip(other.text)}'", "denial",
                     confidence("denial", _strength(similarity, floor, ov)))


REBUTTAL_REACH = 600  # characters between a claim and a rebuttal of it later in the same article
# A denial whose content is a few words ("ontkent de oplichting", "verwerpt alle bezwaren") denies what was
# said just before it.
SHORT_DENIAL_WORDS = 3
REBUTTAL_OPENING = 5  # a rebuttal opens its claim ("Dat klopt niet", "Allemaal bangmakerij", "maar dat ontkent")
# What is rebutted says something: a topic ("iedereen heeft het over Forum") is no claim to deny.
REBUTTED_WORDS = 2


def _rebuttal(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
              ov: Overlap) -> Judgement | None:
    """"Dat ontkent CNV", "'Daar klopt niets van', zei hij": a rebuttal answers what was said just before it
    in the same article, however little it repeats of it."""
    if a.article != b.article or similarity < t.rebuttal:
        return None
    earlier, later, reading = (a, b, rb) if a.start <= b.start else (b, a, ra)
    other = ra if reading is rb else rb
    if other.rebuttal is not None or earlier.stance == "deny" or len(other.counted) < REBUTTED_WORDS:
        return None
    if reading.rebuttal is not None and reading.rebuttal_at <= REBUTTAL_OPENING:
        word = reading.rebuttal
    elif (later.stance == "deny" and len(reading.counted) <= SHORT_DENIAL_WORDS
          and is_denial_cue(later.cue, later.lang) and reading.content & other.content and not other.negated):
        # "S. ontkent de oplichting" after "… dat hij van oplichting wordt beticht": the denied words are
        # the other claim's (denying "niet bewezen dat …" would agree with it).
        word = later.cue
    else:
        return None  # no rebuttal, or one deep inside a claim of its own ("maken dat niet waar")
    if not 0 <= later.start - earlier.end <= REBUTTAL_REACH:
        return None
    if later.source is not None and later.source == earlier.source:
        return None  # a source does not rebut itself
    return Judgement("conflict", similarity,
                     f"{_who(later)} rebuts ('{word}') what {_who(earlier)} says just before: "
                     f"'{_clip(earlier.text)}'", "rebuttal",
                     confidence("rebuttal", _strength(similarity, t.rebuttal, ov)))


def _negation(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
              ov: Overlap) -> Judgement | None:
    crosslingual = ov.crosslingual
    shares = _negated_share(ra, rb, crosslingual), _negated_share(rb, ra, crosslingual)
    if (shares[0] is None) == (shares[1] is None) or not ov.same_event:
        return None  # neither negates, or both do, or they are not about one thing
    if a.article == b.article and a.source is not None and a.source == b.source:
        return None  # one speaker in one article qualifying what they said ("wel jammer", "niet gelukt")
    share = shares[0] if shares[0] is not None else shares[1]
    assert share is not None
    if crosslingual:
        # Across languages no clause can be compared. Between news claims about named events the embedding
        # cannot tell a negated clause from another clause of the same story (4 of 5 such links wrong on the
        # real-news dev pairs): only short sentences naming nothing, where the embedding sees the whole scene.
        if similarity < t.negation_crosslingual or not ov.nameless:
            return None
        short, long = sorted((len(ra.counted), len(rb.counted)))
        if short < NAMELESS_MIN_WORDS:
            return None  # fragments naming nothing ("Totaal niet gebeurd", "activiteiten") pick no scene out
        if long > NAMELESS_LENGTH_RATIO * short:
            return None  # a clause against a long sentence: the embedding compares topics, not scenes
        floor = t.negation_crosslingual
    else:
        if share < t.overlap or similarity + t.overlap_weight * share < t.negation:
            return None
        if ov.coverage < NEGATION_COVERAGE:
            return None  # a negated clause inside a longer story ("… maar daarmee kunnen ze het nog niet nabouwen")
        floor = t.negation
    negator, reading, other = (a, ra, b) if shares[0] is not None else (b, rb, a)
    cue = reading.tokens[reading.negated[0]].text
    return Judgement("conflict", similarity,
                     f"{_who(negator)} says '{cue}' to what {_who(other)} asserts: "
                     f"'{_clip(negator.text)}' vs '{_clip(other.text)}'", "negation",
                     confidence("negation", _strength(similarity, floor, ov)))


PARTICLE_REACH = 2  # words from "wel" / a negation to the word it bears on ("wel degelijk kostendekkend")


def _next_content(reading: Reading, at: int) -> set[str]:
    """The keys of the first content word within PARTICLE_REACH after position `at`, in its clause."""
    clause = reading.tokens[at].clause
    for token in reading.tokens[at + 1 : at + 1 + PARTICLE_REACH]:
        if token.clause != clause:
            break
        if is_content(token, reading.lang):
            return content_keys(token)
    return set()


def _particle_contrast(x: Reading, y: Reading) -> int | None:
    """Where x says "wel X" of the very word y says "niet X" of (the position of "wel"), else None."""
    negated = [_next_content(y, i) for i in y.negated]
    for k, token in enumerate(x.tokens):
        if token.word in contrast_particles(x.lang):
            bears_on = _next_content(x, k)
            if bears_on and any(bears_on & keys for keys in negated):
                return k
    return None


def _contrast(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
              ov: Overlap) -> Judgement | None:
    """"Er is wel degelijk sprake van een koerswijziging" against "Er is geen sprake van een andere koers": a
    claim insisting ("wel degelijk", "in fact") on what the other negates, in the words the negation negates."""
    if ov.crosslingual or _comparable(similarity, ov, t) < t.related or not (a.article == b.article or ov.same_topic):
        return None
    if a.article == b.article and a.source is not None and a.source == b.source:
        return None  # one speaker weighing both sides
    for insister, x, y in ((a, ra, rb), (b, rb, ra)):
        if not y.negated:
            continue
        # "wel" alone is weak ("X scoort niet beter, Y wel"): the two must say nearly the same words, as for
        # a negation.
        particle = _particle_contrast(x, y) if ov.coverage >= NEGATION_COVERAGE else None
        if particle is not None and not _negates_clause(x, x.tokens[particle].clause):
            return _insists(insister, b if insister is a else a, x.tokens[particle].text, similarity, t, ov)
        if x.contrast is None:
            continue
        clause = x.tokens[x.contrast_at].clause
        if _negates_clause(x, clause):
            continue  # "wel degelijk niet": insisting on a denial
        insisted = x.clause_content(clause)
        for i in y.negated:
            negated_clause = y.clause_content(y.tokens[i].clause)
            if _focus_is_shared(y, i, x) and negated_clause & insisted:
                return _insists(insister, b if insister is a else a, x.contrast, similarity, t, ov)
    return None


def _negates_clause(reading: Reading, clause: int) -> bool:
    return any(reading.tokens[i].clause == clause for i in reading.negated)


def _insists(insister: Claim, denier: Claim, marker: str, similarity: float, t: Thresholds,
             ov: Overlap) -> Judgement:
    return Judgement("conflict", similarity,
                     f"{_who(insister)} insists ('{marker} …') on what {_who(denier)} denies: "
                     f"'{_clip(insister.text)}' vs '{_clip(denier.text)}'", "contrast",
                     confidence("contrast", _strength(_comparable(similarity, ov, t), t.related, ov)))


def _antonym(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
             ov: Overlap) -> Judgement | None:
    floor = t.negation_crosslingual if ov.crosslingual else t.negation
    if similarity < floor or not ov.same_topic:
        return None
    for entry in ra.opposites.keys() & rb.opposites.keys():
        sides_a, sides_b = ra.opposites[entry], rb.opposites[entry]
        # Each claim must hold one end only: "open and closed" on one side decides nothing.
        if len(sides_a) == 1 and len(sides_b) == 1 and sides_a.keys() != sides_b.keys():
            (word_a,), (word_b,) = sides_a.values(), sides_b.values()
            return Judgement("conflict", similarity,
                             f"'{word_a}' ({_who(a)}) is the opposite of '{word_b}' ({_who(b)})", "antonym",
                             confidence("antonym", _strength(similarity, floor, ov)))
    return None


def _same_quantity(x: Quantity, y: Quantity) -> bool:
    """The same thing counted: same unit and at least one word of what is counted in common."""
    return x.unit == y.unit and bool(x.context & y.context)


MAGNITUDE = 10  # figures this many times apart count different things (a part and the whole), not one


def _same_magnitude(x: Quantity, y: Quantity) -> bool:
    low, high = sorted((abs(x.value), abs(y.value)))
    return low > 0 and high / low < MAGNITUDE


def _compatible(x: Quantity, y: Quantity) -> bool:
    """Equal, or two rounded figures within a quarter of each other ("bijna een half miljoen" / "ruim 400.000")."""
    low, high = sorted((abs(x.value), abs(y.value)))
    if high == low:
        return True
    if high == 0:
        return False
    ratio = low / high
    return ratio >= 0.98 or ((x.approximate or y.approximate) and ratio >= 0.75)


def _numbers(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
             ov: Overlap) -> Judgement | None:
    # Counts differ all the time in news (70 procent, 10 procent ...): only the same quantity of the same
    # event, in claims that are close, can contradict; across articles the event must share a name.
    if ov.crosslingual:
        return _figures_across_languages(a, b, ra, rb, similarity, t, ov)
    if similarity < t.related or not ov.same_event:
        return None
    if a.article != b.article and not ov.names:
        return None
    if ra.years and rb.years and not ra.years & rb.years:
        return None  # figures of different years
    pairs = [(x, y) for x in ra.quantities for y in rb.quantities if _same_quantity(x, y)]
    if not pairs:
        return None
    if a.article != b.article and not _close_in_time(a, b):
        return None  # tallies change: figures reported days apart are updates, not contradictions
    if any(_compatible(x, y) for x, y in pairs):
        x, y = next((x, y) for x, y in pairs if _compatible(x, y))
        if similarity < t.related + 0.03:
            return None
        return Judgement("agree", similarity, f"{_who(a)} and {_who(b)} both count {_amount(x.value)} {x.unit}",
                         "number", confidence("number", _strength(similarity, t.related, ov)))
    if similarity < t.negation - 0.02:
        return None
    values_a, values_b = {q.value for q in ra.quantities}, {q.value for q in rb.quantities}
    clashing = [(x, y) for x, y in pairs if x.value not in values_b and y.value not in values_a]
    if not clashing:
        return None  # each figure occurs on the other side too, counting something else ("50 tot 75 woningen")
    # Two figures contradict only when they plainly count one thing: two words of what is counted in common
    # ("euro aan jaarlijkse export naar de VS"), not one ("export" of cheese / of all goods).
    clashing = [(x, y) for x, y in clashing if _same_magnitude(x, y) and len(x.context & y.context) >= 2]
    if not clashing:
        return None  # "78 miljoen euro aan kaas naar de VS" / "7 miljard euro aan kaas": a part and a whole
    x, y = clashing[0]
    return Judgement("conflict", similarity,
                     f"{_who(a)} counts {_amount(x.value)} {x.unit}, {_who(b)} {_amount(y.value)}", "number",
                     confidence("number", _strength(similarity, t.negation - 0.02, ov)))


DISTINCT_FIGURE = 100  # a figure this large, the same on both sides, picks out one fact across languages


def _figures_across_languages(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
                              ov: Overlap) -> Judgement | None:
    """Across languages units cannot be matched ("deelnemers" / "people"), but a large figure given by both
    claims, which are close, is one fact reported twice ("een miljoen deelnemers" / "one million people
    marched"). Other figures decide nothing: no conflict is read across languages."""
    comparable = _comparable(similarity, ov, t)
    if comparable < t.paraphrase or bool(ra.negated) != bool(rb.negated):
        return None
    values_b = {q.value for q in rb.quantities}
    shared = sorted({q.value for q in ra.quantities if q.value >= DISTINCT_FIGURE and q.value in values_b})
    if not shared:
        return None
    return Judgement("agree", similarity, f"{_who(a)} and {_who(b)} both give {_amount(shared[-1])}", "number",
                     confidence("number", _strength(comparable, t.paraphrase, ov)))


NUMBER_DAYS = 2  # days between two articles' figures of one quantity for them to compete


def _close_in_time(a: Claim, b: Claim) -> bool:
    from datetime import date

    da, db = _when(a), _when(b)
    if not da or not db:
        return True
    try:
        return abs((date.fromisoformat(da[:10]) - date.fromisoformat(db[:10])).days) <= NUMBER_DAYS
    except ValueError:
        return True


def _amount(value: float) -> str:
    """9800000000.0 -> "9,800,000,000"; 1.5 -> "1.5"."""
    return f"{value:,.0f}" if value == int(value) else f"{value:,g}"


def _comparable(similarity: float, ov: Overlap, t: Thresholds) -> float:
    """The similarity on the same-language scale, for the `related`, `agree` and `paraphrase` thresholds."""
    return similarity + t.crosslingual_shift if ov.crosslingual else similarity


def _date_conflict(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
                   ov: Overlap) -> Judgement | None:
    # Different dates only contradict when the claims tell of the same event: ask for near-paraphrase.
    if _comparable(similarity, ov, t) < t.agree or not ov.same_event or not ra.dates or not rb.dates:
        return None
    if ra.dates & rb.dates:
        return None
    da, db = min(ra.dates), min(rb.dates)
    return Judgement("conflict", similarity, f"{_who(a)} dates it {da[1]}/{da[0]}, {_who(b)} {db[1]}/{db[0]}",
                     "date", confidence("date", _strength(similarity, t.agree, ov)))


def _state(a: Claim, b: Claim, ra: Reading, rb: Reading, similarity: float, t: Thresholds,
           ov: Overlap) -> Judgement | None:
    # The state words are the shared topic ("verslagen" / "gevechten"): a shared name is enough of an event.
    if _comparable(similarity, ov, t) < t.related or not ov.same_topic:
        return None
    sa, sb = state_of(ra, a.stance), state_of(rb, b.stance)
    if sa is None or sb is None:
        return None
    da, db = _when(a), _when(b)
    strength = _strength(_comparable(similarity, ov, t), t.related, ov)
    if sa == sb:
        first, second = (a, b) if (da or "") <= (db or "") else (b, a)
        what = "it is over" if sa == "ended" else "it goes on"
        return Judgement("agree", similarity,
                         f"both say {what}: {_who(first)} ({_when(first) or 'undated'}), "
                         f"then {_who(second)} ({_when(second) or 'undated'})", "state", confidence("state", strength))
    if da is None or db is None or da == db:
        return None  # a day-level date cannot order two reports of the same day
    ended, ongoing = (a, b) if sa == "ended" else (b, a)
    ongoing_reading = rb if sa == "ended" else ra
    if (_when(ongoing) or "") > (_when(ended) or ""):
        if similarity < t.negation:
            return None  # a contradiction needs the claims closer than merely "about the same thing"
        # A denied end has no fighting words of its own: say what was denied.
        words = ", ".join(ongoing_reading.ongoing) or f"not {', '.join(ongoing_reading.ended)}"
        return Judgement("conflict", similarity,
                         f"'{words}' on {_when(ongoing)} ({_who(ongoing)}) contradicts "
                         f"'{_clip(ended.text)}' on {_when(ended)} ({_who(ended)})", "state",
                         confidence("state", strength))
    return Judgement(NONE, similarity,
                     f"superseded: {_who(ended)} reports the end on {_when(ended)}, after "
                     f"{_who(ongoing)} reported it going on on {_when(ongoing)}", "state")


# States first: a later report of the end supersedes an earlier denial of it, rather than contradicting it.
RULES: tuple[Rule, ...] = (_state, _denial_across, _negation, _contrast, _antonym, _numbers, _date_conflict, _rebuttal)


def assess(a: Claim, b: Claim, similarity: float, thresholds: Thresholds | None = None) -> Judgement:
    """The relation between two claims, "none" included, with the evidence that decided it."""
    t = thresholds or thresholds_for(None)
    if is_copy(a, b):
        return Judgement(NONE, similarity, "the same text in two articles: one report, republished", "copy")
    if a.article != b.article and _quoted_twice(a, b):
        return Judgement(NONE, similarity, "the same quote in two articles: one statement, reported twice", "copy")
    if QUESTION in (a.stance, b.stance):
        return Judgement(NONE, similarity, "a question asserts nothing to agree or conflict with", "similarity")
    found = _nested_denial(a, b)
    if found:
        return found
    if a.article == b.article and _nested(a, b):
        # The extractor sometimes yields a statement and, inside it, a part of it: not two claims.
        return Judgement(NONE, similarity, "one claim is part of the other", "similarity")
    if a.article != b.article and a.topic and b.topic and not same_story(
            story_names(a.topic, a.lang), story_names(b.topic, b.lang)):
        return Judgement(NONE, similarity, "claims of two different stories (their articles share no names)",
                         "similarity")
    ra, rb = read_claim(a.text, a.lang), read_claim(b.text, b.lang)
    ov = overlap(ra, rb)
    for rule in RULES:
        found = rule(a, b, ra, rb, similarity, t, ov)
        if found:
            return _not_by_itself(found, a, b)
    if _comparable(similarity, ov, t) >= t.related:
        return Judgement(NONE, similarity, "about the same thing, but no evidence of agreement or conflict",
                         "similarity")
    return Judgement(NONE, similarity, "not about the same thing", "similarity")


def _not_by_itself(found: Judgement, a: Claim, b: Claim) -> Judgement:
    """An agreement, but for one source saying it twice: that corroborates nothing."""
    if found.relation == "agree" and a.source is not None and a.source == b.source:
        return Judgement(NONE, found.score, f"{_who(a)} says it twice: no corroboration", found.method)
    return found


def judge(a: Claim, b: Claim, similarity: float, thresholds: Thresholds | None = None) -> Link | None:
    """An `agree` or `conflict` Link between two claims, or None when nothing links them.

    `similarity` is the cosine of their embeddings; `thresholds` those of the model that made them
    (`thresholds_for(embedder.model_id)`), the default model's when not given.
    """
    return as_link(a, b, assess(a, b, similarity, thresholds))


def as_link(a: Claim, b: Claim, found: Judgement) -> Link | None:
    if found.relation == NONE:
        return None
    return Link(a.id, b.id, found.relation, round(found.score, 4), found.reason, found.method, found.confidence)
