"""Quotations: direct quotes with their speaker, and pull quotes matched to the text they repeat.

A direct quote is a span in quotation marks with a speaker named around it (the forms are in
`attribution`) that holds a sentence (terminal punctuation or at least six words); a shorter
one counts where its speaker is named right after it (""The issue has gone," said X") or a
reporting clause leads into it ("X acknowledged that this is "not a complete solution"").
Quoted terms and scare quotes ("projecting stability", “normal”) have no speaker, so they stay
plain text; a quotation nobody is named for is no one's, never the author's. Pull quotes are display
lines that repeat (or paraphrase) a body sentence; they are found by fuzzy similarity with
rapidfuzz, one comparison per candidate against the article's text, never all pairs; a pull
quote is attributed to whoever is quoted in the sentence it repeats (else the article's authors)
and carries that sentence's notes. A quotation that goes on after an attributed one in the same
paragraph, with no one else named between them, is still that speaker's; words someone "was
told" are not.
This module never changes sentence text: quotes are extra units pointing at sentences.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from bot.core.ingest.attribution import (
    NAME_WINDOW,
    PRONOUNS,
    KnownPeople,
    clause_subject,
    ends_report,
    last_person,
    lead_in_speaker,
    named_people,
    quoted_spans,
    resolve_speaker,
    speaker_after,
    speaker_before,
    told,
    verb_speaker,
)
from bot.core.ingest.formats import Block
from bot.core.ingest.sentences import MARKER, SUPERSCRIPTS, strip_markers

__all__ = [
    "DirectQuote",
    "clause_subject",
    "clean_speaker",
    "could_be_pull_quote",
    "direct_quotes",
    "displayed_quotes",
    "last_person",
    "lead_in_speaker",
    "locate_repeat",
    "quoted_spans",
    "repeat_score",
    "speaker_after",
    "speaker_before",
    "split_attributions",
]

PULL_QUOTE_MIN_SCORE = 80.0
PULL_QUOTE_MIN_WORDS = 5
_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class DirectQuote:
    """A direct quotation found in a paragraph: offsets are into the paragraph text."""

    text: str
    speaker: str
    notes: tuple[int, ...]
    start: int  # offset of the opening quote mark
    end: int  # offset after the closing quote mark


def _is_quotation(inner: str) -> bool:
    """A quotation holds a sentence: terminal punctuation inside, or at least six words."""
    clean = inner.strip()
    words = len(_WORDS.findall(clean))
    return words >= 6 or (words >= 3 and clean.rstrip(",").endswith((".", "?", "!", "…")))


def _is_title(inner: str) -> bool:
    """A quoted name or title ("Streets for Everyone and All of Us"): every long word capitalised.

    Nobody says a title, so a reporting or naming verb before it makes no quotation.
    """
    clean = inner.strip()
    if clean[-1:] in ".?!…":
        return False
    words = _WORDS.findall(clean)
    long = [w for w in words if len(w) > 3]
    return (
        bool(words)
        and words[0][:1].isupper()
        and len(long) >= 2
        and all(w[:1].isupper() for w in long)
    )


_FIRST_PERSON = frozenset({"i", "we"})
# a possessive as a clause's subject ("My advice is simple: "…"") is its pronoun's speaker
# a first-person lead-in's own clause: "I won't pretend …:", "… where I grew up:"
_SELF_LEAD = re.compile(r"^[^.!?\"“”]*\b(?:I|We|we)\b[^.!?]*:\s*$")
_POSSESSIVE = {"my": "i", "our": "we", "his": "he", "her": "she", "their": "they"}
_SHORT_QUOTE_MIN_WORDS = 3  # ""The issue has gone," said X": a short quote named at once
_FRAGMENT_MIN_WORDS = 4  # "X acknowledged that this is "not a complete solution""


# "X spoke against the plan, saying that "…"": a participle after the clause reports its
# subject's words
_PARTICIPLE = re.compile(
    r",\s+(?:saying|adding|warning|arguing|noting|insisting|explaining|claiming|stating|"
    r"declaring|complaining|calling\s+it|describing\s+it\s+as)(?:\s+that)?\s*:?\s*$"
)


def _participle_speaker(lead: str) -> str | None:
    """The named subject of a clause a reporting participle closes ("X left, saying that")."""
    match = _PARTICIPLE.search(lead)
    if match is None:
        return None
    name = clause_subject(lead[: match.start()] + ",")
    return name if name is not None and len(name.split()) >= 2 else None


def direct_quotes(
    text: str,
    sentence_spans: Sequence[tuple[int, int]],
    last_speaker: str | None = None,
    known: KnownPeople | None = None,
    own: str | None = None,
) -> list[DirectQuote]:
    """Find direct quotations in a paragraph's text (footnote markers still in place).

    A pronoun speaker ("," he said") is the person last named before it: in this paragraph
    since the previous quote, else `last_speaker` (the last one named in earlier paragraphs).
    A surname named alone ("Marsh did not hesitate") counts when `known` holds its full name.
    `own` is whose words the paragraph is (a turn's speaker): what "I" or "we" said ("As I
    told the House, "…"") is theirs.
    """
    out: list[DirectQuote] = []
    since = 0
    for open_at, close_at in quoted_spans(text):
        inner = MARKER.sub("", text[open_at + 1 : close_at - 1])
        words = len(_WORDS.findall(inner))
        start = next((a for a, b in sentence_spans if a <= open_at < b), 0)
        end_of_sentence = next((b for a, b in sentence_spans if a <= close_at - 1 < b), len(text))
        tail = text[close_at:end_of_sentence]
        after = speaker_after(tail)
        if _is_quotation(inner):
            lead = text[start:open_at]
            speaker = speaker_before(lead) or after
            if speaker is None and lead.rstrip().endswith(":"):
                speaker = lead_in_speaker(lead, last_speaker) or clause_subject(lead)
                if speaker is None and own and _SELF_LEAD.match(lead):
                    speaker = own  # "I won't pretend it's easy: "…"" in one's own words
            if speaker is None:
                speaker = _participle_speaker(lead)
            if (
                speaker is None
                and not tail.strip(f" {SUPERSCRIPTS}")
                and inner.rstrip()[-1:] in ".?!…"
            ):
                next_end = next((b for a, b in sentence_spans if a >= end_of_sentence), len(text))
                following = text[end_of_sentence : min(next_end, end_of_sentence + NAME_WINDOW)]
                if following.lstrip()[:1] not in '"“„' and ends_report(following):
                    speaker = speaker_after(following)
                    if speaker in PRONOUNS:
                        speaker = None
        elif after and (
            (words >= _SHORT_QUOTE_MIN_WORDS and inner.rstrip().endswith(","))
            or (words and inner.rstrip().endswith(("?", "!")))  # ""Visible?" she said"
        ):
            speaker = after
        else:
            speaker = None
        if (
            speaker is None
            and words >= _FRAGMENT_MIN_WORDS
            and not inner.rstrip().endswith(",")
            and not _is_title(inner)
        ):
            speaker = verb_speaker(text[start:open_at])
        if speaker is not None and speaker.lower() in _POSSESSIVE:
            speaker = _POSSESSIVE[speaker.lower()]
        if own and speaker in _FIRST_PERSON:
            speaker = own
        speaker = resolve_speaker(speaker, text, since, open_at, last_speaker, known)
        if not speaker and out and _is_quotation(inner):
            previous_end = next(
                (b for a, b in sentence_spans if a <= out[-1].end - 1 < b), len(text)
            )
            # the very next sentence, unless its subject hears the words ("she was told …")
            if not text[previous_end:start].strip() and not told(text[start:open_at]):
                speaker = _continued(out[-1], text[out[-1].end : open_at])
        if not speaker:
            continue
        last_speaker = speaker
        since = close_at
        quote_text, inner_notes = strip_markers(text[open_at + 1 : close_at - 1])
        trailing = MARKER.match(text, close_at)
        _, tail_notes = strip_markers(trailing.group(0) if trailing else "")
        if not trailing and after:
            _, tail_notes = strip_markers(tail)
        notes = tuple(dict.fromkeys(inner_notes + tail_notes))
        out.append(
            DirectQuote(quote_text.strip().rstrip(",").strip(), speaker, notes, open_at, close_at)
        )
    return out


def _continued(previous: DirectQuote, between: str) -> str | None:
    """The speaker of a quotation that goes on after an attributed one in the same paragraph.

    ""Shade is public health," said X, the councillor. "Every tree we plant …"": with no one
    else named between the two, the second is still X's.
    """
    named = last_person(between)
    if named is None or named in previous.speaker or previous.speaker.endswith(named):
        return previous.speaker
    return None


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
        match = (
            _RUN_ON_ATTRIBUTION.search(block.lines[-1].text)
            if (block.kind == "quote" and block.lines)
            else None
        )
        if match:
            last = block.lines[-1]
            block = replace(
                block,
                lines=(
                    *block.lines[:-1],
                    replace(last, text=last.text[: match.start()]),
                    replace(last, text=match.group(1)),
                ),
            )
        out.append(block)
    return out


def clean_speaker(name: str) -> str:
    """A speaker without the full stop that closed its line ("Ida Marsh." → "Ida Marsh")."""
    if name.endswith(".") and not re.search(r"(?:^|\s)[A-Z]\.$|\b(?:Jr|Sr)\.$", name):
        return name[:-1].rstrip()
    return name


def repeat_score(candidate: str, text: str) -> float:
    """How well a display line matches some stretch of text (rapidfuzz partial ratio).

    A score under PULL_QUOTE_MIN_SCORE is 0: the cut-off lets rapidfuzz give up early on text
    that repeats nothing, the usual case (a one-sentence paragraph checked against the body).
    """
    if not text:
        return 0.0
    return float(fuzz.partial_ratio(candidate, text, score_cutoff=PULL_QUOTE_MIN_SCORE))


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


def displayed_quotes(
    text: str, lead_in: str, lower_words: frozenset[str], last_speaker: str | None = None
) -> list[DirectQuote]:
    """The quotations of a paragraph set out in quotation marks under a lead-in ending in ":".

    A block quote shown under "… a speech by the Director, Jo Park, to the conference:" is the
    words of the speaker the lead-in reports ("Jo Park said:"), else of the one person it names
    (a name whose surname the text also writes in small letters is none); nobody's when it
    names none, or two. Each quoted span is a quote of that speaker.
    """
    if not lead_in.rstrip().endswith(":") or text.lstrip()[:1] not in '"“„':
        return []
    speaker = lead_in_speaker(lead_in, last_speaker)
    if speaker is None or speaker in PRONOUNS:
        # a surname the text writes in small letters is a common word ("Local Transport")
        people = {
            name
            for _, name in named_people(lead_in, lower_words)
            if name.split()[-1].lower() not in lower_words | PRONOUNS  # "When I asked"
        }
        speaker = next(iter(people)) if len(people) == 1 else None
    if speaker is None:
        return []
    out: list[DirectQuote] = []
    for open_at, close_at in quoted_spans(text):
        inner, notes = strip_markers(text[open_at + 1 : close_at - 1])
        trailing = MARKER.match(text, close_at)
        _, tail_notes = strip_markers(trailing.group(0) if trailing else "")
        if _is_quotation(inner):
            notes = tuple(dict.fromkeys(notes + tail_notes))
            out.append(DirectQuote(inner.strip(), speaker, notes, open_at, close_at))
    return out


# someone described, unnamed: a sentence's subject ("A caller left us a message.") or where
# words come from ("a letter from a listener", "sent in by one reader")
_DESCRIBED = re.compile(
    r"(?:(?:^|(?<=[.!?]\s))(?:A|An|One)\s+(?P<subject>[a-z][\w'’-]*)"
    r"|\b(?:from|by)\s+(?P<source>(?:a|an|one)\s+(?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"
    r"(?=\s*[.,;:!?]))"
)


def read_out(text: str, sentence_spans: Sequence[tuple[int, int]]) -> list[DirectQuote]:
    """The words a speaker reads out for someone the turn describes but never names.

    "I want to read something from a listener. … and she wrote: "…"": the quotation is the
    listener's ("a listener"), not the speaker's own words. Only a pronoun's quotation counts,
    and only where an earlier sentence of the turn describes someone: as its subject ("A caller
    left a message.") or as where words come from ("a letter from a reader"); the last one.
    """
    out: list[DirectQuote] = []
    for open_at, close_at in quoted_spans(text):
        inner, notes = strip_markers(text[open_at + 1 : close_at - 1])
        start = next((a for a, b in sentence_spans if a <= open_at < b), 0)
        if not _is_quotation(inner) or speaker_before(text[start:open_at]) not in ("he", "she"):
            continue
        described = [
            m.group("source") or f"{m.group(0).split()[0].lower()} {m.group('subject')}"
            for m in _DESCRIBED.finditer(text[:start])
        ]
        if described:
            speaker = " ".join(described[-1].split())
            out.append(DirectQuote(inner.strip(), speaker, notes, open_at, close_at))
    return out
