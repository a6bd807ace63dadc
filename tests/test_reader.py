from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.errors import InputError
from claimcheck.reader import MAX_FILE_BYTES, date_from_name, read_articles


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_text_file_reads_whole_text_and_date_from_name(tmp_path: Path) -> None:
    path = write(tmp_path, "report-2019-03-23.txt", b"Hij zegt dat het klopt.\n")
    [article] = read_articles([path])
    assert article.id == path
    assert article.text == "Hij zegt dat het klopt.\n"
    assert article.published == "2019-03-23"


def test_published_option_wins_over_file_name(tmp_path: Path) -> None:
    path = write(tmp_path, "report-2019-03-23.txt", b"Text.")
    [article] = read_articles([path], published="2020-01-02")
    assert article.published == "2020-01-02"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    [article] = read_articles([write(tmp_path, "a.txt", "\ufeffZij zei het.".encode())])
    assert article.text == "Zij zei het."


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt: file is empty"),
        ("blank.txt", b"  \n\n ", "blank.txt: file holds only whitespace"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "image.txt: looks like a binary file"),
    ],
)
def test_unreadable_text_files_name_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        list(read_articles([write(tmp_path, name, data)]))


def test_missing_path(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.txt")
    with pytest.raises(InputError, match=f"^{missing}: no such file or folder$"):
        list(read_articles([missing]))


def test_too_large_file(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"a" * (MAX_FILE_BYTES + 1))
    with pytest.raises(InputError, match=r"big.txt: file is too large \(10.5 MB; the limit is 10 MB a file\)"):
        list(read_articles([path]))


def test_non_utf8_is_decoded_with_a_warning_naming_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "latin.txt", "Eerste regel.\nDe minister zei: café.\n".encode("latin-1"))
    [article] = read_articles([path])
    assert article.text == "Eerste regel.\nDe minister zei: café.\n"
    assert article.warnings == [f"{path}:2: not valid UTF-8; read as Windows-1252, offsets refer to that reading"]


def test_jsonl_records(tmp_path: Path) -> None:
    lines = [
        {"id": 7, "title": "T", "text": "Hij zei het.", "published_at": "2019-02-12", "publisher": "vk"},
        {"id": "b", "text": "She said so.", "url": "https://example.org/b"},
    ]
    path = write(tmp_path, "a.jsonl", "\n".join(json.dumps(x) for x in lines).encode())
    first, second = read_articles([path])
    assert (first.id, first.published, first.publisher, first.title) == ("7", "2019-02-12", "vk", "T")
    assert (second.id, second.published, second.url) == ("b", None, "https://example.org/b")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{bad", r"a.jsonl:2: malformed JSON \(Expecting property name enclosed in double quotes at column 2\)"),
        ("[1, 2]", r"a.jsonl:2: expected a JSON object, got list"),
        ('{"id": 3}', r"a.jsonl:2: record has no 'text'"),
        ('{"id": 3, "text": "x", "published_at": "gisteren"}',
         r"a.jsonl:2: published_at: 'gisteren' is not a date of the form YYYY-MM-DD"),
    ],
)
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, "a.jsonl", ('{"id": 1, "text": "Goed."}\n' + line + "\n").encode())
    with pytest.raises(InputError, match=message):
        list(read_articles([path]))


def test_folder_reads_text_and_jsonl_files_sorted(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", b"Tweede.")
    write(tmp_path, "a.txt", b"Eerste.")
    write(tmp_path, "notes.bin", b"\x00")
    texts = [a.text for a in read_articles([str(tmp_path)])]
    assert texts == ["Eerste.", "Tweede."]


def test_date_from_name_ignores_impossible_dates() -> None:
    assert date_from_name("x-2019-02-30.txt") is None
    assert date_from_name("baghouz-2019-03-23.nl.txt") == "2019-03-23"
