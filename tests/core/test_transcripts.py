"""Transcripts: each labelled turn is a quote by its speaker, the label resolved to a full name."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.transcripts import full_name
from bot.core.model import Article


def ingest(text: str, suffix: str = ".md") -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/t{suffix}")
    assert document is not None
    article, _ = build_article("t", f"seeds/t{suffix}", document, {})
    assert article is not None
    return article


def speakers(article: Article) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in article.quotes]


HEAD = "---\ntitle: A Talk With the Vice Chair\n---\n\n#### Q&A Transcript\n\n"


def test_bold_labels_become_turns_by_the_full_name_the_text_gives() -> None:
    article = ingest(
        HEAD + "**Host:** Welcome, Dr. Lena Ortiz, vice chair. Where are rates going?\n\n"
        "**Ortiz:** Rates will stay where they are for now.\n\n"
        "**Speaker 3:** Hi, Tom Baker at the Daily Ledger. Do you see a cut soon?\n\n"
        "**Ortiz:** Not soon. We need more data first.\n"
    )
    assert speakers(article) == [
        ("Host", "Welcome, Dr. Lena Ortiz, vice chair. Where are rates going?"),
        ("Lena Ortiz", "Rates will stay where they are for now."),
        ("Tom Baker", "Hi, Tom Baker at the Daily Ledger. Do you see a cut soon?"),
        ("Lena Ortiz", "Not soon. We need more data first."),
    ]
    assert all(":" not in s.text[:12] for s in article.sentences)  # labels are not text
    assert "Ortiz" not in article.sections and "Host" not in article.sections


def test_all_caps_labels_without_colon_and_paragraphs_without_a_blank_line() -> None:
    article = ingest(
        HEAD + "**CHAIR LOPEZ:** Good afternoon. Inflation has eased but remains high\n"
        "for a while yet.\n**ANN WU:** Thank you. Ann Wu, Daily Post. Is a cut near?\n\n"
        "**CHAIR LOPEZ:** No decision has been made.\n\n"
        "**BOB RAY** Thanks. Is the economy in a recession?\n\n"
        "**JEAN YI.** Hi. What about jobs?\n"
    )
    assert [s for s, _ in speakers(article)] == [
        "Chair Lopez",
        "Ann Wu",
        "Chair Lopez",
        "Bob Ray",
        "Jean Yi",
    ]
    assert speakers(article)[0][1] == (
        "Good afternoon. Inflation has eased but remains high for a while yet."
    )
    assert not any(s.text.startswith(("BOB RAY", "JEAN YI")) for s in article.sentences)


def test_plain_text_labels_and_questions_are_the_interviewers() -> None:
    article = ingest(
        "The Interview\n\nBy Kim Sato\n\nQ: What changed this year?\n\nA: Prices fell a lot.\n\n"
        "Q: Will they rise again?\n\nA: Not before the summer, I think.\n",
        suffix=".txt",
    )
    assert [s for s, _ in speakers(article)] == [
        "Kim Sato",
        "Interviewee",
        "Kim Sato",
        "Interviewee",
    ]


def test_answers_are_the_guests_the_title_and_intro_name() -> None:
    article = ingest(
        "---\ntitle: A Talk With Rosa Vidal on Ports\nauthor: Kim Sato\n---\n\n"
        "Rosa Vidal is a port economist.\n\nQ: Are ports safe?\n\nA: Mostly, yes.\n\n"
        "Q: And cranes?\n\nA: Less so.\n"
    )
    assert [s for s, _ in speakers(article)] == ["Kim Sato", "Rosa Vidal", "Kim Sato", "Rosa Vidal"]


def test_a_question_is_never_the_answering_authors() -> None:
    article = ingest(
        "The Press Conference\n\nBy Rita Gold\n\nGOLD: We start now with the outlook.\n\n"
        "Q: Will rates fall this year?\n\nGOLD: Perhaps later this year.\n",
        suffix=".txt",
    )
    assert [s for s, _ in speakers(article)] == ["Rita Gold", "Interviewer", "Rita Gold"]


def test_a_continuation_paragraph_keeps_its_speaker_until_the_next_label() -> None:
    article = ingest(
        HEAD + "**Ortiz:** First part of my answer.\n\nSecond part of it.\n\n"
        "**Host:** Thank you very much.\n\n**Ortiz:** You are welcome.\n"
    )
    assert [s for s, _ in speakers(article)] == ["Ortiz", "Ortiz", "Host", "Ortiz"]


def test_a_few_label_like_lines_are_not_a_transcript() -> None:
    article = ingest(
        "# Report Title\n\nNote: the data are preliminary. Source: the agency.\n\n"
        "Body text continues here with more words.\n"
    )
    assert article.quotes == ()


def test_full_name_takes_the_fullest_form_and_skips_titles() -> None:
    text = "Dr. Philip Jefferson spoke. Later Philip Jefferson said more. Vice Jefferson no."
    assert full_name("Jefferson", text) == "Philip Jefferson"
    assert full_name("Posen", text) == "Posen"
    assert full_name("Chair Powell", text) == "Chair Powell"


def test_a_block_quote_closed_by_a_dash_attribution_is_that_persons_quote() -> None:
    article = ingest(
        "# Ports Today\n\nBy Kim Sato\n\nCranes matter a great deal to ports.\n\n"
        "> We bought the cheapest crane we could find.\n>\n"
        "> — Rosa Vidal, former harbour master\n\nInspectors came later.\n"
    )
    assert speakers(article) == [("Rosa Vidal", "We bought the cheapest crane we could find.")]
    assert "Inspectors came later." in [s.text for s in article.sentences]
    assert not any("Rosa Vidal," in s.text for s in article.sentences)


def test_a_possessive_before_a_surname_is_no_first_name() -> None:
    text = "Fed's Jefferson spoke. Fed's Jefferson said more. Philip Jefferson is Vice Chair."
    assert full_name("Jefferson", text) == "Philip Jefferson"
