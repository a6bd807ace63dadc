from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from claimcheck.sources import (
    SourceIndex,
    SourceName,
    match_known,
    name_key,
    parse_mention,
    resolve_in_article,
    suggest,
    surnames_to_fold,
)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("SDF-woordvoerder Mustefa Bali", ("Mustefa Bali", "person", "SDF", ())),
        ("woordvoerder Mustefa Bali van de SDF", ("Mustefa Bali", "person", "SDF", ())),
        ("Mustefa Bali, a spokesman for the SDF", ("Mustefa Bali", "person", "SDF", ())),
        ("Mustefa Bali, woordvoerder", ("Mustefa Bali", "person", None, ())),
        ("de Amerikaanse nieuwszender Fox News", ("Fox News", "outlet", None, ())),
        ("Fox News", ("Fox News", "outlet", None, ())),
        ("Reuters", ("Reuters", "outlet", None, ())),
        ("De Syrische Democratische Krachten (SDF)",
         ("SDF", "organisation", None, ("Syrische Democratische Krachten",))),
        ("de jihadisten van ‘Islamitische Staat in Irak en de Levant’ (ISIL)",
         ("ISIL", "organisation", None, ("Islamitische Staat in Irak en de Levant",))),
        ("de SDF", ("SDF", "organisation", None, ())),
        ("Geert Wilders (PVV)", ("Geert Wilders", "unknown", "PVV", ())),
        ("President Trump", ("Trump", "person", None, ())),
        ("Dutch Foreign Minister Stef Blok", ("Stef Blok", "person", None, ())),
        ("White House press secretary Sarah Sanders", ("Sarah Sanders", "person", None, ())),
        ("a spokesman for the Pentagon", ("Pentagon", "unknown", None, ())),
        ("Forum voor Democratie-voorman Thierry Baudet", ("Thierry Baudet", "person", "Forum voor Democratie", ())),
        ("oud-VVD-Kamerlid Frits Wiegel", ("Frits Wiegel", "person", "VVD", ())),
        ("Financieel directeur Clifford Abrahams van ABN Amro", ("Clifford Abrahams", "person", "ABN Amro", ())),
        ("Gemiste kans Jasper van Dijk", ("Jasper van Dijk", "unknown", None, ())),
        ("De Nederlandsche Bank", ("Nederlandsche Bank", "organisation", None, ())),  # an article: no person
        ("het oog van Trump", ("Trump", "unknown", None, ())),
        ("coalitiepartijen VVD", ("VVD", "organisation", None, ())),
        ("Bank of America", ("Bank of America", "unknown", None, ())),
        ("Ministerie van Defensie", ("Ministerie van Defensie", "unknown", None, ())),
        ("Bali", ("Bali", "unknown", None, ())),
    ],
)
def test_parse_mention(mention: str, expected: tuple[str, str, str | None, tuple[str, ...]]) -> None:
    found = parse_mention(mention)
    assert found is not None
    assert (found.name, found.kind, found.affiliation, found.aliases) == expected


@pytest.mark.parametrize(
    "mention",
    ["Hij", "zij", "they", "", "  ", None, "de door de Verenigde Staten gesteunde Arabisch-Koerdische strijdmacht",
     "de Algerijnse grondwet", "Nederlandse", "men", "u", "niemand", "weten", "meer", "6 procent", "de regels",
     "Grofweg", "Halsstarrig", "R", "de helft van de cijfers", "Marketingfoto's Telefonisch", "40",
     "18 en 35"],
)
def test_mentions_that_name_no_one(mention: str | None) -> None:
    assert parse_mention(mention) is None


