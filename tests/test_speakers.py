"""The speakers stage: names without titles, affiliations, pronouns resolved to the named source."""

from __future__ import annotations

import pytest

from claimcheck.extract import speakers
from claimcheck.records import Span, Statement
from claimcheck.sources import parse_mention


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


def test_one_person_is_no_place_named_as_a_source() -> None:
    text = "Jan Peters zegt dat de delegatie klaar is. Washington wil een akkoord. Hij zei dat het bijna zover is."
    statements = [
        _statement(text, "Jan Peters", "zegt"),
        _statement(text, "Washington", "wil"),
        _statement(text, "Hij", "zei"),
    ]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Jan Peters", "Washington", "Jan Peters"]


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


def test_a_name_in_the_genitive_before_a_cue_noun_is_its_owner() -> None:
    text = "Mays argument dat de deal werkt, overtuigde niemand. Willems zei dat het klopt."
    statements = [_statement(text, "Mays", "argument"), _statement(text, "Willems", "zei")]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["May", "Willems"]  # a name in -s before a verb is itself


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
    ("De Groot (GL)", "nl", ("De Groot", "GL")),  # a surname's particle, not an article
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


def test_name_of_keeps_a_surname_that_is_also_a_title() -> None:
    assert speakers.name_of("advocaat Taner Sen", "nl") == ("Taner Sen", None)


@pytest.mark.parametrize(("text", "source", "expected"), [
    # The article writes the surname in full once, in a sentence no statement is drawn from.
    ("Een contrast met krullebol Bram de Groot (21), rechtenstudent. De Groot zegt dat het klopt.", "De Groot",
     "Bram de Groot"),
    # Two people of that surname: it stays as written.
    ("Jan Vos en Piet Vos kwamen langs. Vos zegt dat het klopt.", "Vos", "Vos"),
])
def test_surname_takes_the_one_full_name_the_article_writes(text: str, source: str, expected: str) -> None:
    statement = _statement(text, source, "zegt")
    speakers.resolve(text, [statement], "nl")
    assert statement.speaker == expected


@pytest.mark.parametrize(("text", "named", "expected"), [
    # A named source written with the role, not the latest named source.
    ("Zorgminister Bruno Bruins zei dat het plan klaar is. Henk Smit zei dat het te laat is. "
     "De minister zegt dat het kan.", ["Zorgminister Bruno Bruins", "Henk Smit"], ("Bruno Bruins", None)),
    ("Bruno Bruins, minister van Medische Zorg, zei dat het klaar is. Henk Smit zei dat het te laat is. "
     "De minister zegt dat het kan.", ["Bruno Bruins", "Henk Smit"], ("Bruno Bruins", None)),
    # No statement of his: the name the text writes after the role, without what runs into the next sentence.
    ("Daar was premier Rutte. Hij lachte. De premier zegt dat het kan.", [], ("Rutte", None)),
    ("Het gaat om president Erdogan van Turkije. De president zegt dat het kan.", [], ("Erdogan", "Turkije")),
    # No one written with the role: the description stays.
    ("Henk Smit zei dat het te laat is. De minister zegt dat het kan.", ["Henk Smit"], ("De minister", None)),
    # After a noun that is no person's role, a name may be an object: only a named source counts.
    ("Daarop besloot de gemeente Dura Vermeer een boete op te leggen. De gemeente zegt dat het kan.", [],
     ("De gemeente", None)),
])
def test_description_points_back_to_the_named_source_with_its_role(
    text: str, named: list[str], expected: tuple[str, str | None]
) -> None:
    statements = [_statement(text, source, "zei", n) for n, source in enumerate(named)]
    last = _statement(text, text.split(". ")[-1].removesuffix(" zegt dat het kan."), "zegt")
    speakers.resolve(text, [*statements, last], "nl")
    assert (last.speaker, last.affiliation) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Milieudefensie klaagt Shell aan. Shell ontkent. Milieudefensie wil meer. Ook verwijt Milieudefensie Shell "
     "tijd te rekken.", "Milieudefensie"),
    # A person's name: the first name is not written alone.
    ("Sander Dekker wil meer. Dekker zegt dat. Dekker lacht. Ook verwijt Sander Dekker niemand iets.",
     "Sander Dekker"),
])
def test_two_names_run_together_give_the_first(text: str, expected: str) -> None:
    # The source follows the cue here (verb second), so the spans are set by hand.
    cue = text.index("verwijt")
    source = cue + len("verwijt ")
    end = text.index(" ", text.index(" ", source) + 1)
    statement = Statement(cue=Span.of(text, cue, cue + 7), content=Span.of(text, end + 1, len(text)),
                          source=Span.of(text, source, end))
    speakers.resolve(text, [statement], "nl")
    assert statement.speaker == expected


