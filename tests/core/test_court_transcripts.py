"""A court reporter's transcript: margin line numbers, page heads, the caption, Q./A. turns."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.court_transcripts import read_court_transcript
from bot.core.ingest.formats import reader_for
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


# another shape: a deposition, bare page numbers at the right, a numbered blank line, no index
DEPOSITION = """                 SUPERIOR COURT OF FENWICK COUNTY

          HARLOW TIMBER CO. vs. RIVERSIDE MILLS INC.
                     Civil Action No. 23-1187

                  DEPOSITION OF OLIVE MARCHETTI
                        June 4, 2024

Before: HON. RAYMOND OSEI
Appearances: none recorded for the defendant.
    MS. HELGA BRANDT, for the Plaintiff

                                                                   41
 1          THE COURT: Counsel, you may begin.
 2          OLIVE MARCHETTI, previously sworn.
 3          DIRECT EXAMINATION BY MS. BRANDT:
 4     Q.  How long did you manage the sawmill?
 5     A.  Eleven years, until the fire in
 6  2019 closed the drying sheds.
 7
 8     Q.  Who bought the timber after the fire?
 9     A.  Riverside Mills bought every load we
10  could cut, at a third under the old price.
11          THE COURT: A third under?
12          THE WITNESS: Yes, sir, a third.
                                                                   42
 1          CROSS EXAMINATION BY MR. LUND:
 2     Q.  Did you sign that price?
 3     A.  I signed it because no one else would
 4  take our timber that winter.
 5          MR. LUND: Nothing further.
"""


def test_the_margin_numbers_and_page_heads_are_furniture_and_pages_are_kept() -> None:
    article = ingest(DEPOSITION)
    texts = [s.text for s in article.sentences]
    assert "Eleven years, until the fire in 2019 closed the drying sheds." in texts
    assert "I signed it because no one else would take our timber that winter." in texts
    assert not any(t[:1].isdigit() or t.startswith(("41", "42")) for t in texts)
    pages = {s.text: s.page for s in article.sentences}
    assert pages["Eleven years, until the fire in 2019 closed the drying sheds."] == "41"
    assert pages["I signed it because no one else would take our timber that winter."] == "42"


def test_the_caption_gives_the_case_as_title_and_its_date_and_is_no_text() -> None:
    article = ingest(DEPOSITION)
    assert article.title == "HARLOW TIMBER CO. vs. RIVERSIDE MILLS INC."
    assert article.date == "2024-06-04"
    assert "SUPERIOR COURT OF FENWICK COUNTY" not in article.authors
    texts = [s.text for s in article.sentences]
    assert not any("Civil Action" in t or "DEPOSITION OF" in t for t in texts)


def test_questions_are_the_examining_counsels_and_answers_the_witnesss() -> None:
    article = ingest(DEPOSITION)
    speaker = {s.text: s.speaker or "" for s in article.sentences}
    assert speaker["How long did you manage the sawmill?"].endswith("Brandt")
    assert speaker["Did you sign that price?"].endswith("Lund")  # the cross-examiner asks
    assert speaker["Eleven years, until the fire in 2019 closed the drying sheds."] == (
        "Olive Marchetti"
    )
    assert speaker["Yes, sir, a third."] == "Olive Marchetti"  # THE WITNESS
    assert speaker["A third under?"] == "Raymond Osei"  # THE COURT: the judge sitting
    # counsel as the appearances name her in full; one they do not name keeps the label
    assert speaker["How long did you manage the sawmill?"] == "Ms. Helga Brandt"
    assert speaker["Nothing further."] == "Mr. Lund"
    quotes = {q.text: q.speaker for q in article.quotes}
    assert quotes["I signed it because no one else would take our timber that winter."] == (
        "Olive Marchetti"
    )
    # the swearing line is no text; the examination heads its section
    assert not any("previously sworn" in s.text for s in article.sentences)
    assert "CROSS EXAMINATION BY MR. LUND" in article.sections


def test_numbered_lines_without_page_heads_are_no_court_transcript() -> None:
    """A list numbered "1 …" to "12 …" (no page head) stays what it is."""
    steps = "\n".join(
        f"{k} Step {k} of the checklist is done by the duty officer." for k in range(1, 13)
    )
    assert read_court_transcript(f"CHECKLIST\n\n{steps}\n") is None
    # numbering that starts again without a page head is two lists, not a record
    twice = "\n".join(f"{k}  Item {k}." for k in (*range(1, 9), *range(1, 9)))
    assert read_court_transcript(f"   Page 1\n{twice}\n") is None


def test_a_paragraph_numbered_text_is_no_court_transcript() -> None:
    """ "1. The council …" numbered paragraphs carry a full stop: no margin numbers."""
    text = "\n".join(f"{k}. The council met on day {k} and agreed the plan." for k in range(1, 15))
    assert read_court_transcript(f"   Page 3\n{text}\n") is None
    article = ingest(f"MINUTES\n\n{text}\n")
    assert all(s.page is None for s in article.sentences)
