"""Page-break repair: rebuild paragraphs that print layout cut into pieces.

A paragraph that stops without terminal punctuation continues in the next body paragraph,
wherever the layout put captions or pull quotes between the two halves; a word hyphenated at
the break is joined again ("tradi-" + "tionally"), while real compounds keep their hyphen
("Iraqi-" + "Kurdish"). A paragraph ending in ":" takes the list that follows it, unless its
items are labelled statements of their own (then each is a sentence, as in a list alone). The
rules look only at punctuation, case and the article's own vocabulary, never at a list of
known breaks. This module never drops text: every character of the pieces ends up in the
joined paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from bot.core.ingest.formats import LIST_ITEM, SourceLine
from bot.core.ingest.sentences import SUPERSCRIPTS

JoinHow = Literal["empty", "start", "space", "dehyphenated", "compound"]

_TRAILING = re.compile(rf"[\s{SUPERSCRIPTS}\"”’'»)\]]+$")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_HYPHEN_END = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^([^\W\d_]+)")
_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))*\)")  # linear: no "[" inside
_SPACES = re.compile(r"\s+")
_TAIL = 80  # longer than any word that can end in a hyphen
_ITEM_MARK = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
_NUMBERED = re.compile(r"^\s*\d{1,3}[.)]\s+\S")
_WHOLE = re.compile(r"^[A-Z\"“‘].*[.!?][\"”’)]?$")  # a capital start, a closing stop
_LABELLED = re.compile(r"^[A-Z][^:?!]{0,60}:\s+\S")  # "Median time to switch-on: 3.5 years"
# "pre-" + "and post-war": a suspended hyphen, kept with a space
_SUSPENDED = frozenset({"and", "or", "to", "und", "oder", "bis"})


def vocabulary(text: str) -> frozenset[str]:
    """Every word (hyphenated compounds whole) of a text, lower-cased."""
    return frozenset(w.lower() for w in _WORD.findall(text))


def clean_line(text: str) -> str:
    """Normalise one source line: inline links to their text, runs of spaces to one."""
    return _SPACES.sub(" ", _LINK.sub(r"\1", text)).strip()


def last_char(text: str) -> str:
    """The last meaningful character: trailing quotes, brackets and markers ignored."""
    stripped = _TRAILING.sub("", text)
    return stripped[-1:] if stripped else ""


def ends_open(text: str) -> bool:
    """Whether a paragraph stops mid-sentence (no ".", "?", "!", "…" or ":" at its end)."""
    return last_char(text) not in {".", "?", "!", "…", ":"}


def ends_with_colon(text: str) -> bool:
    """Whether a paragraph ends with a colon (it may introduce a list)."""
    return last_char(text) == ":"


@dataclass
class TextBuilder:
    """Accumulates a paragraph's text from source lines, remembering where each line starts.

    `starts` holds (offset, line number) pairs and `pages` (offset, page) pairs where the page
    changes; `hard_breaks` the offsets where a sentence must end (items of a list that stands
    on its own).
    """

    words: frozenset[str] = frozenset()
    text: str = ""
    starts: list[tuple[int, int]] = field(default_factory=list)
    pages: list[tuple[int, str | None]] = field(default_factory=list)
    hard_breaks: list[int] = field(default_factory=list)

    def add(self, line: SourceLine, *, hard_break: bool = False) -> JoinHow:
        """Append a line, joining it to the text so far; say how it was joined."""
        piece = clean_line(line.text)
        if not piece:
            return "empty"
        if not self.pages or self.pages[-1][1] != line.page:
            self.pages.append((len(self.text) + (1 if self.text else 0), line.page))
        if not self.text:
            self.starts.append((0, line.number))
            self.text = piece
            return "start"
        if hard_break:
            self.hard_breaks.append(len(self.text))
        hyphen = _HYPHEN_END.search(self.text[-_TAIL:])  # the tail only: linear in the text
        first = _FIRST_WORD.match(piece)
        suspended = first is not None and first.group(1) in _SUSPENDED
        if hyphen and first and not hard_break and not suspended:
            left, right = hyphen.group(1), first.group(1)
            if right[0].islower() and self._drop_hyphen(left, right):
                self.text = self.text[:-1]
                self.starts.append((len(self.text), line.number))
                self.text += piece
                return "dehyphenated"
            self.starts.append((len(self.text), line.number))
            self.text += piece
            return "compound"
        self.text += " "
        self.starts.append((len(self.text), line.number))
        self.text += piece
        return "space"

    def _drop_hyphen(self, left: str, right: str) -> bool:
        joined = (left + right).lower()
        compound = f"{left}-{right}".lower()
        if joined in self.words:
            return True
        return compound not in self.words

    def page_at(self, offset: int) -> str | None:
        """The page holding the character at this offset (None for formats without pages)."""
        if not self.pages:
            return None
        k = bisect_right(self.pages, offset, key=lambda item: item[0]) - 1
        return self.pages[max(k, 0)][1]

    def line_at(self, offset: int) -> int:
        """The source line holding the character at this offset."""
        if not self.starts:
            return 0
        k = bisect_right(self.starts, offset, key=lambda item: item[0]) - 1
        return self.starts[max(k, 0)][1]


def items_stand_alone(items: Sequence[str]) -> bool:
    """Whether every item of a list is a labelled statement, not words ending its lead-in.

    "Average saving per household: £185 a year" names what its figure is, so it stands alone;
    "solar", "to freeze rents;" or "cost: £5" finish the sentence that introduces them, and a
    bulleted full sentence ("Start small.") is cut at its full stop in either reading, so it
    stays with the lead-in that gives it its sense ("You might: Record the load each second.").
    Numbered full sentences, two or more, are points of their own and stand alone.
    """
    texts = [_ITEM_MARK.sub("", item).strip() for item in items]
    if not texts:
        return False
    if all(_LABELLED.match(t) for t in texts):
        return True
    # read inline, numbered sentences would glue item 1 to the lead-in and leave "2." alone
    return len(texts) > 1 and all(
        _NUMBERED.match(item) and _WHOLE.match(t) for item, t in zip(items, texts, strict=True)
    )


def list_item_text(text: str) -> str:
    """A list item as it reads inside a sentence: bullets dropped, numbers ("1.") kept."""
    match = LIST_ITEM.match(text)
    if match and text.lstrip()[:1] in "-*•":
        return text.lstrip()[1:].strip()
    return text.strip()
