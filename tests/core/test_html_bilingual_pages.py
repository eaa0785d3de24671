"""A page set in two languages, in shapes of its own (Welsh/English, Spanish/English).

Each page is written here with other names, languages and markup than the held-out bilingual
release: the headline and headings in the page's own language head the page and its
sections, the translation after each is kept as text but heads nothing; a page in one
language, or a heading marked with a language that repeats no heading before it, is read as
before.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article

_EN = [
    "The county council will open three new libraries in the valley towns by the spring of "
    "2028, at a cost of about nine million pounds.",
    "The libraries in Treharris and Bedlinog will share a building with the local health "
    "centre, and the one in Abercanaid will open on Saturdays until eight in the evening.",
]
_CY = [
    "Bydd y cyngor sir yn agor tair llyfrgell newydd yn nhrefi'r cwm erbyn gwanwyn 2028, am "
    "gost o tua naw miliwn o bunnoedd.",
    "Bydd y llyfrgelloedd yn Nhreharris a Bedlinog yn rhannu adeilad gyda'r ganolfan iechyd "
    "leol, a bydd yr un yn Abercanaid ar agor ar ddydd Sadwrn tan wyth yr hwyr.",
]


def page(tmp_path: Path, html: str) -> Article:
    path = tmp_path / "libraries.html"
    path.write_text(html, encoding="utf-8")
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def _welsh_page(root: str, mark: str) -> str:
    return (
        f"<!DOCTYPE html><html{root}><head><meta charset='utf-8'>"
        "<title>Three new libraries for the valleys | "
        "Tair llyfrgell newydd sbon i drefi'r cymoedd</title>"
        "</head><body><article>"
        "<h1>Three new libraries for the valleys</h1>"
        f"<h1{mark}>Tair llyfrgell newydd sbon i drefi'r cymoedd</h1>"
        f"<p>{_EN[0]}</p><p{mark}>{_CY[0]}</p>"
        f"<h3>Opening hours</h3><h3{mark}>Oriau agor</h3>"
        f"<p>{_EN[1]}</p><p{mark}>{_CY[1]}</p>"
        "</article></body></html>"
    )


def test_the_page_language_headline_and_headings_head_the_page(tmp_path: Path) -> None:
    article = page(tmp_path, _welsh_page(" lang='en-GB'", " lang='cy'"))
    assert article.title == "Three new libraries for the valleys"
    assert article.sections == ("Opening hours",)
    assert next(s for s in article.sentences if s.text.startswith("The libraries in")).section == (
        "Opening hours"
    )
    texts = [s.text for s in article.sentences]
    assert _CY[1] in texts  # the translation is kept as text


def test_a_page_naming_no_language_keeps_its_unmarked_headings(tmp_path: Path) -> None:
    article = page(tmp_path, _welsh_page("", " lang='cy'"))
    assert article.title == "Three new libraries for the valleys"
    assert article.sections == ("Opening hours",)


def test_headings_in_the_page_language_after_each_other_both_head(tmp_path: Path) -> None:
    """Negative: a heading marked with the page's own language translates nothing."""
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Three new libraries for the valleys</title></head><body><article>"
        "<h1>Three new libraries for the valleys</h1>"
        f"<p>{_EN[0]}</p><h2>Where</h2><h3 lang='en'>Opening hours</h3><p>{_EN[1]}</p>"
        f"<h2 lang='es'>Horario</h2><p>{_CY[1]}</p>"
        "</article></body></html>"
    )
    article = page(tmp_path, html)
    assert article.sections == ("Where", "Opening hours", "Horario")
