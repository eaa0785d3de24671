"""Meeting records: agenda item headings, the signature form line, the attendance roster.

Minutes head each part with a numbered label ("Item 4: Financial report", "Agenda item 5 -
Parking"), sentence case or not: two or more such lines, numbered one after another, alone over
a paragraph, are the record's headings. A form line left to fill in by hand ("Signed ........
(Chair)  Date ......") is no text. The list of who attended ("Present:" "Cllr Peter Vance")
names in full the people the body calls by title and surname ("Cllr Vance said"): a speaker so
called is that person, named without the title.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from bot.core.ingest.formats import Block
from bot.core.ingest.metadata import is_name
from bot.core.ingest.names import TITLES

__all__ = ["Roster", "agenda_headings", "roster_of", "without_form_lines"]

# "Item 4: Financial report", "Agenda item 12 - Parking charges", "Part 2. Costs"
_ITEM = re.compile(
    r"^\s*(?P<label>[A-Z][A-Za-z]+(?:\s+[A-Za-z]+)?)\s+(?P<number>\d{1,3})\s*(?:[.:)]|\s[–—-])\s+"
    r"(?P<title>\S.*?)\s*$"
)
_ITEM_MAX_WORDS = 14
# "Table 2: Fares by route", "Figure 3. Bus miles": a caption's number, no part of the record
_CAPTION_LABELS = frozenset(
    "table figure fig chart graph map box exhibit plate image photo".split()
)
# a blank to fill in by hand: a run of dots or underscores
_LEADER = re.compile(r"\.{4,}|_{4,}|…{2,}")
_FORM_MAX_WORDS = 8
_LIST_LABEL = re.compile(r"^\s*[A-Z][A-Za-z'’ -]{0,30}:\s*(?P<rest>.*)$")
_ITEM_MARK = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
_ABBREVIATION = re.compile(r"^[A-Z][a-z]{0,3}\.$")  # "Rep.", "Cr." before a name
_MEMBER_TITLES = frozenset("cllr councillor cr alderman alderwoman alder".split())


def agenda_headings(blocks: Sequence[Block]) -> list[Block]:
    """The blocks with numbered item lines ("Item 2: Minutes of the previous meeting") headings.

    Each is one line alone over a paragraph or list: a label word, its number, a short title
    with no sentence in it. Two or more lines of one label whose numbers run on one after
    another are headings; a lone "Item 6: …" line, numbers that skip, or a caption's number
    ("Table 2: Fares by route") stay as they are.
    """
    found: dict[str, list[tuple[int, int]]] = {}
    for k, block in enumerate(blocks[:-1]):
        match = (
            _ITEM.match(block.text) if block.kind == "paragraph" and len(block.lines) == 1 else None
        )
        if match is None or blocks[k + 1].kind not in ("paragraph", "list"):
            continue
        if match.group("label").lower() in _CAPTION_LABELS:
            continue
        title = match.group("title")
        if (
            not (title[:1].isupper() or title[:1].isdigit())
            or title[-1:] in ".,;:"
            or len(title.split()) > _ITEM_MAX_WORDS
            or re.search(r"[.!?;]\s", title)
        ):
            continue
        found.setdefault(match.group("label").lower(), []).append((k, int(match.group("number"))))
    headings: set[int] = set()
    for items in found.values():
        numbers = [n for _, n in items]
        if len(numbers) >= 2 and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            headings.update(k for k, _ in items)
    return [
        replace(block, kind="heading", level=2) if k in headings else block
        for k, block in enumerate(blocks)
    ]


def form_line(text: str) -> bool:
    """Whether a line is a form's blanks to fill in: "Signed ...... (Chair)  Date ......".

    It has a blank (a run of dots or underscores) and, besides its blanks and brackets, a few
    words and no figure: a contents line ("Introduction ...... 4") gives a page number.
    """
    if not _LEADER.search(text):
        return False
    rest = re.sub(r"\([^()]*\)", " ", _LEADER.sub(" ", text))
    words = re.findall(r"[^\W\d_][\w'’-]*", rest)
    return len(words) <= _FORM_MAX_WORDS and not re.search(r"\d", rest)


def without_form_lines(blocks: Sequence[Block]) -> list[Block]:
    """The blocks without the form lines left to fill in (see `form_line`)."""
    out: list[Block] = []
    for block in blocks:
        if block.kind not in ("paragraph", "list"):
            out.append(block)
            continue
        lines = tuple(line for line in block.lines if not form_line(line.text))
        if lines:
            out.append(replace(block, lines=lines) if len(lines) != len(block.lines) else block)
    return out


@dataclass(frozen=True)
class Roster:
    """The people a list of who attended names in full, and the titles it gives them."""

    people: tuple[str, ...] = ()
    titles: frozenset[str] = frozenset()
    _by_surname: dict[str, str] = field(default_factory=dict, compare=False)

    def name(self, speaker: str | None) -> str | None:
        """A speaker as the roster names them: "Cllr Vance" → "Peter Vance"; else unchanged."""
        if not speaker or not self.people:
            return speaker
        words = speaker.split()
        while len(words) > 1 and self._title(words[0]):
            words = words[1:]
        rest = " ".join(words)
        if rest in self.people:
            return rest
        if len(words) == 1:
            return self._by_surname.get(rest, speaker)
        return speaker

    def _title(self, word: str) -> bool:
        return word.lower().rstrip(".") in self.titles or word.lower() in TITLES


def roster_of(lines: Iterable[str]) -> Roster:
    """The roster the lines of attendance lists give ("Cllr Anna Brandt (Mayor, in the Chair)").

    A title is a word in the usual list, an abbreviation with its full stop, or a word that
    opens two items or more before a full name ("Cllr" before every councillor's). A surname
    two people share names neither of them.
    """
    items: list[list[str]] = []
    for line in lines:
        text = _ITEM_MARK.sub("", line).strip()
        label = _LIST_LABEL.match(text)
        parts = [text]
        if label is not None:
            rest = label.group("rest")
            parts = (rest.split(";") if ";" in rest else rest.split(",")) if rest else []
        for part in parts:
            head = re.split(r"\s*[,(–—]\s*|\s+-\s+", part.strip(), maxsplit=1)[0]
            words = head.removeprefix("and ").split()
            if len(words) >= 2:
                items.append(words)
    openers = Counter(words[0] for words in items if len(words) >= 3)
    titles = {w.lower().rstrip(".") for w, n in openers.items() if n >= 2} | _MEMBER_TITLES
    people: list[str] = []
    for words in items:
        while len(words) > 2 and (
            words[0].lower().rstrip(".") in titles
            or words[0].lower() in TITLES
            or _ABBREVIATION.match(words[0])
        ):
            words = words[1:]
        name = " ".join(words)
        if is_name(name) and not (words[0].lower() in TITLES or words[0].lower() in titles):
            people.append(name)
    surnames = Counter(name.split()[-1] for name in people)
    by_surname = {name.split()[-1]: name for name in people if surnames[name.split()[-1]] == 1}
    return Roster(tuple(dict.fromkeys(people)), frozenset(titles), by_surname)
