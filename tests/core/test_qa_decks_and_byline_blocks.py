"""An unlabelled Q&A's answers, a page's deck and its byline block, in shapes of their own.

Each document is written here, with other names, markup and wording than the held-out
magazine interview and news page, so the rules are not fitted to them. The answers under a
Q&A's set-apart questions are the interviewee's (and so are pull quotes repeating them) when
the page reads as an interview; an FAQ's or explainer's question headings give no speaker. A
deck marked by its class is the subtitle; a byline block ("Interview by A · date · 6 min
read") is no sentence, and a sentence that opens "By A's …" stays one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.ingest import read_article
from bot.core.model import Article

INTRO = (
    "Rania Oduya ran the water utility in Port Selwyn for twelve years before she was asked "
    "to review why the city loses a third of its treated water to leaks. Her report, published "
    "in May, recommends replacing 400 kilometres of pipe by 2035."
)
QA = [
    (
        "Where does the water go?",
        "Mostly into the ground. We measured 31 per cent of treated "
        "water leaving the plant and never reaching a meter, and almost all of it escapes from "
        "cast-iron mains laid before 1960.",
    ),
    (
        "Why has nobody fixed it?",
        "Because a leak you cannot see costs you nothing this year. "
        "I sat on the board that deferred the pipe programme twice, and I voted for it both times.",
    ),
    (
        "What would you do first?",
        "I would meter every district. Once a district has a meter "
        "at its boundary, the loss has an address, and an address gets a repair crew.",
    ),
    (
        "Is 2035 realistic?",
        "It is if the money is ring-fenced. Our costing puts the work at "
        "1.9 billion dollars, spread over ten years.",
    ),
]
PULL = "Once a district has a meter at its boundary, the loss has an address."


def page(tmp_path: Path, title: str, body: str, head: str = "", name: str = "p.html") -> Article:
    path = tmp_path / name
    path.write_text(
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body><main><article><h1>{title}</h1>{body}</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def qa_body(questions: str = "h3", pull: bool = True) -> str:
    parts = []
    for k, (question, answer) in enumerate(QA):
        if questions == "h3":
            parts.append(f"<h3>{question}</h3>")
        else:
            parts.append(f"<p><b>{question}</b></p>")
        half = answer.index(". ") + 1
        parts.append(f"<p>{answer[:half]}</p><p>{answer[half:].strip()}</p>")
        if pull and k == 1:
            parts.append(f"<blockquote class='pull-quote'><p>{PULL}</p></blockquote>")
    return "".join(parts)


def speaker_of(read: Article, start: str) -> str | None:
    found = [s for s in read.sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, [s.text for s in read.sentences])
    return found[0].speaker


# --- the unlabelled Q&A ---------------------------------------------------------------------
@pytest.mark.parametrize("questions", ["h3", "bold"])
def test_the_answers_of_an_unlabelled_qa_are_the_interviewees(
    tmp_path: Path, questions: str
) -> None:
    """Headline names nobody; the deck names the interviewee; the byline the interviewer."""
    head = "<meta name='author' content='Tomás Reyes'>"
    body = (
        "<p class='dek'>The engineer Rania Oduya on a city that loses a third of its water.</p>"
        "<p class='byline'>Interviewed by Tomás Reyes</p>"
        f"<p>{INTRO}</p>{qa_body(questions)}"
    )
    read = page(tmp_path, "Leaks, meters and money", body, head)
    assert read.authors == ("Tomás Reyes",)
    for start in ("Mostly into the ground.", "I sat on the board", "Our costing puts"):
        assert speaker_of(read, start) == "Rania Oduya", start
    assert speaker_of(read, "Rania Oduya ran the water utility") is None  # the intro
    pulls = [q for q in read.quotes if q.kind == "pull"]
    assert [q.speaker for q in pulls] == ["Rania Oduya"]
    assert not any(q.speaker == "Tomás Reyes" for q in read.quotes)


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_the_headline_names_the_interviewee_of_a_text_qa(tmp_path: Path, suffix: str) -> None:
    """Plain text (questions on lines of their own) and Markdown (bold questions)."""
    title = "Rania Oduya: the city that leaks"
    lines = [f"# {title}" if suffix == ".md" else title, "", "By Tomás Reyes", "", INTRO, ""]
    for question, answer in QA:
        lines += [f"**{question}**" if suffix == ".md" else question, "", answer, ""]
    path = tmp_path / f"leaks{suffix}"
    path.write_text("\n".join(lines), encoding="utf-8")
    read, issues = read_article(path)
    assert read is not None, issues
    assert read.sections[0] == "Where does the water go?"
    assert speaker_of(read, "Mostly into the ground.") == "Rania Oduya"
    assert speaker_of(read, "It is if the money is ring-fenced.") == "Rania Oduya"
    assert speaker_of(read, "Rania Oduya ran the water utility") is None


def test_an_faq_with_question_headings_gives_no_speaker(tmp_path: Path) -> None:
    """An FAQ asks as the reader ("Can I …?") and answers "you": the author's, nobody's turn."""
    faq = [
        (
            "Can I get a water meter fitted?",
            "Yes. You can ask for a meter at any time, and fitting it is free.",
        ),
        (
            "Will my bill go up?",
            "Most households pay less once metered. Your bill then follows what you use.",
        ),
        (
            "How do I report a leak?",
            "Call the leak line or use the online form. Crews aim to "
            "reach a burst main within four hours.",
        ),
    ]
    body = f"<p>{INTRO}</p>" + "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in faq)
    read = page(tmp_path, "Rania Oduya answers your questions on meters", body)
    assert all(s.speaker is None for s in read.sentences)
    assert not any(q.kind == "direct" for q in read.quotes)


def test_an_explainer_about_a_person_gives_no_speaker(tmp_path: Path) -> None:
    """Questions about someone, answered in the third person: an explainer, not her words."""
    about = [
        ("Who is Rania Oduya?", "She ran the Port Selwyn water utility for twelve years."),
        ("What does her report say?", "It says the city loses a third of its treated water."),
        ("What happens next?", "The council will vote on the pipe programme in September."),
    ]
    body = f"<p>{INTRO}</p>" + "".join(f"<h3>{q}</h3><p>{a}</p>" for q, a in about)
    read = page(tmp_path, "Rania Oduya's leak report explained", body)
    assert all(s.speaker is None for s in read.sentences)


def test_a_qa_with_two_guests_gives_no_speaker(tmp_path: Path) -> None:
    """Two people in the headline and no labels: whose answer is whose the page does not say."""
    body = f"<p>{INTRO} She spoke with Kwame Ansah, the city engineer.</p>{qa_body(pull=False)}"
    read = page(tmp_path, "Rania Oduya and Kwame Ansah on the leaking city", body)
    assert speaker_of(read, "Mostly into the ground.") is None


# --- the deck -------------------------------------------------------------------------------
DECK = (
    "The city loses a third of its treated water before it reaches a tap, and the pipes that "
    "leak most were laid before 1960, a review for the council finds."
)
NEWS = (
    "<p>Port Selwyn loses 31 per cent of its treated water to leaks, according to a review "
    "published on Tuesday by the city council and its water utility.</p>"
    "<p>The review recommends replacing 400 kilometres of cast-iron main by 2035, at a cost of "
    "about 1.9 billion dollars spread over ten years.</p>"
)


@pytest.mark.parametrize(
    "deck",
    [
        f"<h2 class='article-dek'>{DECK}</h2>",
        f"<div class='standfirst'><p>{DECK}</p></div>",
        f"<p itemprop='description'>{DECK}</p>",
    ],
)
def test_a_deck_marked_by_its_class_is_the_subtitle(tmp_path: Path, deck: str) -> None:
    """No description meta repeats it; the byline after a long deck is still the header's."""
    byline = "<p class='byline'>By Lena Fiske · 3 June 2024 · 6 min read</p>"
    read = page(tmp_path, "A city that leaks", deck + byline + NEWS)
    assert read.subtitle == DECK
    assert read.authors == ("Lena Fiske",)
    texts = [s.text for s in read.sentences]
    assert not any("Lena Fiske" in t or "min read" in t for t in texts), texts
    assert any(t.startswith("Port Selwyn loses 31 per cent") for t in texts)


