"""The English grammar: who (source) said (cue) what (content), with the stance of the cue.

It reads the engine's document model (`engine/doc.py`) sentence by sentence and hands the engine every
reading of every cue with the frame that found it (`engine/found.py`); the engine settles which readings
stay (PolNeAR's outer-first convention, `engine/nesting.py`), hedging, confidence and the edges of the spans,
the same way as for Dutch. What is here is what English needs: the inverted "…, said X, a Y", the subject
scan backwards from the verb, "to"-infinitive and governing verbs ("went on to say"), possessive nominal
cues ("X's claim that"). Every word list is in `lexicon/en.toml`; no model is loaded. Which verbs act as
cues, and which forms are too ambiguous to be cues, was tuned on the PolNeAR training split (statistics
only; no text is shipped).

Where a frame is handled (the entry point is `_sentence`): "according to X" `_according`, nominal cues
`_match_nominal`/`_nominal`, "Asked about X" `_question`, content before the cue `_post` (and
`_quote_before`; "“…,” X, who …, told Y on Z." `_quote_first`), content after it `_pre`, "That is what X
said" `_that_is_what` (the content itself: `engine/frames.py`), transcripts "NAME: …" `_colon_speaker`.

Span conventions follow PolNeAR: the source is the subject phrase as written ("Sen. Mara Holt
(D-Ore.)", "Lund, who is 48,", "he", "who", "a local official", and after the cue the whole apposition:
"said Ed Moss, 58, a nurse who …"); the cue is the verb with the auxiliaries and adverbs before it ("has
said", "had publicly stated", "to endorse", "is now talking about"), the verb governing it ("went on to say",
"refused to endorse", "issued a statement saying"), a day or "in a statement" after it, or the cue phrase
("according to", "called for", "made it clear"); the content is the clause, object or quote it governs,
without the complementizer "that" and without quote marks at its edges, several pieces joined when the cue
interrupts it ("“…,” he said, “…”") or when the quote goes on after it.

Handled:
- direct quotes with the cue before, after or inside them ("“…,” X said.", "“…,” said X, a Y.", "X said:
  “…”", "“…?” X said." in the next sentence), and the quote sentences and paragraphs that continue them;
- indirect speech ("X said (that) …", "X said Tuesday the …", "X told CNN that …", "X denied that …",
  "…, X said.", "…, said X.", "X told a news conference they …"), beliefs ("X thinks …"), intentions ("X
  wants to …", "X urged Y to …", "X called on fellow members to …"), objects ("X criticized the plan", "X
  called for a ban", "voters see the plan as unfair": "see"/"saw" only with "as" after their object),
  participles ("…, saying …") and coordinated or infinitive cues ("X claimed A and argued B", "X went on to
  say …") with the subject of their clause;
- "according to X, …", "…, according to X" (which wins over a cue inside its content), "In a Y poll, …";
- "That is what X reported." (content = the sentence before); "Asked about X, …", "… when asked whether X"
  (source None, or "asked by Y");
- nominal cues: "reports by X that …", "X's claim that …", "his criticism of …", "Lind's decision to …";
- relative objects of naming cues: "a law which he called “a cartel”" (content "which | “a cartel”");
- passives: "It is believed that …" and "The plan is expected to …" (source None), "X was praised by Y";
  "X seemed to …" (source None, PolNeAR style); transcripts and headlines ("NAME: …"), but not a tally or a
  handle ("Clinton: 1,769.", "Twitter: @x");
- stance (deny / question / predict / assert) from the cue's lemma. Hedging ("reportedly", "claimed",
  "could") is the engine's (`engine/stance.py`).

Not handled:
- cues outside the word lists (a long tail: "voiced a wish for", "made no secret of"), adjectives ("X is
  confident that …") and most nouns;
- a naming participle after "a"/"an" and a noun ("leads a group called Safe Streets") is never a cue, so "Moss
  said an aide called Ruiz a liar" loses the inner cue; "see … as" also fires on the conjunction ("we see
  snow as winter comes");
- cues whose PolNeAR span runs over a long adjunct ("said in an email message through an aide");
- attributions spread over sentences other than the one before, apart from quote continuations; a quote
  paragraph with no cue near it stays unattributed, and a cue inside a quote is never an attribution;
- nested attributions: PolNeAR keeps mostly the outer one, and so does the engine for English, except that a
  statement nested in a denial is kept ("X denied reports by Y that …" gives two statements), as in Dutch,
  and so is a "say" nested in a frame other than speech ("X opposes the levy that Y said would …") and a
  speech cue far past the outer cue (`engine/nesting.py`);
- subjects the backwards scan cannot delimit (subjects with verbs inside, fronted clauses, dashes), and
  relative clauses inside subjects ("Voters who live near the plant backed …" gives "the plant");
- the end of an object or a clause is found by punctuation and a few words, not by parsing;
- negated cues are asserts ("did not say that …"), not denials; sarcasm; questions without a question cue.
Shared with Dutch through the engine (`engine/frames.py`): quotes that run on (quotes_after, from
`_continuation`; `_cue_inside` says when a quote has its own cue), "That is what X said" (previous_sentence)
and "according to X" (according; `_Around` says where an English source and clause end). Still its own: the
other frames' source and content spans, cut to PolNeAR's conventions by English word order.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache
from itertools import compress, count

from ...lexicon import load, word_set
from ...records import Span, Statement
from .. import segment
from ..engine import frames
from ..engine.doc import Doc, Tok, tokenize
from ..engine.found import Found

LANG = "en"
_OPEN_QUOTES = "“„«‘\"'"
_CLOSE_QUOTES = "”»’\"'"
_QUOTES = set(_OPEN_QUOTES + _CLOSE_QUOTES)
_DASHES = "—–"
_PRONOUNS = frozenset(["i", "he", "she", "they", "we", "you", "it"])
_RELATIVES = frozenset(["which", "that", "who", "what", "whom"])
_SUBJECTS = frozenset(["i", "he", "she", "they", "we", "there"])
_ORDER = ("speech", "address", "belief", "intent", "object")


@dataclass
class Cue:
    i: int  # first token of the cue proper (verb or phrase)
    j: int  # one past its last token
    lemma: str
    kinds: tuple[str, ...]
    start: int  # character start, auxiliaries included ("has said")
    lead: int | None = None  # first token of a verb governing the cue ("went on to say", "refused to endorse")


@dataclass
class _Lexicon:
    cues: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]]
    according: dict[str, list[tuple[str, ...]]]  # first word -> phrases, longest first
    cue_extensions: dict[str, list[tuple[str, ...]]]  # first word -> extensions, longest first
    according_first: frozenset[str]
    nominal: frozenset[str]
    nominal_by: frozenset[str]
    be: frozenset[str]
    deny: frozenset[str]
    question: frozenset[str]
    predict: frozenset[str]
    clause: frozenset[str]
    adverbs: frozenset[str]
    openers: frozenset[str]
    addressees: frozenset[str]
    time_words: frozenset[str]
    not_before: frozenset[str]
    not_before_inflected: frozenset[str]
    intro: frozenset[str]
    starters: frozenset[str]
    clause_after_by: frozenset[str]
    post_adjunct_openers: frozenset[str]
    title_abbreviations: frozenset[str]
    not_object_start: frozenset[str]
    not_speech_start: frozenset[str]
    clause_even_capitalised: frozenset[str]
    subject_openers_dropped: frozenset[str]
    cue_adjuncts: frozenset[str]
    possessed: frozenset[str]
    possessed_links: frozenset[str]
    possessives: frozenset[str]
    articles: frozenset[str]
    finite: frozenset[str]
    subject_prepositions: frozenset[str]
    raising: frozenset[str]
    time_single: frozenset[str]
    time_modifiers: frozenset[str]
    time_units: frozenset[str]
    conjunct_ok: frozenset[str]
    object_end: frozenset[str]
    not_in_cue: frozenset[str]
    require_subject: bool
    time_back: frozenset[str]
    roles: frozenset[str]
    not_speakers: frozenset[str]
    inverted_openers: frozenset[str]
    parentheticals: frozenset[str]
    object_control: frozenset[str]
    complement_cues: frozenset[str]
    documents: frozenset[str]
    in_sources: frozenset[str]
    governors: frozenset[str]
    naming_participles: frozenset[str]
    apposition_heads: frozenset[str]
    not_resuming: frozenset[str]
    as_cues: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]]  # cues only before "… as …"
    # first word -> the second words of its phrases, for first words that start no one-word cue ("is", "has")
    seconds: dict[str, frozenset[str]]


@cache
def lexicon() -> _Lexicon:
    data = load(LANG)
    kinds_of: dict[tuple[str, ...], tuple[str, list[str]]] = {}
    for kind in _ORDER:
        for lemma, forms in data["cues"][kind].items():
            for form in forms:
                key = tuple(form.lower().split())
                entry = kinds_of.setdefault(key, (lemma, []))
                if kind not in entry[1]:
                    entry[1].append(kind)
    cues: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]] = {}
    as_cues: dict[str, list[tuple[tuple[str, ...], str, tuple[str, ...]]]] = {}
    ambiguous = word_set(LANG, "ambiguous", "forms")
    only_before_as = word_set(LANG, "grammar", "as_cues")
    for key, (lemma, kinds) in kinds_of.items():
        if " ".join(key) in ambiguous:
            if " ".join(key) in only_before_as:
                as_cues.setdefault(key[0], []).append((key, lemma, tuple(kinds)))
            continue
        cues.setdefault(key[0], []).append((key, lemma, tuple(kinds)))
    for entries in cues.values():
        entries.sort(key=lambda e: -len(e[0]))

    def words(*keys: str) -> frozenset[str]:
        return word_set(LANG, *keys)

    nominal = words("nominal", "nouns") | words("nominal", "possessed")
    according_first = frozenset(p.split()[0] for p in data["according"]["phrases"])
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for key in [e[0] for entries in (*cues.values(), *as_cues.values()) for e in entries] + [
            tuple(p.split()) for p in data["according"]["phrases"]]:
        phrases.setdefault(key[0], []).append(key)
    return _Lexicon(
        starters=frozenset(cues) | according_first | nominal | frozenset(as_cues),
        cues=cues,
        according=_by_first(sorted((tuple(p.split()) for p in data["according"]["phrases"]), key=lambda p: -len(p))),
        cue_extensions=_by_first(sorted((tuple(p.split()) for p in data["grammar"]["cue_extensions"]),
                                        key=lambda p: -len(p))),
        according_first=frozenset(p.split()[0] for p in data["according"]["phrases"]),
        nominal=words("nominal", "nouns"),
        nominal_by=words("nominal", "by"),
        be=words("passive", "be"),
        deny=words("stance", "deny"),
        question=words("stance", "question"),
        predict=words("stance", "predict"),
        clause=words("grammar", "clause"),
        adverbs=words("grammar", "adverbs"),
        # with their contractions, as tokens keep them whole: "he'd", "they're", "it's"
        openers=words("grammar", "clause_openers") | frozenset(
            p + c for p in _PRONOUNS | {"there", "that"} for c in ("'s", "'d", "'re", "'ve", "'ll", "'m")),
        addressees=words("grammar", "addressees"),
        time_words=words("grammar", "time_words"),
        not_before=words("grammar", "not_before"),
        not_before_inflected=words("grammar", "not_before_inflected"),
        intro=words("grammar", "intro"),
        clause_after_by=words("grammar", "clause_after_by"),
        post_adjunct_openers=words("grammar", "post_adjunct_openers"),
        title_abbreviations=words("grammar", "title_abbreviations"),
        not_object_start=words("grammar", "not_object_start"),
        not_speech_start=words("grammar", "not_speech_start"),
        clause_even_capitalised=words("grammar", "clause_even_capitalised"),
        subject_openers_dropped=words("grammar", "subject_openers_dropped"),
        cue_adjuncts=words("grammar", "cue_adjuncts"),
        possessed=words("nominal", "possessed"),
        possessed_links=words("nominal", "possessed_links"),
        possessives=words("nominal", "possessives"),
        articles=frozenset(["the", "a", "an"]),
        finite=words("grammar", "finite"),
        subject_prepositions=words("grammar", "subject_prepositions"),
        raising=words("grammar", "raising"),
        time_single=words("grammar", "time_single"),
        time_modifiers=words("grammar", "time_modifiers"),
        time_units=words("grammar", "time_units"),
        conjunct_ok=words("grammar", "conjunct_ok"),
        object_end=words("grammar", "object_end"),
        not_in_cue=words("grammar", "not_in_cue"),
        require_subject=True,
        time_back=words("grammar", "time_back"),
        roles=words("titles", "roles"),
        not_speakers=words("grammar", "not_speakers"),
        inverted_openers=words("grammar", "inverted_openers"),
        parentheticals=words("grammar", "parentheticals"),
        object_control=words("grammar", "object_control"),
        complement_cues=words("grammar", "complement_cues"),
        documents=words("grammar", "documents"),
        in_sources=words("according", "in_sources"),
        governors=words("grammar", "governors"),
        naming_participles=words("grammar", "naming_participles"),
        apposition_heads=words("grammar", "apposition_heads"),
        not_resuming=words("grammar", "not_resuming"),
        as_cues=as_cues,
        seconds={first: frozenset(p[1] for p in group) for first, group in phrases.items()
                 if all(len(p) > 1 for p in group)},
    )


def _by_first(phrases: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        out.setdefault(phrase[0], []).append(phrase)
    return out


# --- the extractor --------------------------------------------------------------------------------------


def find(doc: Doc) -> list[Found]:
    """Every reading of every cue, sentence by sentence; the engine settles nesting, stance and confidence."""
    lex = lexicon()
    out: list[Found] = []
    earlier: list[Statement] = []  # the readings of the sentences before, for quotes that run on
    # Where a cue can start, read once over the whole text: most tokens start none.
    starters = lex.starters
    hits = list(compress(count(), map(starters.__contains__, doc.low)))
    # Transcript lines ("HOLT: …") have a colon among their first tokens: most sentences have none.
    colons = list(compress(count(), map(":".__eq__, doc.low)))
    for index, (a, b) in enumerate(doc.sentences):
        positions = [i - a for i in hits[bisect.bisect_left(hits, a) : bisect.bisect_left(hits, b)]]
        c = bisect.bisect_left(colons, a)
        colon = c < len(colons) and colons[c] < min(b, a + 6)
        if not positions and not colon:
            continue
        found = _sentence(doc, doc.tokens[a:b], lex, index, earlier, positions, colon, a)
        for f in found:
            f.sentence = index
        out.extend(found)
        earlier.extend(f.statement for f in found)
    return out


def _sentence(doc: Doc, toks: list[Tok], lex: _Lexicon, index: int, previous: list[Statement],
              positions: list[int], colon: bool, first: int) -> list[Found]:
    """The readings of one sentence; `positions` are its tokens whose word can start a cue, `colon` says whether
    a colon is among its first six tokens, `first` is the index of its first token in `doc`."""
    text = doc.text
    if colon:
        speaker = _colon_speaker(text, toks, lex, doc.sentence_spans, index)
        if speaker is not None:
            return [Found(speaker, "colon")]
    cues = _find_cues(toks, lex, positions)
    if not cues:
        return []
    quote_of = doc.quote_of
    candidates: list[Found] = []
    found: list[Statement] = []
    for n, cue in enumerate(cues):
        if quote_of[first + cue.i] >= 0:
            # Quoted words are someone's content, not the writer's attributions.
            continue
        statement: Statement | None = None
        if cue.kinds == ("according",):
            statement, frame = _according(text, toks, cue), "according"
        elif cue.kinds == ("nominal",):
            statement, frame = _nominal(text, toks, cue, lex), "nominal"
        elif _asked(toks, cue):
            statement, frame = _question(text, toks, cue, lex), "speech"
        else:
            statement, frame = _post(doc, toks, cue, lex, found, previous, index, cues[n + 1 :]), "post"
            if statement is None:
                statement = _pre(doc, toks, cue, lex, cues[n + 1 :], index, found, previous)
                # "That is what X said": the content lies in the sentence before
                frame = "previous" if statement is not None and statement.content.end <= toks[0].start else \
                    cue.kinds[0]
            if statement is None:
                statement, frame = _quote_first(doc, toks, cue, first, lex, cues), "post"
        if statement is None:
            continue
        statement.stance = _stance(cue, lex)
        head = (toks[cue.i].start, toks[cue.j - 1].end)
        candidates.append(Found(statement, frame, order=n, cue_key=cue.lemma, head=head))
        found.append(statement)
    return candidates


def _colon_speaker(text: str, toks: list[Tok], lex: _Lexicon, sentences: list[segment.Sentence],
                   index: int) -> Statement | None:
    """Transcripts and headlines: "HOLT: Well, I think …", "Q: …", "Lind: Budget is dead"."""
    colon = next((k for k, t in enumerate(toks[:6]) if t.low == ":"), None)
    if colon is None or colon == 0 or colon + 1 >= len(toks):
        return None
    if not all(t.upper or t.low in {".", "-", "'", "’"} for t in toks[:colon]):
        return None
    if " ".join(t.low for t in toks[:colon]) in lex.not_speakers:
        return None
    after = toks[colon + 1]
    if after.low == "@" or after.low[:1].isdigit() and all(
            not t.word or t.low[:1].isdigit() for t in toks[colon + 1 :]):
        # a handle ("Twitter: @Milbank") or a figure ("Clinton: 1,769.", a tally) is no statement
        return None
    # the content runs to the end of the paragraph
    paragraph_end = toks[-1].end
    for sentence in sentences[index + 1 :]:
        if "\n" in text[paragraph_end : sentence.start]:
            break
        paragraph_end = sentence.end
    start = toks[colon + 1].start
    if _is_quote(toks[colon + 1]) and colon + 2 < len(toks):
        start = toks[colon + 2].start
    return Statement(
        cue=Span.of(text, toks[colon].start, toks[colon].end),
        content=Span.of(text, start, paragraph_end),
        source=Span.of(text, toks[0].start, toks[colon - 1].end),
    )


# --- cues -----------------------------------------------------------------------------------------------


def _find_cues(toks: list[Tok], lex: _Lexicon, positions: list[int]) -> list[Cue]:
    """The cues of a sentence, left to right; `positions` are the tokens whose word is in `lex.starters`."""
    out: list[Cue] = []
    i = 0
    for p in positions:
        if p < i:
            continue  # inside the cue found last
        i = p
        tok = toks[i]
        if tok.low in lex.nominal and i + 1 < len(toks) and i > 0 and (
                toks[i + 1].low in lex.nominal_by and (toks[i - 1].low in lex.articles or toks[i - 1].low in
                                                       lex.possessives or out and out[-1].j == i)
                or toks[i + 1].low == "that" and (_possessive(toks[i - 1], lex) or i > 1 and toks[i - 1].word and
                                                  not toks[i - 1].upper and _possessive(toks[i - 2], lex))):
            # "dismissed reports by the Herald that …", "the claims from X that …", "police's earlier claim
            # that …": a noun, not a verb
            cue = _match_nominal(toks, i, lex)
            if cue is not None:
                out.append(cue)
                i = cue.j
                continue
        cue = _match_cue(toks, i, lex)
        if cue is not None:
            previous = out[-1] if out else None
            if previous is not None and "speech" in previous.kinds and previous.j == cue.i - 1 and \
                    toks[previous.j].low == "to" and cue.kinds != ("according",):
                # PolNeAR takes "refused to endorse" as one cue
                cue.start, cue.lead = previous.start, previous.i
                out.pop()
            out.append(cue)
            i = cue.j
            continue
        if (tok.low in lex.nominal or tok.low in lex.possessed) and i + 1 < len(toks):
            cue = _match_nominal(toks, i, lex)
            if cue is not None:
                out.append(cue)
                i = cue.j
                continue
    return out


def _match_cue(toks: list[Tok], i: int, lex: _Lexicon) -> Cue | None:
    low = toks[i].low
    seconds = lex.seconds.get(low)
    if seconds is not None and (i + 1 >= len(toks) or toks[i + 1].low not in seconds) and (i or low != "in"):
        return None  # "is", "has", "in": only phrases start with them, and the next word starts none
    entries = lex.cues.get(low)
    if entries is None and low in lex.as_cues and _as_follows(toks, i + 1):
        entries = lex.as_cues[low]  # "voters see the plan as unfair"
    if entries is None and low not in lex.according_first:
        return None
    for phrase in lex.according.get(low, ()):
        # the first word is `low` by construction: compare the rest only
        if len(phrase) == 1 or tuple(t.low for t in toks[i : i + len(phrase)]) == phrase:
            if phrase == ("per",) and (i + 1 >= len(toks) or not toks[i + 1].upper):
                continue
            return Cue(i, i + len(phrase), " ".join(phrase), ("according",), toks[i].start)
    if low == "in" and i == 0:
        # "In a CBS News poll released Monday, …", "… in the latest poll": PolNeAR's "according to" of polls
        for k in range(i + 1, min(len(toks), i + 12)):
            if not toks[k].word and toks[k].low not in {"/", "-", "'", "’", "."} or toks[k].low in lex.clause - {"of"}:
                break
            if toks[k].low in lex.in_sources:
                return Cue(i, i + 1, "in", ("according",), toks[i].start)
        return None
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    for key, lemma, kinds in entries or ():
        # the second word first: most multi-word keys ("has come out in support of") fail there
        if len(key) > 1 and (key[1] != nxt or tuple(t.low for t in toks[i : i + len(key)]) != key):
            continue
        before = toks[i - 1].low if i else ""
        if before in lex.not_before or (i and toks[i - 1].start == toks[i].start - 1 and before == "-"):
            return None
        if key[0] != lemma and key[-1].endswith(("ed", "s")) and before in lex.not_before_inflected:
            # "leads in pledged delegates": an inflected form after a preposition modifies a noun
            return None
        if low in lex.naming_participles and _names_noun(toks, i):
            # "leads a program called Safe Streets": the participle names the noun, nobody says anything (an
            # opening "An aide called Ruiz a liar" keeps its cue)
            return None
        start = i
        while start > 0 and (toks[start - 1].low in lex.adverbs and toks[start - 1].low not in lex.not_in_cue or (
                toks[start - 1].low.endswith("ly") and not toks[start - 1].upper and len(toks[start - 1].low) > 4)):
            start -= 1
        if start > 0 and toks[start - 1].low == "to" and len(key) == 1 and key[0] != lemma and \
                key[0].endswith(("s", "ed")):
            # "a risk to continued growth", "responded to claims": an inflected form after "to" is no infinitive
            return None
        lead = None
        if start > 0 and toks[start - 1].low == "to":
            # "to endorse", "has yet to endorse": PolNeAR keeps the "to"
            start -= 1
            # and the verb that governs it: "went on to say", "moved to emphasize"
            g = start - 1
            if g > 0 and toks[g].low == "on" and toks[g - 1].low in lex.governors:
                g -= 1
            elif not (g >= 0 and toks[g].low in lex.governors and toks[g].low not in {"went", "go", "goes", "going"}):
                g = -1
            if g >= 0:
                lead = start = g
                while start > 0 and (toks[start - 1].low in lex.adverbs and toks[start - 1].low not in lex.not_in_cue
                                     or toks[start - 1].low in lex.be):
                    start -= 1
        if lead is None and start >= 3 and toks[i].low.endswith("ing") and toks[start - 1].low in lex.documents \
                and toks[start - 2].low in {"a", "an"} and toks[start - 3].word:
            # "issued a statement saying …", "put out a letter saying …": PolNeAR's cue starts at the verb
            lead = start = start - 3
            if start > 0 and toks[start].low in {"out", "up"}:
                lead = start = start - 1
        j = i + len(key)
        # PolNeAR takes "said Tuesday" and "said in a statement" as the cue.
        for extension in lex.cue_extensions.get(toks[j].low, ()) if j < len(toks) else ():
            if len(extension) == 1 or tuple(t.low for t in toks[j : j + len(extension)]) == extension:
                j += len(extension)
                break
        return Cue(i, j, lemma, kinds, toks[start].start, lead)
    return None


def _names_noun(toks: list[Tok], i: int) -> bool:
    """The naming participle at token i follows an indefinite noun phrase and comes before a name or a quote:
    "leads a program called …", "a new group called Safe Streets" (but "An aide called Ruiz a liar" opens a
    sentence with one noun, and "a spokesman for Holt called the report false" names nothing)."""
    if i > 2 and toks[i - 2].low in {"a", "an"} and toks[i - 1].word and not toks[i - 1].upper:
        return True
    for a in range(i - 3, max(-1, i - 6), -1):
        if toks[a].low in {"a", "an"}:
            return all(t.word and t.low not in _PRONOUNS for t in toks[a + 1 : i]) and not toks[i - 1].upper and (
                i + 1 < len(toks) and (toks[i + 1].upper or _is_quote(toks[i + 1])))
        if not toks[a].word:
            return False
    return False


def _as_follows(toks: list[Tok], k: int) -> bool:
    """An object and then "as" within eight words, nothing but words between: "see the plan as", "saw him as"."""
    for m in range(k + 1, min(len(toks), k + 9)):
        if toks[m].low == "as":
            return toks[k].word
        if not toks[m].word or toks[m].low in {"that", "and", "but", "because", "when", "if"}:
            return False
    return False


def _match_nominal(toks: list[Tok], i: int, lex: _Lexicon) -> Cue | None:
    """A nominal cue counts only with its "that" clause: "reports by X that", "X's claim that"."""
    k = i + 1
    if toks[k].low in lex.nominal_by:
        k += 1
        while k < len(toks) and toks[k].word and toks[k].low != "that" and k - i < 8:
            k += 1
    if k < len(toks) and toks[k].low == "that" and k + 1 < len(toks):
        nxt = toks[k + 1]
        if nxt.low in lex.openers or nxt.upper:
            return Cue(i, i + 1, toks[i].low, ("nominal",), toks[i].start)
    # "his criticism of X", "Lind's decision to Y", "her support for Z"
    if i > 0 and toks[i].low in lex.possessed and _possessive(toks[i - 1], lex) and \
            toks[i + 1].low in lex.possessed_links:
        return Cue(i, i + 1, toks[i].low, ("nominal",), toks[i].start)
    return None


def _possessive(tok: Tok, lex: _Lexicon) -> bool:
    return tok.low in lex.possessives or tok.word and tok.low.endswith(("'s", "s'")) and len(tok.low) > 3


# --- frames ---------------------------------------------------------------------------------------------


def _according(text: str, toks: list[Tok], cue: Cue) -> Statement | None:
    """ "According to X, C." / "C, according to X." / "C, according to X, C2." (engine/frames.py according)"""
    reading = frames.according(_Around(toks), (cue.i, cue.j), (0, len(toks)))
    if reading is None:
        return None
    return Statement(
        cue=Span.of(text, toks[cue.i].start, toks[cue.j - 1].end),
        content=Span.joined(text, reading.content),
        source=Span.of(text, toks[reading.source[0]].start, toks[reading.source[1] - 1].end),
    )


class _Around:
    """What the shared frames ask (engine/frames.py Around), over one sentence's tokens. An English source
    after "according to" runs to its comma; the content before it is the sentence up to the phrase."""

    relatives = word_set(LANG, "pronouns", "relative")

    def __init__(self, toks: list[Tok]) -> None:
        self.toks = toks

    def low(self, k: int) -> str:
        return self.toks[k].low

    def is_word(self, k: int) -> bool:
        return self.toks[k].word

    def source_after(self, cue: tuple[int, int], sentence: tuple[int, int]) -> int | None:
        toks, k, b = self.toks, cue[1], sentence[1]
        while k < b and toks[k].low not in {",", ";", ":"} and toks[k].low not in _QUOTES and not (
                toks[k].low == "." and k == b - 1):
            k += 1
        return k

    def past_source(self, end: int, b: int) -> int:
        rest = end + 1 if end < b and self.toks[end].low in {",", ";", ":"} else end
        return _skip(self.toks, rest, {"that"})

    def before(self, i: int, a: int, trailing: bool) -> list[tuple[int, int]]:
        toks = self.toks
        if i <= a:
            return []
        end = i - 1 if toks[i - 1].low in {",", "(", "—", "–"} else i
        return [(toks[a].start, toks[end - 1].end)] if end > a else []

    def after(self, k: int, b: int) -> list[tuple[int, int]]:
        end = _trim_end(self.toks, k, b) if k < b else k
        return [(self.toks[k].start, self.toks[end - 1].end)] if end > k else []


def _asked(toks: list[Tok], cue: Cue) -> bool:
    """ "Asked about X, …", "… when asked whether X": a question with no named asker."""
    return toks[cue.i].low == "asked" and cue.lead is None and (
        cue.i == 0 or toks[cue.i - 1].low in {"when", "whenever", "if", "after", "once", "while", "before"}
        or toks[cue.i - 1].low == "," and cue.j < len(toks) and toks[cue.j].low in {"about", "whether", "if", "by"})


def _question(text: str, toks: list[Tok], cue: Cue, lex: _Lexicon) -> Statement | None:
    """The question runs to the next comma outside quotes; "asked by X" names the asker."""
    n = len(toks)
    k = cue.j
    source = None
    if k < n and toks[k].low == "by":
        s = k + 1
        k = s
        while k < n and (toks[k].word or toks[k].low in {".", "'", "’", "&", "-"}) and toks[k].low not in lex.clause:
            k += 1
        if k > s:
            source = (toks[s].start, toks[k - 1].end)
    while k < n and toks[k].low in {"on", "in"} and k + 1 < n and toks[k + 1].upper:
        # "asked on Fox News whether …"
        k += 1
        while k < n and toks[k].upper:
            k += 1
    if k >= n or not toks[k].word and not _is_quote(toks[k]):
        return None
    end = n
    for m in range(k + 1, n):
        if toks[m].low in {",", ";", ":", "—", "–"} and not _inside_quote(toks, k, m):
            end = m
            break
    start = k + 1 if _is_quote(toks[k]) else k
    end = _trim_end(toks, start, end)
    if end <= start:
        return None
    return Statement(
        cue=Span.of(text, cue.start, toks[cue.j - 1].end),
        content=Span.of(text, toks[start].start, toks[end - 1].end),
        source=Span.of(text, *source) if source else None,
    )


def _nominal(text: str, toks: list[Tok], cue: Cue, lex: _Lexicon) -> Statement | None:
    k = cue.j
    source: tuple[int, int] | None = None
    if toks[k].low in lex.nominal_by and any(t.low == "that" for t in toks[k : k + 8]):
        s = k + 1
        while k < len(toks) and toks[k].low != "that":
            k += 1
        if k > s:
            source = (toks[s].start, toks[k - 1].end)
    owner = cue.i - 1
    cue_start = toks[cue.i].start
    if owner > 0 and toks[owner].word and not toks[owner].upper and toks[owner].low not in lex.finite and \
            _possessive(toks[owner - 1], lex) and not _possessive(toks[owner], lex):
        # "Tulsa police's earlier claim that …": PolNeAR's cue takes the adjective
        cue_start = toks[owner].start
        owner -= 1
    if source is not None:
        pass
    elif owner >= 0 and toks[owner].low in lex.possessives:
        source = (toks[owner].start, toks[owner].end)
    elif owner >= 0 and toks[owner].low.endswith(("'s", "s'")):
        source = (toks[_possessor(toks, owner, lex)].start, toks[owner].end - 2)
    end = len(toks)
    if k >= end:
        return None
    if toks[k].low == "that":
        k += 1
    else:
        if toks[k].low != "to":
            k += 1  # "of", "for", "about": the content is what follows
        for m in range(k + 1, end):
            if toks[m].low in lex.object_end and not _inside_quote(toks, k, m):
                end = m
                break
    if k >= len(toks):
        return None
    end = _trim_end(toks, k, end)
    if end <= k:
        return None
    return Statement(
        cue=Span.of(text, cue_start, toks[cue.j - 1].end),
        content=Span.of(text, toks[k].start, toks[end - 1].end),
        source=Span.of(text, *source) if source else None,
    )


def _post(doc: Doc, toks: list[Tok], cue: Cue, lex: _Lexicon, found: list[Statement], previous: list[Statement],
          index: int, later: list[Cue]) -> Statement | None:
    """Content before the cue: "“C,” X said.", "C, X said Tuesday.", "C, said X, a Y.", "“C,” he said, “C2.”" """
    text, quotes = doc.text, doc.quotes
    n = len(toks)
    if "speech" not in cue.kinds and "belief" not in cue.kinds and "address" not in cue.kinds and not (
            cue.j >= n - 1 and any(_is_quote(t) for t in toks[: cue.i])):
        # an object cue closes a quoted sentence only: "“…,” he mocks."
        return None
    # Inverted: "..., said X" — the cue right after the break.
    before = cue.i - 1
    while before >= 0 and toks[before].low in lex.adverbs:
        before -= 1
    source: tuple[int, int] | None = None
    after = cue.j
    apposed = None
    if before > 0 and toks[before].low == "," and _only_adjuncts(toks, cue.j, lex):
        # "“…,” Ana Ruiz, a budget analyst, said."
        apposed = _apposed_subject(toks, before, lex)
    if apposed is not None:
        start = next(m for m, t in enumerate(toks) if t.start == apposed[0])
        brk = start - 1
        if brk < 0 or not _is_break(toks[brk]):
            return None
        source = apposed
    elif before >= 0 and _is_break(toks[before]) and not toks[cue.i].low.endswith("ing"):
        brk = before
        k = cue.j
        while k < n and toks[k].low not in {",", ";", ":", "!", "?"} and not _is_quote(toks[k]) and (
            toks[k].word or toks[k].low in {"(", ")", "-", "&"} or toks[k].low == "." and _abbreviation(toks, k, lex)
        ):
            k += 1
        if k == cue.j or toks[cue.j].low in {"that", "to"} or toks[cue.j].low in lex.openers - {"the", "a", "an"}:
            return None
        if not (toks[cue.j].upper or toks[cue.j].low in lex.inverted_openers or toks[cue.j].low in lex.roles):
            return None
        if any(t.low in lex.finite or t.low == "that" for t in toks[cue.j : k]):
            # "The senator, who chairs the panel, said the bill was dead": a clause, not an inverted source
            return None
        k = _apposition(toks, k, lex)
        source = (toks[cue.j].start, toks[k - 1].end)
        after = k
    else:
        start = _subject_start(toks, before, lex) if before >= 0 else cue.i
        if start > before:
            return None
        brk = start - 1
        if brk < 0:
            return _quote_before(doc, toks, cue, (toks[start].start, toks[before].end), index, previous, lex)
        if not _is_break(toks[brk]):
            # a long source after a closing quote: "“…,” union for fair wages director Ed Moss told a radio host."
            quote = next((m for m in range(before, max(-1, before - 14), -1) if _is_quote(toks[m])), None)
            if quote is None or quote == 0 or toks[quote - 1].low not in {",", "?", "!", "."}:
                return None
            start, brk = quote + 1, quote
        elif _quote_closes_before(doc, toks, brk):
            # "“…,” the tall, 58-year-old farmer said": the comma is inside the source (`_quote_first`)
            return None
        source = (toks[start].start, toks[before].end)
    # content before the break
    first = 0
    while first < brk and _is_quote(toks[first]):
        first += 1
    end_tok = brk
    while end_tok > first and (_is_quote(toks[end_tok - 1]) or toks[end_tok - 1].low in {",", "—", "–"}):
        end_tok -= 1
    if end_tok <= first:
        return None
    content_start = toks[first].start
    # a quote opened in an earlier sentence
    for qs, qe in quotes:
        if qs < content_start <= qe and qe <= toks[brk].end + 1:
            content_start = qs
            break
    pieces = [(content_start, toks[end_tok - 1].end)]
    # what follows the cue: nothing, an adjunct, or a continuation ", “C2”"
    k = after
    while k < n and toks[k].word and (
            toks[k].low in lex.time_words or toks[k].upper or toks[k].low in lex.cue_adjuncts
            or "address" in cue.kinds and toks[k].low not in lex.finite and toks[k].low != "that"):
        k += 1
    if k < n and toks[k].low in {",", ":", "—", "–"} and k + 1 < n:
        rest = k + 1
        if _is_quote(toks[rest]) and rest + 1 < n:
            rest_end = _trim_end(toks, rest + 1, n)
            while rest_end > rest + 1 and _is_quote(toks[rest_end - 1]):
                rest_end -= 1
            if rest_end > rest + 1:
                pieces.append((toks[rest + 1].start, toks[rest_end - 1].end))
                k = n
        elif toks[k].low == "," and toks[brk].low == "," and _resumes(toks, rest, lex) and not any(
                _is_quote(t) for t in toks[first:n]) and not any(
                {"speech", "address", "belief", "according"} & set(c.kinds) for c in later):
            # "A, he said, B": the cue interrupts its content, which goes on to the end of the sentence
            rest_end = _trim_end(toks, rest, n)
            if rest_end > rest:
                pieces.append((toks[rest].start, toks[rest_end - 1].end))
    elif k < n and toks[k].low not in {".", "!", "?", ";"} and not (_is_quote(toks[k]) and k == n - 1) and not (
            _is_quote(toks[brk]) and toks[k].low not in {"that", ":"}):
        return None
    if not _is_quote(toks[brk]) and not any(_is_quote(t) for t in toks[first:end_tok]) and (
            toks[first].low in lex.intro and end_tok - first < 7 or end_tok - first < 3):
        return None
    if toks[first].low == "asked" or toks[first].low in {"when", "whenever"} and toks[first + 1].low == "asked":
        # "Asked about X, she said …": the question is its own attribution, not this one's content
        return None
    # the quote may go on after this sentence ("“A,” said X, a Y who …. “B.”")
    content_end = max([e for _, e in pieces] + [toks[-1].end])
    pieces.extend(_continuation(doc, content_end))
    return Statement(
        cue=Span.of(text, cue.start, toks[cue.j - 1].end),
        content=Span.joined(text, pieces),
        source=Span.of(text, *source) if source else None,
    )


def _quote_first(doc: Doc, toks: list[Tok], cue: Cue, first: int, lex: _Lexicon, cues: list[Cue]
                 ) -> Statement | None:
    """ "“C,” Ed Moss, who chairs the panel, told reporters on a visit to the plant.": a sentence that opens
    with a quote closed by a comma (or "?", "!"), then the source, however long, then the cue and adjuncts
    only. The source is all that stands between the quote and the cue, appositions and relative clauses
    included (PolNeAR's span), but no other cue and no verb outside a relative clause ("Lind is quoted as
    saying"); the content is the quote and the quotes that continue it. `first` is the index of the sentence's
    first token in `doc`, `cues` the sentence's cues."""
    if "speech" not in cue.kinds and "address" not in cue.kinds or not toks or not _is_quote(toks[0]):
        return None
    q = doc.opener_of.get(first)
    if q is None:
        return None
    close = next((m for m in range(1, cue.i) if doc.closer_of.get(first + m) == q), None)
    if close is None or close < 2 or close + 1 >= cue.i or toks[close - 1].low not in {",", "?", "!"}:
        return None
    stretch = toks[close + 1 : cue.i]
    if len(stretch) > 25 or any(_is_quote(t) for t in stretch) or not any(t.upper for t in stretch[:3]) and \
            stretch[0].low not in lex.openers:
        return None
    rest = toks[cue.j :]
    if rest and (rest[0].low in {"that", ":"} or any(_is_quote(t) for t in rest)):
        return None
    if cue.lead is not None or cue.start < stretch[0].start or any(close < c.i < cue.i for c in cues):
        return None
    relative = next((m for m, t in enumerate(stretch) if t.low in _RELATIVES), len(stretch))
    if any(t.low in lex.finite for t in stretch[:relative]):
        return None
    start, end = close + 1, cue.i
    while start < end and toks[start].low == ",":
        start += 1
    while end > start and toks[end - 1].low in {",", "-", "—", "–"} | lex.adverbs:
        end -= 1
    if end <= start:
        return None
    text = doc.text
    pieces = [doc.quotes[q], *_continuation(doc, toks[-1].end)]
    return Statement(
        cue=Span.of(text, cue.start, toks[cue.j - 1].end),
        content=Span.joined(text, pieces),
        source=Span.of(text, toks[start].start, toks[end - 1].end),
    )


def _quote_closes_before(doc: Doc, toks: list[Tok], brk: int) -> bool:
    """The sentence opens with a quote that closes with a comma (or "?", "!") before token `brk`, words after it."""
    if not toks or not _is_quote(toks[0]):
        return False
    first = doc.token_at(toks[0].start)
    q = doc.opener_of.get(first)
    return q is not None and any(
        doc.closer_of.get(first + m) == q and toks[m - 1].low in {",", "?", "!"} and toks[m + 1].word
        for m in range(2, brk - 1))


def _resumes(toks: list[Tok], k: int, lex: _Lexicon) -> bool:
    """Token k, after "A, he said,", goes on with the content ("there were no ballots", "and you risk …"),
    not with an adjunct of the saying ("adding that …", "according to …", "when asked …", "who …")."""
    tok = toks[k]
    return tok.word and not (tok.low.endswith("ing") and not tok.upper) and tok.low not in lex.not_resuming \
        and tok.low not in lex.post_adjunct_openers


def _only_adjuncts(toks: list[Tok], k: int, lex: _Lexicon) -> bool:
    """Nothing after a cue but adjuncts and a trailing clause: "said on a call with reporters.", "said of X, when …"."""
    if k >= len(toks) or toks[k].low in {".", "!", ","}:
        return True
    if toks[k].low not in lex.cue_adjuncts and toks[k].low not in lex.post_adjunct_openers:
        return False
    for t in toks[k:]:
        if t.low == ",":
            return True
        if _is_quote(t) or t.low in {"that", ":"} or t.low in lex.finite:
            return False
    return True


def _quote_before(doc: Doc, toks: list[Tok], cue: Cue, source: tuple[int, int], index: int,
                  previous: list[Statement], lex: _Lexicon) -> Statement | None:
    """ "“…, right?” Dana said.": the quote ended the sentence before; this one is only "X said"."""
    text, quotes, sentences = doc.text, doc.quotes, doc.sentence_spans
    rest = cue.j
    if "address" in cue.kinds:
        # "he told the cheering crowd."
        while rest < len(toks) and toks[rest].word and toks[rest].low not in lex.finite and toks[rest].low != "that":
            rest += 1
    if index == 0 or not _only_adjuncts(toks, rest, lex):
        return None
    prev = sentences[index - 1]
    if text[prev.end - 1] not in _CLOSE_QUOTES or prev.end < toks[0].start - 3:
        return None
    # the quote may open sentences earlier: "“… isn’t it? Isn’t that a bribe?” Lind asked."
    inner = [(qs, qe) for qs, qe in quotes if prev.start <= qe <= prev.end and qs < qe]
    if not inner or any(
        any(s <= inner[-1][0] < e for s, e in st.content.pieces()) for st in previous[-3:]
    ):
        return None
    pieces = [inner[-1]]
    pieces.extend(_continuation(doc, toks[-1].end))
    return Statement(
        cue=Span.of(text, cue.start, toks[cue.j - 1].end),
        content=Span.joined(text, pieces),
        source=Span.of(text, *source),
    )


def _continuation(doc: Doc, after: int) -> list[tuple[int, int]]:
    """Quotes that go on after the attribution (the engine's rule), up to one with a cue word of its own."""
    return frames.quotes_after(doc, after, lambda q: _cue_inside(doc.text, *doc.quotes[q]))


def _cue_inside(text: str, qs: int, qe: int) -> bool:
    """A quote followed, within its sentence, by its own cue ("“…,” Bill Frelick, a director, said.")."""
    tail = text[qe : qe + 160].split("\n", 1)[0]
    lex = lexicon()
    toks = tokenize(tail)
    for k, tok in enumerate(toks[:30]):
        if tok.low in {".", "!", "?"} and k > 1 and not _abbreviation(toks, k, lex):
            return False
        if tok.low in lex.cues or tok.low in lex.according_first:
            return True
    return False


def _pre(doc: Doc, toks: list[Tok], cue: Cue, lex: _Lexicon, later: list[Cue], index: int,
         found: list[Statement], previous: list[Statement]) -> Statement | None:
    """Content after the cue: "X said (that) C", "X told CNN C", "X wants to C", "X criticized C"."""
    text, quotes = doc.text, doc.quotes
    n = len(toks)
    by = _passive_by(text, toks, cue, lex)
    if by is not None:
        return by
    before = _skip_back(toks, (cue.i if cue.lead is None else cue.lead) - 1, lex)
    if before >= 0 and toks[before].low in lex.be and toks[cue.i].low.endswith("ing"):
        # progressive: "X is now talking about", "X has been hitting"
        cue = Cue(cue.i, cue.j, cue.lemma, cue.kinds, toks[before].start)
        before = _skip_back(toks, before - 1, lex)
        if before >= 0 and toks[before].low == "been":
            before = _skip_back(toks, before - 1, lex)
    source: tuple[int, int] | None = None
    passive = False
    if before >= 0 and toks[before].low in lex.be and cue.kinds != ("object",) and not toks[cue.i].low.endswith("ing"):
        # "It is believed that", "X is expected to": no named source.
        passive = True
        cue = Cue(cue.i, cue.j, cue.lemma, cue.kinds, toks[before].start)
        subject_end = before - 1
        while subject_end >= 0 and toks[subject_end].low in lex.adverbs:
            subject_end -= 1
    elif before >= 0 and toks[before].low in {"who", "which", "that"}:
        source = (toks[before].start, toks[before].end)
    elif before > 0 and toks[before].low in {"and", "but", "or", "to"}:
        # "Lind claimed victory and argued …", "He went on to say …": the subject of the clause.
        for statement in reversed(found):
            source = (statement.source.start, statement.source.end) if statement.source else None
            break
        if source is None:
            source = _leading_subject(toks, before, lex)
    elif before >= 0 and toks[before].word:
        start = _subject_start(toks, before, lex)
        if toks[cue.i].low.endswith("ing") and cue.lead is None and not toks[before].upper \
                and toks[before].low not in _PRONOUNS and start > 0 and toks[start - 1].word:
            # "Lind gave a speech outlining …": the noun before a participle is an object; the speaker is the
            # clause's subject
            source = _leading_subject(toks, cue.i, lex)
        elif start <= before:
            source = (toks[start].start, toks[before].end)
    elif before > 0 and toks[before].low == "," and not toks[cue.i].low.endswith("ing"):
        # "Lund, who is 48, said", "Ana Ruiz, dean of the law school, said"
        source = _apposed_subject(toks, before, lex)
    elif before >= 0 and toks[cue.i].low.endswith("ing") and (toks[before].low == "," or before > 0 and (
            _is_quote(toks[before]) and toks[before - 1].low == ",")):
        # "…, he said, adding that …": the subject of the clause before.
        for statement in reversed(found):
            source = (statement.source.start, statement.source.end) if statement.source else None
            break
        if source is None:
            source = _leading_subject(toks, cue.i, lex)
        if source is None:
            return None
    elif before >= 0 and toks[before].low == ")":
        start = _subject_start(toks, before, lex)
        if start <= before:
            source = (toks[start].start, toks[before].end)
    if source is None and not passive and not toks[cue.i].low.endswith("ing") and not (
            "speech" in cue.kinds or "address" in cue.kinds):
        return None
    k = cue.j
    if source is not None and cue.lemma in lex.complement_cues:
        relative = _relative_object(text, toks, cue, source, lex)
        if relative is not None:
            return relative
    content_start = _content_start(toks, k, cue, lex)
    if content_start is None:
        at_end = cue.j == n or (toks[cue.j].low in {".", "!"} and cue.j + 1 >= n - 1)
        if source is not None and at_end:
            return _that_is_what(doc, toks, cue, source, index)
        return None
    end = n
    for other in later:
        if content_start < other.i < n:
            end = min(end, _coordinated(toks, content_start, other, lex, end))
    if cue.kinds[0] == "object" or cue.kinds[0] == "intent" and toks[content_start].low != "to":
        # An object ends at the first break: "X praised Y's record, and won …"
        for m in range(content_start + 1, end):
            if toks[m].low in lex.object_end and not _inside_quote(toks, content_start, m) and not (
                    toks[m].low == "," and m + 1 < end and toks[m + 1].low in {"including", "especially"}):
                # "discussed several topics, including …": the examples belong to the object
                end = m
                break
    for m in range(content_start + 1, end - 1 if cue.kinds[0] in ("intent", "object") else content_start):
        # "to bolster its military, reversing …": a trailing participle clause is not the content
        if toks[m].low == "," and toks[m + 1].low.endswith("ing") and toks[m + 1].word and not toks[m + 1].upper \
                and toks[m + 1].low != "including" and not _inside_quote(toks, content_start, m):
            end = m
            break
    end = _trim_end(toks, content_start, end)
    if end <= content_start:
        return None
    start_char = toks[content_start].start
    end_char = toks[end - 1].end
    for qs, qe in quotes:
        if qs - 1 <= start_char <= qs and qe > end_char:
            end_char = qe
            break
    pieces = [(start_char, end_char)]
    raising = cue.lemma in lex.raising and toks[content_start].low == "to"
    if raising or cue.lemma in lex.raising and source is not None and text[source[0] : source[1]].lower() == "it":
        # "it seems (that) …" names no one either
        # "The mayor seemed to enjoy …": PolNeAR names no source; the subject joins the content.
        source = None
    if (passive or raising) and "intent" in cue.kinds and toks[content_start].low == "to":
        subject_end = cue.i - 1
        while subject_end >= 0 and (toks[subject_end].low in lex.adverbs or toks[subject_end].low in lex.be):
            subject_end -= 1
        if subject_end >= 0 and toks[subject_end].word and toks[subject_end].low != "it":
            s = _subject_start(toks, subject_end, lex)
            pieces.insert(0, (toks[s].start, toks[subject_end].end))
    if _opens_quote(toks, content_start) or "speech" in cue.kinds and _trim_end(toks, end, len(toks)) == end:
        # a quote, or a speech content that runs to the end of its sentence, may go on in quotes after it
        pieces.extend(_continuation(doc, max(end_char, toks[-1].end)))
    return Statement(
        cue=Span.of(text, cue.start, toks[cue.j - 1].end),
        content=Span.joined(text, pieces),
        source=Span.of(text, *source) if source else None,
    )


def _relative_object(text: str, toks: list[Tok], cue: Cue, source: tuple[int, int], lex: _Lexicon
                     ) -> Statement | None:
    """ "a law which he called “a cartel”", "whom she described as a friend": the relative word and the
    complement are the content."""
    first = next((m for m in range(cue.i) if toks[m].start == source[0]), 0)
    if first == 0 or toks[first - 1].low not in _RELATIVES:
        return None
    n = len(toks)
    k = _skip_time(toks, cue.j, lex)
    if k >= n or not (toks[k].word or _is_quote(toks[k])):
        return None
    end = n
    for m in range(k + 1, n):
        if toks[m].low in {",", ";", ":", "—", "–", "("} and not _inside_quote(toks, k, m):
            end = m
            break
    end = _trim_end(toks, k, end)
    if end <= k:
        return None
    rel = toks[first - 1]
    return Statement(
        cue=Span.of(text, cue.start, toks[cue.j - 1].end),
        content=Span.joined(text, [(rel.start, rel.end), (toks[k].start, toks[end - 1].end)]),
        source=Span.of(text, *source),
    )


def _passive_by(text: str, toks: list[Tok], cue: Cue, lex: _Lexicon) -> Statement | None:
    """ "The plan was praised by the union": the source follows "by", the content is the subject."""
    n = len(toks)
    if cue.j >= n - 1 or toks[cue.j].low != "by" or not toks[cue.i].low.endswith("ed"):
        return None
    be = cue.i - 1
    while be >= 0 and toks[be].low in lex.adverbs:
        be -= 1
    if be <= 0 or toks[be].low not in lex.be:
        return None
    aux = be
    while aux > 0 and toks[aux - 1].low in lex.adverbs | lex.be:
        aux -= 1
    subject_end = aux - 1
    if not toks[subject_end].word:
        return None
    subject_start = _subject_start(toks, subject_end, lex)
    if subject_start > subject_end:
        return None
    k = cue.j + 1
    while k < n and (toks[k].word or toks[k].low in {"'", "’", "&", "-"} or toks[k].low == "." and _abbreviation(
            toks, k, lex)) and toks[k].low not in lex.clause_after_by:
        k += 1
    if k == cue.j + 1:
        return None
    return Statement(
        cue=Span.of(text, toks[aux].start, toks[cue.j - 1].end),
        content=Span.of(text, toks[subject_start].start, toks[subject_end].end),
        source=Span.of(text, toks[cue.j + 1].start, toks[k - 1].end),
    )


def _opens_quote(toks: list[Tok], k: int) -> bool:
    return k > 0 and _is_quote(toks[k - 1])


def _that_is_what(doc: Doc, toks: list[Tok], cue: Cue, source: tuple[int, int], index: int) -> Statement | None:
    """ "That is what X reported." / "So X said.": the content is the sentence before."""
    if toks[0].low not in {"that", "this", "so", "or", "thus"}:
        return None
    content = frames.previous_sentence(doc, index)
    if content is None:
        return None
    text = doc.text
    return Statement(
        cue=Span.of(text, cue.start, toks[cue.j - 1].end),
        content=Span.joined(text, content[0]),
        source=Span.of(text, *source),
    )


def _content_start(toks: list[Tok], k: int, cue: Cue, lex: _Lexicon) -> int | None:
    """Token where the content begins after the cue, or None when this cue takes no content here."""
    n = len(toks)
    if k >= n:
        return None
    kinds = cue.kinds
    # "that" within reach: "said Tuesday that", "told the Herald in an interview that"
    limit = min(n, k + (12 if "address" in kinds else 8))
    for m in range(k, limit):
        t = toks[m]
        if t.low == "that" and m + 1 < n and (toks[m + 1].word or _is_quote(toks[m + 1])):
            reachable = m == k or all(
                x.upper or x.low in lex.time_words or x.low in lex.addressees or x.low in lex.cue_adjuncts
                or x.low == "," or "address" in kinds and x.word
                for x in toks[k:m]
            ) or m - k <= 6 and toks[k].low in lex.post_adjunct_openers | lex.cue_adjuncts and not any(
                x.low in lex.finite for x in toks[k:m])
            if reachable and any(k2 in kinds for k2 in ("speech", "address", "belief")):
                return m + 1
            break
        if not t.word and t.low not in {",", "."}:
            break
    if any(x in kinds for x in ("speech", "address")):
        # "said Thursday on Twitter, “…”", "said in a statement: “…”"
        for m in range(k, min(n - 1, k + 10)):
            if toks[m].low in {",", ":"} and _is_quote(toks[m + 1]) and m + 2 < n:
                return m + 2
            if not toks[m].word and toks[m].low not in {".", "'", "’", "-"}:
                break
    m = k
    if toks[m].low in {",", ":"}:
        m += 1
        if m < n and toks[m].low in {"that"}:
            m += 1
        if m < n and (_is_quote(toks[m]) or toks[m].upper) and any(x in kinds for x in ("speech", "address", "belief")):
            return m + 1 if _is_quote(toks[m]) else m
    if m < n and _is_quote(toks[m]) and any(x in kinds for x in ("speech", "address")):
        return m + 1
    # time adverbs: "said Tuesday the ..."
    skipped = _skip_time(toks, m, lex)
    if skipped < n and toks[skipped].low in {",", ":"}:
        skipped += 1
    if skipped < n and _is_quote(toks[skipped]) and any(x in kinds for x in ("speech", "address")):
        return skipped + 1
    if "address" in kinds or "intent" in kinds:
        # an addressee before the content: "told reporters ...", "urged voters to ..."
        a = skipped
        while a < n and a - skipped < 7 and toks[a].word and (
                toks[a].upper or toks[a].low in lex.addressees or toks[a].low.isdigit() or toks[a].low in lex.roles
                or a == skipped and toks[a].low in {"the", "his", "her", "their", "its"}):
            a += 1
        if a < n and toks[a].low == "to" and "intent" in kinds and a + 1 < n and toks[a + 1].word:
            return a
        if skipped < n and toks[skipped].low == "to" and "intent" in kinds:
            return skipped
        if "intent" in kinds and cue.lemma in lex.object_control:
            # "called on fellow members to …", "urged Gov. Lind (R) to …": a longer addressee, then the infinitive
            for m in range(skipped + 1, min(n - 1, skipped + 10)):
                t = toks[m]
                if t.low == "to" and (toks[m + 1].word or _is_quote(toks[m + 1])):
                    return skipped  # PolNeAR mostly keeps the addressee: "called on members to …"
                if not (t.word or t.low in {"(", ")", ".", "-", "'", "’", "&"}) or t.low in lex.finite or \
                        t.low in lex.clause and t.low not in {"of", "and", "in"}:
                    break
        if "address" in kinds and a > skipped and a < n:
            while a < n and toks[a].low in {",", ":"}:
                a += 1
            if a < n and _is_quote(toks[a]):
                return a + 1
            if a < n and (toks[a].low in lex.openers or toks[a].upper):
                return a
        if "address" in kinds:
            # a longer addressee, then a clause with a pronoun subject: "told a news conference they …"
            for m in range(skipped + 1, min(n - 1, skipped + 9)):
                if not toks[m].word or toks[m].low in lex.finite:
                    break
                if toks[m].low in _SUBJECTS and toks[m + 1].word:
                    return m
    if skipped >= n:
        return None
    first = toks[skipped]
    if "speech" in kinds and (first.low in lex.openers or first.upper) and skipped > k:
        return skipped
    if "speech" in kinds and skipped == k and (first.low in lex.openers or first.upper):
        return skipped
    if "belief" in kinds and first.word and first.low not in lex.not_speech_start:
        return skipped
    if "object" in kinds and (first.word and first.low not in lex.not_object_start or first.low == "$"):
        return skipped
    if "object" in kinds and _is_quote(first) and skipped + 1 < n:
        return skipped + 1
    if "speech" in kinds and first.word and first.low not in lex.not_speech_start:
        return skipped
    return None


def _skip_time(toks: list[Tok], m: int, lex: _Lexicon) -> int:
    """Step over time phrases after a cue: "Tuesday", "on Friday", "last week", "earlier this month"."""
    n = len(toks)
    start = m
    while m < n:
        low = toks[m].low
        if low in lex.time_single:
            m += 1
        elif m + 1 < n and (low == "on" and toks[m + 1].low in lex.time_single or (
                low in lex.time_modifiers and toks[m + 1].low in lex.time_units)):
            m += 2
        elif low in lex.time_modifiers and m + 2 < n and toks[m + 1].low in lex.time_modifiers and toks[
                m + 2].low in lex.time_units:
            m += 3
        else:
            break
    if m < n and toks[m].low == "of" and toks[m - 1].low in lex.time_units:
        # "said each year of college pays off": the time phrase opens the content
        return start
    return m


def _coordinated(toks: list[Tok], start: int, next_cue: Cue, lex: _Lexicon, end: int) -> int:
    """End the content before a coordinated attribution: "X said A, and Y said B"."""
    b = next_cue.i - 1
    while b > start and toks[b].low in lex.adverbs:
        b -= 1
    s = _subject_start(toks, b, lex) if b > start else next_cue.i
    k = s - 1
    if k > start and toks[k].low in {"and", "but", "while", "as", "whereas", ";"}:
        k -= 1
        if k > start and toks[k].low == ",":
            return k
        return k + 1
    if k > start and toks[k].low in {";", ",", "—", "–"}:
        # "…, she said", "…, adding that …": the later cue starts its own attribution.
        return k
    return end


def _subject_start(toks: list[Tok], end: int, lex: _Lexicon) -> int:
    """First token of the subject phrase that ends at `end` (inclusive), read backwards."""
    k = end
    if k < 0:
        return 0
    if toks[k].low in _PRONOUNS or toks[k].low in {"this", "that"} and not toks[k].upper:
        return k if toks[k].low in _PRONOUNS else k + 1
    start = k + 1
    while k >= 0:
        t = toks[k]
        if t.low == ")":
            depth = 0
            m = k
            while m >= 0:
                if toks[m].low == ")":
                    depth += 1
                elif toks[m].low == "(":
                    depth -= 1
                    if depth == 0:
                        break
                m -= 1
            if m < 0:
                break
            start = m
            k = m - 1
            continue
        if t.low == "," and start <= end and k == start - 1:
            # "X, a Y, said": an apposition ends in a comma before the cue — not here, handled by caller
            break
        if not t.word and t.low not in {"&", ".", "'", "’", "$"}:
            break
        if t.low in lex.subject_prepositions and 0 < k < end and _nominal_word(toks[k - 1], lex):
            # "critics of the plan", "voters in each county", "Ed Moss of the union"
            k -= 1
            continue
        if t.low in {"and", "or"} and k > 0 and k < end and (toks[k - 1].upper or toks[k - 1].low in lex.conjunct_ok
                                                             or _opening_plural(toks, k - 1, lex)):
            # "Lind and Holt said", "current and former officials said", "…, teachers and union officials said"
            k -= 1
            continue
        # A clause word ends the subject, unless it is a capitalised name inside it ("Will", "May").
        if t.word and (t.low in lex.clause or t.low in _PRONOUNS) and not (
                t.upper and k > 0 and t.low not in _PRONOUNS and t.low not in lex.clause_even_capitalised):
            if t.low in _PRONOUNS and k == end:
                return k
            break
        if t.low in {"the", "a", "an"} and not (k + 1 < len(toks) and toks[k + 1].low == "."):
            start = k
            if k > 1 and toks[k - 1].low in lex.subject_prepositions and _nominal_word(toks[k - 2], lex):
                k -= 1
                continue
            break
        if end - k > 14:
            break
        start = k
        k -= 1
    # a sentence-opening day or adverb is no part of the subject: "Tuesday, X said"
    while start <= end and toks[start].low in lex.subject_openers_dropped:
        start += 1
    return start


def _opening_plural(toks: list[Tok], m: int, lex: _Lexicon) -> bool:
    """A plural noun that opens its clause ("…, teachers and …"), so "and" after it joins two subjects."""
    t = toks[m]
    return t.word and t.low.endswith("s") and len(t.low) > 3 and not t.low.endswith("'s") \
        and t.low not in lex.clause and t.low not in lex.cues and (
            m == 0 or not toks[m - 1].word or toks[m - 1].low in lex.articles or toks[m - 1].low in lex.possessives)


def _skip_back(toks: list[Tok], k: int, lex: _Lexicon) -> int:
    """Step back over adverbs and time phrases between a subject and its cue ("Lind on Tuesday said")."""
    while k >= 0 and (toks[k].low in lex.adverbs or toks[k].low in lex.time_back or (
            toks[k].low.endswith("ly") and not toks[k].upper and len(toks[k].low) > 4)):
        k -= 1
    return k


def _apposed_subject(toks: list[Tok], comma: int, lex: _Lexicon) -> tuple[int, int] | None:
    q = comma - 1
    while q >= 0 and q > comma - 30 and toks[q].low not in {",", ";", ":", "!", "?", "—", "–"}:
        q -= 1
    if q <= 0 or toks[q].low != "," or q + 1 >= comma:
        return None
    head = q - 1
    if not (toks[head].word or toks[head].low == ")"):
        return None
    start = _subject_start(toks, head, lex)
    if start > head:
        return None
    if " ".join(t.low for t in toks[q + 1 : comma]) in lex.parentheticals:
        # "Lind, meanwhile, said": the aside is no part of the source
        return (toks[start].start, toks[head].end)
    return (toks[start].start, toks[comma - 1].end)


def _leading_subject(toks: list[Tok], limit: int, lex: _Lexicon) -> tuple[int, int] | None:
    """The subject that opens the sentence, for a participle cue: "Lind defended …, saying …"."""
    k = 0
    # skip an opening adjunct: "On her website, Lind …", "Publicly, the mayor …", "On Monday the mayor …"
    comma = next((m for m in range(min(limit, 12)) if toks[m].low == ","), None)
    if toks[0].low in lex.intro or toks[0].low.endswith("ly") and comma == 1:
        if comma is not None:
            k = comma + 1
        else:
            k = 1
            while k < limit and not (toks[k].upper and toks[k].low not in lex.intro and toks[k].low not in lex.clause):
                k += 1
    if k >= limit:
        return None
    if toks[k].low in _PRONOUNS:
        return (toks[k].start, toks[k].end)
    start = k
    while k < limit and (toks[k].upper or toks[k].low in {"the", "a", "an", "of", ".", "-", "&"}
                         or toks[k].low in lex.roles or toks[k].low.endswith(("'s", "’s"))):
        k += 1
    named = [t for t in toks[start:k] if t.upper and t.low not in lex.clause and t.low not in lex.intro]
    if not named:
        return None
    return (toks[start].start, toks[k - 1].end)


def _possessor(toks: list[Tok], owner: int, lex: _Lexicon) -> int:
    """First token of the noun phrase that ends in the possessive at `owner`: "the current GOP nominee's",
    "his campaign's", "Sen. Mara Holt's", "moderator Lester Holt's"; never the verb before it ("Officials
    rejected Moreno's claim") nor a sentence opener ("But Trump's")."""
    m = owner
    while m > 0 and owner - m < 8:
        t = toks[m - 1]
        name = t.upper or t.low in {".", "-", "&"} and m > 1 and toks[m - 2].upper
        noun = t.word and t.low not in lex.clause and t.low not in lex.cues and t.low not in lex.finite and \
            t.low not in lex.articles and t.low not in lex.possessives and not t.low.endswith(("ed", "ing"))
        if not (name or noun):
            break
        m -= 1
    if m > 0 and (toks[m - 1].low in lex.articles or toks[m - 1].low in lex.possessives):
        return m - 1
    # no determiner: a name, with the titles before it ("chairman Paul Manafort's"), not the words before those
    while m < owner and not toks[m].upper and toks[m].low not in lex.roles:
        m += 1
    while m < owner and (toks[m].low in lex.clause or toks[m].low in lex.subject_openers_dropped):
        m += 1
    return m


def _nominal_word(tok: Tok, lex: _Lexicon) -> bool:
    """A word that can end a noun phrase before "of"/"in" inside a subject."""
    return tok.word and tok.low not in lex.clause and tok.low not in _PRONOUNS and tok.low not in lex.cues


def _apposition(toks: list[Tok], k: int, lex: _Lexicon) -> int:
    """Extend an inverted source over its apposition: "said Tom Berry, a former mayor of ..."."""
    n = len(toks)
    if k >= n - 1 or toks[k].low != ",":
        return k
    head = toks[k + 1]
    lowercase_head = head.low in {"a", "an", "the", "who", "whose"} or head.low in lex.roles \
        or head.low in lex.apposition_heads or head.low.isdigit() \
        or head.word and not head.upper and head.low not in lex.clause and not head.low.endswith(("ing", "ed"))
    if not lowercase_head and not head.upper:
        return k
    # PolNeAR takes the whole apposition, relative clauses and all: "said Ed Moss, 58, a nurse who …"
    m = k + 1
    while m < n and toks[m].low not in {";", ":", "!", "?", "(", "—", "–"} and not _is_quote(toks[m]) and not (
            toks[m].low == "." and m == n - 1) and not (toks[m].low == "," and m + 1 < n and (
            toks[m + 1].low in {"and", "but", "adding", "saying", "as", "because", "while", "though", "although"}
            or toks[m + 1].low.endswith("ing") or _is_quote(toks[m + 1]))):
        m += 1
    if m - k > 40:
        return k
    if not lowercase_head and not (m >= n - 1 and any(
            t.word and not t.upper and t.low not in {"and", "or"} for t in toks[k + 2 : m])):
        # a capitalised apposition only when it runs to the end of the sentence and holds a common noun:
        # "said Ana Ruiz, Twitter's director of ad sales." (not "said Holt, Lind and Moss.")
        return k
    return m


def _abbreviation(toks: list[Tok], k: int, lex: _Lexicon) -> bool:
    """A full stop that closes a title or an initial ("Rep.", "J.") rather than the sentence."""
    return k > 0 and k < len(toks) - 1 and toks[k - 1].end == toks[k].start and (
        len(toks[k - 1].low) == 1 or toks[k - 1].low in lex.title_abbreviations
        or "." in toks[k - 1].low and toks[k - 1].word)  # "U.S.", "D.C.": an initialism's last stop


def _is_break(tok: Tok) -> bool:
    return tok.low in {",", "—", "–", ":", ";", "?", "!", "-"} or _is_quote(tok) or tok.low == "."


def _inside_quote(toks: list[Tok], start: int, k: int) -> bool:
    return sum(_is_quote(t) for t in toks[start:k]) % 2 == 1


def _is_quote(tok: Tok) -> bool:
    return tok.low in _QUOTES or tok.low in {"''", "``"}


def _skip(toks: list[Tok], k: int, words: set[str]) -> int:
    while k < len(toks) and toks[k].low in words:
        k += 1
    return k


def _trim_end(toks: list[Tok], start: int, end: int) -> int:
    """Drop closing punctuation from the end of a content, and a closing quote that closes nothing in it."""
    while end > start and toks[end - 1].low in {".", ",", ";", ":", "—", "–", "-", "("}:
        end -= 1
    if end > start and _is_quote(toks[end - 1]) and sum(_is_quote(t) for t in toks[start:end]) % 2 == 1:
        end -= 1
        while end > start and toks[end - 1].low in {",", ";", ":", "—", "–", "-", "("}:
            end -= 1
    return end


# --- stance and hedging -----------------------------------------------------------------------------------


def _stance(cue: Cue, lex: _Lexicon) -> str:
    """The stance of the cue's lemma; hedging is the engine's (engine/stance.py)."""
    lemma = cue.lemma
    if lemma in lex.deny:
        return "deny"
    if lemma in lex.question:
        return "question"
    if lemma in lex.predict:
        return "predict"
    return "assert"
