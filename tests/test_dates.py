"""The dates stage: day words near the cue, resolved against the publication date (Saturday 2019-03-23)."""

from __future__ import annotations

import pytest

from claimcheck.extract import dates, extract_statements
from claimcheck.records import Span, Statement

PUBLISHED = "2019-03-23"  # a Saturday


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("De minister zei gisteren dat de wet er komt.", "nl", "2019-03-22"),
    ("De minister zei eergisteren dat de wet er komt.", "nl", "2019-03-21"),
    ("De minister zei vanochtend dat de wet er komt.", "nl", "2019-03-23"),
    ("De minister zei donderdag dat de wet er komt.", "nl", "2019-03-21"),
    ("De minister zei donderdagavond dat de wet er komt.", "nl", "2019-03-21"),
    ("De minister zei zaterdag dat de wet er komt.", "nl", "2019-03-16"),  # the Saturday before, not today
    ("De minister zei vorige week vrijdag dat de wet er komt.", "nl", "2019-03-15"),
    ("De minister zei afgelopen maandag dat de wet er komt.", "nl", "2019-03-18"),
    ("Op 29 juni 2014 zei de minister dat de wet er komt.", "nl", "2014-06-29"),
    ("Op 3 mei zei de minister dat de wet er komt.", "nl", "2018-05-03"),  # after publication: the year before
    ("The minister said yesterday that the law will pass.", "en", "2019-03-22"),
    ("The minister said on Thursday that the law will pass.", "en", "2019-03-21"),
    ("The minister said last Friday that the law will pass.", "en", "2019-03-22"),
    ("On March 3 the minister said that the law will pass.", "en", "2019-03-03"),
    ("The minister said that the law will pass.", "en", None),
])
def test_day_words(text: str, lang: str, expected: str | None) -> None:
    [statement] = extract_statements(text, lang, PUBLISHED)
    assert statement.date == expected


def test_a_date_inside_the_content_dates_the_event_not_the_saying() -> None:
    [statement] = extract_statements("De minister zegt dat de brug gisteren is ingestort.", "nl", PUBLISHED)
    assert statement.date is None


def test_no_publication_date_no_relative_date() -> None:
    [statement] = extract_statements("De minister zei gisteren dat de wet er komt.", "nl", None)
    assert statement.date is None
    [statement] = extract_statements("Op 29 juni 2014 zei de minister dat de wet er komt.", "nl", None)
    assert statement.date == "2014-06-29"


def test_the_same_speaker_in_the_next_sentence_keeps_the_date() -> None:
    text = "Hij meldde gisteren zware gevechten. Jansen ontkende daarmee berichten dat de oorlog voorbij is."
    first, second = extract_statements(text, "nl", PUBLISHED)
    assert first.date == second.date == "2019-03-22"


def test_present_tense_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "De minister zegt dat de wet er komt. De minister zei dat de wet er komt."
    assert [s.date for s in extract_statements(text, "nl", PUBLISHED)] == [None, None]
    monkeypatch.setitem(dates._words()["rule"], "present_tense", "published")
    assert [s.date for s in extract_statements(text, "nl", PUBLISHED)] == [PUBLISHED, None]


def test_stage_on_hand_made_statements() -> None:
    text = "Vorige week vrijdag meldde de krant het nieuws."
    statement = Statement(cue=Span.of(text, 20, 26), content=Span.of(text, 39, 46))
    dates.resolve(text, [statement], "nl", PUBLISHED)
    assert statement.date == "2019-03-15"


def test_a_present_tense_cue_does_not_take_the_previous_date() -> None:
    text = "Jansen zei gisteren dat de wet er komt. 'Het wordt tijd', aldus Jansen."
    first, second = extract_statements(text, "nl", PUBLISHED)
    assert (first.date, second.date) == ("2019-03-22", None)


def test_29_february_after_publication_in_a_leap_year_has_no_year_before() -> None:
    [statement] = extract_statements("Op 29 februari zei de minister dat de wet er komt.", "nl", "2016-01-10")
    assert statement.date is None
