"""English extraction: text -> (source, cue, content, stance), on sentences written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.extract import extract_statements, extractor_for
from claimcheck.records import Statement

extract = extractor_for("en")


def found(text: str) -> list[tuple[str | None, str, str, str]]:
    return [
        (s.source.text if s.source else None, s.cue.text, _content(s, text), s.stance) for s in extract(text, None)
    ]


def _content(statement: Statement, text: str) -> str:
    return " | ".join(text[a:b] for a, b in statement.content.pieces())


CASES = [
    # direct quotes, cue after
    ("“The bridge will open in May,” the mayor said.",
     [("the mayor", "said", "The bridge will open in May", "assert")]),
    # cue inside the quote, content in two pieces
    ("“We checked every ballot,” she said, “and found nothing wrong.”",
     [("she", "said", "We checked every ballot | and found nothing wrong.", "assert")]),
    # cue before, colon
    ("Governor Ada Lind said: “Taxes will not rise this year.”",
     [("Governor Ada Lind", "said", "Taxes will not rise this year.", "assert")]),
    # inverted cue after the quote, with an apposition
    ("“Nobody reads the fine print,” said Tom Berry, a consumer lawyer.",
     [("Tom Berry, a consumer lawyer", "said", "Nobody reads the fine print", "assert")]),
    # indirect speech with that
    ("The ministry said that exports fell by four percent.",
     [("The ministry", "said", "exports fell by four percent", "assert")]),
    # indirect speech with a day between cue and content
    ("Senator Mara Holt said Tuesday the tariffs would hurt farmers.",
     [("Senator Mara Holt", "said Tuesday", "the tariffs would hurt farmers", "assert")]),
    # addressee before the content
    ("Kessler told CNN that the talks had collapsed.",
     [("Kessler", "told", "the talks had collapsed", "assert")]),
    # denial
    ("The company denied that it had misled investors.",
     [("The company", "denied", "it had misled investors", "deny")]),
    # question
    ("Reporters asked whether the plant would close.",
     [("Reporters", "asked", "whether the plant would close", "question")]),
    # prediction
    ("Analysts predicted that prices would double by spring.",
     [("Analysts", "predicted", "prices would double by spring", "predict")]),
    # according to, before and after
    ("According to the coast guard, the ferry sank within minutes.",
     [("the coast guard", "According to", "the ferry sank within minutes", "assert")]),
    ("The ferry sank within minutes, according to the coast guard.",
     [("the coast guard", "according to", "The ferry sank within minutes", "assert")]),
    # content before the cue, no quotes
    ("The deal is dead, the union leader said.",
     [("the union leader", "said", "The deal is dead", "assert")]),
    # "That is what X reported": the content is the sentence before, without its full stop (as in Dutch)
    ("The council will cut the bus budget. That is what the Daily Courier reported.",
     [("the Daily Courier", "reported", "The council will cut the bus budget", "assert")]),
    # nominal cues with that; a statement nested in a denial is kept as its own statement (as in Dutch)
    ("Lund dismissed reports by the Herald that she would resign.",
     [("Lund", "dismissed", "reports by the Herald that she would resign", "deny"),
      ("the Herald", "reports", "she would resign", "assert")]),
    ("Officials rejected Moreno's claim that the vote was rigged.",
     [("Officials", "rejected", "Moreno's claim that the vote was rigged", "deny"),
      ("Moreno", "claim", "the vote was rigged", "assert")]),
    # a quote, then a long source with appositions or a relative clause, then the cue and adjuncts only
    ("“The port will stay open,” Ana Ruiz, who chairs the harbour board, told reporters on a tour of the docks.",
     [("Ana Ruiz, who chairs the harbour board", "told", "The port will stay open", "assert")]),
    ("“We were never told,” the tall, 58-year-old farmer said in a long interview with the Courier.",
     [("the tall, 58-year-old farmer", "said", "We were never told", "assert")]),
    # a naming participle after a noun phrase with "a" names it; a cue does not ("called the report false")
    ("A spokesman for the mayor called the report false.",
     [("A spokesman for the mayor", "called", "the report false", "assert")]),
    # an inverted source takes a capitalised apposition that runs to the end of the sentence
    ("“The levy is unfair,” said Ana Ruiz, Holt's budget director at the council.",
     [("Ana Ruiz, Holt's budget director at the council", "said", "The levy is unfair", "assert")]),
    # nesting: PolNeAR marks a "say" inside another frame's content as a statement of its own, but not a "say"
    # inside a speech frame, nor another cue
    ("Critics oppose the levy that the mayor said would pay for the roads.",
     [("Critics", "oppose", "the levy that the mayor said would pay for the roads", "assert"),
      ("the mayor", "said", "would pay for the roads", "assert")]),
    ("The union wants to end the strike the mayor said was illegal.",
     [("The union", "wants", "to end the strike the mayor said was illegal", "assert"),
      ("the mayor", "said", "was illegal", "assert")]),
    ("Holt said the mayor said the levy was fair.",
     [("Holt", "said", "the mayor said the levy was fair", "assert")]),
    # ... unless its cue lies far (100 characters or more) past the outer cue
    ("Holt said the council would close the harbour, the ferry terminal, the old rail yard and the bus depot before "
     "the end of the next budget year because its own auditor said the costs were too high.",
     [("Holt", "said", "the council would close the harbour, the ferry terminal, the old rail yard and the bus depot "
       "before the end of the next budget year because its own auditor said the costs were too high", "assert"),
      ("its own auditor", "said", "the costs were too high", "assert")]),
    ("Holt said the council would close the harbour because its auditor said the costs were too high.",
     [("Holt", "said", "the council would close the harbour because its auditor said the costs were too high",
       "assert")]),
    ("Polls show the race is close, a party official said.",
     [("a party official", "said", "Polls show the race is close", "assert")]),
    ("Her criticism of the airport plan, voiced on Monday, surprised the council.",
     [("Her", "criticism", "the airport plan", "assert")]),
    # raising verbs: PolNeAR names no source and puts the subject in the content
    ("The mayor seemed to enjoy the debate.",
     [(None, "seemed", "The mayor | to enjoy the debate", "assert")]),
    # interview transcripts: "NAME: ..."
    ("HOLT: We will vote against the budget.",
     [("HOLT", ":", "We will vote against the budget.", "assert")]),
    # an attribution wrapped in "according to" is one attribution, not two
    ("Lind told donors the race was close, according to two people in the room.",
     [("two people in the room", "according to", "Lind told donors the race was close", "assert")]),
    # post-posed cue with an apposition and an adjunct after it
    ("“The numbers are wrong,” Ana Ruiz, a budget analyst, said on a call with reporters.",
     [("Ana Ruiz, a budget analyst", "said", "The numbers are wrong", "assert")]),
    # passive with the source after "by"
    ("The tax plan was praised by the chamber of commerce.",
     [("the chamber of commerce", "was praised", "The tax plan", "assert")]),
    # pronoun source, belief cue
    ("He thinks the rally drew more than ten thousand people.",
     [("He", "thinks", "the rally drew more than ten thousand people", "assert")]),
    # intention
    ("The coalition wants to lower the voting age to sixteen.",
     [("The coalition", "wants", "to lower the voting age to sixteen", "assert")]),
    # no named source
    ("It is believed that the documents were destroyed in 2019.",
     [(None, "is believed", "the documents were destroyed in 2019", "assert")]),
    # participle cue takes the subject of the sentence
    ("Kramer defended the budget, saying it protected schools.",
     [("Kramer", "defended", "the budget", "assert"), ("Kramer", "saying", "it protected schools", "assert")]),
    # subject with a relative clause, then a clause (not an inverted source) after the cue
    ("The senator, who chairs the panel, said the bill was dead.",
     [("The senator, who chairs the panel", "said", "the bill was dead", "assert")]),
    # relative pronoun as the source, as PolNeAR marks it
    ("The plan angered voters who wanted lower taxes.",
     [("who", "wanted", "lower taxes", "assert")]),
    # the outer attribution wins over a cue inside its content
    ("The county plans to reopen the ferry by June, the clerk said.",
     [("the clerk", "said", "The county plans to reopen the ferry by June", "assert")]),
    # an inverted source keeps its whole apposition, relative clause included
    ("“The count is not over,” said Ed Moss, 58, a poll worker who has served since 1990.",
     [("Ed Moss, 58, a poll worker who has served since 1990", "said", "The count is not over", "assert")]),
    # an inverted source that opens with a lower-case word, and an apposition without an article
    ("The levy will pass easily, said one organiser, treasurer of the tenants union.",
     [("one organiser, treasurer of the tenants union", "said", "The levy will pass easily", "assert")]),
    # a contracted pronoun opens the clause after an addressee
    ("Vega reminded Holt she’d need a permit for the march.",
     [("Vega", "reminded", "she’d need a permit for the march", "assert")]),
    # phrasal cues
    ("The mayor made it clear that the pool would stay closed.",
     [("The mayor", "made it clear", "the pool would stay closed", "assert")]),
    ("Lind would like to see the tram extended.",
     [("Lind", "would like", "to see the tram extended", "assert")]),
    ("Moss shot back that the audit was rigged.",
     [("Moss", "shot back", "the audit was rigged", "assert")]),
    # the verb governing an infinitive cue joins the cue
    ("Lind went on to say that the plan was dead.",
     [("Lind", "went on to say", "the plan was dead", "assert")]),
    ("Holt quickly moved to emphasize border security.",
     [("Holt", "quickly moved to emphasize", "border security", "assert")]),
    # a poll opening the sentence is cued by "In", as PolNeAR marks it; "in" elsewhere is not a cue
    ("In a Courier poll released Monday, most voters backed the levy.",
     [("a Courier poll released Monday", "In", "most voters backed the levy", "assert")]),
    # "issued a statement saying": the cue starts at the verb and the source is its subject
    ("The union issued a statement saying the strike would go on.",
     [("The union", "issued a statement saying", "the strike would go on", "assert")]),
    # "Asked about X, …": a question with no named asker, and the answer's own attribution
    ("Asked about the tunnel, the mayor said it would open in May.",
     [(None, "Asked about", "the tunnel", "question"), ("the mayor", "said", "it would open in May", "assert")]),
    ("“Not yet,” Vega said when asked whether the count was over.",
     [("Vega", "said", "Not yet", "assert"), (None, "asked", "whether the count was over", "question")]),
    # an intent cue with a longer addressee before the infinitive keeps the addressee in the content
    ("Holt called on fellow council members to reject the budget.",
     [("Holt", "called on", "fellow council members to reject the budget", "assert")]),
    ("Lind views the levy as a burden on farmers.",
     [("Lind", "views", "the levy as a burden on farmers", "assert")]),
    # an aside between the subject and its cue is no part of the source
    ("Ruiz, by contrast, said the levy was fair.",
     [("Ruiz", "said", "the levy was fair", "assert")]),
    # a longer addressee before a clause with a pronoun subject
    ("Ruiz told a press briefing she would appeal the ruling.",
     [("Ruiz", "told", "she would appeal the ruling", "assert")]),
    # a time phrase that opens the content is not skipped
    ("Moss said each year of training adds to a nurse's pay.",
     [("Moss", "said", "each year of training adds to a nurse's pay", "assert")]),
    # a naming participle after "a"/"an" and a noun is no cue; the same verb with a subject is
    ("Holt leads a group called Safe Streets and said the levy was fair.",
     [("Holt", "said", "the levy was fair", "assert")]),
    ("An aide called the plan a disaster.",
     [("An aide", "called", "the plan a disaster", "assert")]),
    # "see"/"saw" are cues only with an object and "as" after it
    ("Most voters see the levy as a burden.",
     [("Most voters", "see", "the levy as a burden", "assert")]),
    ("Some saw his remarks as a threat to the deal.",
     [("Some", "saw", "his remarks as a threat to the deal", "assert")]),
    # two lower-case subjects joined by "and" after the content
    ("Taxes will rise, teachers and union officials said.",
     [("teachers and union officials", "said", "Taxes will rise", "assert")]),
    # examples after an object belong to it
    ("Lind criticized several plans, including the levy and the toll.",
     [("Lind", "criticized", "several plans, including the levy and the toll", "assert")]),
    ("Lind criticized the plan, especially the levy.",
     [("Lind", "criticized", "the plan, especially the levy", "assert")]),
    # an inverted source keeps an apposition that opens with a party or "whose"
    ("“The bill is dead,” said Senator Ana Ruiz, Democrat of Ohio.",
     [("Senator Ana Ruiz, Democrat of Ohio", "said", "The bill is dead", "assert")]),
    ("“The bill is dead,” said Alderman Tom Berry, whose ward includes the port.",
     [("Alderman Tom Berry, whose ward includes the port", "said", "The bill is dead", "assert")]),
    # an initialism's full stop does not end an inverted source
    ("“The bill is dead,” said a former U.S. trade official.",
     [("a former U.S. trade official", "said", "The bill is dead", "assert")]),
    # a participle after an object: the speaker is the subject of the clause
    ("Lind gave a speech outlining her plan for the port.",
     [("Lind", "outlining", "her plan for the port", "assert")]),
    # a transcript line keeps its speaker
    ("Lind: The levy is unfair.",
     [("Lind", ":", "The levy is unfair.", "assert")]),
    # the cue interrupts its content, which goes on after it ("A, he said, B")
    ("The new ferry, the mayor said, will be ready by June.",
     [("the mayor", "said", "The new ferry | will be ready by June", "assert")]),
    ("Take the bus, he said, and you will be late.",
     [("he", "said", "Take the bus | and you will be late", "assert")]),
    # an object cue in the second piece is part of it
    ("The plan is late, he said, but the council will praise the builders.",
     [("he", "said", "The plan is late | but the council will praise the builders", "assert")]),
    # ... but not over an adjunct of the saying, a participle or another attribution
    ("The levy is unfair, she said, on the steps of city hall.",
     [("she", "said", "The levy is unfair", "assert")]),
    ("The levy is unfair, she said, adding that it hurts renters.",
     [("she", "said", "The levy is unfair", "assert"), ("she", "adding", "it hurts renters", "assert")]),
    ("The plant will close, Lind said, and Holt said the port would too.",
     [("Lind", "said", "The plant will close", "assert"), ("Holt", "said", "the port would too", "assert")]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_constructions(text: str, expected: list[tuple[str | None, str, str, str]]) -> None:
    assert found(text) == expected


NO_ATTRIBUTION = [
    "The bridge opened in May after three years of work.",
    "Residents of several states saw heavy snow on Sunday.",
    "She sent an email to the council about the parking rules.",
    "I saw him at the rally on Sunday.",
    # naming participles
    "She leads a program called Safe Streets in the city.",
    "They attended a rally dubbed the March for Farms.",
    "A new group called Safe Streets will hold a march.",
    # "Name: …" lines that state no claim: a tally, a handle, a running-news heading
    "Holt: 4,120.",
    "Twitter: @cityhall.",
    "The Latest: Holt wins the county vote.",
    # an inflected cue form after "to" is a noun or an adjective, not an infinitive
    "There is a looming risk to continued growth.",
    # ... and after a preposition it modifies a noun
    "Holt still leads in pledged delegates by a wide margin.",
    "The count of votes for pledged candidates ended on Monday.",
]


@pytest.mark.parametrize("text", NO_ATTRIBUTION)
def test_no_attribution(text: str) -> None:
    assert extract(text, None) == []


def test_quote_continues_in_the_next_paragraph() -> None:
    text = "“We will appeal,” Dana Cole said.\n\n“The ruling ignores the evidence.”"
    (statement,) = extract(text, None)
    assert _content(statement, text) == "We will appeal | The ruling ignores the evidence."


def test_quote_of_several_sentences_before_its_cue() -> None:
    text = "“Is that fair? Is that even legal?” Ortiz asked. “I doubt it.”"
    (statement,) = extract(text, None)
    assert statement.cue.text == "asked"
    assert _content(statement, text) == "Is that fair? Is that even legal? | I doubt it."


def test_quote_before_an_address_cue_with_its_addressee() -> None:
    text = "“The mill stays open.” Ortiz told the cheering workers."
    assert found(text) == [("Ortiz", "told", "The mill stays open.", "assert")]


def test_relative_object_of_a_naming_cue() -> None:
    text = "Ruiz praised the harbour, which she describes as the city's heart."
    assert found(text)[-1] == ("she", "describes", "which | as the city's heart", "assert")


def test_cue_inside_someone_elses_quote_is_not_an_attribution() -> None:
    text = "“I think the plan will fail,” Patel said."
    assert found(text) == [("Patel", "said", "I think the plan will fail", "assert")]


@pytest.mark.parametrize("text,hedged", [
    ("The minister reportedly said that the border would close.", True),
    ("Berg claimed that the figures were wrong.", True),
    ("Berg said that the figures were wrong.", False),
    ("Berg said that the plant could close.", True),
    ("Berg said that the plant would close in May.", False),
])
def test_hedged(text: str, hedged: bool) -> None:
    (statement,) = extract(text, None)
    assert statement.hedged is hedged


def test_spans_are_offsets_into_the_text() -> None:
    text = "Intro line.\n\n“Prices will fall,” said Ann Ode. Ode added that rents would follow."
    for statement in extract(text, None):
        for span in (statement.cue, statement.content, statement.source):
            assert span is not None
            assert text[span.start : span.end] == span.text


def test_pipeline_resolves_the_pronoun() -> None:
    text = "White House spokesman Josh Arnett said the visit was cancelled. He added that it would be rescheduled."
    statements = extract_statements(text, "en")
    assert [(s.speaker, s.affiliation) for s in statements] == [
        ("Josh Arnett", "White House"), ("Josh Arnett", "White House")
    ]


def test_confidence_follows_the_frame() -> None:
    text = "“Rates will rise,” the banker said. Dana thinks rates will fall."
    quoted, belief = extract(text, None)
    assert quoted.confidence > belief.confidence > 0


# --- picture credits and bylines are not claims ---------------------------------------------------------

CREDITS = [
    # Wikinews: a credit on its own line, and after a caption
    ("Image: Nicholas Moreau.", ["Image: Nicholas Moreau."]),
    ("Protesters at the march. Image: Andrew Gray.", ["Image: Andrew Gray."]),
    ("Susan Rice Image: White House.", ["Image: White House."]),
    ("Trafalgar Square. Image: John Lubbock (flickr).\nThe mayor said so.", ["Image: John Lubbock (flickr)."]),
    ("The inmate (Image: CDCR) was moved, officials said.", ["(Image: CDCR)"]),
    ("Photo credit: Jane Doe / AP", ["Photo credit: Jane Doe / AP"]),
    ("By Evan Vucci/AP\n\nThe senator said no.", ["By Evan Vucci/AP"]),
    ("The vote failed.\n(Reuters)", ["(Reuters)"]),
    # not credits: a dateline, a sentence opening with "By", a label inside a sentence
    ("WASHINGTON (AP) — The Latest on the race:", []),
    ("By the time Christie ended, he said he would run.", []),
    ("By Wednesday, Trump had said so.", []),
    ("The PA said it would appeal.", []),
    ("the picture: grim", []),
]


@pytest.mark.parametrize(("text", "expected"), CREDITS, ids=[c[0][:40] for c in CREDITS])
def test_credit_spans(text: str, expected: list[str]) -> None:
    from claimcheck.extract.credits import credit_spans

    assert [text[start:end] for start, end in credit_spans(text)] == expected


def test_picture_credits_are_not_claims() -> None:
    text = ("Protesters at the march. Image: Andrew Gray.\n\n\nImage: Nicholas Moreau.\n\n\n"
            "Susan Rice Image: White House.\n\n\nThe mayor said the march was peaceful.")
    assert [(s.source.text if s.source else None, s.cue.text, s.content.text)
            for s in extract_statements(text, "en")] == [("The mayor", "said", "the march was peaceful")]


def test_content_stops_before_a_credit() -> None:
    text = "NG: We are not yet certain why females die. Image: Paul Budd.\n\nThe end."
    [statement] = extract_statements(text, "en")
    assert statement.content.text == "We are not yet certain why females die."
