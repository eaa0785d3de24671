"""Attribution: who speaks a quotation, from the words around it.

The usual forms: "X said/argues/told …: "…"", ""…," said [title] X[, role]", ""…," said
council member X" (a lower-case role before the name), ""…," X, the head of Y, said", "Its
president, X, argues", "according to X", "X acknowledged that this is "…"", a lead-in ending
in ":" ("Article 11 of the WCT states:"), and a speaker named in the sentence after a quote.
An organisation speaks in any word order (""…," the Treasury said", "as the Treasury put it");
a naming verb in the active voice names a speaker too ("the Treasury described it as "…"", "in
what X called "…""); an unnamed source is the speaker as the text describes them ("a senior
official at a health board told me", "one minister said"); words someone "was told" are not
theirs. A pronoun ("he said") stands for the last person named as a subject or speaker before
it (a full name, a titled one or the surname of one named in full before, never an institution
or a name after "the"); "they" for the last name of any kind. An unnamed source's description
may hold a capitalised word ("an EU official").
Names themselves (capitalised runs, titles, full names, surnames) are read by `names`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.core.ingest.names import (
    INSTITUTION,
    PARTICLES,
    POSSESSIVE,
    PRONOUNS,
    STARTERS,
    TITLES,
    TOKEN,
    KnownPeople,
    capitalised,
    clean_name,
    is_person,
    masked,
    name_at,
    name_run,
    named_people,
    of_institution,
    quoted_spans,
    stops,
    with_head,
)
from bot.core.ingest.sentences import SUPERSCRIPTS

__all__ = [
    "NAME_WINDOW",
    "PRONOUNS",
    "KnownPeople",
    "clause_subject",
    "ends_report",
    "last_person",
    "lead_in_speaker",
    "named_people",
    "quoted_spans",
    "resolve_speaker",
    "speaker_after",
    "speaker_before",
    "told",
    "verb_speaker",
]

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


def _trie(words: Sequence[str]) -> str:
    """An alternation of words as a regex prefix tree ("a(?:dd(?:ed|s)|rgue(?:d|s))").

    A word that cannot match fails on its first letters instead of being tried against every
    alternative: the verbs are searched for in every paragraph, the main cost of attribution.
    """
    root: dict[str, dict[str, Any]] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict[str, dict[str, Any]]) -> str:
        alternatives = [re.escape(c) + pattern(child) for c, child in sorted(node.items()) if c]
        if not alternatives:
            return ""
        body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if "" in node else body

    return pattern(root)


# "has written", "has long argued", "also said", "privately admitted": an auxiliary or an
# adverb before the verb
_VERB_TREE = _trie(_VERBS.split("|"))
_VERB = re.compile(
    rf"\b(?:(?:has|have|had)\s+(?:also\s+|long\s+|\w+ly\s+)?(?:written|{_VERB_TREE})|"
    rf"(?:(?:also|(?-i:[a-z]+ly))\s+)?{_VERB_TREE})\b",
    re.I,
)
_PERSONAL = frozenset("he she".split())
_APPOSITIVE_MAX_TOKENS = 30
NAME_WINDOW = 300  # characters around a verb or clause start searched for a name


def _nearest_name(text: str) -> str | None:
    """The capitalised name run ending closest to the end of text (at most four words before)."""
    tokens = TOKEN.findall(text)
    if tokens and tokens[-1].lower() in PRONOUNS:
        return str(tokens[-1]).lower()
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and not capitalised(tokens[i]):
        if tokens[i].lower() in _NOUN_OPENERS and (i == 0 or _opens_clause(tokens[i - 1])):
            return None  # "In May, the department said": the subject is "the department"
        skipped += 1
        i -= 1
        if skipped > 4:
            return None
    end = i + 1
    while i >= 0 and (
        capitalised(tokens[i])
        or (tokens[i] in PARTICLES and i > 0 and capitalised(tokens[i - 1]))
        or (of_institution(tokens, i))
    ):
        i -= 1
    if end <= i + 1:
        return None
    body = _definite_body(tokens, i, end) or _linked_body(tokens, i, end)
    if body:
        return body
    return _person_from(tokens, i) or with_head(
        clean_name(" ".join(_without_office_field(tokens, i, end))), tokens[end:]
    )


# a common noun's ending: the field an office covers, not a person's name ("Operations",
# "Communications", "Policy", "Housing", "Strategy")
_FIELD_NOUN = re.compile(
    r"(?:ions?|ments?|ances?|ences?|ices|rces|ics|ies|ity|cy|gy|ing|ness|ship|ure)$"
)
_FULL_NAME_MAX = 3  # "Gareth Lind", "Mary Ann Smith"


def _without_office_field(tokens: Sequence[str], i: int, end: int) -> Sequence[str]:
    """The name run tokens[i + 1:end] without the field of the office named before it.

    "Director of People Operations Gareth Lind said": the run after a title's "of"/"for" is the
    office's field, then the holder's name, "Gareth Lind". A name keeps two words at least,
    three unless its first word reads as a field's noun; any other run is left whole.
    """
    run = tokens[i + 1 : end]
    if i < 1 or tokens[i] not in ("of", "for") or tokens[i - 1].lower() not in TITLES:
        return run
    while len(run) > _FULL_NAME_MAX or (
        len(run) == _FULL_NAME_MAX and (_FIELD_NOUN.search(run[0]) or INSTITUTION.match(run[0]))
    ):
        run = run[1:]
    return run


# words between a subject and its verb that are no part of the subject ("the Treasury today said")
_ADVERBS = frozenset(
    "today yesterday tonight tomorrow now then later earlier again also still once already "
    "soon meanwhile finally first last".split()
)


def _definite_body(tokens: Sequence[str], i: int, end: int) -> str | None:
    """A body named by "the", a capitalised word and its nouns: the whole phrase.

    "the Eskelund farmers' union said", "the Danish foreign ministry said": not "Eskelund".
    tokens[i + 1 : end] is the capitalised run, the nouns follow it up to the verb.
    """
    run = list(tokens[i + 1 : end])
    nouns = tokens[end:]
    if run and run[0] in ("The", "the"):
        run = run[1:]
    elif i < 0 or tokens[i].lower() != "the":
        return None
    if not run or len(run) > 2 or not nouns or run[-1].endswith(POSSESSIVE):
        return None
    if any(t.lower() in TITLES for t in run):
        return None  # "the President said": the person
    if not all(
        _role_word(t.rstrip("'’")) and not t.endswith("ly") and t not in _ADVERBS for t in nouns
    ):
        return None
    return " ".join(["the", *run, *nouns])


_LINKED_HEAD_WORDS = 3


def _linked_body(tokens: Sequence[str], i: int, end: int) -> str | None:
    """A body named after "the" whose name links its words by "for" or "of": the whole name.

    "the Campaign for Better Transport told …" is "Campaign for Better Transport", not
    "Better Transport". tokens[i + 1 : end] is the capitalised run after the link tokens[i];
    an office before the link ("the Minister for Transport") is a person's title, left as it is.
    """
    if i < 1 or tokens[i] not in ("for", "of"):
        return None
    j = i - 1
    while j >= 0 and capitalised(tokens[j]) and tokens[j] != "The" and i - j <= _LINKED_HEAD_WORDS:
        j -= 1
    head = tokens[j + 1 : i]
    if not head or j < 0 or tokens[j].lower() != "the":
        return None
    if any(t.lower().rstrip(".") in TITLES or t.endswith(POSSESSIVE) for t in head):
        return None
    return " ".join([*head, tokens[i], *tokens[i + 1 : end]])


def _person_from(tokens: Sequence[str], i: int) -> str | None:
    """The person a place or body ending at tokens[i + 1:] belongs to, if one is named there.

    "Senator Mitch McConnell of Kentucky", "Jane Doe from the Urban Institute": the speaker is
    the person, not the place.
    """
    if i >= 1 and tokens[i] == "the":
        i -= 1
    if i < 1 or tokens[i] not in ("of", "from", "at"):
        return None
    j = i - 1
    while j >= 0 and capitalised(tokens[j]):
        j -= 1
    run = tokens[j + 1 : i]
    name = clean_name(" ".join(run)) if run else None
    titled = any(t.lower() in TITLES for t in run)
    if name and name.lower() not in PRONOUNS and (is_person(name) or titled):
        return name
    return None


_ROLE_MAX_WORDS = 4
_DETERMINERS = frozenset("the its his her their our".split())
_CLAUSE_END = frozenset(",;:(")


def _role_word(token: str) -> bool:
    word = token.removesuffix("'s").removesuffix("’s")
    return (
        word.isalpha()
        and word.islower()
        and word not in _NOT_VERBS
        and word not in STARTERS
        and word not in PRONOUNS
    )


def _role_then_name(text: str, *, determiner: bool) -> str | None:
    """A name after a lower-case role: "state senator Ana Ruiz", "the board's chair, Jo Park".

    The role is a few lower-case words (no function words); the name ends its clause and is
    a person's (two words or more), or a single word right after a title ("senator Ruiz").
    With `determiner`, the role may open with "the"/"its"/… and be set off by a comma.
    """
    tokens = TOKEN.findall(text[:NAME_WINDOW])
    k = 1 if determiner and tokens and tokens[0].lower() in _DETERMINERS else 0
    role = k
    while k < len(tokens) and k - role <= _ROLE_MAX_WORDS and _role_word(tokens[k]):
        k += 1
    if k == role or k - role > _ROLE_MAX_WORDS:
        return None
    titled = tokens[k - 1].lower() in TITLES
    if determiner:
        k = _role_qualifier(tokens, k)  # "the housing spokesman of the time, Jo Park"
    if determiner and k < len(tokens) and tokens[k] == ",":
        k += 1
        titled = False
    run = name_run(tokens[k:])
    if not run:
        return None
    ends = tokens[k + run - 1].endswith(".") or k + run == len(tokens)
    if not (ends or tokens[k + run] in _CLAUSE_END):
        return None
    name = name_at(" ".join(tokens[k : k + run]))
    if name is None or name.endswith(POSSESSIVE) or name.lower() in PRONOUNS:
        return None
    return name if is_person(name) or (titled and " " not in name) else None


_QUALIFIER_MAX_WORDS = 3
_QUALIFIER_MAX_PHRASES = 2  # "the chair of the committee at the time, Jo Park"


def _role_qualifier(tokens: Sequence[str], k: int) -> int:
    """Past a role's qualifying phrases set off by a comma ("of the time", "at the council").

    Each a linking word, maybe a determiner, then a few lower-case words; then the comma
    before the name; else `k` as it was.
    """
    j = k
    for _ in range(_QUALIFIER_MAX_PHRASES):
        if j >= len(tokens) or tokens[j].lower() not in _LINKS:
            break
        j += 1
        if j < len(tokens) and tokens[j].lower() in _DETERMINERS:
            j += 1
        start = j
        while j < len(tokens) and j - start < _QUALIFIER_MAX_WORDS and _role_word(tokens[j]):
            j += 1
        if j == start:
            return k
    return j if j > k and j < len(tokens) and tokens[j] == "," else k


def _name_after_verb(text: str, *, determiner: bool = False) -> str | None:
    """The speaker named right after a reporting verb: "said Jane Doe", "said senator Ana Ruiz".

    With `determiner`, "said the board's chair, Jo Park" as well. A name after "the" ("said
    the Treasury") and an unnamed speaker's description ("said a senior official at the
    board") name the speaker too, where their clause ends with them.
    """
    named = name_at(text) or _role_then_name(text, determiner=determiner)
    if named or not text or text[0] not in "aAoOtT":  # the rest open with a, an, one, the
        return named
    tokens = TOKEN.findall(text[:NAME_WINDOW])
    if tokens[0].lower() == "the" and len(tokens) > 1:
        holder = _office_then_holder(tokens)
        if holder:  # "said the Minister of Transport, Jane Doe": the office's holder
            return holder
        run = name_run(tokens[1:])
        if run and _clause_ends(tokens, 1 + run):
            return name_at(" ".join(tokens[1 : 1 + run]))
        return None
    run = _description_run(tokens)
    return _description(tokens[:run]) if run and _clause_ends(tokens, run) else None


def _office_then_holder(tokens: Sequence[str]) -> str | None:
    """The person named after "the" and a capitalised office set off by a comma.

    "the Minister of Coastal Transport, Jane Doe": the office is capitalised words (linked by
    "of", "for", "and"), the name a person's, ending its clause.
    """
    k = 1
    while k < min(len(tokens), _OFFICE_MAX_TOKENS) and (
        capitalised(tokens[k]) or (k > 1 and tokens[k] in _OFFICE_LINKS)
    ):
        k += 1
    if k == 1 or k >= len(tokens) or tokens[k] != ",":
        return None
    run = name_run(tokens[k + 1 :])
    if not run or not _clause_ends(tokens, k + 1 + run):
        return None
    name = name_at(" ".join(tokens[k + 1 : k + 1 + run]))
    return name if name and is_person(name) else None


def _clause_ends(tokens: Sequence[str], k: int) -> bool:
    """True when a name or description ending before tokens[k] ends its clause there."""
    return (
        k == len(tokens)
        or stops(tokens[k - 1])
        or tokens[k] in _CLAUSE_END
        or tokens[k].lower() in _NOT_VERBS
    )


_INDEFINITE = frozenset("a an one another".split())
_LINKS = frozenset("at of for from in with".split())
_LINK_MAX_TOKENS = 8
_DESCRIPTION_MAX_TOKENS = 1 + _ROLE_MAX_WORDS + 1 + _LINK_MAX_TOKENS
# "a letter from a senior official": a description after a preposition is no subject
_PREPOSITIONS = frozenset("at of for from in with to by on about into under over than".split())
_CONJUNCTIONS = frozenset(
    "and but while when as that what because though although after before since if so".split()
)


def _reporting(tokens: Sequence[str]) -> bool:
    """True when tokens open with a reporting verb."""
    return bool(tokens) and _VERB.match(" ".join(tokens[:4])) is not None


def _description_run(tokens: Sequence[str]) -> int:
    """How many tokens at the start describe an unnamed speaker; 0 if none.

    An indefinite article or "one", a few lower-case words ("a senior official", "one
    minister"), then at most one linked phrase saying where they work ("at a northern health
    board", "for the Department of Health"). A reporting verb or a sentence's end stops it.
    """
    if len(tokens) < 2 or tokens[0].lower() not in _INDEFINITE:
        return 0
    k = 1
    while (
        k < len(tokens)
        and (_describing(tokens[k]) or _modifier(tokens[k]))
        and not _reporting(tokens[k:])
    ):
        k += 1
        if stops(tokens[k - 1]):
            ok = k - 1 <= _ROLE_MAX_WORDS and _describing(tokens[k - 1])
            return k if ok else 0
    while k > 1 and not _describing(tokens[k - 1]):
        k -= 1  # "an EU official", never "a Jane": the description ends in its noun
    if k == 1 or k - 1 > _ROLE_MAX_WORDS:
        return 0
    if k + 1 < len(tokens) and tokens[k] in _LINKS:
        j = k + 1
        if tokens[j].lower() in _DETERMINERS or tokens[j].lower() in _INDEFINITE:
            j += 1
        start = j
        nested = False  # "of a terraced street in Leeds": one place inside the phrase
        while (
            j < len(tokens)
            and j - k <= _LINK_MAX_TOKENS
            and (
                capitalised(tokens[j])
                or _describing(tokens[j])
                or of_institution(tokens, j)
                or (not nested and j > start and tokens[j] in _LINKS and j + 1 < len(tokens))
            )
            and not _reporting(tokens[j:])
        ):
            nested = nested or tokens[j] in _LINKS
            j += 1
            if stops(tokens[j - 1]):
                break
        if j > start:
            k = j
    return k


def _describing(token: str) -> bool:
    """A lower-case word of a description, maybe closing its sentence ("health board.")."""
    return _role_word(token.rstrip(".!?") or token)


def _modifier(token: str) -> bool:
    """A capitalised word qualifying a description's noun: "EU" in "an EU official"."""
    return capitalised(token) and not stops(token) and token.lower() not in PRONOUNS


def _description(tokens: Sequence[str]) -> str:
    """A description's words as the speaker: "A senior official." → "a senior official"."""
    text = " ".join(tokens).rstrip(".!?:")
    return text[:1].lower() + text[1:]


def _unnamed_before(text: str) -> str | None:
    """The unnamed speaker whose description ends text (not a preposition's object)."""
    tokens = TOKEN.findall(text)
    for j in range(len(tokens) - 2, max(-1, len(tokens) - _DESCRIPTION_MAX_TOKENS - 2), -1):
        if (
            tokens[j].lower() in _INDEFINITE
            and (j == 0 or tokens[j - 1].lower() not in _PREPOSITIONS)
            and _description_run(tokens[j:]) == len(tokens) - j
        ):
            return _description(tokens[j:])
    return None


# a lower-case noun phrase opening a clause is that clause's subject, not a name before it
_NOUN_OPENERS = _DETERMINERS | _INDEFINITE | frozenset("this these those".split())


def _opens_clause(token: str) -> bool:
    """True when a clause may start after token (a comma, a conjunction, a sentence's end)."""
    return token in _CLAUSE_END or token.lower() in _CONJUNCTIONS or stops(token)


def _unnamed(name: str) -> bool:
    """True for an unnamed speaker's description ("a senior official", "one minister")."""
    return name.split(" ", 1)[0] in _INDEFINITE


# "In the Authority's words, "…"", "in the words of Jane Doe: "…"": whose words they are
_WORDS_OF = re.compile(
    r"\bin\s+(?:the\s+words\s+of\s+(?P<of>[^:;\"“”]{2,80}?)|(?P<own>[^,:;]{2,80}?)['’]s?\s+"
    r"(?:own\s+)?words)\s*[,:]$",
    re.I,
)


def speaker_before(lead_in: str) -> str | None:
    """Speaker named in the clause introducing a quote ("X for example argues ...:")."""
    clause = lead_in.rstrip()
    if not clause.endswith((":", ",")):
        return None
    words_of = _WORDS_OF.search(clause)
    if words_of:
        # "of the cabinet member, Aisha Penrose": a role, then the name in apposition
        whose = words_of.group("of") or words_of.group("own")
        first, *rest = (part.strip() for part in whose.split(","))
        named = _nearest_name(first)
        if named is None and rest and all(capitalised(t) for t in TOKEN.findall(rest[0])):
            named = _nearest_name(rest[0])
        return named
    return verb_speaker(clause)


def verb_speaker(clause: str) -> str | None:
    """The speaker of the last reporting verb in clause ("…Brendan Eich, acknowledged that")."""
    # "as noted earlier" reports no one: a verb right after "as" has no speaker; a capitalised
    # verb inside a clause is a noun or a name's ("calls upon States", "Member States")
    verbs = [
        v
        for v in _VERB.finditer(clause)
        if not re.search(r"(?:^|\W)as\s*$", clause[max(0, v.start() - 4) : v.start()], re.I)
        and not (
            v.group(0)[:1].isupper()
            and re.search(r"[\w,;)]\s+$", clause[max(0, v.start() - 30) : v.start()])
        )
    ]
    naming = _NAMING_END.search(clause) or _WHAT_NAMED.search(clause)
    if not naming and verbs and _PASSIVE.search(clause, 0, verbs[-1].start()):
        return None  # "she had been told it was "…"": said to her, not by her
    if naming:
        at = naming.start("verb")
    elif verbs:
        verb = verbs[-1]
        if verb.group(0).lower() == "according to":
            return _name_after_verb(clause[verb.end() : verb.end() + NAME_WINDOW].lstrip())
        at = verb.start()
    else:
        return None
    before = clause[max(0, at - NAME_WINDOW) : at]
    if _described(before):  # "Jane Doe, the head of X, said": the name before the description
        return _before_appositive(before)
    return (
        _unnamed_before(before)
        or _nearest_name(before)
        or _before_appositive(before)
        or _coordinated_subject(clause[:at])
    )


_COORDINATED = re.compile(r"\band\s+(?:then\s+)?$")
_OPENING_PRONOUN = re.compile(r"^\W*(he|she|they|we|i)\s+[a-z]", re.I)


def _coordinated_subject(clause: str) -> str | None:
    """The subject of a verb after "and": the clause's first ("He came over and said:").

    Only where the clause opens with that subject and names no one else before the verb.
    """
    if not _COORDINATED.search(clause):
        return None
    opening = _OPENING_PRONOUN.match(clause)
    if opening is None or _nearest_name(clause[opening.end() :]):
        return None
    return opening.group(1).lower()


# "the Treasury described it as "…"", "the board called the plan "…"", "in what one minister
# called "…"": a naming verb gives the words it names a speaker only in the active voice, with
# its object or after "what" ("a scheme called "…"" names no one)
_NAMING = (
    "described|describes|characteri[sz]ed|characteri[sz]es|called|branded|dubbed|labell?ed|termed"
)
_OBJECT_WORD = r"(?!(?:for|on|to|at|in|of|with|by|from|into|upon|off|out|up|as)\b)[a-z][\w'’-]*"
_OBJECT = (
    r"(?:it|them|this|that|these|those|him|her|"
    rf"(?:(?:the|its|his|her|their|our|this|that|these|those)\s+)?{_OBJECT_WORD}"
    rf"(?:\s+{_OBJECT_WORD}){{0,3}})"
)
_NAMING_END = re.compile(rf"\b(?P<verb>{_NAMING})\s+{_OBJECT}\s+(?:as\s+)?(?:an?\s+)?$")
_WHAT_NAMED = re.compile(rf"\bwhat\s+(?:[^\s,;:]+\s+){{1,6}}?(?P<verb>{_NAMING})(?:\s+as)?\s+$")


# a passive auxiliary right before a reporting verb: its subject hears the words
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got|gets)\s+(?:[a-z]+ly\s+)?$", re.I)


def told(lead_in: str) -> bool:
    """True when the last reporting verb before a quotation is passive ("she was told that")."""
    verbs = list(_VERB.finditer(lead_in))
    return bool(verbs) and _PASSIVE.search(lead_in, 0, verbs[-1].start()) is not None


def _appositive(text: str) -> tuple[list[str], list[str]] | None:
    """Text ending in ", …," split into the tokens before the appositive and the appositive."""
    stripped = text.rstrip()
    if not stripped.endswith(","):
        return None
    tokens = TOKEN.findall(stripped)
    commas = [k for k, t in enumerate(tokens) if t == ","]
    if len(commas) < 2 or len(tokens) - commas[-2] > _APPOSITIVE_MAX_TOKENS:
        return None
    return tokens[: commas[-2]], tokens[commas[-2] + 1 : -1]


def _described(text: str) -> bool:
    """True when text ends in a describing appositive ("…, the head of X,"), not a name."""
    parts = _appositive(text)
    return bool(
        parts
        and parts[1]
        and (parts[1][0][:1].islower() or bool(_OFFICE.match(" ".join(parts[1]))))
    )


# "Minister for Local Transport", "Chief Executive of Harbour Water": an office's title, a
# capitalised role joined to what it serves; a name never holds "for" or "of" so
_OFFICE = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?:for|of|at)\s+(?:the\s+)?[A-Z]")


