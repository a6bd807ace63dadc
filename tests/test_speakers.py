"""The speakers stage: names without titles, affiliations, pronouns resolved to the named source."""

from __future__ import annotations

import pytest

from claimcheck.extract import speakers
from claimcheck.records import Span, Statement


@pytest.mark.parametrize("source,lang,expected", [
    ("spokesman John Smith", "en", ("John Smith", None)),
    ("White House spokesman Josh Arnett", "en", ("Josh Arnett", "White House")),
    ("Sen. Mara Holt (D-Ore.)", "en", ("Mara Holt", None)),
    ("former President Ed Ruiz", "en", ("Ed Ruiz", None)),
    ("Lind's campaign manager Pia Brook", "en", ("Pia Brook", "Lind")),
    ("Tom Berry, a consumer lawyer,", "en", ("Tom Berry", None)),
    ("a local official", "en", ("a local official", None)),
    ("SDF-woordvoerder Mustefa Bali", "nl", ("Mustefa Bali", "SDF")),
])
def test_name_of(source: str, lang: str, expected: tuple[str, str | None]) -> None:
    assert speakers.name_of(source, lang) == expected


def _statement(text: str, source: str | None, cue: str, nth: int = 0) -> Statement:
    cue_start = _find(text, cue, nth)
    cue_span = Span.of(text, cue_start, cue_start + len(cue))
    source_span = None
    if source is not None:
        start = text.rfind(source, 0, cue_start)
        source_span = Span.of(text, start, start + len(source))
    return Statement(cue=cue_span, content=Span.of(text, cue_start + len(cue) + 1, len(text)), source=source_span)


def _find(text: str, word: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(word, pos + 1)
    return pos


def test_pronoun_takes_the_nearest_named_source() -> None:
    text = "Mayor Lina Ortiz said fees would rise. Gov. Ben Ames said they would not. He said it twice."
    statements = [
        _statement(text, "Mayor Lina Ortiz", "said"),
        _statement(text, "Gov. Ben Ames", "said", 1),
        _statement(text, "He", "said", 2),
    ]
    speakers.resolve(text, statements, "en")
    assert [s.speaker for s in statements] == ["Lina Ortiz", "Ben Ames", "Ben Ames"]


def test_pronoun_without_a_named_source_takes_the_last_name_in_the_text() -> None:
    text = "The report was written by Karen Dahl. She said the numbers were checked."
    statement = _statement(text, "She", "said")
    speakers.resolve(text, [statement], "en")
    assert statement.speaker == "Karen Dahl"


def test_surname_alone_gets_the_full_name() -> None:
    text = "Bernadette Vos said the plan works. Vos said it again."
    statements = [_statement(text, "Bernadette Vos", "said"), _statement(text, "Vos", "said", 1)]
    speakers.resolve(text, statements, "en")
    assert [s.speaker for s in statements] == ["Bernadette Vos", "Bernadette Vos"]


def test_no_source_no_speaker() -> None:
    text = "It is believed that the vault was empty."
    statement = _statement(text, None, "believed")
    speakers.resolve(text, [statement], "en")
    assert statement.speaker is None


def test_group_pronoun_in_dutch() -> None:
    text = "SDF-woordvoerder Mustefa Bali zei dat de slag voorbij is. Ze zeiden dat ook gisteren."
    statements = [_statement(text, "SDF-woordvoerder Mustefa Bali", "zei"), _statement(text, "Ze", "zeiden")]
    speakers.resolve(text, statements, "nl")
    assert [(s.speaker, s.affiliation) for s in statements] == [("Mustefa Bali", "SDF"), ("Mustefa Bali", "SDF")]


@pytest.mark.parametrize(("source", "lang", "expected"), [
    ("de jihadisten van ‘Islamitische Staat in Irak en de Levant’ (ISIL)", "nl", ("ISIL", None)),
    ("De Volkspartij voor Vrijheid en Democratie (VVD)", "nl", ("VVD", None)),
    ("Mark Rutte (VVD)", "nl", ("Mark Rutte", "VVD")),
    ("Sen. Mara Holt (D-Ore.)", "en", ("Mara Holt", None)),
])
def test_acronym_in_brackets(source: str, lang: str, expected: tuple[str, str | None]) -> None:
    assert speakers.name_of(source, lang) == expected


@pytest.mark.parametrize(("text", "description", "lang", "expected"), [
    ("De Syrische Democratische Krachten (SDF) rukken op. Dat meldt de door de VS gesteunde strijdmacht.",
     "de door de VS gesteunde strijdmacht", "nl", "SDF"),
    # Two armed groups by name: the description could be either, so it stays a description.
    ("De Syrische Democratische Krachten (SDF) en het Vrije Syrische Leger (VSL) rukken op.",
     "de door de VS gesteunde strijdmacht", "nl", None),
    # A party is no armed group.
    ("De Partij van de Arbeid (PvdA) stemt tegen.", "de strijdmacht", "nl", None),
    ("The Syrian Democratic Forces (SDF) advanced, the US-backed force said.", "the US-backed force", "en", "SDF"),
    # No determiner: a name, not a description.
    ("The Syrian Democratic Forces (SDF) advanced.", "Kurdish forces", "en", None),
])
def test_description_names_the_one_organisation_of_its_kind(
    text: str, description: str, lang: str, expected: str | None
) -> None:
    assert speakers.organisation_described(text, description, lang) == expected
