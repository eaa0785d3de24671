"""Names in text, for attribution: capitalised runs, titles, institutions and full names.

A name is a run of capitalised words (particles such as "van" or "de" inside, an institution's
"of"/"for" too: "Centre for Economic Research"); a title before it is dropped ("Mayor Priscilla
Okafor" → "Priscilla Okafor"; a council's or a church's title only before a full name:
"Councillor Joel Renshaw" → "Joel Renshaw", "Cllr Hallett" stays). Quoted text is masked, so
names inside a quotation are never its speaker. A surname said alone stands for the one full
name named earlier that ends in it (`named_people`, `KnownPeople`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bot.core.ingest.sentences import SUPERSCRIPTS

TOKEN = re.compile(r"[^\s,;:()]+|[,;:()]")
PARTICLES = frozenset("von van de der den du da di al el bin ibn zu la le".split())
TITLES = frozenset(
    """president minister chancellor secretary general director professor prof prof. dr dr.
    ambassador spokesperson spokesman spokeswoman head chief commander king queen prince
    senator sen sen. rep rep. representative congressman congresswoman mr mr. mrs mrs. ms ms.
    sir author expert analyst researcher judge justice governor gov gov.
    prime foreign defence defense former deputy admiral colonel lieutenant captain sergeant
    marshal mayor chairman chairwoman chair ceo pope bishop rabbi imam sheikh""".split()
)
# titles dropped only before a full name ("Councillor Joel Renshaw" → "Joel Renshaw"); before a
# surname alone they stay, as the text names the person ("Cllr Hallett", a judge "Lady Simler")
NAME_TITLES = frozenset(
    """councillor councilor cllr cllr. councilman councilwoman councilmember alderman alderwoman
    assemblyman assemblywoman assemblymember commissioner superintendent inspector detective
    constable sheriff reverend rev rev. archbishop cardinal lord lady baroness baron dame mp mep
    provost rector""".split()
)
# what a hyphen joins before a title: the office held then or not yet ("Then-mayor", "Ex-chief")
TITLE_PREFIXES = frozenset("then ex vice co acting interim outgoing incoming late".split())
STARTERS = frozenset(
    "the a an as in on at for but and however yet so thus this that these those it its "
    # quantifiers open a clause's subject too: "Another respondent said", "One reader wrote"
    "for example instance one another each every some many several most "
    # a clause's opening preposition: "From April, every authority will report"
    "from after since until before during "
    # an existential opening names no one: "There is an old saying: …"
    "there here".split()
)
PRONOUNS = frozenset("he she they we i you".split())  # "you": the reader, never a speaker
# auxiliaries a question sets before its subject ("May I", "Should I")
_INVERTED = frozenset("may might can could shall should will would must do did does am was".split())


# words that make a name an institution, not a person ("he said" never refers to one)
INSTITUTION = re.compile(
    r"\b(?:Bank|Office|Institute|Institution|University|College|School|Department|Ministry|"
    r"Committee|Council|Agency|Authority|Corporation|Company|Inc|Ltd|Party|Association|Center|"
    r"Centre|Commission|Board|Fund|Reserve|Union|Organi[sz]ation|Government|House|Senate|"
    r"Congress|Parliament|Court|Administration|Group|Foundation|Service|Times|Post|News|Press|"
    r"Review|Journal|Street|States|Kingdom|Republic|Nations|Forum|Project|Program|Programme)\b"
)
POSSESSIVE = ("'s", "’s")


_QUOTE_MARK = re.compile('["“”„]')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Pair quotation marks: (offset of the opening mark, offset after the closing one)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for mark in _QUOTE_MARK.finditer(text):
        i = mark.start()
        char = text[i]
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        can_open = (
            char in '"“„' and (before.isspace() or before in "([{–—/-") and not after.isspace()
        )
        can_close = (
            char in '"”“'
            and not before.isspace()
            and (after.isspace() or after in f".,;:?!)]}}–—{SUPERSCRIPTS}")
        )
        if opened is None and can_open:
            opened = i
        elif opened is not None and can_close:
            spans.append((opened, i + 1))
            opened = None
    return spans


OPENERS = "\"“„‘'«("


def capitalised(token: str) -> bool:
    """True when a token opens with a capital letter (after any opening quote or bracket)."""
    return token.lstrip(OPENERS)[:1].isupper()


def clean_name(run: str) -> str | None:
    """A name run without its leading "the"/"As" and titles; None when no name is left.

    "the President Jo Park" → "Jo Park"; a pronoun alone comes back in lower case ("he").
    """
    tokens = run.split()
    while tokens and tokens[0].lower() in STARTERS:
        tokens = tokens[1:]
    for k in range(len(tokens) - 1, -1, -1):
        # a compound title counts as one ("Director-General", "Secretary-General")
        *prefixes, office = tokens[k].lower().split("-")
        parts = [*(p for p in prefixes if p not in TITLE_PREFIXES), office]
        if all(part in TITLES for part in parts) or (
            all(part in NAME_TITLES for part in parts) and len(tokens) - k > 2
        ):
            tokens = tokens[k + 1 :]
            break
    if not tokens or not all(
        capitalised(t) or t in PARTICLES or of_institution(tokens, k) for k, t in enumerate(tokens)
    ):
        return None
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        return tokens[0].lower()
    if len(tokens) == 2 and tokens[1] == "I" and tokens[0].lower() in _INVERTED:
        return None  # "May I add", "Can I say": a question's verb and its subject
    return " ".join(tokens)


def with_head(name: str | None, following: Sequence[str]) -> str | None:
    """A possessive names its head noun too: "Mozilla's manifesto", not "Mozilla's"."""
    if (
        name
        and name.endswith(POSSESSIVE)
        and following
        and following[0][:1].islower()
        and following[0].isalpha()
        and following[0] not in STARTERS
    ):
        return f"{name} {following[0]}"
    return name


def of_institution(tokens: Sequence[str], k: int) -> bool:
    """True for a linking word inside an institution's name.

    "of", "for" or "on" after the institution's word ("Centre for Economic Research",
    "Committee on Fisheries"), and "and" or "&" between the capitalised words after such a link
    ("Department of Health and Social Care", "Committee on Intelligence and Security").
    """
    if not (0 < k < len(tokens) - 1 and capitalised(tokens[k + 1])):
        return False
    if tokens[k] in ("of", "for", "on"):
        return bool(INSTITUTION.search(tokens[k - 1]))
    if tokens[k] in ("and", "&") and capitalised(tokens[k - 1]):
        return any(of_institution(tokens, j) for j in range(max(0, k - 6), k - 1))
    return False


# an initial or a title's abbreviation ("C.", "Dr.", "Gen.") keeps its full stop in a name
_ABBREVIATION = re.compile(
    r"[A-Z][a-z]?\.|(?:Gen|Col|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Supt|Insp|Det|Rev|Hon|Jr|Sr|Mme)\."
)


def name_run(tokens: Sequence[str]) -> int:
    """How many tokens at the start form a capitalised name run (particles inside allowed)."""
    k = 0
    while k < len(tokens):
        token = tokens[k]
        particle = token in PARTICLES and k and k + 1 < len(tokens) and capitalised(tokens[k + 1])
        if not (capitalised(token) or particle or of_institution(tokens, k)):
            break
        k += 1
        if (
            token.endswith(".")
            and not _ABBREVIATION.fullmatch(token)
            and token.lower() not in TITLES
        ):
            break  # "Yes. Two winters ago": a sentence's full stop ends the name
    return k


def name_at(text: str) -> str | None:
    """The capitalised name run at the very start of text, cleaned."""
    tokens = TOKEN.findall(text)
    run = name_run(tokens)
    if not run:
        return None
    # keep an initial's full stop ("C. Eugene"), drop a sentence's ("said John Roe.")
    name = clean_name(
        " ".join(t if re.fullmatch(r"[A-Z]\.", t) else t.rstrip(".") for t in tokens[:run])
    )
    return with_head(name, tokens[run:])


def is_person(name: str) -> bool:
    """True for a person's full name: two words or more, no institution's word in it."""
    return len(name.split()) >= 2 and not INSTITUTION.search(name)


@lru_cache(maxsize=256)
def masked(text: str) -> str:
    """Text with quoted spans blanked: names inside a quotation are not the speaker's."""
    parts: list[str] = []
    at = 0
    for a, b in quoted_spans(text):
        parts.extend((text[at:a], " " * (b - a)))
        at = b
    parts.append(text[at:])
    return "".join(parts)