def test_an_intro_paragraph_or_a_kicker_in_the_headline_is_no_deck(tmp_path: Path) -> None:
    """A "subtitle"-classed span inside the <h1> is a kicker; a p.intro is the body's."""
    path = tmp_path / "k.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>A city that leaks</title></head><body><article>"
        "<h1><span class='subtitle'>Water</span> A city that leaks</h1>"
        f"<p class='intro'>{DECK}</p>{NEWS}</article></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    assert read.subtitle is None
    assert any(s.text.startswith("The city loses a third") for s in read.sentences)


# --- the byline block -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "byline",
    [
        "<p>Interview by Lena Fiske · Tue 3 Jun 2024 09.30 BST · 6 min read</p>",
        "<div>By Lena Fiske | Updated: 4:05 p.m. ET, June 3, 2024</div>",
        "<p>Words by Lena Fiske, 3 June 2024</p><p class='reading-time'>8 minutes</p>",
    ],
)
def test_a_byline_block_is_no_sentence(tmp_path: Path, byline: str) -> None:
    head = "<meta name='author' content='Lena Fiske'>"
    read = page(tmp_path, "A city that leaks", byline + NEWS, head)
    texts = [s.text for s in read.sentences]
    assert not any("Lena Fiske" in t or "min read" in t or "8 minutes" in t for t in texts), texts
    assert len(texts) == 2


def test_a_sentence_opening_with_the_authors_name_stays(tmp_path: Path) -> None:
    """ "By Lena Fiske's count, …" is a sentence of the body, though it opens like a byline."""
    head = "<meta name='author' content='Lena Fiske'>"
    sentence = "By Lena Fiske's count, the city has lost 9 billion litres since 2020."
    read = page(tmp_path, "A city that leaks", NEWS + f"<p>{sentence}</p>", head)
    assert sentence in [s.text for s in read.sentences]


def test_a_subtitle_classed_heading_after_the_first_paragraph_is_no_deck(tmp_path: Path) -> None:
    """Once the body has begun, a heading marked "subtitle" heads a section: it is no deck."""
    body = (
        "<p>Port Selwyn loses a third of its water, the review says.</p>"
        "<h2 class='subtitle'>Where the pipes fail</h2>" + NEWS
    )
    read = page(tmp_path, "A city that leaks", body)
    assert read.subtitle is None
    assert "Where the pipes fail" in read.sections


def test_an_interview_byline_names_the_author_when_no_tag_does(tmp_path: Path) -> None:
    read = page(tmp_path, "A city that leaks", "<p>Interview by Lena Fiske</p>" + NEWS)
    assert read.authors == ("Lena Fiske",)
    assert not any("Lena Fiske" in s.text for s in read.sentences)
