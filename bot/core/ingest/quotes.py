"""Quotations: direct quotes with their speaker, and pull quotes matched to the text they repeat.

A direct quote is a span in quotation marks introduced by a named speaker and a reporting verb
("Carlo Masala ... argues ...: "…"", ""…," said X") that holds a sentence (terminal
punctuation or at least a few words). Quoted terms and scare quotes ("projecting stability",
“normal”) have no speaker and no sentence, so they stay plain text. Pull quotes are display
lines that repeat (or paraphrase) a body sentence; they are found by fuzzy similarity with
rapidfuzz, one comparison per candidate against the article's text, never all pairs; a pull
quote is attributed to the article's authors and carries the notes of the sentence it repeats.
This module never changes sentence text: quotes are extra units pointing at sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from bot.core.ingest.formats import Block
from bot.core.ingest.sentences import MARKER, SUPERSCRIPTS, strip_markers

PULL_QUOTE_MIN_SCORE = 80.0
PULL_QUOTE_MIN_WORDS = 5

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
    "for example instance".split()
)
_PRONOUNS = frozenset("he she they we i".split())
_PERSONAL = frozenset("he she".split())
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
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
_NAME_WINDOW = 300  # characters around a verb or clause start searched for a name


@dataclass(frozen=True, slots=True)
class DirectQuote:
    """A direct quotation found in a paragraph: offsets are into the paragraph text."""

    text: str
    speaker: str
    notes: tuple[int, ...]
    start: int  # offset of the opening quote mark
    end: int  # offset after the closing quote mark


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Pair quotation marks: (offset of the opening mark, offset after the closing one)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for i, char in enumerate(text):
        if char not in "\"“”„":
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        can_open = char in "\"“„" and (before.isspace() or before in "([{–—/-") \
            and not after.isspace()
        can_close = char in "\"”“" and not before.isspace() and (
            after.isspace() or after in f".,;:?!)]}}–—{SUPERSCRIPTS}"
        )
        if opened is None and can_open:
            opened = i
        elif opened is not None and can_close:
            spans.append((opened, i + 1))
            opened = None
    return spans


def _capitalised(token: str) -> bool:
    return token.lstrip("\"“„‘'«(")[:1].isupper()


def _clean_name(run: str) -> str | None:
    tokens = run.split()
    while tokens and tokens[0].lower() in _STARTERS:
        tokens = tokens[1:]
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].lower() in _TITLES:
            tokens = tokens[k + 1:]
            break
    if not tokens or not all(_capitalised(t) or t in _PARTICLES or _of_institution(tokens, k)
                             for k, t in enumerate(tokens)):
        return None
    if len(tokens) == 1 and tokens[0].lower() in _PRONOUNS:
        return tokens[0].lower()
    return " ".join(tokens)


def _with_head(name: str | None, following: Sequence[str]) -> str | None:
    """A possessive names its head noun too: "Mozilla's manifesto", not "Mozilla's"."""
    if name and name.endswith(_POSSESSIVE) and following and following[0][:1].islower() \
            and following[0].isalpha() and following[0] not in _STARTERS:
        return f"{name} {following[0]}"
    return name


def _nearest_name(text: str) -> str | None:
    """The capitalised name run ending closest to the end of text (at most four words before)."""
    tokens = _TOKEN.findall(text)
    if tokens and tokens[-1].lower() in _PRONOUNS:
        return str(tokens[-1]).lower()
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and not _capitalised(tokens[i]):
        skipped += 1
        i -= 1
        if skipped > 4:
            return None
    end = i + 1
    while i >= 0 and (_capitalised(tokens[i]) or (
            tokens[i] in _PARTICLES and i > 0 and _capitalised(tokens[i - 1])) or (
            _of_institution(tokens, i))):
        i -= 1
    if end <= i + 1:
        return None
    return _with_head(_clean_name(" ".join(tokens[i + 1: end])), tokens[end:])


def _of_institution(tokens: Sequence[str], k: int) -> bool:
    """True for "of"/"for" inside an institution's name ("Centre for Economic Research")."""
    return (tokens[k] in ("of", "for") and 0 < k < len(tokens) - 1
            and _capitalised(tokens[k + 1]) and bool(_INSTITUTION.search(tokens[k - 1])))