def test_pronoun_with_no_named_source_takes_the_description_that_spoke_last() -> None:
    text = "Een 81-jarige man zei dat hij boos is. Hij verklaarde dat hij moet omrijden."
    statements = [_statement(text, "Een 81-jarige man", "zei"), _statement(text, "Hij", "verklaarde")]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Een 81-jarige man", "Een 81-jarige man"]


def test_an_initial_takes_the_one_person_written_with_it() -> None:
    text = "De IS-strijder Yago R. wil terug. Volgens R. is het kamp zwaar. Hij zegt dat hij spijt heeft."
    statements = [_statement(text, "R.", "is het"), _statement(text, "Hij", "zegt")]
    statements[0].source = Span.of(text, text.index("R. is"), text.index("R. is") + 2)
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Yago R.", "Yago R."]


def test_a_source_that_names_no_one_is_no_antecedent() -> None:
    text = "Lena Smit zei dat het klopt. Marketingfoto's Telefonisch zegt niets. Ze zei het opnieuw."
    statements = [_statement(text, "Lena Smit", "zei"), _statement(text, "Marketingfoto's Telefonisch", "zegt"),
                  _statement(text, "Ze", "zei", 1)]
    speakers.resolve(text, statements, "nl")
    assert statements[2].speaker == "Lena Smit"


def test_pronoun_far_after_a_description_is_not_resolved_to_it() -> None:
    filler = "Het regende die dag de hele middag en de straten stonden vol water. " * 7
    text = f"Een 81-jarige man zei dat hij boos is. {filler}Hij verklaarde dat hij moet omrijden."
    statements = [_statement(text, "Een 81-jarige man", "zei"), _statement(text, "Hij", "verklaarde")]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Een 81-jarige man", "Hij"]


def test_a_description_that_does_not_speak_is_no_antecedent() -> None:
    text = "De heftige confrontatie zorgde voor onrust. Ze ontdekken ook dat het niet de eerste keer is."
    statements = [_statement(text, "De heftige confrontatie", "zorgde"), _statement(text, "Ze", "ontdekken")]
    speakers.resolve(text, statements, "nl")
    assert statements[1].speaker == "Ze"


def test_a_singular_pronoun_is_no_plural_description() -> None:
    text = "Twee agenten zeiden dat het rustig was. Hij verklaarde dat hij moet omrijden."
    statements = [_statement(text, "Twee agenten", "zeiden"), _statement(text, "Hij", "verklaarde")]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Twee agenten", "Hij"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Jan Smit kreeg de Nobelprijs voor de Vrede. Hij zegt dat hij blij is.", "Jan Smit"),
    # An organisation or a prize is no "hij"; with no person's name before, the pronoun stays.
    ("Het werk kreeg de Nobelprijs voor de Vrede. Hij zegt dat hij blij is.", "Hij"),
    ("Het geld ging naar het ANP-kantoor van NOS Sport. Hij zegt dat hij blij is.", "Hij"),
])
def test_pronoun_with_no_named_source_takes_a_persons_name_written_before(text: str, expected: str) -> None:
    statement = _statement(text, "Hij", "zegt")
    speakers.resolve(text, [statement], "nl")
    assert statement.speaker == expected


def test_a_name_run_into_a_description_after_a_particle_is_no_full_name() -> None:
    text = ("Brussee zei dat het klopt. Brussee lacht. De Kamer vroeg om meer. Ook de Kamer wil dat. Toen "
            "informeerde Brussee de Kamer over het plan. De Kamer zegt dat het te laat is.")
    statement = _statement(text, "De Kamer", "zegt")
    speakers.resolve(text, [statement], "nl")
    assert statement.speaker == "De Kamer"


def _resolved(text: str, source: str, cue: str, content: str) -> tuple[str | None, str | None]:
    """(source text, speaker) of one statement after the speakers stage."""
    cue_start = text.index(cue)
    start = text.index(source)
    content_start = text.index(content)
    statement = Statement(cue=Span.of(text, cue_start, cue_start + len(cue)),
                          content=Span.of(text, content_start, content_start + len(content)),
                          source=Span.of(text, start, start + len(source)))
    speakers.resolve(text, [statement], "nl")
    return (statement.source.text if statement.source else None), statement.speaker


