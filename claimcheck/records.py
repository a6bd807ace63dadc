"""The small typed records that flow through claimcheck: spans, articles and attributed statements.

Every span is a pair of character offsets into the article text as read (Python string indices), so a
statement can always be traced back to the words it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

STANCES = ("assert", "deny", "question", "predict")


@dataclass(frozen=True)
class Span:
    """A stretch of text. `parts` lists the pieces of a discontinuous span ("kondigden … aan")."""

    start: int
    end: int
    text: str
    parts: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])

    @classmethod
    def joined(cls, text: str, pieces: list[tuple[int, int]]) -> Span:
        """One span covering several pieces; `text` stays the exact slice from the first to the last."""
        # Empty pieces (a cut that left nothing) would make `parts` lie about the text; drop them.
        pieces = sorted(p for p in pieces if p[1] > p[0]) or [min(pieces)]
        start, end = pieces[0][0], max(p[1] for p in pieces)
        parts = tuple(pieces) if len(pieces) > 1 else ()
        return cls(start, end, text[start:end], parts)

    def pieces(self) -> tuple[tuple[int, int], ...]:
        return self.parts or ((self.start, self.end),)

    @property
    def words(self) -> str:
        """The text of the pieces only, joined by " … " ("kondigden … aan"); `text` when continuous."""
        if not self.parts:
            return self.text
        return " … ".join(self.text[s - self.start : e - self.start] for s, e in self.parts)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "start": self.start, "end": self.end}
        if self.parts:
            out["spans"] = [list(p) for p in self.parts]
        return out


@dataclass
class Article:
    """One input document. `published` is an ISO date (YYYY-MM-DD) or None; `origin` is where it was read
    (FILE, or FILE:LINE for a JSON-lines record), for messages."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    lang: str | None = None
    warnings: list[str] = field(default_factory=list)
    origin: str | None = None


@dataclass
class Statement:
    """An attributed statement: who (source) said (cue) what (content), when and through which channel.

    `source` is None when the text names no one ("Aangenomen wordt dat ..."); `speaker` is the name the
    source resolves to (a pronoun resolved to the person it refers to), or None.
    """

    cue: Span
    content: Span
    source: Span | None = None
    speaker: str | None = None
    stance: str = "assert"
    hedged: bool = False
    date: str | None = None
    channel: str | None = None
    affiliation: str | None = None
    confidence: float = 1.0

    def to_dict(self, doc: str, lang: str) -> dict[str, Any]:
        return {
            "doc": doc,
            "lang": lang,
            "source": self.source.to_dict() if self.source else None,
            "speaker": self.speaker,
            "cue": self.cue.to_dict(),
            "content": self.content.to_dict(),
            "stance": self.stance,
            "hedged": self.hedged,
            "date": self.date,
            "channel": self.channel,
        }


@dataclass
class Claim:
    """A stored statement as linking and auditing see it: content text plus who, when and where.

    `start`/`end` are the content offsets in the article; `span_start`/`span_end` cover the whole
    attribution (source, cue and content), so a denial whose content covers another claim's attribution
    ("Bali ontkende berichten van Fox News dat ...") can be recognised as denying that claim.
    """

    id: int
    article: str
    text: str
    lang: str
    stance: str = "assert"
    hedged: bool = False
    source: str | None = None
    date: str | None = None
    published: str | None = None
    start: int = 0
    end: int = 0
    span_start: int = 0
    span_end: int = 0
    cue: str = ""
    topic: str = ""  # the title and opening of its article: what story the claim belongs to


RELATIONS = ("agree", "conflict")


@dataclass(frozen=True)
class Link:
    """A judged relation between two claims, with a reason a person can read.

    `method` names the evidence: denial, negation, antonym, number, date, state, similarity, nli.
    `score` is the cosine similarity of the two claims; `confidence` how likely the relation is right.
    """

    a: int
    b: int
    relation: str
    score: float
    reason: str
    method: str
    confidence: float = 0.0
