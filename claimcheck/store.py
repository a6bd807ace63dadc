"""The claim store: one SQLite file, reached through sqlite-utils, with a schema grown by numbered migrations
(sqlite-utils `Migrations`, set "claimcheck"). It stores and queries; it hands out column dicts and typed
records, and claimcheck.render makes them into what people read.

Tables: `articles` (text, metadata, content hash), `sources` (canonical name, kind, affiliation) with their
`source_aliases`, `claims` (who said what in which article, with offsets, stance and date), `embeddings`
(one float32 vector per claim, with the model that made it), `links` (agree/conflict between two claims, with
score, reason and method) and `claims_fts` (full-text search over claim content).

Writers take the write lock up front (`BEGIN IMMEDIATE`), the file is in WAL mode and every connection
waits for a busy lock, so two ingests into one store queue rather than fail. Every bit of user text reaches
SQL as a parameter; full-text queries are quoted token by token first.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils
from sqlite_utils import Migrations
from sqlite_utils.db import ForeignKey
from sqlite_utils.utils import OperationalError
from sqlite_utils.utils import sqlite3 as driver

from .errors import StoreError
from .records import Claim, Link

if TYPE_CHECKING:
    import numpy as np

ENV_VAR = "CLAIMCHECK_DB"
DB_FILENAME = "claims.db"
# Stamped in the file header so a claimcheck store can be told from any other SQLite file ("CCK1").
APPLICATION_ID = 0x43434B31
BUSY_TIMEOUT_MS = 60_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_db_path() -> Path:
    """`$CLAIMCHECK_DB`, else claims.db in the per-user data folder (platformdirs, else XDG_DATA_HOME)."""
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    try:
        import platformdirs
    except ImportError:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
        return base / "claimcheck" / DB_FILENAME
    return Path(platformdirs.user_data_dir("claimcheck")) / DB_FILENAME


def resolve_db_path(given: str | Path | None) -> tuple[Path, bool]:
    """The store path (from --db, else the environment, else the data folder) and whether the user named it.

    A path the user named must already have its folder; the default folder is created when needed.
    """
    if given is not None and str(given) != "":
        return Path(given).expanduser(), True
    return default_db_path(), ENV_VAR in os.environ and bool(os.environ[ENV_VAR])


# --- migrations ---------------------------------------------------------------------------------------------

Migration = Callable[[sqlite_utils.Database], None]


def _m001_schema(db: sqlite_utils.Database) -> None:
    # Plain DDL: sqlite-utils' create() cannot say CHECK (kind IN ...) or UNIQUE (a, b) the way this reads.
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.executescript(_SCHEMA_1)


_SCHEMA_1 = """
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  doc TEXT NOT NULL,
  title TEXT,
  publisher TEXT,
  url TEXT,
  published TEXT,
  language TEXT,
  content_hash TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_doc ON articles(doc);
