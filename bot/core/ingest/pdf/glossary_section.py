"""A section headed "Glossary" that lists its terms as "Term: meaning" lines.

A booklet or a guide ends with a glossary: a heading that names it ("Glossary", "Glossary of
terms", "Definitions", "Abbreviations") over lines that each start with a term and a colon,
then its meaning ("Stopcock: A valve that turns off the water to your home."), a long meaning
running on to the next line. When every paragraph under such a heading is read as such
entries (at least two), the section is the document's glossary: its entries (any term, not
only short forms). Each line stays a sentence of its own under the heading, as a notice's
definitions do: it is the printed answer to "what does CVWF stand for", and the index
answers with sentences. Under any other heading (a "Key terms" sidebar), or when a paragraph
of running text is among them, there are no entries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.pdf.blocks import Para
from bot.core.model import GlossaryEntry

_HEADING = re.compile(
    r"^(?:glossary(?:\s+of\s+terms)?|definitions|abbreviations(?:\s+and\s+acronyms)?"
    r"|list\s+of\s+abbreviations)$",
    re.I,
)
# a term is a name: up to five words, no sentence punctuation, then a colon and its meaning
_ENTRY = re.compile(r"^(?P<term>[A-Z0-9][^.:;!?]{0,48}?)\s*:\s+(?P<long>\S.*)$")
_TERM_WORDS = 5
_MIN_ENTRIES = 2


def _entries(paras: Sequence[Para]) -> list[GlossaryEntry] | None:
    """The entries of the paragraphs under a glossary heading, or None if one is no entry."""
    found: list[tuple[str, list[str]]] = []
    for para in paras:
        for k, line in enumerate(para.lines):
            text = line.text.strip()
            match = _ENTRY.match(text)
            if match and len(match.group("term").split()) <= _TERM_WORDS:
                found.append((match.group("term"), [match.group("long")]))
            elif k > 0 and found:
                found[-1][1].append(text)  # a long meaning runs on
            else:
                return None
    if len(found) < _MIN_ENTRIES:
        return None
    return [GlossaryEntry(short=term, long=" ".join(parts).rstrip(". ")) for term, parts in found]


def glossary_section_entries(paras: Sequence[Para]) -> list[GlossaryEntry]:
    """The entries of a "Glossary" section of "Term: meaning" lines (see the module doc)."""
    for k, para in enumerate(paras):
        heading = " ".join(ln.text.strip() for ln in para.lines)
        if para.kind != "heading" or not _HEADING.match(heading):
            continue
        end = k + 1
        while end < len(paras) and paras[end].kind != "heading":
            end += 1
        entries = _entries(paras[k + 1 : end])
        if entries is not None:
            for under in paras[k + 1 : end]:
                under.alone = True  # each entry is a sentence of its own, not run into the next
            return entries
    return []
