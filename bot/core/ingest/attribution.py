"""Attribution: who speaks a quotation, from the words around it.

The usual forms: "X said/argues/told …: "…"", ""…," said [title] X[, role]", ""…," said
council member X" (a lower-case role before the name), ""…," X, the head of Y, said", "Its
president, X, argues", "according to X", "X acknowledged that this is "…"", a lead-in ending
in ":" ("Article 11 of the WCT states:"), and a speaker named in the sentence after a quote. A
pronoun ("he said") stands for the last person named as a subject or speaker before it (a full
name or a titled one, never an institution); "they" for the last name of any kind. Names are
capitalised runs; a title before a name is dropped and a possessive keeps its noun ("Mozilla's
manifesto"). Quoted text never names a speaker. A surname said alone stands for the one full
name named earlier that ends in it (`named_people`, `KnownPeople`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from bot.core.ingest.sentences import SUPERSCRIPTS

_VERBS = (
    "argues|argued|says|said|writes|wrote|notes|noted|states|stated|explains|explained|"
    "claims|claimed|claim|observes|observed|remarks|remarked|emphasises|emphasised|emphasizes|"
    "emphasized|stresses|stressed|warns|warned|adds|added|concludes|concluded|insists|"
    "insisted|points out|pointed out|puts it|put it|told|tells|declares|declared|asserts|"
    "asserted|maintains|maintained|believes|believed|suggests|suggested|contends|contended|"
    "recalls|recalled|admits|admitted|comments|commented|summarises|summarised|summarizes|"
    "summarized|replies|replied|answers|answered|asks|asked|recounts|recounted|acknowledges|"
    "acknowledged|concedes|conceded|cautions|cautioned|predicts|predicted|testifies|testified|"
    "announces|announced|tweeted|responds|responded|continues|continued|agrees|agreed|"
    "reads|provides|according to"
)
# "has written", "has long argued", "also said": an auxiliary or adverb before the verb
_VERB = re.compile(
    rf"\b(?:(?:has|have|had)\s+(?:also\s+|long\s+|\w+ly\s+)?(?:written|{_VERBS})|"
    rf"(?:also\s+)?(?:{_VERBS}))\b",
    re.I,
)
_TOKEN = re.compile(r"[^\s,;:()]+|[,;:()]")
_PARTICLES = frozenset("von van de der den du da di al el bin ibn zu la le".split())
_TITLES = frozenset(
    """president minister chancellor secretary general director professor prof prof. dr dr.
    ambassador spokesperson spokesman spokeswoman head chief commander king queen prince
    senator sen sen. rep rep. representative congressman congresswoman mr mr. mrs mrs. ms ms.
    sir lord lady author expert analyst researcher judge justice governor gov gov.
    prime foreign defence defense former deputy admiral colonel lieutenant captain sergeant
    marshal mayor chairman chairwoman chair ceo pope bishop rabbi imam sheikh""".split()
)
_STARTERS = frozenset(
    "the a an as in on at for but and however yet so thus this that these those it its "
    "for example instance "
    # quantifiers open a clause's subject too: "Another respondent said", "One reader wrote"
    "another one each every some many several most".split()
)
PRONOUNS = frozenset("he she they we i".split())
_PERSONAL = frozenset("he she".split())
# words that make a name an institution, not a person ("he said" never refers to one)
_INSTITUTION = re.compile(
    r"\b(?:Bank|Office|Institute|Institution|University|College|School|Department|Ministry|"
    r"Committee|Council|Agency|Authority|Corporation|Company|Inc|Ltd|Party|Association|Center|"
    r"Centre|Commission|Board|Fund|Reserve|Union|Organi[sz]ation|Government|House|Senate|"
    r"Congress|Parliament|Court|Administration|Group|Foundation|Service|Times|Post|News|Press|"
    r"Review|Journal|Street|States|Kingdom|Republic|Nations|Forum|Project|Program|Programme)\b"
)
_POSSESSIVE = ("'s", "’s")
_APPOSITIVE_MAX_TOKENS = 30
NAME_WINDOW = 300  # characters around a verb or clause start searched for a name


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Pair quotation marks: (offset of the opening mark, offset after the closing one)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if char not in '"“”„':
            continue
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


_OPENERS = "\"“„‘'«("


def _capitalised(token: str) -> bool:
    return token.lstrip(_OPENERS)[:1].isupper()


def _clean_name(run: str) -> str | None:
    tokens = run.split()
    while tokens and tokens[0].lower() in _STARTERS:
        tokens = tokens[1:]
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].lower() in _TITLES:
            tokens = tokens[k + 1 :]
            break
    if not tokens or not all(
        _capitalised(t) or t in _PARTICLES or _of_institution(tokens, k)
        for k, t in enumerate(tokens)
    ):
        return None
    if len(tokens) == 1 and tokens[0].lower() in PRONOUNS:
        return tokens[0].lower()
    return " ".join(tokens)


def _with_head(name: str | None, following: Sequence[str]) -> str | None:
    """A possessive names its head noun too: "Mozilla's manifesto", not "Mozilla's"."""
    if (
        name
        and name.endswith(_POSSESSIVE)
        and following
        and following[0][:1].islower()
        and following[0].isalpha()
        and following[0] not in _STARTERS
    ):
        return f"{name} {following[0]}"
    return name


def _nearest_name(text: str) -> str | None:
    """The capitalised name run ending closest to the end of text (at most four words before)."""
    tokens = _TOKEN.findall(text)
    if tokens and tokens[-1].lower() in PRONOUNS:
        return str(tokens[-1]).lower()
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and not _capitalised(tokens[i]):
        skipped += 1
        i -= 1
        if skipped > 4:
            return None
    end = i + 1
    while i >= 0 and (
        _capitalised(tokens[i])
        or (tokens[i] in _PARTICLES and i > 0 and _capitalised(tokens[i - 1]))
        or (_of_institution(tokens, i))
    ):
        i -= 1
    if end <= i + 1:
        return None
    return _with_head(_clean_name(" ".join(tokens[i + 1 : end])), tokens[end:])


def _of_institution(tokens: Sequence[str], k: int) -> bool:
    """True for "of"/"for" inside an institution's name ("Centre for Economic Research")."""
    return (
        tokens[k] in ("of", "for")
        and 0 < k < len(tokens) - 1
        and _capitalised(tokens[k + 1])
        and bool(_INSTITUTION.search(tokens[k - 1]))
    )