_SENTENCE_END = (".", "!", "?", ":")
_NAME_MAX_TOKENS = 12  # a name run is looked for in this many tokens: linear in a long text


def stops(token: str) -> bool:
    """True when a token closes a sentence ("Larkport."), unlike an initial or a title ("Dr.")."""
    return token.endswith(_SENTENCE_END) and not (
        re.fullmatch(r"[A-Z]\.", token) or token.lower() in TITLES
    )


_MENTION = re.compile(r"(?<![\w.@])@(?=[A-Z])")


def named_people(text: str, lower_words: frozenset[str]) -> list[tuple[int, str]]:
    """Full names (two words or more, never an institution) in text, each with its offset.

    Quoted text is skipped and titles dropped ("Mayor Priscilla Okafor" → "Priscilla Okafor").
    A sentence's capitalised first word may be no name at all, so it is dropped where the
    document also writes it in lower case ("When Okafor took office") or where it stands
    before an owner, as an imperative's does ("See Facebook's own description").
    """
    # a notes app's mention, "@Felix Oduya", is a name; mentions in a row are names apart
    tokens = list(TOKEN.finditer(_MENTION.sub(";", masked(text))))
    strings = [t.group(0) for t in tokens]
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(tokens):
        # a name opens with a capital: most tokens are no name's start
        first = strings[k][:1]
        opens = first.isupper() or (first in OPENERS and capitalised(strings[k]))
        run = name_run(strings[k : k + _NAME_MAX_TOKENS]) if opens else 0
        if not run:
            k += 1
            continue
        words = strings[k : k + run]
        cut = next((j + 1 for j, w in enumerate(words) if stops(w) or w.endswith(POSSESSIVE)), run)
        words = words[:cut]
        owner = words[-1].endswith(POSSESSIVE)
        opening = k == 0 or stops(strings[k - 1]) or strings[k - 1] == "("
        if opening and (owner or words[0].lower() in lower_words):
            words = words[1:]
        # a full name has two words at least: cleaning only ever drops some
        name = clean_name(" ".join(_bare(w) for w in words)) if len(words) >= 2 else None
        if name and is_person(name):
            out.append((tokens[k].start(), name))
        k += cut
    return out


