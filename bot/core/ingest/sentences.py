"""Sentence splitting for policy prose, and footnote markers inside sentences.

A small rule-based splitter tuned for print articles: it knows citation abbreviations
("pp.", "n.", "p."), Latin ones ("e.g.", "i.e.", "cf."), titles and initials, numbered list
items inside a sentence ("important: 1. ..., 2. ..."), closing quotes, footnote markers and a
quotation's paragraph reference ("[38]") after the full stop. It returns character spans, never
rewrites text, and must never drop or reorder characters: every non-blank character of the
input lies in exactly one span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

# A footnote marker: superscript digits, not an exponent of a unit (km², m³, a signed one as
# in "g kg⁻¹"), nor the tail of a longer run of them
MARKER = re.compile(
    rf"(?<![⁻⁺{SUPERSCRIPTS}])(?<!\bkm)(?<!\bcm)(?<!\bmm)(?<!\bm)[{SUPERSCRIPTS}]+"
    rf"(?:,\s?[{SUPERSCRIPTS}]+)*"
)

_CLOSERS = "\"”’'»)]"
_OPENERS = "\"“‘'«(["
_QUOTED_AFTER = re.compile(r"[\"“][A-Z][^\"“”\s]*(?:\s+[^\"“”\s]+){2}")  # three words quoted
# a quotation's paragraph reference after its closing mark ('… building." [38]') is the
# quotation's citation: it stays with the sentence the quotation closes
# French spacing sets a space inside guillemets: "« Oui. » Puis", "… Okafor. « Personne"
_SPACED_CLOSE = "(?:[ \u00a0\u202f][»›])?"
_SPACED_OPENERS = "«‹"
_BOUNDARY = re.compile(
    rf"[.?!…]+[{re.escape(_CLOSERS)}]*[{SUPERSCRIPTS}]*(?:,[{SUPERSCRIPTS}]+)*"
    rf"[{re.escape(_CLOSERS)}]*{_SPACED_CLOSE}"
    r"(?:(?<=[\"”’'»])\s\[\d{1,4}\](?:\s?[-–,]\s?\[\d{1,4}\])*(?=\s|$)|(?=\s))"
)

# Words that end in a full stop without ending the sentence (compared lower-case, no dot).
ABBREVIATIONS = frozenset(
    """
    e.g i.e cf ca approx vs al viz resp incl excl esp
    p pp n nn no nos vol vols eds chap fig figs ff f fn
    dr mr mrs ms prof jr sr gen lt maj capt sgt hon amb sen rep gov col adm
    jan feb apr jun jul aug sept oct nov dec
    """.split()
)

# Capitalised words that usually start a sentence: after "U.S." they mean the sentence ended.
_SENTENCE_STARTERS = frozenset(
    "the this that these those it its in on at but and however yet so thus there they we he "
    "she i a an for while although since if when as after before".split()
)
_DOTTED = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")
_LABEL_BEFORE = re.compile(r"(?:^|[\s(])(?:Table|Figure|Fig\.|Chart|Exhibit|Box|Map|Graph)\s+$")
# a caption's label at the start of the text: "Table 1.", "FIGURE 2.", "Table A-1.", "Figure 2.1."
_LABEL_AT_START = re.compile(
    rf"^[{re.escape(_OPENERS)}]*(?:Table|Figure|Fig\.|Chart|Exhibit|Box|Map|Graph)\s+"
    r"(?:[A-Z]-?)?\d{1,3}(?:[.-]\d{1,3})*$",
    re.I,
)
_ENUM_LEAD = re.compile(r"(?:[:;,(]|\band|\bor)\s*$")
_NUMBER_PAIR = re.compile(r"\d\s+(?:and|or)\s*$")
# "No." is a number's abbreviation only before one ("No. 9", "Docket No. FAA-2020-0686",
# "No. IV"); before a word it is the answer "No." and ends its sentence. So are a record's
# references to its parts: "see min. 88/78" (a minute), "para. 4.2", "art. 12", "sec. 3".
_BEFORE_A_NUMBER = frozenset({"no", "nos", "min", "mins", "para", "paras", "art", "sec", "ch"})
_NUMBERED = re.compile(r"^[#(]?(?:\S*\d|[IVXLC]{2,}\b)")


def marker_numbers(marker: str) -> tuple[int, ...]:
    """Return the note numbers a superscript marker cites ("¹⁰" → (10,), "²,³" → (2, 3))."""
    return tuple(int(part.translate(_SUPER_TO_DIGIT)) for part in re.split(r",\s?", marker) if part)


def strip_markers(text: str) -> tuple[str, tuple[int, ...]]:
    """Remove footnote markers from text; return the clean text and the cited numbers in order."""
    numbers: list[int] = []

    def take(match: re.Match[str]) -> str:
        numbers.extend(marker_numbers(match.group(0)))
        return ""

    clean = MARKER.sub(take, text)
    clean = re.sub(r"[ \t]{2,}", " ", clean).strip()
    clean = re.sub(r"\s+([,;:.?!])", r"\1", clean) if numbers else clean
    return clean, tuple(dict.fromkeys(numbers))


def _is_boundary(text: str, dot: int, end: int, breaks: frozenset[int] = frozenset()) -> bool:
    """Decide whether the punctuation run text[dot:end] ends a sentence.

    A number opening the text or a list item (just after one of the hard `breaks`) is the
    item's number ("2. Find a supplier"), not a sentence.
    """
    rest = text[end:].lstrip()
    if not rest:
        return True
    nxt = rest[0]
    if nxt in _SPACED_OPENERS:
        nxt = rest[1:].lstrip(" \u00a0\u202f")[:1]
    elif nxt in _OPENERS:
        nxt = rest[1] if len(rest) > 1 else ""
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    if text[dot] != ".":
        return True
    if end - dot > 1 and text[dot : dot + 3] == "...":
        return True
    if any(c in _CLOSERS for c in text[dot:end]):
        return True  # '."' — a full stop inside closing quotes always ends the sentence
    start = dot
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    token = text[start:dot].lstrip("".join(_OPENERS))
    word = token.lower()
    if word in _BEFORE_A_NUMBER:
        return not _NUMBERED.match(rest)
    if word in ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isalpha() and token.isupper():
        # an initial: "Carlo M. Masala"; a name goes on in quotation marks only for a nickname
        # ('John F. "Jack" Kennedy'), so a quoted sentence after it starts one ('… option D.
        # "Self-service hours suit …')
        return _QUOTED_AFTER.match(rest) is not None
    if _DOTTED.match(token):
        if token.islower():
            return False  # e.g, i.e
        following = rest.split(maxsplit=1)[0].strip("\"“'‘(").lower()
        return following in _SENTENCE_STARTERS  # "U.S. The" ends, "U.S. Army" does not
    if dot < 30 and _LABEL_AT_START.match(text[:dot]):
        return False  # "Table A-1. Ships per day": a caption's label, not a sentence
    before = text[max(0, start - 12) : start]  # the tail only: linear in the paragraph
    if token.isdigit() and _LABEL_BEFORE.search(before):
        return False  # "Table 1. Contribution rates …": a numbered label, not a sentence end
    if (
        token.isdigit()
        and len(token) <= 2
        and _ENUM_LEAD.search(before)
        and not _NUMBER_PAIR.search(before)  # "on May 20 and 21.": two numbers, no items
    ):
        return False  # "important: 1. Iraq's ..., 2. Islamic State's ..."
    if not (token.isdigit() and len(token) <= 2):
        return True
    opening = start
    while opening > 0 and text[opening - 1].isspace():
        opening -= 1
    return not (opening == 0 or opening in breaks)


_QUOTED = re.compile(r"[\"“]([^\"“”]{3,300})[\"”]")
_TITLE_MIN_LONG_WORDS = 3


def _quoted_titles(text: str) -> list[tuple[int, int]]:
    """Spans of quoted titles ("Bridging to Nowhere? The Exit Problem in Flood Reinsurance").

    A title in quotation marks capitalises every word of four letters or more; a "?" or "!"
    inside one is the title's, never a sentence's end. Quoted speech ("Why now? Who pays?")
    has small words.
    """
    out: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(text):
        long = [w for w in re.findall(r"[^\W\d_][\w'’-]*", match.group(1)) if len(w) > 3]
        if len(long) >= _TITLE_MIN_LONG_WORDS and all(w[:1].isupper() for w in long):
            out.append((match.start(), match.end() - 1))
    return out


# a quotation closed by a comma inside its marks, the sentence going on in small letters
# ('"A ferry is a road. We float it," as my predecessor said'): the quoted words are the
# sentence's, and no full stop inside them ends it
_EMBEDDED = re.compile(r"[\"“]([^\"“”\n]{3,300}?),[\"”](?=\s+[a-z])")


def _embedded_quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quotations the sentence goes on after ('"…," as she said')."""
    return [(m.start(), m.end() - 1) for m in _EMBEDDED.finditer(text)]


def split_sentences(text: str, hard_breaks: Iterable[int] = ()) -> list[tuple[int, int]]:
    """Split text into sentence spans (start, end), trimmed of surrounding whitespace.

    `hard_breaks` are offsets where a sentence must end whatever the punctuation says (list
    items that stand alone). Closing quotes and footnote markers after the full stop stay
    with the sentence they close.
    """
    cuts = set(hard_breaks)
    breaks = frozenset(cuts)
    titles = _quoted_titles(text) if "?" in text or "!" in text else []
    if ',"' in text or ",”" in text:
        titles += _embedded_quotations(text)
    for match in _BOUNDARY.finditer(text):
        if any(a < match.start() and match.end() < b for a, b in titles):
            continue  # "Bridging to Nowhere? The Exit Problem": one quoted title
        if _is_boundary(text, match.start(), match.end(), breaks):
            cuts.add(match.end())
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(c for c in cuts if 0 < c < len(text)):
        spans.append((start, cut))
        start = cut
    spans.append((start, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out
