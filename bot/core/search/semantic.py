"""The semantic signal: word vectors, so a query finds words the text does not use.

"graft" is not in the article, "corruption" is: pretrained word vectors (stored with the index at
build time, see bot/store/vectors.py) put them close together. Search uses them twice, next to
the lexical ranker, never instead of it: a query word's nearest corpus terms become low-weight
alternatives of its concept (recall), and each candidate's similarity to the query is a small
re-ranking bonus (precision). A passage's vector is the idf-weighted mean of its terms' vectors,
computed for the few candidates of a query, so nothing per sentence is stored or loaded.
Pure: numpy only, no file access.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


@dataclass(frozen=True, slots=True)
class WordSpace:
    """Unit vectors for lowercase words, from any source (the corpus, or pretrained vectors)."""

    words: tuple[str, ...]
    vectors: Vectors  # len(words) × dims, rows of unit length
    source: str = ""
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {w: i for i, w in enumerate(self.words)})

    def vector(self, word: str) -> Vectors | None:
        """The unit vector of a lowercase word, or None."""
        row = self._index.get(word)
        return None if row is None else self.vectors[row]

    def to_blob(self) -> bytes:
        """The vectors as float16 bytes, for the store."""
        return self.vectors.astype("<f2").tobytes()

    @classmethod
    def from_blob(
        cls, words: Sequence[str], dims: int, blob: bytes, *, source: str = ""
    ) -> WordSpace:
        """Rebuild a space stored with `to_blob`; raises ValueError when the sizes disagree."""
        if len(blob) != len(words) * dims * 2:
            raise ValueError(f"word vectors: {len(blob)} bytes for {len(words)} words × {dims}")
        vectors = np.frombuffer(blob, dtype="<f2").reshape(len(words), dims)
        return cls(tuple(words), vectors.astype(np.float32), source)


EXPANSION_FLOOR = 0.75  # a neighbour less similar than this is a different word, not another name
EXPANSION_LIMIT = 3
EXPANSION_WEIGHT = 0.5  # a neighbour counts at most half as much as the word itself


class SemanticIndex:
    """The corpus's terms placed in a word space: nearest terms of a word, passage similarity."""

    def __init__(self, space: WordSpace, forms_by_term: dict[str, list[str]]) -> None:
        self.space = space
        terms: list[str] = []
        rows: list[Vectors] = []
        for term, forms in forms_by_term.items():
            vector = _mean_unit(v for f in forms if (v := space.vector(f)) is not None)
            if vector is not None:
                terms.append(term)
                rows.append(vector)
        self._terms = tuple(terms)
        self._row = {t: i for i, t in enumerate(terms)}
        dims = space.vectors.shape[1] if space.vectors.ndim == 2 else 1
        self._matrix = np.vstack(rows) if rows else np.zeros((0, dims), dtype=np.float32)

    @property
    def size(self) -> int:
        """How many corpus terms have a vector."""
        return len(self._terms)

    def word_vector(self, word: str, term: str) -> Vectors | None:
        """A query word's vector: the word's own, else its corpus term's."""
        vector = self.space.vector(word.lower())
        if vector is None and term in self._row:
            vector = self._matrix[self._row[term]]
        return vector

    def expand(
        self, word: str, term: str, *, limit: int = EXPANSION_LIMIT, floor: float = EXPANSION_FLOOR
    ) -> list[tuple[str, float]]:
        """The corpus terms nearest a query word (not its own term), with their similarity."""
        vector = self.word_vector(word, term)
        if vector is None or not self._terms:
            return []
        sims = self._matrix @ vector
        count = min(limit + 1, len(self._terms))
        best = np.argpartition(-sims, count - 1)[:count]
        best = best[np.argsort(-sims[best], kind="stable")]
        return [
            (self._terms[i], float(sims[i]))
            for i in best
            if sims[i] >= floor and self._terms[i] != term
        ][:limit]

    def query_vector(self, pairs: Iterable[tuple[str, str, float]]) -> Vectors | None:
        """The unit vector of a query from (word, term, weight) triples."""
        total = None
        for word, term, weight in pairs:
            vector = self.word_vector(word, term)
            if vector is not None:
                total = vector * weight if total is None else total + vector * weight
        if total is None:
            return None
        norm = float(np.linalg.norm(total))
        return (total / norm).astype(np.float32) if norm > 0 else None

    def similarities(
        self, query: Vectors, documents: Sequence[Sequence[str]], weight_of: dict[str, float]
    ) -> list[float]:
        """Cosine of each document (idf-weighted mean of its terms' vectors) with the query."""
        out = []
        for doc in documents:
            rows = [r for t in doc if (r := self._row.get(t)) is not None]
            if not rows:
                out.append(0.0)
                continue
            weights = np.asarray([weight_of.get(self._terms[r], 1.0) for r in rows], np.float32)
            vector = weights @ self._matrix[np.asarray(rows, dtype=np.intp)]
            norm = float(np.linalg.norm(vector))
            out.append(float(vector @ query) / norm if norm > 0 else 0.0)
        return out


def _mean_unit(vectors: Iterable[Vectors]) -> Vectors | None:
    found = list(vectors)
    if not found:
        return None
    total = np.sum(found, axis=0)
    norm = float(np.linalg.norm(total))
    return (total / norm).astype(np.float32) if norm > 0 else None
