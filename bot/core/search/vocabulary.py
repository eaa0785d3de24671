"""The corpus vocabulary: term frequencies, spelling correction and word completion.

Built once per index from the indexed texts; read-only afterwards. Knows nothing of how the
candidates are retrieved.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.core.search.english import is_common_word
from bot.core.search.text import stem, term_of


class Vocabulary:
    """Which terms and words the corpus holds, and how often."""

    def __init__(self) -> None:
        self._term_df: Counter[str] = Counter()
        self._word_df: Counter[str] = Counter()
        self.documents = 0
        self._words_sorted: list[str] = []
        self._words_by_length: dict[int, list[str]] = {}
        self._terms_sorted: list[str] = []

    @classmethod
    def from_counts(
        cls, documents: int, term_df: dict[str, int], word_df: dict[str, int]
    ) -> Vocabulary:
        """A frozen vocabulary of stored counts (see `counts`): as if each document was added."""
        vocabulary = cls()
        vocabulary.documents = documents
        vocabulary._term_df = Counter(term_df)
        vocabulary._word_df = Counter(word_df)
        vocabulary.freeze()
        return vocabulary

    def counts(self) -> tuple[int, dict[str, int], dict[str, int]]:
        """The documents counted and the document frequency of each term and word."""
        return self.documents, dict(self._term_df), dict(self._word_df)

    def add(self, doc_terms: Iterable[str], doc_words: Iterable[str]) -> None:
        """Count one document's distinct terms and lowercase words."""
        self.documents += 1
        self._term_df.update(set(doc_terms))
        self._word_df.update({w.lower() for w in doc_words if w[:1].isalpha()})

    def freeze(self) -> None:
        """Prepare the lookup tables; call once after the last `add`."""
        self._words_sorted = sorted(self._word_df)
        self._terms_sorted = sorted(self._term_df)
        by_length: dict[int, list[str]] = {}
        for word in self._words_sorted:
            by_length.setdefault(len(word), []).append(word)
        self._words_by_length = by_length

    def has(self, term: str) -> bool:
        """Whether any indexed document contains this term."""
        return term in self._term_df

    def df(self, term: str) -> int:
        """In how many documents the term occurs."""
        return self._term_df.get(term, 0)

    def idf(self, term: str) -> float:
        """BM25's inverse document frequency; a term never seen gets the highest value."""
        n, df = self.documents, self._term_df.get(term, 0)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def correct(self, word: str) -> str | None:
        """The corpus word closest to a misspelt one (one edit, two for longer words), if any.

        Real English words are never "corrected", only words no English list knows. Ties go to
        the more frequent corpus word. Transpositions count as one edit.
        """
        word = word.lower()
        if len(word) < 4 or is_common_word(word):
            return None
        max_edits = 1 if len(word) < 8 else 2
        best: tuple[int, int, str] | None = None
        for length in range(len(word) - max_edits, len(word) + max_edits + 1):
            choices = self._words_by_length.get(length)
            if not choices:
                continue
            for candidate, distance, _ in process.extract(
                word, choices, scorer=OSA.distance, score_cutoff=max_edits, limit=5
            ):
                key = (int(distance), -self._word_df[candidate], candidate)
                if best is None or key < best:
                    best = key
        return best[2] if best else None

    def related_terms(self, term: str) -> list[str]:
        """Terms sharing a long prefix with this one ("decid" → "decis"), for soft matching.

        Snowball leaves derivations apart (decided/decision); a shared prefix of all but the
        last letter of the shorter term, at least four letters, brings them together.
        """
        if len(term) < 5 or not term.isalpha():
            return []
        prefix = term[:4]
        out = []
        start = bisect_left(self._terms_sorted, prefix)
        for other in self._terms_sorted[start : start + 400]:
            if not other.startswith(prefix):
                break
            if other == term or not other.isalpha():
                continue
            need = max(4, min(len(term), len(other)) - 1)
            if _common_prefix(term, other) >= need:
                out.append(other)
        return out

    def complete(self, prefix: str, *, limit: int = 5) -> list[str]:
        """The most frequent corpus words starting with `prefix` (lowercase)."""
        prefix = prefix.lower()
        if not prefix:
            return []
        start = bisect_left(self._words_sorted, prefix)
        found = []
        for word in self._words_sorted[start : start + 2000]:
            if not word.startswith(prefix):
                break
            found.append(word)
        found.sort(key=lambda w: (-self._word_df[w], w))
        return found[:limit]

    def forms_by_term(self) -> dict[str, list[str]]:
        """Each corpus term with the lowercase words that give it, most frequent first."""
        out: dict[str, list[str]] = {}
        for word in sorted(self._word_df, key=lambda w: (-self._word_df[w], w)):
            term = term_of(word)
            if term is not None and term in self._term_df:
                out.setdefault(term, []).append(word)
        return out

    def term_of_word(self, word: str) -> str:
        """The search term of a corpus word (lowercase)."""
        return stem(word.lower())


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
