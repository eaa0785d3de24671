"""Note markers read in sequence wherever an export put them, each made a superscript.

Glued to a word or full stop (`implementation.1`), with stray spaces (`euro ,5`, `Bridge 15with`)
or at the start of the next line; in plain text with a notes list too (`mark_plain_markers`).
"""

from __future__ import annotations

import re

from bot.core.ingest.formats import superscript
from bot.core.ingest.print_lines import PrintLine
from bot.core.ingest.print_notes import split_bracket_endnotes, split_endnotes

# "…homes [1]." and "…worked out (3).": a number in brackets closing a clause (in round
# ones only after a word, before punctuation: "(1) first" counts items, "4(3)" a subsection)
_BRACKETED = re.compile(
    r"(?<=\S)\s?\[(\d{1,3})\](?!\()"
    r"|(?:(?<=[^\W\d_])|(?<=[^\W\d_]\s))\((\d{1,3})\)(?=[.,;:!?]|\s*$)"
)
_MARKER_WINDOW = 4000
_MAX_MARKER_JUMP = 3


class MarkerSequence:
    """Finds note markers in sequence wherever the export put them."""

    def __init__(self, count: int, *, plain: bool = True) -> None:
        self.count = count
        self.next = 1
        self.plain = plain  # False: only bracketed markers ("[3]") are markers

    def _bracketed(self, match: re.Match[str]) -> str:
        number = int(match.group(1) or match.group(2))
        if not self.next <= number <= min(self.count, self.next + _MAX_MARKER_JUMP):
            return match.group(0)
        self.next = number + 1
        return superscript(str(number))

    def pattern(self, number: int) -> re.Pattern[str]:
        """Marker `number` (maybe "3, 4") glued to a word or a stop, not a quantity."""
        n = str(number)
        return re.compile(
            rf"(?:(?<=[^\W\d_])|(?<=[^\W\d_][.,;:)”\"’])|(?<=[.,;:)”\"’])|(?<=[^\W\d_] )|"
            rf"(?<=[^\W\d_] [.,]))({n}(?:,\s?\d{{1,3}})*)(?=\s|$|[a-z])(?!\s(?:percent|per|%))"
        )

    def convert(self, text: str, line_start: bool) -> tuple[str, str]:
        """Markers in one line: (text with superscripts, a marker moved to the previous line)."""
        moved = ""
        text = _BRACKETED.sub(self._bracketed, text)
        if not self.plain:
            return text, moved
        if line_start and self.next <= self.count:
            start = re.match(r"^(\d{1,3})\s+(?=[a-z\"“A-Z])", text)
            if start and self.next <= int(start.group(1)) <= self.next + _MAX_MARKER_JUMP:
                number = int(start.group(1))
                moved = superscript(str(number))
                self.next = number + 1
                text = text[start.end() :]
        out: list[str] = []
        at = 0
        while self.next <= self.count:
            found = None
            for number in range(self.next, min(self.count, self.next + _MAX_MARKER_JUMP) + 1):
                match = self.pattern(number).search(text, at, min(len(text), at + _MARKER_WINDOW))
                if (
                    match
                    and not _label_before(text, match.start())
                    and not _quantity(text, match.start())
                    and (found is None or match.start() < found.start())
                ):
                    found = match
            if found is None:
                break
            numbers = [int(x) for x in re.split(r",\s?", found.group(1))]
            lead = text[at : found.start()]
            lead = (
                re.sub(r"\s+([.,])?$", lambda m: m.group(1) or "", lead)
                if lead.endswith((" ", " .", " ,"))
                else lead
            )
            if re.search(r"\s[.,]$", text[at : found.start()]):
                lead = (
                    text[at : found.start()].rstrip(" .,").rstrip()
                    + text[found.start() - 1 : found.start()].strip()
                )
            out.append(lead + ",".join(superscript(str(n)) for n in numbers))
            after = text[found.end() : found.end() + 1]
            if after[:1].isalpha():
                out.append(" ")
            at = found.end()
            self.next = max(numbers) + 1
        out.append(text[at:])
        return "".join(out), moved


_DETERMINERS = frozenset(
    "the a an of by than to at about over under nearly some with from in on "
    "and or for per around only just top first last".split()
)


def _quantity(text: str, at: int) -> bool:
    """A number after a space and a determiner ("the 14 nm node") counts, it is no marker."""
    if at == 0 or text[at - 1] != " ":
        return False
    word = re.search(r"([A-Za-z]+)\s$", text[max(0, at - 16) : at])
    return bool(word and word.group(1).lower() in _DETERMINERS)


def _label_before(text: str, at: int) -> bool:
    word = re.search(r"([A-Za-z]+)\.?\s*$", text[max(0, at - 12) : at])
    return bool(
        word
        and word.group(1).lower()
        in {
            "table",
            "figure",
            "fig",
            "page",
            "p",
            "pp",
            "no",
            "chapter",
            "section",
            "part",
            "vol",
            "article",
            "annex",
            "chart",
            "exhibit",
            "box",
            "phase",
            "level",
            "tier",
            "step",
        }
    )


def mark_plain_markers(text: str) -> str:
    """Plain text with a notes list but no superscripts: its markers, in sequence, as superscripts.

    An export without page markers still glues its note numbers to words and full stops
    ("the daily health standard.1 This report"); read in sequence up to the number of notes
    listed, as a print export's are, each becomes a superscript. The notes list is unchanged.
    """
    raw = text.split("\n")
    lines = [PrintLine(line, k, "") for k, line in enumerate(raw) if line.strip()]
    body, notes = split_endnotes(lines)
    if not notes:
        body, notes = split_bracket_endnotes(lines)
    # a list numbered "[1]" is cited by "[1]" markers: a plain digit in the body is a number
    bracketed = bool(notes) and all(note.text.startswith("[") for note in notes)
    if not notes or any(superscript(str(n)) in line.text for line in body for n in range(1, 10)):
        return text
    markers = MarkerSequence(len(notes), plain=not bracketed)
    out = list(raw)
    previous: int | None = None  # the last body line, if the one before this had text
    for line in body:
        after_text = previous is not None and previous == line.number - 1
        converted, moved = markers.convert(line.text, after_text)
        if moved and previous is not None:
            out[previous] = out[previous].rstrip() + moved
        out[line.number] = converted
        previous = line.number
    return "\n".join(out)
