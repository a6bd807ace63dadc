"""What a grammar hands the engine: a statement with the frame that found it and where it was found."""

from __future__ import annotations

from dataclasses import dataclass

from ...records import Statement

# The frames (constructions) that find statements; each has a confidence per language (lexicon [engine]).
FRAMES = (
    "according",  # "volgens X, …", "…, aldus X", "according to X", "…, according to X"
    "nominal",  # "berichten van X dat …", "reports by X that …", "X's claim that …"
    "impersonal",  # "Aangenomen wordt dat …", "Naar verluidt …" (no source)
    "previous",  # "Dat meldt X.", "That is what X said.": the content is the sentence before
    "post",  # content before the cue: "„…”, zegt X.", "“…,” X said.", "…, said X."
    "speech",  # subject, cue, then content: "X zegt dat …", "X said (that) …"
    "address",  # "X told CNN that …"
    "belief",  # "X thinks …", "X vindt dat …"
    "intent",  # "X wants to …"
    "object",  # "X criticized the plan", "Hij meldde hevige gevechten"
    "colon",  # "Name: „…”", transcripts "HOLT: …" (the colon stands in for the cue)
)


@dataclass
class Found:
    """A statement as a grammar found it. `sentence` is the sentence of its cue; `order` its place among
    the sentence's cues (ties between competing readings go to the earlier one); `cue_key` the cue as the
    lexicon lists it (a Dutch verb form, an English lemma), for the hedging cues; `head` the character span
    of the cue word itself when the cue span holds more ("has reportedly said"), else None (the whole cue)."""

    statement: Statement
    frame: str
    sentence: int = 0
    order: int = 0
    cue_key: str = ""
    head: tuple[int, int] | None = None
