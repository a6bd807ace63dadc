"""The shared extraction engine: one document model, nesting, hedging, confidence and the "Dat meldt X" /
"That is what X said" frame, the same for Dutch and English (text -> expected tuples, checked by hand)."""

from __future__ import annotations

import pytest

from claimcheck.errors import ClaimcheckError
from claimcheck.extract import engine, extract_statements
from claimcheck.extract.engine import assemble
from claimcheck.extract.engine.doc import Doc, tokenize
from claimcheck.records import Span, Statement


def tuples(text: str, lang: str) -> list[tuple[str | None, str, str, str]]:
    return [
        (s.source.text if s.source else None, s.cue.words, " | ".join(text[a:b] for a, b in s.content.pieces()),
         s.stance)
        for s in extract_statements(text, lang)
    ]


# --- nesting: a statement nested in a denial is kept as its own statement, in both languages ---------------

NESTED = [
    ("nl", "Bali ontkende berichten van Fox News dat de strijders zich hadden overgegeven.",
     [("Bali", "ontkende", "berichten van Fox News dat de strijders zich hadden overgegeven", "deny"),
      ("Fox News", "berichten", "de strijders zich hadden overgegeven", "assert")]),
    ("en", "Lund dismissed reports by the Herald that she would resign.",
     [("Lund", "dismissed", "reports by the Herald that she would resign", "deny"),
      ("the Herald", "reports", "she would resign", "assert")]),
    ("en", "The mayor denied the council's claim that the budget was cut.",
     [("The mayor", "denied", "the council's claim that the budget was cut", "deny"),
      ("the council", "claim", "the budget was cut", "assert")]),
]


@pytest.mark.parametrize("lang,text,expected", NESTED, ids=[c[1][:40] for c in NESTED])
def test_a_statement_nested_in_a_denial_is_kept(lang: str, text: str,
                                                expected: list[tuple[str | None, str, str, str]]) -> None:
    assert tuples(text, lang) == expected


def test_english_keeps_only_the_outer_reading_outside_denials() -> None:
    # PolNeAR's convention: "X said …, according to Y" is one attribution, to Y.
    text = "The deal is dead, the union leader said, according to two people in the room."
    assert [s.cue.text for s in extract_statements(text, "en")] == ["according to"]


# --- "Dat meldt X." / "That is what X said.": the content is the sentence before -------------------------

PREVIOUS = [
    ("nl", "De brug is dicht. Dat meldt de gemeente.", [("de gemeente", "meldt", "De brug is dicht", "assert")]),
    ("nl", ",,De brug is dicht.'' Dat meldt de gemeente.",
     [("de gemeente", "meldt", "De brug is dicht.", "assert")]),
    ("en", "The bridge is closed. That is what the city said.",
     [("the city", "said", "The bridge is closed", "assert")]),
]


@pytest.mark.parametrize("lang,text,expected", PREVIOUS, ids=[c[1][:40] for c in PREVIOUS])
def test_the_sentence_before_is_the_content(lang: str, text: str,
                                            expected: list[tuple[str | None, str, str, str]]) -> None:
    assert tuples(text, lang) == expected


# --- quotes that run on: the same rule in both languages (engine/frames.py quotes_after) -----------------

RUN_ON = [
    ("nl", ",,A is waar'', zei hij. ,,B is ook waar.''", [("hij", "zei", "A is waar | B is ook waar.", "assert")]),
    ("nl", ",,A is waar'', zei hij. ,,B is onwaar'', zei zij.",
     [("hij", "zei", "A is waar", "assert"), ("zij", "zei", "B is onwaar", "assert")]),
    ("nl", "Hij zei: ,,A is waar.''\n\n,,B is ook waar.''", [("Hij", "zei", "A is waar. | B is ook waar.", "assert")]),
    ("en", "“A is true,” he said. “B is true too.”", [("he", "said", "A is true | B is true too.", "assert")]),
    ("en", "“A is true,” he said. “B is false,” she said.",
     [("he", "said", "A is true", "assert"), ("she", "said", "B is false", "assert")]),
    # a paragraph that opens with a quote goes on, whatever the quote marks ('' as well as “)
    ("en", "''A is true,'' he said.\n\n''B is true too.''", [("he", "said", "A is true | B is true too.", "assert")]),
    # not across a paragraph of other text
    ("en", "“A is true,” he said.\n\nThe rain stopped.\n\n“B is true too.”", [("he", "said", "A is true", "assert")]),
]


