"""Glyphs to text lines: group a page's glyphs into lines, find word gaps and raised markers.

Glyphs are taken in content order and a line goes on while the next glyph sits on the same
baseline and moves right; a small raised glyph (a footnote marker) joins the line it rises
from, wherever the content stream put it. A run of digits set smaller and raised above the
line's baseline becomes superscript digits, as the other formats write footnote markers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.formats import superscript
from bot.core.ingest.pdf.glyphs import Glyph

_SMALL = 0.85  # a glyph this much smaller than its line is set in smaller type
# a gap between two glyphs' advance boxes wider than this share of an em is a space (ink
# boxes would count side bearings: a "1" stands well inside its box and "212" read "2 12")
_WORD_GAP = 0.2
_COLUMN_GAP = 1.6  # a gap wider than this many ems separates columns or table cells
_NEIGHBOUR_GAP = 0.6  # ems: wider than a word space, narrower than a gutter
_BULLETS = frozenset("•◦▪▫■□●○‣⁃∙·–—-*")
_DROP_CAP = 2.0  # a first letter this many times the line's type is a drop cap
_DROP_CAP_START = re.compile(r"^([A-Z]) ([a-z]+)\b")
# a section break's ornament: "* * *", "• • •", "⁂", one mark three times: layout, never text
_ORNAMENT = re.compile(r"^\s*(?:⁂|([*•·∙◦~✱✦❖◆#])(?:\s*\1){2,})\s*$")
_LABEL = re.compile(r"^(?:\d{1,2}[.)]|\(?[a-z]\)|\(?[ivx]{1,4}\))$")


@dataclass
class Line:
    """A line of text on a page, with its box and type."""

    glyphs: list[Glyph]
    page: int = 0
    x0: float = 0.0
    x1: float = 0.0
    bottom: float = 0.0
    top: float = 0.0
    base: float = 0.0
    size: float = 0.0
    bold: bool = False
    text: str = ""
    bullet: bool = False
    text_x0: float = 0.0  # where a list item's text starts, after its bullet
    cells: tuple[str, ...] = ()  # a table row's cells, one a column ("" where empty)
    names: tuple[str, ...] = ()  # a table body row's column names (its header's cells)
    head: bool = False  # a table's header row: it names the columns and states no fact

    @property
    def width(self) -> float:
        """The line's width in points."""
        return self.x1 - self.x0


def _dominant_size(glyphs: Sequence[Glyph]) -> float:
    counts: dict[float, int] = {}
    for g in glyphs:
        counts[g.size] = counts.get(g.size, 0) + 1
    return max(counts, key=lambda s: (counts[s], s)) if counts else 0.0


def _same_line(line: list[Glyph], glyph: Glyph, size: float, base: float) -> bool:
    last = line[-1]
    em = max(size, glyph.size, 1.0)
    if glyph.x0 < last.x0 - 0.5 * em or glyph.x0 - last.x1 > _COLUMN_GAP * em:
        return False
    if abs(glyph.base - base) <= 0.3 * em:
        return True
    # a smaller raised (or lowered) glyph, or a line that began with one
    small = glyph.size < _SMALL * size or size < _SMALL * glyph.size
    return small and abs(glyph.base - base) <= 0.8 * em