@pytest.mark.parametrize(("text", "source", "cue", "content", "expected"), [
    # A modifier cut off from its head is read on to the name.
    ("Klanten haakten volgens voormalig directeur Anna Kroon af.", "voormalig", "volgens", "Klanten haakten",
     ("voormalig directeur Anna Kroon", "Anna Kroon")),
    ("Voorlopig hebben alle zeven partijen gezegd mee te doen.", "alle zeven", "gezegd", "mee te doen",
     ("alle zeven partijen", "alle zeven partijen")),
    # After an adverbial opening the sentence the subject follows the verb.
    ("Om die reden eist het Openbaar Ministerie een celstraf.", "reden", "eist", "een celstraf",
     ("het Openbaar Ministerie", "het Openbaar Ministerie")),
    # The speaker named after the close of the quote.
    ("'Je mag dat gerust aan hen melden', zegt Joop.", "gerust", "melden", "aan hen",
     ("Joop", "Joop")),
    # A name opening the sentence, set off by a comma.
    ("Leo Geel, directeur van Nyfer, spreekt van polarisering op de arbeidsmarkt.", "polarisering",
     "spreekt van", "polarisering op de arbeidsmarkt", ("Leo Geel", "Leo Geel")),
    # A word for people in general is a real subject: the object after the verb is no speaker.
    (",,Niemand wil de militairen inzetten'', zei de minister.", "Niemand", "wil", "de militairen inzetten",
     ("Niemand", "Niemand")),
    # A word of the language capitalised only as it opens a sentence names no one ...
    (",,Nou, we gaan niet iedereen bellen en zeggen dat ze een baan krijgen.''", "Nou", "zeggen",
     "ze een baan krijgen", (None, None)),
    # ... unless the article writes it capitalised inside a sentence, as a surname
    ("Volgens Jan Bos klopt het. Bos zegt dat het kan.", "Bos", "zegt", "het kan", ("Bos", "Jan Bos")),
    # After a subject the noun after the verb is the object ("drongen de affaire ... naar de achtergrond").
    ("Maar recentere drama's drongen de Rushdie-affaire naar de achtergrond.", "drama's", "drongen",
     "de Rushdie-affaire naar de achtergrond", ("drama's", "drama's")),
])
def test_a_stray_word_source_gives_way_to_the_real_speaker(
    text: str, source: str, cue: str, content: str, expected: tuple[str | None, str | None]
) -> None:
    assert _resolved(text, source, cue, content) == expected


def test_you_in_an_interview_question_is_the_one_interviewed() -> None:
    text = ("Minister Karel Bos wil meer arbeidsmigranten. ,,We hebben ze nodig'', zegt Bos. "
            "U zegt dat verdringing niet is aangetoond. ,,Dat klopt'', zegt Bos.")
    statements = [_statement(text, "Minister Karel Bos", "wil"), _statement(text, "Bos", "zegt"),
                  _statement(text, "U", "zegt", 1), _statement(text, "Bos", "zegt", 2)]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Karel Bos", "Karel Bos", "Karel Bos", "Karel Bos"]


def test_you_inside_a_quote_is_not_the_one_interviewed() -> None:
    text = "Jan Smit zei het. Jan Smit zei het weer. 'Wilt u ophouden', vraagt Piet Post."
    statements = [_statement(text, "Jan Smit", "zei"), _statement(text, "Jan Smit", "zei", 1),
                  _statement(text, "u", "ophouden")]
    speakers.resolve(text, statements, "nl")
    assert statements[2].speaker == "u"


def test_a_common_word_opening_the_sentence_is_no_given_name() -> None:
    # "Eer" is written in lower case too: a word opening the sentence, not Dekker's given name.
    text = "Minister Sander Dekker zei dat het klopt. Het is een eer.\nEer Dekker zegt dat het anders kan."
    statements = [_statement(text, "Minister Sander Dekker", "zei"), _statement(text, "Eer Dekker", "zegt")]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Sander Dekker", "Sander Dekker"]


