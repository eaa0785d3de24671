"""Pull-quote checks look only where a repeat could be: around a line's rarest words."""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.repeat_windows import WordPlaces, sharing_rare_words

BODY = (
    "The harbour board met on Thursday. Dredging the eastern channel will cost about "
    "$14 million, the chair said. Fishing crews fear the spoil will smother the crab beds."
)


def test_the_stretches_around_a_lines_rarest_words_hold_its_repeat() -> None:
    places = WordPlaces(
        BODY + " " + " ".join(f"Filler sentence {i} about nothing." for i in range(40))
    )
    stretches = places.stretches("Dredging the eastern channel will cost about $14 million")
    assert stretches and all(len(s) < len(places.text) for s in stretches)
    assert any("eastern channel will cost" in s for s in stretches)


def test_a_line_sharing_no_word_with_the_text_has_no_stretch() -> None:
    assert WordPlaces(BODY).stretches("Volcanic ash grounded flights across Iceland") == []


def test_common_words_alone_give_the_whole_text() -> None:
    text = " ".join(["the work goes on and on"] * 60)
    assert WordPlaces(text).stretches("the work goes on") == [text]


def test_lines_are_compared_with_the_lines_that_share_their_rarest_words() -> None:
    lines = [
        "Dredging will cost about $14 million over three years.",
        "“Dredging will cost about $14 million”",
        "Crab beds lie offshore of the north pier.",
    ]
    near = sharing_rare_words(lines)
    assert near[1] == {0}  # the display line's words are all in the sentence
    assert near[0] == set()  # "three years" are in no other line: it repeats none
    assert near[2] == set()


def test_a_long_story_of_short_paragraphs_still_finds_its_pull_quote(tmp_path: Path) -> None:
    paragraphs = [
        f"Member {i} of the panel, Ana Vel{i:03d}, said district {i} had kept its clinic open."
        for i in range(300)
    ]
    paragraphs.insert(150, "Nobody on the panel expected the ferry to run again before spring.")
    paragraphs.insert(200, "“Nobody expected the ferry to run again before spring.”")
    path = tmp_path / "panel.txt"
    path.write_text("Panel keeps clinics\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    article, issues = read_article(path)
    assert article is not None, issues
    assert [q.kind for q in article.quotes if "ferry" in q.text] == ["pull"]
    assert not any(s.text.startswith("“Nobody expected") for s in article.sentences)
