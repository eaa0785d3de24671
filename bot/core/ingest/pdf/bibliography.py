"""A paper's reference list ("References", "Bibliography"): reference matter, not article text.

Its entries ("Achterberg, T. (2021). Counting premises. Northmoor Review 12(3), 44-61.") are
citations, not sentences; cut at every full stop they would give fragments such as
"Northmoor.". As in the Markdown reader, the list is kept out of the body. Numbered endnotes
under such a heading are read before this (endnotes.py); a section of prose under the heading
is kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.pdf.blocks import Para

_HEADING = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(?:references|bibliography|works\s+cited|literature(?:\s+cited)?|"
    r"reference\s+list)$",
    re.I,
)
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|and|&|et\s+al\.?|van|von|de|der|da|del|du|la|le)"
# an author or a body, then the year: "Bello, O. and Lindahl, K. (2022).", "Office (2017).",
# "Smith, J., 2019.", or the year in brackets straight before the title (Harvard style):
# "Okafor, C. (2018) 'Rural tariffs'", "Harcourt, J. (2017) Pricing Water"
_ENTRY = re.compile(
    rf"^[A-Z][\w'’.-]*(?:,?\s+{_NAME_WORD}){{0,16}},?\s+"
    r"(?:\(?(?:1[6-9]|20)\d\d[a-z]?\)?[.,:]|\((?:1[6-9]|20)\d\d[a-z]?\)\s+['‘\"“A-Z])"
)


def is_entry(text: str) -> bool:
    """Whether a paragraph opens as an author-year reference entry."""
    return bool(_ENTRY.match(text.strip()))


def cut_bibliography(paras: Sequence[Para]) -> list[Para]:
    """The paragraphs without a reference list: its heading and the entries under it.

    The section under a references heading is a list when its first paragraph and at least
    half of them open as entries (an entry run over a page break is a paragraph of its own).
    """
    out: list[Para] = []
    k = 0
    while k < len(paras):
        para = paras[k]
        if para.kind != "heading" or not _HEADING.match(_text(para).strip(" :*_#")):
            out.append(para)
            k += 1
            continue
        end = k + 1
        while end < len(paras) and paras[end].kind != "heading":
            end += 1
        section = paras[k + 1 : end]
        entries = sum(1 for p in section if is_entry(_text(p)))
        if section and is_entry(_text(section[0])) and 2 * entries >= len(section):
            k = end
            continue
        out.append(para)
        k += 1
    return out


def _text(para: Para) -> str:
    return " ".join(ln.text for ln in para.lines)
