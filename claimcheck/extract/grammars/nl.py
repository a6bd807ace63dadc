"""The Dutch grammar: who (source) said (cue) what (content), with the stance of the cue.

It reads the engine's document model (`engine/doc.py`: tokens, sentences, quotes) and hands the engine
its readings with the frame that found each (`engine/found.py`); the engine settles nesting, hedging,
confidence and the edges of the spans the same way as for English. What is here is what Dutch needs: verb
second and verb last ("Gisteren zei X dat …", "omdat de minister de beschuldigingen ontkende"), separable
verbs ("kondigden … aan"), the perfect cluster ("zouden ze hebben geroepen"), ",,…''" quotes, and the noun
phrase grammar that finds a Dutch source. The word lists are `lexicon/nl.toml` (verbs with all their forms,
separable verbs, multi-word cues, reporting nouns, impersonal cues, grammar words); only the few words the
rules are about ("dat", "of", "en", "zo", "niet", "te") are written in the code. No model is loaded.

Where a frame is handled (the entry point is `_Extractor.at`): "Volgens X" `according_before`, "…, aldus
X" `according_after`, "naar eigen zeggen" `own_account`, nominal cues `nominal`, impersonal cues
`impersonal`, "Name: ,,…''" `colon_quote`, verbs `verb` (then `_trailing` for ",,…'', zegt X", `_subordinate`
for verb last, `content_after` for "X zegt dat …"), "Dat meldt X." `previous_sentence_content` (the
content itself: `engine/frames.py`).

Constructions it finds:

- direct quotes with the cue after, before or inside them (",,…'', zegt X", "X zegt: „…”",
  "“…”, zei X, “…”"); a quote that opens the next sentence without a cue of its own joins the content;
- indirect speech "X zegt dat …", verb-second "Gisteren zei X dat …", "…, schrijft X.", perfect tenses
  ("X heeft gezegd dat …", "'…', zouden ze hebben geroepen"), separable verbs ("kondigden … aan", "liet …
  weten") with discontinuous cue and content, and objects as content ("Hij meldde hevige gevechten");
- subjects across an apposition or relative clause ("Rahm Emanuel, de burgemeester, zei"; "twee mannen,
  die zeiden"), coordinated subjects and verbs ("De PVV wil … en denkt …");
- "Dat meldt X." and "Dat heeft X gezegd." (the content is the previous sentence), "Volgens X …" (before
  or inside its clause), "…, aldus X", "…, blijkt uit X", "naar eigen zeggen";
- nominal cues with a source and a "dat" clause ("berichten van Fox News dat …"), found also inside the
  content of another statement, so attributions nest;
- several sources ("Dat vinden D66 en de vereniging van jeugdartsen AJN.", "..., vinden Eyes on Animals en
  Dierenbescherming"); "Volgens X, APPOSITION, ..." (the apposition is not content); beliefs and knowledge
  with a "dat" clause (vindt, denkt, vreest, weet, merkt, realiseert zich);
- a quote with no cue word after "Name:" (the colon stands in for the cue), and a quote that opens the
  sentence after any statement that closes its own, with no speaker of its own, joins that statement;
- a quote that is a sentence of its own with no cue and no statement holding it (`_cueless_quotes`): it goes
  on with the speaker of a statement in the sentence before, answers the speaker last named when that
  sentence is a question (an interview), or else is the subject of the sentence before speaking; its
  opening mark stands in for the cue (the gold's cue-null attributions);
- statements inside a quote (",,Hij heeft benadrukt dat …''", `in_quote`), except a speaker quoting their
  own organisation (`_drop_own_reports`);
- passives with the agent after "door" (`_by_agent`, "door X en Y"), and with no agent (`_agentless`, source
  None) when a "dat" clause follows ("wordt ervan beschuldigd dat …") or the verb denies or predicts ("Dit
  verzoek is afgewezen", "Er worden warme zomers verwacht"); "Uit X blijkt dat …" (`from_source`), the source
  inside the cue ("als het aan X ligt", "wat haar betreft": `around`), an infinitive cue after a modal
  ("kan niet zeggen of …"), a modal that closes a subordinate clause ("dat Nederland een belang wilde
  kopen"), reporting nouns with "om … te" or a colon, and verbs with their preposition ("verzet zich
  tegen", "dreigt met");
- beliefs, intentions and reporting nouns with a copula or a light verb ("is van plan", "is ervan overtuigd",
  "maakt zich zorgen over", "uitte kritiek op": lexicon [phrases]); an intention verb last in a relative
  clause ("een beweging die hiervan af wil": `_relative`); reporting nouns without "van X": a name in the
  genitive ("Mays argument dat …") or the subject of the clause ("Hij heeft de indruk dat …":
  `_clause_subject`), and "De kritiek van X is dat …";
- separable verbs last in their clause, the particle written onto the stem ("omdat hij het voorstel afwees":
  every [separable] stem with a [grammar] joined_particles particle is a verb form), and "heeft laten weten";
- indirect questions as what was said ("schrijft hoe …"); the main clause after a subordinate or relative
  one is not content ("Omdat X vindt dat …, grijpt ze in", "De bond, die vindt dat …, dreigt met …");
- fixed expressions are not cues ("Het gesprek vindt plaats": lexicon [fixed]);
- "volgens X" inside a clause makes the clause X's report: the verb's object or middle field is not also a
  statement of the subject ("Ook heeft Slob volgens Brussee de Kamer onjuist geïnformeerd"), though a "dat"
  clause, quote or "te" infinitive still is, without the "volgens X" ("zei hij volgens X niet te stoppen");
  after the finite verb a name ends before "de" and a capital ("Brussee | de Kamer") unless the article
  writes that word as a surname ("De Jonge");
- a source never holds a finite verb: a subject pronoun followed by more words is followed by its verb
  ("Je kunt het oké vinden"), and "je"/"men" with a modal ("Men kan denken dat …") state no one's view;
- impersonal cues ("Aangenomen wordt dat …", "Naar verluidt …", "De verwachting is dat …") with source None;
- stance from the cue (deny, question, predict, else assert), and "niet" right after an asserting verb
  makes a denial ("wil niet dat …"). Hedging ("zou", "naar verluidt", impersonal cues) is the engine's
  (`engine/stance.py`).

What it does not handle: it has no parser, so a source is the noun phrase before the verb or the one right
after it, found by word lists: it can cut a long subject short ("Het instituut voor onderzoek" stops at
"voor") and cannot tell an adverb it does not know from a subject ("Een beetje spannend vindt X het").
Titles and intertitles run into the first sentence (the articles have no line breaks) are read as text.
Not found: passives with no agent that assert ("Tegen de man werd vijf jaar geëist"; "verdacht van X"
was tried and cost precision on held-out articles), subordinate clauses whose verb comes last after a long
middle field, relative clauses with "die" as the object ("opties die ze uitsloot"), quotes attributed only
by the surrounding paragraphs, reporting nouns whose content stands in another sentence ("een waarschuwing
van de NCTV. De docenten zouden …"), idioms not in the lexicon ("kwam tot de slotsom", "op de vingers
getikt"), and first-person sources outside quotes (the writer's own voice, left out on purpose).
Pronouns stay pronouns here: the speakers stage resolves them.
Shared with English through the engine (`engine/frames.py`): quotes that run on (quotes_after, called from
`quote_content`), "Dat meldt X" (previous_sentence) and "volgens X" / "aldus X" (according; the methods
under "what the shared frames ask" say where a Dutch source and clause end). Still its own: where a run-on
may start (`_following_quotes`, `_continuation`, `_join_following_quotes`) and the other frames' source and
content spans, whose Dutch noun phrase and clause grammar has no English counterpart.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from functools import cache

from ...errors import ClaimcheckError
from ...lexicon import load, word_set
from ...records import STANCES, Span, Statement
from ..engine import assemble, frames
from ..engine.doc import QUOTE_MARKS, Doc
from ..engine.found import Found

_END_PUNCT = frozenset(".,;:!?")
_OPEN_PAREN, _CLOSE_PAREN = "(", ")"
_ARTICLES = frozenset(["de", "het", "een", "die", "deze", "dit", "dat"])
# Words that open an indirect question as what was said, like "of": "schrijft hoe …", "vroeg waarom …"
_WH = frozenset(["hoe", "waarom", "hoeveel", "wanneer"])
_ASKING = frozenset(["vraagt", "vroeg", "vroegen", "vragen", "gevraagd", "vraag"])
# Subjects that name no one: with a modal ("men kan denken dat …") they state what anyone may think
_GENERIC = frozenset(["je", "men"])
# Most words of the middle field a phrase cue may hold between its words ("ging na lang overleg uit van").
_MAX_SPREAD = 8
# Most words of a phrase cue after its first ("heeft … op de hoogte gesteld van").
_MAX_PHRASE = 6
# Subject pronouns that can take a plural noun in apposition ("wij artsen vinden")
_PLURAL_PRONOUNS = frozenset(["we", "wij", "ze", "zij"])


@dataclass(frozen=True)
class _Lexicon:
    verbs: dict[str, str]  # finite or participle form -> stance
    separable: dict[str, list[tuple[str, str]]]  # stem form -> [(particle, stance)]
    phrases: dict[str, list[tuple[tuple[str, ...], str]]]  # first word -> [(words, stance)]
    source_phrases: frozenset[tuple[str, ...]]
    nominal: dict[str, str]
    impersonal: dict[str, list[tuple[tuple[str, ...], str]]]
    determiners: frozenset[str]
    pronouns: frozenset[str]
    stop: frozenset[str]  # words that end a noun phrase
    openers: frozenset[str]  # words that open an adjunct, not a subject
    conjunctions: frozenset[str]
    auxiliaries: frozenset[str]
    titles: frozenset[str]
    name_links: frozenset[str]
    bare_adjective_endings: tuple[str, ...]
    adverbs: frozenset[str]
    noun_suffixes: tuple[str, ...]
    np_links: frozenset[str]
    name_particles: frozenset[str]
    object_prepositions: frozenset[str]
    author: frozenset[str]
    leading: frozenset[str]
    according_before: frozenset[str]
    according_after: frozenset[str]
    own_account: tuple[tuple[str, ...], ...]
    from_source: frozenset[str]
    around: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool]]]  # first word -> [(before, after, person)]
    adjective_endings: tuple[str, ...]
    uninflected: frozenset[str]
    needs_complement: frozenset[str]
    manner_only: frozenset[str]
    subordinators: frozenset[str]
    verbish: frozenset[str]
    focus: frozenset[str]
    prepositions: frozenset[str]
    person_pronouns: frozenset[str]
    clause_breaks: frozenset[str]
    not_trailing: frozenset[str]
    passive: frozenset[str]
    perfect: frozenset[str]
    anaphora: frozenset[str]
    participles: frozenset[str]
    finite_forms: frozenset[str]  # forms listed before the last of an entry: "verzocht" is a past tense too
    infinitives: frozenset[str]  # the first form of each reporting verb: "zeggen", "roepen"
    modals: frozenset[str]  # finite verbs before an infinitive cue: "kan … zeggen", "zullen … roepen"
    quantifiers: frozenset[str]
    foreign_name_links: frozenset[str]
    fixed: dict[str, frozenset[str]]  # word that, later in the clause, makes a cue form a fixed expression


@cache
def _lexicon() -> _Lexicon:
    data = load("nl")
    verbs: dict[str, str] = {}
    for stance, entries in data["verbs"].items():
        _check_stance(stance)
        for entry in entries:
            for form in entry.lower().split():
                verbs.setdefault(form, stance)
    separable: dict[str, list[tuple[str, str]]] = {}
    joined = frozenset(data["grammar"]["joined_particles"])
    nouns = {w.lower() for ws in data["nominal"].values() for w in ws}
    for stance, entries in data["separable"].items():
        _check_stance(stance)
        for entry in entries:
            particle, *forms = entry.lower().split()
            for form in forms:
                separable.setdefault(form, []).append((particle, stance))
                if particle in joined and len(form) > 2 and particle + form not in nouns:
                    # verb last the particle is written onto the stem: "die ze eerder uitsloot", "dat hij toegaf"
                    # (not where that is a noun: "het voorstel", "de oproepen")
                    verbs.setdefault(particle + form, stance)
    phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    source_phrases: set[tuple[str, ...]] = set()
    for stance, entries in data["phrases"].items():
        if stance == "source_after":
            source_phrases.update(tuple(e.lower().split()) for e in entries)
            continue
        _check_stance(stance)
        for entry in entries:
            words = tuple(entry.lower().split())
            phrases.setdefault(words[0], []).append((words, stance))
    judging = data.get("judging", {})
    for verb in judging.get("verbs", []):
        for adjective in judging.get("adjectives", []):
            phrases.setdefault(verb.lower(), []).append(((verb.lower(), adjective.lower()), "assert"))
    for entries_list in phrases.values():
        entries_list.sort(key=lambda e: -len(e[0]))
    nominal = {w.lower(): stance for stance, ws in data["nominal"].items() for w in ws}
    impersonal: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for stance, entries in data["impersonal"].items():
        for entry in entries:
            words = tuple(entry.lower().split())
            impersonal.setdefault(words[0], []).append((words, stance))
    grammar = data["grammar"]
    adverbs = frozenset(grammar["adverbs"])
    prepositions = frozenset(grammar["prepositions"])
    conjunctions = frozenset(grammar["conjunctions"])
    auxiliaries = frozenset(grammar["auxiliaries"])
    determiners = frozenset(grammar["determiners"])
    cue_forms = frozenset(verbs) | frozenset(separable)
    according_before = frozenset(w.lower() for w in data["according"]["before"])
    according_after = frozenset(w.lower() for w in data["according"]["after"])
    stop = adverbs | prepositions | conjunctions | auxiliaries | cue_forms | according_before | according_after | {
        "niet"}
    return _Lexicon(
        verbs=verbs,
        separable=separable,
        phrases=phrases,
        source_phrases=frozenset(source_phrases),
        nominal=nominal,
        impersonal=impersonal,
        determiners=determiners,
        pronouns=frozenset(grammar["subject_pronouns"]),
        stop=stop - {"van"},
        openers=(adverbs | prepositions | conjunctions) - {"die", "dat"},
        conjunctions=conjunctions,
        auxiliaries=auxiliaries,
        titles=frozenset(data["titles"]["roles"]),
        name_links=frozenset(grammar["name_links"]),
        bare_adjective_endings=tuple(grammar["bare_adjective_endings"]),
        adverbs=adverbs,
        noun_suffixes=tuple(grammar["adjective_suffixes"]),
        np_links=frozenset(grammar["np_links"]),
        name_particles=frozenset(grammar["name_particles"]),
        object_prepositions=frozenset(grammar["object_prepositions"]),
        author=frozenset(grammar["author"]),
        leading=frozenset(grammar["leading"]),
        according_before=according_before,
        according_after=according_after,
        own_account=tuple(tuple(p.lower().split()) for p in data["according"]["own"]),
        from_source=frozenset(data["according"].get("from_source", [])),
        around=_around(data["according"].get("around", []), data["according"].get("around_person", [])),
        adjective_endings=tuple(data["titles"]["adjective_endings"]),
        uninflected=frozenset(grammar["uninflected_adjectives"]),
        needs_complement=frozenset(grammar["needs_complement"]),
        manner_only=frozenset(grammar["manner_only"]),
        subordinators=conjunctions - {"en", "maar", "want", "of", "dus", "die", "dat", "wat", "welke", "nu", "als"},
        verbish=auxiliaries | frozenset(verbs),
        focus=frozenset(grammar["focus"]),
        prepositions=prepositions,
        person_pronouns=frozenset(["hij", "zij", "ze", "we", "wij", "ik", "jij", "u", "men"]),
        clause_breaks=frozenset(grammar["clause_breaks"]),
        not_trailing=frozenset(grammar["not_trailing"]),
        passive=frozenset(grammar["passive"]),
        perfect=frozenset(grammar["perfect"]),
        anaphora=frozenset(grammar["anaphora"]),
        quantifiers=frozenset(grammar["quantifiers"]),
        foreign_name_links=frozenset(grammar["foreign_name_links"]),
        fixed={w: frozenset(forms.split()) for w, forms in data["fixed"].items()},
        infinitives=frozenset(entry.split()[0].lower() for entries in data["verbs"].values() for entry in entries
                              if entry.split()[0].lower().endswith("en")),
        modals=frozenset(grammar["modals"]),
        finite_forms=frozenset(f for entries in data["verbs"].values() for entry in entries
                               for f in entry.lower().split()[1:-1]),
        participles=frozenset(f for f in verbs if f.startswith(("ge", "aange", "toege", "uitge", "opge", "vastge",
                                                                  "bekendge", "meege", "afge", "voorge"))
                              or f.endswith(("d", "t")) and f in _participle_forms(data)),
    )


def _around(entries: list[str], person: list[str]) -> dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool]]]:
    """"als het aan … ligt" -> {"als": [(("als", "het", "aan"), ("ligt",), False)]}: the words before and after
    the source, and whether the source must be a name or a pronoun."""
    out: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], bool]]] = {}
    for entry, must_be_person in [(e, False) for e in entries] + [(e, True) for e in person]:
        before, _, after = entry.lower().partition("…")
        words = tuple(before.split())
        out.setdefault(words[0], []).append((words, tuple(after.split()), must_be_person))
    return out


def _participle_forms(data: dict[str, object]) -> frozenset[str]:
    """The last form of each verb entry: the participle where the entry lists one."""
    out: set[str] = set()
    verbs = data["verbs"]
    assert isinstance(verbs, dict)
    for entries in verbs.values():
        for entry in entries:
            forms = entry.lower().split()
            if len(forms) > 2:
                out.add(forms[-1])
    return frozenset(out)


def _check_stance(stance: str) -> None:
    if stance not in STANCES:
        raise ClaimcheckError(f"lexicon nl.toml: unknown stance {stance!r} as a key; use one of {', '.join(STANCES)}")


class _Extractor:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.lex = _lexicon()
        self.out: list[Statement] = []
        self.found: list[Found] = []
        self.frame = "speech"  # the frame of the rule at work (engine.found.FRAMES)
        self.sentence = 0
        self.cue_tokens: set[int] = set()
        self._quote_spans = set(self.doc.quotes)
        self.inside = -1  # the quote being read for the statements it reports, -1 outside quotes
        self.in_quotes: set[int] = set()  # ids of the statements found inside a quote
        self._by_cue: list[tuple[int, int]] = []  # see _index
        self._by_piece: list[tuple[int, int, int]] = []
        self._order: dict[int, int] = {}  # id of a statement -> its index in self.out, once indexed
        self._de_surnames: frozenset[str] | None = None  # see _surnames_with_de
        self.relatives = word_set("nl", "pronouns", "relative")  # for the shared frames (engine/frames.py)

    # --- noun phrases ------------------------------------------------------------------------------

    def np_after(self, j: int, end: int, *, linked: bool = False) -> int | None:
        """End (exclusive token index) of the noun phrase starting at token j, or None if none starts there."""
        doc, lex = self.doc, self.lex
        if j >= end:
            return None
        low = doc.low[j]
        if j in doc.opener_of:
            q_end = self._after_quote(doc.opener_of[j], end)
            return self._np_tail(q_end, end)
        if not doc.is_word(j):
            return None
        if low in lex.pronouns and low not in ("dat", "die", "dit", "het"):
            return j + 1
        if low in lex.quantifiers and j + 1 < end and \
                (doc.low[j + 1] in lex.determiners or doc.low[j + 1][0].isdigit()):
            inner = self.np_after(j + 1, end, linked=linked)  # "bijna de helft van de leraren"
            if inner is not None:
                return inner
        if low in ("hem", "hen", "mij", "ons") and not linked:
            return j + 1
        if low in ("haar", "hun") and not linked and (j + 1 >= end or not doc.is_word(j + 1) or
                                                        doc.low[j + 1] in lex.stop):
            return j + 1  # "volgens haar", and as a determiner otherwise: "aldus hun redenatie"
        k = j
        if low in lex.determiners or (low in ("die", "dit", "het") and j + 1 < end and doc.is_word(j + 1)):
            k = j + 1
            if k < end and doc.low[k] == "door":
                skipped = self._skip_door(k, end)
                if skipped is None:
                    return None
                k = skipped
        elif low in lex.stop and (not doc.capitalised(j) or low in lex.openers or low in lex.auxiliaries):
            return None
        if k == j + 1 and low in ("de", "het", "die", "deze") and k + 1 < end and \
                (doc.low[k] in lex.determiners or doc.low[k].isdigit()) and doc.low[k] not in _ARTICLES:
            k += 1  # "de twee organisaties", "de 27 lidstaten"
        if k == j + 1 and k + 1 < end and doc.low[k] == "van" and low in lex.determiners:
            inner = self.np_after(k + 1, end, linked=True)  # "een van hen", "twee van de ministers"
            if inner is not None:
                return inner
        start_body = k
        # Without a determiner a lowercase noun stands alone or before a name: "natuurbeschermers", "premier Rutte"
        bare = k == j and not doc.capitalised(j)
        after_name = False  # the last word was a name, not a capitalised adjective ("Amerikaanse")
        names = 0
        head: str | None = None  # the lowercase noun of the phrase, once seen
        while k < end and doc.is_word(k):
            w = doc.low[k]
            if doc.capitalised(k):
                after_name = not w.endswith(lex.adjective_endings) and not w[:1].isdigit()
                is_title = w.rpartition("-")[2] in lex.titles
                names = (names + 1 if not is_title else names) if after_name else 0
                k += 1
                continue
            if w in lex.name_particles and k > start_body and names <= 1:
                # after a first name only: "Dmitry Lisitsyn van het WWF" names an affiliation
                # "Tamara van Ark", "Frank van den Heuvel": particles inside a name
                m = k
                while m < end and doc.low[m] in lex.name_particles and not doc.capitalised(m):
                    m += 1
                surname = m < end and m - k <= 3 and doc.is_word(m) and doc.capitalised(m)
                # "van Ark" is a surname; "van Sociale Zaken" (more capitals follow) an organisation
                if surname and not (m + 1 < end and doc.is_word(m + 1) and doc.capitalised(m + 1)):
                    k = m
                    continue
            if after_name or w in lex.determiners or w in lex.stop or w in lex.pronouns or w in lex.np_links:
                break
            if bare and k > start_body and not doc.low[k - 1].endswith(lex.bare_adjective_endings):
                # after an adjective ("nieuwe cijfers") the noun still belongs, and a title of a few words
                # before a name: "managing director Thos Gieskes", "hoogleraar gezondheidsrecht Martin Buijsen"
                m = k
                while m < end and m - k < 2 and doc.is_word(m) and not doc.capitalised(m) and \
                        doc.low[m] not in lex.stop and doc.low[m] not in lex.determiners:
                    m += 1
                if m < end and doc.is_word(m) and doc.capitalised(m) and \
                        doc.low[m] not in lex.openers:
                    k = m
                    continue
                break
            if _pronominal_adverb(w):
                break
            if head is not None and head not in lex.uninflected:
                break  # one noun after the adjectives: "de Zweedse wetenschapper | diep verankerd"
            if not w.endswith(lex.bare_adjective_endings) or w.endswith(("ie", "ee")):
                head = w
            k += 1
        if k == start_body:
            if k < end and k in doc.opener_of:
                return self._np_tail(self._after_quote(doc.opener_of[k], end), end)
            return None
        return self._np_tail(k, end, after_name=after_name, full_name=names >= 2 and j == start_body)

    def _np_tail(self, k: int, end: int, *, after_name: bool = False, full_name: bool = False) -> int:
        doc = self.doc
        if k < end and doc.low[k] == _OPEN_PAREN:
            close = k + 1
            while close < end and doc.low[close] != _CLOSE_PAREN and close - k < 12:
                close += 1
            if close < end and doc.low[close] == _CLOSE_PAREN:
                k = close + 1
        if k + 1 < end and doc.low[k] in self.lex.np_links and not full_name:
            nxt = doc.low[k + 1]
            if not after_name or doc.capitalised(k + 1) or nxt in self.lex.determiners or (k + 1) in doc.opener_of:
                inner = self.np_after(k + 1, end, linked=True)
                if inner is not None:
                    return inner
        if after_name and k + 2 < end and doc.low[k] in self.lex.name_links and k > 0 and doc.capitalised(k - 1):
            # "het Centraal Bureau voor de Statistiek", "Forum voor Democratie": a name goes on
            follow = k + 2 if doc.low[k + 1] in self.lex.determiners and k + 2 < end else k + 1
            if doc.is_word(follow) and doc.capitalised(follow):
                inner = self.np_after(follow, end, linked=True)
                if inner is not None:
                    return inner
        if k + 2 < end and doc.low[k] == "en" and (
            doc.capitalised(k + 1) or (doc.low[k + 1] in self.lex.determiners and doc.capitalised(k + 2))
        ):
            inner = self.np_after(k + 1, end, linked=True)
            if inner is not None:
                return inner
        return k

    def _skip_door(self, k: int, end: int) -> int | None:
        """Past "door ... gesteunde" in "de door de VS gesteunde strijdmacht"."""
        for m in range(k + 1, min(end, k + 10)):
            w = self.doc.low[m]
            if w.startswith("ge") and w.endswith(("de", "te", "en")) and len(w) > 5:
                return m + 1
        return None

    def _after_quote(self, q: int, end: int) -> int:
        qe = self.doc.quotes[q][1]
        k = bisect.bisect_left(self.doc.starts, qe)
        if k < end and self.doc.low[k] in QUOTE_MARKS:
            k += 1
        return k

    def subject_before(self, sent_start: int, verb: int) -> tuple[int, int] | None:
        """The subject that stands before the finite verb in its clause (token range), if it looks like one."""
        doc, lex = self.doc, self.lex
        k = verb
        depth = 0
        while k > sent_start:
            w = doc.low[k - 1]
            if w == _CLOSE_PAREN:
                depth += 1
            elif w == _OPEN_PAREN:
                depth -= 1
            elif depth <= 0 and (w in (",", ";", ":", "-", "–") or (k - 1) in doc.closer_of or w in lex.conjunctions):
                break
            k -= 1
        start = k
        if start == sent_start + 1 and start < verb and doc.low[sent_start] in ("dat", "dit", "deze", "die") and \
                doc.capitalised(sent_start) and doc.is_word(start) and not doc.capitalised(start) and \
                doc.low[start] not in lex.stop and self.np_after(start, verb) == verb:
            start = sent_start  # "Dat land vreest ...": a demonstrative, not the conjunction
        if start == verb:
            return self._subject_elsewhere(sent_start, verb)
        if start > sent_start and doc.low[start - 1] in ("en", "of"):
            # "Halsema en Moorman verzochten": a coordinated subject; "Tot frustratie van X en Y meldde Z":
            # an adverbial, so the subject follows the verb.
            left = start - 1
            while left > sent_start and doc.low[left - 1] not in (",", ";", ":") and (left - 1) not in doc.closer_of:
                left -= 1
            part = doc.low[left : start - 1]
            if any((w in lex.auxiliaries and not self._possessive_at(left + x)) or w in lex.verbs
                   for x, w in enumerate(part)):
                pass
            elif doc.low[start] in lex.person_pronouns and not (
                    len(part) == 1 or all(doc.capitalised(m) for m in range(left, start - 1))):
                pass  # "…, een mogelijke participatie en hij heeft benadrukt": a new clause, not "X en hij"
            elif part and (part[0] in lex.openers or _pronominal_adverb(part[0])):
                return None
            elif verb - left <= 16:
                start = left
        while start < verb - 1 and doc.low[start] in lex.focus:
            start += 1
        for m in range(start + 1, verb):
            # A capitalised function word inside the stretch starts a new sentence: an intertitle ran in.
            w = doc.low[m]
            if doc.capitalised(m) and not doc.word(m).isupper() and \
                    (w in lex.openers or w in lex.determiners or w in lex.pronouns):
                start = m
        if verb + 1 < len(doc.low) and doc.low[verb + 1] in lex.person_pronouns and \
                (verb - start == 1 or self.np_after(start, verb) != verb):
            # "Natuurlijk wil ze ...", "Gehuld in roze hekelde hij ...": an adverbial first, the pronoun
            # subject after the verb
            return None
        if verb - start > 14 or self._pronoun_then_verb(start, verb):
            return None
        first = doc.low[start]
        if start in doc.opener_of:
            return None
        if first in lex.openers or (first in lex.auxiliaries and not self._possessive_at(start)) or \
                (first in lex.stop and first not in lex.pronouns and not self._possessive_at(start)):
            return None
        if not doc.is_word(start) or any(_pronominal_adverb(doc.low[m]) for m in range(start, verb)):
            return None
        if any(doc.low[m] in lex.verbish or doc.low[m] == "te" for m in range(start + 1, verb)):
            return None  # "Ik zou universiteiten vragen", "Veel kiezers vonden ... opgeroepen"
        boundary = doc.low[start - 1] if start > sent_start else ""
        subordinate = boundary in lex.conjunctions and boundary not in ("en", "maar", "want", "of", "dus")
        if subordinate and self.np_after(start, verb) != verb:
            return None  # a subordinate clause puts its verb last: only a bare noun phrase is its subject
        end = verb
        while end > start and (doc.low[end - 1] in lex.openers or doc.low[end - 1] in lex.auxiliaries) and \
                not doc.capitalised(end - 1):
            end -= 1
        if end == start:
            return None
        np_end = self.np_after(start, end)
        if np_end is not None and np_end < end and doc.low[np_end] in ("van", ","):
            end = np_end
        return (start, end)

    def _possessive_at(self, m: int) -> bool:
        """"Zijn advocaat", "haar woordvoerder": a possessive, not the verb "zijn" or the object "haar", when
        a plain word follows that is no verb, pronoun or function word."""
        doc, lex = self.doc, self.lex
        if doc.low[m] not in ("zijn", "haar", "hun") or m + 1 >= len(doc.low) or not doc.is_word(m + 1):
            return False
        w = doc.low[m + 1]
        return w not in lex.stop and w not in lex.pronouns and w not in lex.determiners and \
            not self._participle(w) and w not in lex.verbish

    def _pronoun_then_verb(self, start: int, verb: int) -> bool:
        """A subject pronoun with more words before the verb at `verb`: in a main clause the word after the
        pronoun is its finite verb ("Je kunt het oké vinden", "Hij hoort mij roepen"), so the verb at `verb`
        is not finite and the stretch is no subject: a source never holds a finite verb. A plural pronoun may
        take a noun ("Wij artsen vinden"), and "je" is also a possessive ("je stem zegt"): there only a
        known verb form or one in -t counts."""
        doc, lex = self.doc, self.lex
        pronoun, nxt = doc.low[start], start + 1
        if nxt >= verb or (pronoun not in lex.person_pronouns and pronoun not in _GENERIC):
            return False
        w = doc.low[nxt]
        if not doc.is_word(nxt) or doc.capitalised(nxt) or w in lex.adverbs or w in lex.focus or \
                w in lex.determiners or w in lex.conjunctions or w in lex.prepositions or w in lex.np_links or \
                w in lex.pronouns or w in lex.quantifiers:
            return False
        if w in lex.verbish:
            return True
        if pronoun == "je":
            return w.endswith("t")  # "je kunt", not the possessive "je stem"
        return pronoun not in _PLURAL_PRONOUNS or not w.endswith(("en", "s"))

    def _subject_elsewhere(self, sent_start: int, verb: int) -> tuple[int, int] | None:
        """A subject not right before the verb: "X, de burgemeester, zei", "twee mannen, die zeiden",
        "Die verklaarden", "X is tevreden, maar wijst erop"."""
        doc = self.doc
        before = doc.low[verb - 1] if verb > sent_start else ""
        if before in ("-", "–"):
            # "Punt - die al lang op de hoogte is - schrijft": skip the aside between dashes
            m = verb - 2
            while m > sent_start and doc.low[m] != before and verb - m < 20:
                m -= 1
            if m > sent_start and doc.low[m] == before:
                inner = self.subject_before(sent_start, m)
                if inner is not None and inner[1] == m:
                    return inner
            return None
        if before == ",":
            # "Rahm Emanuel, de burgemeester van Chicago, zei": skip an apposition or relative clause.
            m = verb - 2
            while m > sent_start and doc.low[m] != "," and verb - m < 20:
                m -= 1
            if m > sent_start and doc.low[m] == ",":
                inner = self.subject_before(sent_start, m)
                if inner is not None and inner[0] == sent_start:
                    name = range(m + 1, verb - 1)
                    if doc.capitalised(m + 1) and all(doc.capitalised(t) or doc.low[t] in self.lex.name_particles
                                                      for t in name) and \
                            not all(doc.capitalised(t) for t in range(*inner)):
                        return (m + 1, verb - 1)  # "Een van de ministers, Richard Harrington, zei": the name
                    return inner
            elif m == sent_start:
                # "Ministers die voor de brexit zijn, zeggen": a subject with its relative clause
                np_end = self.np_after(sent_start, verb - 1)
                if np_end is not None and np_end < verb - 1 and doc.low[np_end] in ("die", "dat", "wiens", "wier"):
                    return (sent_start, np_end)
            return None
        if before in ("die", "dat") and verb - 2 >= sent_start and doc.low[verb - 2] == ",":
            return self._np_before(sent_start, verb - 2)
        if before in ("die", "deze") and verb - 1 == sent_start:
            return (verb - 1, verb)
        if before in ("en", "maar") and verb - 1 > sent_start and verb - 1 > sent_start + 2:
            np_end = self.np_after(sent_start, verb - 1)
            if np_end is not None and np_end < verb - 1 and (doc.low[np_end] not in _END_PUNCT or
                                                             doc.low[np_end] == ","):
                head = doc.low[sent_start]
                if head not in self.lex.openers:
                    return (sent_start, np_end)
        return None

    def _np_before(self, sent_start: int, end: int) -> tuple[int, int] | None:
        """The noun phrase that ends at token `end` (exclusive): the antecedent of a relative "die"."""
        doc, lex = self.doc, self.lex
        k = end
        while k > sent_start and end - k < 6 and doc.is_word(k - 1):
            w = doc.low[k - 1]
            if w in lex.determiners:
                k -= 1
                break
            if w in lex.stop or w in lex.pronouns:
                break
            k -= 1
        return (k, end) if k < end else None

    # --- content ------------------------------------------------------------------------------------

    def clause_end(self, i: int, sent_end: int) -> int:
        """Last token (exclusive) of the content running from i to the end of the sentence, cut before a
        trailing ", aldus X" or ", zegt X"."""
        doc = self.doc
        k = sent_end
        for m in range(i, sent_end):
            if doc.low[m] in (":", ";") and m > i and not self._quoted(m):
                k = m  # "dat het kort zou duren: een datum na juni is uitgesloten": a clause of the writer's
                break
            if doc.low[m] != "," or self._quoted(m) or m + 1 >= sent_end:
                continue
            if self._trailing_cue(m + 1, sent_end) or doc.low[m + 1] in self.lex.clause_breaks:
                k = m
                break
        while k > i and (doc.low[k - 1] in _END_PUNCT):
            k -= 1
        return k

    def _trailing_cue(self, m: int, sent_end: int) -> bool:
        doc, lex = self.doc, self.lex
        if self._quoted(m):
            return False
        w = doc.low[m]
        if w == "zo" and m + 1 < sent_end:
            m += 1
            w = doc.low[m]
        if w in lex.according_after or w in lex.according_before:
            return True
        if w in lex.verbs or w in lex.separable:
            np_end = self.np_after(m + 1, sent_end)
            return np_end is not None
        return False

    def quote_content(self, q: int, sent_end: int) -> tuple[list[tuple[int, int]], int]:
        """The pieces of a quoted content: the quote, then quotes that follow directly (the speaker goes
        on), stopping at a quote that has its own cue. Returns the pieces and the quote index last used."""
        doc = self.doc
        n = len(doc.spans)
        more = frames.quotes_after(doc, doc.quotes[q][1], lambda nxt: self._cue_after_quote(
            self._after_quote(nxt, n)) or self._quote_has_cue_inside(nxt))
        return [doc.quotes[q], *more], q + len(more)

    def _cue_after_quote(self, k: int) -> bool:
        doc, lex = self.doc, self.lex
        n = len(doc.spans)
        if k < n and doc.low[k] == ",":
            k += 1
        if k >= n:
            return False
        w = doc.low[k]
        return w in lex.verbs or w in lex.separable or w in lex.according_after or w == "zo" or \
            any(tuple(doc.low[k : k + len(words)]) == words for words, _ in lex.phrases.get(w, ())) or \
            self._other_verb_after_quote(k)

    def _other_verb_after_quote(self, k: int) -> bool:
        """"'Deutschland, Deutschland', zong Lindemann": a verb that is no cue, then its subject, closes the
        quote: the writer says whose words they are and that they were no statement (a song, a citation)."""
        doc, lex = self.doc, self.lex
        n = len(doc.spans)
        if k + 1 >= n or k == 0 or doc.low[k - 1] != "," or not doc.is_word(k) or doc.capitalised(k):
            return False
        w = doc.low[k]
        if w in lex.stop or w in lex.determiners or w in lex.pronouns or w in lex.nominal or w == "van":
            return False
        return doc.is_word(k + 1) and doc.capitalised(k + 1) and doc.low[k + 1] not in lex.openers

    def _quote_has_cue_inside(self, q: int) -> bool:
        qs, qe = self.doc.quotes[q]
        by_cue = self._index()[0]
        k = bisect.bisect_left(by_cue, (qs, -1))
        while k < len(by_cue) and by_cue[k][0] < qe:
            if id(self.out[by_cue[k][1]]) not in self.in_quotes:
                return True
            k += 1
        return False

    def _index(self) -> tuple[list[tuple[int, int]], list[tuple[int, int, int]]]:
        """The statements found so far by cue start and by content piece, (position, index in self.out): a
        question about one quote looks at the statements near it only."""
        by_cue, by_piece = self._by_cue, self._by_piece
        for order in range(len(by_cue), len(self.out)):
            s = self.out[order]
            self._order[id(s)] = order
            bisect.insort(by_cue, (s.cue.start, order))
            for p0, p1 in s.content.pieces():
                bisect.insort(by_piece, (p0, p1, order))
        return by_cue, by_piece

    def _extend_content(self, statement: Statement, pieces: list[tuple[int, int]]) -> None:
        """The quotes that go on with a statement join its content (the pieces it had stay pieces)."""
        statement.content = Span.joined(self.doc.text, list(statement.content.pieces()) + pieces)
        order = self._order.get(id(statement))
        if order is not None:  # else the index reads the whole content when it takes the statement in
            for p0, p1 in pieces:
                if p1 > p0:
                    bisect.insort(self._by_piece, (p0, p1, order))

    # --- building -----------------------------------------------------------------------------------

    def add(self, cue: list[tuple[int, int]], content: list[tuple[int, int]], source: tuple[int, int] | None,
            stance: str, *, impersonal: bool = False, quoted: bool = False) -> None:
        doc = self.doc
        text = doc.text
        content = [(s, e) for s, e in content if e > s]
        if not content:
            return
        cue_chars = [(doc.spans[a][0], doc.spans[b - 1][1]) for a, b in cue]
        content_chars = [assemble.trim(text, s, e) for s, e in content]
        content_chars = [p for p in content_chars if p[1] > p[0]]
        if content_chars and not quoted:
            # Like "dat", a leading "om" ("verzocht om op te stappen") or conjunction is not content.
            first_start, first_end = content_chars[0]
            first = bisect.bisect_left(doc.starts, first_start)
            if stance == "assert" and self._asks(first, cue):
                stance = "question"
            if first + 1 < len(doc.spans) and doc.low[first] in self.lex.leading and \
                    doc.spans[first + 1][0] < first_end:
                content_chars[0] = (doc.spans[first + 1][0], first_end)
        if not content_chars:
            return
        source_span = None
        if source is not None:
            a, b = source
            if b - a == 1 and doc.low[a] in self.lex.author:
                return  # the writer's own voice ("Ik denk dat ..."), not an attribution
            if self._imperative(cue, source):
                return  # "…, zeg dan paf": a command, no one's statement
            source_span = Span.of(text, doc.spans[a][0], doc.spans[b - 1][1])
        for a, b in cue:
            self.cue_tokens.update(range(a, b))
        statement = Statement(
            cue=Span.joined(text, cue_chars),
            content=Span.joined(text, content_chars),
            source=source_span,
            stance=stance,
        )
        self.out.append(statement)
        self.found.append(Found(statement, "impersonal" if impersonal else self.frame, self.sentence, cue[0][0],
                                doc.low[cue[0][0]]))

    def _imperative(self, cue: list[tuple[int, int]], source: tuple[int, int]) -> bool:
        """A cue verb in its bare stem ("zeg", "vraag": "zegt" is a form too) is a command, or the first person
        with "ik": a source other than "ik" or "je" after it is no speaker ("Als ..., zeg dan paf")."""
        doc, lex = self.doc, self.lex
        (a, b), first = cue[0], cue[0][0]
        if b - a != 1 or source[1] - source[0] != 1:
            return False
        word = doc.low[first]
        return (word in lex.verbs and word + "t" in lex.verbs and word not in lex.auxiliaries
                and doc.low[source[0]] not in ("ik", "je", "jij", "u", "wij", "we"))

    def _asks(self, first: int, cue: list[tuple[int, int]]) -> bool:
        """What opens with "of" asks rather than says ("werd gevraagd of ...", "wil weten of ..."), and so
        does what an asking verb opens with a question word ("vroeg waarom ...")."""
        low = self.doc.low
        opener = low[first] if first < len(low) and low[first] in _WH | {"of"} else low[first - 1] if first else ""
        return opener == "of" or (opener in _WH and any(low[i] in _ASKING for a, b in cue for i in range(a, b)))

    def tok_range(self, a: int, b: int) -> tuple[int, int]:
        return (self.doc.spans[a][0], self.doc.spans[b - 1][1])

    # --- rules --------------------------------------------------------------------------------------

    def run(self) -> list[Statement]:
        doc = self.doc
        for number, (a, b) in enumerate(doc.sentences):
            i = a
            while i < b:
                if i not in self.cue_tokens:
                    if doc.quote_of[i] < 0:
                        self.at(i, a, b, number)
                    else:
                        self.in_quote(i, a, b, number)
                i += 1
        self._join_following_quotes()
        self._cueless_quotes()
        self._drop_own_reports()
        return self.out

    def _cueless_quotes(self) -> None:
        """"De oud-speler waakt voor vergelijkingen. ,,Iedereen doet het op zijn eigen manier.''": a quote
        that makes up a sentence of its own, with no cue and no statement that holds it, is the subject of the
        sentence before speaking (the gold's cue-null attributions). The opening mark stands in for the cue.

        Per article, not per quote: the contents held, the cues and the statements of each sentence are
        indexed once, so a 9 MB article is read in n log n."""
        doc, lex = self.doc, self.lex
        n = len(doc.spans)
        held = _Coverage([p for s in self.out for p in s.content.pieces()], [qs for qs, _ in doc.quotes])
        cues = sorted(s.cue.start for s in self.out)
        speakers = [s for s in self.out if s.source is not None and id(s) not in self.in_quotes]
        # the statements whose cue lies in each sentence, in the order found
        filled = [k for k, (a, b) in enumerate(doc.sentences) if a < b]
        filled_starts = [doc.spans[doc.sentences[k][0]][0] for k in filled]
        by_sentence: dict[int, list[Statement]] = {}

        def file_under_sentence(s: Statement) -> None:
            at = bisect.bisect_right(filled_starts, s.cue.start) - 1
            if at >= 0:
                a, b = doc.sentences[filled[at]]
                if doc.spans[a][0] <= s.cue.start < doc.spans[b - 1][1]:
                    by_sentence.setdefault(filled[at], []).append(s)

        for s in speakers:
            file_under_sentence(s)
        # the last named speaker before a position: named speakers by cue, with the latest found of each prefix
        named = sorted((s.cue.start, order) for order, s in enumerate(speakers) if s.source is not None and
                       _named(s.source.text, lex))
        named_starts = [c for c, _ in named]
        latest: list[int] = []
        for _, order in named:
            latest.append(max(order, latest[-1]) if latest else order)
        added: list[Statement] = []  # statements found here, after all of `speakers`

        def add(cue: list[tuple[int, int]], pieces: list[tuple[int, int]], source: tuple[int, int]) -> None:
            count = len(self.out)
            self.add(cue, pieces, source, "assert", quoted=True)
            for s in self.out[count:]:
                file_under_sentence(s)
                added.append(s)

        for opener, q in sorted(doc.opener_of.items()):
            qs, qe = doc.quotes[q]
            number = doc.sentence_of[opener]
            if doc.sentences[number][0] != opener or number == 0 or \
                    bisect.bisect_left(doc.starts, qe) - opener < 6:
                continue
            c = bisect.bisect_left(cues, qs)
            if held.overlaps(qs, qe) or (c < len(cues) and cues[c] < qe) or \
                    self._cue_after_quote(self._after_quote(q, n)):
                continue
            pa, pb = doc.sentences[number - 1]
            before = by_sentence.get(number - 1)
            if before:
                # "…, zegt X van de bond. ,,…''": the speaker of the sentence before goes on
                pieces, _ = self.quote_content(q, n)
                self._extend_content(self._quote_speaker(before[-1], by_sentence, number), pieces)
                held.extend(pieces)
                continue
            if doc.low[pb - 1] == "?" and pa not in doc.opener_of:
                # an interview: the quote after a question answers it; the speaker is the one last named
                last = next((s for s in reversed(added) if s.cue.start < qs and s.source is not None and
                             _named(s.source.text, lex)), None)
                if last is None:
                    k = bisect.bisect_left(named_starts, qs)
                    last = speakers[latest[k - 1]] if k else None
                if last is not None:
                    src = last.source
                    assert src is not None
                    pieces, _ = self.quote_content(q, n)
                    self.frame = "colon"
                    self.sentence = number
                    source = self._nearest_mention(doc.token_at(src.start), doc.token_at(src.end), opener)
                    add([(opener, opener + 1)], pieces, source)
                    held.extend(pieces)
                continue
            if pa in doc.opener_of:
                continue
            if doc.low[pa] in lex.openers or _pronominal_adverb(doc.low[pa]):
                inverted = self._inverted_named_subject(pa, pb)
                if inverted is None:
                    # "… schrijven Hoekstra en Van Nieuwenhuizen. Later ging het contact door. Toen bleek …
                    # ,,Dit pakket is niet aangeboden.''": the writer retells a letter between its quotes
                    for k in (number - 2, number - 3, number - 4):
                        earlier = [s for s in by_sentence.get(k, []) if s.source is not None and
                                   _named(s.source.text, lex)]
                        if earlier:
                            src = earlier[-1].source
                            assert src is not None
                            inverted = (doc.token_at(src.start), doc.token_at(src.end))
                            break
                        if by_sentence.get(k):
                            break
                if inverted is not None:
                    pieces, _ = self.quote_content(q, n)
                    self.frame = "colon"
                    self.sentence = number
                    add([(opener, opener + 1)], pieces, inverted)
                    held.extend(pieces)
                continue
            np_end = self.np_after(pa, pb)
            if np_end is None or np_end >= pb or doc.low[pa] in lex.author or not doc.is_word(np_end) or \
                    doc.capitalised(np_end) or (doc.low[np_end] not in lex.verbish and (
                        doc.low[np_end] in lex.stop or doc.low[np_end] in lex.determiners)):
                continue
            pieces, _ = self.quote_content(q, n)
            self.frame = "colon"
            self.sentence = number
            add([(opener, opener + 1)], pieces, (pa, np_end))
            held.extend(pieces)

    def _inverted_named_subject(self, a: int, b: int) -> tuple[int, int] | None:
        """"Nadat de zaak was afgesloten, deed advocaat Robert Klaassen hem nog eens over.": after a
        subordinate clause and its comma the finite verb comes first, then the subject; a subject that holds
        a name, or None."""
        doc, lex = self.doc, self.lex
        comma = next((m for m in range(a, b) if doc.low[m] == ","), None)
        if comma is None or comma + 2 >= b:
            return None
        verb = comma + 1
        w = doc.low[verb]
        if not doc.is_word(verb) or doc.capitalised(verb) or w in lex.conjunctions or w in lex.prepositions or \
                w in lex.determiners or w in lex.pronouns or w in lex.adverbs or verb in doc.opener_of:
            return None
        np_end = self.np_after(verb + 1, b)
        if np_end is None or not any(doc.capitalised(t) for t in range(verb + 1, np_end)) or \
                doc.low[verb + 1] in lex.pronouns:
            return None
        return (verb + 1, np_end)

    def _quote_speaker(self, last: Statement, by_sentence: dict[int, list[Statement]], number: int) -> Statement:
        """Whose words a quote after sentence `number - 1` goes on with: the statement of that sentence, unless
        its source is a plural "ze" ("Druijf merkt dat de trainers feller coachen. Ze eisen meer. ,,Dat is
        goed.''": the trainers do not speak the quote), then the named speaker of the two sentences before."""
        if not self._plural_source(last):
            return last
        for k in (number - 2, number - 3):
            for s in reversed(by_sentence.get(k, [])):
                if s.source is not None and _named(s.source.text, self.lex):
                    return s
        return last

    def _plural_pronoun(self, source: tuple[int, int] | None, cue: list[tuple[int, int]]) -> bool:
        """A source "ze"/"zij" with a plural verb ("Ze eisen meer"): a group, which does not speak as one."""
        doc = self.doc
        return source is not None and source[1] - source[0] == 1 and doc.low[source[0]] in ("ze", "zij") and \
            doc.low[cue[0][0]].endswith("en")

    @staticmethod
    def _plural_source(statement: Statement) -> bool:
        return statement.source is not None and statement.source.text.lower() in ("ze", "zij") and \
            statement.cue.words.split()[0].lower().endswith("en")

    def _nearest_mention(self, start: int, end: int, before: int) -> tuple[int, int]:
        """The last mention before token `before` of the name that ends the source start..end: the gold takes
        the nearest mention of a speaker ("socioloog Leonie van Breeschoten …. Van Breeschoten deed …")."""
        doc, lex = self.doc, self.lex
        surname = doc.word(end - 1)
        particles = {doc.low[t] for t in range(start, end - 1) if doc.low[t] in lex.name_particles}
        for m in range(before - 1, end - 1, -1):
            if doc.word(m) != surname:
                continue
            k = m
            while k > 0 and m - k < 3 and doc.is_word(k - 1) and (
                    doc.low[k - 1] in particles or (doc.capitalised(k - 1) and doc.low[k - 1] not in lex.stop and
                                                     doc.low[k - 1] not in lex.determiners)):
                k -= 1
            while k < m and doc.low[k] in lex.name_particles and not doc.capitalised(k):
                k += 1
            return (k, m + 1)
        return (start, end)

    def _drop_own_reports(self) -> None:
        """",,De SDF melden de overwinning'', zegt SDF-woordvoerder Bali": a speaker quoting what their own
        organisation or they themselves say is one attribution, not two. One sweep over the cues of the inner
        statements and the content pieces of the outer ones, both by position."""
        if not self.in_quotes:
            return
        pieces = sorted((a, b, order) for order, o in enumerate(self.out)
                        if id(o) not in self.in_quotes and o.source is not None for a, b in o.content.pieces())
        inner = sorted(((s.cue.start, order) for order, s in enumerate(self.out)
                        if id(s) in self.in_quotes and s.source is not None))
        names: dict[int, set[str]] = {}

        def names_of(order: int) -> set[str]:
            if order not in names:
                source = self.out[order].source
                assert source is not None
                names[order] = self._names(source.text)
            return names[order]

        open_pieces: list[tuple[int, int]] = []  # (end, outer) of the pieces begun, heap by end
        drop: set[int] = set()
        k = 0
        for cue, order in inner:
            while k < len(pieces) and pieces[k][0] <= cue:
                heapq.heappush(open_pieces, (pieces[k][1], pieces[k][2]))
                k += 1
            while open_pieces and open_pieces[0][0] <= cue:
                heapq.heappop(open_pieces)
            if any(names_of(order) & names_of(outer) for _, outer in open_pieces):
                drop.add(id(self.out[order]))
        if drop:
            self.out = [s for s in self.out if id(s) not in drop]
            self._by_cue, self._by_piece, self._order = [], [], {}
            self.found = [f for f in self.found if id(f.statement) not in drop]

    def _names(self, text: str) -> set[str]:
        """The capitalised words of a source ("SDF-woordvoerder Mustefa Bali": SDF, Mustefa, Bali)."""
        return {w for w in re.findall(r"\w+", text) if w[0].isupper() and w.lower() not in self.lex.determiners}

    def _quoted(self, m: int) -> bool:
        """Token m lies in a quote other than the one being read."""
        q = self.doc.quote_of[m]
        return q >= 0 and q != self.inside

    def in_quote(self, i: int, a: int, b: int, number: int) -> None:
        """A speaker who reports what someone else said, thinks or wants (",,Hij heeft benadrukt dat …''"):
        the verb frames inside a quote, with the quote as the bounds of their clause."""
        doc, lex = self.doc, self.lex
        w = doc.low[i]
        if (w not in lex.verbs and w not in lex.separable and w not in lex.phrases) or w in lex.nominal:
            return  # a form that is also a reporting noun ("vreemde berichten") is read as the noun
        q = doc.quote_of[i]
        qs, qe = doc.quotes[q]
        qa = max(a, bisect.bisect_left(doc.starts, qs))
        qb = min(b, bisect.bisect_left(doc.starts, qe))
        found = len(self.out)
        self.inside = q
        try:
            self.at(i, qa, qb, number)
        finally:
            self.inside = -1
        self.in_quotes.update(id(s) for s in self.out[found:])

    def _join_following_quotes(self) -> None:
        """"Volgens X is het de laatste kans. ,,Het is een zware kluif.''": a statement that closes its
        sentence, followed by a quote that opens the next one with no cue and no speaker of its own: the
        speaker goes on, and the quote joins the content."""
        doc = self.doc
        text, n = doc.text, len(doc.spans)
        taken: set[int] = set()
        for statement in self.out:
            taken.update(s for s, _ in statement.content.pieces())
        for statement in list(self.out):
            end = max(statement.content.end, statement.cue.end, statement.source.end if statement.source else 0)
            k = bisect.bisect_left(doc.starts, end)
            while k < n and (doc.low[k] in _END_PUNCT or k in doc.closer_of) and k not in doc.opener_of:
                k += 1
            if k >= n or k not in doc.opener_of:
                continue
            gap = text[end : doc.spans[k][0]]
            if not any(c in gap for c in ".!?") or any(c.isalnum() for c in gap):
                continue
            q = doc.opener_of[k]
            if doc.quotes[q][0] in taken or self._cue_after_quote(self._after_quote(q, n)) or \
                    self._quote_has_cue_inside(q) or self._plural_source(statement):
                continue  # a plural "ze" does not speak as one: `_cueless_quotes` finds the speaker
            pieces, _ = self.quote_content(q, n)
            taken.update(s for s, _ in pieces)
            self._extend_content(statement, pieces)

    def at(self, i: int, a: int, b: int, number: int) -> None:
        doc, lex = self.doc, self.lex
        w = doc.low[i]
        self.sentence = number
        if w == ":":
            self.frame = "colon"
            self.colon_quote(i, a)
            return
        self.frame = "impersonal"
        if w in lex.impersonal and self.impersonal(i, a, b):
            return
        self.frame = "according"
        if w in lex.according_before:
            self.according_before(i, a, b)
            return
        for phrase in lex.own_account:
            if tuple(doc.low[i : i + len(phrase)]) == phrase:
                self.own_account(i, a, b, len(phrase))
                return
        if w in lex.according_after:
            self.according_after(i, a, b)
            return
        if w in lex.around and self.around(i, a, b):
            return
        if w in lex.from_source and i > a + 1 and doc.low[a] == "uit" and self.from_source(i, a, b):
            return
        self.frame = "nominal"
        if w in lex.nominal and i + 1 < b and doc.low[i + 1] == "van":
            self.nominal(i, a, b)
            return
        self.frame = "speech"
        if w in lex.phrases and self.phrase(i, a, b, number):
            return
        if w in lex.separable and self.separable(i, a, b, number):
            return
        if w in lex.verbs:
            self.verb(i, a, b, number, [(i, i + 1)], lex.verbs[w])
            return
        self.frame = "nominal"
        if w in lex.nominal:
            self.nominal(i, a, b)

    def colon_quote(self, i: int, a: int) -> None:
        """"De Groot: ,,We zitten er bovenop.''" and the answers of an interview: a name, a colon and a
        quote, with no cue word. The colon stands in for the cue."""
        doc, lex = self.doc, self.lex
        n = len(doc.spans)
        if i == a or i - a > 8 or i + 1 >= n or i + 1 not in doc.opener_of or doc.low[a] in lex.openers:
            return
        if self.np_after(a, i) != i:
            return
        q = doc.opener_of[i + 1]
        if self._cue_after_quote(self._after_quote(q, n)):
            return
        pieces, _ = self.quote_content(q, n)
        self.add([(i, i + 1)], pieces, (a, i), "assert", quoted=True)

    def impersonal(self, i: int, a: int, b: int) -> bool:
        doc, lex = self.doc, self.lex
        for words, stance in lex.impersonal[doc.low[i]]:
            n = len(words)
            if tuple(doc.low[i : i + n]) != words or i + n > b:
                continue
            k = i + n
            if k < b and doc.low[k] == ",":
                k += 1
            if k < b and doc.low[k] in ("dat", "of"):
                k += 1
            end = self.clause_end(k, b)
            if end <= k:
                continue
            pieces = [self.tok_range(k, end)]
            if i > a and doc.low[k - 1] not in ("dat", "of"):
                # "Er zijn naar verluidt nog groepjes": the cue sits inside its content.
                before_end = i
                while before_end > a and doc.low[before_end - 1] == ",":
                    before_end -= 1
                if before_end > a:
                    pieces.insert(0, self.tok_range(a, before_end))
            elif i > a and doc.low[i - 1] not in (",", ":"):
                continue
            self.add([(i, i + n)], pieces, None, stance, impersonal=True)
            return True
        return False

    def according_before(self, i: int, a: int, b: int) -> None:
        reading = frames.according(self, (i, i + 1), (a, b))
        if reading is not None:
            self.add([reading.cue], reading.content, reading.source, "assert")

    # --- what the shared frames ask (engine/frames.py Around) ---------------------------------------------

    def low(self, k: int) -> str:
        return self.doc.low[k]

    def is_word(self, k: int) -> bool:
        return self.doc.is_word(k)

    def source_after(self, cue: tuple[int, int], sentence: tuple[int, int]) -> int | None:
        """The noun phrase after "volgens"/"aldus". Before its clause ("Volgens analytici zingt X") a bare
        plural is one word: the finite verb comes next; in the middle field a name followed by a new noun
        phrase ends at the name ("heeft Slob volgens Brussee de Kamer onjuist geïnformeerd")."""
        doc, lex = self.doc, self.lex
        (i, j), (a, b) = cue, sentence
        np_end = self.np_after(j, b)
        if np_end is None or doc.low[i] in lex.according_after:
            return np_end
        first = doc.low[j]
        if np_end > j + 1 and not doc.capitalised(j) and first not in lex.determiners and \
                first.rpartition("-")[2] not in lex.titles and not doc.capitalised(j + 1):
            return j + 1
        if self._name_then_object(j, np_end) and self._in_middle_field(i, a):
            return j + 1
        return np_end

    def past_source(self, end: int, b: int) -> int:
        """Past the comma after the source, and past an apposition closed by a comma ("Volgens X, voorzitter
        van Y, laat …": the apposition is not content)."""
        k = end
        if k < b and self.doc.low[k] == ",":
            k += 1
            apposition = self.np_after(k, b)
            if apposition is not None and apposition + 1 < b and self.doc.low[apposition] == ",":
                k = apposition + 1
        return k

    def before(self, i: int, a: int, trailing: bool) -> list[tuple[int, int]]:
        """What a trailing cue closes (`content_before`: a quote, or the sentence up to the comma), else the
        clause before the phrase, back to a comma or a subordinating word."""
        if trailing:
            return self.content_before(i, a)
        doc = self.doc
        end = i
        while end > a and doc.low[end - 1] in _END_PUNCT:
            end -= 1
        start = end
        while start > a and doc.low[start - 1] not in (",", ";", ":") and \
                doc.low[start - 1] not in self.lex.subordinators:
            start -= 1
        return [self.tok_range(start, end)] if end > start else []

    def after(self, k: int, b: int) -> list[tuple[int, int]]:
        end = self.clause_end(k, b)
        return [self.tok_range(k, end)] if end > k else []

    def _name_then_object(self, j: int, np_end: int) -> bool:
        """The phrase j..np_end is one capitalised word, "de" and a capitalised word ("Brussee de Kamer"),
        and the article never writes that "de" word as a surname of its own ("De Jonge" in the middle of a
        sentence): a name followed by a new noun phrase rather than a first name and its surname ("Hugo de
        Jonge"), which the words alone cannot tell apart."""
        doc, lex = self.doc, self.lex
        if np_end < j + 3 or not doc.capitalised(j) or doc.low[j] in lex.name_particles or \
                doc.low[j + 1] != "de" or doc.capitalised(j + 1) or not doc.capitalised(j + 2):
            return False
        return doc.low[j + 2] not in self._surnames_with_de()

    def _surnames_with_de(self) -> frozenset[str]:
        """Words the article writes after a capitalised "De" inside a sentence: surnames ("zei De Jonge")."""
        if self._de_surnames is None:
            doc = self.doc
            starts = {a for a, _ in doc.sentences}
            self._de_surnames = frozenset(
                doc.low[m + 1] for m, w in enumerate(doc.low[:-1])
                if w == "de" and m > 0 and m not in starts and doc.word(m) == "De" and doc.capitalised(m + 1) and
                doc.low[m - 1] not in _END_PUNCT and m - 1 not in doc.opener_of and m - 1 not in doc.closer_of)
        return self._de_surnames

    def _in_middle_field(self, i: int, a: int) -> bool:
        """Token i stands after the finite verb or the subordinating word of its clause ("Ook heeft Slob
        volgens …", "omdat Slob volgens …"), where a noun phrase is followed by more of the clause; at the
        head of a clause ("Volgens Ron de Groot is …") the finite verb closes the phrase."""
        doc, lex = self.doc, self.lex
        for m in range(i - 1, a - 1, -1):
            w = doc.low[m]
            if w in (",", ";", ":") or self._quoted(m) or m in doc.closer_of:
                return False
            if doc.is_word(m) and (w in lex.subordinators or w == "dat" or
                                   (w in lex.verbish and (m == a or not doc.capitalised(m)))):
                return True
        return False

    def from_source(self, i: int, a: int, b: int) -> bool:
        """"Uit onderzoek van het bureau bleek dat …": the source between "uit" and the verb."""
        doc = self.doc
        np_end = self.np_after(a + 1, i)
        if np_end != i:
            return False
        k = i + 1
        while k < b and (doc.low[k] in self.lex.adverbs or doc.low[k] == "dus"):
            k += 1
        if k < b and doc.low[k] in ("dat", ":"):
            k += 1
        else:
            return False  # "Uit het raam bleek niets": a "dat" clause makes it a report
        end = self.clause_end(k, b)
        if end <= k:
            return False
        self.frame = "according"
        self.add([(i, i + 1)], [self.tok_range(k, end)], (a + 1, np_end), "assert")
        return True

    def around(self, i: int, a: int, b: int) -> bool:
        """"Als het aan May ligt, komt er geen uitstel" / "een datum na juni is wat haar betreft uitgesloten":
        the source inside the cue; the content is the main clause after it, or around it."""
        doc = self.doc
        for before, after, person in self.lex.around[doc.low[i]]:
            k = i + len(before)
            if tuple(doc.low[i:k]) != before:
                continue
            np_end = self.np_after(k, b)
            if tuple(doc.low[k + 1 : k + 1 + len(after)]) == after and doc.is_word(k):
                np_end = k + 1  # "wat haar betreft": a pronoun, not a determiner
            if np_end is None or tuple(doc.low[np_end : np_end + len(after)]) != after:
                continue
            if person and not (np_end == k + 1 and doc.low[k] in ("haar", "hem", "hen", "hun", "ons")) and \
                    not doc.capitalised(np_end - 1):
                continue
            rest = np_end + len(after)
            pieces = []
            if i > a and doc.low[i - 1] not in _END_PUNCT and \
                    any(doc.low[m] not in self.lex.openers for m in range(a, i)):
                start = i
                while start > a and doc.low[start - 1] not in (",", ";", ":") and not self._quoted(start - 1):
                    start -= 1
                pieces.append(self.tok_range(start, i))  # "… is wat haar betreft uitgesloten"
            if rest < b and doc.low[rest] == ",":
                rest += 1
            end = self.clause_end(rest, b)
            if end > rest:
                pieces.append(self.tok_range(rest, end))
            if not pieces:
                continue
            self.add([(i, k), (np_end, np_end + len(after))], pieces, (k, np_end), "assert")
            return True
        return False

    def own_account(self, i: int, a: int, b: int, n: int) -> None:
        """"Linda en Leo troffen haar naar eigen zeggen later aan": the subject is the source, the rest of
        the sentence around the n-word cue the content."""
        doc = self.doc
        if i == a:
            return
        np_end = self.np_after(a, i)
        if np_end is None or doc.low[a] in self.lex.openers or doc.low[i - 1] == ",":
            return
        pieces = []
        if np_end < i:
            pieces.append(self.tok_range(np_end, i))
        end = self.clause_end(i + n, b)
        if end > i + n:
            pieces.append(self.tok_range(i + n, end))
        self.add([(i, i + n)], pieces, (a, np_end), "assert")

    def according_after(self, i: int, a: int, b: int) -> None:
        reading = frames.according(self, (i, i + 1), (a, b), trailing=True)
        if reading is not None:
            self.add([reading.cue], reading.content, reading.source, "assert", quoted=self._is_quote(reading.content))

    def _is_quote(self, pieces: list[tuple[int, int]]) -> bool:
        return any(p in self._quote_spans for p in pieces)

    def content_before(self, i: int, a: int) -> list[tuple[int, int]]:
        """Content that ends right before a trailing cue at token i: the quote just before it, or the
        sentence up to the comma."""
        doc = self.doc
        k = i
        while k > a and doc.low[k - 1] in (",", "zo"):
            k -= 1
        if k - 1 >= 0 and (k - 1) in doc.closer_of:
            q = doc.closer_of[k - 1]
            opener = bisect.bisect_left(doc.starts, doc.quotes[q][0]) - 1
            if a < opener < k and doc.is_word(opener - 1) and not self._quoted(opener - 1) and \
                    doc.sentence_of[opener] == doc.sentence_of[k - 1]:
                return [self.tok_range(a, k)]  # "Toen … was Punt 'not amused', zegt X": a quote inside the clause
            first = self.quote_start_piece(q)
            return first
        if k > 0 and doc.quote_of[k - 1] >= 0 and doc.low[k - 1] == ",":
            return [doc.quotes[doc.quote_of[k - 1]]]
        if k > 0 and doc.quote_of[k - 1] >= 0:
            q = doc.quote_of[k - 1]
            return [doc.quotes[q]]
        if k <= a:
            return []
        return [self.tok_range(a, k)]

    def quote_start_piece(self, q: int) -> list[tuple[int, int]]:
        """A quote, with the quotes right before it that the same speaker began (",,A. B'', zegt X")."""
        doc = self.doc
        pieces = [doc.quotes[q]]
        while q > 0:
            prev_end = self._after_quote(q - 1, len(doc.spans))
            opener = bisect.bisect_left(doc.starts, doc.quotes[q][0]) - 1
            if prev_end != opener or self._quote_attributed(q - 1):
                break
            # Only join when the previous quote is a whole sentence of its own.
            if doc.low[prev_end - 2] not in (".", "!", "?") if prev_end >= 2 else True:
                break
            q -= 1
            pieces.insert(0, doc.quotes[q])
        return pieces

    def _quote_attributed(self, q: int) -> bool:
        qs, qe = self.doc.quotes[q]
        by_piece = self._index()[1]
        k = bisect.bisect_left(by_piece, (qs, -1, -1))
        while k < len(by_piece) and by_piece[k][0] <= qe + 1:
            p0, p1, order = by_piece[k]
            if p1 <= qe + 1 and id(self.out[order]) not in self.in_quotes:
                return True
            k += 1
        return False

    def phrase(self, i: int, a: int, b: int, number: int) -> bool:
        doc, lex = self.doc, self.lex
        window = doc.low[i + 1 : min(b, i + 1 + _MAX_PHRASE + _MAX_SPREAD)]  # where a spread phrase can lie
        for words, stance in lex.phrases[doc.low[i]]:
            n = len(words)
            if tuple(doc.low[i : i + n]) != words:
                if words[-1] not in window or words[1] not in window:
                    continue
                spread = self._spread_phrase(i, b, words)
                if spread is not None and words[-1] != "uit":
                    if words[-1] in lex.prepositions or spread[-1][1] - spread[-1][0] > 1 or \
                            words[-1] in lex.nominal or any(w in lex.determiners for w in words):
                        self.verb(i, a, b, number, spread, stance, after=spread[-1][1])
                    else:  # "maakte zijn bezwaar kenbaar": the object inside the phrase, as before a particle
                        self.verb(i, a, b, number, spread, stance, after=spread[0][1], particle_at=spread[-1][0])
                    return True
                continue
            if words[-1] in ("uit",) and i + n < b:
                # "blijkt uit X": the source follows.
                np_end = self.np_after(i + n, b)
                if np_end is None:
                    continue
                source = (i + n, np_end)
                cue = [(i, i + n)]
                self.frame = "according"
                if i == a + 1 and doc.low[a] == "dat":
                    self.previous_sentence_content(number, cue, source, stance)
                    return True
                content = self.content_before(i, a) if i > a and doc.low[i - 1] == "," else []
                k = np_end
                if not content and k < b and doc.low[k] in ("dat", ":"):
                    end = self.clause_end(k + 1, b)
                    content = [self.tok_range(k + 1, end)] if end > k + 1 else []
                if content:
                    self.add(cue, content, source, stance)
                    return True
                continue
            self.verb(i, a, b, number, [(i, i + n)], stance, after=i + n)
            return True
        return False

    def _spread_phrase(self, i: int, b: int, words: tuple[str, ...]) -> list[tuple[int, int]] | None:
        """The words of a phrase with adverbials of the middle field between them, as a separable verb has
        ("ging na onderzoek uit van", "heeft het daarbij ook gehad over"): the cue's pieces, or None. Between
        the words stand only a few plain words: no punctuation, quote, verb or conjunction."""
        doc, lex = self.doc, self.lex
        pieces = [(i, i + 1)]
        k, skipped = i + 1, 0
        for w in words[1:]:
            while k < b and doc.low[k] != w:
                t = doc.low[k]
                if skipped >= _MAX_SPREAD or not doc.is_word(k) or self._quoted(k) or \
                        (t in lex.verbish and t not in lex.determiners) or t in lex.conjunctions or t == "te":
                    return None  # a possessive "zijn", "haar" is no verb
                k, skipped = k + 1, skipped + 1
            if k >= b:
                return None
            if pieces[-1][1] == k:
                pieces[-1] = (pieces[-1][0], k + 1)
            else:
                pieces.append((k, k + 1))
            k += 1
        return pieces if skipped else None

    def separable(self, i: int, a: int, b: int, number: int) -> bool:
        doc, lex = self.doc, self.lex
        for particle, stance in lex.separable[doc.low[i]]:
            for m in range(i + 1, b):
                if self._quoted(m):
                    continue
                if doc.low[m] in (";", ":") or doc.low[m] in ("dat", "omdat", "maar"):
                    break
                if doc.low[m] == "," and m + 1 < b and doc.low[m + 1] in ("dat", "omdat", "maar", "en"):
                    break
                if doc.low[m] != particle:
                    continue
                nxt = doc.low[m + 1] if m + 1 < b else "."
                if (nxt in lex.determiners or nxt == "het" or nxt[:1].isdigit()) and nxt != "dat" and \
                        not self._te_infinitive(m + 1, b):
                    continue  # "op de radio", "voor 1 miljoen": a preposition; "roepen X op deze club ... te
                    # plaatsen": the particle
                self.verb(i, a, b, number, [(i, i + 1), (m, m + 1)], stance, particle_at=m)
                return True
        return False

    def _ends_in_infinitive(self, k: int, end: int) -> bool:
        """The stretch k..end closes on an infinitive after a noun or adverb ("… stampij maken")."""
        doc = self.doc
        return end - k >= 3 and doc.low[end - 1].endswith("en") and doc.is_word(end - 1) and \
            not doc.capitalised(end - 1) and doc.low[end - 2] not in self.lex.determiners

    def _te_infinitive(self, k: int, b: int) -> bool:
        """The clause from token k ends in "te <verb>"."""
        doc = self.doc
        end = b
        while end > k and doc.low[end - 1] in _END_PUNCT:
            end -= 1
        return any(doc.low[m] == "te" for m in range(max(k, end - 4), end - 1))

    def verb(self, i: int, a: int, b: int, number: int, cue: list[tuple[int, int]], stance: str, *,
             after: int | None = None, particle_at: int | None = None) -> None:
        doc, lex = self.doc, self.lex
        after = cue[0][1] if after is None else after
        if not self._verb_here(i, a) or self._fixed_expression(i, after, b):
            return
        if i == a and doc.low[b - 1] == "?" and not self._quoted(i):
            return  # verb first and a question mark: "Vindt u dat u straf verdient?" asks, it reports nothing
        if doc.low[a] in ("mocht", "mochten") and not any(doc.low[m] == "," for m in range(a, i)):
            return  # "Mochten fans het lied willen zingen, …": a supposition, nobody's intention or report
        aux = self._aux_before(a, i)
        if aux is not None and doc.low[aux] in lex.passive:
            # "werd gemeld": who said it is not named here, or only after "door"
            if not self._by_agent(i, a, b, cue, stance, after, aux):
                self._agentless(i, a, b, cue, stance, after, aux)
            return
        if aux is None and self._participle(doc.low[i]) and after < b and doc.low[after] in lex.passive and \
                self._by_agent(i, a, b, cue, stance, after + 1, None):
            return  # "die door de politie ervan beschuldigd werd …": verb last
        if aux is None and self._participle(doc.low[i]) and len(cue) == 1 and after == i + 1 and \
                doc.low[i] not in lex.finite_forms:
            return  # a participle without its auxiliary is an adjective: "een zuur geschreven stuk"
        stance = self._negated(after, b, stance)
        if aux is not None and aux > a and (doc.low[aux - 1] == "," or aux - 1 in doc.closer_of):
            np_end = self.np_after(aux + 1, i)
            content = self.content_before(aux, a)
            if np_end is not None and content:
                self.frame = "post"
                self.add(cue, content, (aux + 1, np_end), stance, quoted=self._is_quote(content))
            return
        # 1. Trailing cue after a quote or a clause: ",,…'', zegt X." / "…, schrijft de Volkskrant."
        if aux is None and self._trailing(i, a, b, after, cue, stance, particle_at):
            return
        if aux is None and i - 2 > a and doc.low[i - 1] == "dat" and doc.low[i - 2] == ",":
            np_end = self.np_after(after, b)
            if np_end is not None:  # "De samenleving wordt veiliger, dat zeggen criminologen."
                self.frame = "post"
                self.add(cue, [self.tok_range(a, i - 2)], (after, np_end), stance)
                return
        # 2. "Dat meldt X." / "Dat heeft X gezegd.": the content is the previous sentence.
        finite = aux if aux is not None else i
        if finite == a + 1 and (doc.low[a] in lex.anaphora or _pronominal_adverb(doc.low[a])):
            np_from = finite + 1 if aux is None else aux + 1
            np_end = self.np_after(np_from, b if aux is None else i)
            if np_end is not None and not self._complement_follows(after, b):
                np_end = self._coordinated(np_end, b)
                self.previous_sentence_content(number, cue, (np_from, np_end), stance)
                return
        # 3. Perfect tense: "X heeft gezegd dat ..." / "Gisteren heeft X gezegd dat ...".
        if aux is not None:
            if self._verb_final(a, aux) is not None and self._subordinate(a, b, aux, after, cue, stance):
                return
            source = self.subject_before(a, aux)
            middle = aux + 1
            if source is None:
                np_end = self.np_after(aux + 1, i)
                if np_end is None:
                    return
                source, middle = (aux + 1, np_end), np_end
            if doc.low[aux] in lex.modals and not self._participle(doc.low[i]) and \
                    source[1] - source[0] == 1 and doc.low[source[0]] in _GENERIC:
                return  # "Men kan denken dat …", "Je kunt het oké vinden": anyone may, no one is said to
            if self._complement_follows(after, b):
                self.content_after(after, b, cue, source, stance, None)
                return
            while middle < i and (doc.low[middle] in lex.openers or doc.low[middle] in lex.auxiliaries):
                middle += 1
            pieces = [self.tok_range(middle, i)] if middle < i else []
            end = self._object_end(after, b)
            if middle < i and doc.low[i - 1] in ("niet", "nooit") and (end <= after or doc.low[after] in _END_PUNCT):
                return  # "Yale heeft de naam van de student niet bekendgemaakt": a report that was not made
            if self._according_inside(middle, i) or self._according_inside(after, end):
                # "Ook heeft Slob volgens Brussee de Kamer onjuist geïnformeerd": Brussee's report of an act;
                # "Hij zou volgens de broers gezegd hebben niet te zullen rusten": what he said, reported
                said = self._said_infinitive(after, end)
                if said is None:
                    return
                pieces = self._around_according(said, end)
            elif end > after and doc.low[after] not in _END_PUNCT:
                if self._te_infinitive(after, end):
                    # "heeft de priester verzocht zijn functie neer te leggen": the addressee is not content
                    pieces = []
                pieces.append(self.tok_range(after, end))
            if pieces:
                self.add(cue, pieces, source, stance)
            return
        # 4. Subject before the verb, or right after it (verb second after an adverbial).
        subject = self.subject_before(a, i)
        k = after
        if subject is not None:
            if self._pronoun_object(after, b):
                self.previous_sentence_content(number, cue, subject, stance)  # "Ook vrienden zeggen dat."
                return
            self.content_after(k, b, cue, subject, stance, particle_at)
            return
        if particle_at is None and self._verb_final(a, i) is not None and \
                self._subordinate(a, b, i, after, cue, stance):
            return
        if particle_at is None and self._relative(a, b, i, after, cue, stance):
            return
        if particle_at is None and self._object_relative(a, b, i, after, cue, stance):
            return
        np_end = self.np_after(after, b)
        if np_end is None:
            return
        if i == a or doc.low[a] in lex.openers or a in doc.opener_of or _pronominal_adverb(doc.low[a]) \
                or doc.low[i - 1] == "," or doc.low[after] in lex.person_pronouns or self._run_in(a, i):
            self.content_after(np_end, b, cue, (after, np_end), stance, particle_at)

    def _run_in(self, a: int, i: int) -> bool:
        """An intertitle ran into the sentence and an adverbial follows it before the verb ("Beperkt Voor het
        eerst zei May …"): a capitalised opener inside the stretch, so the subject comes after the verb."""
        doc = self.doc
        return any(doc.capitalised(m) and doc.low[m] in self.lex.openers and not doc.word(m).isupper()
                   for m in range(a + 1, min(i, a + 4)))

    def _relative(self, a: int, b: int, i: int, after: int, cue: list[tuple[int, int]], stance: str) -> bool:
        """Verb last in a relative clause whose subject is "die": "een beweging die hiervan af wil", "vrouwen
        die graag zouden willen terugkeren naar Nederland". The source is the noun the clause hangs on; the
        content the middle of the clause and what follows the verb."""
        doc, lex = self.doc, self.lex
        if len(cue) != 1:
            return False
        if doc.low[i] not in lex.not_trailing:
            return False  # intentions ("wil", "hoopt"); a report in a relative clause takes a "dat" clause
        rel = None
        for m in range(i - 1, max(a, i - 10), -1):
            w = doc.low[m]
            if w == "die":
                rel = m
                break
            if w in _END_PUNCT or self._quoted(m) or m in doc.closer_of or w in lex.conjunctions or \
                    w in lex.verbs or (w in lex.verbish and w not in lex.auxiliaries):
                return False
        if rel is None or rel <= a or rel + 1 >= i:
            return False
        end = rel - 1 if doc.low[rel - 1] == "," else rel
        source = self._np_before(a, end)
        if source is None or source[1] != end or any(m in self.cue_tokens for m in range(*source)) or \
                doc.low[end - 1] in lex.stop or doc.low[end - 1] in lex.determiners or not doc.is_word(end - 1):
            return False  # "mensen zijn die het willen": a noun holds the clause, not a verb or determiner
        start, stop = rel + 1, i
        while start < stop and (doc.low[start] in lex.adverbs or doc.low[start] in lex.auxiliaries):
            start += 1
        while stop > start and doc.low[stop - 1] in lex.auxiliaries:
            stop -= 1
        tail = self._object_end(after, b)
        if tail > after and doc.low[after] not in _END_PUNCT and doc.is_word(after):
            pieces = [self.tok_range(after, tail)]  # "die zouden willen terugkeren naar huis": what follows
        elif stop > start and not all(doc.low[m] in lex.pronouns for m in range(start, stop)):
            pieces = [self.tok_range(start, stop)]  # "die hiervan af wil": the middle ("die het wil": nothing)
        else:
            return False
        self.add(cue, pieces, source, stance)
        return True

    def _object_relative(self, a: int, b: int, i: int, after: int, cue: list[tuple[int, int]], stance: str
                         ) -> bool:
        """"Twee opties die ze eerder steevast uitsloot": a relative clause whose subject is a pronoun and whose
        verb, last, is the cue; the noun the clause hangs on is what was reported."""
        doc, lex = self.doc, self.lex
        if len(cue) != 1 or (after < b and doc.low[after] not in _END_PUNCT):
            return False
        rel = next((m for m in range(i - 1, max(a, i - 8), -1) if doc.low[m] in ("die", "dat")), None)
        if rel is None or rel <= a or rel + 1 >= i or doc.low[rel + 1] not in lex.person_pronouns or \
                doc.low[rel + 1] in lex.author:
            return False
        if any(doc.low[m] in lex.verbish or doc.low[m] in _END_PUNCT or self._quoted(m) for m in range(rel + 2, i)):
            return False
        end = rel - 1 if doc.low[rel - 1] == "," else rel
        antecedent = self._np_before(a, end)
        if antecedent is None or antecedent[1] != end or doc.low[end - 1] in lex.stop:
            return False
        self.add(cue, [self.tok_range(*antecedent)], (rel + 1, rel + 2), stance)
        return True

    def _by_agent(self, i: int, a: int, b: int, cue: list[tuple[int, int]], stance: str, after: int,
                  aux: int | None) -> bool:
        """A passive with its agent: "Valkering werd door de bisschop berispt vanwege …" (source the agent,
        content the subject and what follows the verb), "die door de politie ervan beschuldigd werd …"."""
        doc, lex = self.doc, self.lex
        door = None
        for m in range(i - 1, max(a - 1, i - 14), -1):
            if doc.low[m] in (",", ";", ":") or self._quoted(m):
                break
            if doc.low[m] == "door":
                door = m
                break
        if door is None or (aux is not None and door < aux):
            return False
        np_end = self.np_after(door + 1, i)
        if np_end is None:
            return False
        np_end = self._coordinated(np_end, i)  # "door Halsema en wethouder Moorman verzocht"
        for m in range(door + 2, np_end):
            if doc.low[m] in lex.adverbs and not doc.capitalised(m):
                np_end = m  # "door bisschop Punt al vaak berispt": the adverb is not part of the agent
                break
        pieces = []
        if aux is not None:
            start = aux
            while start > a and doc.low[start - 1] not in (",", ";", ":") and not self._quoted(start - 1) and \
                    doc.low[start - 1] not in lex.conjunctions:
                start -= 1
            if start < aux and not (aux - start == 1 and doc.low[start] in lex.pronouns) and \
                    doc.low[start] not in lex.openers:
                pieces.append(self.tok_range(start, aux))
        end = self._object_end(after, b)
        if end > after and doc.low[after] not in _END_PUNCT:
            if self._te_infinitive(after, end):
                pieces = []  # "werd door X verzocht om op te stappen": what was asked, not of whom
            pieces.append(self.tok_range(after, end))
        if not pieces:
            return False
        self.add(cue, pieces, (door + 1, np_end), stance)
        return True

    def _agentless(self, i: int, a: int, b: int, cue: list[tuple[int, int]], stance: str, after: int,
                   aux: int) -> None:
        """A passive with no agent and a "dat"/"of" clause: "Er werd gemeld dat …", "De club wordt ervan
        beschuldigd dat …" (source None, like the impersonal cues). Without such a clause a passive names
        the thing done, not what was said ("Dit verzoek is afgewezen"), and is left alone."""
        doc, lex = self.doc, self.lex
        k = after
        while k < b and (doc.low[k] in lex.adverbs or _pronominal_adverb(doc.low[k])) and k - after < 3:
            k += 1
        if any(self._quoted(m) for m in range(aux, i)):
            return
        if stance in ("deny", "predict") and (k >= b or doc.low[k] in _END_PUNCT):
            # "Dit verzoek is steeds afgewezen", "Er worden meer warme zomers verwacht": what was denied or
            # foreseen is the subject, or what stands between "er" and the verb
            start = aux + 1 if aux + 1 < i and doc.low[aux + 1] == "er" and aux < i - 2 else None
            if start is not None:
                self.add(cue, [self.tok_range(start + 1, i)], None, stance, impersonal=True)
                return
            subject = self.subject_before(a, aux) if aux > a else None
            if subject is not None and not (subject[1] - subject[0] == 1 and doc.low[subject[0]] in lex.pronouns):
                self.add(cue, [self.tok_range(*subject)], None, stance, impersonal=True)
            return
        if k >= b or doc.low[k] not in ("dat", "of") or self._quoted(k) or k in doc.opener_of:
            return
        end = self._main_clause_start(self.clause_end(k + 1, b), k + 1, b)
        if end > k + 1:
            self.add(cue, [self.tok_range(k + 1, end)], None, stance, impersonal=True)

    def _coordinated(self, np_end: int, b: int) -> int:
        """"Dat vinden regeringspartij D66 en de vereniging van jeugdartsen AJN.", "..., vinden Eyes on Animals
        en Dierenbescherming": a name with lower-case words inside, or "en" and a second noun phrase, goes on
        until a preposition, an adverb, a verb or the end of the clause."""
        doc, lex = self.doc, self.lex
        if np_end + 1 >= b:
            return np_end
        first = doc.low[np_end]
        inside_name = first in lex.foreign_name_links and doc.capitalised(np_end - 1) and \
            not doc.capitalised(np_end) and doc.capitalised(np_end + 1)
        if first != "en" and not inside_name:
            return np_end
        stop = np_end
        while stop < b and stop - np_end <= 12 and doc.is_word(stop) and not self._quoted(stop) and \
                doc.low[stop] not in lex.verbish and doc.low[stop] not in lex.adverbs and \
                (doc.low[stop] not in lex.prepositions or doc.low[stop] in lex.np_links):
            stop += 1
        if stop - np_end > 12 or doc.low[stop - 1] in ("en", "van") or not (
                stop >= b or doc.low[stop] in _END_PUNCT or doc.low[stop] in lex.prepositions):
            return np_end
        return stop

    def _fixed_expression(self, i: int, after: int, b: int) -> bool:
        """"Het gesprek vindt morgen plaats": the cue form with a word later in its clause that makes it
        a fixed expression, not a report."""
        doc = self.doc
        for m in range(after, min(b, after + 8)):
            w = doc.low[m]
            if w in _END_PUNCT or w in ("dat", "of") or self._quoted(m):
                return False
            if doc.low[i] in self.lex.fixed.get(w, ()):
                return True
        return False

    def _pronoun_object(self, k: int, b: int) -> bool:
        """"zeggen dat." / "bevestigt dit.": the object points back to the previous sentence."""
        doc = self.doc
        while k < b and doc.low[k] in self.lex.openers and doc.low[k] not in ("dat", "dit"):
            k += 1
        return k + 1 < b + 1 and k < b and doc.low[k] in ("dat", "dit") and (k + 1 == b or doc.low[k + 1] in _END_PUNCT)

    def _verb_final(self, a: int, finite: int) -> int | None:
        """The start of a subordinate clause ("dat de commissie meer tijd heeft gevraagd") that ends in the
        verb at `finite`, or None."""
        doc, lex = self.doc, self.lex
        k = finite
        while k > a and finite - k < 16:
            w = doc.low[k - 1]
            if w in (",", ";", ":") or (k - 1) in doc.closer_of or self._quoted(k - 1):
                return None
            if w in lex.subordinators or w == "dat":
                return k if k < finite else None
            if w in lex.verbish:
                return None
            k -= 1
        return None

    def _subordinate(self, a: int, b: int, finite: int, after: int, cue: list[tuple[int, int]],
                     stance: str) -> bool:
        """Subject first, then what was said, then the verb: "omdat de minister de beschuldigingen ontkende".
        False when the clause does not read that way."""
        doc, lex = self.doc, self.lex
        start = self._verb_final(a, finite)
        if start is None:
            return False
        np_end = self.np_after(start, finite)
        if np_end is None:
            return False
        if np_end >= finite:
            # the greedy noun phrase ran into the object ("de commissie meer tijd"): take determiner and noun
            np_end = start + 2 if doc.low[start] in lex.determiners else start + 1
            if np_end >= finite:
                return False
        source = (start, np_end)
        if self._complement_follows(after, b):
            self.content_after(after, b, cue, source, stance, None)
            return True
        tail: list[tuple[int, int]] = []
        if after < b and doc.low[after] not in _END_PUNCT:
            if doc.low[cue[0][0]] in lex.not_trailing and after + 1 < b and doc.low[after + 1] in _END_PUNCT and \
                    doc.low[after] not in lex.verbish and doc.is_word(after):
                tail = [self.tok_range(after, after + 1)]  # "dat Nederland een belang wilde kopen"
            elif after + 1 < b and doc.low[after] in ("niet", "zelfs", "ook", "te") and \
                    self._te_infinitive(after, self.clause_end(after, b)):
                end = self.clause_end(after, b)  # "dat Valkering aangeeft niet te willen stoppen"
                self.add(cue, [self.tok_range(after, end)], source, stance)
                return True
            else:
                return False  # the verb does not close the clause ("wilde worden")
        middle = np_end
        while middle < finite and (doc.low[middle] in lex.openers or doc.low[middle] in lex.auxiliaries):
            middle += 1
        if finite - middle < 1 or doc.low[cue[0][0]] in lex.needs_complement:
            return False
        if any(m in self.cue_tokens for m in range(middle, finite)) or self._according_inside(middle, finite):
            return False
        self.add(cue, [self.tok_range(middle, finite), *tail], source, stance)
        return True

    def _according_inside(self, start: int, end: int) -> bool:
        """A "volgens X" or "aldus X" stands among tokens start..end: the clause is X's report, so what its verb
        takes as object or middle is not also the subject's own statement (a "dat" clause or quote still is)."""
        doc, lex = self.doc, self.lex
        return any((doc.low[m] in lex.according_before or doc.low[m] in lex.according_after) and not self._quoted(m)
                   for m in range(start, end))

    def _said_infinitive(self, start: int, end: int) -> int | None:
        """Where a "te" infinitive clause in start..end begins, past auxiliaries ("gezegd hebben niet te
        zullen rusten", "zei … hier mee om te gaan"), or None: what a verb says, not the object of an act."""
        doc, lex = self.doc, self.lex
        while start < end and doc.low[start] in lex.auxiliaries:
            start += 1
        if self._te_infinitive(start, end) or any(doc.low[m] == "te" for m in range(start, min(end - 1, start + 4))):
            return start
        return None

    def _around_according(self, start: int, end: int) -> list[tuple[int, int]]:
        """The pieces of start..end around the "volgens X" phrases in it."""
        doc, lex = self.doc, self.lex
        pieces: list[tuple[int, int]] = []
        k = m = start
        while m < end:
            if (doc.low[m] in lex.according_before or doc.low[m] in lex.according_after) and not self._quoted(m):
                if m > k:
                    pieces.append(self.tok_range(k, m))
                m = min(self.np_after(m + 1, end) or m + 1, end)
                k = m
                continue
            m += 1
        if end > k:
            pieces.append(self.tok_range(k, end))
        return pieces

    def _verb_here(self, i: int, a: int) -> bool:
        """False where the word is a name ("op Twitter"), a noun after a determiner or preposition ("het
        antwoord", "recht van spreken") or an infinitive ("om te melden")."""
        doc = self.doc
        if i > a and doc.capitalised(i) and doc.is_word(i - 1):
            return False
        if i > a and (doc.low[i - 1] == "te" or doc.low[i - 1] in self.lex.prepositions) and \
                not doc.capitalised(i - 1):
            return False
        if i > a and doc.low[i - 1].endswith(self.lex.noun_suffixes) and not doc.capitalised(i - 1):
            return False  # after an adjective the word is a noun: "lesbische stellen"
        if i - 1 > a and doc.low[i - 1] in ("en", "of") and doc.low[i - 2] in self.lex.modals and \
                doc.low[i] in self.lex.modals:
            return False  # "niet kan en wil houden": one modal of a pair that carries an act, no intention
        if i - 1 > a and doc.low[i - 1] in ("haar", "hun") and \
                (doc.low[i - 2] in self.lex.prepositions or doc.low[i - 2] == "van"):
            return True  # "vrienden van haar zeggen": a pronoun after its preposition, not "haar zeggen"
        return not (i > a and doc.low[i - 1] in self.lex.determiners and doc.low[i - 1] not in ("die", "dat"))

    def _negated(self, after: int, b: int, stance: str) -> str:
        """"wil niet dat ...", "zegt niet te ...": a negated assertion is a denial."""
        if stance != "assert":
            return stance
        doc = self.doc
        m = after
        if m < b and doc.low[m] in self.lex.person_pronouns | {"het", "er"}:
            m += 1  # "wil ze niet dat"
        return "deny" if m < b and doc.low[m] == "niet" else stance

    def _complement_follows(self, k: int, b: int) -> bool:
        """A "dat"/"of" clause, a colon or a quote comes soon after token k."""
        doc = self.doc
        for m in range(k, min(b, k + 10)):
            w = doc.low[m]
            if w in ("dat", "of", ":") or w in _WH or m in doc.opener_of:
                return True
            if w in _END_PUNCT or self._new_main_clause(m, b):
                return False
        return False

    def _trailing(self, i: int, a: int, b: int, after: int, cue: list[tuple[int, int]], stance: str,
                  particle_at: int | None = None) -> bool:
        """",,…'', zegt X." / "…, schrijft de Volkskrant." / "…, zei X tegen Y, omdat …"."""
        doc, lex = self.doc, self.lex
        prev = i - 1
        if prev >= a and doc.low[prev] == "zo":
            prev -= 1
        if prev < 0 or not (doc.low[prev] == "," or prev in doc.closer_of) or prev < a - 1:
            return False
        if doc.low[i] in lex.not_trailing or (after > i + 1 and doc.low[after - 1] in lex.prepositions):
            return False  # "…, dreigt met een staking": after a preposition comes the object, not the source
        if doc.low[i] in lex.not_trailing:
            return False
        np_start = after
        while np_start < b and doc.low[np_start] in ("ook", "nog", "dan", "wel", "tenminste", "althans"):
            np_start += 1  # ", zegt ook hoogleraar X"
        np_end = self.np_after(np_start, b if particle_at is None else particle_at)
        if np_end is None:
            return False
        if particle_at is None:
            np_end = self._coordinated(np_end, b)
        content = self.content_before(i, a)
        if not content:
            return False
        quoted = self._is_quote(content)
        if not quoted and doc.low[i - 1] == "," and self._apposition_subject(a, i):
            return False  # "De topvrouw van het bedrijf, Meng Wanzhou, klaagt de overheid aan": the subject
        # The cue and its source close the clause: at most an adjunct follows before a comma or the end
        # (after a quote anything may follow: the attribution is plain).
        rest = np_end
        while rest < b and doc.low[rest] not in _END_PUNCT and rest not in doc.opener_of:
            rest += 1
        length = rest - np_end
        if length > 2 and not quoted and not (doc.low[np_end] in lex.openers and length <= 14) and \
                doc.low[np_end] not in ("die", "dat", "wiens", "wier", "van", "uit") and \
                doc.low[np_end] not in lex.determiners:
            return False
        after = np_start
        tail = self._continuation(np_end, b, content)
        self.frame = "post"
        self.add(cue, self._elided_start(a, content) + content + tail, (after, np_end), stance, quoted=quoted)
        return True

    def _elided_start(self, a: int, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """"Mannen nemen vaker verlof op. Of als er meer vrouwen werken, ontdekte X.": a content that opens its
        sentence with a coordinator goes on from the sentence before, which X reported too (when no cue of its
        own holds it)."""
        doc, lex = self.doc, self.lex
        if doc.low[a] not in ("of", "en", "maar") or not doc.capitalised(a) or \
                content[0][0] != doc.spans[a][0] or doc.sentence_of[a] == 0:
            return []
        pa, pb = doc.sentences[doc.sentence_of[a] - 1]
        if any(m in self.cue_tokens or doc.quote_of[m] >= 0 or doc.low[m] in lex.verbs or
               doc.low[m] in lex.according_before for m in range(pa, pb)):
            return []
        previous = frames.previous_sentence(doc, doc.sentence_of[a])
        return previous[0] if previous is not None and not previous[1] else []

    def _apposition_subject(self, a: int, i: int) -> bool:
        """The sentence up to the verb at i is a noun phrase and a name between commas ("De woordvoerder van
        de gemeente, Jan de Vries, ..."): a subject with its apposition, no clause a trailing cue reports."""
        doc, lex = self.doc, self.lex
        m = i - 2
        while m > a and doc.low[m] != "," and i - m < 8:
            m -= 1
        if m <= a or doc.low[m] != "," or m + 1 >= i - 1:
            return False
        if not all(doc.capitalised(t) or doc.low[t] in lex.name_particles for t in range(m + 1, i - 1)):
            return False
        if doc.low[a] in lex.openers or any(doc.low[t] in lex.verbish or doc.low[t] in _END_PUNCT
                                            for t in range(a, m)):
            return False
        return self._subject_elsewhere(a, i) is not None

    def _participle(self, w: str) -> bool:
        return w in self.lex.participles or (w.startswith("ge") and w in self.lex.verbs)

    def _aux_before(self, a: int, i: int) -> int | None:
        """The finite auxiliary of a participle cue ("heeft ... gezegd", "werd gemeld"), if any."""
        doc, lex = self.doc, self.lex
        if not self._participle(doc.low[i]):
            # "heeft laten weten dat …": a separable stem as an infinitive takes the perfect auxiliary too
            substitute = doc.low[i] in lex.separable and doc.low[i].endswith("en")
            if (doc.low[i] not in lex.infinitives and not substitute) or \
                    not self._complement_follows(i + 1, len(doc.low)):
                return None  # with a plain object the infinitive reads too many ways ("wil het niet zeggen")
            # "De minister kan wel zeggen dat …": the modal is the finite verb of an infinitive cue
            for m in range(i - 1, max(a - 1, i - 8), -1):
                if doc.low[m] in _END_PUNCT or self._quoted(m) or doc.low[m] in lex.conjunctions:
                    return None
                if doc.low[m] in lex.modals or (substitute and doc.low[m] in lex.perfect):
                    # "wilde niet zeggen of …": "wil" is a cue itself and has read the clause already
                    return None if m in self.cue_tokens else m
            return None
        for m in range(i - 1, max(a - 1, i - 16), -1):
            if doc.low[m] in (":", ";") or self._quoted(m):
                return None
            if m == i - 1 and doc.low[m] in ("en", "maar", ",") and doc.low[i] in lex.finite_forms:
                return None  # "Het kabinet is blij en verwacht dat …": a finite verb of its own clause
            if doc.low[m] in lex.perfect or doc.low[m] in lex.passive:
                # "zouden ze hebben geroepen": the finite verb is the first of the cluster
                for earlier in range(m - 1, max(a - 1, m - 4), -1):
                    if doc.low[earlier] in lex.perfect:
                        return earlier
                return m
        return None

    def content_after(self, k: int, b: int, cue: list[tuple[int, int]], source: tuple[int, int] | None,
                      stance: str, particle_at: int | None) -> None:
        doc, lex = self.doc, self.lex
        start = k
        limit = min(b, k + 20)
        for m in range(k, b):
            w = doc.low[m]
            if doc.quote_of[m] >= 0 and m in (k, k + 1) and m - 1 in doc.opener_of:
                break
            if (w in ("dat", "of") or (w in _WH and m <= k + 4)) and m < limit and \
                    (m + 1 < b and doc.low[m + 1] not in _END_PUNCT):
                if w == "dat" and m + 1 < b and doc.is_word(m + 1) and doc.low[m + 1] in lex.verbish and \
                        not self._possessive(m + 1, b):
                    continue  # "dat" as a pronoun object: "zegt dat niet"
                if m - 2 > k and doc.low[m - 2] == "te" and not self._quoted(m - 2):
                    break  # "zegt geen aanwijzingen te hebben dat …": the "te" infinitive is what was said
                end = self._main_clause_start(self.clause_end(m + 1, b), m + 1, b)
                if end > m + 1:
                    if particle_at is not None and particle_at > m:
                        return
                    pieces = [self.tok_range(m + 1, end)]
                    if end >= b - 1 and not self._plural_pronoun(source, cue):
                        pieces += self._following_quotes(b)
                    elif end + 1 < b and doc.low[end] == ":" and end + 1 in doc.opener_of:
                        # "zei May dat uitstel kan, al ging het niet van harte: ,,Ik wil geen uitstel.''": the
                        # quote after the colon gives the words of the same statement
                        q = doc.opener_of[end + 1]
                        if not self._cue_after_quote(self._after_quote(q, len(doc.spans))):
                            pieces += self.quote_content(q, len(doc.spans))[0]
                    self.add(cue, pieces, source, stance)
                return
            if w == ":":
                if m + 1 < b and m + 1 in doc.opener_of:
                    q = doc.opener_of[m + 1]
                    pieces, _ = self.quote_content(q, b)
                    self.add(cue, pieces, source, stance, quoted=True)
                    return
                end = self.clause_end(m + 1, b)
                if end > m + 1:
                    self.add(cue, [self.tok_range(m + 1, end)], source, stance)
                return
            if (w in (",", ";") and particle_at is None) or (w in lex.nominal and self._object_noun(m, k)) or \
                    self._new_main_clause(m, b):
                break  # a reporting noun ("berichten van X dat") is the object, its "dat" clause its own
            if m >= limit:
                break
        # Object as content: skip adverbs ("meldde gisteren nog ..."), then the rest of the clause.
        while start < b and (doc.low[start] in lex.adverbs or doc.low[start] == "zich" or
                             (_pronominal_adverb(doc.low[start]) and doc.low[start].startswith("er"))):
            start += 1
        if start < b and doc.low[start] in lex.subordinators:
            return  # "Juventus heeft het ontkend, hoewel ...": a new clause, not what was denied
        if particle_at is not None:
            if self._according_inside(start, particle_at):
                return
            pieces = []
            if particle_at > start:
                pieces.append(self.tok_range(start, particle_at))
            end = self.clause_end(particle_at + 1, b)
            if end > particle_at + 1 and doc.low[particle_at + 1] != ",":
                s0 = particle_at + 1
                if doc.low[s0] in ("dat", "om") and end > s0 + 1:
                    s0 += 1
                pieces.append(self.tok_range(s0, end))
            self.add(cue, pieces, source, stance)
            return
        end = self._object_end(start, b)
        if self._according_inside(start, end):
            said = self._said_infinitive(start, end)
            if said is not None:
                # "zei hij volgens de bisschop hier mee om te gaan": what was said, with the report taken out
                self.frame = "object"
                self.add(cue, self._around_according(said, end), source, stance)
            return  # "Slob informeerde volgens Brussee de Kamer onjuist": Brussee's report of what Slob did
        if start < b and doc.low[start] in lex.prepositions and doc.low[start] not in lex.object_prepositions \
                and not self._te_infinitive(start, b) and \
                not (doc.low[cue[0][0]] in lex.not_trailing and self._ends_in_infinitive(start, end)):
            return  # "zei tijdens een bijeenkomst": an adjunct ("wilde met de single stampij maken": an intention)
        if len(cue) == 1 and cue[0][1] - cue[0][0] == 1 and doc.low[cue[0][0]] in lex.needs_complement:
            about = next((m for m in range(start, min(end, start + 2)) if doc.low[m] == "over"), None)
            if about is not None and end - about > 2:
                # "schrijft openhartig over zijn relaties": the topic of what was written or told
                self.frame = "object"
                self.add(cue, [self.tok_range(about + 1, end)], source, stance)
            return
        if end - start == 1 and doc.low[cue[0][0]] in lex.manner_only and (end >= b or doc.low[end] in _END_PUNCT):
            return  # "reageerden furieus": how they reacted, not what they said
        if end - start >= 2 or (end - start == 1 and doc.is_word(start)):
            self.frame = "object"
            self.add(cue, [self.tok_range(start, end)], source, stance)

    def _clause_subject(self, i: int, a: int) -> tuple[int, int] | None:
        """The subject of the clause that holds the reporting noun at token i with no "van X" ("De bond
        uitte de vrees dat …", "Wel speelt bij mannen de angst dat …" has none it can name): a person or
        named subject before the clause's finite verb, or right after it."""
        doc, lex = self.doc, self.lex
        if i > a and doc.low[i - 1] not in lex.determiners and not doc.low[i - 1].endswith(lex.bare_adjective_endings):
            return None
        verb = None
        for m in range(i - 1, max(a - 1, i - 12), -1):
            if doc.low[m] in (",", ";", ":") or self._quoted(m) or m in doc.closer_of:
                break
            if doc.low[m] in lex.verbish and doc.is_word(m) and not doc.capitalised(m):
                verb = m
        if verb is None:
            return None
        subject = self.subject_before(a, verb)
        if subject is None and verb + 1 < i:
            np_end = self.np_after(verb + 1, i)
            if np_end is not None and np_end < i and (doc.low[verb + 1] in lex.person_pronouns or
                                                       doc.capitalised(verb + 1)):
                subject = (verb + 1, np_end)
        if subject is None or any(m in self.cue_tokens for m in range(subject[0], i)):
            return None
        return subject

    def _main_clause_start(self, end: int, k: int, b: int) -> int:
        """"Hoewel er werd uitgesproken dat X, blijft …": when the sentence opens with a subordinate clause, a
        comma and a finite verb start the main clause, which the content does not take."""
        doc, lex = self.doc, self.lex
        if self.inside >= 0:
            return end
        a = doc.sentences[self.sentence][0]
        subordinate = a < b and doc.low[a] in lex.subordinators
        for m in range(k + 1, end - 1):
            if doc.low[m] != "," or self._quoted(m):
                continue
            if subordinate and doc.low[m + 1] in lex.verbish:
                return m
            if m + 2 < end and self._verb_then_subject(m + 1):
                return m  # "De bond, die vindt dat X, dreigt met …": a verb and its subject close the clause
        return end

    def _verb_then_subject(self, k: int) -> bool:
        """Token k reads as a finite verb followed by its subject ("grijpt ze", "kwamen er", "dreigt de")."""
        doc, lex = self.doc, self.lex
        w = doc.low[k]
        if not doc.is_word(k) or doc.capitalised(k) or w in lex.determiners or w in lex.pronouns or \
                (w in lex.stop and w not in lex.verbish) or w in lex.nominal or not w.isalpha():
            return False
        after = doc.low[k + 1]
        return after in lex.person_pronouns or after in ("er", "het", "de") or \
            (w in lex.verbish and after not in _END_PUNCT and not doc.low[k + 1].endswith("en"))

    def _possessive(self, k: int, b: int) -> bool:
        """"zijn"/"haar" at token k as a determiner before a noun ("vindt dat zijn ploeg …"), not a verb."""
        doc, lex = self.doc, self.lex
        return doc.low[k] in lex.determiners and k + 1 < b and doc.is_word(k + 1) and \
            doc.low[k + 1] not in lex.verbish and doc.low[k + 1] not in lex.stop

    def _object_noun(self, m: int, k: int) -> bool:
        """A reporting noun as the object ("ontkende berichten van X dat"), not in an adjunct ("zei in een
        verklaring dat")."""
        doc, lex = self.doc, self.lex
        return not any(back >= k and doc.low[back] in lex.prepositions for back in (m - 1, m - 2))

    def _object_end(self, start: int, b: int) -> int:
        end = self.clause_end(start, b)
        doc = self.doc
        for m in range(start, end):
            if doc.low[m] == "," and m + 1 < end and doc.low[m + 1] in ("maar", "want", "en", "terwijl"):
                return m
            if doc.low[m] == "," and m + 1 < end and doc.low[m + 1] in ("dat", "die", "wat", "welke") and \
                    m > start + 1 and not self._quoted(m) and doc.low[m - 1] not in self.lex.adverbs and \
                    not any(doc.low[x] in self.lex.nominal for x in range(start, m)):
                # "vreest spionage door het bedrijf, dat …": a relative clause on the object's noun ("berichten
                # van X, donderdag, dat …" is the reporting noun's own clause)
                return m
            if doc.low[m] in ("en", "maar") and m + 1 < end and doc.low[m + 1] in self.lex.verbish \
                    and not self._quoted(m):
                return m  # "wil de scholen sluiten en denkt ...": a second verb with the same subject
            if self._new_main_clause(m, end):
                return m  # "had het over de lonen en hij heeft benadrukt …": a clause with its own subject
        return end

    def _new_main_clause(self, m: int, end: int) -> bool:
        """At token m a coordinator opens a main clause with a subject pronoun and its finite verb ("en hij
        heeft", "maar ze zei"): a subordinate clause would put its verb last ("en hij de cel in moet")."""
        doc, lex = self.doc, self.lex
        return doc.low[m] in ("en", "maar", "want") and m + 2 < end and doc.low[m + 1] in lex.person_pronouns \
            and doc.low[m + 2] in lex.verbish and not self._quoted(m)

    def _following_quotes(self, b: int) -> list[tuple[int, int]]:
        """"Linda zei dat ze het wist. ,,Ik weet dat ze ...''": a quote that opens the next sentence, with no
        cue of its own, goes on with the same speaker."""
        doc = self.doc
        if b not in doc.opener_of:
            return []
        q = doc.opener_of[b]
        if self._cue_after_quote(self._after_quote(q, len(doc.spans))) or self._quote_attributed(q):
            return []  # a cue of its own, or the speaker of an outer statement goes on
        pieces, _ = self.quote_content(q, len(doc.spans))
        return pieces

    def _continuation(self, np_end: int, b: int, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """After ", zei X": the same sentence going on (", 'waaronder ...'" / ", omdat ..."), or quotes that
        follow at once."""
        doc = self.doc
        k = np_end
        while k < b and doc.low[k] not in (",",) and doc.low[k] not in _END_PUNCT and not self._quoted(k) \
                and k not in doc.opener_of:
            k += 1
        if k < b and doc.low[k] == ",":
            k += 1
        if k < b and k in doc.opener_of:
            pieces, _ = self.quote_content(doc.opener_of[k], b)
            return pieces
        if k < b and doc.low[k - 1] == "," and self._is_quote(content) is False:
            end = self.clause_end(k, b)
            if end > k:
                return [self.tok_range(k, end)]
        if self._is_quote(content):
            # ",,A'', zei hij. ,,B.''": the next sentence is a quote with no cue of its own.
            k2 = k
            while k2 < len(doc.spans) and doc.low[k2] in _END_PUNCT:
                k2 += 1
            new_sentence = k2 == b or (k2 < len(doc.spans) and doc.sentence_of[k2] != doc.sentence_of[max(b - 1, 0)])
            if new_sentence and k2 < len(doc.spans) and k2 in doc.opener_of:
                q = doc.opener_of[k2]
                if not self._cue_after_quote(self._after_quote(q, len(doc.spans))):
                    pieces, _ = self.quote_content(q, len(doc.spans))
                    return pieces
        return []

    def previous_sentence_content(self, number: int, cue: list[tuple[int, int]], source: tuple[int, int],
                                  stance: str) -> None:
        content = frames.previous_sentence(self.doc, number)
        if content is not None:
            self.frame = "previous"
            pieces, quoted = content
            self.add(cue, pieces, source, stance, quoted=quoted)

    def nominal(self, i: int, a: int, b: int) -> None:
        doc = self.doc
        k = i + 1
        if k < b and doc.low[k] in ("dat", ":") and i - 1 >= a and doc.capitalised(i - 1) and \
                doc.word(i - 1).endswith("s") and not doc.word(i - 1).endswith("lands") and \
                not doc.word(i - 1).isupper() and (i - 1 == a or not doc.capitalised(i - 2)):
            source: tuple[int, int] = (i - 1, i)  # "Mays argument dat …": a name in the genitive
            m = k
        elif k < b and doc.low[k] == "dat" and k + 1 < b and doc.is_word(k + 1) and \
                doc.low[k + 1] not in self.lex.verbish:
            subject = self._clause_subject(i, a)
            if subject is None:
                return
            source, m = subject, k  # "… doet hij een oproep, in de hoop dat …": the subject holds the noun
        else:
            if k >= b or doc.low[k] != "van":
                return
            np_end = self.np_after(k + 1, b)
            if np_end is None:
                return
            source = (k + 1, np_end)
            m = np_end
            if m + 1 < b and doc.low[m] in ("is", "was") and doc.low[m + 1] in ("dat", ":"):
                m += 1  # "De kritiek van de oppositie is dat …"
        # ", donderdag," between the source and "dat"
        if m < b and doc.low[m] == ",":
            m2 = m + 1
            while m2 < b and m2 - m < 5 and doc.low[m2] != ",":
                m2 += 1
            if m2 < b and doc.low[m2] == "," and m2 + 1 < b and doc.low[m2 + 1] == "dat":
                m = m2 + 1
        if m < b and doc.low[m] in ("dat", "om", ":"):
            end = self.clause_end(m + 1, b)
            lex = self.lex
            for k2 in range(m + 1, end - 1):
                if doc.low[k2] != "," or self._quoted(k2):
                    continue
                nxt = doc.low[k2 + 1]
                if nxt in lex.auxiliaries or (i <= a + 1 and doc.is_word(k2 + 1) and not doc.capitalised(k2 + 1) and
                                              nxt not in lex.stop and nxt not in lex.determiners and
                                              nxt not in lex.pronouns):
                    end = k2  # "Het voorstel van X dat …, werd afgewezen": the noun phrase was the subject
                    break
            if doc.low[m] == "om":
                # "om" opens a "te" infinitive, which ends the content: "de oproep van X om thuis te blijven"
                te = next((k2 for k2 in range(m + 1, end - 1) if doc.low[k2] == "te"), None)
                if te is None:
                    return
                end = te + 2
            if end > m + 1:
                self.add([(i, i + 1)], [self.tok_range(m + 1, end)], source, self.lex.nominal[doc.low[i]])


class _Coverage:
    """Character ranges held so far, asked whether any overlaps a range: a max-tree over the starts known in
    advance (the pieces given and the quote starts), so each question and each addition costs log n."""

    def __init__(self, pieces: list[tuple[int, int]], later_starts: list[int]) -> None:
        self.starts = sorted({p0 for p0, _ in pieces} | set(later_starts))
        self.tree = [-1] * (len(self.starts) + 1)  # Fenwick tree of the largest end per start prefix
        self.other: list[tuple[int, int]] = []  # pieces whose start was not known in advance
        self.extend(pieces)

    def extend(self, pieces: list[tuple[int, int]]) -> None:
        for p0, p1 in pieces:
            k = bisect.bisect_left(self.starts, p0)
            if k == len(self.starts) or self.starts[k] != p0:
                self.other.append((p0, p1))
                continue
            k += 1
            while k < len(self.tree):
                if self.tree[k] < p1:
                    self.tree[k] = p1
                k += k & -k

    def overlaps(self, start: int, end: int) -> bool:
        """Some piece (p0, p1) has p0 < end and start < p1."""
        k = bisect.bisect_left(self.starts, end)
        reach = -1
        while k > 0:
            reach = max(reach, self.tree[k])
            k -= k & -k
        return reach > start or any(p0 < end and start < p1 for p0, p1 in self.other)


def _named(source: str, lex: _Lexicon) -> bool:
    """A source that is a name, with or without a role before it ("Bakker", "socioloog Leonie van Breeschoten"):
    no pronoun ("Hij", "U") and no description that merely holds one ("recente cijfers van het CBS")."""
    words = source.split()
    if len(words) == 1 and source.lower() in lex.pronouns | {"u"}:
        return False
    if words and words[0].lower() in lex.titles:
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _pronominal_adverb(word: str) -> bool:
    """"daarvoor", "hierover", "waarmee": adverbs that open a clause, never a source."""
    return len(word) > 4 and word.startswith(("daar", "hier", "waar"))


def find(doc: Doc) -> list[Found]:
    """The statements of a Dutch text, with the frame that found each, in the order their cues occur."""
    extractor = _Extractor(doc)
    extractor.run()
    return extractor.found
