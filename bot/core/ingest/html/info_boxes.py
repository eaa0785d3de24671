"""Table rows as text, and infoboxes: an encyclopedia article's box of label/value rows.

A data table's row names each value by its column ("Slow pages — Cause Full disk.", the
header row itself left out); a row with no header row over it reads "2019 · 3". An infobox
(MediaWiki's `infobox`, a "fact box") is a table of facts about the article's subject,
"Adopted · 10 May 2023": it is read as such a table, though its class and its links (each
value may link to another article) would make any other box furniture. A row whose value is
only a web address ("Website · example.org") states no fact. In a cell, a list's items and
the lines a `<br>` breaks are joined by commas, and furniture (a "noprint" "; 18 years ago")
is left out.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import html as lxml_html

from bot.core.ingest.html.inline import Markers, inline_text, one_line
from bot.core.ingest.html.main_text import furniture_names, is_furniture

__all__ = ["is_infobox", "table_rows"]

_INFOBOX = re.compile(
    r"(?:^|[-_\s])(?:infobox|info-box|fact-?box|facts-?box|key-?facts|fact-?file)(?:$|[-_\s])",
    re.I,
)
_WEB_ADDRESS = re.compile(r"^(?:https?://)?(?:[\w-]+\.)+[a-z]{2,}(?:[/?#:]\S*)?$", re.I)
_WRAPPERS = 2  # an infobox's class may stand on the box around the table


def is_infobox(element: lxml_html.HtmlElement) -> bool:
    """Whether a table is an infobox, by its class or id or those of the box holding it alone."""
    if element.tag != "table":
        return False
    box = element
    for _ in range(_WRAPPERS + 1):
        names = f"{box.get('class') or ''} {box.get('id') or ''}"
        if _INFOBOX.search(names):
            return True
        parent = box.getparent()
        if parent is None or parent.tag in ("body", "html"):
            return False
        if " ".join(parent.text_content().split()) != " ".join(box.text_content().split()):
            return False  # the box holds more than the table: its class is not the table's
        box = parent
    return False


def table_rows(
    table: lxml_html.HtmlElement,
    markers: Markers,
    *,
    infobox: bool = False,
    skip: frozenset[lxml_html.HtmlElement] = frozenset(),
) -> list[str]:
    """The rows of a table as text, its cells joined by " · ", header rows left out.

    Only the table's own rows (a table set in a cell is that cell's text), none of `skip`.
    """
    rows: list[str] = []
    names: list[str] = []  # the column names the last header row gives
    for row in table.iter("tr"):
        if row in skip or next(row.iterancestors("table"), None) is not table:
            continue
        cells = [c for c in row if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if not cells or all(c.tag == "th" for c in cells):
            # a header row names the columns (an infobox's, a part of it): no fact
            names = [] if infobox else [_cell_text(c, markers) for c in cells]
            continue
        texts = [_cell_text(c, markers) for c in cells]
        if infobox and len(cells) >= 2 and all(_WEB_ADDRESS.match(t) for t in texts[1:] if t):
            continue  # "Website · example.org": a link, no fact
        if len(names) == len(texts) > 1 and all(_colspan(c) == 1 for c in cells):
            text = named_row(names, texts)
        else:
            text = " · ".join(t for t in texts if t)
        if text:
            rows.append(text)
    return rows


def named_row(names: list[str], cells: list[str]) -> str:
    """A data row as one sentence: its label, then each value after its column's name.

    "Deregulated — Bus miles -17%; Average single fare £3.45." A row cited alone still says
    what its figures are (the PDF and Markdown readers name them the same way); the first
    column's name ("Model") names the labels, so the label stands alone.
    """
    label, *values = cells
    parts = [
        f"{name} {value}" if name and name != value else value
        for name, value in zip(names[1:], values, strict=True)
        if value
    ]
    if not parts:
        return label
    text = f"{label} — " + "; ".join(parts) if label else "; ".join(parts)
    return text if text.endswith((".", "!", "?")) else text + "."


def _colspan(cell: lxml_html.HtmlElement) -> int:
    try:
        return int(cell.get("colspan") or 1)
    except ValueError:
        return 1


def _cell_text(cell: lxml_html.HtmlElement, markers: Markers) -> str:
    """A cell's text on one line: list items and broken lines joined by commas."""
    copy = deepcopy(cell)
    for element in list(copy.iterdescendants()):
        if (
            isinstance(element.tag, str)
            and element.getparent() is not None
            and element.tag not in ("a", "sup", "sub", "b", "i", "em", "strong")
            and (is_furniture(element) or furniture_names(element))
        ):
            element.drop_tree()
    items = [one_line(inline_text(li, markers)) for li in copy.iter("li")]
    if items:
        return ", ".join(i for i in items if i)
    lines = [one_line(t) for t in inline_text(copy, markers).split("\n")]
    return ", ".join(t for t in lines if t)
