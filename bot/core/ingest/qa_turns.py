"""A Q&A without labels: the questions set apart, the answers under them the interviewee's.

A magazine interview prints each question in bold (a heading, or a question on a line of its
own) and the answer below it as plain paragraphs: no label says who speaks, yet every answer
is the interviewee's — the one person the headline or deck names (never the interviewer of
the byline) whom the introduction names too. A page is read so only when it reads as an
interview: several questions each answered below, put to "you" more than asked as "I", and
most answers in the first person ("I", "we"). An explainer's or FAQ's question headings
("What is a heat pump?", "Can I apply?") are the author's: their answers get no speaker.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.attribution import named_people
from bot.core.ingest.formats import Block
from bot.core.ingest.layout import question_shape
from bot.core.ingest.metadata import common_words
from bot.core.ingest.transcripts import Turns

__all__ = ["question_turns"]

_MIN_ANSWERED = 3
# "Question 3:", "Q3.", "4." before the question: the document numbers its own questions
_NUMBERED = re.compile(r"^(?:(?:Question|Q)\s*\d{1,3}|\d{1,3})[.:)]\s")
_YOU = re.compile(r"\b(?:you|your|yours|yourself)\b", re.I)
_ASKER = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|my|me)\b")  # an FAQ asks as the reader: "Can I…?"
_FIRST_PERSON = re.compile(
    r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|mine|we|we're|we’re|we've|we’ve|us|our|ours)\b",
    re.I,
)


def question_turns(
    blocks: Sequence[Block],
    title: str,
    deck: str | None,
    interviewer: str | None,
    breaks: frozenset[int] = frozenset(),
) -> Turns | None:
    """The answers of an unlabelled Q&A as the interviewee's turns; None if not one.

    `blocks` are the body's (the header read off), `title` and `deck` the headline and the
    standfirst, `interviewer` the byline's names; an answer ends at a thematic break (the
    first lines of the blocks after one are `breaks`).
    """
    questions = [k for k, block in enumerate(blocks) if _is_question(block)]
    if len(questions) < _MIN_ANSWERED:
        return None
    answers: dict[int, list[Block]] = {}
    for k in questions:
        run: list[Block] = []
        for block in blocks[k + 1 :]:
            if block.kind == "heading" or _is_question(block) or block.line in breaks:
                break
            if block.kind in ("paragraph", "list"):
                run.append(block)
        if run:
            answers[k] = run
    if len(answers) < _MIN_ANSWERED:
        return None
    asked = [blocks[k].text for k in answers]
    answered = [" ".join(b.text for b in run) for run in answers.values()]
    addressed = sum(bool(_YOU.search(q)) for q in asked)
    if addressed == 0 or addressed <= sum(bool(_ASKER.search(q)) for q in asked):
        return None
    if 2 * sum(bool(_FIRST_PERSON.search(a)) for a in answered) < len(answered):
        return None
    intro = " ".join(b.text for b in blocks[: questions[0]] if b.kind != "heading")
    guest = _interviewee(title, deck or "", intro, interviewer or "")
    if guest is None:
        return None
    speakers = {b.line: guest for run in answers.values() for b in run}
    return Turns(tuple(blocks), speakers, frozenset())


def _is_question(block: Block) -> bool:
    """A question set apart: a heading that asks, or a short question on a line of its own."""
    text = block.text.strip()
    if _NUMBERED.match(text):
        return False  # a form's or consultation's numbered question: no interviewer asks it
    if block.kind == "heading":
        return text.endswith("?")
    return block.kind == "paragraph" and len(block.lines) == 1 and question_shape(text)


def _interviewee(title: str, deck: str, intro: str, interviewer: str) -> str | None:
    """The interviewee: the one person the headline or deck names, else the introduction.

    Never the interviewer; the introduction names them too (in full, or by the surname).
    """
    lower = common_words(" ".join((title, deck, intro)))
    asking = {w.lower() for w in re.findall(r"[\w'’-]+", interviewer)}

    def people(text: str) -> list[str]:
        names = (name for _, name in named_people(text, lower))
        return list(dict.fromkeys(n for n in names if n.split()[-1].lower() not in asking))

    named = people(f"{title}. {deck}") or people(intro)
    if len(named) != 1:
        return None  # nobody, or two guests: whose answer is whose the page does not say
    guest = named[0]
    surname = guest.split()[-1]
    return guest if re.search(rf"\b{re.escape(surname)}\b", intro) else None