def _name_run(tokens: Sequence[str]) -> int:
    """How many tokens at the start form a capitalised name run (particles inside allowed)."""
    k = 0
    while k < len(tokens):
        token = tokens[k]
        particle = token in _PARTICLES and k and k + 1 < len(tokens) and _capitalised(
            tokens[k + 1])
        if not (_capitalised(token) or particle or _of_institution(tokens, k)):
            break
        k += 1
    return k


def _name_at(text: str) -> str | None:
    """The capitalised name run at the very start of text, cleaned."""
    tokens = _TOKEN.findall(text)
    run = _name_run(tokens)
    if not run:
        return None
    # keep an initial's full stop ("C. Eugene"), drop a sentence's ("said John Roe.")
    name = _clean_name(" ".join(t if re.fullmatch(r"[A-Z]\.", t) else t.rstrip(".")
                                for t in tokens[:run]))
    return _with_head(name, tokens[run:])


def speaker_before(lead_in: str) -> str | None:
    """Speaker named in the clause introducing a quote ("X for example argues ...:")."""
    clause = lead_in.rstrip()
    if not clause.endswith((":", ",")):
        return None
    return _verb_speaker(clause)


def _verb_speaker(clause: str) -> str | None:
    # "as noted earlier" reports no one: a verb right after "as" has no speaker
    verbs = [v for v in _VERB.finditer(clause)
             if not re.search(r"(?:^|\W)as\s*$", clause[max(0, v.start() - 4): v.start()], re.I)]
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group(0).lower() == "according to":
        return _name_at(clause[verb.end(): verb.end() + _NAME_WINDOW].lstrip())
    before = clause[max(0, verb.start() - _NAME_WINDOW): verb.start()]
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
    return tokens[: commas[-2]], tokens[commas[-2] + 1: -1]


def _described(text: str) -> bool:
    """True when text ends in a describing appositive ("…, the head of X,"), not a name."""
    parts = _appositive(text)
    return bool(parts and parts[1] and parts[1][0][:1].islower())


def _before_appositive(text: str) -> str | None:
    """"Jane Doe, the head of the office, said": the name before a closing appositive."""
    parts = _appositive(text)
    return _nearest_name(" ".join(parts[0])) if parts else None


_TAIL_HEAD = re.compile(rf"^[{SUPERSCRIPTS}]*\s*,?\s*")


def speaker_after(tail: str) -> str | None:
    """Speaker named after a quote (""…," said X" / ""…," X says" / "X, the head of Y, said")."""
    head = _TAIL_HEAD.match(tail)
    rest = tail[head.end():] if head else tail
    verb = _VERB.match(rest)
    if verb:
        return _name_at(rest[verb.end():].lstrip())
    tokens = _TOKEN.findall(rest)
    if tokens and tokens[0].lower() in _PRONOUNS and _VERB.match(" ".join(tokens[1:])):
        return str(tokens[0]).lower()
    run = _name_run(tokens)
    if not run:
        return None
    after = tokens[run:]
    if after and after[0] == ",":
        closing = next((k for k, t in enumerate(after[1:], 1) if t == ","), None)
        if closing is None or closing > _APPOSITIVE_MAX_TOKENS or any(
                c in t for t in after[:closing] for c in "\"“”"):
            return None
        after = after[closing + 1:]
    if _VERB.match(" ".join(after)):
        return _clean_name(" ".join(tokens[:run]))
    return None


def _is_person(name: str) -> bool:
    return len(name.split()) >= 2 and not _INSTITUTION.search(name)


_SUBJECT = re.compile(r"(?:^|(?<=[.;:!?,—–])\s*|\b(?:and|but|while|when|as|that)\s+)"
                      r"(?=[A-Z])")
