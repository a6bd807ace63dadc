from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import InputError
from claimcheck.export import (
    CLAIM_FIELDS,
    claim_reviews,
    export_records,
    jsonl_lines,
    read_jsonl,
)
from claimcheck.records import Link
from claimcheck.store import NewClaim, Store, open_store

from .test_ingest import ingest_seed_for_real
from .test_store import seed_store

runner = CliRunner()

# Every schema.org term the export may use, each checked by hand on schema.org: a key outside this set is
# a property no schema.org consumer knows.
SCHEMA_TERMS = {
    "ClaimReview": {"claimReviewed", "itemReviewed", "associatedClaimReview"},
    "Claim": {"text", "description", "author", "datePublished", "inLanguage", "appearance", "firstAppearance"},
    "CreativeWork": {"url", "identifier", "headline", "publisher", "datePublished", "inLanguage"},
    "Role": {"roleName", "description", "associatedClaimReview"},
    "Person": {"name", "affiliation"},
    "Organization": {"name", "memberOf"},
    "NewsMediaOrganization": {"name", "memberOf"},
}
KEYWORDS = {"@context", "@type", "@id"}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    """The seed's gold claims (ids 1-7 for c1-c7) and gold links."""
    seeded, claim_ids = seed_store(tmp_path / "seed.db")
    assert claim_ids == {f"c{n}": n for n in range(1, 8)}
    return seeded


@pytest.fixture
def seeded(store: Store) -> Path:
    store.close()
    return store.path


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def iso_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def check_node(node: Any, where: str) -> None:
    """Every node typed with a type the export uses, every key a JSON-LD keyword or that type's term."""
    assert isinstance(node, dict), where
    kind = node.get("@type")
    if kind is None:  # an author of unknown kind: a name, no type
        assert set(node) <= {"name", "memberOf"}, where
    else:
        assert kind in SCHEMA_TERMS, where
        assert set(node) - KEYWORDS <= SCHEMA_TERMS[kind], (where, set(node) - KEYWORDS - SCHEMA_TERMS[kind])
    for key, value in node.items():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                check_node(item, f"{where}.{key}")


def check_claim_review(review: dict[str, Any]) -> None:
    """The structure of one exported ClaimReview, nothing rated and nothing the store does not hold."""
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    claim = review["itemReviewed"]
    assert claim["@type"] == "Claim"
    assert review["@id"] == claim["@id"].replace("#claim-", "#review-")
    assert review["claimReviewed"] == claim["text"] and claim["text"].strip()
    assert iso_date(claim["datePublished"])
    appearance = claim["appearance"]
    assert appearance["@type"] == "CreativeWork" and (appearance.get("url") or appearance["identifier"])
    assert "firstAppearance" in claim
    if "author" in claim:
        assert claim["author"]["name"].strip()
        assert claim["author"]["@type"] in ("Person", "Organization", "NewsMediaOrganization")
    for role in review.get("associatedClaimReview", []):
        assert role["@type"] == "Role" and role["roleName"] in ("conflicts with", "denies", "denied by")
        assert role["associatedClaimReview"]["@type"] == "ClaimReview"
    # The rating and the review's own metadata are the fact-checker's to add.
    assert not {"reviewRating", "author", "datePublished", "url", "reviewBody"} & set(review)
    check_node(review, review["@id"])


