"""Credit lines a page writes in text, and who they name.

A caption's "(Photo: X)", "(AP)", an embedded post's "— Name (@handle) date"; whether a line
is only names.
"""

from __future__ import annotations

import re

# a credit the caption writes in its text: "(Photo: X)", "(AP)", "Photograph: X", "Video by X"
_MAKER = (
    r"(?:photo(?:graph)?s?|images?|pictures?|illustrations?|graphics?|videos?|footage|"
    r"cartoons?|drawings?|artwork|maps?|credits?)"
)
_CREDIT_FORM = re.compile(
    rf"^(?:{_MAKER}(?:\s*(?::|\.{{2,}}|…)\s*|\s+(?:by|courtesy\s+of)\s+)|courtesy\s+(?:of\s+)?|©)"
    r"\s*(?=\S)",
    re.I,
)
_TRAILING_GROUP = re.compile(r"\(([^()]{1,120})\)\s*$")
_PLAIN_CREDIT = re.compile(r"^(?:photo(?:graph)?s?|credits?)\s*(?::|\.{2,}|…)|^©|^courtesy", re.I)
_CREDIT_START = re.compile(rf"(?:^|(?<=[.!?…\"”’)])\s)\s*(?=(?:{_MAKER}|courtesy)\b|©)", re.I)
_CREDIT_NAME = re.compile(r"^(?:[A-Z©][\w.'’&-]*|[/&,]|for|via|of|and|the|de|van|von)$")
_CREDIT_WORDS = 12
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


# the date an embedded post's credit closes with: "March 26, 2025", "26 Mar 2025 · 14:05"
_CREDIT_DATE = re.compile(
    rf"(?:\s*[,·|•]?\s*(?:\bon\s+)?(?:(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|"
    r"\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4}))"
    r"(?:\s*[,·|•]?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?\s*$",
    re.I,
)
_HANDLE = re.compile(r"\s*(?:\(\s*@[\w.]{1,40}\s*\)|(?<!\S)@[\w.]{1,40})")


def credit_name(credit: str) -> str:
    """Who a quote's credit names: an embedded post's "Name (@handle) March 26, 2025" → "Name".

    The handle and the post's date say where and when it was posted, no part of the name.
    """
    text = credit.strip().lstrip("—–―- ").strip()
    text = _HANDLE.sub("", text)
    text = _CREDIT_DATE.sub("", text).strip().rstrip(",·|• ")
    return text or credit


def written_credit(text: str) -> tuple[str, str | None]:
    """Split the credit a caption's text ends with: "… dropped. (Photo: X)" → ("… dropped.", X).

    A credit names who made the picture: "(Photo: X)", "Photograph: X", "Video by X",
    "Courtesy of X", or after the caption's last full stop a group of names alone ("(AP)",
    "(AP Photo/Jane Doe)"). It is short and never a sentence of its own.
    """
    group = _TRAILING_GROUP.search(text)
    if group:
        inner = group.group(1).strip()
        before = text[: group.start()].rstrip()
        closed = not before or before.endswith((".", "!", "?", "…", '"', "”", "’"))
        maker = credit_body(inner)
        if maker is not None:
            return before, maker
        if closed and _names_only(inner):
            return before, inner
        return text, None
    for start in _CREDIT_START.finditer(text):
        maker = credit_body(text[start.end() :])
        if maker is not None:
            return text[: start.start()].rstrip(), maker
    return text, None


def credit_body(text: str) -> str | None:
    """Who a credit line names ("Photo: X", "Photograph by X", "© X" → X); None if not one."""
    lead = _CREDIT_FORM.match(text)
    if not lead or len(text.split()) > _CREDIT_WORDS or re.search(r"[.!?]\s+[A-Z]", text):
        return None  # two sentences are a caption, not a credit
    body = text[lead.end() :].strip()
    if not body:
        return None
    if not _PLAIN_CREDIT.match(lead.group()) and not _names_first(body):
        return None  # "Map: Where the fires burned" titles a graphic; "Video by the crew"
    return body


def _names_first(text: str) -> bool:
    """Whether text opens with a name: "Marcus Bell / Courier", "AP", "NASA/JPL", "Getty Images"."""
    tokens = text.lstrip("© ").split()
    if not tokens or not tokens[0][:1].isupper():
        return False
    return len(tokens) == 1 or tokens[0].isupper() or tokens[1][:1].isupper() or tokens[1] in "/&"


def _names_only(text: str) -> bool:
    """Whether a bracketed group holds only names: "AP", "Reuters/Jane Doe", "Getty Images"."""
    tokens = re.findall(r"[/&,]|[^\s/&,]+", text)
    return (
        0 < len(tokens) <= 8 and text[:1].isupper() and all(_CREDIT_NAME.match(t) for t in tokens)
    )
