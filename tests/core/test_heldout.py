"""Held-out documents: three articles written after the ranking work began, and their queries.

tests/data/heldout/ holds a Markdown brief with footnotes, a plain-text press briefing with
capitalised speaker labels and "QUESTION:" turns, and a saved news page with quotes and a pull
quote. They were written to check that ingestion and search hold on documents nobody tuned a
rule to; tests/data/queries_heldout.jsonl asks them questions of every kind. More shapes follow
(a White House-style briefing, a podcast with time-stamped turns, a WordPress page with unlinked
endnotes), and tests/data/heldout_b with its queries is a second set, kept from the search work
until it was merged.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from bot.core.ingest import read_article, read_seeds
from bot.core.model import Article, Corpus
from bot.core.search import Searcher
from tests.core.heldout_scoring import right_first

DATA = Path(__file__).resolve().parents[1] / "data"


@cache
def doc(name: str) -> Article:
    article, issues = read_article(DATA / "heldout" / name)
    assert article is not None, issues
    return article


@cache
def searcher() -> Searcher:
    result = read_seeds(DATA / "heldout")
    return Searcher(Corpus(articles=tuple(result.articles)))


def speaker_of(article: Article, start: str) -> str | None:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, start
    return found[0].speaker


def test_a_stacked_header_gives_title_subtitle_and_date() -> None:
    briefing = doc("port-press-briefing.txt")
    assert briefing.title == "Harbour Board of Valmont"
    assert briefing.subtitle == "Press Briefing on the Winter Dredging Programme"
    assert briefing.date == "2025-02-06"
    assert not any(s.text.startswith("Harbour Board") for s in briefing.sentences)


def test_question_turns_are_never_the_previous_speakers() -> None:
    briefing = doc("port-press-briefing.txt")
    assert speaker_of(briefing, "Ms Brandt, why is the channel") != "Helena Brandt"
    assert speaker_of(briefing, "Mostly because the river") == "Helena Brandt"
    assert speaker_of(briefing, "We expect very few delays.") == "Omar Said"
    assert speaker_of(briefing, "Fees will not rise this year.") == "Helena Brandt"
    assert not any(q.speaker == "Participants" for q in briefing.quotes)
    assert not any(s.text.startswith("QUESTION") for s in briefing.sentences)


def test_a_pull_quote_is_the_quoted_persons_and_quotes_go_on_after_their_attribution() -> None:
    news = doc("city-heat-news.html")
    by_kind = {(q.kind, q.text[:20]): q.speaker for q in news.quotes}
    assert by_kind[("direct", "Shade is public heal")] == "Carmen Olivares"
    assert by_kind[("direct", "Every tree we plant ")] == "Carmen Olivares"
    assert by_kind[("pull", "Every tree we plant ")] == "Carmen Olivares"
    assert by_kind[("direct", "We are rationing irr")] == "Tomás Ferrer"


def test_the_brief_keeps_its_metadata_and_notes() -> None:
    brief = doc("grid-storage-brief.md")
    assert brief.title == "Batteries on the Grid: Who Pays for Storage?"
    assert brief.authors == ("Marta Lindqvist",)
    assert brief.publication == "Northern Energy Forum"
    assert [n.number for n in brief.notes] == [1, 2, 3]


def test_the_heldout_queries_score_at_least_what_they_did_when_written() -> None:
    """A floor, not a target: R@1 21/32 when the set was written, 27/32 with the answers that
    follow questions and lists; raise it as search improves, never lower it."""
    first, total = right_first(searcher(), DATA / "queries_heldout.jsonl")
    assert first >= 27, f"held-out R@1 fell to {first}/{total}"


def test_a_press_briefing_with_bare_q_turns_time_stamps_and_stage_directions() -> None:
    briefing = doc("press-secretary-briefing.txt")
    assert briefing.title == "Press Briefing by Press Secretary Dana Whitfield"
    assert briefing.authors == ()  # the briefing room is a place, not a byline
    assert speaker_of(briefing, "Good afternoon, everyone.") == "Dana Whitfield"  # "MS. WHITFIELD"
    assert speaker_of(briefing, "Does the President support") != "Dana Whitfield"  # "Q Thank …"
    assert speaker_of(briefing, "He does.") == "Dana Whitfield"
    assert speaker_of(briefing, "We will look at it very carefully.") == "The President"
    texts = [s.text for s in briefing.sentences]
    assert not any("P.M." in t or "Inaudible" in t or t.startswith("Q ") for t in texts)
    assert all(s.section == "" for s in briefing.sentences)  # a time stamp is not a heading


def test_quote_of_an_author_no_one_quotes_says_so_and_offers_who_is() -> None:
    answer = searcher().quotes("Priya Raman")
    assert not answer.hits
    assert answer.error == "Priya Raman is never quoted in the sources."
    assert "Carmen Olivares" in answer.speakers
    assert searcher().quotes("Carmen Olivares").hits  # someone quoted still is
    # asked for her words on a topic, the author's own sentences are hers to quote
    own = searcher().quotes("trees", speaker="Priya Raman")
    assert own.hits and all(h.speaker == "Priya Raman" for h in own.hits)


PLAIN_REPORT = """Regional Policy Institute

Ferry Subsidies on the Northern Coast

March 4, 2025

Tomas Lindgren
Senior Researcher


Summary

Ferries carry about 3 million passengers a year between the islands.1 Fares cover less
than a third of the cost. The rest comes from the state.2


Routes

Eleven routes serve the islands. Four of them run all year, and the others stop in winter.3


Notes

