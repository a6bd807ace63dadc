"""Claims and links out of the store: as ClaimReview (schema.org JSON-LD) for fact-checkers, or as plain
JSON-lines and CSV that read back into the same claims and links.

ClaimReview: one `ClaimReview` per claim, in a JSON array, each with its own `@context`. Its `itemReviewed`
is a `Claim`: `text` is what is claimed, `description` the whole attributed statement as the article words
it (so a denial reads as a denial), `author` the source (`Person`, `Organization` or
`NewsMediaOrganization` from the source's kind; no `@type` when the kind is unknown, no `author` when the
text names no one), `datePublished` the day the statement was made (else its article's publication date),
`appearance` the article (`url`, else its id as `identifier`; title, publisher, date where stored) and
`firstAppearance` the earliest claim of its agree-group (its copies' original included): the claim
itself's article when it came first, else that earlier `Claim`.

Schema.org defines no relation between claims, so conflicts use its `Role` pattern on the review's
`associatedClaimReview`: a Role with `roleName` "conflicts with", "denies" or "denied by" (a `denial`
link), the linker's reason as `description`, wrapping the other claim's `ClaimReview`.

Nothing is rated: there is no `reviewRating`, no review `author`, `datePublished` or `url`. Those are the
fact-checker's to add. Node ids (`#review-4`, `#claim-4`) are fragments holding the store's claim ids.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from typing import Any

from .audit import agree_group, denier
from .errors import InputError
from .records import Link
from .store import KnownSource, Store

SCHEMA_ORG = "https://schema.org"
AUTHOR_TYPES = {"person": "Person", "organisation": "Organization", "outlet": "NewsMediaOrganization"}
CLAIM_FIELDS = (
    "id", "article", "title", "url", "published", "source", "source_kind", "affiliation", "source_text", "cue",
    "content", "content_start", "content_end", "span_start", "span_end", "stance", "hedged", "stated_on", "date",
    "channel", "language", "copy_of",
)
LINK_FIELDS = tuple(f.name for f in fields(Link))
RECORD_KINDS = ("claim", "link")


@dataclass
class Exported:
    """Claims (dicts with CLAIM_FIELDS, in that order) and the links touching them."""

    claims: list[dict[str, Any]]
    links: list[Link]


class _Lookup:
    """Articles and sources by id, each read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.articles: dict[int, dict[str, Any]] = {}
        self.sources: dict[int, KnownSource | None] = {}
        self.claims: dict[int, tuple[int, int | None]] = {}  # claim id -> (article id, source id)

    def article(self, article_id: int) -> dict[str, Any]:
        if article_id not in self.articles:
            found = self.store.article(article_id)
            assert found is not None  # claims.article is a foreign key
            self.articles[article_id] = found
        return self.articles[article_id]

    def source(self, source_id: int | None) -> KnownSource | None:
        if source_id is None:
            return None
        if source_id not in self.sources:
            self.sources[source_id] = self.store.source(source_id)
        return self.sources[source_id]

    def article_of(self, record: dict[str, Any]) -> dict[str, Any]:
        return self.article(self.claims[record["id"]][0])

    def source_of(self, record: dict[str, Any]) -> KnownSource | None:
        return self.source(self.claims[record["id"]][1])


# --- plain records ------------------------------------------------------------------------------------------