CREATE TABLE sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('person', 'organisation', 'outlet', 'unknown')),
  affiliation TEXT
);
CREATE INDEX sources_name ON sources(name);
CREATE TABLE source_aliases (
  key TEXT PRIMARY KEY,
  alias TEXT NOT NULL,
  source INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE
);
CREATE INDEX source_aliases_source ON source_aliases(source);
CREATE TABLE claims (
  id INTEGER PRIMARY KEY,
  article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  source INTEGER REFERENCES sources(id),
  source_text TEXT,
  cue TEXT NOT NULL,
  content TEXT NOT NULL,
  content_start INTEGER NOT NULL,
  content_end INTEGER NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  stance TEXT NOT NULL,
  hedged INTEGER NOT NULL DEFAULT 0,
  stated_on TEXT,
  date TEXT,
  channel TEXT,
  language TEXT,
  confidence REAL
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_source_date ON claims(source, date);
CREATE INDEX claims_date ON claims(date);
CREATE TABLE embeddings (
  claim INTEGER PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
  model TEXT NOT NULL,
  vector BLOB NOT NULL
);
CREATE INDEX embeddings_model ON embeddings(model);
CREATE TABLE links (
  id INTEGER PRIMARY KEY,
  a INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  b INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('agree', 'conflict')),
  score REAL NOT NULL,
  reason TEXT NOT NULL,
  method TEXT NOT NULL,
  date TEXT,
  UNIQUE (a, b)
);
CREATE INDEX links_b ON links(b);
CREATE INDEX links_relation_date ON links(relation, date);
CREATE INDEX links_relation_score ON links(relation, score)
"""
# links.date is the later of the two claims' dates: "newest conflicts first" then walks an index.
# claims.date is stated_on when the article tells when the statement was made, else the publication date.


def _m002_claims_fts(db: sqlite_utils.Database) -> None:
    # remove_diacritics so "geëvacueerd" is found by "geevacueerd"; triggers keep the index in step.
    db["claims"].enable_fts(["content"], create_triggers=True, tokenize="unicode61 remove_diacritics 2")  # type: ignore[union-attr]


def _m003_links_order_indexes(db: sqlite_utils.Database) -> None:
    # Indexes that match the whole ORDER BY of `conflicts` (rowid is every index's last column), so
    # "newest 50" reads 50 index entries instead of sorting every conflict.
    db.execute("DROP INDEX IF EXISTS links_relation_date")
    db.execute("DROP INDEX IF EXISTS links_relation_score")
    db.execute("CREATE INDEX links_relation_date_score ON links(relation, date, score)")
    db.execute("CREATE INDEX links_relation_score_date ON links(relation, score, date)")


def _m004_confidence_and_copies(db: sqlite_utils.Database) -> None:
    # A link's confidence orders `conflicts`; a claim (or article) that repeats the text of an earlier one
    # from another article is a copy: one report republished, linked to nothing.
    db.execute("ALTER TABLE links ADD COLUMN confidence REAL NOT NULL DEFAULT 0")
    db.execute("UPDATE links SET confidence = score")
    db.execute("CREATE INDEX links_relation_confidence ON links(relation, confidence, date)")
    db.execute("ALTER TABLE claims ADD COLUMN copy_of INTEGER REFERENCES claims(id) ON DELETE SET NULL")
    db.execute("ALTER TABLE articles ADD COLUMN copy_of INTEGER REFERENCES articles(id) ON DELETE SET NULL")


def _m005_readable_views(db: sqlite_utils.Database) -> None:
    # Views a person reads in Datasette (claimcheck/datasette/metadata.json describes them); no table changes.
    db.executescript(_VIEWS_5)


_LINK_SIDE_5 = """
  c{p}.id AS {p}_claim, s{p}.name AS {p}_source, s{p}.affiliation AS {p}_affiliation, c{p}.date AS {p}_date,
  c{p}.stance AS {p}_stance, c{p}.hedged AS {p}_hedged, c{p}.content AS {p}_text, a{p}.doc AS {p}_article,
  a{p}.title AS {p}_title, a{p}.url AS {p}_url"""
_LINK_FROM_5 = """
FROM links l
JOIN claims ca ON ca.id = l.a JOIN articles aa ON aa.id = ca.article LEFT JOIN sources sa ON sa.id = ca.source
JOIN claims cb ON cb.id = l.b JOIN articles ab ON ab.id = cb.article LEFT JOIN sources sb ON sb.id = cb.source"""
_LINK_VIEW_5 = (
    "CREATE VIEW {name} AS\nSELECT l.id, l.confidence, l.method, l.reason, l.date, l.score,"
    + _LINK_SIDE_5.format(p="a") + "," + _LINK_SIDE_5.format(p="b") + _LINK_FROM_5
    + "\nWHERE l.relation = '{relation}'\nORDER BY l.confidence DESC, l.date DESC, l.id DESC"
)
# first_reports_view follows claimcheck.audit: a claim is first to report when its agree group (the claims
# reached from it over agree links, either way) holds a claim of another named source, and every such claim
# is dated strictly later. Unnamed sources do not count; a rival without a date rules it out.
_VIEWS_5 = ";\n".join([
    _LINK_VIEW_5.format(name="conflicts_view", relation="conflict"),
    _LINK_VIEW_5.format(name="agreements_view", relation="agree"),
    """CREATE VIEW claims_view AS
SELECT c.id, c.date, s.name AS source, s.affiliation, c.source_text, c.cue, c.content, c.stance, c.hedged,
  c.channel, c.copy_of, a.doc AS article, a.title, a.publisher, a.published, a.url
FROM claims c JOIN articles a ON a.id = c.article LEFT JOIN sources s ON s.id = c.source
ORDER BY c.date DESC, c.id""",
    """CREATE VIEW sources_view AS
SELECT s.id, s.name, s.kind, s.affiliation,
  (SELECT count(*) FROM claims c WHERE c.source = s.id) AS claims,
  (SELECT group_concat(alias, '; ') FROM (SELECT k.alias FROM source_aliases k
    WHERE k.source = s.id AND k.alias != s.name ORDER BY k.rowid)) AS aliases
FROM sources s
ORDER BY claims DESC, s.name COLLATE NOCASE""",
    """CREATE VIEW first_reports_view AS
WITH RECURSIVE grp(start, claim) AS (
  SELECT c.id, c.id FROM claims c
  WHERE c.source IS NOT NULL AND c.date IS NOT NULL
    AND c.id IN (SELECT a FROM links WHERE relation = 'agree' UNION SELECT b FROM links WHERE relation = 'agree')
  UNION
  SELECT grp.start, CASE WHEN l.a = grp.claim THEN l.b ELSE l.a END
  FROM grp JOIN links l ON l.relation = 'agree' AND (l.a = grp.claim OR l.b = grp.claim)
),
rivals AS (
  SELECT grp.start, o.id, o.date, o.source
  FROM grp JOIN claims f ON f.id = grp.start JOIN claims o ON o.id = grp.claim
  WHERE o.source IS NOT NULL AND o.source != f.source
)
SELECT f.id AS claim, f.date, s.name AS source, s.affiliation, f.content, a.doc AS article, a.title,
  (SELECT min(r.date) FROM rivals r WHERE r.start = f.id) AS next_date,
  (SELECT group_concat(name, ', ') FROM (SELECT o.name, min(r.date) AS first_date, min(r.id) AS first_claim
    FROM rivals r JOIN sources o ON o.id = r.source WHERE r.start = f.id
    GROUP BY o.id ORDER BY first_date, first_claim)) AS later_sources,
  (SELECT count(*) FROM rivals r WHERE r.start = f.id) AS later_claims
