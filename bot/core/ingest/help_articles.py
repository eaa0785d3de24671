"""A help centre's article saved as text: the page's furniture around a plain article.

A help centre (a council's, a software maker's) prints over its article the breadcrumb trail
("Help Centre > Bins and recycling > Bulky waste") and under the title when it was changed,
often in words relative to the day it was seen ("Updated 3 days ago", "Last updated over a week
ago"); under the article it asks "Was this article helpful?" with its answer buttons ("Yes
No"), lists related articles and ends with the site's footer: a line of links ("Contact us |
Accessibility | Privacy") and the copyright line, which names the site's owner. The trail, the
relative date, the question with its buttons and the links line are no text and the trail is
no title (the line under it is); the rest is read as any text (the related articles and the
copyright footer as the general path reads them: its holder is the publication).
"""

from __future__ import annotations

import re

_CRUMB = r"[A-Z0-9][^>›»|,;!?]{0,40}?"  # "Bins and recycling": a page's name, no clause
_BREADCRUMBS = re.compile(rf"^{_CRUMB}(?:\s+[>›»]\s+{_CRUMB}){{1,6}}$")
_RELATIVE_UPDATE = re.compile(
    r"^(?:last\s+)?(?:updated|modified|edited|reviewed|changed)(?:\s+on)?:?\s+(?:(?:over|about|"
    r"almost|more\s+than|less\s+than|nearly)\s+)?(?:(?:\d+|an?|one|a\s+few|several)\s+"
    r"(?:second|minute|hour|day|week|month|year)s?\s+ago|today|yesterday)\.?$",
    re.I,
)
_FEEDBACK = re.compile(
    r"^(?:was|is|did|were)\s+(?:this|these)(?:\s+(?:article|page|information|guide|answers?))?"
    r"\s+(?:helpful|useful|(?:answer|solve)\s+your\s+(?:question|problem))\s*\??$",
    re.I | re.M,
)
_BUTTONS = re.compile(r"^(?:(?:yes|no|👍|👎)\s*){1,3}$", re.I)
_LINKS_LINE = re.compile(r"^[^|.!?]{1,30}(?:\s+\|\s+[^|.!?]{1,30}){2,}$")
_LINK_WORDS = 4
_TITLE_WORDS = 15


def is_help_article(text: str) -> bool:
    """Whether a text is a help centre's saved article.

    Its first line is a breadcrumb trail, or the "Was this article helpful?" question stands on
    a line of its own (cheap: the first lines, and one compiled search).
    """
    first = next((line.strip() for line in text.split("\n", 8) if line.strip()), "")
    return bool(_BREADCRUMBS.match(first)) or bool(_FEEDBACK.search(text))


def cut_help_furniture(text: str) -> tuple[str, str | None]:
    """The text with the page's furniture lines blank (line numbers kept), and the title.

    The title is the line under the breadcrumb trail (None where there is no trail).
    """
    lines = text.split("\n")
    filled = [k for k, line in enumerate(lines) if line.strip()]
    title = None
    if filled and _BREADCRUMBS.match(lines[filled[0]].strip()):
        lines[filled[0]] = ""
        under = lines[filled[1]].strip() if len(filled) > 1 else ""
        if under and len(under.split()) <= _TITLE_WORDS and under[-1] not in ".:;,":
            title = under
    buttons = False
    for k in filled:
        line = lines[k].strip()
        if _FEEDBACK.match(line):
            lines[k], buttons = "", True
            continue
        furniture = buttons and bool(_BUTTONS.match(line))  # "Yes   No" under the question
        if furniture or _RELATIVE_UPDATE.match(line) or _links_line(line):
            lines[k] = ""
        buttons = False
    return "\n".join(lines), title


def _links_line(line: str) -> bool:
    """Whether a line is a footer's links: three or more short labels between bars."""
    return bool(_LINKS_LINE.match(line)) and all(
        len(part.split()) <= _LINK_WORDS for part in line.split("|")
    )