_NOT_VERBS = frozenset("at in on of for to and or with by from as the a an who which".split())


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
        tokens = _TOKEN.findall(text[match.end(): match.end() + _NAME_WINDOW])
        run = _name_run(tokens)
        if not run:
            continue
        titled = any(t.lower() in _TITLES for t in tokens[:run - 1])
        name = _clean_name(" ".join(tokens[:run]))
        after = tokens[run:]
        if name is None or name.lower() in _PRONOUNS:
            continue
        if after and after[0] == ",":
            closing = next((k for k, t in enumerate(after[1:], 1) if t == ","), None)
            if closing is None or closing > _APPOSITIVE_MAX_TOKENS:
                continue
            after = after[closing + 1:]
        if after and after[0][:1].islower() and after[0] not in _NOT_VERBS:
            out.append((match.end(), name, titled))
    return out


def last_person(text: str) -> str | None:
    """The last person named as a speaker or subject in text.

    "said Jane Doe", "Jane Doe, the head of X, played down", "Sen. Doe argued": a full name or
    a titled one, never an institution.
    """
    text = _masked(text)
    found = [(at, name) for at, name, titled in _subjects(text) if titled or _is_person(name)]
    for verb in _VERB.finditer(text):
        name = _name_at(text[verb.end(): verb.end() + _NAME_WINDOW].lstrip())
        if name and name.lower() not in _PRONOUNS and _is_person(name):
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
            name = _clean_name(" ".join(tokens[k: k + run]))
            if name and name.lower() not in _PRONOUNS and not name.endswith(_POSSESSIVE):
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
    name = _verb_speaker(clause)
    if name in _PERSONAL:
        return last_person(clause) or last_speaker
    if name == "they":
        return _last_name(clause[: clause.lower().rfind(" they ")])
    return None if name in _PRONOUNS else name


def clause_subject(lead_in: str) -> str | None:
    """The last clause subject named in a lead-in ("…and Jane Doe, head of X, posted:")."""
    found = _subjects(_masked(lead_in))
    return found[-1][1] if found else None


def _is_quotation(inner: str) -> bool:
    """A quotation holds a sentence: terminal punctuation inside, or at least six words."""
    clean = inner.strip()
    words = len(_WORDS.findall(clean))
    return words >= 6 or (words >= 3 and clean.rstrip(",").endswith((".", "?", "!", "…")))


_SHORT_QUOTE_MIN_WORDS = 3  # ""The issue has gone," said X": a short quote named at once
_FRAGMENT_MIN_WORDS = 4  # "X acknowledged that this is "not a complete solution""


def _ends_report(sentence: str) -> bool:
    """True when the sentence's reporting verb opens no statement of its own.

    "X, the head of Y, said at an event." can name the quote before it; "X stated that …"
    or "X said: "…"" cannot.
    """
    verb = _VERB.search(sentence)
    if verb is None:
        return False
    rest = sentence[verb.end():]
    return not re.match(r"\s*(?:that\b|:)", rest) and not any(c in rest for c in "\"“”")


def _resolve(speaker: str | None, text: str, since: int, before: int,
             last_speaker: str | None) -> str | None:
    if speaker in _PERSONAL or speaker == "they":
        return last_person(text[since:before]) or last_speaker
    if speaker in _PRONOUNS:
        return last_speaker
    return speaker