1 Island Transport Board, Annual Statistics 2024.
2 Ibid., p. 12.
3 See note 1, p. 4.
"""


def test_a_plain_text_report_without_page_markers_keeps_its_glued_markers_and_byline(
    tmp_path: Path,
) -> None:
    path = tmp_path / "ferries.txt"
    path.write_text(PLAIN_REPORT)
    article, issues = read_article(path)
    assert article is not None, issues
    assert article.authors == ("Tomas Lindgren",)
    assert article.subtitle == "Ferry Subsidies on the Northern Coast"
    assert article.date == "2025-03-04"
    by_start = {s.text[:12]: s for s in article.sentences}
    assert by_start["Ferries carr"].notes == (1,)
    assert by_start["Fares cover "].notes == ()  # "third of the cost." holds no marker
    assert by_start["The rest com"].notes == (2,)
    assert by_start["Four of them"].notes == (3,)
    assert {s.section for s in article.sentences} == {"Summary", "Routes"}
    assert not any("Lindgren" in s.text or "Senior" in s.text for s in article.sentences)


NOTION_EXPORT = """# Cold Chains for Vaccines

**Author:** Amina Wekesa
**Published:** 14 June 2024

In three districts, 18% of clinic refrigerators failed at least once a month [1]. Solar
refrigerators cut failures by half, but they cost about $4,500 each [2].

---

[1] District Health Survey, 2023.
[2] Supply Division, price list, 2024.
"""


def test_an_exported_page_with_a_labelled_byline_and_spaced_bracket_markers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "cold-chains.md"
    path.write_text(NOTION_EXPORT)
    article, issues = read_article(path)
    assert article is not None, issues
    assert article.authors == ("Amina Wekesa",)
    assert article.date == "2024-06-14"
    assert [(s.text[-12:], s.notes) for s in article.sentences] == [
        ("nce a month.", (1,)),
        ("$4,500 each.", (2,)),
    ]


def test_timestamped_turn_labels_and_a_cast_list() -> None:
    podcast = doc("podcast-timestamped-turns.txt")
    assert speaker_of(podcast, "Welcome back to the show.") == "Mariana Lopes"
    assert speaker_of(podcast, "Some did.") == "Daniel Whitaker"
    texts = [s.text for s in podcast.sentences]
    assert not any("00:0" in t or t.startswith(("Host", "Guest")) for t in texts)
    assert {s.section for s in podcast.sentences} == {""}  # a cast line is not a heading


def test_unlinked_bracket_superscripts_cite_the_endnotes_list() -> None:
    post = doc("wordpress-unlinked-endnotes.html")
    assert post.authors == ("Sofia Marchetti", "Daniel Lee")
    assert [s.notes for s in post.sentences[:3]] == [(1,), (2,), (3,)]
    assert [n.text for n in post.notes] == [
        "Treaty on Coastal Fisheries, Article 4.",
        "FAO, State of World Fisheries, 2022, p. 41.",
        "Fisheries Commission, Annual Report, 2023.",
    ]
    assert post.notes[2].accessed == "2023-06-01"
    assert not any("[1]" in s.text or "Endnotes" in s.text for s in post.sentences)


def test_what_a_named_speaker_said_about_something_is_their_own_words() -> None:
    hit = searcher().facts("what did Omar Said say about the silt").hits[0]
    assert hit.speaker == "Omar Said"
    assert "Clean silt is taken to rebuild the salt marsh" in hit.text
    hit = searcher().facts("what does Olivares think about shade").hits[0]
    assert hit.speaker == "Carmen Olivares" and "Shade is public health" in hit.text
    # a name no one in the sources has: searched as words, never a wrong speaker
    assert all(h.speaker != "Omar Said" for h in searcher().facts("what did Napoleon say").hits)


SPEECH = """---
title: "Remarks on the Outlook"
author: Governor Ana Ruiz
publication: Central Bank of Valdoria
date: 2024-05-02
---

# Remarks on the Outlook

## Prices

Our mandate is price stability, and we will keep it.

## Wages

Wages rose by 4 percent last year. Unions asked for more. The government raised the minimum
wage in January, and employers say hiring slowed after that.
"""


def test_words_that_only_the_title_publication_or_heading_hold_count_for_a_sentence(
    tmp_path: Path,
) -> None:
    (tmp_path / "speech.md").write_text(SPEECH)
    corpus = Corpus(articles=tuple(read_seeds(tmp_path).articles))
    s = Searcher(corpus)
    assert s.facts("what is the central bank's mandate").hits[0].text.startswith("Our mandate")
    assert s.facts("how much did wages rise").hits[0].text.startswith("Wages rose by 4 percent")


def test_a_question_about_what_someone_said_may_put_its_topic_first() -> None:
    hit = searcher().facts("which delays does Omar Said expect").hits[0]
    assert hit.speaker == "Omar Said" and "We expect very few delays" in hit.text


@cache
def second_searcher() -> Searcher:
    return Searcher(Corpus(articles=tuple(read_seeds(DATA / "heldout_b").articles)))


def test_the_second_heldout_set_scores_at_least_what_it_did_when_merged() -> None:
    """tests/data/heldout_b: a plain-text report with glued note numbers, an HTML interview
    and a Markdown speech, written while the ranking work was under way and kept from it; 24/30
    at R@1 was the score before the framing signal and the merges, 27/30 after. A floor."""
    first, total = right_first(second_searcher(), DATA / "queries_heldout_b.jsonl")
    assert first >= 27, f"second held-out R@1 fell to {first}/{total}"


def test_a_question_about_an_article_may_name_it_by_a_word_of_its_file_name() -> None:
    hit = searcher().facts("who wrote the grid brief").hits[0]  # "grid-storage-brief.md"
    assert hit.kind == "metadata" and "Marta Lindqvist" in hit.text
    hit = searcher().facts("when was the wordpress post published").hits[0]
    assert "Fishing Rights After the Treaty" in hit.text
