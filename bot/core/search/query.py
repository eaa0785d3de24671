"""What a query asks: its concepts (each a set of acceptable terms) and the answer type it wants.

A concept is one content word of the query with the terms that may stand for it in the text:
the word's own term, a spelling correction, related derivations, and the acronym or long form
the glossary pairs it with. Question words do not match text; they set the wanted answer type
(how many → a figure, when → a date, who → a person, why → a reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from bot.core.search.text import fold, term_of, terms, words
from bot.core.search.vocabulary import Vocabulary

MAX_QUERY_WORDS = 32
UNKNOWN_WORD_SHARE = 0.5  # how much a word the corpus lacks weighs against confidence


class Want(Enum):
    """The kind of answer a question asks for."""

    ANY = "any"
    FIGURE = "figure"
    DATE = "date"
    PERSON = "person"
    REASON = "reason"


_WANTS = (
    (re.compile(r"\bhow (many|much|large|big|long|far|high|often)\b|\bnumber of\b|\bpercent"),
     Want.FIGURE),
    (re.compile(r"\b(when|since when|what year|which year|what date|since)\b"), Want.DATE),
    (re.compile(r"\bwho\b|\bwhose\b|\bwhom\b"), Want.PERSON),
    (re.compile(r"\bwhy\b|\bfor what reason\b"), Want.REASON),
)


@dataclass(frozen=True, slots=True)
class Concept:
    """One content word of the query and the terms that may stand for it, with weights."""

    word: str
    alternatives: dict[str, float]
    weight: float  # its share of the query's meaning (idf of its main term)
    known: bool  # whether the corpus holds any of its terms


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """A query analysed against one vocabulary."""

    text: str
    concepts: tuple[Concept, ...]
    want: Want = Want.ANY
    extra: dict[str, float] = field(default_factory=dict)  # glossary expansions, soft

    @property
    def empty(self) -> bool:
        """Whether the query has no content word at all."""
        return not self.concepts

    @property
    def known(self) -> bool:
        """Whether at least one of its words occurs in the corpus."""
        return any(c.known for c in self.concepts)

    def total_weight(self) -> float:
        """The weight a passage matching every concept would cover."""
        return sum(c.weight if c.known else c.weight * UNKNOWN_WORD_SHARE for c in self.concepts)


@dataclass(frozen=True, slots=True)
class Glossary:
    """Acronyms and long forms as term sequences, for expanding queries either way."""

    long_of_short: dict[tuple[str, ...], tuple[str, ...]]

    def expansions(self, query_terms: list[str]) -> dict[str, float]:
        """Terms to add for acronyms or long forms found in the query's terms."""
        extra: dict[str, float] = {}
        for short, long in self.long_of_short.items():
            if _contains(query_terms, short):
                for t in long:
                    extra[t] = max(extra.get(t, 0.0), 0.5)
            if _contains(query_terms, long):
                for t in short:
                    extra[t] = max(extra.get(t, 0.0), 0.8)
        return extra


def _contains(seq: list[str], sub: tuple[str, ...]) -> bool:
    n = len(sub)
    return n > 0 and any(tuple(seq[i : i + n]) == sub for i in range(len(seq) - n + 1))


def detect_want(query: str) -> Want:
    """The answer type the question words ask for."""
    lowered = fold(query)
    for pattern, want in _WANTS:
        if pattern.search(lowered):
            return want
    return Want.ANY


def plan_query(query: str, vocabulary: Vocabulary, glossary: Glossary) -> QueryPlan:
    """Analyse a query: its concepts with their alternative terms, and the answer type."""
    concepts: list[Concept] = []
    seen: set[str] = set()
    for word in words(query)[: MAX_QUERY_WORDS * 2]:
        term = term_of(word)
        if term is None or term in seen:
            continue
        seen.add(term)
        concepts.append(_concept(word, term, vocabulary))
        if len(concepts) >= MAX_QUERY_WORDS:
            break
    query_terms = terms(query)
    extra = glossary.expansions(query_terms)
    own = {t for c in concepts for t in c.alternatives}
    extra = {t: w for t, w in extra.items() if t not in own and vocabulary.has(t)}
    if extra:
        # A glossary match makes every concept it covers count as found through the expansion.
        concepts = [
            Concept(c.word, {**c.alternatives, **extra}, c.weight, c.known or bool(extra))
            if _covered_by_glossary(c, glossary)
            else c
            for c in concepts
        ]
    return QueryPlan(text=query, concepts=tuple(concepts), want=detect_want(query), extra=extra)


def _covered_by_glossary(concept: Concept, glossary: Glossary) -> bool:
    return any(
        t in short or t in long
        for short, long in glossary.long_of_short.items()
        for t in concept.alternatives
    )


def _concept(word: str, term: str, vocabulary: Vocabulary) -> Concept:
    alternatives: dict[str, float] = {}
    if vocabulary.has(term):
        alternatives[term] = 1.0
    elif not term[:1].isdigit() and (corrected := vocabulary.correct(word)):
        alternatives[vocabulary.term_of_word(corrected)] = 0.9
    for related in vocabulary.related_terms(next(iter(alternatives), term)):
        alternatives.setdefault(related, 0.6)
    main = next(iter(alternatives), term)
    return Concept(
        word=word,
        alternatives=alternatives,
        weight=vocabulary.idf(main),
        known=bool(alternatives),
    )