def _before_appositive(text: str) -> str | None:
    """The name before a closing appositive ("Jane Doe, the head of the office, said")."""
    parts = _appositive(text)
    if not parts:
        return None
    head = " ".join(parts[0])
    return _unnamed_before(head) or _nearest_name(head)


_TAIL_HEAD = re.compile(rf"^[{SUPERSCRIPTS}]*\s*,?\s*")


def speaker_after(tail: str) -> str | None:
    """Speaker named after a quote (""…," said X" / ""…," X says" / "X, the head of Y, said")."""
    head = _TAIL_HEAD.match(tail)
    rest = tail[head.end() :] if head else tail
    verb = _VERB.match(rest)
    if verb:
        return _name_after_verb(rest[verb.end() :].lstrip(), determiner=True)
    tokens = TOKEN.findall(rest)
    if len(tokens) > 1 and tokens[0].lower() == "as":  # "…", as the Treasury put it
        tokens = tokens[1:]
    if tokens and tokens[0].lower() in PRONOUNS and _VERB.match(" ".join(tokens[1:])):
        return str(tokens[0]).lower()
    described = _described_speaker(rest) or _office_holder(rest) or _apposed_speaker(rest)
    if described:
        return described  # "…," Lisbon-based analyst Ana Ruiz wrote
    # "…," a senior official told me / "…," the Treasury said / "…," Jane Doe said
    run = _description_run(tokens)
    unnamed = run > 0
    if not unnamed:
        the = 1 if len(tokens) > 1 and tokens[0].lower() == "the" else 0
        run = name_run(tokens[the:])
        if not run:
            return None
        run += the
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
    if not _VERB.match(" ".join(after)):
        return None
    return _description(tokens[:run]) if unnamed else clean_name(" ".join(tokens[:run]))