FROM claims f JOIN articles a ON a.id = f.article JOIN sources s ON s.id = f.source
WHERE f.id IN (SELECT start FROM rivals)
  AND NOT EXISTS (SELECT 1 FROM rivals r WHERE r.start = f.id AND (r.date IS NULL OR r.date <= f.date))
ORDER BY f.date DESC, f.id""",
])


def _m006_article_aliases(db: sqlite_utils.Database) -> None:
    # The same text ingested again under another id is not stored twice; the id is kept here so
    # `claims --article ID` finds the stored article under either id.
    aliases = db.table("article_aliases")
    aliases.create(
        {"doc": str, "article": int}, pk=("doc", "article"), not_null=["doc", "article"],
        foreign_keys=[ForeignKey("article_aliases", "article", "articles", "id", on_delete="CASCADE")],
    )
    aliases.create_index(["article"], index_name="article_aliases_article")


MIGRATIONS: list[tuple[int, str, Migration]] = [
    (1, "schema", _m001_schema),
    (2, "claims_fts", _m002_claims_fts),
    (3, "links_order_indexes", _m003_links_order_indexes),
    (4, "confidence_and_copies", _m004_confidence_and_copies),
    (5, "readable_views", _m005_readable_views),
    (6, "article_aliases", _m006_article_aliases),
]


MIGRATION_SET = Migrations("claimcheck")
for _number, _name, _apply in MIGRATIONS:
    # "001_schema": the number orders the set and tells a store from a newer claimcheck.
    MIGRATION_SET(name=f"{_number:03d}_{_name}")(_apply)

# Stores made before claimcheck used sqlite-utils' Migrations kept their own table of applied migrations.
LEGACY_MIGRATIONS_TABLE = "migrations"


def migrate(db: sqlite_utils.Database) -> list[int]:
    """Apply the migrations this store lacks, under the write lock, and return their numbers.

    The check and the changes share one IMMEDIATE transaction, so two processes opening a new store at
    once cannot both apply the same migration.
    """
    if not db[LEGACY_MIGRATIONS_TABLE].exists() and not MIGRATION_SET.pending(db):
        # Up to date: no write lock, so reading never waits behind a long ingest.
        _refuse_newer(applied_migrations(db))
        return []
    with immediate(db):
        _adopt_legacy_migrations(db)
        _refuse_newer(applied_migrations(db))
        pending = [_migration_number(m.name) for m in MIGRATION_SET.pending(db)]
        MIGRATION_SET.apply(db)
    return pending


def applied_migrations(db: sqlite_utils.Database) -> list[int]:
    """The numbers of the migrations applied to this store, in the order they were applied."""
    return [_migration_number(m.name) for m in MIGRATION_SET.applied(db)]


def _migration_number(name: str) -> int:
    return int(name.split("_", 1)[0])


def _adopt_legacy_migrations(db: sqlite_utils.Database) -> None:
    """Record the migrations listed in a store's old `migrations` table (number, name, applied_at) as
    sqlite-utils' applied migrations, then drop the old table, so the store is upgraded from where it was."""
    legacy = db.table(LEGACY_MIGRATIONS_TABLE)
    if not legacy.exists():
        return
    names = {number: f"{number:03d}_{name}" for number, name, _ in MIGRATIONS}
    MIGRATION_SET.ensure_migrations_table(db)
    done = {m.name for m in MIGRATION_SET.applied(db)}
    rows = [
        {"migration_set": MIGRATION_SET.name, "name": names.get(row["number"], f"{row['number']:03d}_{row['name']}"),
         "applied_at": row["applied_at"]}
        for row in legacy.rows_where(order_by="number")
    ]
    db.table(Migrations.migrations_table).insert_all(r for r in rows if r["name"] not in done)
    legacy.drop()


def _refuse_newer(done: list[int]) -> None:
    newest_known = MIGRATIONS[-1][0]
    if done and max(done) > newest_known:
        raise StoreError(
            f"the store has schema version {max(done)}, newer than this claimcheck knows ({newest_known}); "
            "upgrade claimcheck"
        )


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def immediate(db: sqlite_utils.Database) -> Iterator[None]:
    """One write transaction that takes the write lock at BEGIN, so it never fails half-way on a busy lock."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


# --- opening ------------------------------------------------------------------------------------------------


def open_store(given: str | Path | None = None, create: bool = True) -> Store:
    """Open (and, with `create`, make or upgrade) the store at --db / $CLAIMCHECK_DB / the data folder.

    Raises StoreError for a folder that does not exist, a file that is not SQLite or not a claimcheck
    store, and (without `create`) a store that does not exist yet.
    """
    path, named = resolve_db_path(given)
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a claimcheck store file")
    if not path.parent.exists():
        if named:
            raise StoreError(f"{path}: folder {path.parent} does not exist")
        if create:
            path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.stat().st_size == 0:
        if not create:
            raise StoreError(f"{path}: no claim store here yet; run `claimcheck ingest` first")
    else:
        _check_sqlite_header(path)
    try:
        conn = driver.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    except OperationalError as exc:
        raise StoreError(f"{path}: cannot open the store ({exc})") from None
    db = sqlite_utils.Database(conn)
    try:
        db.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        _check_claimcheck(db, path)
        _configure(db)
        migrate(db)
    except BaseException as exc:
        db.close()
        if isinstance(exc, OperationalError):
            raise StoreError(f"{path}: cannot open the store ({exc})") from None
        if isinstance(exc, driver.DatabaseError):
            raise StoreError(f"{path}: not a claimcheck store ({exc})") from None
        raise
    return Store(db, path)


def _check_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StoreError(f"{path}: cannot read ({exc.strerror})") from None
    if head != _SQLITE_MAGIC:
        raise StoreError(f"{path}: not a SQLite database, so not a claimcheck store")


def _configure(db: sqlite_utils.Database) -> None:
    db.conn.execute("PRAGMA foreign_keys = ON")
    _switch_to_wal(db)
    # NORMAL is durable in WAL mode up to the last few commits on power loss, never corrupt.
    db.conn.execute("PRAGMA synchronous = NORMAL")


def _switch_to_wal(db: sqlite_utils.Database) -> None:
    """Put the store in WAL mode. SQLite answers 'locked' at once, without waiting, when another process
    holds the file while the mode changes (two ingests creating one store), so wait and retry here."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    pause = 0.005
    while db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        try:
            db.conn.execute("PRAGMA journal_mode = WAL")
        except OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


