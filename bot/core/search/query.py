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
from itertools import pairwise

from bot.core.ingest.figures import find_figures
from bot.core.search.english import is_common_word
from bot.core.search.semantic import EXPANSION_FLOOR, EXPANSION_WEIGHT, SemanticIndex
from bot.core.search.text import STOPWORDS, fold, term_of, terms, words
from bot.core.search.vocabulary import Vocabulary

MAX_QUERY_WORDS = 32
MAX_QUERY_CHARS = 2_000  # of a longer query only the start is read
# How much a word the corpus lacks weighs against confidence, relative to a rare word: fully
# when it is a real English word (the sources don't speak of it), half when it is no word at
# all (a name or a typo nothing corrects).
ABSENT_WORD_SHARE = 1.0
NON_WORD_SHARE = 0.5
# What a term found for a word counts, against the word's own term: a spelling correction fully
# (the user meant it); a derivation or compound less when the word itself is in the text, more
# when it is the closest the text comes.
CORRECTED_WEIGHT = 1.0
RELATED_WEIGHT = 0.6
STAND_IN_WEIGHT = 0.8
# An answer of the asked-for type (a duration for "how long") counts as half a rare word.
ANSWER_TYPE_SHARE = 0.5


class Want(Enum):
    """The kind of answer a question asks for."""

    ANY = "any"
    QUANTITY = "quantity"
    DURATION = "duration"
    DATE = "date"
    PERSON = "person"
    REASON = "reason"


_WANTS = (
    (re.compile(r"\bhow long\b|\bfor how many (years|months|weeks|days)\b"), Want.DURATION),
    (
        re.compile(r"\bhow (many|much|large|big|far|high|often)\b|\bnumber of\b|\bpercent"),
        Want.QUANTITY,
    ),
    (re.compile(r"\b(when|since when|what year|which year|what date|since)\b"), Want.DATE),
    (re.compile(r"\bwho\b|\bwhose\b|\bwhom\b"), Want.PERSON),
    (
        re.compile(r"\bwhy\b|\b(what|which|main) (reason|cause)s?\b|\bfor what reason\b"),
        Want.REASON,
    ),
)

# Nouns that ask for a measure rather than name content ("advisor rotation length"): they set
# the answer type, and when the corpus lacks them they do not count as missing content.
_MEASURE_WORDS = {
    "length": Want.DURATION,
    "duration": Want.DURATION,
    "period": Want.DURATION,
    "number": Want.QUANTITY,
    "count": Want.QUANTITY,
    "size": Want.QUANTITY,
    "total": Want.QUANTITY,
    "amount": Want.QUANTITY,
    "strength": Want.QUANTITY,
    "population": Want.QUANTITY,
    "percentage": Want.QUANTITY,
    "share": Want.QUANTITY,
    "rate": Want.QUANTITY,
    "price": Want.QUANTITY,
    "cost": Want.QUANTITY,
    "value": Want.QUANTITY,
    "height": Want.QUANTITY,
    "depth": Want.QUANTITY,
    "width": Want.QUANTITY,
    "weight": Want.QUANTITY,
    "distance": Want.QUANTITY,
    "speed": Want.QUANTITY,
    "date": Want.DATE,
    "year": Want.DATE,
}

# Nouns that ask for a picture, chart or table: the caption is the answer ("chart of well depth",
# "photo of the flood"). When the corpus lacks the word it is no missing content either.
DEPICTION_WORDS = frozenset(
    """chart charts graph graphs map maps photo photos photograph photographs picture pictures
    image images figure figures diagram diagrams table tables illustration illustrations
    infographic infographics caption captions""".split()
)

# "how long", "how large"…: the adjective belongs to the question, not to the content.
_QUESTION_ADJECTIVE = re.compile(r"\b(how)\s+(long|large|big|far|high|often|old)\b", re.I)