# an initial or a title's abbreviation ("C.", "Dr.", "Gen.") keeps its full stop in a name
_ABBREVIATION = re.compile(
    r"[A-Z][a-z]?\.|(?:Gen|Col|Maj|Capt|Sgt|Cpl|Adm|Cmdr|Supt|Insp|Det|Rev|Hon|Jr|Sr|Mme)\."
)


def _name_run(tokens: Sequence[str]) -> int:
    """How many tokens at the start form a capitalised name run (particles inside allowed)."""
    k = 0
    while k < len(tokens):
        token = tokens[k]
        particle = token in _PARTICLES and k and k + 1 < len(tokens) and _capitalised(tokens[k + 1])
        if not (_capitalised(token) or particle or _of_institution(tokens, k)):
            break
        k += 1
        if (
            token.endswith(".")
            and not _ABBREVIATION.fullmatch(token)
            and token.lower() not in _TITLES
        ):
            break  # "Yes. Two winters ago": a sentence's full stop ends the name
    return k


def _name_at(text: str) -> str | None:
    """The capitalised name run at the very start of text, cleaned."""
    tokens = _TOKEN.findall(text)
    run = _name_run(tokens)
    if not run:
        return None
    # keep an initial's full stop ("C. Eugene"), drop a sentence's ("said John Roe.")
    name = _clean_name(
        " ".join(t if re.fullmatch(r"[A-Z]\.", t) else t.rstrip(".") for t in tokens[:run])
    )
    return _with_head(name, tokens[run:])


_ROLE_MAX_WORDS = 4
_DETERMINERS = frozenset("the its his her their our".split())
_CLAUSE_END = frozenset(",;:(")


def _role_word(token: str) -> bool:
    word = token.removesuffix("'s").removesuffix("’s")
    return (
        word.isalpha()
        and word.islower()
        and word not in _NOT_VERBS
        and word not in _STARTERS
        and word not in PRONOUNS
    )