def _check_claimcheck(db: sqlite_utils.Database, path: Path) -> None:
    # Tables first: a store being created by another process at this moment then reads as empty, or whole.
    tables = set(db.table_names())
    application_id = db.conn.execute("PRAGMA application_id").fetchone()[0]
    if application_id == APPLICATION_ID:
        return
    if tables - {LEGACY_MIGRATIONS_TABLE, Migrations.migrations_table}:
        raise StoreError(f"{path}: a SQLite database, but not a claimcheck store (it holds other tables)")


# --- records the store hands out ---------------------------------------------------------------------------


@dataclass
class KnownSource:
    """A stored source with every spelling seen for it, as source resolution needs it."""

    id: int
    name: str
    kind: str
    affiliation: str | None
    aliases: list[str] = field(default_factory=list)


@dataclass
class NewClaim:
    """A claim about to be stored; `source` is a source id or None."""

    article: int
    source: int | None
    source_text: str | None
    cue: str
    content: str
    content_start: int
    content_end: int
    span_start: int
    span_end: int
    stance: str
    hedged: bool
    stated_on: str | None
    date: str | None
    channel: str | None
    language: str | None
    confidence: float


IN_CHUNK = 500  # values in one "IN (...)" list
TOPIC_CHARS = 400  # the opening of an article that, with its title, says what story its claims belong to
CLAIM_COLUMNS = (
    "c.id, c.article, a.doc, a.title, a.publisher, a.published, c.source AS source_id, s.name AS source, "
    "s.affiliation, c.source_text, c.cue, c.content, c.content_start, c.content_end, c.span_start, c.span_end, "
    "c.stance, c.hedged, c.stated_on, c.date, c.channel, c.language"
)
CLAIM_FROM = "claims c JOIN articles a ON a.id = c.article LEFT JOIN sources s ON s.id = c.source"