def by_id(reviews: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {review["@id"]: review for review in reviews}


def roles(review: dict[str, Any]) -> list[tuple[str, str]]:
    return [(r["roleName"], r["associatedClaimReview"]["@id"]) for r in review.get("associatedClaimReview", [])]


# --- ClaimReview ------------------------------------------------------------------------------------------------


def test_the_seed_exports_one_valid_claim_review_per_claim(store: Store) -> None:
    reviews = claim_reviews(store)
    assert [r["@id"] for r in reviews] == [f"#review-{n}" for n in range(1, 8)]
    for review in reviews:
        check_claim_review(review)
    # JSON-LD is JSON: the export survives a dump and load unchanged.
    assert json.loads(json.dumps(reviews, ensure_ascii=False)) == reviews


def test_the_fox_news_claim_as_a_claim_review(store: Store) -> None:
    fox = by_id(claim_reviews(store))["#review-4"]
    claim = fox["itemReviewed"]
    assert fox["claimReviewed"] == "IS al zou zijn verslagen en de luchtaanvallen waren gestopt"
    assert claim["author"] == {"@type": "NewsMediaOrganization", "name": "Fox News"}
    assert claim["datePublished"] == "2019-03-21"
    assert claim["description"] == ("berichten van de Amerikaanse nieuwszender Fox News, donderdag, dat IS al zou "
                                    "zijn verslagen en de luchtaanvallen waren gestopt")
    # The seed article has an id and a date only: no url, title or publisher is made up.
    article = {"@type": "CreativeWork", "identifier": "baghouz", "datePublished": "2019-03-23", "inLanguage": "nl"}
    assert claim["appearance"] == article
    assert claim["firstAppearance"] == article  # nothing agreeing with it is older
    assert roles(fox) == [("conflicts with", "#review-3"), ("denied by", "#review-5")]
    denial = fox["associatedClaimReview"][1]
    assert denial["description"] == "explicit denial: Bali denies the Fox News report"
    assert denial["associatedClaimReview"]["itemReviewed"]["author"] == {
        "@type": "Person", "name": "Mustefa Bali", "affiliation": {"@type": "Organization", "name": "SDF"}}


def test_conflicts_are_listed_on_both_sides_and_nowhere_else(store: Store) -> None:
    reviews = by_id(claim_reviews(store))
    assert roles(reviews["#review-5"]) == [("denies", "#review-4")]
    assert roles(reviews["#review-3"]) == [("conflicts with", "#review-4")]
    for n in (1, 2, 6, 7):
        assert "associatedClaimReview" not in reviews[f"#review-{n}"]


def test_first_appearance_is_the_earliest_agreeing_claim(store: Store) -> None:
    reviews = by_id(claim_reviews(store))
    # c2 agrees with c1, which agrees with the Fox News report of two days before.
    for n in (1, 2):
        first = reviews[f"#review-{n}"]["itemReviewed"]["firstAppearance"]
        assert (first["@type"], first["@id"], first["datePublished"]) == ("Claim", "#claim-4", "2019-03-21")
        assert first["author"]["name"] == "Fox News"
    # c3 agrees with nothing: it first appears in its own article.
    assert reviews["#review-3"]["itemReviewed"]["firstAppearance"]["identifier"] == "baghouz"


def test_a_claim_without_a_source_has_no_author(store: Store) -> None:
    claim = by_id(claim_reviews(store))["#review-6"]["itemReviewed"]
    assert "author" not in claim
    assert claim["description"].startswith("Aangenomen wordt dat")


def test_a_copy_first_appears_as_its_original_and_its_article_says_what_is_stored(store: Store) -> None:
    """A copy dated the same day as its original (a re-run agency text) still first appears as the original."""
    original = store.claim_rows([3])[3]
    with store.transaction():
        article = store.insert_article("copy", "Kopie.", "hash-of-the-copy", "2019-03-24", "Strijd om Baghouz",
                                       "Het Blad", "https://example.org/baghouz", "nl")
        copy = store.insert_claim(NewClaim(
            article, original["source_id"], "Hij", "meldde", original["content"], 0, 6, 0, 6, "assert", False,
            "2019-03-22", "2019-03-22", None, "nl", 1.0))
        store.mark_copies({copy: 3})
    review = by_id(claim_reviews(store))[f"#review-{copy}"]
    check_claim_review(review)
    claim = review["itemReviewed"]
    assert claim["appearance"] == {
        "@type": "CreativeWork", "url": "https://example.org/baghouz", "identifier": "copy",
        "headline": "Strijd om Baghouz", "publisher": {"@type": "Organization", "name": "Het Blad"},
        "datePublished": "2019-03-24", "inLanguage": "nl"}
    assert claim["firstAppearance"]["@id"] == "#claim-3"
    assert claim["firstAppearance"]["datePublished"] == "2019-03-22"


def test_filters_pick_reviews_and_keep_whole_conflicts(store: Store) -> None:
    fox = claim_reviews(store, source="Fox News")
    assert [r["@id"] for r in fox] == ["#review-4"]
    assert roles(fox[0]) == [("conflicts with", "#review-3"), ("denied by", "#review-5")]
    assert [r["@id"] for r in claim_reviews(store, since="2019-03-22", until="2019-03-22")] == ["#review-3",
                                                                                                 "#review-5"]


def test_the_seed_through_real_extraction_and_linking(tmp_path: Path) -> None:
    store = ingest_seed_for_real(tmp_path)
    reviews = claim_reviews(store)
    assert len(reviews) == store.count("claims")
    for review in reviews:
        check_claim_review(review)
    fox = [r for r in reviews if r["itemReviewed"].get("author", {}).get("name") == "Fox News"]
    assert len(fox) == 1
    denials = [r for r in fox[0]["associatedClaimReview"] if r["roleName"] == "denied by"]
    assert [d["associatedClaimReview"]["itemReviewed"]["author"]["name"] for d in denials] == ["Mustefa Bali"]
    exported = export_records(store)
    assert read_jsonl(jsonl_lines(exported)) == exported


# --- JSON-lines and CSV -----------------------------------------------------------------------------------------


def stored_claims(store: Store) -> dict[int, dict[str, Any]]:
    """The claims as the tables hold them, read here with SQL of the test's own."""
    rows = store.db.query(
        "SELECT c.*, a.doc, a.title, a.url, a.published, s.name, s.kind, s.affiliation FROM claims c "
        "JOIN articles a ON a.id = c.article LEFT JOIN sources s ON s.id = c.source")
    return {row["id"]: row for row in rows}


def test_jsonl_round_trips_the_stores_claims_and_links(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    code, stdout, stderr = run("export", "--db", str(seeded), "--format", "jsonl", "--what", "all", "-o", str(out))
    assert (code, stdout, stderr) == (0, "", "")
    back = read_jsonl(out.read_text(encoding="utf-8").splitlines(), str(out))
    with open_store(seeded, create=False) as store:
        stored = stored_claims(store)
        links = store.links_touching(stored)
    assert [c["id"] for c in back.claims] == sorted(stored) == list(range(1, 8))
    renamed = {"article": "doc", "source": "name", "source_kind": "kind"}
    for claim in back.claims:
        row = stored[claim["id"]]
        for name in CLAIM_FIELDS:
            want = row[renamed.get(name, name)]
            assert claim[name] == (bool(want) if name == "hedged" else want), (claim["id"], name)
    assert back.links == links and len(links) == 4
    assert Link(5, 4, "conflict", 0.9, "explicit denial: Bali denies the Fox News report", "denial", 0.0) in back.links


def test_the_fox_news_claim_as_a_jsonl_record(store: Store) -> None:
    first, *_ = list(jsonl_lines(export_records(store, source="Fox News"), links=False))
    assert json.loads(first) == {
        "record": "claim", "id": 4, "article": "baghouz", "title": None, "url": None, "published": "2019-03-23",
        "source": "Fox News", "source_kind": "outlet", "affiliation": None,
        "source_text": "de Amerikaanse nieuwszender Fox News", "cue": "berichten",
        "content": "IS al zou zijn verslagen en de luchtaanvallen waren gestopt", "content_start": 887,
        "content_end": 946, "span_start": 820, "span_end": 946, "stance": "assert", "hedged": True,
        "stated_on": "2019-03-21", "date": "2019-03-21", "channel": None, "language": "nl", "copy_of": None}
    assert list(json.loads(first)) == ["record", *CLAIM_FIELDS]


def test_csv_of_claims_and_of_links(seeded: Path) -> None:
    code, out, _ = run("export", "--db", str(seeded), "--format", "csv")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["id", "article", "title", "url", "published", "source", "source_kind", "affiliation",
                       "source_text", "cue", "content", "content_start", "content_end", "span_start", "span_end",
                       "stance", "hedged", "stated_on", "date", "channel", "language", "copy_of"]
    assert len(rows) == 8
    assert rows[4][:2] == ["4", "baghouz"] and rows[4][5:7] == ["Fox News", "outlet"]
    code, out, _ = run("export", "--db", str(seeded), "--format", "csv", "--what", "links", "--source", "SDF")
    assert code == 0
    assert out.splitlines() == [
        "a,b,relation,score,reason,method,confidence",
        "1,2,agree,0.8,same announcement: the caliphate is destroyed,similarity,0.0",
        "4,1,agree,0.8,Fox News reported the defeat two days before the SDF announced it,similarity,0.0",
    ]


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "in.jsonl:2: not JSON (Expecting property name enclosed in double quotes)"),
    ('{"record": "article"}', 'in.jsonl:2: not a claim or link record ("record" must be claim or link)'),
    ('{"record": "link", "a": 1, "b": 2, "relation": "agree", "score": 1, "reason": "", "method": "x", "extra": 1}',
     "in.jsonl:2: link record: missing confidence; unknown extra"),
])
def test_reading_back_a_bad_line_names_it(line: str, message: str) -> None:
    good = '{"record": "link", "a": 1, "b": 2, "relation": "agree", "score": 1, "reason": "", "method": "x", ' \
           '"confidence": 0.5}'
    with pytest.raises(InputError) as caught:
        read_jsonl([good, line], "in.jsonl")
    assert str(caught.value) == message


