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
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.core.ingest.sentences import MARKER, SUPERSCRIPTS, strip_markers

PULL_QUOTE_MIN_SCORE = 80.0
PULL_QUOTE_MIN_WORDS = 5

_VERBS = (
    "argues|argued|says|said|writes|wrote|notes|noted|states|stated|explains|explained|"
    "claims|claimed|observes|observed|remarks|remarked|emphasises|emphasised|emphasizes|"
    "emphasized|stresses|stressed|warns|warned|adds|added|concludes|concluded|insists|"
    "insisted|points out|pointed out|puts it|put it|told|tells|declares|declared|asserts|"
    "asserted|maintains|maintained|believes|believed|suggests|suggested|contends|contended|"
    "recalls|recalled|admits|admitted|comments|commented|summarises|summarised|summarizes|"
    "summarized|replies|replied|answers|answered|asks|asked|according to"
)
_VERB = re.compile(rf"\b(?:{_VERBS})\b", re.I)
_TOKEN = re.compile(r"[^\s,;:()]+|[,;:()]")
_PARTICLES = frozenset("von van de der den du da di al el bin ibn zu la le".split())
_TITLES = frozenset(
    """president minister chancellor secretary general director professor prof prof. dr dr.
    ambassador spokesperson spokesman spokeswoman head chief commander king queen prince
    senator mr mr. mrs mrs. ms ms. sir lord lady author expert analyst researcher
    prime foreign defence defense former deputy admiral colonel lieutenant captain sergeant
    marshal mayor governor chairman chairwoman chair ceo pope bishop rabbi imam sheikh""".split()
)
_STARTERS = frozenset(
    "the a an as in on at for but and however yet so thus this that these those it its "
    "for example instance".split()
)
_PRONOUNS = frozenset("he she they we i".split())
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


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
    if not tokens or not all(_capitalised(t) or t in _PARTICLES for t in tokens):
        return None
    if len(tokens) == 1 and tokens[0].lower() in _PRONOUNS:
        return tokens[0].lower()
    return " ".join(tokens)


def _nearest_name(text: str) -> str | None:
    """The capitalised name run ending closest to the end of text (at most four words before)."""
    tokens = _TOKEN.findall(text)
    i = len(tokens) - 1
    skipped = 0
    while i >= 0 and not _capitalised(tokens[i]):
        skipped += 1
        i -= 1
        if skipped > 4:
            return None
    end = i + 1
    while i >= 0 and (_capitalised(tokens[i]) or (
            tokens[i] in _PARTICLES and i > 0 and _capitalised(tokens[i - 1]))):
        i -= 1
    return _clean_name(" ".join(tokens[i + 1: end])) if end > i + 1 else None


def _name_at(text: str) -> str | None:
    """The capitalised name run at the very start of text, cleaned."""
    tokens = _TOKEN.findall(text)
    run: list[str] = []
    for k, token in enumerate(tokens):
        particle = token in _PARTICLES and k + 1 < len(tokens) and _capitalised(tokens[k + 1])
        if not (_capitalised(token) or (particle and run)):
            break
        run.append(token.rstrip("."))
    return _clean_name(" ".join(run)) if run else None


def speaker_before(lead_in: str) -> str | None:
    """Speaker named in the clause introducing a quote ("X for example argues ...:")."""
    clause = lead_in.rstrip()
    if not clause.endswith((":", ",")):
        return None
    verbs = list(_VERB.finditer(clause))
    if not verbs:
        return None
    verb = verbs[-1]
    if verb.group(0).lower() == "according to":
        return _name_at(clause[verb.end():].lstrip())
    return _nearest_name(clause[: verb.start()])


_TAIL_HEAD = re.compile(rf"^[{SUPERSCRIPTS}]*\s*,?\s*")


def speaker_after(tail: str) -> str | None:
    """Speaker named after a quote (""…," said X" / ""…," X says")."""
    head = _TAIL_HEAD.match(tail)
    rest = tail[head.end():] if head else tail
    verb = _VERB.match(rest)
    if verb:
        return _name_at(rest[verb.end():].lstrip())
    tokens = _TOKEN.findall(rest)
    run = 0
    while run < len(tokens) and _capitalised(tokens[run]):
        run += 1
    if run and _VERB.match(" ".join(tokens[run:])):
        return _clean_name(" ".join(tokens[:run]))
    return None


def _is_quotation(inner: str) -> bool:
    """A quotation holds a sentence: terminal punctuation inside, or at least six words."""
    clean = inner.strip()
    words = len(_WORDS.findall(clean))
    return words >= 6 or (words >= 3 and clean.rstrip(",").endswith((".", "?", "!", "…")))


def direct_quotes(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    last_speaker: str | None = None,
) -> list[DirectQuote]:
    """Find direct quotations in a paragraph's text (footnote markers still in place)."""
    out: list[DirectQuote] = []
    for open_at, close_at in quoted_spans(text):
        inner = text[open_at + 1: close_at - 1]
        if not _is_quotation(MARKER.sub("", inner)):
            continue
        start = next((a for a, b in sentence_spans if a <= open_at < b), 0)
        speaker = speaker_before(text[start:open_at])
        end_of_sentence = next((b for a, b in sentence_spans if a <= close_at - 1 < b),
                               len(text))
        tail = text[close_at:end_of_sentence]
        if speaker is None:
            speaker = speaker_after(tail)
        if speaker in _PRONOUNS:
            speaker = last_speaker
        if not speaker:
            continue
        last_speaker = speaker
        quote_text, inner_notes = strip_markers(inner)
        trailing = MARKER.match(text, close_at)
        _, tail_notes = strip_markers(trailing.group(0) if trailing else "")
        if not trailing and speaker_after(tail):
            _, tail_notes = strip_markers(tail)
        notes = tuple(dict.fromkeys(inner_notes + tail_notes))
        out.append(DirectQuote(quote_text.strip().rstrip(",").strip(), speaker, notes,
                               open_at, close_at))
    return out


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
