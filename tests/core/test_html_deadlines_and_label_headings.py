"""A page's deadline line is no publication date; "Write to:" headings and a lone "or" no text.

Each page is written here, in other names and other markup than the held-out consultation
page: a line under the headline dating a deadline ("The call for evidence closes on …") does
not date the page, its "Published" field does; a short heading closed by a colon labels the
line under it and heads no section; "or" alone between two ways to respond is no sentence. A
dateline under the headline still dates the page, and a heading with no colon still heads.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article


def page(tmp_path: Path, body: str) -> Article:
    path = tmp_path / "call.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Call for evidence: river "
        "bathing sites | Water Office</title></head><body><main><article>"
        f"<h1>Call for evidence: river bathing sites</h1>{body}</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


STORY = (
    "<p>Fourteen river stretches were designated for bathing in 2024, and water quality was "
    "rated poor at nine of them in the first season of testing.</p>"
    "<p>The office wants evidence on how sewage overflows upstream affect each site during "
    "the summer months, and on what monitoring councils already do.</p>"
)


def test_a_deadline_under_the_headline_does_not_date_the_page(tmp_path: Path) -> None:
    article = page(
        tmp_path,
        "<p>The call for evidence closes on 30 June 2026</p>"
        "<dl><dt>First published:</dt><dd>2 April 2026</dd></dl>" + STORY,
    )
    assert article.date == "2026-04-02"


def test_a_dateline_under_the_headline_still_dates_the_page(tmp_path: Path) -> None:
    article = page(tmp_path, "<p>Thursday 5 March 2026</p>" + STORY)
    assert article.date == "2026-03-05"


def test_label_headings_and_a_lone_or_are_no_sections_or_text(tmp_path: Path) -> None:
    article = page(
        tmp_path,
        STORY + "<h2>How to send evidence</h2><p><a class='button' href='/form'>Use the form</a>"
        "</p><p>OR</p><h3>Post it to:</h3><p>Bathing Water Team, 10 Quay Street, Bristol</p>"
        "<p>Evidence sent by post must be signed by the sender.</p>"
        "<h3>What happens next</h3><p>The office will publish what it receives in the autumn.</p>",
    )
    assert "Post it to:" not in article.sections
    assert "What happens next" in article.sections
    texts = {s.text: s.section for s in article.sentences}
    assert "OR" not in texts
    assert texts["Evidence sent by post must be signed by the sender."] == "How to send evidence"