_SUBJECT = re.compile(
    r"(?:^\s*|(?<=[.;:!?,—–])\s*|\b(?:and|but|while|when|as|that)\s+)"
    r"(?=[A-Z])"
)
# a verb a clause's subject goes on to: "The lead author, Dr Ana Ruiz, was cautious" (not
# "thanked its treasurer, Omar Haddad, after the vote": he is no subject there)
_FINITE = frozenset(
    "is was are were has had have will would could can may might should must did does".split()
)
_NOT_VERBS = frozenset("at in on of for to and or with by from as the a an who which".split())


def _described_speaker(tail: str) -> str | None:
    """A person named after a lower-case role and before the verb: "industry analyst Jo Park said".

    The role may open with a capitalised word of its own ("Pakistan-based developer"); nothing
    but the role and the name stands before the verb.
    """
    verb = _VERB.search(tail[:NAME_WINDOW])
    if verb is None:
        return None
    tokens = TOKEN.findall(tail[: verb.start()])
    if not 2 < len(tokens) <= _ROLE_MAX_WORDS + 4 or any(t in _CLAUSE_END for t in tokens):
        return None
    end = len(tokens)
    start = end
    while start > 0 and capitalised(tokens[start - 1]):
        start -= 1
    if end - start < 2 or start == 0 or not _role_word(tokens[start - 1]):
        return None
    role = tokens[:start]
    if any(not (_role_word(t) or (k == 0 and capitalised(t))) for k, t in enumerate(role)):
        return None
    name = clean_name(" ".join(tokens[start:end]))
    return name if name and is_person(name) else None