Terms = tuple[str, ...]
FIGURE_WANTS = frozenset({Want.QUANTITY, Want.DURATION, Want.DATE})


@dataclass(frozen=True, slots=True)
class Concept:
    """One content word of the query and what may stand for it in a passage, with weights.

    Each alternative is a tuple of terms that must all be present: one term for the word
    itself, its derivations or its spelling correction; several for a glossary expansion
    ("nmi" → "nato", "mission", "iraq").
    """

    word: str
    alternatives: dict[Terms, float]
    weight: float  # its share of the query's meaning (idf of its main term)
    known: bool  # whether the corpus holds any of its terms
    absent_share: float = ABSENT_WORD_SHARE  # how much its absence counts, when not known
    main: str = ""  # the term that stands for the word (its own, or what replaced it)


@dataclass(frozen=True, slots=True)
class QueryPlan:
    """A query analysed against one vocabulary."""

    text: str
    concepts: tuple[Concept, ...]
    want: Want = Want.ANY
    answer_type_weight: float = 0.0  # what finding the wanted kind of figure is worth
    depiction: bool = False  # whether it asks for a chart, map, photo…: a caption answers
    # the figures the query itself states ("the £2 fare cap"), as (kind, value): naming the
    # thing asked about, they are no answer to it
    stated: frozenset[tuple[str, float]] = frozenset()
    # what a quantity question measures: the terms of the noun it counts ("how many homes" →
    # home), or money ("what did the release cost"); a figure of that answers it best
    counted: frozenset[str] = frozenset()
    priced: bool = False
    changed: bool = False  # it asks how much a sum changed: a share answers it too
    years: frozenset[int] = frozenset()  # the years it names ("in 2023"): when it asks about

    @property
    def empty(self) -> bool:
        """Whether the query has no content word at all."""
        return not self.concepts

    @property
    def known(self) -> bool:
        """Whether at least one of its words occurs in the corpus."""
        return any(c.known for c in self.concepts)

    def total_weight(self) -> float:
        """The weight a passage matching every concept (and the answer type) would cover."""
        words = sum(c.weight if c.known else c.weight * c.absent_share for c in self.concepts)
        return words + self.answer_type_weight


@dataclass(frozen=True, slots=True)
class Glossary:
    """Acronyms and their long forms as term sequences, for expanding queries either way."""

    long_of_short: dict[Terms, Terms]
    # Each form with the other, under its first term: a query looks up only its own terms.
    _by_first: dict[str, list[tuple[Terms, Terms]]] = field(
        init=False, repr=False, compare=False, default_factory=dict
    )

    def __post_init__(self) -> None:
        for short, long in self.long_of_short.items():
            for found, other in ((short, long), (long, short)):
                if found:
                    self._by_first.setdefault(found[0], []).append((found, other))

    def expansions(self, query_terms: list[str]) -> dict[str, dict[Terms, float]]:
        """For each query term inside an acronym or long form: the other form, as a phrase."""
        out: dict[str, dict[Terms, float]] = {}
        for first in dict.fromkeys(query_terms):
            for found, other in self._by_first.get(first, ()):
                if _contains(query_terms, found):
                    for term in found:
                        out.setdefault(term, {})[other] = 0.8
        return out


def _contains(seq: list[str], sub: Terms) -> bool:
    n = len(sub)
    return n > 0 and any(tuple(seq[i : i + n]) == sub for i in range(len(seq) - n + 1))


_RELATIVE = re.compile(r"\b([\w'-]+) (?:who|whom|whose|which|when|where)\b")


def _drop_relative_pronouns(text: str) -> str:
    """Remove a wh-word that opens a relative clause: it follows a noun, and asks nothing.

    "families whose wells ran dry", "people who gave up their car", "the year when it began";
    but "so who pays", "tell me when it began" still ask (a function word goes before).
    """

    def keep(match: re.Match[str]) -> str:
        before = match.group(1)
        return match.group(0) if before in STOPWORDS or before.isdigit() else before

    return _RELATIVE.sub(keep, text)


