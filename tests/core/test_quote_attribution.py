"""Quotation attribution: each usual form names its speaker, in text, Markdown and HTML alike.

Every document here is written for the test. The negative cases matter as much: a quotation
nobody is named for is no one's (never the author's), scare quotes and titles are no
quotations, and a quotation inside a note is not a body quote.
"""

from __future__ import annotations

import pytest

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.quotes import (
    clause_subject,
    last_person,
    lead_in_speaker,
    speaker_after,
    speaker_before,
)
from bot.core.model import Article

BYLINE_MD = "---\ntitle: Ports and Power\nauthor: Nora Vance\n---\n\n"
BYLINE_HTML = (
    "<html><head><title>Ports and Power</title><meta name='author' content='Nora Vance'>"
    "</head><body><article><h1>Ports and Power</h1>{body}</article></body></html>"
)


def ingest(text: str, suffix: str = ".md") -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/t{suffix}")
    assert document is not None
    article, _ = build_article("t", f"seeds/t{suffix}", document, {})
    assert article is not None
    return article


def md(*paragraphs: str) -> Article:
    return ingest(BYLINE_MD + "\n\n".join(paragraphs) + "\n")


def html(*paragraphs: str) -> Article:
    return ingest(BYLINE_HTML.format(body="".join(paragraphs)), ".html")


def said(article: Article) -> dict[str, str]:
    """Each direct quote's first four words → its speaker."""
    return {" ".join(q.text.split()[:4]): q.speaker for q in article.quotes if q.kind == "direct"}


FILLER = "The harbour board met twice in March and published its minutes in April."


# ---------------------------------------------------------------- titles before the name


@pytest.mark.parametrize("title", ["Senator", "Sen.", "Dr.", "Governor", "Rep."])
def test_a_title_before_the_name_is_dropped(title: str) -> None:
    article = md(
        FILLER,
        f"“The issue has just gone away,” said {title} Alma Reyes, a Democrat from the coast.",
    )
    assert said(article) == {"The issue has just": "Alma Reyes"}


def test_a_short_quote_needs_its_speaker_named_right_there() -> None:
    article = md(FILLER, "The board called the plan “far too late” and moved on.")
    assert article.quotes == ()


# ---------------------------------------------------------------- pronouns


def test_he_said_takes_the_person_named_in_an_earlier_paragraph() -> None:
    article = md(
        "Senator Tomas Berg, a Republican who warned of the debt in the past, played the "
        "threat down on the floor of the chamber.",
        "“I understand it is a risk, but it is a risk worth taking for the harbour,” he said.",
    )
    assert said(article) == {"I understand it is": "Tomas Berg"}


def test_she_said_takes_the_person_named_earlier_in_the_paragraph() -> None:
    article = md(
        FILLER + " Ports have seen price rises too, said Ines Okafor, an economist "
        "at the harbour college. “About a third of all imports are machines and "
        "parts,” she said."
    )
    assert said(article) == {"About a third of": "Ines Okafor"}


def test_he_added_after_a_caption_keeps_the_last_speaker() -> None:
    article = html(
        "<p>“If you count the ships lost since the war, there are fewer than ten. If you "
        "count the cargo, it is in the millions,” Mr Alden said.</p>",
        "<figure><img src='x.jpg'><figcaption>The harbour at dawn</figcaption></figure>",
        "<p>“For us not to solve that has been something that is distressing,” he added.</p>",
    )
    assert said(article) == {"If you count the": "Alden", "For us not to": "Alden"}


def test_a_pronoun_never_falls_back_on_the_author() -> None:
    article = md(FILLER, "“Nobody could have planned a better outcome for the port,” he said.")
    assert article.quotes == ()
    assert article.authors == ("Nora Vance",)


def test_last_person_skips_institutions_and_names_inside_quotes() -> None:
    assert last_person("Dana Ruiz, head of the port, said it was late.") == "Dana Ruiz"
    assert last_person("The Federal Reserve Bank said rates would rise.") is None
    assert last_person('Dana Ruiz said "and Border Patrol agents came" yesterday.') == "Dana Ruiz"


# ---------------------------------------------------------------- speaker after, appositives


def test_speaker_after_the_quote_with_an_appositive() -> None:
    article = md(
        FILLER,
        "“It is striking that in every corner of the world tensions are "
        "rising,” Omar Haddad, the president of the Harbour Bank of Lisbon, said in "
        "a speech last week.",
    )
    assert said(article) == {"It is striking that": "Omar Haddad"}


