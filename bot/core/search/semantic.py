"""The semantic signal: word vectors, so a query finds words the text does not use.

"graft" is not in the article, "corruption" is: pretrained word vectors (stored with the index at
build time, see bot/store/vectors.py) put them close together. Search uses them twice, next to
the lexical ranker, never instead of it: a query word's nearest corpus terms become low-weight
alternatives of its concept (recall), and each candidate's similarity to the query is a small
re-ranking bonus (precision). A passage's vector is the idf-weighted mean of its terms' vectors,
computed for the few candidates of a query, so nothing per sentence is stored or loaded.
Pure: numpy (and wordfreq's list of the most frequent words), no file access.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
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

    def row(self, word: str) -> int | None:
        """The row of a lowercase word, or None."""
        return self._index.get(word)

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
STANDOUT_FLOOR = 0.6  # below the floor, a neighbour still counts when it stands out…
STANDOUT_SDS = 3.5  # …this many standard deviations above the word's mean similarity


class SemanticIndex:
    """The corpus's terms placed in a word space: nearest terms of a word, passage similarity."""

    def __init__(
        self,
        space: WordSpace,
        forms_by_term: dict[str, list[str]],
        weight_of: Callable[[str], float] | None = None,
        hubs: Collection[str] | None = None,
    ) -> None:
        """Place each corpus term at its word forms' mean direction.

        `weight_of` gives a term's weight in a passage's vector (its idf); 1 when not given.
        A term whose most frequent form is one of `hubs` (by default the most frequent English
        words) is never another word's neighbour: such words are near almost every word.
        """
        if hubs is None:
            from bot.core.search.english import frequent_words

            hubs = frequent_words()
        self.space = space
        terms: list[str] = []
        term_of_row: list[int] = []
        space_rows: list[int] = []
        hub_rows: list[int] = []
        for term, forms in forms_by_term.items():
            found = [r for f in forms if (r := space.row(f)) is not None]
            if found:
                if forms[0] in hubs:
                    hub_rows.append(len(terms))
                term_of_row.extend([len(terms)] * len(found))
                space_rows.extend(found)
                terms.append(term)
        self._terms = tuple(terms)
        self._hub_rows = np.asarray(hub_rows, dtype=np.intp)
        self._row = {t: i for i, t in enumerate(terms)}
        dims = space.vectors.shape[1] if space.vectors.ndim == 2 else 1
        # Each term's vector: the mean direction of its word forms' vectors, as unit rows.
        matrix = np.zeros((len(terms), dims), dtype=np.float32)
        if terms:
            np.add.at(matrix, np.asarray(term_of_row), space.vectors[np.asarray(space_rows)])
            matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-9)
        self._matrix = matrix
        self._weights = np.asarray(
            [weight_of(t) if weight_of else 1.0 for t in terms], dtype=np.float32
        )

    @property
    def size(self) -> int:
        """How many corpus terms have a vector."""
        return len(self._terms)

    def word_vector(self, word: str, term: str) -> Vectors | None:
        """A query word's vector: the word's own, else its corpus term's.

        A marked term ("@us" for "US", see text.py) is not the word it spells ("us"): it has
        only its term's vector, from its dotted form, or none.
        """
        if term[:1] and not term[:1].isalnum():
            row = self._row.get(term)
            return None if row is None else self._matrix[row]
        vector = self.space.vector(word.lower())
        if vector is None and term in self._row:
            vector = self._matrix[self._row[term]]
        return vector

    def expand(
        self, word: str, term: str, *, limit: int = EXPANSION_LIMIT, floor: float = EXPANSION_FLOOR
    ) -> list[tuple[str, float]]:
        """The corpus terms nearest a query word (not its own term), with their similarity.

        A term at least `floor` similar is taken; so is one down to `STANDOUT_FLOOR` that stands
        out from the word's similarities to all corpus terms by `STANDOUT_SDS` standard
        deviations ("shia" → "shiite" 0.75 where most terms are near 0.14), while a word near
        everything ("fighting": forces, war, troops all about 0.8) keeps only the closest.
        """
        vector = self.word_vector(word, term)
        if vector is None or not self._terms:
            return []
        sims = self._matrix @ vector
        standout = float(sims.mean() + STANDOUT_SDS * sims.std())
        sims[self._hub_rows] = -1.0
        count = min(limit + 1, len(self._terms))
        best = np.argpartition(-sims, count - 1)[:count]
        best = best[np.argsort(-sims[best], kind="stable")]
        low = min(floor, STANDOUT_FLOOR)
        return [
            (self._terms[i], float(sims[i]))
            for i in best
            if self._terms[i] != term
            and (sims[i] >= floor or (sims[i] >= low and sims[i] >= standout))
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

    def similarities(self, query: Vectors, documents: Sequence[Sequence[str]]) -> list[float]:
        """Cosine of each document (idf-weighted sum of its terms' vectors) with the query."""
        rows: list[int] = []
        starts: list[int] = []
        for doc in documents:
            starts.append(len(rows))
            rows.extend(r for t in doc if (r := self._row.get(t)) is not None)
        if not rows:
            return [0.0] * len(documents)
        picked = np.asarray(rows, dtype=np.intp)
        weighted = self._matrix[picked] * self._weights[picked, None]
        sums = np.add.reduceat(weighted, np.minimum(starts, len(rows) - 1), axis=0)
        ends = [*starts[1:], len(rows)]
        norms = np.linalg.norm(sums, axis=1)
        cosines = (sums @ query) / np.maximum(norms, 1e-9)
        return [
            float(c) if end > start else 0.0
            for c, start, end in zip(cosines, starts, ends, strict=True)
        ]