def detect_want(query: str) -> Want:
    """The answer type the question words (or a measure noun) ask for."""
    lowered = _drop_relative_pronouns(fold(query))
    for pattern, want in _WANTS:
        if pattern.search(lowered):
            return want
    for word in lowered.split():
        if word in _MEASURE_WORDS:
            return _MEASURE_WORDS[word]
    return Want.ANY


# "how many homes", "the number of older schemes": the words of the noun counted
_COUNTED = re.compile(r"\b(?:how many|number of|count of)\s+([a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)")
# what is paid or raised: a sum of money answers the question
_PRICED = re.compile(
    r"\b(?:costs?|costing|costed|price[sd]?|spend|spends|spent|spending|pay|pays|paid|payments?|"
    r"funds?|funding|funded|budgets?|worth|fees?|fines?|money|grants?|salar(?:y|ies)|wages?|"
    r"bills?|subsid(?:y|ies)|invest(?:ed|ment|s)?|revenues?|raised?)\b"
)
# how much a sum changed may be a share of it: "how much have councils cut budgets" — 29 per cent
_CHANGED = re.compile(
    r"\b(?:cut|cuts|rise|rises|rose|risen|fall|falls|fell|fallen|increase[sd]?|decrease[sd]?|"
    r"drop|drops|dropped|grow|grew|grown|growth|reduc\w*|chang(?:e|ed|es))\b"
)
_CURRENCY_WORDS = frozenset(
    "pound dollar euro yen franc rupee kroner krona money cent penny pence".split()
)


def measured(query: str) -> tuple[frozenset[str], bool]:
    """What a quantity question measures: (the counted noun's terms, whether it asks money).

    "how many homes did the fund insulate" counts homes (its "fund" names who did it); "how
    much did the release cost" asks a sum; "how many pounds" asks money too.
    """
    lowered = fold(query)
    count = _COUNTED.search(lowered)
    if count is not None:
        counted = frozenset(t for w in count.group(1).split() if (t := term_of(w)) is not None)
        counted -= {term_of(w) for w in STOPWORDS}
        return counted, bool(counted & _CURRENCY_WORDS)
    return frozenset(), _PRICED.search(lowered) is not None


def plan_query(
    query: str,
    vocabulary: Vocabulary,
    glossary: Glossary,
    semantic: SemanticIndex | None = None,
    *,
    floor: float = EXPANSION_FLOOR,
) -> QueryPlan:
    """Analyse a query: its concepts with their alternative terms, and the answer type.

    With a semantic index, each word also accepts its nearest corpus terms (at least `floor`
    similar), at a lower weight.
    """
    query = query[:MAX_QUERY_CHARS]
    expansions = glossary.expansions(terms(query))
    content = _QUESTION_ADJECTIVE.sub(r"\1", query)
    query_words = words(content)[: MAX_QUERY_WORDS * 2]
    for part, joined in _closed_compounds(query_words, vocabulary).items():
        expansions.setdefault(part, {}).setdefault(joined, 1.0)
    concepts: list[Concept] = []
    seen: set[str] = set()
    for word in query_words:
        term = term_of(word)
        if term is None or term in seen:
            continue
        seen.add(term)
        # A measure noun ("length") sets the answer type: it gets no semantic neighbours.
        asks = word.lower() in _MEASURE_WORDS or word.lower() in DEPICTION_WORDS
        near = None if asks else semantic
        concept = _concept(word, term, vocabulary, expansions.get(term, {}), near, floor)
        if not concept.known and asks:
            continue
        concepts.append(concept)
        if len(concepts) >= MAX_QUERY_WORDS:
            break
    want = detect_want(query)
    answer_type_weight = ANSWER_TYPE_SHARE * vocabulary.idf("") if want in FIGURE_WANTS else 0.0
    depiction = any(w.lower() in DEPICTION_WORDS for w in query_words)
    figures = find_figures(query)
    stated = frozenset((f.kind, f.value) for f in figures) if want in FIGURE_WANTS else frozenset()
    counted, priced = measured(query) if want is Want.QUANTITY else (frozenset(), False)
    changed = priced and _CHANGED.search(fold(query)) is not None
    years = frozenset(int(f.value) for f in figures if f.kind == "year" and f.unit != "decade")
    return QueryPlan(
        query,
        tuple(concepts),
        want,
        answer_type_weight,
        depiction,
        stated,
        counted,
        priced,
        changed,
        years,
    )


