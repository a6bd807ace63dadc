"""The channels stage: the medium named around the cue."""

from __future__ import annotations

import pytest

from claimcheck.extract import channels, extract_statements
from claimcheck.records import Span, Statement


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("De minister zei op Twitter dat de wet er komt.", "nl", "Twitter"),
    ("De minister zei in een verklaring op twitter dat de wet er komt.", "nl", "Twitter"),  # platform wins
    ("De minister zei in een verklaring dat de wet er komt.", "nl", "verklaring"),
    ('"De wet komt er", zei de minister tegen de Volkskrant.', "nl", "de Volkskrant"),
    ("Trump twitterde dat hij had gewonnen.", "nl", "Twitter"),
    ('"Het is klaar", zegt hij tegen de Russische krant The Moscow Times.', "nl", "The Moscow Times"),
    ('"Het is klaar", zei hij tegen NOS.', "nl", "NOS"),
    ('"Het is klaar", zei hij tegen Chuck Schumer.', "nl", None),  # a person spoken to, not a medium
    ('"Het is klaar", zei hij tegen Brussel.', "nl", None),
    ('"Het is klaar", zei hij tegen de Britse premier.', "nl", None),
    ("De minister zei dat de wet er komt.", "nl", None),
    ("De minister zegt dat foto's op Facebook vals zijn.", "nl", None),  # inside the content: what was said
])
def test_channel(text: str, lang: str, expected: str | None) -> None:
    [statement] = extract_statements(text, lang, "2019-03-23")
    assert statement.channel == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Smith said the law will pass, he told CNN.", "CNN"),
    ("Smith said on Facebook: the law will pass.", "Facebook"),
    ("Smith said in a statement: the law will pass.", "statement"),
    ("Smith said in an interview with The New York Times: the law will pass.", "The New York Times"),
    ("Smith said: the law will pass on Facebook.", None),
])
def test_english_channel(text: str, expected: str | None) -> None:
    """English statements made by hand (cue "said", content after the colon), so the stage is tested alone."""
    cue_start = text.index("said")
    content_start = text.index("the law")
    content_end = text.index(".", content_start) if ":" in text else text.index(",")
    statement = Statement(cue=Span.of(text, cue_start, cue_start + 4),
                          content=Span.of(text, content_start, content_end))
    channels.resolve(text, [statement], "en")
    assert statement.channel == expected


def test_stage_on_hand_made_statements() -> None:
    text = "Via Instagram liet de zangeres weten dat ze stopt."
    statement = Statement(cue=Span.of(text, 14, 18), content=Span.of(text, 40, 49))
    channels.resolve(text, [statement], "nl")
    assert statement.channel == "Instagram"
