"""Who a query names: quoted speakers and authors, and people the sources only mention.

/quote takes a speaker from its option or from the query itself ("Carlo Masala", "Powell
natural rate", "natural rate Powell"), and says plainly when the person asked for is never
quoted. A name is told from a topic by how it is written (capitalised words, not an acronym)
and, for one word the sources use, by whether they introduce it with a title ("President …
Putin"): general English conventions, not a list of people.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from rapidfuzz import fuzz

from bot.core.search.text import fold, term_of, words
from bot.core.search.vocabulary import Vocabulary

# Titles that introduce a person's name in general English prose (a name after one is a person).
_TITLED_NAME = re.compile(
    r"\b(?:President|Prime Minister|Minister|Chancellor|Secretary(?: of State| General)?|"
    r"General|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|Professor|Prof\.|Ambassador|Commander|King|Queen|"
    r"Pope|Senator|Governor|Chairman|Chairwoman|Chair|Director|Spokesperson|Spokesman)"
    r"\s+((?:[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){0,3})"
)
_TITLED_LOOKUPS = 50  # passages read to decide whether a one-word name is a person's


class People:
    """The people of a corpus (speakers and authors), each with the id the index filters on."""

    def __init__(
        self,
        names: Iterable[str],
        vocabulary: Vocabulary,
        texts_with: Callable[[str, int], list[str]],
    ) -> None:
        """`texts_with(term, limit)` gives the texts of passages holding a search term."""
        self.ids = {name: i for i, name in enumerate(sorted(set(names)))}
        self._vocabulary = vocabulary
        self._texts_with = texts_with

    def matching(self, wanted: str) -> list[int]:
        """Ids of the people a typed name stands for (fuzzy: a typo still finds them)."""
        folded = fold(wanted)
        return [
            person_id
            for name, person_id in self.ids.items()
            if fuzz.partial_ratio(folded, fold(name)) >= 85
        ]

    def named(self, query: str) -> str | None:
        """The person a /quote query consists of, if it is only a name.

        A name is two to four capitalised words ("Vladimir Putin"), or one capitalised word the
        sources never use ("Putin"); a single word they use ("Iran") is a topic, not a person,
        unless it names a speaker or the sources introduce it with a title.
        """
        found = words(query)
        if not found or len(found) > 4 or not all(_is_name_word(w) for w in found):
            return None
        name = " ".join(found)
        if self.matching(name) or len(found) >= 2:
            return name
        term = term_of(found[0])
        if term is None or not self._vocabulary.has(term):
            return name
        return name if self._titled_in_sources(found[0], term) else None

    def leading(self, query: str) -> tuple[list[int] | None, str]:
        """The speaker a /quote query starts or ends with ("Powell natural rate"), and the rest.

        Name first or last, it is the same query.
        """
        found = words(query)
        for size in (3, 2, 1):
            if len(found) <= size:
                continue
            for start in (0, len(found) - size):
                run = found[start : start + size]
                name = " ".join(run)
                if len(name) < 4 or not all(_is_name_word(w) for w in run):
                    continue
                people = self._named_exactly(name)
                if people:
                    rest = found[:start] + found[start + size :]
                    return people, " ".join(rest)
        return None, query

    def _named_exactly(self, name: str) -> list[int]:
        """Ids of the people whose full name, or surname, is `name` (no fuzzy matching)."""
        folded = fold(name)
        return [
            person_id
            for person, person_id in self.ids.items()
            if fold(person) == folded or fold(person).split()[-1:] == [folded]
        ]

    def _titled_in_sources(self, word: str, term: str) -> bool:
        """Whether the sources name `word` as a person, after a title ("President … Putin")."""
        folded = fold(word)
        for text in self._texts_with(term, _TITLED_LOOKUPS):
            for match in _TITLED_NAME.finditer(text):
                if folded in fold(match.group(1)).split():
                    return True
        return False


def _is_name_word(word: str) -> bool:
    """Whether a word is written like part of a name: capitalised, not all capitals (NMI)."""
    return word[:1].isupper() and (len(word) == 1 or not word.isupper())