class Store:
    """An open claim store. Writes go through `transaction()`; reads are plain queries."""

    def __init__(self, db: sqlite_utils.Database, path: Path) -> None:
        self.db = db
        self.path = path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        try:
            with immediate(self.db):
                yield
        except OperationalError as exc:
            # SQLite opens a file it may not write read-only without a word; the first write then fails.
            if "readonly" not in str(exc):
                raise
            raise StoreError(
                f"{self.path}: the store is read-only ({exc}); nothing was written. Make the file and its folder "
                "writable, or give another --db"
            ) from None

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return list(self.db.query(sql, list(params)))

    def _rows_in(self, sql: str, values: Iterable[Any]) -> Iterator[dict[str, Any]]:
        """The rows of `sql`, whose `{marks}` stands for a list of values, for every value: asked in chunks,
        as SQLite takes only so many parameters in one query."""
        wanted = list(dict.fromkeys(values))
        for start in range(0, len(wanted), IN_CHUNK):
            chunk = wanted[start : start + IN_CHUNK]
            yield from self.db.query(sql.format(marks=", ".join("?" * len(chunk))), chunk)

    def data_version(self) -> int:
        """A number that changes when another connection commits a change to the store (not this one)."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def count(self, table: str) -> int:
        if table not in ("articles", "sources", "claims", "embeddings", "links"):
            raise ValueError(table)
        return self.db.table(table).count

    # --- articles

    def known_hashes(self, hashes: Iterable[str]) -> set[str]:
        return {row["content_hash"] for row in self._rows_in(
            "SELECT content_hash FROM articles WHERE content_hash IN ({marks})", hashes)}

    def insert_article(
        self, doc: str, text: str, content_hash: str, published: str | None, title: str | None,
        publisher: str | None, url: str | None, language: str | None,
    ) -> int:
        row = {"doc": doc, "title": title, "publisher": publisher, "url": url, "published": published,
               "language": language, "content_hash": content_hash, "text": text, "ingested_at": _now()}
        return int(self.db.table("articles").insert(row).last_rowid or 0)

    def add_article_alias(self, doc: str, content_hash: str) -> bool:
        """Record `doc` as another id of the stored article with this text; False when it is its id already."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO article_aliases (doc, article) SELECT ?, id FROM articles "
            "WHERE content_hash = ? AND doc != ?",
            [doc, content_hash, doc],
        )
        return cursor.rowcount > 0

    def article(self, article_id: int) -> dict[str, Any] | None:
        return next(self.db.table("articles").rows_where("id = ?", [article_id]), None)

    # --- sources

    def load_sources(self) -> list[KnownSource]:
        # Plain tuples, not sqlite-utils' row dicts: a store of 100,000 sources loads in a third of the time.
        sources = {row[0]: KnownSource(*row) for row in
                   self.db.execute("SELECT id, name, kind, affiliation FROM sources ORDER BY id")}
        for alias, source in self.db.execute("SELECT alias, source FROM source_aliases ORDER BY rowid"):
            if source in sources:
                sources[source].aliases.append(alias)
        return list(sources.values())

    def add_source(self, name: str, kind: str, affiliation: str | None) -> int:
        row = {"name": name, "kind": kind, "affiliation": affiliation}
        return int(self.db.table("sources").insert(row).last_rowid or 0)

    def add_alias(self, source: int, alias: str, key: str) -> None:
        """Record a spelling; a key already taken keeps its source (the first resolution wins)."""
        self.db.table("source_aliases").insert({"key": key, "alias": alias, "source": source}, ignore=True)

    def update_source(self, source: int, kind: str | None = None, affiliation: str | None = None) -> None:
        """Fill in what was unknown: a kind that was 'unknown', an affiliation that was empty."""
        if kind and kind != "unknown":
            self.db.execute("UPDATE sources SET kind = ? WHERE id = ? AND kind = 'unknown'", [kind, source])
        if affiliation:
            self.db.execute("UPDATE sources SET affiliation = ? WHERE id = ? AND affiliation IS NULL",
                            [affiliation, source])

    def source_by_alias_key(self, key: str) -> KnownSource | None:
        rows = self.db.execute(
            "SELECT s.id FROM source_aliases k JOIN sources s ON s.id = k.source WHERE k.key = ?", [key]
        ).fetchall()
        if not rows:
            return None
        return self.source(rows[0][0])

    def source(self, source_id: int) -> KnownSource | None:
        row = next(self.db.table("sources").rows_where("id = ?", [source_id]), None)
        if row is None:
            return None
        aliases = self.db.table("source_aliases").rows_where("source = ?", [source_id], select="alias",
                                                             order_by="rowid")
        return KnownSource(**row, aliases=[r["alias"] for r in aliases])

    def find_source(self, name: str) -> KnownSource:
        """The source a user means by `name`: a canonical name or any alias, ignoring case and accents.

        Raises StoreError naming the closest spellings when nothing matches.
        """
        from .sources import name_key, parse_mention, suggest, surname_match

        exact = self.db.execute("SELECT id FROM sources WHERE name = ? ORDER BY id LIMIT 1", [name.strip()]).fetchone()
        if exact:  # "EU" as written, though a cat named "Eu" holds the spelling "eu"
            source = self.source(exact[0])
            assert source is not None
            return source
        found = self.source_by_alias_key(name_key(name))
        if found is not None:
            return found
        parsed = parse_mention(name)  # "Zorgminister Bruno Bruins" is stored as "Bruno Bruins"
        if parsed is not None and name_key(parsed.name) != name_key(name):
            found = self.source_by_alias_key(name_key(parsed.name))
            if found is not None:
                return found
        rows = self.db.execute("SELECT id FROM sources WHERE name = ? COLLATE NOCASE", [name.strip()]).fetchall()
        if rows:
            source = self.source(rows[0][0])
            assert source is not None
            return source
        names = [r[0] for r in self.db.execute("SELECT name FROM sources")]
        full = surname_match(name, names)
        if full is not None:
            return self.find_source(full)
        close = suggest(name, names)
        hint = f"; did you mean {' or '.join(repr(c) for c in close)}?" if close else "; see `claimcheck sources`"
        raise StoreError(f"no source named {name!r}{hint}")

    def list_sources(self, search: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Sources with their claim counts, most quoted first."""
        where = ""
        params: list[Any] = []
        if search:
            # instr, not LIKE: no wildcards to escape, and no "pattern too complex" on a long search.
            where = "WHERE instr(lower(s.name), lower(?)) OR EXISTS (SELECT 1 FROM source_aliases k " \
                    "WHERE k.source = s.id AND instr(lower(k.alias), lower(?)))"
            params = [search, search]
        sql = (
            "SELECT s.id, s.name, s.kind, s.affiliation, "
            "(SELECT count(*) FROM claims c WHERE c.source = s.id) AS claims, "
            "(SELECT group_concat(alias, '; ') FROM (SELECT alias FROM source_aliases k WHERE k.source = s.id "
            "AND k.alias != s.name ORDER BY k.rowid)) AS aliases "
            f"FROM sources s {where} ORDER BY claims DESC, s.name COLLATE NOCASE"
        )
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return self._rows(sql, params)

    def merge_sources(self, keep_name: str, merge_name: str) -> KnownSource:
        """Fold the source named `merge_name` into `keep_name`: its claims, spellings and affiliations.

        The merged source's name becomes a spelling of the kept one; people affiliated with it are
        re-affiliated. Raises StoreError when either is unknown or both name the same source.
        """
        with self.transaction():
            keep = self.find_source(keep_name)
            gone = self.find_source(merge_name)
            if keep.id == gone.id:
                raise StoreError(f"{keep_name!r} and {merge_name!r} are already the same source ({keep.name})")
            return self._fold(keep, gone)

    def fold_source(self, keep_id: int, gone_id: int) -> KnownSource:
        """Fold source `gone_id` into `keep_id` (see merge_sources), by id."""
        with self.transaction():
            keep, gone = self.source(keep_id), self.source(gone_id)
            if keep is None or gone is None:
                raise StoreError(f"no source with id {keep_id if keep is None else gone_id}")
            return self._fold(keep, gone)

    def _fold(self, keep: KnownSource, gone: KnownSource) -> KnownSource:
        """Fold `gone` into `keep` inside the caller's transaction."""
        from .sources import is_spelling_of, name_key

        self.db.execute("UPDATE claims SET source = ? WHERE source = ?", [keep.id, gone.id])
        self.db.execute("UPDATE OR IGNORE source_aliases SET source = ? WHERE source = ?", [keep.id, gone.id])
        self.add_alias(keep.id, gone.name, name_key(gone.name))
        own_name = is_spelling_of(gone.affiliation, keep)
        self.update_source(keep.id, gone.kind, None if own_name else gone.affiliation)
        self.db.execute("UPDATE sources SET affiliation = ? WHERE affiliation = ? AND id != ?",
                        [keep.name, gone.name, keep.id])
        # A source is not affiliated with itself.
        self.db.execute("UPDATE sources SET affiliation = NULL WHERE id = ? AND affiliation = ?",
                        [keep.id, gone.name])
        self.db.execute("DELETE FROM source_aliases WHERE source = ?", [gone.id])
        self.db.execute("DELETE FROM sources WHERE id = ?", [gone.id])
        merged = self.source(keep.id)
        assert merged is not None
        return merged

    # --- claims

    def insert_claim(self, claim: NewClaim) -> int:
        row = asdict(claim) | {"hedged": int(claim.hedged)}
        return int(self.db.table("claims").insert(row).last_rowid or 0)

    def claim_rows(self, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
        """Stored claims by id, with their article and source (name and affiliation)."""
        by_id = {row["id"]: row for row in self._rows_in(
            f"SELECT {CLAIM_COLUMNS} FROM {CLAIM_FROM} WHERE c.id IN ({{marks}})", ids)}
        topics = self.article_topics({row["article"] for row in by_id.values()})
        for row in by_id.values():
            row["topic"] = topics.get(row["article"], "")
        return by_id

    def article_topics(self, article_ids: Iterable[int]) -> dict[int, str]:
        """Each article's title and opening, which say what story its claims belong to. Read once per article:
        SQLite reads a whole text to take its first characters, and an article may be megabytes long."""
        return {row["id"]: row["topic"] for row in self._rows_in(
            f"SELECT id, coalesce(title, '') || ' ' || substr(text, 1, {TOPIC_CHARS}) AS topic FROM articles "
            "WHERE id IN ({marks})", article_ids)}

    def claim_records(self, ids: Iterable[int]) -> list[Claim]:
        """Claims as the linker and the audit see them, in the order of `ids`."""
        wanted = list(ids)
        rows = self.claim_rows(wanted)
        return [claim_from_row(rows[i]) for i in wanted if i in rows]

    def list_claims(
        self, search: str | None = None, source: str | None = None, since: str | None = None,
        until: str | None = None, article: str | None = None, stance: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Claims matching every filter given (rows of CLAIM_COLUMNS), newest first (best match first when
        searching); claimcheck.render.claim_row makes them listing rows."""
        where: list[str] = []
        params: list[Any] = []
        if source is not None:
            where.append("c.source = ?")
            params.append(self.find_source(source).id)
        if since:
            where.append("c.date >= ?")
            params.append(since)
        if until:
            where.append("c.date <= ?")
            params.append(until)
        if article:
            where.append("(a.doc = ? OR a.id IN (SELECT k.article FROM article_aliases k WHERE k.doc = ?))")
            params += [article, article]
        if stance:
            where.append("c.stance = ?")
            params.append(stance)
        order = "c.date DESC, c.id"
        sql_from = CLAIM_FROM
        if search:
            query = fts_query(search)
            if not query:
                return []
            sql_from = f"claims_fts JOIN {CLAIM_FROM.replace('claims c', 'claims c ON c.rowid = claims_fts.rowid', 1)}"
            where.append("claims_fts MATCH ?")
            params.append(query)
            order = "claims_fts.rank, c.date DESC"
        sql = f"SELECT {CLAIM_COLUMNS} FROM {sql_from}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += f" ORDER BY {order}"
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return self._rows(sql, params)

    # --- embeddings

    def vector_models(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT DISTINCT model FROM embeddings ORDER BY model")]

    def check_model(self, model_id: str) -> None:
        """Refuse to add vectors from a model other than the one the stored vectors came from."""
        others = [m for m in self.vector_models() if m != model_id]
        if others:
            raise StoreError(
                f"the store's vectors come from model {', '.join(others)}, not {model_id}; ingest with that model, "
                "or re-embed the whole store with the new one (claimcheck ingest --re-embed)"
            )

    def insert_vectors(self, model_id: str, claim_ids: Sequence[int], vectors: np.ndarray) -> None:
        import numpy as np

        rows = np.asarray(vectors, dtype="<f4")
        self.db.table("embeddings").insert_all(
            ({"claim": claim_id, "model": model_id, "vector": rows[i].tobytes()}
             for i, claim_id in enumerate(claim_ids)),
            replace=True,
        )

    def vector_count(self, model_id: str) -> int:
        return int(self.db.execute("SELECT count(*) FROM embeddings WHERE model = ?", [model_id]).fetchone()[0])

    def iter_vectors(self, model_id: str, after: int = 0,
                     chunk: int = 50_000) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        """(claim ids, vectors) of the model's stored vectors with ids above `after`, in id order, in chunks."""
        import numpy as np

        while True:
            rows = self.db.execute(
                "SELECT claim, vector FROM embeddings WHERE model = ? AND claim > ? ORDER BY claim LIMIT ?",
                [model_id, after, chunk]).fetchall()
            if not rows:
                return
            ids = np.array([r[0] for r in rows], dtype=np.int64)
            yield ids, np.frombuffer(b"".join(r[1] for r in rows), dtype="<f4").reshape(len(rows), -1)
            after = int(ids[-1])

    def claim_map(self, ids: list[int]) -> dict[int, Claim]:
        """Stored claims by id, as the linker looks them up."""
        return {claim.id: claim for claim in self.claim_records(ids)}

    def mark_copies(self, copies: dict[int, int]) -> None:
        """Record claims that repeat an earlier claim's text, and articles most of whose claims do so."""
        self.db.conn.executemany("UPDATE claims SET copy_of = ? WHERE id = ?",
                                 [(original, claim) for claim, original in copies.items()])
        if not copies:
            return
        marks = ", ".join("?" * len(copies))
        # An article whose claims are mostly copies of one other article's claims is a copy of that article.
        self.db.execute(
            f"""UPDATE articles SET copy_of = (
                  SELECT o.article FROM claims c JOIN claims o ON o.id = c.copy_of
                  WHERE c.article = articles.id GROUP BY o.article ORDER BY count(*) DESC LIMIT 1)
                WHERE id IN (SELECT DISTINCT article FROM claims WHERE id IN ({marks}))
                  AND (SELECT count(*) FROM claims WHERE article = articles.id AND copy_of IS NOT NULL) * 2
                      >= (SELECT count(*) FROM claims WHERE article = articles.id)""",
            list(copies),
        )

    def claims_without_vectors(self, model_id: str) -> list[tuple[int, str]]:
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT c.id, c.content FROM claims c LEFT JOIN embeddings e ON e.claim = c.id "
            "WHERE e.claim IS NULL OR e.model != ? ORDER BY c.id", [model_id])]

    def drop_vectors(self) -> None:
        self.db.execute("DELETE FROM embeddings")

    # --- links

    def insert_links(self, links: Iterable[Link]) -> int:
        """Store links (a repeated pair keeps its first judgement); returns how many were new."""
        added = 0
        for link in links:
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO links (a, b, relation, score, reason, method, confidence, date) "
                "SELECT ?, ?, ?, ?, ?, ?, ?, max(coalesce(ca.date, ''), coalesce(cb.date, '')) "
                "FROM claims ca, claims cb WHERE ca.id = ? AND cb.id = ?",
                [link.a, link.b, link.relation, float(link.score), link.reason, link.method, float(link.confidence),
                 link.a, link.b],
            )
            added += cursor.rowcount if cursor.rowcount and cursor.rowcount > 0 else 0
        return added

    def links_touching(self, claim_ids: Iterable[int]) -> list[Link]:
        wanted = list(set(claim_ids))
        found: dict[tuple[int, int], Link] = {}
        for start in range(0, len(wanted), 400):
            chunk = wanted[start : start + 400]
            marks = ", ".join("?" * len(chunk))
            for row in self.db.execute(
                f"SELECT a, b, relation, score, reason, method, confidence FROM links "
                f"WHERE a IN ({marks}) OR b IN ({marks})",
                chunk + chunk,
            ):
                found[(row[0], row[1])] = Link(row[0], row[1], row[2], row[3], row[4], row[5], row[6])
        return sorted(found.values(), key=lambda link: (link.a, link.b))

    def list_conflicts(
        self, source: str | None = None, since: str | None = None, until: str | None = None,
        search: str | None = None, order: str = "confidence", limit: int | None = None,
        min_confidence: float = 0.0,
    ) -> list[dict[str, Any]]:
        """Conflicting pairs with both claims: see `list_links`."""
        return self.list_links("conflict", source, since, until, search, order, limit, min_confidence)

    def list_links(
        self, relation: str, source: str | None = None, since: str | None = None, until: str | None = None,
        search: str | None = None, order: str = "confidence", limit: int | None = None,
        min_confidence: float = 0.0, across_articles: bool = False,
    ) -> list[dict[str, Any]]:
        """Pairs of `relation` (conflict or agree) with both claims, most confident, newest (by the later
        claim) or strongest (most similar) first: the link's columns, then each claim's id, content, date,
        stance, source, affiliation and article as `a_...` and `b_...` (claimcheck.render.link_row nests them).

        `source` keeps pairs where either side is that source; `since`/`until` keep pairs where either
        claim's date falls in the range; `search` is full-text over either claim's content;
        `min_confidence` drops the less certain links; `across_articles` keeps pairs from two articles only.
        """
        if order not in ORDERS:
            raise StoreError(f"unknown order {order!r}; use {', '.join(ORDERS)}")
        if relation not in ("conflict", "agree"):
            raise StoreError(f"unknown relation {relation!r}; use conflict or agree")
        where = ["l.relation = ?"]
        params: list[Any] = [relation]
        if min_confidence > 0:
            where.append("l.confidence >= ?")
            params.append(min_confidence)
        if across_articles:
            where.append("ca.article != cb.article")
        if source is not None:
            source_id = self.find_source(source).id
            where.append("(ca.source = ? OR cb.source = ?)")
            params += [source_id, source_id]
        if since:
            # links.date is the later date of the pair: a cheap indexed bound before the exact test.
            where.append("l.date >= ? AND (ca.date >= ? OR cb.date >= ?)")
            params += [since, since, since]
        if until:
            where.append("((ca.date <= ? AND ca.date >= ?) OR (cb.date <= ? AND cb.date >= ?))")
            low = since or ""
            params += [until, low, until, low]
        if search:
            query = fts_query(search)
            if not query:
                return []
            where.append("(l.a IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?) "
                         "OR l.b IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?))")
            params += [query, query]
        # Ties go to the link judged last; every key descending lets one index give the whole order.
        order_by = ORDERS[order]
        side = (
            "c{p}.id AS {p}_id, c{p}.content AS {p}_content, c{p}.date AS {p}_date, c{p}.stance AS {p}_stance, "
            "sc{p}.name AS {p}_source, sc{p}.affiliation AS {p}_affiliation, ac{p}.doc AS {p}_article"
        )
        sql = (
            f"SELECT l.id, l.relation, l.score, l.confidence, l.method, l.reason, l.date, "
            f"{side.format(p='a')}, {side.format(p='b')} "
            "FROM links l "
            "JOIN claims ca ON ca.id = l.a JOIN articles aca ON aca.id = ca.article "
            "LEFT JOIN sources sca ON sca.id = ca.source "
            "JOIN claims cb ON cb.id = l.b JOIN articles acb ON acb.id = cb.article "
            "LEFT JOIN sources scb ON scb.id = cb.source "
            f"WHERE {' AND '.join(where)} ORDER BY {order_by}"
        )
        if limit:
            sql += " LIMIT ?"
            params.append(limit)
        return self._rows(sql, params)

    def source_claim_ids(self, source_id: int) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM claims WHERE source = ? ORDER BY date, id", [source_id])]

    def copy_origins(self, ids: Iterable[int]) -> dict[int, int]:
        """For the claims among `ids` that are copies, the claim each copies (claims.copy_of)."""
        return {row["id"]: row["copy_of"] for row in self._rows_in(
            "SELECT id, copy_of FROM claims WHERE copy_of IS NOT NULL AND id IN ({marks})", ids)}

    def claim_ids(self, limit: int) -> list[int]:
        """The ids of the first `limit` stored claims, in id order."""
        return [row["id"] for row in self.db.query("SELECT id FROM claims ORDER BY id LIMIT ?", [limit])]

    def original_claim_ids(self, article_ids: Iterable[int]) -> list[int]:
        """The claims of these articles that copy no other claim, by date then id."""
        rows = self._rows_in("SELECT id, date FROM claims WHERE article IN ({marks}) AND copy_of IS NULL",
                             article_ids)
        return [row["id"] for row in sorted(rows, key=lambda r: (r["date"] is not None, r["date"] or "", r["id"]))]


ORDERS = {
    "confidence": "l.confidence DESC, l.date DESC, l.id DESC",
    "newest": "l.date DESC, l.confidence DESC, l.id DESC",
    "strongest": "l.score DESC, l.date DESC, l.id DESC",
}


def fts_query(text: str) -> str:
    """User text as an FTS5 query that matches every word in it, with no FTS operators or syntax left.

    Each word becomes a double-quoted string (quotes inside doubled), so AND/OR/NOT/NEAR, `*`, `:`,
    parentheses and unbalanced quotes are all plain text.
    """
    # Control characters go too: SQLite ends a string at NUL, which would leave the quote open.
    cleaned = "".join(" " if ch == '"' or (ch < " " or ch == "\x7f") else ch for ch in text)
    words = [w for w in cleaned.split() if w.strip()]
    return " ".join('"' + word + '"' for word in words)


def claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(
        id=row["id"], article=row["doc"], text=row["content"], lang=row["language"] or "",
        stance=row["stance"], hedged=bool(row["hedged"]), source=row["source"], date=row["date"],
        published=row["published"], start=row["content_start"], end=row["content_end"],
        span_start=row["span_start"], span_end=row["span_end"], cue=row["cue"], topic=row.get("topic") or "",
    )