def _closed_compounds(query_words: list[str], vocabulary: Vocabulary) -> dict[str, Terms]:
    """Two query words the text writes as one ("stable coin" → "stablecoin"), for each part.

    The joined term stands for each of the two words fully: the text says both.
    """
    out: dict[str, Terms] = {}
    for left, right in pairwise(query_words):
        first, second = term_of(left), term_of(right)
        if not first or not second or not left.isalpha() or not right.isalpha():
            continue
        joined = term_of(left + right)
        if joined and joined not in (first, second) and vocabulary.has(joined):
            out.setdefault(first, (joined,))
            out.setdefault(second, (joined,))
    return out


def _concept(
    word: str,
    term: str,
    vocabulary: Vocabulary,
    expansions: dict[Terms, float],
    semantic: SemanticIndex | None = None,
    floor: float = EXPANSION_FLOOR,
) -> Concept:
    alternatives: dict[Terms, float] = {}
    if vocabulary.has(term):
        alternatives[(term,)] = 1.0
        main = term
    else:
        main = term
    # A word the corpus lacks and no English list knows is a typo first ("emergancy"): its
    # correction stands for it fully, as if typed right.
    if not alternatives and not term[:1].isdigit() and not is_common_word(word.lower()):
        corrected = vocabulary.correct(word)
        if corrected:
            main = vocabulary.term_of_word(corrected)
            alternatives[(main,)] = CORRECTED_WEIGHT
    # A closed compound the text writes open ("stablecoin" → "stable coin"): both its words.
    # Not a capitalised word: a name the sources lack ("Greenspan") is not green + span.
    if not alternatives and word.isalpha() and word.islower():
        split = vocabulary.open_compound(word)
        if split:
            alternatives[split] = 1.0
    # Derivations the stemmer leaves apart (decided/decision) and compounds with the word as
    # their head (lithography → photolithography).
    own = (main,) in alternatives
    for other in [*vocabulary.related_terms(main), *vocabulary.compound_terms(main)]:
        alternatives.setdefault((other,), RELATED_WEIGHT if own else STAND_IN_WEIGHT)
    for phrase, weight in expansions.items():
        if all(vocabulary.has(t) for t in phrase):
            alternatives.setdefault(phrase, weight)
    # Only near words (no literal term, correction or expansion): the word keeps the weight
    # of a word the sources lack, so a near word covers only part of it and a wrong neighbour
    # cannot make a passage look like a confident answer.
    only_near = not alternatives
    if semantic is not None and not word[:1].isdigit():
        for other, similarity in semantic.expand(word, main, floor=floor):
            alternatives.setdefault((other,), round(EXPANSION_WEIGHT * similarity, 3))
    weight = vocabulary.idf(main)
    if not vocabulary.has(main) and alternatives:
        main = max(alternatives, key=lambda alt: alternatives[alt])[0]
        weight = weight if only_near else vocabulary.idf(main)
    absent_share = ABSENT_WORD_SHARE
    if not alternatives and not is_common_word(word.lower()):
        absent_share = NON_WORD_SHARE
    return Concept(
        word=word,
        alternatives=alternatives,
        weight=weight,
        known=bool(alternatives),
        absent_share=absent_share,
        main=main,
    )