def test_one_article_joins_a_surname_and_an_acronym_to_their_full_forms() -> None:
    mentions = [parse_mention(m) for m in [
        "De Syrische Democratische Krachten (SDF)", "SDF-woordvoerder Mustefa Bali", "Hij", "Bali",
        "de Amerikaanse nieuwszender Fox News", "SDF",
    ]]
    resolved = resolve_in_article(mentions)
    assert [r.display() if r else None for r in resolved] == [
        "SDF", "Mustefa Bali (SDF)", None, "Mustefa Bali (SDF)", "Fox News", "SDF",
    ]
    assert resolved[0] is not None and resolved[0].aliases == ("Syrische Democratische Krachten",)


def test_a_surname_before_the_full_name_still_joins_it() -> None:
    resolved = resolve_in_article([parse_mention("Bali"), parse_mention("SDF-woordvoerder Mustefa Bali")])
    assert [r.name if r else None for r in resolved] == ["Mustefa Bali", "Mustefa Bali"]


def test_a_surname_shared_by_two_people_joins_neither() -> None:
    resolved = resolve_in_article([parse_mention("minister Mark Rutte"), parse_mention("Anna Rutte"),
                                   parse_mention("Rutte")])
    assert [r.name if r else None for r in resolved] == ["Mark Rutte", "Anna Rutte", "Rutte"]


def test_the_spelled_out_name_joins_the_acronym_across_languages() -> None:
    resolved = resolve_in_article([parse_mention("SDF"), parse_mention("De Syrische Democratische Krachten (SDF)")])
    assert resolved[0] == resolved[1]
    assert resolved[0] is not None and resolved[0].name == "SDF"


@dataclass
class Stored:
    name: str
    kind: str
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)


KNOWN = [
    Stored("SDF", "organisation", None, ["SDF", "Syrische Democratische Krachten"]),
    Stored("Mustefa Bali", "person", "SDF", ["Mustefa Bali"]),
    Stored("Fox News", "outlet", None, ["Fox News"]),
    Stored("AP", "outlet", None, ["AP"]),
]


@pytest.mark.parametrize(
    ("candidate", "index"),
    [
        (SourceName("Mustafa Bali", "person", "SDF"), 1),  # a spelling variant
        (SourceName("Mustafa Bali", "unknown"), 1),
        (SourceName("MUSTEFA  BALI", "person"), 1),
        (SourceName("Syrische Democratische Krachten", "organisation"), 0),  # a known spelling
        (SourceName("SDF", "organisation"), 0),
        (SourceName("FOX NEWS", "outlet"), 2),
        (SourceName("AFP", "outlet"), None),  # acronyms match exactly or not at all
        (SourceName("Mustafa Bali", "outlet"), None),  # another kind
        (SourceName("Mustafa Bali", "person", "YPG"), None),  # another affiliation
        (SourceName("Bali", "unknown"), 1),  # the one stored person of that surname
        (SourceName("Balis", "unknown"), None),
        (SourceName("Mustefa Bal", "person"), None),  # a letter off in a short word is another name
        (SourceName("Mustefa Bali Ahmed", "person"), None),
    ],
)
def test_match_known(candidate: SourceName, index: int | None) -> None:
    assert match_known(candidate, KNOWN) == index


def test_name_key_ignores_case_accents_punctuation_and_articles() -> None:
    assert name_key("De Telegraaf") == name_key("telegraaf") == "telegraaf"
    assert name_key("Mustéfa  Bali.") == "mustefa bali"
    assert name_key("the") == "the"


def test_suggest_names_the_closest_spellings() -> None:
    assert suggest("Fox Nws", ["Fox News", "SDF", "Mustefa Bali"]) == ["Fox News"]
    assert suggest("zzz", ["Fox News"]) == []


@pytest.mark.parametrize(
    ("a", "b"),
    [("Tom van der Meer", "Tom van der Lee"), ("Nederland", "Nederlandse"), ("Baudet", "Baudets"),
     ("Amsterdam", "Amsterdamse")],
)
def test_different_names_that_look_alike_stay_apart(a: str, b: str) -> None:
    assert match_known(SourceName(a, "unknown"), [Stored(b, "unknown", None, [b])]) is None