@pytest.mark.parametrize("lang,text,expected", RUN_ON, ids=[c[1][:40] for c in RUN_ON])
def test_quotes_that_run_on(lang: str, text: str, expected: list[tuple[str | None, str, str, str]]) -> None:
    assert tuples(text, lang) == expected


# --- "according to" / "volgens" / "aldus": one frame, the grammar says where the phrase and clause end --------

ACCORDING = [
    ("nl", "Volgens de minister is de brug dicht.", [("de minister", "Volgens", "is de brug dicht", "assert")]),
    ("nl", "De brug is dicht, volgens de gemeente.", [("de gemeente", "volgens", "De brug is dicht", "assert")]),
    ("nl", ",,De brug is dicht'', aldus de gemeente.", [("de gemeente", "aldus", "De brug is dicht", "assert")]),
    # the apposition after the source is neither source nor content
    ("nl", "Volgens Jan de Vries, wethouder van Delft, is de brug dicht.",
     [("Jan de Vries", "Volgens", "is de brug dicht", "assert")]),
    # after a comma with its verb right after the source the phrase opens a clause of its own
    ("nl", "De weg is open, volgens de gemeente is de brug dicht.",
     [("de gemeente", "volgens", "is de brug dicht", "assert")]),
    # a relative clause about the source is not what the source said
    ("nl", "Volgens Gijs de Man, die namens de bedrijven onderhandelde, is het akkoord goed.",
     [("Gijs de Man", "Volgens", "is het akkoord goed", "assert")]),
    ("en", "According to Smith, who studied the plan, the bridge is closed.",
     [("Smith", "According to", "the bridge is closed", "assert")]),
    ("en", "According to the minister, the bridge is closed.",
     [("the minister", "According to", "the bridge is closed", "assert")]),
    ("en", "The bridge is closed, according to the city.",
     [("the city", "according to", "The bridge is closed", "assert")]),
    ("en", "The bridge, according to the city, is closed.",
     [("the city", "according to", "The bridge | is closed", "assert")]),
]


@pytest.mark.parametrize("lang,text,expected", ACCORDING, ids=[c[1][:40] for c in ACCORDING])
def test_according_to_is_one_frame(lang: str, text: str, expected: list[tuple[str | None, str, str, str]]) -> None:
    assert tuples(text, lang) == expected


# --- confidence: every statement carries its frame's measured precision, in both languages ----------------

FRAMES = [
    ("nl", "Volgens de politie is de man gevlucht.", ["according"]),
    ("nl", ",,Het was koud'', zegt Jan.", ["post"]),
    ("nl", "Jan zegt dat de minister zou aftreden.", ["speech"]),
    ("nl", "Hij meldde hevige gevechten.", ["object"]),
    ("nl", "De brug is dicht. Dat meldt de gemeente.", ["previous"]),
    ("nl", "Aangenomen wordt dat de brug dicht blijft.", ["impersonal"]),
    ("nl", "De Groot: ,,We zitten er bovenop.''", ["colon"]),
    ("nl", "Bali ontkende berichten van Fox News dat de strijders zich hadden overgegeven.", ["object", "nominal"]),
    ("en", "“The plant could close,” she said.", ["post"]),
    ("en", "According to the coast guard, the ferry sank within minutes.", ["according"]),
    ("en", "CNN reported that the plant closed.", ["speech"]),
    ("en", "Lund dismissed reports by the Herald that she would resign.", ["object", "nominal"]),
    ("en", "HOLT: The vote may slip to May.", ["colon"]),
]


@pytest.mark.parametrize("lang,text,frames", FRAMES, ids=[c[1][:40] for c in FRAMES])
def test_confidence_is_the_frames_precision(lang: str, text: str, frames: list[str]) -> None:
    found = engine.grammar(lang)(Doc(text))
    assert [f.frame for f in found] == frames
    table = engine.settings(lang).confidence
    confidences = [s.confidence for s in extract_statements(text, lang)]
    assert confidences == [table[frame] for frame in frames]
    assert all(0 < c < 1 for c in confidences)


