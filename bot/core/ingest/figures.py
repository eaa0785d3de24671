"""Figures: numbers in sentences with what they count, their qualifier and their value.

Kinds: count ("around 600 soldiers"), amount (money), percent, fraction ("about one third of
Iraqi territory", "27 of 179"), ordinal ("75th year", "third-most populous"), duration
("six months"), year ("since 2018", "the 1980s") and date ("7 October 2023", "July 2018").
`text` is the exact span, qualifier included ("more than 150 attacks"); `unit` is the counted
noun phrase as written ("Iraqi officers"); years have value = the year and unit "" ("decade"
for "1980s"); dates have value YYYYMMDD with 00 for a missing month or day (20231007,
20180700). Numbers with no counted noun (page numbers, labels such as "Paper 13") are not
figures. Pure functions over one text; this module never looks at other sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bot.core.model import FigureKind

_UNITS_SMALL = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
_SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "hundredth": 100,
    "thousandth": 1000,
}
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_STOP = frozenset(
    """the a an of in on at to and or but for from by with as is are was were be been being
    has have had that which who whom whose this these those it its their his her our than then
    per cent percent more less most least some any all each other such not no nor so yet also
    only just still about around over under after before since until between during against
    into onto within without among across through there here when where while if them us you
    they we he she him me""".split()
)
_LABELS = frozenset(
    """p pp n nn no nos nr vol vols art para paper brief resolution article chapter section
    page pages number fig figure table annex item point title""".split()
)
_YEAR_PREPOSITIONS = frozenset(
    "in since from until till to by before after of between and during around circa c ca "
    "early late mid year years".split()
)


def _trie(words: Iterable[str], *, capital: bool = True) -> str:
    """A case-sensitive regex alternation of words, nested by letters so failures are cheap.

    With `capital`, each word may also start with a capital letter ("Three", "About").
    Case-insensitive matching is avoided on purpose: it makes Python's regex scan several
    times slower, and ingest must stay near 20 ms per article.
    """
    tree: dict[str, Any] = {}
    for word in words:
        variants = {word, word[:1].upper() + word[1:]} if capital else {word}
        for variant in variants:
            node = tree
            for char in variant:
                node = node.setdefault(char, {})
            node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + emit(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return group
        return f"{group}?" if len(branches) == 1 and len(group) == 1 else f"(?:{group})?"

    return "(?:" + emit(tree) + ")"


_QUAL = _trie(
    [
        "more than",
        "less than",
        "fewer than",
        "up to",
        "at least",
        "at most",
        "as many as",
        "close to",
        "well over",
        "just over",
        "just under",
        "an estimated",
        "approximately",
        "approx.",
        "roughly",
        "nearly",
        "almost",
        "around",
        "about",
        "some",
        "over",
        "under",
        "estimated",
        "circa",
        "ca.",
        "only",
        "just",
    ]
)
_PHASE = _trie(["early", "mid", "late"])
_WORDNUM = _trie(w for w in _UNITS_SMALL if w != "one")
_WORDNUM_ALL = _trie(_UNITS_SMALL)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = r"(?:\s+(?:hundred|thousand|million|billion|trillion)|\s?bn)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORDNUM_ALL}(?:[- ]{_WORDNUM})?){_SCALE}"
_NUMBER_NO_ONE = (
    rf"(?:{_DIGITS}|{_WORDNUM}(?:[- ]{_WORDNUM})?|"
    rf"[Oo]ne(?=\s+(?:hundred|thousand|million|billion)\b)){_SCALE}"
)
_MONTH_NAMES = {
    **_MONTHS,
    **{name[:3]: number for name, number in _MONTHS.items() if name != "may"},
    "sept": 9,
}
_MONTH = _trie([m.capitalize() for m in _MONTH_NAMES], capital=False) + r"\.?"
_UNIT = r"(?:(?:[A-Z][\w'’-]*(?:\.[A-Z]\.?)*\s+){0,2}[a-z][a-z-]*[a-z](?:\s+[a-z][a-z-]*[a-z])?)"
_ADJECTIVE_END = re.compile(
    r"(?:al|ic|ive|ous|ant|ent|ary|ful|less|able|ible|ish|ese|ian|ern|"
    r"ed|ing|ar)$"
)
_NOT_NOUN_END = re.compile(r"(?:ed|ing|ly)$")
_LEFT = r"(?<![\w./,-])"
_RIGHT = r"(?![\w])"
_DURATION_UNITS = _trie(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    ],
    capital=False,
)

_DATE_DMY = re.compile(rf"{_LEFT}(?:({_PHASE})-?\s?)?(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}}){_RIGHT}")
_DATE_MY = re.compile(rf"(?<![\w])(?:({_PHASE})-)?({_MONTH})\s+(\d{{4}}){_RIGHT}")
_DATE_MDY = re.compile(rf"(?<![\w])({_MONTH})\s+(\d{{1,2}}),\s+(\d{{4}}){_RIGHT}")
_SEASONS = _trie(["spring", "summer", "autumn", "fall", "winter"])
_SEASON = re.compile(rf"(?<![\w])(?:({_PHASE})-?\s?)?({_SEASONS})\s+of\s+(\d{{4}}){_RIGHT}")
_DECADE = re.compile(rf"(?<![\w.])(?:({_PHASE})[- ])?(1\d{{2}}0|20\d0)s{_RIGHT}")
_PERCENT = re.compile(rf"{_LEFT}({_NUMBER})\s?(?:%|per\s?cent|percent){_RIGHT}")
_AMOUNT_PRE = re.compile(rf"(?<![\w])(US\$|\$|€|£|USD|EUR|GBP)\s?({_NUMBER}){_RIGHT}")
_AMOUNT_POST = re.compile(
    rf"{_LEFT}({_NUMBER})\s+(euros?|dollars?|US dollars|"
    rf"pounds sterling|pounds){_RIGHT}"
)
_NUMERATOR = _trie(["one", "a", "two", "three", "four", "nine"])
_DENOMINATOR = _trie(_FRACTIONS)
_RANK = _trie(["at", "rank", "ranks", "ranked", "place", "position"])
_FRACTION = re.compile(
    rf"(?<![\w])(?:({_NUMERATOR})[- ])?({_DENOMINATOR})"
    rf"(?:\s+of\s+(?:the\s+|its\s+|their\s+)?({_UNIT}))?{_RIGHT}"
)
# after "a third" with no "of X": the end, punctuation or a function word ("by a fifth.",
# "by about a third in the first year"), not a noun ("a third theatre", "a third-party");
# before it, "by" or a qualifier (never "once a quarter")
_FRACTION_ALONE = re.compile(
    r"\s*(?:$|[^\w\s-]|(?:in|on|since|from|than|over|to|and|or|but|"
    r"at|by|for|during|after|before|last|this|each|every)\b)"
)
_FRACTION_AFTER = frozenset(
    "by than about nearly almost roughly around some over under just "
    "only approximately least".split()
)
_RATIO = re.compile(rf"{_LEFT}(?:({_RANK})\s+)?(\d+)\s+(of|in|out\s+of)\s+(\d+){_RIGHT}(?![.,]\d)")
_ORDINAL_NUM = re.compile(
    rf"{_LEFT}(\d+)(st|nd|rd|th)(?:[- ](most|largest|biggest|"
    rf"smallest|highest|lowest)(\s+[a-z]+)?|\s+({_UNIT}))?{_RIGHT}"
)
_ORDINAL_WORD = re.compile(
    r"(?<![\w-])(" + _trie(_ORDINALS) + r")(?:-(most|largest|biggest|smallest|highest|"
    r"lowest|strongest|best|worst)(\s+[a-z]+)?|\s+(" + _UNIT + r"))" + _RIGHT
)
# a rate: "about 130 each day", "5 a week" (the number counts something per period)
_RATE = re.compile(
    rf"{_LEFT}({_NUMBER})\s+((?:each|per|every|a)\s+(?:second|minute|hour|day|"
    rf"night|week|month|quarter|year)){_RIGHT}"
)
# a number after a comparative qualifier is a figure even with no counted noun ("it's less
# than 100"); years are left to the year rule
_COMPARATIVE = _trie(
    [
        "more than",
        "less than",
        "fewer than",
        "at least",
        "at most",
        "up to",
        "as many as",
        "as few as",
        "nearly",
        "almost",
        "roughly",
        "about",
        "around",
        "approximately",
        "well over",
        "just over",
        "just under",
    ]
)
_QUALIFIED = re.compile(rf"(?<![\w])(?:{_COMPARATIVE})\s+({_DIGITS}){_RIGHT}(?![.,]\d|[-–]\d|\s?%)")
_DURATION = re.compile(rf"{_LEFT}({_NUMBER})[- ]({_DURATION_UNITS}){_RIGHT}")
_YEAR = re.compile(r"(?<![\w./,-])(1[0-9]{3}|20[0-9]{2})(?![\w]|,\d)")
_COUNT = re.compile(
    rf"{_LEFT}({_NUMBER_NO_ONE})\s+(?:of\s+(?:the|these|those|its|their)\s+)?({_UNIT}){_RIGHT}"
)
_BARE = re.compile(
    rf"{_LEFT}({_DIGITS}\s+(?:thousand|million|billion|trillion)|"
    rf"\d{{1,3}}(?:,\d{{3}})+){_RIGHT}(?![.,]\d|[-–]\d)"
)
# words before a number that make it an identifier (a legal or statute citation), not a figure
_IDENTIFIER_BEFORE = frozenset("reg stat supp sec u.s.c c.f.r no nos id docket".split())
_SECTION_SIGN = re.compile(r"[§¶#]\s*$")
_DIGIT = re.compile(r"\d")
_NUMBER_WORDS = frozenset([*_UNITS_SMALL, *_ORDINALS, *_FRACTIONS])
_LOWER_WORDS = re.compile(r"[a-z]+")
# "up to a $500,000 fine": an article only after a qualifier of quantity (not "over a 30-day")
_QUAL_BEFORE = re.compile(rf"(?<![\w])(?:({_QUAL})|({_COMPARATIVE})\s+an?)\s+$")
_YEAR_GATE = re.compile(r"\d{4}")
_YEAR_BEFORE_AND = re.compile(r"(?<![\w,.])(?:1\d{3}|20\d{2})\s+and\s+$")
_QUAL_WINDOW = 24


@dataclass(frozen=True, slots=True)
class Found:
    """One figure found in a text, before it is tied to a sentence id."""

    text: str
    value: float
    unit: str
    qualifier: str | None
    kind: FigureKind
    start: int
    end: int


def iso_date(figure: Found) -> str:
    """A date figure in ISO form: its value 20240303 → "2024-03-03", 20240300 → "2024-03"."""
    stamp = int(figure.value)
    year, month, day = stamp // 10000, stamp // 100 % 100, stamp % 100
    return (
        f"{year:04d}"
        + (f"-{month:02d}" if month else "")
        + (f"-{day:02d}" if month and day else "")
    )


def _scan(pattern: re.Pattern[str], text: str, wanted: bool) -> Iterator[re.Match[str]]:
    """Run a pattern only when a cheap test says it can match."""
    return pattern.finditer(text) if wanted else iter(())


def number_value(text: str) -> float | None:
    """Value of "5,000", "1.5 billion", "forty", "twenty-five", "40 million"."""
    words = text.lower().replace("-", " ").split()
    if not words:
        return None
    total = 0.0
    current = 0.0
    for word in words:
        if re.fullmatch(r"[\d,]+(?:\.\d+)?", word):
            current += float(word.replace(",", ""))
        elif word.endswith("bn") and re.fullmatch(r"[\d,.]+bn", word):
            current += float(word[:-2].replace(",", "")) * 1e9
        elif word in _UNITS_SMALL:
            current += _UNITS_SMALL[word]
        elif word in _SCALES:
            current = (current or 1) * _SCALES[word]
            if _SCALES[word] >= 1e3:
                total += current
                current = 0
        else:
            return None
    return total + current


def _trim_unit(unit: str) -> str:
    """Keep a second lower-case word only when it can finish the noun phrase.

    "village committees" and "strategic challenges" keep both words; a plural first word is
    already the counted noun ("soldiers stationed", "partners including"), and a function
    word, participle, adverb or number never ends the phrase.
    """
    words = unit.split()
    lower = [w for w in words if w[:1].islower()]
    if len(lower) != 2:
        return unit
    first, second = lower
    plural = first.endswith("s") and not first.endswith(("ss", "us", "is"))
    if (
        (plural and not _ADJECTIVE_END.search(first))
        or second in _STOP
        or first in _STOP
        or _NOT_NOUN_END.search(second)
        or second in _NUMBER_WORDS
    ):
        return unit[: unit.rindex(second)].rstrip()
    return unit


def _plural(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _STOP
    )


_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]*[a-z])(?![\w'’-])")


def _head_noun(unit: str, text: str, end: int) -> tuple[str, int] | None:
    """The plural noun that a run of modifiers leads to ("offshore wind" → "auctions").

    Only when no lower-case word of `unit` is itself plural and one of the next two words is;
    returns that noun and where it ends.
    """
    lower = [w for w in unit.split() if w[:1].islower()]
    if not lower or any(_plural(w) for w in lower) or len(lower) < 2:
        return None
    at = end
    for _ in range(2):
        nxt = _NEXT_WORD.match(text, at)
        if not nxt or nxt.group(1) in _STOP or _NOT_NOUN_END.search(nxt.group(1)):
            return None
        if _plural(nxt.group(1)):
            return nxt.group(1), nxt.end(1)
        at = nxt.end(1)
    return None


def _unit_ok(unit: str) -> bool:
    last = unit.split()[-1].lower() if unit.split() else ""
    return bool(last) and last not in _STOP and last not in _MONTHS and not last.isdigit()


def _month(name: str) -> int:
    """Month number of "October", "Oct" or "Oct."; 0 for a season name."""
    return _MONTH_NAMES.get(name.lower().rstrip("."), 0)


def _previous_word(text: str, start: int) -> str:
    """The word before offset `start` (skipping spaces and punctuation), lower-cased."""
    end = start
    while end > 0 and not (text[end - 1].isalnum() or text[end - 1] == "_"):
        end -= 1
    begin = end
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "_."):
        begin -= 1
    return text[begin:end].strip(".").lower()


def _label_before(text: str, start: int) -> bool:
    return _previous_word(text, start) in _LABELS


def _named_before(text: str, start: int) -> bool:
    """Whether a number in digits follows a capitalised word inside a sentence.

    Such a number is part of a name ("a Route 9 bus", "Boeing 737 aircraft", "Terminal 5
    passengers"), not a count of what follows. A capitalised word opening a sentence ("About 600
    soldiers") or a month ("May 12 talks") does not make a name.
    """
    if start < 2 or text[start - 1] != " " or not text[start].isdigit():
        return False
    begin = end = start - 1
    while begin > 0 and (text[begin - 1].isalnum() or text[begin - 1] in "-'"):
        begin -= 1
    word = text[begin:end]
    if not word or not word[0].isupper() or _month(word) or word.lower() in _MONTH_NAMES:
        return False
    before = text[:begin].rstrip()
    return bool(before) and before[-1] not in ".!?:;\"“”'‘’([{—–-•"


def _qual(value: str | None) -> str | None:
    return value.lower() if value else None


def find_figures(text: str, *, dates: bool = True) -> list[Found]:
    """Every figure in a text, ordered by position; `dates=False` skips years and dates."""
    found: list[Found] = []
    has_digit = _DIGIT.search(text) is not None
    has_words = not _NUMBER_WORDS.isdisjoint(_LOWER_WORDS.findall(text.lower()))
    if not has_digit and not has_words:
        return found
    has_year = has_digit and _YEAR_GATE.search(text) is not None

    used = bytearray(len(text) + 1)  # characters already inside a figure: linear, not pairwise

    def free(a: int, b: int) -> bool:
        return not any(used[a:b])

    def take(a: int, b: int) -> None:
        used[a:b] = b"\x01" * (b - a)

    def add(fig: Found) -> None:
        if free(fig.start, fig.end):
            take(fig.start, fig.end)
            found.append(fig)

    def span(m: re.Match[str]) -> tuple[str, int, int]:
        return m.group(0), m.start(), m.end()

    def add_q(start: int, end: int, value: float, unit: str, kind: FigureKind) -> None:
        """Add a figure, widening it to the qualifier just before it ("about 5,000 ...")."""
        window = text[max(0, start - _QUAL_WINDOW) : start]
        qual = _QUAL_BEFORE.search(window)
        if qual:
            start -= len(window) - qual.start()
        word = (qual.group(1) or qual.group(2)) if qual else None
        add(Found(text[start:end], value, unit, _qual(word), kind, start, end))

    for m in _scan(_DATE_DMY, text, has_year):
        s, a, b = span(m)
        stamp = int(m.group(4)) * 10000 + _month(m.group(3)) * 100 + int(m.group(2))
        if dates:
            add(Found(s, float(stamp), "", _qual(m.group(1)), "date", a, b))
        else:
            take(a, b)
    for pattern in (_DATE_MY, _SEASON):
        for m in _scan(pattern, text, has_year):
            s, a, b = span(m)
            month = _month(m.group(2))
            stamp = int(m.group(3)) * 10000 + month * 100
            if dates:
                add(Found(s, float(stamp), "", _qual(m.group(1)), "date", a, b))
            else:
                take(a, b)
    for m in _scan(_DATE_MDY, text, has_year):
        s, a, b = span(m)
        stamp = int(m.group(3)) * 10000 + _month(m.group(1)) * 100 + int(m.group(2))
        if dates:
            add(Found(s, float(stamp), "", None, "date", a, b))
        else:
            take(a, b)
    for m in _scan(_DECADE, text, has_year):
        s, a, b = span(m)
        if dates:
            add(Found(s, float(m.group(2)), "decade", _qual(m.group(1)), "year", a, b))
        else:
            take(a, b)
    for m in _scan(_PERCENT, text, True):
        value = number_value(m.group(1))
        if value is not None:
            add_q(m.start(), m.end(), value, "%", "percent")
    for m in _scan(_AMOUNT_PRE, text, True):
        value = number_value(m.group(2))
        if value is not None:
            add_q(m.start(), m.end(), value, m.group(1).upper(), "amount")
    for m in _scan(_AMOUNT_POST, text, True):
        value = number_value(m.group(1))
        if value is not None:
            add_q(m.start(), m.end(), value, m.group(2).lower(), "amount")
    for m in _scan(_FRACTION, text, has_words):
        head = (m.group(1) or "").lower()
        if not head and not (m.group(2).lower() == "half" and m.group(3)):
            continue  # a bare "third" is an ordinal; only "half of X" needs no numerator
        if (
            head == "a"
            and not m.group(3)
            and not (
                _FRACTION_ALONE.match(text, m.end())
                and _previous_word(text, m.start()) in _FRACTION_AFTER
            )
        ):
            continue  # "a third theatre" is an ordinal; "a third of X", "by a fifth." fractions
        numerator = 1 if head in ("", "one", "a") else (number_value(head) or 1)
        value = numerator / _FRACTIONS[m.group(2).lower()]
        unit = _trim_unit(m.group(3)) if m.group(3) else ""
        if unit and not _unit_ok(unit):
            unit = ""
        end = m.start(3) + len(unit) if unit else m.end(2)
        add_q(m.start(), end, value, unit, "fraction")
    for m in _scan(_RATIO, text, has_digit):
        if _label_before(text, m.start()):
            continue
        a = m.start(2) if m.group(1) else m.start()
        n, of = int(m.group(2)), int(m.group(4))
        if m.group(3) != "of" and (
            m.group(1) or not 2 <= of <= 1000 or _YEAR.fullmatch(m.group(4))
        ):
            continue  # "9 in 10", "1 out of 5"; never "3 in 2020"
        if m.group(1):
            add(Found(text[a : m.end()], float(n), f"of {of}", None, "ordinal", a, m.end()))
        elif of and n <= of:
            add_q(m.start(), m.end(), n / of, "", "fraction")
    for m in _scan(_ORDINAL_NUM, text, has_digit):
        if m.group(3):
            unit = " ".join(f"{m.group(3)}{m.group(4) or ''}".split())
            add(Found(m.group(0), float(m.group(1)), unit, None, "ordinal", m.start(), m.end()))
            continue
        unit = _trim_unit(m.group(5) or "")
        if not _unit_ok(unit):
            continue
        end = m.start(5) + len(unit)
        add(Found(text[m.start() : end], float(m.group(1)), unit, None, "ordinal", m.start(), end))
    for m in _scan(_ORDINAL_WORD, text, has_words):
        word = m.group(1).lower()
        if m.group(2):
            end = m.end(3) if m.group(3) else m.end(2)
            unit = " ".join(f"{m.group(2)}{m.group(3) or ''}".lower().split())
            add(
                Found(
                    text[m.start() : end],
                    float(_ORDINALS[word]),
                    unit,
                    None,
                    "ordinal",
                    m.start(),
                    end,
                )
            )
            continue
        unit = _trim_unit(m.group(4) or "")
        if not unit or not _unit_ok(unit):
            continue
        end = m.start(4) + len(unit)
        add(
            Found(
                text[m.start() : end], float(_ORDINALS[word]), unit, None, "ordinal", m.start(), end
            )
        )
    for m in _scan(_DURATION, text, True):
        value = number_value(m.group(1))
        if value is None or (m.group(1).isdigit() and int(m.group(1)) >= 1000):
            continue
        add_q(m.start(), m.end(), value, m.group(2).lower(), "duration")
    for m in _scan(_YEAR, text, has_year):
        after = text[m.end() :]
        plural = re.match(r"\s+(?:[A-Z][\w-]*\s+)?([a-z]+s)\b", after)
        prev_word = _previous_word(text, m.start())
        if _label_before(text, m.start()):
            continue
        year_range = prev_word == "and" and _YEAR_BEFORE_AND.search(
            text[max(0, m.start() - 12) : m.start()]
        )
        if (
            plural
            and not plural.group(1).endswith("ss")
            and (prev_word not in _YEAR_PREPOSITIONS or (prev_word == "and" and not year_range))
        ):
            continue  # "1500 troops": a count
        if dates:
            add(Found(m.group(0), float(m.group(1)), "", None, "year", m.start(), m.end()))
        else:
            take(m.start(), m.end())
    for m in _scan(_RATE, text, True):
        value = number_value(m.group(1))
        if value is not None and not _label_before(text, m.start()):
            add_q(m.start(), m.end(), value, m.group(2).lower(), "count")
    for m in _scan(_COUNT, text, True):
        if _label_before(text, m.start()) or _named_before(text, m.start()):
            continue
        unit = _trim_unit(m.group(2))
        value = number_value(m.group(1))
        if value is None or not _unit_ok(unit):
            continue
        end = m.start(2) + len(unit)
        head = _head_noun(unit, text, end)
        if head:  # "Three offshore wind auctions": the counted noun comes after its modifiers
            unit, end = head
        add_q(m.start(), end, value, unit, "count")
    for m in _scan(_QUALIFIED, text, has_digit):
        value = number_value(m.group(1))
        if value is not None and not _YEAR.fullmatch(m.group(1)):
            add_q(m.start(1), m.end(1), value, "", "count")
    for m in _scan(_BARE, text, has_digit):
        # a magnitude with no counted noun ("by 3 million", "averaging 289,000")
        if (
            _label_before(text, m.start())
            or _named_before(text, m.start())
            or _previous_word(text, m.start()) in _IDENTIFIER_BEFORE
            or _SECTION_SIGN.search(text[max(0, m.start() - 3) : m.start()])
        ):
            continue
        value = number_value(m.group(1))
        if value is not None:
            add_q(m.start(), m.end(), value, "", "count")
    found.sort(key=lambda f: (f.start, f.end))
    return found