def test_an_acronym_and_a_word_of_one_short_key_stay_apart() -> None:
    # a dog named "Nu" stored first, then the organisation "NU"; later mentions find each as written
    known = [Stored("Nu", "unknown", None, ["Nu"]), Stored("NU", "organisation", None, ["NU"])]
    assert match_known(SourceName("NU", "organisation"), known[:1]) is None
    assert match_known(SourceName("NU", "organisation"), known) == 1
    assert match_known(SourceName("Nu", "unknown"), known) == 0


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # Descriptions with a head noun are sources, stored as written in lower case.
        ("de socioloog", ("de socioloog", "person", None)),
        ("De politie", ("de politie", "organisation", None)),
        ("een woordvoerder van de gemeente", ("een woordvoerder van de gemeente", "person", None)),
        ("een politiewoordvoerder", ("een politiewoordvoerder", "person", None)),
        ("de Amerikaanse nieuwszender", ("de Amerikaanse nieuwszender", "outlet", None)),
        ("Andere demonstranten", ("andere demonstranten", "unknown", None)),
        ("onderzoekers", ("onderzoekers", "person", None)),
        ("bronnen", ("bronnen", "unknown", None)),
        ("De man", ("de man", "unknown", None)),
        # A role or a sentence's opening word glued before a name is not part of it.
        ("Zorgminister Bruno Bruins", ("Bruno Bruins", "person", None)),
        ("Justitieminister Ferd Grapperhaus", ("Ferd Grapperhaus", "person", None)),
        ("Imperialisme Maduro", ("Maduro", "unknown", None)),
        ("Steunpilaar Rutte", ("Rutte", "unknown", None)),
        ("Toen Jan Hamming", ("Jan Hamming", "unknown", None)),
        ("Hoewel Rutte", ("Rutte", "unknown", None)),
        ("Van Dijk", ("Van Dijk", "unknown", None)),
        ("Henning Mankell", ("Henning Mankell", "unknown", None)),
        ("Islamitische Staat", ("Islamitische Staat", "unknown", None)),
    ],
)
def test_descriptions_and_names_without_stray_words(mention: str, expected: tuple[str, str, str | None]) -> None:
    found = parse_mention(mention)
    assert found is not None
    assert (found.name, found.kind, found.affiliation) == expected


def test_descriptions_join_across_articles_only_with_the_same_affiliation() -> None:
    index = SourceIndex([Stored("de politie", "organisation", None, []),
                         Stored("een woordvoerder", "person", "Shell", [])])
    assert index.match(SourceName("de politie", "organisation")) is None
    assert index.match(SourceName("een woordvoerder", "person", "Shell")) == 1
    assert index.match(SourceName("een woordvoerder", "person", "KLM")) is None


def test_an_english_genitive_is_the_person_it_belongs_to() -> None:
    known = [Stored("Theresa May", "person", None, [])]
    assert match_known(SourceName("Theresa May's", "unknown"), known) == 0
    assert match_known(SourceName("Theresa Mays", "unknown"), known) is None