def _bare(word: str) -> str:
    """A name's word without a possessive or a closing full stop; an initial keeps its stop."""
    if re.fullmatch(r"[A-Z]\.", word):
        return word
    return word.removesuffix("'s").removesuffix("’s").rstrip(".!?:")


class KnownPeople:
    """The full names named so far in a document, by surname, to expand a surname said alone."""

    def __init__(self, base: KnownPeople | None = None) -> None:
        self._by_surname: dict[str, set[str]] = {}
        self._by_first: dict[str, set[str]] = {}
        self._base = base

    def add(self, name: str) -> None:
        """Remember a full name ("Priscilla Okafor")."""
        self._by_surname.setdefault(name.rsplit(" ", 1)[-1], set()).add(name)
        self._by_first.setdefault(name.split(" ", 1)[0], set()).add(name)

    def _starting_with(self, first: str) -> set[str]:
        own = self._by_first.get(first, set())
        return own | self._base._starting_with(first) if self._base is not None else own

    def plus(self, names: Iterable[str]) -> KnownPeople:
        """These people and everyone known here; later additions here show through (no copy)."""
        more = KnownPeople(self)
        for name in names:
            more.add(name)
        return more

    def _ending_in(self, surname: str) -> set[str]:
        own = self._by_surname.get(surname, set())
        return own | self._base._ending_in(surname) if self._base is not None else own

    def expand(self, speaker: str) -> str:
        """A one-word speaker as the one full name known that ends in it, or else begins so.

        "Okafor" → "Priscilla Okafor"; a first name alone, as meeting notes write people,
        "Felix" → "Felix Oduya"; unchanged when no full name, or more than one, fits.
        """
        if " " in speaker:
            return speaker
        names = self._ending_in(speaker) or self._starting_with(speaker)
        return next(iter(names)) if len(names) == 1 else speaker


def titled_in_full(word: str, text: str) -> str:
    """A name said after a title ("Minister Zhao") as the text named it in full after one.

    Where the family name comes first ("Foreign Minister Zhao Ming", "President Lee Jae-myung")
    the later "Minister Zhao" is that person: the one full name the text writes after a title
    and that opens with the word. Unchanged when no such name, or more than one, is found.
    """
    if " " in word or not word[:1].isupper():
        return word
    names = {f"{word} {m.group(1)}" for m in re.finditer(_after_title(word), text)}
    names = {n for n in names if n.split()[1].lower() not in STARTERS}
    return next(iter(names)) if len(names) == 1 else word


@lru_cache(maxsize=256)
def _after_title(word: str) -> re.Pattern[str]:
    """A title, the word, then one more name word (not followed by another name's)."""
    return re.compile(
        rf"\b(?i:{_TITLE_ALTERNATIVES})\s+{re.escape(word)}\s+([A-Z][a-z'’]+(?:-[a-z'’]+)?)\b"
        r"(?![\s-]*[A-Z])"
    )


_TITLE_ALTERNATIVES = "|".join(
    sorted((re.escape(t) for t in TITLES | NAME_TITLES if t.isalpha()), key=len, reverse=True)
)
