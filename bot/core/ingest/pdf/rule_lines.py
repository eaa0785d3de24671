"""A rule typed or drawn in characters: a line of dashes, underscores or equals signs only.

A typescript rules off a table's headings with a row of hyphens under each column
("------  ---------  -----"), and a report may underline a heading or end a section with a
line of "=====" or "_____". Such a line says nothing: it is no sentence and no table row.
"""

from __future__ import annotations

import re

from bot.core.ingest.pdf.lines import Line

_RULE = re.compile(r"^[\s\-‐‒–—―_=~*·.]*[\-‐‒–—―_=~]{3,}[\s\-‐‒–—―_=~*·.]*$")


def is_rule_line(text: str) -> bool:
    """Whether a line is only a rule: three or more dashes, underscores or equals signs."""
    return bool(_RULE.match(text))


def cut_rule_lines(lines: list[Line]) -> list[Line]:
    """A page's lines without its rule lines (before tables are found: a rule is no row)."""
    return [ln for ln in lines if not is_rule_line(ln.text)]
