"""Three small text rules every caller shares, so they cannot drift apart.

- `key_form`: the form a passage's text takes in a key (briefing rotation keys, what a reindex
  counts as changed): NFKC, casefolded, quotes and dashes unified, spaces collapsed.
- `clip`: cut text to a length at a word, ending with "…".
- `figure_span`: where a figure stands in a text, checking its offsets against the text.

Pure; changing `key_form` changes every stored briefing key, so it must stay as it is.
"""

from __future__ import annotations

import re
import unicodedata

from bot.core.model import Figure

ELLIPSIS = "…"

_SINGLE_QUOTES = re.compile(r"[‘’‚‛′`]")
_DOUBLE_QUOTES = re.compile(r"[“”„‟″«»]")
_DASHES = re.compile(r"[‐‑‒–—―]")
_SPACES = re.compile(r"\s+")


def key_form(text: str) -> str:
    """Return the text a key is made of: NFKC, casefolded, quotes unified, spaces collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = _SINGLE_QUOTES.sub("'", text)
    text = _DOUBLE_QUOTES.sub('"', text)
    text = _DASHES.sub("-", text)
    return _SPACES.sub(" ", text).strip()


def clip(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters at a word boundary, ending with "…".

    The cut drops trailing separators (" ,;:") and never leaves a dangling backslash (a half
    markdown escape) before the ellipsis.
    """
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[: max(limit, 0)]
    cut = text[: limit - len(ELLIPSIS)]
    space = cut.rfind(" ")
    if space > len(cut) // 2:
        cut = cut[:space]
    cut = cut.rstrip(" ,;:")
    while cut.endswith("\\"):
        cut = cut[:-1]
    return cut + ELLIPSIS


def figure_span(figure: Figure, text: str) -> tuple[int, int] | None:
    """Return where `figure` stands in `text`, or None when it is not there.

    Its offsets count when they point at its own text; otherwise its text is looked up.
    """
    start, end = figure.start, figure.end
    if 0 <= start < end <= len(text) and (not figure.text or text[start:end] == figure.text):
        return start, end
    found = text.find(figure.text) if figure.text else -1
    if found < 0:
        return None
    return found, found + len(figure.text)