def _role_then_name(text: str, *, determiner: bool) -> str | None:
    """A name after a lower-case role: "state senator Ana Ruiz", "the board's chair, Jo Park".

    The role is a few lower-case words (no function words); the name ends its clause and is
    a person's (two words or more), or a single word right after a title ("senator Ruiz").
    With `determiner`, the role may open with "the"/"its"/… and be set off by a comma.
    """
    tokens = _TOKEN.findall(text[:NAME_WINDOW])
    k = 1 if determiner and tokens and tokens[0].lower() in _DETERMINERS else 0
    role = k
    while k < len(tokens) and k - role <= _ROLE_MAX_WORDS and _role_word(tokens[k]):
        k += 1
    if k == role or k - role > _ROLE_MAX_WORDS:
        return None
    titled = tokens[k - 1].lower() in _TITLES
    if determiner and k < len(tokens) and tokens[k] == ",":
        k += 1
        titled = False
    run = _name_run(tokens[k:])
    if not run:
        return None
    ends = tokens[k + run - 1].endswith(".") or k + run == len(tokens)
    if not (ends or tokens[k + run] in _CLAUSE_END):
        return None
    name = _name_at(" ".join(tokens[k : k + run]))
    if name is None or name.endswith(_POSSESSIVE) or name.lower() in PRONOUNS:
        return None
    return name if _is_person(name) or (titled and " " not in name) else None


def _name_after_verb(text: str, *, determiner: bool = False) -> str | None:
    """The speaker named right after a reporting verb: "said Jane Doe", "said senator Ana Ruiz".

    With `determiner`, "said the board's chair, Jo Park" as well.
    """
    return _name_at(text) or _role_then_name(text, determiner=determiner)


def speaker_before(lead_in: str) -> str | None:
    """Speaker named in the clause introducing a quote ("X for example argues ...:")."""
    clause = lead_in.rstrip()
    if not clause.endswith((":", ",")):
        return None
    return verb_speaker(clause)


def verb_speaker(clause: str) -> str | None:
    """The speaker of the last reporting verb in clause ("…Brendan Eich, acknowledged that")."""
    # "as noted earlier" reports no one: a verb right after "as" has no speaker
    verbs = [
        v
        for v in _VERB.finditer(clause)
        if not re.search(r"(?:^|\W)as\s*$", clause[max(0, v.start() - 4) : v.start()], re.I)
    ]
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group(0).lower() == "according to":
        return _name_after_verb(clause[verb.end() : verb.end() + NAME_WINDOW].lstrip())
    before = clause[max(0, verb.start() - NAME_WINDOW) : verb.start()]
    if _described(before):  # "Jane Doe, the head of X, said": the name before the description
        return _before_appositive(before)
    return _nearest_name(before) or _before_appositive(before)


def _appositive(text: str) -> tuple[list[str], list[str]] | None:
    """Text ending in ", …," split into the tokens before the appositive and the appositive."""
    stripped = text.rstrip()
    if not stripped.endswith(","):
        return None
    tokens = _TOKEN.findall(stripped)
    commas = [k for k, t in enumerate(tokens) if t == ","]
    if len(commas) < 2 or len(tokens) - commas[-2] > _APPOSITIVE_MAX_TOKENS:
        return None
    return tokens[: commas[-2]], tokens[commas[-2] + 1 : -1]


def _described(text: str) -> bool:
    """True when text ends in a describing appositive ("…, the head of X,"), not a name."""
    parts = _appositive(text)
    return bool(parts and parts[1] and parts[1][0][:1].islower())


def _before_appositive(text: str) -> str | None:
    """The name before a closing appositive ("Jane Doe, the head of the office, said")."""
    parts = _appositive(text)
    return _nearest_name(" ".join(parts[0])) if parts else None


_TAIL_HEAD = re.compile(rf"^[{SUPERSCRIPTS}]*\s*,?\s*")


def speaker_after(tail: str) -> str | None:
    """Speaker named after a quote (""…," said X" / ""…," X says" / "X, the head of Y, said")."""
    head = _TAIL_HEAD.match(tail)
    rest = tail[head.end() :] if head else tail
    verb = _VERB.match(rest)
    if verb:
        return _name_after_verb(rest[verb.end() :].lstrip(), determiner=True)
    tokens = _TOKEN.findall(rest)
    if tokens and tokens[0].lower() in PRONOUNS and _VERB.match(" ".join(tokens[1:])):
        return str(tokens[0]).lower()
    run = _name_run(tokens)
    described = _described_speaker(rest)
    if described:
        return described  # "…," Lisbon-based analyst Ana Ruiz wrote
    if not run:
        return None
    after = tokens[run:]
    if after and after[0] == ",":
        closing = next((k for k, t in enumerate(after[1:], 1) if t == ","), None)
        if (
            closing is None
            or closing > _APPOSITIVE_MAX_TOKENS
            or any(c in t for t in after[:closing] for c in '"“”')
        ):
            return None
        after = after[closing + 1 :]
    if _VERB.match(" ".join(after)):
        return _clean_name(" ".join(tokens[:run]))
    return None


