"""Glossary: acronyms an article defines, found by matching letters to word initials.

For "Long Form Words (LFW)" the short form's letters are matched backwards against the
initials of the words before the parenthesis (Schwartz–Hearst style, word-initial variant):
each long-form word gives its initial (hyphenated parts may each give one), lower-case function
words ("in", "of", "the") may be skipped, and a full word of the short form ("EUAM Iraq") must
match a whole word. A dotted abbreviation gives each of its letters ("U.S." gives U, S). Only
when initials alone cannot spell it, a word may give letters from inside it after its initial
("extreme ultraviolet (EUV)", "Maritime Administration (MARAD)"): every content word still gives
its initial. The reverse "SF (Long Form Words)" is read too. No acronym list is used;
this module never guesses an expansion the text does not spell out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from bot.core.model import GlossaryEntry

_PAREN = re.compile(r"\(([^()]{1,80})\)")
_WORD = re.compile(r"[^\W_][\w'’.&-]*")
_FUNCTION_WORDS = frozenset(
    "in of the for and on at to de du des der die das la le et y di del da für und zur zum "
    "with against on an a".split()
)
_MAX_SKIPS = 3


def _is_short_form(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 2 or len(text) > 15:
        return False
    first = words[0]
    letters = [c for c in first if c.isalpha()]
    return (
        len(letters) >= 2
        and sum(c.isupper() for c in letters) >= 2
        and first[0].isalnum()
        and all(c.isalnum() or c in "-&./" for c in first)
    )


def is_short_form(text: str) -> bool:
    """Whether a text reads as a short form: one or two words, two capitals ("CPI", "EUAM Iraq")."""
    return _is_short_form(text)


_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def _parts(word: str) -> list[str]:
    if _DOTTED.match(word):
        return word.split(".")[:-1]  # "U.S." → U, S
    return [p for p in re.split(r"[-/]", word) if p]


def _inside(rest: str, word: str) -> bool:
    """Whether the letters `rest` occur in order in `word`."""
    at = 0
    for c in rest:
        at = word.find(c, at) + 1
        if at == 0:
            return False
    return True


@lru_cache(maxsize=4096)
def _match(letters: str, words: tuple[str, ...], inner: bool = False) -> int | None:
    """Number of trailing words of `words` that spell `letters`; None if they cannot.

    With `inner`, a word may give its initial and then letters found inside it, in order.
    """

    def go(li: int, wi: int, skips: int) -> int | None:
        # li: letters still to match (letters[:li]); wi: words still available (words[:wi])
        if li == 0:
            return wi
        if wi == 0:
            return None
        word = words[wi - 1]
        parts = _parts(word)
        initials = "".join(p[0] for p in parts).lower()
        # the word gives 1..len(initials) letters, taken from the end of its parts
        for take in range(min(len(initials), li), 0, -1):
            if letters[li - take : li] == initials[len(initials) - take :]:
                if take < len(initials) and li - take > 0:
                    continue  # a partly used compound must start the long form
                found = go(li - take, wi - 1, skips)
                if found is not None:
                    return found
        if inner and len(parts) == 1:
            lower = word.lower()
            for take in range(2, li + 1):
                seg = letters[li - take : li]
                if seg[0] == lower[0] and _inside(seg[1:], lower[1:]):
                    found = go(li - take, wi - 1, skips)
                    if found is not None:
                        return found
        if word.lower() in _FUNCTION_WORDS and skips < _MAX_SKIPS and li < len(letters):
            return go(li, wi - 1, skips + 1)
        return None

    start = go(len(letters), len(words), 0)
    return None if start is None else len(words) - start


def long_form(short: str, before: str) -> str | None:
    """The long form spelled by the words ending `before` (as written there), or None."""
    matches = list(_WORD.finditer(before))[-(len(short) * 2 + 4) :]
    words = [m.group(0) for m in matches]
    tokens = short.split()
    end = len(words)
    # full words of the short form ("EUAM Iraq") must repeat at the end of the long form
    for extra in reversed(tokens[1:]):
        if end == 0 or words[end - 1].lower() != extra.lower():
            return None
        end -= 1
    if len(tokens) > 1:  # "Advisory Mission in Iraq (EUAM Iraq)": a function word may link them
        while end > 0 and words[end - 1].lower() in _FUNCTION_WORDS:
            end -= 1
    head = tokens[0]
    if len(head) > 2 and head.endswith("s") and head[:-1].isupper():
        head = head[:-1]  # a plural acronym: "CBDCs"
    if any(c.islower() for c in head) and sum(c.isupper() for c in head) >= 2:
        head = "".join(c for c in head if c.isupper())  # mixed case: "ArF" spells A, F
    letters = "".join(c for c in head if c.isalpha()).lower()
    count = _match(letters, tuple(words[:end])) or _match(letters, tuple(words[:end]), True)
    if not count:
        return None
    first = matches[end - count]
    used = words[end - count : end]
    strict = count == len(letters) and all(
        w[:1].lower() == c for w, c in zip(used, letters, strict=False)
    )
    content = [w for w in used if w.lower() not in _FUNCTION_WORDS]
    # "science and technology (S&T)", "extreme ultraviolet (EUV)": each content word's
    # initial, in order, from the first letter on
    strict = strict or (
        len(content) >= 2
        and content[0][:1].lower() == letters[:1]
        and _inside("".join(w[:1].lower() for w in content[1:]), letters[1:])
    )
    if not (first.group(0)[0].isupper() or first.group(0)[0].isdigit() or strict):
        return None  # a lower-case long form only when every word gives one letter, in order
    long = before[first.start() : matches[-1].end()]
    return re.sub(r"['’]s$", "", long)


def find_glossary(texts: Iterable[str]) -> list[GlossaryEntry]:
    """Every acronym the texts define, in order of first definition, one entry per short form."""
    entries: dict[str, GlossaryEntry] = {}
    for text in texts:
        for match in _PAREN.finditer(text):
            inner = match.group(1).strip()
            before = text[: match.start()].rstrip()
            if _is_short_form(inner):
                long = long_form(inner, before)
                if long and inner not in entries:
                    entries[inner] = GlossaryEntry(short=inner, long=long)
                continue
            # reverse order: "NMI (NATO Mission Iraq)"
            previous = _WORD.findall(before)[-1:] if before else []
            if previous and _is_short_form(previous[0]) and previous[0] not in entries:
                long = long_form(previous[0], inner)
                if long and len(long.split()) == len(_WORD.findall(inner)):
                    entries[previous[0]] = GlossaryEntry(short=previous[0], long=long)
    return list(entries.values())