def _apposed_speaker(tail: str) -> str | None:
    """A person named between commas after their role: "the council's officer, Jo Park, said".

    The role opens with a determiner and is a few lower-case words; the name set off by the
    commas is the verb's subject.
    """
    verb = _VERB.search(tail[:NAME_WINDOW])
    if verb is None:
        return None
    tokens = TOKEN.findall(tail[: verb.start()])
    if len(tokens) < 5 or tokens[0].lower() not in _DETERMINERS or tokens[-1] != ",":
        return None
    comma = tokens.index(",")
    role, named = tokens[1:comma], tokens[comma + 1 : -1]
    if not 1 <= len(role) <= _ROLE_MAX_WORDS or not all(_role_word(t) for t in role):
        return None
    if not 2 <= len(named) <= 4 or not all(capitalised(t) for t in named):
        return None
    name = clean_name(" ".join(named))
    return name if name and is_person(name) else None


_OFFICE_LINKS = frozenset("of for on and & the".split())
_OFFICE_MAX_TOKENS = 12


def _office_holder(tail: str) -> str | None:
    """A titled person named after the office they hold and before the verb.

    "…," WHO Director of Health Emergencies Dr Rafael Moreno told reporters: the office is
    capitalised words (linked by "of", "for", "and"), then a title ("Dr", "Minister") and the
    person's full name, the verb's subject.
    """
    verb = _VERB.search(tail[:NAME_WINDOW])
    if verb is None:
        return None
    tokens = TOKEN.findall(tail[: verb.start()])
    if not 3 < len(tokens) <= _OFFICE_MAX_TOKENS or not capitalised(tokens[0]):
        return None
    if any(not (capitalised(t) or t in _OFFICE_LINKS) for t in tokens):
        return None
    title = max(
        (k for k in range(1, len(tokens) - 2) if tokens[k].lower().rstrip(".") in TITLES),
        default=None,
    )
    if title is None or not 2 <= len(tokens) - title - 1 <= 3:
        return None
    name = clean_name(" ".join(tokens[title + 1 :]))
    return name if name and is_person(name) else None