def _described_speaker(tail: str) -> str | None:
    """A person named after a lower-case role and before the verb: "industry analyst Jo Park said".

    The role may open with a capitalised word of its own ("Pakistan-based developer"); nothing
    but the role and the name stands before the verb.
    """
    verb = _VERB.search(tail[:NAME_WINDOW])
    if verb is None:
        return None
    tokens = _TOKEN.findall(tail[: verb.start()])
    if not 2 < len(tokens) <= _ROLE_MAX_WORDS + 4 or any(t in _CLAUSE_END for t in tokens):
        return None
    end = len(tokens)
    start = end
    while start > 0 and _capitalised(tokens[start - 1]):
        start -= 1
    if end - start < 2 or start == 0 or not _role_word(tokens[start - 1]):
        return None
    role = tokens[:start]
    if any(not (_role_word(t) or (k == 0 and _capitalised(t))) for k, t in enumerate(role)):
        return None
    name = _clean_name(" ".join(tokens[start:end]))
    return name if name and _is_person(name) else None


def _is_person(name: str) -> bool:
    return len(name.split()) >= 2 and not _INSTITUTION.search(name)


_SUBJECT = re.compile(
    r"(?:^\s*|(?<=[.;:!?,—–])\s*|\b(?:and|but|while|when|as|that)\s+)"
    r"(?=[A-Z])"
)
_NOT_VERBS = frozenset("at in on of for to and or with by from as the a an who which".split())


@lru_cache(maxsize=256)
def _masked(text: str) -> str:
    """Text with quoted spans blanked: names inside a quotation are not the speaker's."""
    parts: list[str] = []
    at = 0
    for a, b in quoted_spans(text):
        parts.extend((text[at:a], " " * (b - a)))
        at = b
    parts.append(text[at:])
    return "".join(parts)


def _subjects(text: str) -> list[tuple[int, str, bool]]:
    """Names opening a clause, then (after any appositive) a lower-case word.

    Each is (offset, name, titled: a title stood before the name).
    """
    out: list[tuple[int, str, bool]] = []
    for match in _SUBJECT.finditer(text):
        tokens = _TOKEN.findall(text[match.end() : match.end() + NAME_WINDOW])
        run = _name_run(tokens)
        if not run:
            continue
        titled = any(t.lower() in _TITLES for t in tokens[: run - 1])
        name = _clean_name(" ".join(tokens[:run]))
        after = tokens[run:]
        if name is None or name.lower() in PRONOUNS:
            continue
        if after and after[0] == "," and _reports(after[1:]):
            after = after[1:]  # "Its president, Hank Sorensen, argues": the name set off
        elif after and after[0] == ",":
            closing = next((k for k, t in enumerate(after[1:], 1) if t == ","), None)
            if closing is None or closing > _APPOSITIVE_MAX_TOKENS:
                continue
            after = after[closing + 1 :]
        if after and after[0][:1].islower() and after[0] not in _NOT_VERBS:
            out.append((match.end(), name, titled))
    return out


def _reports(tokens: Sequence[str]) -> bool:
    """True when tokens open with a reporting verb ("argues", "has long said")."""
    verb = _VERB.match(" ".join(tokens[:4]))
    return verb is not None and not verb.group(0).lower().endswith("according to")


def last_person(text: str) -> str | None:
    """The last person named as a speaker or subject in text.

    "said Jane Doe", "Jane Doe, the head of X, played down", "Sen. Doe argued": a full name or
    a titled one, never an institution.
    """
    text = _masked(text)
    found = [(at, name) for at, name, titled in _subjects(text) if titled or _is_person(name)]
    for verb in _VERB.finditer(text):
        name = _name_after_verb(text[verb.end() : verb.end() + NAME_WINDOW].lstrip())
        if name and name.lower() not in PRONOUNS and _is_person(name):
            found.append((verb.end(), name))
    return max(found)[1] if found else None


def _last_name(text: str) -> str | None:
    """The last capitalised name in text that is not a sentence's first word or a pronoun."""
    tokens = _TOKEN.findall(text)
    best: str | None = None
    k = 1
    while k < len(tokens):
        run = _name_run(tokens[k:])
        if run and tokens[k - 1] not in (".", "!", "?"):
            name = _clean_name(" ".join(tokens[k : k + run]))
            if name and name.lower() not in PRONOUNS and not name.endswith(_POSSESSIVE):
                best = name
        k += max(run, 1)
    return best