# --- the command -----------------------------------------------------------------------------------------------


def test_export_has_help_with_an_example() -> None:
    command = typer.main.get_command(app).commands["export"]  # type: ignore[attr-defined]
    assert "Example: claimcheck export --db claims.db --format claimreview > claims.jsonld" in (command.help or "")
    assert runner.invoke(app, ["export", "--help"]).exit_code == 0


def test_claimreview_is_the_default_on_stdout(seeded: Path) -> None:
    code, out, err = run("export", "--db", str(seeded))
    assert (code, err) == (0, "")
    with open_store(seeded, create=False) as store:
        assert json.loads(out) == claim_reviews(store)
    assert "“kalifaat”" in out  # not escaped


def test_a_missing_store_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    code, out, err = run("export", "--db", str(path))
    assert (code, out) == (1, "")
    assert err == f"Error: {path}: no claim store here yet; run `claimcheck ingest` first\n"
    assert not path.exists()


@pytest.mark.parametrize(("args", "message"), [
    (["--since", "2019-13-01"], "Error: --since: '2019-13-01' is not a date of the form YYYY-MM-DD\n"),
    (["--source", "Fox Newz"], "Error: no source named 'Fox Newz'; did you mean 'Fox News'?\n"),
])
def test_bad_filters_are_errors(seeded: Path, args: list[str], message: str) -> None:
    assert run("export", "--db", str(seeded), *args) == (1, "", message)


@pytest.mark.parametrize("args", [["--what", "links"], ["--format", "csv", "--what", "all"],
                                  ["--format", "xml"]])
def test_impossible_combinations_are_usage_errors(seeded: Path, args: list[str]) -> None:
    code, out, err = run("export", "--db", str(seeded), *args)
    assert (code, out) == (2, "")
    assert "--what" in err or "--format" in err


def test_an_unwritable_output_is_an_error(seeded: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.jsonld"
    code, out, err = run("export", "--db", str(seeded), "-o", str(target))
    assert (code, out) == (1, "")
    assert err == f"Error: {target}: cannot write (No such file or directory)\n"