_RELATIVE = frozenset({"who", "whose"})


def _subjects(text: str) -> list[tuple[int, str, bool]]:
    """Names opening a clause, then (after any appositive) a lower-case word.

    Each is (offset, name, titled: a title stood before the name).
    """
    out: list[tuple[int, str, bool]] = []
    for match in _SUBJECT.finditer(text):
        tokens = TOKEN.findall(text[match.end() : match.end() + NAME_WINDOW])
        run = name_run(tokens)
        if not run:
            continue
        titled = any(t.lower() in TITLES for t in tokens[: run - 1])
        name = clean_name(" ".join(tokens[:run]))
        after = tokens[run:]
        if name is None or name.lower() in PRONOUNS or name.endswith(POSSESSIVE):
            continue  # "Dominic Reyes's article was right": the owner is no subject
        if after and after[0] == "," and _reports(after[1:]):
            after = after[1:]  # "Its president, Hank Sorensen, argues": the name set off
        elif (
            len(after) > 1
            and after[0] == ","
            and (after[1].lower() in _FINITE or _reports(after[1:]))
            and text[: match.end()].rstrip().endswith(",")
        ):
            after = after[1:]  # "The lead author, Dr Ana Ruiz, was …": the name set off too
        elif after and after[0] == ",":
            closing = next((k for k, t in enumerate(after[1:], 1) if t == ","), None)
            if closing is None or closing > _APPOSITIVE_MAX_TOKENS:
                continue
            after = after[closing + 1 :]
            # a relative clause may follow the description: "Jo Ode, chair of X, who led
            # the survey, said": the subject goes on after it
            if after and after[0].lower() in _RELATIVE:
                closing = next((k for k, t in enumerate(after) if t == ","), None)
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


