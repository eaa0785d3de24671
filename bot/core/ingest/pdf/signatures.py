"""A signed foreword's or letter's signature line: who signed it, not a sentence of the text.

A report's foreword, a chair's letter or a preface ends with its signer on a line of its own:
"— Ines Marchetti, Executive Director", "Tom Reyes, Chair", or the name over the role. It stands
right under a paragraph and closes the section (a heading or the end follows). A dash printed
before the name reads as a list bullet: the line is a one-item list then. The section it
closes is the signer's own words: what "I" said in it is the signer's quote.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.ingest.pdf.blocks import Para
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.sign_off import signature_line

_DASHES = frozenset("—–-")


def cut_signatures(paras: Sequence[Para]) -> list[Para]:
    """The paragraphs without the signature lines that close a section."""
    out: list[Para] = []
    for k, para in enumerate(paras):
        closes = k + 1 == len(paras) or paras[k + 1].kind == "heading"
        after_text = bool(out) and out[-1].kind in ("paragraph", "quote")
        if closes and after_text and signer(para) is not None:
            continue
        out.append(para)
    return out


def signed_sections(paras: Sequence[Para]) -> list[tuple[Line, Line, str]]:
    """The sections a signature closes: their first and last line, and the signer."""
    out: list[tuple[Line, Line, str]] = []
    for k, para in enumerate(paras):
        closes = k + 1 == len(paras) or paras[k + 1].kind == "heading"
        if not closes or k == 0 or paras[k - 1].kind not in ("paragraph", "quote"):
            continue
        name = signer(para)
        if name is None:
            continue
        start = k - 1
        while start > 0 and paras[start - 1].kind != "heading":
            start -= 1
        lines = [ln for p in paras[start:k] for ln in p.lines]
        if lines:
            out.append((lines[0], lines[-1], name))
    return out


def signer(para: Para) -> str | None:
    """The name a block of one signature line (or a name line over a role line) signs with."""
    if para.kind not in ("paragraph", "list") or not 1 <= len(para.lines) <= 2:
        return None
    texts = [ln.text.strip() for ln in para.lines]
    if para.kind == "list":
        first = para.lines[0]
        if len(para.lines) != 1 or not first.glyphs or first.glyphs[0].char not in _DASHES:
            return None  # a list's bullet, not a signing dash
        texts = ["— " + texts[0].removeprefix("•").strip()]
    return signature_line(texts[0], texts[1] if len(texts) == 2 else None)