def test_a_bare_surname_shared_by_two_people_stays_apart() -> None:
    known = [Stored("Bruno Bruins", "person", "VVD", []), Stored("Eppo Bruins", "person", "ChristenUnie", []),
             Stored("Thierry Baudet", "person", None, []), Stored("Geestverwanten van Baudet", "unknown", None, [])]
    assert match_known(SourceName("Bruins", "unknown"), known) is None
    assert match_known(SourceName("Baudet", "unknown"), known) == 2  # the only person of that surname


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        # One capital is no acronym spelled out: "GL" is De Groot's party, not another name for him.
        ("De Groot (GL)", ("Groot", "unknown", "GL", ())),
        ("het Nederlandse Openbaar Ministerie (OM)",
         ("OM", "organisation", None, ("Nederlandse Openbaar Ministerie",))),
        ("Oppositiepartij PvdA", ("PvdA", "organisation", None, ())),
        ("de 46-jarige Nielsen", ("Nielsen", "unknown", None, ())),
        ("advocaat Taner Sen", ("Taner Sen", "person", None, ())),  # a surname, not "Sen." for senator
        ("De Kiesraad wees", ("Kiesraad", "unknown", None, ())),  # after an article, no sentence's first word
        ("vismijndirecteur Lokerse", ("Lokerse", "unknown", None, ())),  # a surname ending as adjectives do
        ("het Openbaar Ministerie", ("Openbaar Ministerie", "organisation", None, ())),  # people go without "het"
        # Figures, documents: whose they are is the source.
        ("de nieuwste cijfers van de politie", ("de politie", "organisation", None, ())),
        ("satellietgegevens van de NASA", ("NASA", "organisation", None, ())),
        # Plurals after a quantifier, agent nouns, people by kinship: descriptions with a head noun.
        ("veel lezers", ("veel lezers", "unknown", None, ())),
        ("beide rivalen", ("beide rivalen", "unknown", None, ())),
        ("twee mannen", ("twee mannen", "unknown", None, ())),
        ("De boa's", ("de boa's", "unknown", None, ())),
        ("politici", ("politici", "unknown", None, ())),
        ("opa", ("opa", "unknown", None, ())),
        ("De Bergse", ("de Bergse", "unknown", None, ())),  # the woman from Bergen op Zoom
        # A share of a group of people (as the gold guide marks "bijna de helft van de onderwijsprofessionals").
        ("40 procent van de sociaalliberalen", ("40 procent van de sociaalliberalen", "unknown", None, ())),
        # "woningeigenaren" is the plural of a role ("eigenaar"): a group of persons
        ("Meer dan de helft van de woningeigenaren", ("meer dan de helft van de woningeigenaren", "person", None,
                                                      ())),
        ("Grofweg de helft van de ministers", ("grofweg de helft van de ministers", "person", None, ())),
        # One or a few of a group of people, figures before people, plurals of roles, possessives.
        ("Een van de bekendste imams van de stad", ("een van de bekendste imams van de stad", "person", None, ())),
        ("Drie van de grootste Nederlandse pensioenfondsen", None),
        ("Vier van de grootste Nederlandse beleggers", ("vier van de grootste Nederlandse beleggers", "unknown",
                                                       None, ())),
        ("250 agenten", ("250 agenten", "person", None, ())),
        ("12 duizend deelnemers", ("12 duizend deelnemers", "unknown", None, ())),
        ("soldaten", ("soldaten", "person", None, ())),
        ("Mijn cliënt", ("mijn cliënt", "unknown", None, ())),
        # A place after a preposition is where the source is, not the source.
        ("een vrouw uit Zwolle", ("een vrouw uit Zwolle", "unknown", None, ())),
        ("De Duitse ambassade in Peru", ("de Duitse ambassade in Peru", "unknown", None, ())),
        ("een buurman naast mij", ("een buurman naast mij", "unknown", None, ())),
        # A name ends before a preposition that opens no name ("uit zijn onderzoek", "uit Zwolle")...
        ("Kramer uit zijn onderzoek", ("Kramer", "unknown", None, ())),
        ("Piet de Boer uit Zwolle", ("Piet de Boer", "unknown", None, ())),
        # ...but a name with a preposition inside stays whole.
        ("Vrienden op de Dam", ("Vrienden op de Dam", "unknown", None, ())),
        # A name before the preposition is the source ("het bedrijf X uit Y"); an age names a person.
        ("Het bedrijf Bakker Bouw projectontwikkeling uit Epe", ("Bakker Bouw", "organisation", None, ())),
        ("de 52-jarige", ("de 52-jarige", "unknown", None, ())),
    ],
)
def test_parse_mention_more(mention: str, expected: tuple[str, str, str | None, tuple[str, ...]] | None) -> None:
    found = parse_mention(mention)
    if expected is None:
        assert found is None
        return
    assert found is not None
    assert (found.name, found.kind, found.affiliation, found.aliases) == expected