def _finish(glyphs: list[Glyph], page: int) -> Line | None:
    ink = glyphs
    if not ink:
        return None
    ink_sorted = sorted(ink, key=lambda g: g.x0)
    size = _dominant_size(ink)
    normal = [g for g in ink if g.size >= _SMALL * size] or ink
    base = sorted(g.base for g in normal)[len(normal) // 2]
    line = Line(
        glyphs=glyphs,
        page=page,
        x0=ink_sorted[0].x0,
        x1=max(g.x1 for g in ink),
        bottom=min(g.bottom for g in normal),
        top=max(g.top for g in normal),
        base=base,
        size=size,
        bold=sum(g.bold for g in ink) > 0.6 * len(ink) and max(ink, key=lambda g: g.x1).bold,
    )
    _render(line)
    return line


def line_of(glyphs: list[Glyph], page: int) -> Line | None:
    """A line made of some glyphs of another (a table cell cut out of a line of cells)."""
    return _finish(glyphs, page)


def _is_marker_glyph(g: Glyph, line: Line) -> bool:
    """A digit set as a superscript: smaller and raised, or raised well above the baseline."""
    rise = g.base - line.base
    return (
        g.char.isdigit()
        and rise <= 0.8 * line.size
        and ((g.size < _SMALL * line.size and rise > 0.15 * line.size) or rise > 0.25 * line.size)
    )


def _render(line: Line) -> None:
    """Write the line's text: spaces at word gaps, raised small digits as superscripts."""
    ordered = sorted(line.glyphs, key=lambda g: g.x0)
    # drop glyphs drawn twice (fake bold) at the same place
    kept: list[Glyph] = []
    for g in ordered:
        if kept and kept[-1].char == g.char and abs(kept[-1].x0 - g.x0) < 0.3:
            continue
        kept.append(g)
    out: list[str] = []
    previous: Glyph | None = None
    for g in kept:
        if previous is not None:
            em = max(min(g.size, previous.size), 1.0)
            end = max(previous.x1, previous.advance)
            start = min(g.x0, g.origin) if g.origin else g.x0
            if g.space_before or start - end > _WORD_GAP * em:
                out.append(" ")
        out.append(superscript(g.char) if _is_marker_glyph(g, line) else g.char)
        previous = g
    text = "".join(out).strip()
    first = kept[0] if kept else None
    if first is not None and first.size >= _DROP_CAP * line.size:
        text = _drop_cap(text)
    if (
        first is not None
        and (first.symbol or first.char in _BULLETS)
        and len(text) > 2
        and text[1] == " "
    ):
        line.bullet = True
        line.text_x0 = kept[1].x0 if len(kept) > 1 else line.x0
        text = "• " + text[2:].lstrip()
    line.glyphs = kept
    line.text = text


def _drop_cap(text: str) -> str:
    """A line opened by a drop cap, the letter joined to the rest of its word ("T he" → "The").

    A letter that is a word alone ("A", "I", "O") keeps its space when what follows is a word
    of its own and the two joined are not a more common one ("A survey", but "A fter").
    """
    match = _DROP_CAP_START.match(text)
    if match is None:
        return text
    letter, rest = match.group(1), match.group(2)
    if letter in "AIO":
        from wordfreq import zipf_frequency  # deferred: loaded only for such a drop cap

        if len(rest) > 1 and zipf_frequency(letter + rest, "en") <= zipf_frequency(rest, "en"):
            return text
    return letter + text[2:]


def build_lines(glyphs: Sequence[Glyph], page: int) -> list[Line]:
    """Group a page's glyphs (content order) into lines; markers join the line they rise from.

    A section break's ornament ("* * *", "⁂") is no line of text.
    """
    pieces: list[list[Glyph]] = []
    current: list[Glyph] = []
    size = base = 0.0
    for g in glyphs:
        if current and _same_line(current, g, size, base):
            current.append(g)
            if g.size > size * 1.05:
                size, base = g.size, g.base
            continue
        if current:
            pieces.append(current)
        current, size, base = [g], g.size, g.base
    if current:
        pieces.append(current)
    pieces = [part for piece in _merge_pieces(pieces) for part in _split_side_label(piece)]
    lines = [line for piece in pieces if (line := _finish(piece, page)) is not None]
    lines = _attach_drop_caps(_attach_bullets(_attach_markers(_join_neighbours(lines))))
    return [ln for ln in lines if not _ORNAMENT.match(_raw(ln))]


_SIDE_LABEL_TYPE = 0.7  # a label beside a big figure is set at most this share of its size
_SIDE_LABEL_GLYPHS = 5  # shorter runs of small type are markers, not a label


def _split_side_label(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """A big figure and the label set beside it read into one line: two lines.

    Small type is joined to a line it rises from (a marker); a run of it set apart by more
    than a word space, right of glyphs in type far larger, is a label beside a figure.
    """
    sizes = [g.size for g in glyphs]
    if len(glyphs) <= _SIDE_LABEL_GLYPHS or min(sizes) > _SIDE_LABEL_TYPE * max(sizes):
        return [glyphs]
    ordered = sorted(glyphs, key=lambda g: g.x0)
    for k in range(1, len(ordered) - _SIDE_LABEL_GLYPHS + 1):
        before, after = ordered[k - 1], ordered[k]
        if (
            after.size > _SIDE_LABEL_TYPE * before.size
            or after.x0 - before.x1 <= _NEIGHBOUR_GAP * after.size
        ):
            continue
        left, right = ordered[:k], ordered[k:]
        big = _dominant_size(left)
        if before.size == big and all(g.size <= _SIDE_LABEL_TYPE * big for g in right):
            keep = {id(g) for g in left}
            return [[g for g in glyphs if id(g) in keep], [g for g in glyphs if id(g) not in keep]]
    return [glyphs]


def _attach_drop_caps(lines: list[Line]) -> list[Line]:
    """A drop cap set lower than its line (it spans two lines or more) joins the first of them.

    The capital, alone on a line of its own, stands just left of the lines it spans; the
    first of those starts level with its top, in lower case (the rest of the word).
    """
    caps = [ln for ln in lines if len(ln.text) == 1 and ln.text.isupper() and ln.glyphs]
    if not caps:
        return lines
    doomed: set[int] = set()
    for cap in caps:
        beside = [
            ln
            for ln in lines
            if ln is not cap
            and cap.size >= _DROP_CAP * ln.size
            and cap.x1 - 0.2 * ln.size <= ln.x0 <= cap.x1 + 3 * ln.size
            and cap.base - 0.3 * ln.size <= ln.base
            and ln.top <= cap.top + ln.size
        ]
        first = max(beside, key=lambda ln: ln.base, default=None)
        if first is None or not first.text[:1].islower() or _under_a_line(first, lines):
            continue  # the word's rest opens the paragraph: no line of it stands above
        first.glyphs = [*cap.glyphs, *first.glyphs]
        first.x0 = cap.x0
        _render(first)
        doomed.add(id(cap))
    return [ln for ln in lines if id(ln) not in doomed]


def _raw(line: Line) -> str:
    """The line's characters as printed (a bullet's mark not yet made "•")."""
    return " ".join("".join(g.char for g in line.glyphs).split()) if line.glyphs else line.text


def _join_neighbours(lines: list[Line]) -> list[Line]:
    """Join fragments of one line the content stream wrote apart (words drawn out of order).

    Only fragments a word space apart are joined, never across a column gutter.
    """
    if len(lines) < 2:
        return lines
    ordered = sorted(lines, key=lambda ln: (round(ln.base), ln.x0))
    out: list[Line] = []
    changed = False
    for line in ordered:
        last = out[-1] if out else None
        if (
            last is not None
            and abs(last.base - line.base) < 0.2 * line.size
            and abs(last.size - line.size) < 0.5
            and -0.2 * line.size < line.x0 - last.x1 < _NEIGHBOUR_GAP * line.size
        ):
            last.glyphs = last.glyphs + line.glyphs
            last.x1 = max(last.x1, line.x1)
            changed = True
            continue
        out.append(line)
    if not changed:
        return lines
    keep = {id(ln) for ln in out}
    result = [ln for ln in lines if id(ln) in keep]
    for line in result:
        _render(line)
    return result


def _attach_bullets(lines: list[Line]) -> list[Line]:
    """A bullet or number set apart from its item ("•", a symbol-font "!", "2.") starts it."""
    out: list[Line] = []
    for line in lines:
        bullet = len(line.text) == 1 and (line.glyphs[0].symbol or line.text in _BULLETS)
        if bullet or _LABEL.match(line.text):
            item = next(
                (
                    o
                    for o in lines
                    if o is not line
                    and o.x0 > line.x1
                    and o.x0 - line.x1 < 4 * max(line.size, 1.0)
                    and abs(o.base - line.base) < 0.3 * max(line.size, 1.0)
                ),
                None,
            )
            if item is not None:
                item.bullet = True
                item.text_x0 = item.x0
                item.x0 = line.x0
                label = "•" if bullet else line.text
                if not item.text.startswith("• "):
                    item.text = f"{label} {item.text}"
                continue
        out.append(line)
    return out


def _under_a_line(line: Line, lines: Sequence[Line]) -> bool:
    """Whether a line of its column stands right above LINE (a line's spacing or less)."""
    return any(
        0 < other.base - line.base < 2 * line.size
        and abs(other.size - line.size) < 0.5
        and other.x0 < line.x1
        and other.x1 > line.x0
        for other in lines
    )


def _merge_pieces(pieces: list[list[Glyph]]) -> list[list[Glyph]]:
    """Rejoin consecutive pieces that continue each other on one baseline."""
    out: list[list[Glyph]] = []
    for piece in pieces:
        ink = piece
        if out and ink:
            before = out[-1]
            size = max(_dominant_size(before), _dominant_size(ink), 1.0)
            last = max(before, key=lambda g: g.x1)
            first = min(ink, key=lambda g: g.x0)
            bases = sorted(g.base for g in before)
            if (
                abs(first.base - bases[len(bases) // 2]) <= 0.8 * size
                and -0.5 * size <= first.x0 - last.x1 <= _COLUMN_GAP * size
                and (
                    abs(first.base - last.base) <= 0.3 * size
                    or first.size < _SMALL * size
                    or last.size < _SMALL * size
                )
            ):
                out[-1] = out[-1] + piece
                continue
        out.append(piece)
    return out


def _attach_markers(lines: list[Line]) -> list[Line]:
    """Move short runs of small raised digits into the line they are raised above."""
    if not lines:
        return lines
    body = [ln for ln in lines if len(ln.text) > 3]
    out: list[Line] = []
    moved = False
    for line in lines:
        text = line.text.replace(" ", "")
        if len(text) <= 4 and text and all(c.isdigit() or c in ",*†‡" for c in text):
            host = _host(line, body)
            if host is not None:
                host.glyphs.extend(line.glyphs)
                moved = True
                continue
        out.append(line)
    if moved:
        for line in out:
            _render(line)
    return out


def _host(marker: Line, lines: Sequence[Line]) -> Line | None:
    best: Line | None = None
    for line in lines:
        em = line.size
        raised = marker.base - line.base > 0.25 * em
        if line is marker or (marker.size >= _SMALL * line.size and not raised):
            continue
        if not line.base < marker.base <= line.base + 0.8 * em:
            continue
        if not line.x0 - em <= marker.x0 <= line.x1 + 1.5 * em:
            continue
        if best is None or line.base > best.base:
            best = line
    return best