def test_a_description_of_a_person_with_a_role_compound_is_no_organisation() -> None:
    assert speakers.name_of("de oud-partijleider van de VVD", "nl") == ("de oud-partijleider van de VVD", None)
    assert speakers.name_of("VVD-prominent Neelie Kroes", "nl") == ("Neelie Kroes", "VVD")
    assert speakers.name_of("AIVD-baas Dick Schoof", "nl") == ("Dick Schoof", "AIVD")


def test_a_genitive_of_a_named_source_is_that_source() -> None:
    text = "Premier Theresa May zei dat het kan. Ook Mays verwijt dat het te laat is, klinkt hard."
    statements = [_statement(text, "Premier Theresa May", "zei"), _statement(text, "Mays", "verwijt")]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Theresa May", "Theresa May"]


def test_a_title_opening_the_only_full_name_is_dropped_from_it() -> None:
    # "bisschop" is written in lower case too: the full name the article writes is "Jos Punt".
    text = "Bisschop Jos Punt preekte. De bisschop zweeg daarna. Punt zegt dat het klopt."
    statement = _statement(text, "Punt", "zegt")
    speakers.resolve(text, [statement], "nl")
    assert statement.speaker == "Jos Punt"


def test_a_description_opening_the_sentence_keeps_its_article() -> None:
    text = "Het is het kabinet dat beslist. Het kabinet zegt dat het klopt."
    statement = _statement(text, "Het kabinet", "zegt")
    speakers.resolve(text, [statement], "nl")
    assert statement.speaker == "Het kabinet"


@pytest.mark.parametrize("text,sources,expected", [
    # No name to point back to: the description of a person of the pronoun's gender and number.
    ("Een man uit Zwolle belde de politie. Hij zei dat hij was beroofd.", [("Hij", "zei")], ["een man"]),
    ("De buurvrouw hoorde geschreeuw. Ze zegt dat het laat was.", [("Ze", "zegt")], ["de buurvrouw"]),
    ("De demonstranten liepen naar het plein. Ze zeggen dat de wet moet verdwijnen.", [("Ze", "zeggen")],
     ["de demonstranten"]),
    ("Boeren kwamen naar het plein. Ze vinden dat de regels te streng zijn.", [("Ze", "vinden")], ["boeren"]),
    # "hij" is no woman, "ze zegt" no group: the pronoun stays unresolved.
    ("Een vrouw stond bij de deur. Hij zei dat het koud was.", [("Hij", "zei")], ["Hij"]),
    ("De agenten stonden bij de deur. Ze zegt dat het koud was.", [("Ze", "zegt")], ["Ze"]),
    # "hij" is no organisation: not "de politie" of the statement before, but the man.
    ("De politie meldt dat de man wegliep. Hij zei dat hij bang was.", [("De politie", "meldt"), ("Hij", "zei")],
     ["De politie", "de man"]),
])
def test_pronoun_takes_a_description_of_its_gender_and_number(
        text: str, sources: list[tuple[str, str]], expected: list[str]) -> None:
    statements = [_statement(text, source, cue) for source, cue in sources]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == expected


@pytest.mark.parametrize("text,source,cue,expected", [
    # A stray word read as the source inside a relative clause: the phrase the relative pronoun follows.
    ("Het was het werk van demonstranten die chaos willen zaaien.", "chaos", "willen", "demonstranten"),
    ("Dat vindt de fractie, die bezorgd constateert dat de kosten stijgen.", "bezorgd", "constateert",
     "de fractie"),
    ("Er zijn al veel ouders die ervoor pleiten dat de school open blijft.", "ervoor", "pleiten", "veel ouders"),
    # No phrase naming someone before the pronoun: the source stays as it was.
    ("Het is iets wat niemand die ervoor pleit wil horen.", "ervoor", "pleit", "ervoor"),
])
def test_stray_source_in_a_relative_clause(text: str, source: str, cue: str, expected: str) -> None:
    statement = _statement(text, source, cue)
    speakers.resolve(text, [statement], "nl")
    assert statement.source is not None and statement.source.text == expected