# a full name a relative clause describes: "Amira Sayeed, who runs the library"
_INTRODUCED = re.compile(r"\b((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]+),\s+who\b")


def last_person(text: str, known: KnownPeople | None = None) -> str | None:
    """The last person named as a speaker or subject in text.

    "said Jane Doe", "Jane Doe, the head of X, played down", "Sen. Doe argued": a full name or
    a titled one, or the surname of a full name `known` from before ("Doe said she would"),
    never an institution ("according to the Ocean Trust": a name after "the" is a body's).
    """
    text = masked(text)
    found: list[tuple[int, str]] = []
    for at, name, titled in _subjects(text):
        full = known.expand(name) if known is not None else name
        if titled or is_person(name) or full != name:
            found.append((at, full))
    for introduced in _INTRODUCED.finditer(text):  # "to Amira Sayeed, who runs the library"
        described = clean_name(introduced.group(1))
        if described and is_person(described):
            found.append((introduced.start(1), described))
    for verb in _VERB.finditer(text):
        after = text[verb.end() : verb.end() + NAME_WINDOW].lstrip()
        if after[:4].lower() == "the ":
            continue
        said = _name_after_verb(after)
        if said and said.lower() not in PRONOUNS and (is_person(said) or _unnamed(said)):
            found.append((verb.end(), said))
    return max(found)[1] if found else None