@pytest.mark.parametrize("mention", ["een kleine 40 procent", "alle zeven",
                                     "tientallen", "ziekenhuizen"])
def test_more_mentions_that_name_no_one(mention: str) -> None:
    assert parse_mention(mention) is None


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        (["het Nederlandse Openbaar Ministerie (OM)", "het Openbaar Ministerie", "Het OM"], ["OM", "OM", "OM"]),
        (["GroenLinks", "GL"], ["GL", "GL"]),
        # The adjective is dropped only where the article writes the name without it too.
        (["het Nederlandse Openbaar Ministerie", "het Openbaar Ministerie"],
         ["Openbaar Ministerie", "Openbaar Ministerie"]),
        (["de Nederlandse Spoorwegen"], ["Nederlandse Spoorwegen"]),
    ],
)
def test_one_article_joins_an_acronym_and_a_name_with_an_adjective(mentions: list[str], expected: list[str]) -> None:
    resolved = resolve_in_article([parse_mention(m) for m in mentions])
    assert [r.name if r else None for r in resolved] == expected


@pytest.mark.parametrize(
    ("stored", "candidate", "index"),
    [
        ([Stored("GL", "organisation")], SourceName("GroenLinks", "unknown"), 0),
        ([Stored("Openbaar Ministerie", "organisation")], SourceName("OM", "organisation"), 0),
        ([Stored("Partij van de Arbeid", "organisation")], SourceName("PvdA", "organisation"), 0),
        ([Stored("Christen-Democratisch Appèl", "organisation")], SourceName("CDA", "organisation"), 0),
        # People affiliated with it make a name an organisation.
        ([Stored("Gideon Lichfield", "unknown"), Stored("GroenLinks", "unknown"),
          Stored("Jesse Klaver", "person", "GroenLinks")], SourceName("GL", "organisation"), 1),
        # Nothing says "Smoke Palace" is an organisation: "SP" stays the SP.
        ([Stored("Smoke Palace", "unknown")], SourceName("SP", "organisation"), None),
        # Initials as written: "Vincent van Dugteren" would be "VvD", not "VVD".
        ([Stored("Vincent van Dugteren", "organisation")], SourceName("VVD", "organisation"), None),
        # A name shaped like a person's (a first name the store knows, a particle) is no acronym's long form.
        ([Stored("Mark Rutte", "person"), Stored("Mark Zuiderveld", "organisation")],
         SourceName("MZ", "organisation"), None),
        ([Stored("Van Schie", "organisation")], SourceName("VS", "organisation"), None),
        # Two organisations fit: neither.
        ([Stored("Europese Unie", "organisation"), Stored("Eerste Universiteit", "organisation")],
         SourceName("EU", "organisation"), None),
        # "EU-lidstaten" holds the acronym; it does not spell it out.
        ([Stored("EU-lidstaten", "organisation")], SourceName("EU", "organisation"), None),
        # Two capitalised words of unknown kind may be anyone, not the organisation whose initials they have.
        ([Stored("VS", "organisation")], SourceName("Veel Soedanezen", "unknown"), None),
        ([Stored("SP", "organisation")], SourceName("Sarah Papenheim", "unknown"), None),
    ],
)
def test_an_acronym_joins_the_one_stored_organisation_it_stands_for(
    stored: list[Stored], candidate: SourceName, index: int | None
) -> None:
    assert match_known(candidate, stored) == index


def test_a_surname_joins_the_one_full_name_not_a_pair_or_a_party() -> None:
    known = [Stored("Mark Rutte", "person"), Stored("VVD van Rutte", "person"), Stored("Wiebes en Rutte", "unknown")]
    assert match_known(SourceName("Rutte", "unknown"), known) == 0


