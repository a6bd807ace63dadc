"""The extractor never crashes and every span it returns is a valid slice of its input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.extract import extract_statements
from claimcheck.records import Span

# Words that trigger the extractors' rules, mixed with punctuation and noise, so that the rules fire on
# broken and unusual input rather than only on plain letters.
VOCAB = [
    "zegt", "zei", "meldt", "ontkende", "volgens", "aldus", "dat", "Hij", "Zij", "Dat", "kondigden", "aan",
    "liet", "weten", "berichten", "van", "Aangenomen", "wordt", "gisteren", "donderdag", "op", "Twitter",
    "said", "says", "told", "denied", "according", "to", "that", "He", "She", "It", "is", "believed",
    "reported", "on", "Thursday", "yesterday", "reportedly", "Fox", "News", "Mustefa", "Bali", "SDF",
    "SDF-woordvoerder", "spokesman", "de", "the", "a", "IS", "niet", "not", "zou", "zijn", "would",
    "“", "”", "‘", "’", "’’", '"', "'", "„", "«", "»", ",", ".", ":", ";", "!", "?", "(", ")", "—", "-",
    "\n", "\n\n", " ", "…", "2019", "29", "juni", "March", "Mr.", "U.S.", "é", "\u200b", "\t",
]

texts = st.one_of(
    st.lists(st.sampled_from(VOCAB), max_size=80).map(" ".join),
    st.lists(st.sampled_from(VOCAB), max_size=80).map("".join),
    st.text(max_size=300),
)


def assert_valid(span: Span, text: str) -> None:
    assert 0 <= span.start <= span.end <= len(text)
    assert span.text == text[span.start : span.end]
    for start, end in span.pieces():
        assert span.start <= start <= end <= span.end


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from(["nl", "en"]), published=st.sampled_from([None, "2019-03-23"]))
def test_extractor_never_crashes_and_spans_are_slices(text: str, lang: str, published: str | None) -> None:
    for statement in extract_statements(text, lang, published):
        assert_valid(statement.cue, text)
        assert_valid(statement.content, text)
        if statement.source is not None:
            assert_valid(statement.source, text)
        assert statement.stance in ("assert", "deny", "question", "predict")
        assert statement.date is None or len(statement.date) == 10


def test_whole_dutch_corpus_extracts_with_valid_spans() -> None:
    """Real text finds what generated text misses (dates like 29 February, odd quotes)."""
    from claimcheck.extract import extract_article
    from claimcheck.reader import read_articles

    from .conftest import shared_path

    for article in read_articles([str(shared_path("data", "dpg2019", "articles.jsonl"))]):
        for statement in extract_article(article)[1]:
            assert_valid(statement.cue, article.text)
            assert_valid(statement.content, article.text)


def test_english_corpus_extracts_with_valid_spans() -> None:
    from .conftest import shared_path

    for path in sorted(shared_path("data", "polnear", "train", "text").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for statement in extract_statements(text, "en", "2016-07-01"):
            assert_valid(statement.cue, text)
            assert_valid(statement.content, text)