def test_speaker_in_the_sentence_after_a_question() -> None:
    article = md(
        FILLER,
        "“Without lower tariffs, what is the incentive to sign this deal?” "
        "Li Wenjun, the former director at the Harbour Fund, said at an event.",
    )
    assert said(article) == {"Without lower tariffs, what": "Li Wenjun"}


def test_speaker_after_forms() -> None:
    assert (
        speaker_after(", Ana Lopez, a senior fellow at the Urban Institute, has written.")
        == "Ana Lopez"
    )
    assert speaker_after(" Mr. Gray recounted in a cabinet meeting.") == "Gray"
    assert speaker_after(", he told reporters.") == "he"
    assert speaker_after(", Dana Ruiz insisted.") == "Dana Ruiz"
    assert speaker_after(" and the rest followed.") is None


@pytest.mark.parametrize(
    "verb",
    [
        "recounted",
        "noted",
        "warned",
        "explained",
        "insisted",
        "told reporters",
        "has written",
        "acknowledged",
    ],
)
def test_other_speech_verbs(verb: str) -> None:
    article = md(
        FILLER, f"“The cranes were bought at the lowest price on offer,” Dana Ruiz {verb}."
    )
    assert said(article) == {"The cranes were bought": "Dana Ruiz"}


# ---------------------------------------------------------------- fragments and possessives


def test_fragment_after_acknowledged_that() -> None:
    article = md(
        FILLER,
        "The port's engineer, Dana Ruiz, acknowledged that this is “not a "
        "complete solution” and moved on.",
    )
    assert said(article) == {"not a complete solution": "Dana Ruiz"}


def test_describing_appositive_before_the_verb() -> None:
    article = md(
        FILLER,
        "Dana Ruiz, the president of the Harbour Workers Union, said crews "
        "faced “near-unprecedented uncertainty and hardship at work” this year.",
    )
    assert said(article) == {"near-unprecedented uncertainty and hardship": "Dana Ruiz"}


def test_as_noted_names_no_one() -> None:
    assert speaker_before("Additionally, as noted earlier, the Port Committee asked it to ") is None
    article = md(
        FILLER,
        "Additionally, as noted earlier, the committee directed the board to "
        "“provide a detailed spending plan for every dock” by May.",
    )
    assert article.quotes == ()


def test_possessive_speaker_keeps_its_noun() -> None:
    article = md(
        FILLER,
        "According to Harbourlink's charter, which sets out its goals, “The "
        "project uses an open approach to build its software”.",
    )
    assert said(article) == {"The project uses an": "Harbourlink's charter"}
    assert speaker_before("Harbourlink's charter says: ") == "Harbourlink's charter"


# ---------------------------------------------------------------- lead-ins ending in ":"


def test_colon_lead_in_with_a_subject_and_no_speech_verb() -> None:
    article = md(
        FILLER,
        "Dana Ruiz stepped down in May and Omar Haddad, chair of the board, "
        "posted a statement on the port's site: “We did not move fast enough to "
        "talk with people once the dispute began.”",
    )
    assert said(article) == {"We did not move": "Omar Haddad"}


def test_paragraph_after_a_lead_in_that_states() -> None:
    article = md(
        FILLER,
        "Article 11 of the Harbour Treaty states:",
        "Parties shall provide adequate protection against the removal of any "
        "safety seal placed on a container by its owner.",
        "That article is short.",
    )
    assert said(article) == {"Parties shall provide adequate": "Harbour Treaty"}


def test_lead_in_they_claim_names_the_company() -> None:
    assert (
        lead_in_speaker(
            "I would be shocked if Portbook were not joining those dots, "
            "given the goals they claim for data collection:"
        )
        == "Portbook"
    )
    assert lead_in_speaker("The report finds three problems:") is None
    assert clause_subject("In May the port and Dana Ruiz, its chair, posted this:") == "Dana Ruiz"


def test_a_lead_in_without_a_speaker_makes_no_quote() -> None:
    article = md(
        FILLER,
        "The board found three problems:",
        "The cranes were old and nobody had checked their software for many years.",
    )
    assert article.quotes == ()


# ---------------------------------------------------------------- block quotes with "— Name"