def _last_name(text: str) -> str | None:
    """The last capitalised name in text that is not a sentence's first word or a pronoun."""
    tokens = TOKEN.findall(text)
    best: str | None = None
    k = 1
    while k < len(tokens):
        run = name_run(tokens[k:])
        if run and tokens[k - 1] not in (".", "!", "?"):
            name = clean_name(" ".join(tokens[k : k + run]))
            if name and name.lower() not in PRONOUNS and not name.endswith(POSSESSIVE):
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
    found = _subjects(masked(lead_in))
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
    speaker: str | None,
    text: str,
    since: int,
    before: int,
    last_speaker: str | None,
    known: KnownPeople | None = None,
) -> str | None:
    """A pronoun speaker as the person it stands for; any other speaker unchanged.

    The person is the last one named in text[since:before] (a surname alone when `known`
    holds its full name), else `last_speaker`; for "he" or "she" with neither, the one person
    the paragraph has named before ("your obituary of Frank Dalloway … He … said:").
    """
    if speaker in _PERSONAL:
        span = text[since:before]
        return (
            last_person(span, known)
            or _only_mentioned(span, known)
            or last_speaker
            or _only_person(text[:before])
        )
    if speaker == "they":
        return last_person(text[since:before], known) or last_speaker
    if speaker in PRONOUNS:
        return last_speaker
    return speaker


