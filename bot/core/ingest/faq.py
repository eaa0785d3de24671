"""Question-and-answer documents (an FAQ): numbered question labels and questions grouped in parts.

"Q1. What is the register?" numbers its question: the label "Q1." is no sentence of its own,
the question is. An FAQ may group its questions under headings ("PART 1: ABOUT THE REGISTER"
right over "Q1. …?", "PART 2: FEES" right over "Q4. …?"): then the questions are items of those
parts, not sections of their own, numbered or not. An explainer whose only headings are its
questions keeps them as sections (`layout.classify`). A block of contact fields ("Helpline:
0300 …", "Email: …" one a line) is a list of items standing alone, never one run-on sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.contact_details import CONTACT as _CONTACT
from bot.core.ingest.formats import Block

# "Q1. ", "Q 12: ", "Q3) " before a question
_QUESTION_LABEL = re.compile(r"^\s*Q\s?(\d{1,3})\s*[.:)]\s+(?=\S.*\?\s*$)")
_GROUPS_MIN = 2  # one heading over a question may be an explainer's; two make parts

_FIELD = re.compile(r"^[A-Z][\w'’&/-]*(?:\s+[\w'’&/()-]+){0,3}:\s+\S")


def without_question_labels(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with the "Q1." labels cut off their questions.

    A label counts when its numbers run up through the body (1, 2, 3…, two or more), each on a
    question standing as a one-line block.
    """
    found: list[tuple[int, int, int]] = []  # block index, number, label length
    for k, block in enumerate(blocks):
        if block.kind not in ("paragraph", "heading") or len(block.lines) != 1:
            continue
        match = _QUESTION_LABEL.match(block.lines[0].text)
        if match:
            found.append((k, int(match.group(1)), match.end()))
    numbers = [number for _, number, _ in found]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return list(blocks)
    out = list(blocks)
    for k, _, cut in found:
        line = out[k].lines[0]
        out[k] = replace(out[k], lines=(replace(line, text=line.text[cut:]),))
    return out


def grouped_questions(heading_over_question: int) -> bool:
    """Whether an FAQ's questions are items of its parts: several headings right over one."""
    return heading_over_question >= _GROUPS_MIN


def contact_fields(block: Block) -> Block:
    """A block of contact fields, one a line, as a list whose items stand alone; else as is.

    Every line is "Label: value" (a few words, a colon), none closes a sentence, and one holds
    an e-mail address, a phone number or a web address.
    """
    texts = [line.text.strip() for line in block.lines]
    if (
        block.kind == "paragraph"
        and len(texts) >= 2
        and all(_FIELD.match(text) and not text.endswith(".") for text in texts)
        and any(_CONTACT.search(text) for text in texts)
    ):
        return replace(block, kind="list")
    return block
