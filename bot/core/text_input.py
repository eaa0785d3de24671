r"""Text from outside (Discord options, console lines, CLI arguments) made valid where it enters.

`valid_text` is the one boundary function every entry point calls on what a user typed: the
result is always encodable as UTF-8 (a lone surrogate such as JSON's `"\ud800"` becomes U+FFFD),
holds no NUL or other control character (tabs and line breaks become spaces), and is in NFC, so
the searcher, the stores and the renderers never meet text that Python can hold but not write.
`same_choice` matches a value Discord sent back from an autocomplete choice to the real value it
stood for (choice values are collapsed to one line, so ids with a tab or newline still match).

This module must never import anything outside the standard library, nor cut or reject text:
limits belong to each entry point.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACE_LIKE = re.compile(r"[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def valid_text(text: str) -> str:
    """`text` as valid, printable Unicode: surrogates replaced, controls gone, NFC."""
    text = _SURROGATE.sub("\ufffd", text)
    text = _SPACE_LIKE.sub(" ", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)


def valid_option(text: str | None) -> str | None:
    """An optional option made valid; blank becomes None."""
    if text is None:
        return None
    cleaned = valid_text(text).strip()
    return cleaned or None


def one_line(text: str) -> str:
    """`text` with every run of whitespace collapsed to one space (how choices are sent)."""
    return " ".join(text.split())


def same_choice(value: str | None, candidates: Iterable[str]) -> str | None:
    """The candidate `value` stands for: itself if it is one, else the one it was collapsed from.

    Returns `value` unchanged when no candidate matches (the searcher then says so plainly).
    """
    if value is None:
        return None
    pool = list(candidates)
    if value in pool:
        return value
    wanted = one_line(value)
    for candidate in pool:
        if one_line(valid_text(candidate)) == wanted:
            return candidate
    return value