@pytest.mark.parametrize("text,source,cue,expected", [
    # A stray word read as the source of a verb closing a subordinate clause: the clause's subject.
    ("De rechter wachtte, omdat beide ouders toch een poging willen wagen.", "wagen", "willen", "beide ouders"),
    ("Eerder bleek al dat Philips een fabriek wil verkopen.", "verkopen", "wil", "Philips"),
    ("Ze zei dat hij geen auto meer wilde kopen.", "kopen", "wilde", "hij"),
    # past commas of an apposition, not past ", en" that opens a new clause, nor to an object pronoun
    ("Ze was minister toen ze met Jan Bos, minister van Milieu, maatregelen wilde nemen.", "maatregelen", "wilde",
     "ze"),
    ("Men denkt dat Piet de Vries vertrekt, en de bond wil voorkomen dat het misgaat.", "voorkomen", "wil",
     "voorkomen"),
    ("Ook advocaten die hem eerder hielpen, willen niets kwijt.", "niets", "willen", "niets"),
    # "als" also compares, "volgens" takes the phrase after it: no subject read there.
    ("Het is hetzelfde bedrag als de bond wil investeren.", "investeren", "wil", "investeren"),
])
def test_stray_source_of_a_subordinate_clause(text: str, source: str, cue: str, expected: str) -> None:
    cue_start, source_start = text.index(f" {cue} ") + 1, text.index(source)
    statement = Statement(cue=Span.of(text, cue_start, cue_start + len(cue)),
                          content=Span.of(text, cue_start + len(cue) + 1, len(text)),
                          source=Span.of(text, source_start, source_start + len(source)))
    speakers.resolve(text, [statement], "nl")
    assert statement.source is not None and statement.source.text == expected


def test_pronoun_takes_the_named_source_mentioned_last() -> None:
    text = ("Anna Vos zei dat het goed ging. Jan Smit zei later dat het slecht ging. "
            "Toch blijft Vos optimistisch. Ze zegt dat het beter wordt.")
    statements = [_statement(text, "Anna Vos", "zei"), _statement(text, "Jan Smit", "zei", 1),
                  _statement(text, "Ze", "zegt")]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Anna Vos", "Jan Smit", "Anna Vos"]


@pytest.mark.parametrize("text,source,cue,expected", [
    # A stray word opening the sentence before the verb: an adverbial in first place, the subject after the verb.
    ("Aanvankelijk riep de bond iedereen op te blijven.", "Aanvankelijk", "riep", "de bond"),
    ("Deze week maakte de toezichthouder NZa bekend dat het zo blijft.", "Deze", "maakte", "de toezichthouder NZa"),
])
def test_stray_opener_before_the_verb(text: str, source: str, cue: str, expected: str) -> None:
    statement = _statement(text, source, cue)
    speakers.resolve(text, [statement], "nl")
    assert statement.source is not None and statement.source.text == expected


def test_a_role_with_its_article_points_back_to_the_named_source() -> None:
    text = "Dominee Jan de Wit zegt dat de kerk open blijft. Volgens de dominee is dat nodig."
    statements = [_statement(text, "Dominee Jan de Wit", "zegt"), Statement(
        cue=Span.of(text, text.index("Volgens"), text.index("Volgens") + 7),
        content=Span.of(text, text.index("is dat"), len(text)),
        source=Span.of(text, text.index("de dominee"), text.index("de dominee") + 10))]
    speakers.resolve(text, statements, "nl")
    assert [s.speaker for s in statements] == ["Jan de Wit", "Jan de Wit"]


@pytest.mark.parametrize("text,expected", [
    # No named source: a one-word name after a person's title is the pronoun's referent...
    ("Het plan van premier Vos ligt klaar. Ze zegt dat het werkt.", "Vos"),
    # ...not after a title of the other gender, nor for a pronoun of several.
    ("Het plan van meneer Vos ligt klaar. Ze zegt dat het werkt.", "Ze"),
    ("Het plan van premier Vos ligt klaar. Ze zeggen dat het werkt.", "Ze"),
])
def test_pronoun_takes_a_titled_name(text: str, expected: str) -> None:
    statement = _statement(text, "Ze", "zeg")
    speakers.resolve(text, [statement], "nl")
    assert statement.speaker == expected


def test_a_document_read_as_the_source_reads_on_to_whose_it_is() -> None:
    text = "Volgens berekeningen van Nibud geeft een gezin te veel uit."
    cue = Span.of(text, 0, 7)
    statement = Statement(cue=cue, content=Span.of(text, 33, len(text)), source=Span.of(text, 8, 20))
    speakers.resolve(text, [statement], "nl")
    assert statement.source is not None and statement.source.text == "berekeningen van Nibud"
    assert statement.speaker == "berekeningen van Nibud"
    found = parse_mention(statement.speaker)
    assert found is not None and found.name == "Nibud"  # the store's source: whose the figures are
