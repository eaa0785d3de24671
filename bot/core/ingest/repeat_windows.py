"""Where a display line could repeat a text: the stretches around its rarest words.

A pull-quote candidate is checked against the whole body and against every other candidate;
on a long document of short paragraphs (a transcript, a wire story) every paragraph is a
candidate, and comparing each with everything is quadratic. A stretch that repeats a line
holds most of its words, so it holds one of its rarest ones: only the text around their
places needs the fuzzy comparison. Pure: strings in, strings out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["WordPlaces", "sharing_rare_words"]

_WORD = re.compile(r"\w[\w'’-]{3,}")  # words of four characters or more
_RAREST = 3  # a repeat may reword a word or two of its line, never all three of these
_MOST_PLACES = 24  # more places than this: the words are too common to narrow anything


class WordPlaces:
    """The places of each word of a text, to find the stretches that could repeat a line."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._places: dict[str, list[int]] = {}
        for match in _WORD.finditer(text):
            self._places.setdefault(match.group().lower(), []).append(match.start())

    def stretches(self, line: str) -> Sequence[str]:
        """The stretches of the text that could repeat `line`.

        Around the places of its rarest words (up to three, while they stay few); the whole
        text when even its rarest word is common, none when the text holds none of its words.
        """
        words = {m.group().lower() for m in _WORD.finditer(line)}
        if not words:
            return [self.text]
        present = sorted((len(self._places[w]), w) for w in words if w in self._places)
        if not present:
            return []
        rare = _rarest(present)
        if not rare:
            return [self.text]
        places = sorted(p for word in rare for p in self._places[word])
        reach = 2 * len(line)
        spans: list[list[int]] = []
        for place in places:
            start, end = max(0, place - reach), place + reach
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        return [self.text[start:end] for start, end in spans]


def sharing_rare_words(lines: Sequence[str]) -> list[set[int] | None]:
    """For each line, the other lines holding one of its rarest words (None: compare with all).

    Rarity counts the lines a word is in; a line that could repeat another holds its rarest.
    """
    words = [{m.group().lower() for m in _WORD.finditer(line)} for line in lines]
    holders: dict[str, set[int]] = {}
    for k, own in enumerate(words):
        for word in own:
            holders.setdefault(word, set()).add(k)
    out: list[set[int] | None] = []
    for k, own in enumerate(words):
        rare = _rarest(sorted((len(holders[w]), w) for w in own))
        out.append(set().union(*(holders[w] for w in rare)) - {k} if rare else None)
    return out


def _rarest(counted: list[tuple[int, str]]) -> list[str]:
    """Up to three of the rarest words (count, word; rarest first) while their places stay few."""
    rare: list[str] = []
    total = 0
    for count, word in counted[:_RAREST]:
        if total + count > _MOST_PLACES:
            break
        rare.append(word)
        total += count
    return rare