def lead_in_speaker(lead_in: str, last_speaker: str | None = None) -> str | None:
    """Who speaks the text after a lead-in ending in ":" with a reporting verb.

    "Article 11 of the WCT states:" → WCT; "…the goals they claim for data collection:" →
    the name "they" stands for; "he said:" → the last person named.
    """
    clause = lead_in.rstrip()
    if not clause.endswith(":"):
        return None
    name = verb_speaker(clause)
    if name in _PERSONAL:
        return last_person(clause) or last_speaker
    if name == "they":
        return _last_name(clause[: clause.lower().rfind(" they ")])
    return None if name in PRONOUNS else name


def clause_subject(lead_in: str) -> str | None:
    """The last clause subject named in a lead-in ("…and Jane Doe, head of X, posted:")."""
    found = _subjects(_masked(lead_in))
    return found[-1][1] if found else None


def ends_report(sentence: str) -> bool:
    """True when the sentence's reporting verb opens no statement of its own.

    "X, the head of Y, said at an event." can name the quote before it; "X stated that …"
    or "X said: "…"" cannot.
    """
    verb = _VERB.search(sentence)
    if verb is None:
        return False
    rest = sentence[verb.end() :]
    return not re.match(r"\s*(?:that\b|:)", rest) and not any(c in rest for c in '"“”')


def resolve_speaker(
    speaker: str | None, text: str, since: int, before: int, last_speaker: str | None
) -> str | None:
    """A pronoun speaker as the person it stands for; any other speaker unchanged.

    The person is the last one named in text[since:before], else `last_speaker`.
    """
    if speaker in _PERSONAL or speaker == "they":
        return last_person(text[since:before]) or last_speaker
    if speaker in PRONOUNS:
        return last_speaker
    return speaker


_SENTENCE_END = (".", "!", "?", ":")
_NAME_MAX_TOKENS = 12  # a name run is looked for in this many tokens: linear in a long text


def _stops(token: str) -> bool:
    """True when a token closes a sentence ("Larkport."), unlike an initial or a title ("Dr.")."""
    return token.endswith(_SENTENCE_END) and not (
        re.fullmatch(r"[A-Z]\.", token) or token.lower() in _TITLES
    )


def named_people(text: str, lower_words: frozenset[str]) -> list[tuple[int, str]]:
    """Full names (two words or more, never an institution) in text, each with its offset.

    Quoted text is skipped and titles dropped ("Mayor Priscilla Okafor" → "Priscilla Okafor").
    A sentence's capitalised first word may be no name at all, so it is dropped where the
    document also writes it in lower case ("When Okafor took office") or where it stands
    before an owner, as an imperative's does ("See Facebook's own description").
    """
    tokens = list(_TOKEN.finditer(_masked(text)))
    strings = [t.group(0) for t in tokens]
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(tokens):
        # a name opens with a capital: most tokens are no name's start
        first = strings[k][:1]
        opens = first.isupper() or (first in _OPENERS and _capitalised(strings[k]))
        run = _name_run(strings[k : k + _NAME_MAX_TOKENS]) if opens else 0
        if not run:
            k += 1
            continue
        words = strings[k : k + run]
        cut = next(
            (j + 1 for j, w in enumerate(words) if _stops(w) or w.endswith(_POSSESSIVE)), run
        )
        words = words[:cut]
        owner = words[-1].endswith(_POSSESSIVE)
        opening = k == 0 or _stops(strings[k - 1]) or strings[k - 1] == "("
        if opening and (owner or words[0].lower() in lower_words):
            words = words[1:]
        # a full name has two words at least: cleaning only ever drops some
        name = _clean_name(" ".join(_bare(w) for w in words)) if len(words) >= 2 else None
        if name and _is_person(name):
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

    def __init__(self) -> None:
        self._by_surname: dict[str, set[str]] = {}

    def add(self, name: str) -> None:
        """Remember a full name ("Priscilla Okafor")."""
        self._by_surname.setdefault(name.rsplit(" ", 1)[-1], set()).add(name)

    def expand(self, speaker: str) -> str:
        """A one-word speaker as the one full name known that ends in it.

        "Okafor" → "Priscilla Okafor"; unchanged when no full name, or more than one, ends in it.
        """
        names = self._by_surname.get(speaker, set()) if " " not in speaker else set()
        return next(iter(names)) if len(names) == 1 else speaker
