"""A caption's credit is shown with it, so its words find the caption and it counts as said."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Corpus
from bot.core.search import Searcher
from bot.core.search.evaluation import is_right

PAGE = """<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>
<title>Harbour to be dredged | The Bay Gazette</title></head><body><article>
<h1>Harbour to be dredged</h1>
<p>The harbour board agreed on Thursday to dredge the eastern channel after two winters in
which larger ships had to wait offshore for the tide.</p>
<figure><img src='a.jpg' alt=''><figcaption>The dredger Maren at work off the north pier.
Photo: Ines Calder/Northern Wire</figcaption></figure>
<p>Dredging will cost about $14 million over three years, and the board expects the state to
pay roughly half of it through its coastal infrastructure fund.</p>
<figure><img src='b.png' alt=''><figcaption>Dredging cost by year, 2025 to 2027.
Source: Bay Harbour Board annual accounts</figcaption></figure>
<p>Fishing crews oppose the plan, arguing that the spoil dumped offshore will smother the beds
where crabs breed each spring.</p>
</article></body></html>"""


def searcher(tmp_path: Path) -> Searcher:
    path = tmp_path / "harbour.html"
    path.write_text(PAGE, encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    return Searcher(Corpus(articles=(article,)))


def test_a_credits_words_find_its_caption(tmp_path: Path) -> None:
    search = searcher(tmp_path)
    by_photographer = search.facts("Ines Calder photo").hits[0]
    assert by_photographer.text.startswith("The dredger Maren")
    assert by_photographer.credit is not None and "Ines Calder" in by_photographer.credit
    source = search.facts("source of the dredging cost chart").hits[0]
    assert source.text.startswith("Dredging cost by year")
    assert source.credit is not None and "annual accounts" in source.credit


def test_the_source_a_caption_credits_is_part_of_the_answer(tmp_path: Path) -> None:
    hit = searcher(tmp_path).facts("source of the dredging cost chart").hits[0]
    assert is_right(hit, ["Bay Harbour Board annual accounts"])
    assert not is_right(hit, ["coastal infrastructure fund"])