def direct_quotes(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    last_speaker: str | None = None,
) -> list[DirectQuote]:
    """Find direct quotations in a paragraph's text (footnote markers still in place).

    A pronoun speaker ("," he said") is the person last named before it: in this paragraph
    since the previous quote, else `last_speaker` (the last one named in earlier paragraphs).
    """
    out: list[DirectQuote] = []
    since = 0
    for open_at, close_at in quoted_spans(text):
        inner = MARKER.sub("", text[open_at + 1: close_at - 1])
        words = len(_WORDS.findall(inner))
        start = next((a for a, b in sentence_spans if a <= open_at < b), 0)
        end_of_sentence = next((b for a, b in sentence_spans if a <= close_at - 1 < b),
                               len(text))
        tail = text[close_at:end_of_sentence]
        after = speaker_after(tail)
        if _is_quotation(inner):
            lead = text[start:open_at]
            speaker = speaker_before(lead) or after
            if speaker is None and lead.rstrip().endswith(":"):
                speaker = lead_in_speaker(lead, last_speaker) or clause_subject(lead)
            if speaker is None and not tail.strip(f" {SUPERSCRIPTS}") and inner.rstrip()[-1:] \
                    in ".?!…":
                next_end = next((b for a, b in sentence_spans if a >= end_of_sentence),
                                len(text))
                following = text[end_of_sentence:min(next_end, end_of_sentence + _NAME_WINDOW)]
                if following.lstrip()[:1] not in "\"“„" and _ends_report(following):
                    speaker = speaker_after(following)
                    if speaker in _PRONOUNS:
                        speaker = None
        elif words >= _SHORT_QUOTE_MIN_WORDS and inner.rstrip().endswith(",") and after:
            speaker = after
        else:
            speaker = None
        if speaker is None and words >= _FRAGMENT_MIN_WORDS and not inner.rstrip().endswith(
                ","):
            speaker = _verb_speaker(text[start:open_at])
        speaker = _resolve(speaker, text, since, open_at, last_speaker)
        if not speaker:
            continue
        last_speaker = speaker
        since = close_at
        quote_text, inner_notes = strip_markers(text[open_at + 1: close_at - 1])
        trailing = MARKER.match(text, close_at)
        _, tail_notes = strip_markers(trailing.group(0) if trailing else "")
        if not trailing and after:
            _, tail_notes = strip_markers(tail)
        notes = tuple(dict.fromkeys(inner_notes + tail_notes))
        out.append(DirectQuote(quote_text.strip().rstrip(",").strip(), speaker, notes,
                               open_at, close_at))
    return out


# "…paid for. — Jane Doe, port engineer": an attribution run on after the quote's last sentence
_RUN_ON_ATTRIBUTION = re.compile(
    r"(?<=[.!?…\"”’])\s+((?:[—–―]|--)\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}"
    r"(?:,\s*[^—–―\"“”]{1,120})?)\s*$"
)


def split_attributions(blocks: Sequence[Block]) -> list[Block]:
    """Put a "— Name" run on at the end of a block quote's last line on a line of its own.

    The attribution then leaves the quote text like one written on its own line, and the
    quote block never runs on into the paragraph after it.
    """
    out: list[Block] = []
    for block in blocks:
        match = _RUN_ON_ATTRIBUTION.search(block.lines[-1].text) if (
            block.kind == "quote" and block.lines) else None
        if match:
            last = block.lines[-1]
            block = replace(block, lines=(*block.lines[:-1],
                                          replace(last, text=last.text[:match.start()]),
                                          replace(last, text=match.group(1))))
        out.append(block)
    return out


def clean_speaker(name: str) -> str:
    """A speaker without the full stop that closed its line ("Ida Marsh." → "Ida Marsh")."""
    if name.endswith(".") and not re.search(r"(?:^|\s)[A-Z]\.$|\b(?:Jr|Sr)\.$", name):
        return name[:-1].rstrip()
    return name


def repeat_score(candidate: str, text: str) -> float:
    """How well a display line matches some stretch of text (0–100, rapidfuzz partial ratio)."""
    if not text:
        return 0.0
    return float(fuzz.partial_ratio(candidate, text))


def locate_repeat(candidate: str, text: str) -> tuple[float, int]:
    """Best-matching stretch of text for a display line: (score, offset where it starts)."""
    if not text:
        return 0.0, 0
    match = fuzz.partial_ratio_alignment(candidate, text)
    if match is None:
        return 0.0, 0
    return float(match.score), int(match.dest_start)


def could_be_pull_quote(text: str) -> bool:
    """Shape test for a display line: a complete, unmarked sentence or two of modest length."""
    clean = text.strip()
    words = len(_WORDS.findall(clean))
    if not PULL_QUOTE_MIN_WORDS <= words <= 50:
        return False
    if MARKER.search(clean):
        return False
    first = clean.lstrip("\"“„‘'«")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    end = clean.rstrip("\"”’'»")
    return end.endswith((".", "?", "!", "…")) and len(re.findall(r"[.?!…]\s+\S", end)) <= 1
