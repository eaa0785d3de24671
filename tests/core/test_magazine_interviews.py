"""A magazine interview in plain text: masthead and issue line, credit line, initials asking."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.credit_lines import credited_authors
from bot.core.ingest.formats import reader_for
from bot.core.ingest.metadata import issue_line
from bot.core.ingest.sentences import split_sentences
from bot.core.ingest.signature_delimiter import cut_signature
from bot.core.model import Article


def ingest(text: str) -> Article:
    data = text.encode("utf-8")
    reader = reader_for(".txt", data[:4096])
    assert reader is not None
    document, _ = reader.read(data, "seeds/t.txt")
    assert document is not None
    article, _ = build_article("t", "seeds/t.txt", document, {})
    assert article is not None
    return article


# another shape: "Vol. 9, No. 4, May 2024", curly quotes, "Words by" with two writers, "HT:"
INTERVIEW = """HILLTOP REVIEW
Vol. 9, No. 4, May 2024

“Every orchard is a long bet.”

Marguerite Oyelowo grows apples on forty hectares above Kellsbridge and chairs the county's
growers' cooperative. She talked to us about frost, pickers and the price of a box of fruit at
the farm gate this spring.

Words by Tom Ashby and Lina Roos. Photography by Kit Mendes.

HT: How bad was the April frost?

OYELOWO: We lost about a third of the blossom in one night. The lower rows took the worst of
it, because cold air settles in the valley.

HT: Could anything have saved it?

OYELOWO: Wind machines, perhaps. One costs about 40,000 euros, which no small grower can pay.

WHERE WILL YOU FIND PICKERS THIS YEAR?

OYELOWO: From the same families as always. “A good picker is worth two ladders,” my
father said, and he was right.

HT: And the price of a box?

OYELOWO: It has not moved in six years. That is the real frost.

--
Hilltop Review is published monthly. Write to letters@hilltop.example
"""


def test_the_issue_line_files_the_masthead_and_the_quoted_headline_is_the_title() -> None:
    article = ingest(INTERVIEW)
    assert article.title == "Every orchard is a long bet."
    assert (article.publication or "").lower().startswith("hilltop review")


def test_the_credit_line_names_the_writers_not_the_photographer() -> None:
    article = ingest(INTERVIEW)
    assert article.authors == ("Tom Ashby", "Lina Roos")
    assert not any(s.text.startswith(("Words by", "Photography by")) for s in article.sentences)


def test_initials_that_ask_are_the_interviewers_and_the_answers_are_quotes() -> None:
    article = ingest(INTERVIEW)
    speaker = {s.text: s.speaker for s in article.sentences}
    assert speaker["We lost about a third of the blossom in one night."] == "Marguerite Oyelowo"
    assert speaker["How bad was the April frost?"] == "Tom Ashby and Lina Roos"
    assert any(
        q.speaker == "Marguerite Oyelowo" and "Wind machines" in q.text for q in article.quotes
    )
    # the question printed in capitals is the interviewer's, no section heading
    assert article.sections == ()
    assert speaker["WHERE WILL YOU FIND PICKERS THIS YEAR?"] == "Tom Ashby and Lina Roos"


def test_the_quoted_saying_and_the_footer_under_the_delimiter() -> None:
    texts = [s.text for s in ingest(INTERVIEW).sentences]
    assert "“A good picker is worth two ladders,” my father said, and he was right." in texts
    assert not any("published monthly" in t or "Write to" in t for t in texts)


def test_initials_that_answer_are_not_taken_for_the_interviewer() -> None:
    """Initials whose turns are statements, beside another's questions, are no asker."""
    text = INTERVIEW.replace("HT: How bad was the April frost?", "HT: The April frost was bad.")
    text = text.replace("HT: Could anything have saved it?", "HT: Nothing could save it.")
    text = text.replace("HT: And the price of a box?", "HT: The price is the same.")
    article = ingest(text)
    assert not any(s.speaker == "Tom Ashby and Lina Roos" for s in article.sentences)


def test_a_quotation_ending_a_sentence_still_splits() -> None:
    """Only a quotation the sentence goes on after, its comma inside the marks, is kept whole."""
    text = '"We will not stop. We will win." The crowd cheered.'
    assert len(split_sentences(text)) == 3
    kept = '"We will not stop. We will win," she said.'
    assert split_sentences(kept) == [(0, len(kept))]
    # a comma, then a capitalised word: a new sentence may start there
    apart = '"We will not stop. We will win," Ms Okoro said.'
    assert len(split_sentences(apart)) == 2


def test_issue_and_credit_lines_need_their_parts() -> None:
    assert issue_line("Issue 118 | Spring 2025 | Interviews")
    assert issue_line("Vol. 9, No. 4, May 2024")
    assert not issue_line("Issue 118")  # a number, no date
    assert not issue_line("Spring 2025 | Interviews")  # a date, no number
    assert credited_authors("Interview by Daniel Pryce. Photographs by Hanna Virta.") == (
        "Daniel Pryce",
    )
    assert credited_authors("Photographs by Hanna Virta.") is None  # no writer named
    assert credited_authors("Interview by Daniel Pryce. The ferry left at noon.") is None
    assert credited_authors("Reporting by local radio stations had suggested a risk.") is None


def test_a_delimiter_higher_up_leaves_the_text() -> None:
    text = "One.\n--\n" + "\n".join(f"Line {k} of the text goes on." for k in range(9))
    assert cut_signature(text) == text
    signed = "Text of the mail.\n\n-- \nJo Park\nEditor"
    assert cut_signature(signed).split("\n")[0] == "Text of the mail."
    assert "Jo Park" not in cut_signature(signed)