@dataclass
class StoredWithId(Stored):
    id: int = 0


def test_a_name_after_an_article_is_not_folded_into_itself() -> None:
    known = [StoredWithId("De Bovengrondse", "unknown", id=1), StoredWithId("Thierry Baudet", "person", id=2),
             StoredWithId("Baudet", "unknown", id=3)]
    assert surnames_to_fold(known) == [(2, 3)]


def test_an_acronym_stored_before_its_long_name_was_an_organisation_is_folded() -> None:
    known = [StoredWithId("Europese Unie", "organisation", id=1), StoredWithId("EU", "organisation", id=2),
             StoredWithId("Smoke Palace", "unknown", id=3), StoredWithId("SP", "organisation", id=4)]
    assert surnames_to_fold(known) == [(2, 1)]


def test_a_word_opening_the_sentence_before_a_stored_full_name_is_dropped() -> None:
    known = [Stored("Donald Trump", "person"), Stored("Sander Dekker", "person")]
    assert match_known(SourceName("Washington Donald Trump", "unknown"), known) == 0
    assert match_known(SourceName("Jan Sander Dekker", "person"), known) == 1
    assert match_known(SourceName("Washington Post", "unknown"), known) is None
    found = parse_mention("Pijnlijk Dekker")  # an adverb opening the sentence
    assert found is not None and found.name == "Dekker"


def _name_key_by_decomposing(text: str) -> str:
    """name_key as written before its ASCII shortcut: every spelling decomposed, accents dropped."""
    import re
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    words = re.sub(r"[^\w]+", " ", plain).split()
    while len(words) > 1 and words[0] in ("de", "het", "the"):
        words = words[1:]
    return " ".join(words)


@pytest.mark.parametrize("text", ["Mark Rutte", "De Telegraaf", "the Guardian", "CDA-fractie", "A. van 't Hek",
                                  "  Fox   News ", "Recep Tayyip Erdoğan", "Café Øresund", "STRASSE", "Straße",
                                  "De", "de  VVD", "Ĳsselmeer", "“Reuters”", "9-11"])
def test_name_key_of_ascii_is_that_of_the_decomposing_path(text: str) -> None:
    assert name_key(text) == _name_key_by_decomposing(text)


def _fuzzy_names(count: int) -> list[str]:
    firsts = ("Jan", "Johan", "Anna", "Ana", "Mark", "Marc", "Sanne", "Søren", "Fleur", "Ruud", "Joost", "Ilse")
    lasts = ("de Vries", "de Vriess", "Jansen", "Janssen", "Bakker", "Bakkers", "van der Meer", "Meijer",
             "Meyer", "Çelik", "Dijkstra", "Dykstra", "Smit", "Smits")
    return [f"{firsts[i % len(firsts)]} {chr(65 + i // 168 % 26)}. {lasts[i // 12 % len(lasts)]}"
            for i in range(count)]


def test_fuzzy_search_finds_what_a_search_of_every_name_finds() -> None:
    # The index searches only names whose letters can reach the cutoff; the answer must be the same as
    # process.extract over all names (best 10 at or above FUZZY_CUTOFF, ties by position, in index order),
    # also for names added after the first search.
    from rapidfuzz import fuzz, process

    from claimcheck.sources import FUZZY_CUTOFF

    names = _fuzzy_names(3000)
    index = SourceIndex(Stored(name, "person") for name in names[:2000])
    queries = ["jan a de vries", "johan b jansen", "anna c bakker", "soren d van der meer", "marc a meyer",
               "celik", "ruud e dykstra", "ilse b smits", "fleur c van der meerr", "mark a de vries jr"]
    found_any = False
    for round_, added in enumerate((names[2000:2500], names[2500:2501], names[2501:])):
        for name in added:
            index.add(Stored(name, "person"))
        for query in queries:
            every = process.extract(query, index._name_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF,
                                    limit=10)
            expected = sorted(at for _, _, at in every)
            assert index._closest(query) == expected, (round_, query)
            found_any = found_any or bool(expected)
    assert found_any  # the queries do meet close names: the comparison is not of empty lists


