"""How text becomes search terms, identically for the index and for queries.

Normalises Unicode and spelling variants, splits words, drops stopwords, stems with Snowball.
Acronyms that spell a stopword ("IS", "US") keep their own term so "IS" the group never matches
"is" the verb. Must stay deterministic and never depend on the corpus.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

ACRONYM_MARK = "@"

# A general English stopword list (function words), plus question words: those steer the
# answer type (see query.py) rather than matching text.
STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren't as at be because been before
    being below between both but by can cannot could did do does doing down during each few for
    from further had has have having he her here hers herself him himself his how i if in into is
    it its itself let me more most my myself no nor not of off on once only or other ought our
    ours ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t d ll m re ve also just shall may might must tell show give find much many us
    """.split()
)

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"'})
_WORD = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 5,000 and 1,234.5
    r"|\d+(?:\.\d+)?(?:s|st|nd|rd|th)?"  # 2018, 3.5, 1980s, 75th
    r"|[^\W\d_]+(?:'[^\W\d_]+)?"  # words, with an apostrophe inside
)
_HYPHENATED = re.compile(r"[^\W_]+(?:-[^\W_]+)+")

# British → American spelling, applied to both sides before stemming (a general rule set).
_SPELLING = (
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|hood|hoods|ite|ites|able)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=\w{3})ence$"), "ense"),
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),
)

# Spelling variants no suffix rule covers (general English, not drawn from any corpus).
_VARIANTS = {"adviser": "advisor", "advisers": "advisors", "judgement": "judgment",
             "programme": "program", "programmes": "programs", "ageing": "aging",
             "grey": "gray", "cheque": "check", "tyre": "tire", "plough": "plow"}

_stemmer = snowballstemmer.stemmer("english")


def normalize(text: str) -> str:
    """Unicode-normalise text: NFKC, straight quotes, no diacritics, no zero-width characters."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if unicodedata.category(c) not in ("Mn", "Cf"))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search term of one lowercase word: spelling-normalised, then Snowball-stemmed."""
    if word[:1].isdigit():
        return word.replace(",", "")
    word = _VARIANTS.get(word, word)
    for pattern, repl in _SPELLING:
        word = pattern.sub(repl, word)
    return str(_stemmer.stemWord(word))


def words(text: str) -> list[str]:
    """The words of a text in order, with their original case, after normalisation."""
    return _WORD.findall(normalize(text))


def term_of(word: str) -> str | None:
    """The search term for one word as written, or None for a stopword.

    An all-capitals word of two or more letters whose lowercase is a stopword ("IS", "US")
    is an acronym and gets a marked term of its own.
    """
    lower = word.lower()
    if lower in STOPWORDS:
        if len(word) >= 2 and word.isupper():
            return ACRONYM_MARK + lower
        return None
    if lower.endswith("'s"):
        lower = lower[:-2]
    return stem(lower)


def terms(text: str) -> list[str]:
    """The search terms of a text in order (stopwords dropped), plus joined hyphenated words.

    "Indo-Pacific" gives "indo", "pacif" and also "indopacif", so either spelling matches.
    """
    out = [t for w in words(text) if (t := term_of(w))]
    for compound in _HYPHENATED.findall(normalize(text)):
        joined = compound.replace("-", "")
        if not joined.isdigit():
            out.append(stem(joined.lower()))
    return out


def fold(text: str) -> str:
    """Lowercase, normalised text with collapsed whitespace, for comparisons."""
    return " ".join(normalize(text).lower().split())
