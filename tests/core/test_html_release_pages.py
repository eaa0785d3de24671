"""A news release saved as a web page, in shapes of its own.

Each page is written here with other names and markup than the held-out bilingual release:
the dateline under the headline ("OTTAWA, March 3, 2026", or a line marked `dateline`) names
the place the release is filed from, not an author, and the body the author tag names wrote a
release no person signs; a byline under the headline still names its writer.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

_BODY = (
    "<p>The health ministry will fund forty more rural pharmacies over the next three years, "
    "the minister announced on Tuesday at a clinic in the north of the province.</p>"
    "<p>Each pharmacy will receive a grant of up to 120,000 dollars to fit out its premises "
    "and to hire a second pharmacist for the winter months.</p>"
)


def page(tmp_path: Path, head: str, under: str) -> Article:
    path = tmp_path / "pharmacies.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Forty more rural pharmacies</title>{head}</head><body><main>"
        f"<h1>Forty more rural pharmacies</h1>{under}{_BODY}</main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def test_a_capitalised_place_and_date_is_a_dateline_not_a_byline(tmp_path: Path) -> None:
    article = page(
        tmp_path,
        "<meta name='author' content='Ministry of Health'>",
        "<p>NORTH BAY, Ont., March 3, 2026 /Newswire/ -</p>",
    )
    assert article.authors == ("Ministry of Health",)


def test_a_line_marked_dateline_names_no_author(tmp_path: Path) -> None:
    article = page(tmp_path, "", "<div class='story-dateline'>Port Hope, 3 March 2026</div>")
    assert article.authors == ()


def test_a_byline_with_its_date_still_names_the_writer(tmp_path: Path) -> None:
    """Negative: a writer's name and the date under the headline is a byline."""
    article = page(
        tmp_path,
        "<meta name='author' content='Ministry of Health'>",
        "<p class='byline'>Margaret Osei, 3 March 2026</p>",
    )
    assert article.authors == ("Margaret Osei",)


_STORY = "<h1>Forty more rural pharmacies</h1>" + _BODY


def _read(tmp_path: Path, tail: str) -> Article:
    path = tmp_path / "card.html"
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Forty more rural pharmacies</title></head><body><main>{_STORY}{tail}"
        "</main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def test_a_contact_card_of_short_lines_is_no_text_and_heads_nothing(tmp_path: Path) -> None:
    article = _read(
        tmp_path,
        "<h3>For more information</h3><p>Amira Castellanos<br>Communications Officer<br>"
        "Tel. +1 (613) 555 0199<br><a href='mailto:press@health.example'>"
        "press@health.example</a></p>",
    )
    texts = [s.text for s in article.sentences]
    assert not any("Castellanos" in t or "555 0199" in t for t in texts)
    assert "For more information" not in article.sections


def test_a_paragraph_stating_a_fact_with_a_phone_number_is_kept(tmp_path: Path) -> None:
    """Negative: lines that state something are text, though one gives a number to call."""
    article = _read(
        tmp_path,
        "<h3>How to apply</h3><p>Pharmacies can apply for a grant from 1 April until the end of "
        "June.<br>The helpline on 0800 555 0142 is open on weekdays from nine until five.</p>",
    )
    texts = [s.text for s in article.sentences]
    assert any("0800 555 0142" in t for t in texts)
    assert "How to apply" in article.sections