def select_claims(store: Store, source: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[int]:
    """Ids of the claims matching the filters (as `claimcheck claims` reads them), in store order."""
    return sorted(row["id"] for row in store.list_claims(source=source, since=since, until=until))


def claim_records(store: Store, ids: Sequence[int], lookup: _Lookup | None = None) -> list[dict[str, Any]]:
    """The stored claims `ids`, every field a claim has in the store, with its article's and source's names."""
    lookup = lookup or _Lookup(store)
    rows = store.claim_rows(ids)
    copies = store.copy_origins(ids)
    records = []
    for claim_id in ids:
        row = rows[claim_id]
        lookup.claims[claim_id] = (row["article"], row["source_id"])
        article = lookup.article(row["article"])
        source = lookup.source(row["source_id"])
        records.append({
            "id": claim_id,
            "article": row["doc"],
            "title": article["title"],
            "url": article["url"],
            "published": article["published"],
            "source": row["source"],
            "source_kind": source.kind if source else None,
            "affiliation": row["affiliation"],
            "source_text": row["source_text"],
            "cue": row["cue"],
            "content": row["content"],
            "content_start": row["content_start"],
            "content_end": row["content_end"],
            "span_start": row["span_start"],
            "span_end": row["span_end"],
            "stance": row["stance"],
            "hedged": bool(row["hedged"]),
            "stated_on": row["stated_on"],
            "date": row["date"],
            "channel": row["channel"],
            "language": row["language"],
            "copy_of": copies.get(claim_id),
        })
    return records


def export_records(store: Store, source: str | None = None, since: str | None = None,
                   until: str | None = None) -> Exported:
    """The claims matching the filters and every link with at least one of them at an end."""
    ids = select_claims(store, source, since, until)
    return Exported(claim_records(store, ids), store.links_touching(ids))


def jsonl_lines(exported: Exported, claims: bool = True, links: bool = True) -> Iterator[str]:
    """One JSON object per claim, then per link; `"record"` ("claim" or "link") leads each."""
    if claims:
        for record in exported.claims:
            yield json.dumps({"record": "claim", **record}, ensure_ascii=False)
    if links:
        for link in exported.links:
            yield json.dumps({"record": "link", **asdict(link)}, ensure_ascii=False)


def csv_text(rows: Iterable[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV with a header row; None is an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else row[c] for c in columns])
    return buffer.getvalue()


def link_rows(links: Iterable[Link]) -> list[dict[str, Any]]:
    return [asdict(link) for link in links]


def read_jsonl(lines: Iterable[str], name: str = "<input>") -> Exported:
    """Claims and links back from `jsonl_lines` output. Raises InputError naming the line of a bad record."""
    exported = Exported([], [])
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not JSON ({exc.msg})") from None
        kind = record.pop("record", None) if isinstance(record, dict) else None
        if kind not in RECORD_KINDS:
            raise InputError(f"{where}: not a claim or link record (\"record\" must be claim or link)")
        wanted = CLAIM_FIELDS if kind == "claim" else LINK_FIELDS
        if set(record) != set(wanted):
            missing = sorted(set(wanted) - set(record))
            extra = sorted(set(record) - set(wanted))
            problem = "; ".join(p for p in (f"missing {', '.join(missing)}" if missing else "",
                                            f"unknown {', '.join(extra)}" if extra else "") if p)
            raise InputError(f"{where}: {kind} record: {problem}")
        if kind == "claim":
            exported.claims.append({f: record[f] for f in CLAIM_FIELDS})
        else:
            exported.links.append(Link(**record))
    return exported


# --- ClaimReview ----------------------------------------------------------------------------------------------


def claim_reviews(store: Store, source: str | None = None, since: str | None = None,
                  until: str | None = None) -> list[dict[str, Any]]:
    """A ClaimReview (JSON-LD) for every claim matching the filters, in store order; see the module doc."""
    lookup = _Lookup(store)
    ids = select_claims(store, source, since, until)
    records = {r["id"]: r for r in claim_records(store, ids, lookup)}
    links = [link for link in store.links_touching(ids) if link.relation == "conflict"]
    firsts = _first_appearances(store, list(records.values()))
    # Claims the reviews name but the filters left out: conflicting claims and earlier first appearances.
    others = {link.a for link in links} | {link.b for link in links} | set(firsts.values())
    records.update({r["id"]: r for r in claim_records(store, sorted(others - set(records)), lookup)})
    reviews = []
    for claim_id in ids:
        record = records[claim_id]
        claim = _claim(record, lookup, full=True)
        first = firsts[claim_id]
        claim["firstAppearance"] = (
            _work(lookup.article_of(record)) if first == claim_id else _claim(records[first], lookup, full=False)
        )
        review: dict[str, Any] = {
            "@context": SCHEMA_ORG,
            "@type": "ClaimReview",
            "@id": f"#review-{claim_id}",
            "claimReviewed": record["content"],
            "itemReviewed": claim,
        }
        conflicts = [_conflict(link, claim_id, records, lookup) for link in links if claim_id in (link.a, link.b)]
        if conflicts:
            review["associatedClaimReview"] = conflicts
        reviews.append(review)
    return reviews


def _claim(record: dict[str, Any], lookup: _Lookup, full: bool) -> dict[str, Any]:
    """A Claim node; without `full`, the part another claim's review repeats (same values, fewer keys)."""
    node: dict[str, Any] = {"@type": "Claim", "@id": f"#claim-{record['id']}", "text": record["content"]}
    article = lookup.article_of(record)
    if full:
        node["description"] = article["text"][record["span_start"] : record["span_end"]]
    author = _author(lookup.source_of(record))
    if author:
        node["author"] = author
    if record["date"]:
        node["datePublished"] = record["date"]
    if full and record["language"]:
        node["inLanguage"] = record["language"]
    node["appearance"] = _work(article)
    return node


def _author(source: KnownSource | None) -> dict[str, Any] | None:
    if source is None:
        return None
    node: dict[str, Any] = {}
    if source.kind in AUTHOR_TYPES:
        node["@type"] = AUTHOR_TYPES[source.kind]
    node["name"] = source.name
    if source.affiliation and source.affiliation != source.name:
        key = "affiliation" if source.kind == "person" else "memberOf"
        node[key] = {"@type": "Organization", "name": source.affiliation}
    return node


def _work(article: dict[str, Any]) -> dict[str, Any]:
    """The article as a CreativeWork: what the store knows of it, nothing more."""
    node: dict[str, Any] = {"@type": "CreativeWork"}
    if article["url"]:
        node["url"] = article["url"]
    node["identifier"] = article["doc"]
    if article["title"]:
        node["headline"] = article["title"]
    if article["publisher"]:
        node["publisher"] = {"@type": "Organization", "name": article["publisher"]}
    if article["published"]:
        node["datePublished"] = article["published"]
    if article["language"]:
        node["inLanguage"] = article["language"]
    return node


def _conflict(link: Link, claim_id: int, records: dict[int, dict[str, Any]], lookup: _Lookup) -> dict[str, Any]:
    other = link.b if link.a == claim_id else link.a
    role = "conflicts with"
    if link.method == "denial":
        role = "denies" if denier(link, records) == claim_id else "denied by"
    record = records[other]
    return {
        "@type": "Role",
        "roleName": role,
        "description": link.reason,
        "associatedClaimReview": {
            "@type": "ClaimReview",
            "@id": f"#review-{other}",
            "claimReviewed": record["content"],
            "itemReviewed": _claim(record, lookup, full=False),
        },
    }


def _first_appearances(store: Store, records: list[dict[str, Any]]) -> dict[int, int]:
    """Each claim's earliest dated claim among those joined by agree links to it (or to the original it
    copies). On a tie the original wins, then the claim itself; an undated claim is its own first."""
    groups: dict[int, set[int]] = {}
    found: dict[int, int] = {}
    for record in records:
        own = record["id"]
        start = record["copy_of"] or own
        if start not in groups:
            group = agree_group(store, start)
            groups.update(dict.fromkeys(group, group))
        if not record["date"]:
            found[own] = own
            continue
        dated = [r for r in store.claim_rows(groups[start] | {own}).values() if r["date"]]
        earliest = min(dated, key=lambda r: (r["date"], r["id"] != start, r["id"] != own, r["id"]))
        found[own] = earliest["id"]
    return found