def test_a_place_named_alone_is_no_surname_of_a_longer_name() -> None:
    # "Nederland" (the country) is no surname of "Tuinbranche Nederland"; "Baudet" is Thierry Baudet's.
    assert match_known(SourceName("Nederland", "unknown"), [Stored("Tuinbranche Nederland", "unknown")]) is None
    assert match_known(SourceName("Baudet", "unknown"), [Stored("Thierry Baudet", "unknown")]) == 0


def test_a_given_name_with_a_surname_and_particle_is_another_person() -> None:
    # "Frans van Benthem" is no "Van Benthem" with a word before it: a given name opens a full name.
    known = [Stored("Van Benthem", "person")]
    assert match_known(SourceName("Frans van Benthem", "person"), known) is None


@pytest.mark.parametrize(("word", "known"), [
    ("Gerard", [Stored("Huub Gerard", "person"), Stored("Gerard Sanderink", "person")]),  # a given name
    ("Meer", [Stored("Tom van der Meer", "unknown")]),  # a common word opening a heading
])
def test_a_word_alone_that_names_no_one_in_particular_joins_no_full_name(word: str, known: list[Stored]) -> None:
    assert match_known(SourceName(word, "unknown"), known) is None


def test_a_given_name_or_a_common_word_alone_is_not_folded_into_a_full_name() -> None:
    known = [StoredWithId("Huub Gerard", "person", id=1), StoredWithId("Gerard Sanderink", "person", id=2),
             StoredWithId("Gerard", "unknown", id=3), StoredWithId("Tom van der Meer", "unknown", id=4),
             StoredWithId("Meer", "unknown", id=5), StoredWithId("Sanderink", "unknown", id=6)]
    assert surnames_to_fold(known) == [(2, 6)]


@pytest.mark.parametrize(("candidate", "index"), [
    (SourceName("Koolmees van Sociale Zaken", "unknown"), 0),  # the surname of one stored person, and his ministry
    (SourceName("Femke Halsema van Amsterdam", "unknown"), 1),  # a stored full name, and her city
    (SourceName("Roger van Boxtel", "person"), None),  # a full name with its particle: not "Roger"
    (SourceName("Tamara van Ark", "person"), None),
])
def test_a_known_person_of_somewhere_is_that_person(candidate: SourceName, index: int | None) -> None:
    known = [Stored("Wouter Koolmees", "person"), Stored("Femke Halsema", "person"), Stored("Roger", "person")]
    assert match_known(candidate, known) == index


def test_a_word_after_a_particle_is_no_surname_alone() -> None:
    # "Shell" is no surname of "Klanten van Shell", nor "Forum" of "Rob Roos van Forum"; a full name with a
    # particle has the particle in its surname ("Van Ark").
    assert match_known(SourceName("Shell", "unknown"), [Stored("Klanten van Shell", "unknown")]) is None
    assert match_known(SourceName("Forum", "unknown"), [Stored("Rob Roos van Forum", "unknown")]) is None
    assert match_known(SourceName("Rutte", "unknown"), [Stored("Mark Rutte", "person")]) == 0


@pytest.mark.parametrize(("mention", "expected"), [
    # A plural noun for people opening a sentence is a description, not a name joined across articles.
    ("Bewoners", "bewoners"), ("Ministers", "ministers"), ("Inspecties", "inspecties"),
    # Names stay names, a surname in -s too.
    ("Wouters", "Wouters"), ("Republikeinen", "Republikeinen"),
])
def test_capitalised_plural_of_people_is_a_description(mention: str, expected: str) -> None:
    found = parse_mention(mention)
    assert found is not None and found.name == expected