# a sentence opening on the person it is about: "For Keighley the change is …", "To Darragh …"
_TOPIC = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?:(?:For|To|With|Like|Unlike|Among)\s+)?"
    r"([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?=[\s,])"
)
_PRONOUN_WORD = re.compile(r"\b(?:he|she|his|her|him|they|their|them)\b", re.I)


def _only_mentioned(span: str, known: KnownPeople | None) -> str | None:
    """The one person a quotation's lead opens a sentence on, where no pronoun points elsewhere.

    "For Keighley the change is in … "…," he says.": the paragraph is about the person it opens
    on (a surname `known` in full, or a full name), not the last speaker of a paragraph before.
    A person named further in ("The board thanked its treasurer, Omar Haddad") is no topic, and
    a pronoun in the lead ("He wrote to Jane Doe") stands for someone named earlier.
    """
    if known is None or _PRONOUN_WORD.search(masked(span)):
        return None
    found: set[str] = set()
    for match in _TOPIC.finditer(masked(span)):
        if match.group(1).split()[0].lower() in STARTERS | TITLES:
            continue  # "The Minister added that …": a description, not a name
        name = known.expand(match.group(1))
        if (name != match.group(1) or " " in name) and is_person(name):
            found.add(name)
    return found.pop() if len(found) == 1 else None


def _only_person(text: str) -> str | None:
    """The full name of the one person text names (None if it names none, or several)."""
    found = {name for _, name in named_people(text, frozenset())}
    return found.pop() if len(found) == 1 else None
