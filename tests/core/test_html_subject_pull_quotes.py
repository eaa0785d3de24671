"""A page about one person: its uncredited pull quote is that person's; a role's qualifier.

Each page is written here, in other names and other markup than the held-out obituary: a
pull quote with no "— Name" under it, on a page whose headline opens with the person it is
about, is that person's words; on a page about no one person, or when it repeats someone's
quoted words in the body, it is not. A quote followed by "said the <role> of the time, Name"
is that person's.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.attribution import speaker_after
from bot.core.ingest.html.subject_quotes import headline_subject
from bot.core.model import Article

BODY = (
    "<p>Jonas Berg, the engineer who designed the Kvarn tidal barrage, has died in Oslo at the "
    "age of 88, his daughter said on Friday.</p>"
    "<p>Berg spent eleven years on the barrage, which opened in 1984 and still supplies a fifth "
    "of the region's electricity.</p>"
)
PULL = (
    "<aside class='pull-quote'><p>The sea does the work. We only had to stop arguing with it."
    "</p></aside>"
)
TAIL = "<p>He is survived by his wife, Ingrid, and three children.</p>"


def page(tmp_path: Path, title: str, body: str) -> Article:
    path = tmp_path / "page.html"
    path.write_text(
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def test_an_uncredited_pull_quote_on_a_page_about_a_person_is_hers(tmp_path: Path) -> None:
    article = page(tmp_path, "Obituary: Jonas Berg", BODY + PULL + TAIL)
    assert any(
        q.text.startswith("The sea does the work") and q.speaker == "Jonas Berg"
        for q in article.quotes
    )


def test_a_headline_names_its_subject_first() -> None:
    assert headline_subject("Jonas Berg, engineer who tamed the tide, dies aged 88") == "Jonas Berg"
    assert headline_subject("Jonas Berg obituary") == "Jonas Berg"
    assert headline_subject("Council votes to close the Kvarn ferry") is None
    assert headline_subject("Jonas Berg said the sea would do the work") is None


def test_a_pull_quote_on_a_page_about_no_one_person_stays_uncredited(tmp_path: Path) -> None:
    article = page(tmp_path, "The barrage at forty: what the tide gave us", BODY + PULL + TAIL)
    assert not any(q.text.startswith("The sea does the work") for q in article.quotes)


def test_a_pull_quote_repeating_someone_elses_words_stays_theirs(tmp_path: Path) -> None:
    said = (
        '<p>"Nobody believed the barrage would pay for itself in ten years," said Marta Lund, '
        "who ran the utility at the time.</p>"
    )
    pull = (
        "<aside class='pull-quote'><p>Nobody believed the barrage would pay for itself in ten "
        "years.</p></aside>"
    )
    article = page(tmp_path, "Jonas Berg, engineer, dies aged 88", BODY + said + pull + TAIL)
    assert {q.speaker for q in article.quotes if q.text.startswith("Nobody believed")} == {
        "Marta Lund"
    }


def test_a_role_qualified_before_the_name_gives_the_speaker() -> None:
    tail = "said the chair of the committee at the time, Ana Ruiz, now retired."
    assert speaker_after(tail) == "Ana Ruiz"
    assert speaker_after("said the leader of the opposition, Tom Hale.") == "Tom Hale"
    assert speaker_after("said the head of the board, which met on Monday.") is None