def test_a_frame_without_a_confidence_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    rules = engine.settings("nl")
    unconfident = engine.Settings(rules.nesting, rules.min_content, rules.max_content, {})
    monkeypatch.setattr(engine, "settings", lambda lang: unconfident)
    with pytest.raises(ClaimcheckError, match="no confidence for frame 'according'"):
        engine.extract("Volgens de politie is de man gevlucht.", "nl")


# --- hedging: one rule over the lexicon's [hedges] -------------------------------------------------------

HEDGED = [
    # "zou" between the source and the cue hedges (the writer's reportative "zou")
    ("nl", "Kim zou Trump hebben gevraagd de brief geheim te houden.", [True]),
    # in indirect content too
    ("nl", "Jan zegt dat de minister zou aftreden.", [True]),
    # inside a quote it is the speaker's own conditional (Dutch: in_quotes = false)
    ("nl", ",,Ik zou het morgen doen'', zegt Jan.", [False]),
    ("nl", "Aangenomen wordt dat de brug dicht blijft.", [True]),
    # English counts quotes: the speaker's "could" hedges the claim
    ("en", "“The plant could close,” she said.", [True]),
    ("en", "Officials reportedly said the plant closed.", [True]),
    # the cue word itself does not hedge, nor a hedge word that describes the source
    ("en", "CNN reported that the plant closed.", [False]),
    ("en", "The alleged gunman said he acted alone.", [False]),
    # a modal in a transcript line hedges it like any other content
    ("en", "HOLT: The vote may slip to May.", [True]),
]


@pytest.mark.parametrize("lang,text,expected", HEDGED, ids=[c[1][:40] for c in HEDGED])
def test_hedging(lang: str, text: str, expected: list[bool]) -> None:
    assert [s.hedged for s in extract_statements(text, lang)] == expected


# --- the document model ------------------------------------------------------------------------------------

TOKENS = [
    ("Van 't Hoff zei het.", ["van", "'t", "hoff", "zei", "het", "."]),
    ("AT&T’s chief", ["at&t's", "chief"]),
    (",,Ja.'' Nee", [",,", "ja", ".", "''", "nee"]),
    ("“Yes,” she said", ["“", "yes", ",", "”", "she", "said"]),
]


@pytest.mark.parametrize("text,expected", TOKENS, ids=[c[0] for c in TOKENS])
def test_one_tokenisation(text: str, expected: list[str]) -> None:
    assert [t.low for t in tokenize(text)] == expected


def test_the_doc_knows_sentences_and_quotes_by_token() -> None:
    text = "Hij zei: ,,Het is koud.'' Zij knikte."
    doc = Doc(text)
    assert [text[doc.spans[a][0] : doc.spans[b - 1][1]] for a, b in doc.sentences] == [
        "Hij zei: ,,Het is koud.''", "Zij knikte."]
    assert [text[s:e] for s, e in doc.quotes] == ["Het is koud."]
    (opener,) = doc.opener_of
    (closer,) = doc.closer_of
    assert (doc.low[opener], doc.low[closer]) == (",,", "''")
    assert [doc.low[i] for i, q in enumerate(doc.quote_of) if q == 0] == ["het", "is", "koud", "."]


# --- assembly ----------------------------------------------------------------------------------------------

def test_assembly_trims_edges_and_drops_empty_contents() -> None:
    text = "zei: , het klopt ;  en …"
    statement = Statement(cue=Span.of(text, 0, 3), content=Span.of(text, 4, 18))
    assert assemble.tidy(text, statement, 3, 100)
    assert statement.content.text == "het klopt"
    dots = Statement(cue=Span.of(text, 0, 3), content=Span.of(text, 23, 24))
    assert not assemble.tidy(text, dots, 1, 100)
    short = Statement(cue=Span.of(text, 0, 3), content=Span.of(text, 20, 22))
    assert not assemble.tidy(text, short, 3, 100)
    assert assemble.tidy(text, Statement(cue=Span.of(text, 0, 3), content=Span.of(text, 20, 22)), 2, 100)


def test_assembly_drops_a_content_run_on_past_the_quote() -> None:
    text = "zei: " + "Het klopt. " * 20
    statement = Statement(cue=Span.of(text, 0, 3), content=Span.of(text, 5, len(text)))
    assert not assemble.tidy(text, statement, 3, 200)
    assert assemble.tidy(text, Statement(cue=Span.of(text, 0, 3), content=Span.of(text, 5, 205)), 3, 200)
