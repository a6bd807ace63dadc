from __future__ import annotations

from claimcheck.records import Span

TEXT = "Op 29 juni 2014 kondigden de jihadisten de oprichting aan."


def test_joined_span_keeps_the_exact_slice_and_its_pieces() -> None:
    span = Span.joined(TEXT, [(54, 57), (16, 25)])
    assert (span.start, span.end, span.text) == (16, 57, TEXT[16:57])
    assert span.to_dict()["spans"] == [[16, 25], [54, 57]]
    assert span.words == "kondigden … aan"


def test_joined_span_drops_empty_pieces() -> None:
    span = Span.joined(TEXT, [(16, 15), (16, 25)])
    assert span.pieces() == ((16, 25),)
    assert "spans" not in span.to_dict()


def test_single_piece_has_no_parts() -> None:
    assert Span.joined(TEXT, [(3, 15)]) == Span(3, 15, "29 juni 2014")
