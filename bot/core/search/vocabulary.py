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
from bot.core.search.text import ACRONYM_MARK, STOPWORDS, stem, term_of

LONG_STEM = 6  # letters from which a stem's last letter may change in all the listed ways
MIN_COMPOUND_HEAD = 5  # letters of a compound's last part, for it to stand for the compound
MIN_COMPOUND_MODIFIER = 4  # "photo", not "dis" (discriminate is no kind of crime)


class Vocabulary:
    """Which terms and words the corpus holds, and how often."""

    def __init__(self) -> None:
        self._term_df: Counter[str] = Counter()
        self._word_df: Counter[str] = Counter()
        self.documents = 0
        self._words_sorted: list[str] = []
        self._words_by_length: dict[int, list[str]] = {}
        self._terms_sorted: list[str] = []
        self._reversed_terms: list[str] = []  # each term spelt backwards, sorted (compounds)

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
        self._reversed_terms = sorted(t[::-1] for t in self._term_df if t.isalpha())
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
        """Terms derived from the same word as this one ("decid" → "decis"), for soft matching.

        Snowball leaves derivations apart (decided/decision, private/privacy); two terms are
        taken for one word's derivations when they share all but the last letter of the shorter
        one, at least four letters (see `derived`). A term that is this one with another corpus
        term after it ("state" + "own") is a compound, not a derivation.
        """
        if len(term) < 5 or not term.isalpha():
            return []
        prefix = term[:4]
        out = []
        start = bisect_left(self._terms_sorted, prefix)
        for other in self._terms_sorted[start : start + 400]:
            if not other.startswith(prefix):
                break
            if other != term and other.isalpha() and derived(term, other):
                longer = max(term, other, key=len)
                rest = longer[min(len(term), len(other)) :]
                if not (longer.startswith(min(term, other, key=len)) and self._is_word(rest)):
                    out.append(other)
        return out

    def _is_word(self, text: str) -> bool:
        """Whether a piece of a term is a corpus term or a stopword of its own ("own")."""
        return len(text) >= 3 and (text in self._term_df or text in STOPWORDS)

    def compound_terms(self, term: str) -> list[str]:
        """Corpus terms that are this term with an English word before it, and its own head.

        "lithographi" finds "photolithographi" (a photolithography is a lithography), and
        "photolithographi" finds "lithographi": the head of an English compound is its last
        part. The part before must be a common English word of three letters or more ("photo"),
        so a cut through a word ("graphi" in "lithographi") finds nothing.
        """
        if len(term) < MIN_COMPOUND_HEAD or not term.isalpha():
            return []
        out = []
        backwards = term[::-1]
        start = bisect_left(self._reversed_terms, backwards)
        for other in self._reversed_terms[start : start + 200]:
            if not other.startswith(backwards):
                break
            modifier = other[len(backwards) :][::-1]
            if len(modifier) >= MIN_COMPOUND_MODIFIER and is_common_word(modifier):
                out.append(other[::-1])
        for cut in range(MIN_COMPOUND_MODIFIER, len(term) - MIN_COMPOUND_HEAD + 1):
            head = term[cut:]
            if head in self._term_df and is_common_word(term[:cut]):
                out.append(head)
        return out

    def open_compound(self, word: str) -> tuple[str, str] | None:
        """The two corpus terms of a closed compound the corpus writes open, if any.

        "stablecoin" gives ("stabl", "coin") when the text has "stable coin": both parts are
        common English words of four letters or more and corpus terms.
        """
        word = word.lower()
        for cut in range(MIN_COMPOUND_MODIFIER, len(word) - MIN_COMPOUND_MODIFIER + 1):
            left, right = word[:cut], word[cut:]
            if not (is_common_word(left) and is_common_word(right)):
                continue
            first, second = term_of(left), term_of(right)
            if first and second and first in self._term_df and second in self._term_df:
                return first, second
        return None

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
        """Each corpus term with the lowercase words that give it, most frequent first.

        An acronym that spells a stopword ("US", term "@us") is given its dotted form ("u.s."):
        that is how word vectors spell it, "us" being the pronoun.
        """
        out: dict[str, list[str]] = {}
        for word in sorted(self._word_df, key=lambda w: (-self._word_df[w], w)):
            term = term_of(word)
            if term is None and (ACRONYM_MARK + word) in self._term_df:
                out.setdefault(ACRONYM_MARK + word, []).append(".".join(word) + ".")
            elif term is not None and term in self._term_df:
                out.setdefault(term, []).append(word)
        return out

    def term_of_word(self, word: str) -> str:
        """The search term of a corpus word (lowercase)."""
        return stem(word.lower())


def derived(a: str, b: str) -> bool:
    """Whether two stems read as derivations of one word (general English morphology).

    The shorter must be whole in the longer (at least four letters) with an English
    derivational suffix after it (as Snowball leaves it: economy/economic, neighbor/
    neighborhood, Japan/Japanese, but not Libra/library), or differ only in its
    last letter as English derivation changes it: decide/decision (d → s), private/privacy
    and democrat/democracy (t → c), permit/permission (t → s), analyse/analytic (s → t),
    china/chinese (a → e), describe/description (b → p), resolve/resolution (v → u),
    bigger/biggest (r → s), and s/z spellings. A stem of five letters allows only d → s and
    a → e: count/council and count/counsel are other words, as are "greece"/"green",
    "college"/"collect" and "consume"/"consult".
    """
    shorter, longer = sorted((a, b), key=len)
    common = _common_prefix(shorter, longer)
    if common == len(shorter):
        return common >= 4 and _is_suffix(longer[common:])
    if common < max(4, len(shorter) - 1):
        return False
    changes = _STEM_CHANGES if len(shorter) >= LONG_STEM else _SHORT_STEM_CHANGES
    if (shorter[-1], longer[common]) in changes:
        return True
    # of two stems of one length either may be the derived one (emergent/emergency)
    return len(shorter) == len(longer) and (longer[-1], shorter[common]) in changes


# English derivational suffixes, as they remain after Snowball's stemming (general grammar).
_SUFFIXES = frozenset(
    """
    e i y n an ian ean es ese er or ist ism ment al ial ic iti iv at ant ent ion hood ship
    less ful th eri ari ori ous abl ibl iz ifi it anc enc anci enci ur ure ee ess ette let
    man men
    """.split()
)


def _is_suffix(rest: str) -> bool:
    """Whether the rest of a longer stem is a suffix, after the e its shorter one dropped."""
    return not rest or rest in _SUFFIXES or (rest[0] == "e" and rest[1:] in _SUFFIXES)


_SHORT_STEM_CHANGES = frozenset({("d", "s"), ("a", "e")})
_STEM_CHANGES = frozenset(
    {("d", "s"), ("t", "c"), ("t", "s"), ("s", "t"), ("a", "e"), ("b", "p"), ("v", "u")}
    | {("r", "s"), ("s", "z"), ("z", "s")}
)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n
