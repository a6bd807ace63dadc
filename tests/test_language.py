"""Language detection: Dutch and English are read; look-alikes and unknown languages are refused, said so."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.errors import UnsupportedLanguage
from claimcheck.extract import extract_article, extract_statements
from claimcheck.extract.language import MIN_WORDS, article_language, detect_language, identify
from claimcheck.lexicon import LANGUAGES, load, load_table
from claimcheck.records import Article

from .conftest import shared_path

runner = CliRunner()

# The same news paragraph, written for these tests in each language.
PARAGRAPHS = {
    "nl": "De regering heeft woensdag aangekondigd dat de belastingen volgend jaar niet omhoog gaan. De minister "
          "van Financiën zei dat hij tevreden is over de ontwikkeling van de economie, maar de oppositie had "
          "felle kritiek op het plan. Volgens het ministerie zakt het tekort voor het einde van het jaar onder "
          "de twee procent.",
    "en": "The government announced on Wednesday that taxes will not rise next year. The finance minister said "
          "he was pleased with the way the economy is going, but the opposition sharply criticised the plan. "
          "According to the ministry, the deficit will fall below two per cent by the end of the year.",
    "de": "Die Bundesregierung hat am Mittwoch angekündigt, dass die Steuern im nächsten Jahr nicht erhöht werden. "
          "Der Finanzminister sagte, er sei mit der Entwicklung der Wirtschaft zufrieden, aber die Opposition "
          "kritisierte den Plan scharf. Nach Angaben des Ministeriums wird das Defizit bis zum Ende des Jahres "
          "auf unter zwei Prozent sinken.",
    "fr": "Le gouvernement a annoncé mercredi que les impôts ne seront pas augmentés l'année prochaine. Le ministre "
          "des Finances a déclaré qu'il était satisfait de l'évolution de l'économie, mais l'opposition a vivement "
          "critiqué le projet. Selon le ministère, le déficit devrait passer sous la barre des deux pour cent "
          "d'ici la fin de l'année.",
    "es": "El gobierno anunció el miércoles que los impuestos no subirán el próximo año. El ministro de Hacienda "
          "dijo que está satisfecho con la evolución de la economía, pero la oposición criticó duramente el plan. "
          "Según el ministerio, el déficit bajará por debajo del dos por ciento antes de que termine el año.",
    "af": "Die regering het Woensdag aangekondig dat belasting nie volgende jaar verhoog sal word nie. Die minister "
          "van finansies het gesê hy is tevrede met die ontwikkeling van die ekonomie, maar die opposisie het die "
          "plan skerp gekritiseer. Volgens die departement sal die tekort teen die einde van die jaar tot onder "
          "twee persent daal.",
    "it": "Il governo ha annunciato mercoledì che le tasse non saranno aumentate il prossimo anno. Il ministro "
          "delle Finanze ha detto di essere soddisfatto dell'andamento dell'economia, ma l'opposizione ha "
          "criticato duramente il piano. Secondo il ministero, il deficit scenderà sotto il due per cento entro "
          "la fine dell'anno.",
    "pt": "O governo anunciou na quarta-feira que os impostos não vão subir no próximo ano. O ministro das "
          "Finanças disse que está satisfeito com a evolução da economia, mas a oposição criticou duramente o "
          "plano. Segundo o ministério, o défice vai descer para menos de dois por cento até ao fim do ano.",
}
# Languages no list describes: refused as not recognised.
UNLISTED = {
    "pl": "Rząd ogłosił w środę, że podatki nie zostaną podniesione w przyszłym roku. Minister finansów "
          "powiedział, że jest zadowolony z rozwoju gospodarki, ale opozycja ostro skrytykowała ten plan. Według "
          "ministerstwa deficyt spadnie poniżej dwóch procent do końca roku.",
    "fi": "Hallitus ilmoitti keskiviikkona, että veroja ei koroteta ensi vuonna. Valtiovarainministeri sanoi "
          "olevansa tyytyväinen talouden kehitykseen, mutta oppositio arvosteli suunnitelmaa jyrkästi. "
          "Ministeriön mukaan alijäämä laskee alle kahden prosentin vuoden loppuun mennessä.",
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_dutch_and_english_are_read(lang: str) -> None:
    assert article_language(PARAGRAPHS[lang]) == lang
    assert identify(PARAGRAPHS[lang]).supported


@pytest.mark.parametrize(("lang", "message"), [
    ("de", "article in German (de), not Dutch or English"),
    ("fr", "article in French (fr), not Dutch or English"),
    ("es", "article in Spanish (es), not Dutch or English"),
    ("af", "article in Afrikaans (af), not Dutch or English"),
    ("it", "article in Italian (it), not Dutch or English"),
    ("pt", "article in Portuguese (pt), not Dutch or English"),
])
def test_look_alikes_are_refused(lang: str, message: str) -> None:
    with pytest.raises(UnsupportedLanguage, match=rf"^{message.replace('(', '[(]').replace(')', '[)]')}$") as caught:
        article_language(PARAGRAPHS[lang])
    assert caught.value.lang == lang
    assert caught.value.skipped("a.jsonl:2") == f"a.jsonl:2: {message}: skipped"


@pytest.mark.parametrize("lang", sorted(UNLISTED))
def test_a_language_no_list_describes_is_refused(lang: str) -> None:
    with pytest.raises(UnsupportedLanguage, match="^article in a language not recognised, not Dutch or English$"):
        article_language(UNLISTED[lang])


@pytest.mark.parametrize("text", [
    "Merkel sagt Nein zur Steuererhöhung",  # a German title: too short to refuse
    "Le gouvernement annonce la fin",
    "Stef Blok,",
    "",
])
def test_short_texts_are_not_refused(text: str) -> None:
    assert article_language(text) in LANGUAGES
    assert article_language(text) == detect_language(text)


def test_a_list_of_names_is_not_refused() -> None:
    # DpgMedia2019 has lists (birthdays, results, song titles) with few function words in any language.
    text = ("Aad de Mos (voetbal, 72) Wim Hofkens (voetbal, 61) Tony Rominger (wielrennen, 58) Gianluigi Lentini "
            "(voetbal, 50) David Coulthard (autosport, 48) Jerrel Hasselbaink (voetbal, 47) Gaizka Mendieta "
            "(voetbal, 45) Manuel Neuer (voetbal, 33) Sanne van Kerkhof (shorttrack, 32)")
    assert identify(text).words >= MIN_WORDS
    assert article_language(text) in LANGUAGES


def test_detect_language_still_picks_between_dutch_and_english() -> None:
    assert detect_language("Hij zei dat het niet waar was.") == "nl"
    assert detect_language("He said it was not true.") == "en"
    assert detect_language(PARAGRAPHS["de"]) in LANGUAGES


def test_every_listed_language_has_a_name_and_words() -> None:
    others = load_table("languages")
    assert not set(others) & set(LANGUAGES)
    for code in LANGUAGES:
        assert load(code)["language"]["name"]
    for code, entry in others.items():
        assert entry["name"], code
        words = entry["stopwords"]
        assert len(words) == len(set(words)) >= 40, code
        assert all(word == word.lower() for word in words), code


def test_extraction_refuses_and_a_forced_language_reads() -> None:
    article = Article(id="de-1", text=PARAGRAPHS["de"])
    with pytest.raises(UnsupportedLanguage):
        extract_article(article)
    with pytest.raises(UnsupportedLanguage):
        extract_statements(PARAGRAPHS["de"])
    assert extract_article(article, "nl")[0] == "nl"
    with pytest.raises(UnsupportedLanguage, match=r"^article in German \(de\)"):
        extract_article(Article(id="x", text=PARAGRAPHS["nl"], lang="de"))


def test_the_title_helps_an_article_of_a_line() -> None:
    article = Article(id="1", text="Sebas Groot", title="Je moet goede cijfers halen en ook nog eens een sociaal "
                      "leven hebben")
    assert extract_article(article)[0] == "nl"


# --- the command line ---------------------------------------------------------------------------------


def _jsonl(path: Path, *langs: str) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for lang in langs:
            record = {"id": lang, "text": PARAGRAPHS[lang], "published_at": "2019-03-20"}
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def test_extract_skips_an_article_in_german_with_a_warning(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "mixed.jsonl", "nl", "de", "en")
    result = runner.invoke(app, ["extract", str(source), "--jsonl"])
    assert result.exit_code == 0
    assert result.stderr == f"Warning: {source}:2: article in German (de), not Dutch or English: skipped\n"
    docs = {json.loads(line)["doc"] for line in result.stdout.splitlines()}
    assert docs == {"nl", "en"}


def test_extract_names_a_text_file_it_skips(tmp_path: Path) -> None:
    source = tmp_path / "artikel.txt"
    source.write_text(PARAGRAPHS["fr"], encoding="utf-8")
    result = runner.invoke(app, ["extract", str(source)])
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == f"Warning: {source}: article in French (fr), not Dutch or English: skipped\n"


def test_extract_with_a_forced_language_reads_it(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "de.jsonl", "de")
    result = runner.invoke(app, ["extract", str(source), "--lang", "nl", "--jsonl"])
    assert (result.exit_code, result.stderr) == (0, "")


def test_ingest_stores_nothing_of_a_skipped_article(tmp_path: Path) -> None:
    source = _jsonl(tmp_path / "mixed.jsonl", "nl", "af")
    db = tmp_path / "c.db"
    result = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--no-link"])
    assert result.exit_code == 0
    assert result.stderr == f"Warning: {source}:2: article in Afrikaans (af), not Dutch or English: skipped\n"
    assert result.stdout.startswith("1 of 2 articles stored (0 already there; 1 in neither Dutch nor English, "
                                    "skipped): ")
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM articles").fetchone() == (1,)
    again = runner.invoke(app, ["ingest", str(source), "--db", str(db), "--no-link", "--json"])
    summary = json.loads(again.stdout)[0]
    assert (summary["added"], summary["skipped"], summary["unsupported"]) == (0, 1, 1)


# --- the evaluation corpora (../shared) ---------------------------------------------------------------


def _wrong(texts: list[tuple[str, str]], expected: str) -> list[str]:
    wrong = []
    for name, text in texts:
        try:
            found = article_language(text)
        except UnsupportedLanguage as exc:
            found = f"refused ({exc})"
        if found != expected and identify(text).words >= MIN_WORDS:
            wrong.append(f"{name}: {found}")
    return wrong


def test_every_dpgmedia2019_article_is_dutch() -> None:
    path = shared_path("data", "dpg2019", "articles.jsonl")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    texts = [(str(r["id"]), f"{r.get('title') or ''}\n{r['text']}") for r in records if r["text"].strip()]
    assert len(texts) > 1000
    assert _wrong(texts, "nl") == []


def test_every_polnear_text_is_english() -> None:
    folder = shared_path("data", "polnear")
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*/text/*.txt"))]
    assert len(texts) > 500
    assert _wrong(texts, "en") == []


def test_every_wikinews_article_is_english() -> None:
    folder = shared_path("data", "wikinews")
    csv.field_size_limit(1 << 30)
    texts = []
    for path in sorted(folder.glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            texts.extend((row["title"], f"{row['title']}\n{row['text']}") for row in csv.DictReader(handle))
    assert len(texts) > 200
    assert _wrong(texts, "en") == []
