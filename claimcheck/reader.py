"""Read articles from text files, folders and JSON-lines files, with errors that name the file and line.

Text files become one article each; the publication date comes from the caller, else from a YYYY-MM-DD in
the file name. JSON-lines records carry `id`, `text`, optional `title`, `published_at`, `publisher`, `url`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .errors import InputError
from .records import Article

MAX_FILE_BYTES = 10 * 1024 * 1024
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ".md"}
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_BINARY_SNIFF_BYTES = 8192


def read_articles(paths: list[str], published: str | None = None) -> Iterator[Article]:
    """Yield every article in `paths` (files or folders), in the order given.

    Raises InputError on the first path or record that cannot be read; nothing is yielded for it.
    """
    if published is not None:
        published = check_iso_date(published, "--published")
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and _is_article_file(p))
            if not files:
                raise InputError(f"{given}: folder holds no .txt or .jsonl files")
            for file in files:
                yield from _read_file(file, str(file), published)
        else:
            yield from _read_file(path, given, published)


def _is_article_file(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES | TEXT_SUFFIXES


def _read_file(path: Path, name: str, published: str | None) -> Iterator[Article]:
    data = _read_bytes(path, name)
    text, warning = decode(data, name)
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _parse_jsonl(text, name, warning)
        return
    if not text.strip():
        raise InputError(f"{name}: file holds only whitespace")
    article = Article(id=name, text=text, published=published or date_from_name(path.name), origin=name)
    if warning:
        article.warnings.append(warning)
    yield article


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"{name}: no such file or folder") from None
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if not path.is_file():
        raise InputError(f"{name}: not a regular file")
    if size == 0:
        raise InputError(f"{name}: file is empty")
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{name}: file is too large ({size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB a file)"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror})") from None
    if b"\x00" in data[:_BINARY_SNIFF_BYTES]:
        raise InputError(f"{name}: looks like a binary file (it holds NUL bytes), not text")
    return data


def decode(data: bytes, name: str) -> tuple[str, str | None]:
    """Decode UTF-8 (a BOM is dropped); other bytes are read as Windows-1252 with a warning."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        text = data.decode("cp1252", errors="replace")
        return text, f"{name}:{line}: not valid UTF-8; read as Windows-1252, offsets refer to that reading"


def _parse_jsonl(text: str, name: str, warning: str | None) -> list[Article]:
    """Every record of the file, each checked before any is handed on: a bad line 75 stops the
    file before lines 1-74 are used (a file is at most MAX_FILE_BYTES, so holding it is cheap)."""
    articles: list[Article] = []
    empty: list[int] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            # json's messages may end in "at" themselves ("Unterminated string starting at").
            raise InputError(
                f"{where}: malformed JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})"
            ) from None
        article = article_from_record(record, where, warning)
        if article.text.strip():
            articles.append(article)
        else:
            empty.append(number)
    # News dumps hold records with an empty text (40 of the 1,438 DpgMedia2019 articles): skipped, and said
    # so, rather than stopping the file (as an empty .txt file stops) or stored as one empty "article".
    if not articles:
        raise InputError(f"{name}: file holds no JSON records" + (" with a text" if empty else ""))
    if empty:
        shown = ", ".join(map(str, empty[:10])) + (", …" if len(empty) > 10 else "")
        lines = f"line {shown}" if len(empty) == 1 else f"lines {shown}"
        articles[0].warnings.insert(0, f"{name}: {len(empty)} record{'s' * (len(empty) > 1)} with an empty text "
                                       f"skipped ({lines})")
    return articles


def article_from_record(record: object, where: str, warning: str | None = None) -> Article:
    """Turn one JSON-lines record into an Article, checking the fields the contract needs."""
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    if record.get("id") in (None, ""):
        raise InputError(f"{where}: record has no 'id'")
    if "text" not in record:
        raise InputError(f"{where}: record has no 'text'")
    if not isinstance(record["text"], str):
        raise InputError(f"{where}: 'text' must be a string")
    published = record.get("published_at") or record.get("published")
    if published is not None:
        published = check_iso_date(str(published)[:10], f"{where}: published_at")
    article = Article(
        id=str(record["id"]),
        text=record["text"],
        published=published,
        title=_optional_str(record.get("title")),
        publisher=_optional_str(record.get("publisher")),
        url=_optional_str(record.get("url")),
        lang=_optional_str(record.get("lang")),
        origin=where,
    )
    if warning:
        article.warnings.append(warning)
    return article


def _optional_str(value: object) -> str | None:
    return None if value is None else str(value)


def check_iso_date(value: str, what: str) -> str:
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"{what}: {value!r} is not a date of the form YYYY-MM-DD") from None


def date_from_name(filename: str) -> str | None:
    match = _DATE_IN_NAME.search(filename)
    if not match:
        return None
    try:
        return date(*map(int, match.groups())).isoformat()
    except ValueError:
        return None


def check_date_range(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """--since and --until as ISO dates (either may be missing); InputError for a malformed date or a range
    that ends before it starts."""
    since = check_iso_date(since, "--since") if since else None
    until = check_iso_date(until, "--until") if until else None
    if since and until and since > until:
        raise InputError(f"--since {since} is after --until {until}")
    return since, until


def read_text_pairs(path: Path) -> list[tuple[str, str]]:
    """The {"a": text, "b": text} objects of a JSON-lines file, as (a, b); blank lines are skipped.

    Raises InputError naming the file (and line) that cannot be read.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read: {exc}") from exc
    pairs = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record: object = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not a JSON object: {exc.msg}") from exc
        if not isinstance(record, dict) or not all(isinstance(record.get(k), str) for k in ("a", "b")):
            raise InputError(f'{path}:{number}: expected {{"a": text, "b": text}}')
        pairs.append((record["a"], record["b"]))
    return pairs