def test_markdown_block_quote_with_dash_attribution() -> None:
    article = md(
        FILLER,
        "> We bought the cheapest cranes and we got what we paid for.\n>\n"
        "> — Ida Marsh, port engineer",
        "Inspectors later found the fault.",
    )
    assert said(article) == {"We bought the cheapest": "Ida Marsh"}
    assert not any("—" in s.text for s in article.sentences)
    assert any(s.text == "Inspectors later found the fault." for s in article.sentences)


def test_html_blockquote_footer_attribution() -> None:
    article = html(
        "<p>" + FILLER + "</p>",
        "<blockquote><p>We can run another forty trains a day on this line.</p>"
        "<footer>— Ida Marsh, operations chief</footer></blockquote>",
        "<p>The new section is not due to open before 2035.</p>",
    )
    assert said(article) == {"We can run another": "Ida Marsh"}
    assert any(
        s.text == "The new section is not due to open before 2035." for s in article.sentences
    )


# ---------------------------------------------------------------- negative cases


def test_unattributed_quotation_is_no_ones() -> None:
    article = md(FILLER, "“Nobody claims this sentence, though it is long enough to be one.”")
    assert article.quotes == ()


def test_scare_quotes_and_titles_are_no_quotations() -> None:
    article = md(
        FILLER,
        "Dana Ruiz said the port had become “normal” again.",
        "“Harbour Days” is the name of the board's newsletter, said Dana Ruiz.",
    )
    assert article.quotes == ()


def test_a_quote_in_a_note_is_not_a_body_quote() -> None:
    article = md(
        FILLER + "[^1]", "[^1]: Dana Ruiz said: “The board has met twice and will meet again.”"
    )
    assert article.quotes == ()
    assert article.notes and "Dana Ruiz" in article.notes[0].text


def test_curly_and_straight_quotes_over_several_sentences() -> None:
    article = md(
        FILLER,
        '"The plan failed. It cost too much. Nobody wants it now," said Ana Lopez.',
        "“The port will stay open. Ships will come,” Omar Haddad says.",
    )
    quotes = {q.speaker: q.text for q in article.quotes}
    assert quotes == {
        "Ana Lopez": "The plan failed. It cost too much. Nobody wants it now",
        "Omar Haddad": "The port will stay open. Ships will come",
    }


@pytest.mark.parametrize(
    "quote",
    [
        "<blockquote><p>We can run another forty trains a day on this line. — Ida Marsh</p>"
        "</blockquote>",
        "<blockquote>We can run another forty trains a day on this line.<br>— Ida Marsh."
        "</blockquote>",
        "<blockquote><p>We can run another forty trains a day on this line.</p>"
        "<p>— Ida Marsh, operations chief.</p></blockquote>",
    ],
)
def test_html_blockquote_last_line_dash_attribution(quote: str) -> None:
    article = html(
        "<p>" + FILLER + "</p>", quote, "<p>The new section is not due to open before 2035.</p>"
    )
    assert said(article) == {"We can run another": "Ida Marsh"}
    assert [s.text for s in article.sentences][-2:] == [
        "We can run another forty trains a day on this line.",
        "The new section is not due to open before 2035.",
    ]


def test_markdown_run_on_dash_attribution_does_not_merge() -> None:
    article = md(
        FILLER,
        "> We bought the cheapest cranes and we got what we paid for. — Ida Marsh",
        "Inspectors later found the fault.",
    )
    assert said(article) == {"We bought the cheapest": "Ida Marsh"}
    assert [s.text for s in article.sentences][-1] == "Inspectors later found the fault."


def test_institution_with_of_or_for_in_its_name() -> None:
    article = md(
        FILLER,
        "A study by the Centre for Harbour Research, a think tank in Hull, "
        "concluded that, using standard methods, “the full cost of the toll falls on "
        "local shippers in the end.”",
    )
    assert said(article) == {"the full cost of": "Centre for Harbour Research"}


def test_a_next_sentence_that_makes_its_own_statement_names_no_earlier_quote() -> None:
    article = md(
        FILLER,
        "The board asked the port to include “a staffing plan for every new "
        "office it opens this year.” The Harbour Finance Committee stated that the "
        "plan was late.",
    )
    assert article.quotes == ()


def test_block_quote_after_a_lead_in_takes_its_speaker() -> None:
    article = md(
        FILLER,
        "Dana Ruiz, the chair of the board, wrote:",
        "> The cranes will be replaced by the end of next year, whatever the cost.",
        "That was in May.",
    )
    assert said(article) == {"The cranes will be": "Dana Ruiz"}
