"""Body layout: tell headings, captions, pull quotes and paragraphs apart, then rejoin paragraphs.

Headings are short single lines in title case with no closing full stop, after a finished
paragraph, or numbered in sequence over paragraphs ("1. Who pays?", "2. What changes"); a
box's label glued over its list ("At a glance") is no text. Captions end in a photo credit.
Pull quotes are short, complete display lines that repeat (or paraphrase) text found elsewhere
in the article. Everything else is body text, and a
paragraph cut by a page break is joined to its continuation with captions and pull quotes
lifted out (`page_breaks`). Shapes and similarity only: no rule names an article's content.
This module never drops body text; a line it cannot place stays a body paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from rapidfuzz import fuzz

from bot.core.ingest.captions import split_credit
from bot.core.ingest.faq import contact_fields, grouped_questions
from bot.core.ingest.formats import Block
from bot.core.ingest.page_breaks import (
    JoinHow,
    TextBuilder,
    clean_line,
    ends_open,
    ends_with_colon,
    items_stand_alone,
    list_item_text,
)
from bot.core.ingest.quotes import PULL_QUOTE_MIN_SCORE, could_be_pull_quote, repeat_score
from bot.core.ingest.repeat_windows import WordPlaces, sharing_rare_words

UnitKind = Literal["heading", "caption", "pull", "list", "paragraph"]
ParagraphKind = Literal["lead", "body", "caption", "bio"]

_HEADING_FUNCTION_WORDS = frozenset(
    "a an the and or but nor of in on at to for from by with as into onto over under about "
    "against between via vs per is are its than".split()
)
_HEADING_MAX_WORDS = 15
_HEADING_MAX_CHARS = 120
_QUESTION_MAX_WORDS = 12
_SENTENCE_HEADING_MAX_WORDS = 8
_SENTENCE_HEADINGS_MIN = 2  # likewise for short sentence-case lines over paragraphs
_QUESTION_HEADINGS_MIN = 2  # one question on its own line may be rhetorical; several head sections
_LABEL_MAX_WORDS = 5  # a box's label over its list ("At a glance", "In numbers")
_PULL_MAX_LINES = 3  # a display line may be hard-wrapped in a text export
_WORD = re.compile(r"[^\W_][\w'’-]*")
# a call to action standing as its own short paragraph ("Read the full transcript of his
# interview", "Watch the video"): a link's text, never the first half of a sentence
_CALL_TO_ACTION = re.compile(
    r"^(?:Read|Watch|Listen|View|See|Download|Subscribe|Sign\s+up|Follow|Click|Find\s+out|"
    r"Learn\s+more|Explore|Share)\b[^.!?:;,]{0,80}$"
)


@dataclass(frozen=True, slots=True)
class Unit:
    """A body block with its role: heading, caption, pull quote, list or paragraph."""

    kind: UnitKind
    block: Block
    text: str
    credit: str | None = None


@dataclass
class Paragraph:
    """A rebuilt paragraph: its text (markers still in), kind, section and caption credit."""

    kind: ParagraphKind
    builder: TextBuilder
    section: str
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class PullQuote:
    """A display line recognised as a pull quote (not yet tied to the sentence it repeats)."""

    text: str
    line: int
    section: str


@dataclass(frozen=True, slots=True)
class Join:
    """One repaired break: the piece ending on `before` continues on `after`.

    `kind` is "page" for a sentence cut by the layout, "list" for a list joined to the
    sentence introducing it; `hyphen` tells a word split by a hyphen was rejoined; `lifted`
    holds the lines of captions and pull quotes that sat between the two pieces.
    """

    before: int
    after: int
    kind: Literal["page", "list"]
    hyphen: bool = False
    lifted: tuple[int, ...] = ()


@dataclass
class Layout:
    """The body as rebuilt: paragraphs in reading order, pull quotes, headings, repairs."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    pulls: list[PullQuote] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    joins: list[Join] = field(default_factory=list)


def heading_shape(text: str) -> bool:
    """A heading's shape: one short line, title case, no closing full stop (a "?" is fine)."""
    words = _WORD.findall(text)
    if not 1 <= len(words) <= _HEADING_MAX_WORDS or len(text) > _HEADING_MAX_CHARS:
        return False
    if text.rstrip()[-1:] in ".,;:–—-" or not (text[:1].isupper() or text[:1].isdigit()):
        return False
    content = [w for w in words if w.lower() not in _HEADING_FUNCTION_WORDS]
    if not content:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(content) >= 0.75


def question_shape(text: str) -> bool:
    """A question heading's shape: one short question, capitalised ("What is the fee?")."""
    words = _WORD.findall(text)
    return (
        1 <= len(words) <= _QUESTION_MAX_WORDS
        and text.rstrip().endswith("?")
        and text[:1].isupper()
        and not re.search(r"[.!?;:]\s", text.rstrip())
    )


def classify(
    blocks: Sequence[Block],
    context: Sequence[str] = (),
    *,
    guess_headings: bool = True,
    turns: frozenset[int] = frozenset(),
    labelled: frozenset[int] = frozenset(),
) -> list[Unit]:
    """Give each body block its role. `context` holds other article text (the lead).

    Without `guess_headings` (the format marks its headings) no paragraph becomes a heading.
    A question on a line of its own heads a section when the body has several of them, each
    answered by the paragraph below (an explainer, an FAQ); a question a speaker asks in a
    transcript turn (its first line in `turns`) stays that speaker's words, and what follows
    a speaker's label (first line in `labelled`) is never a heading. Questions grouped under
    other headings (an FAQ's parts) are items, not sections, and contact fields one a line
    stand alone (`faq`).
    """
    blocks = [contact_fields(block) for block in blocks]
    units: list[Unit] = []
    questions: list[int] = []
    plain: list[int] = []  # short sentence-case lines alone: headings where the questions are
    previous_open = False
    numbered = _numbered_headings(blocks, turns | labelled) if guess_headings else set()
    for index, block in enumerate(blocks):
        text = clean_line(block.text)
        has_next = index + 1 < len(blocks)
        if block.kind == "heading" or index in numbered:
            units.append(Unit("heading", block, text))
            previous_open = False
            continue
        if guess_headings and _box_label(block, blocks[index + 1] if has_next else None):
            continue
        if block.kind in ("paragraph", "image"):
            credit = split_credit(text, sources=block.kind == "image")
            if credit and credit[0]:
                units.append(Unit("caption", block, credit[0], credit[1]))
                continue
            if block.kind == "image":
                units.append(Unit("caption", block, text))
                continue
        if block.kind == "list":
            units.append(Unit("list", block, text))
            previous_open = ends_open(text)
            continue
        # a line of its own between paragraphs, after a closed one, may head what follows
        lone_line = (
            guess_headings
            and block.kind == "paragraph"
            and len(block.lines) == 1
            and has_next
            and not previous_open
        )
        if lone_line and block.line not in labelled and heading_shape(text):
            units.append(Unit("heading", block, text))
            continue
        if lone_line and block.line not in turns and question_shape(text):
            questions.append(len(units))
            units.append(Unit("paragraph", block, text))
            continue
        if block.kind == "quote" or (
            len(block.lines) <= _PULL_MAX_LINES
            and block.line not in labelled  # a speaker's words, not a display line
            and not _handed_on(units)  # "I beg to move," / "Resolved," over a motion
            and could_be_pull_quote(text)
        ):
            units.append(Unit("pull", block, text))  # a candidate, checked below
            # "Figures are to 30 June." after a list: what follows is no continuation
            previous_open = previous_open and ends_open(text)
            continue
        if lone_line and block.line not in turns | labelled and _sentence_case_heading(text):
            plain.append(len(units))
        units.append(Unit("paragraph", block, text))
        previous_open = ends_open(text)
    units = _check_pull_quotes(units, context)
    answered = [
        i
        for i in questions
        if i + 1 < len(units)
        and units[i + 1].kind in ("paragraph", "list")
        and i + 1 not in questions
    ]
    under_headings = sum(1 for i in questions if i > 0 and units[i - 1].kind == "heading")
    if len(answered) >= _QUESTION_HEADINGS_MIN and not grouped_questions(under_headings):
        # the body heads its sections in sentence case: a short line of that case over a
        # paragraph ("How we did this") heads one too
        plain = [i for i in plain if i + 1 < len(units) and units[i + 1].kind == "paragraph"]
        for i in sorted((*answered, *plain)):
            units[i] = Unit("heading", units[i].block, units[i].text)
        return units
    # with no questions, several such lines, each over a paragraph that opens a sentence, head
    # the body's sections (a chapter's "The trouble with the transition"); one alone may be a
    # paragraph's first words cut off by a page break. So does a line the body sets apart as
    # widely as its headings.
    heads = [i for i in plain if _heads_paragraph(units, i)]
    if len(heads) < _SENTENCE_HEADINGS_MIN:
        heads = []
    for i in sorted({*heads, *_set_apart_like_headings(units, plain)}):
        units[i] = Unit("heading", units[i].block, units[i].text)
    return units


def _heads_paragraph(units: Sequence[Unit], i: int) -> bool:
    """Whether a short line, ending on no link word, stands over a paragraph opening a sentence."""
    words = _WORD.findall(units[i].text)
    below = units[i + 1] if i + 1 < len(units) else None
    return (
        below is not None
        and below.kind == "paragraph"
        and below.text[:1].isupper()
        and bool(words)
        and words[-1].lower() not in _HEADING_FUNCTION_WORDS
    )


def _set_apart_like_headings(units: Sequence[Unit], plain: Sequence[int]) -> list[int]:
    """The sentence-case lines alone that the body sets apart as it sets its headings.

    Where the headings ("Funding", "Background") stand after a wider run of blank lines than
    the paragraphs do, a short sentence-case line ("Our commitments") after as wide a run,
    over a paragraph or a list closer under it, heads a section too; two such headings at
    least.
    """
    wide = [g for u in units if u.kind == "heading" and (g := u.block.gap_before) > 1]
    out = []
    for i in plain:
        gap = units[i].block.gap_before
        if (
            len(wide) >= _QUESTION_HEADINGS_MIN
            and gap >= min(wide)
            and i + 1 < len(units)
            and units[i + 1].kind in ("paragraph", "list")
            and units[i + 1].block.gap_before < gap
        ):
            out.append(i)
    return out


def _sentence_case_heading(text: str) -> bool:
    """A short capitalised line with no punctuation in or after it ("How we did this")."""
    words = _WORD.findall(text)
    return (
        1 <= len(words) <= _SENTENCE_HEADING_MAX_WORDS
        and text[:1].isupper()
        and text.rstrip()[-1:].isalnum()
        and not re.search(r"[.!?;:,()\[\]\"“”]", text)
    )


_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")


def _numbered_headings(blocks: Sequence[Block], turns: frozenset[int]) -> set[int]:
    """The blocks that are numbered headings ("1. Who pays?", "2. What it costs").

    Each is a short line alone (no full stop closing it) over a paragraph or a bulleted list,
    and their numbers run 1, 2, 3… through the body, two or more of them; a numbered list's
    items stand over one another, a turn's words are a speaker's.
    """
    found: list[tuple[int, int]] = []
    for k, block in enumerate(blocks[:-1]):
        match = _NUMBERED.match(block.text) if len(block.lines) == 1 else None
        if (
            match is None
            or block.kind not in ("paragraph", "list")
            or block.line in turns
            or blocks[k + 1].kind not in ("paragraph", "list")
            or _NUMBERED.match(blocks[k + 1].text)
        ):
            continue
        rest = match.group(2).strip()
        if (
            rest[:1].isupper()
            and rest[-1:] not in ".,;:"
            and len(_WORD.findall(rest)) <= _HEADING_MAX_WORDS
            and not re.search(r"[.!?;:]\s", rest)
        ):
            found.append((k, int(match.group(1))))
    numbers = [number for _, number in found]
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return set()
    return {k for k, _ in found}


_LEAD_IN_MAX_WORDS = 8


def _handed_on(units: Sequence[Unit]) -> bool:
    """Whether the paragraph before is a short lead-in handing on to the next one.

    "I beg to move," or "Resolved," alone over a motion, "The clause reads:" over its words:
    what follows finishes the lead-in's sentence, it is no display line repeating the text.
    """
    if not units or units[-1].kind != "paragraph":
        return False
    text = units[-1].text.rstrip()
    return text.endswith((",", ":")) and len(_WORD.findall(text)) <= _LEAD_IN_MAX_WORDS


def _box_label(block: Block, below: Block | None) -> bool:
    """Whether a line is the label of the list right under it ("At a glance" over "- …" items).

    The label is a few words with no closing punctuation, on the line right above the list
    (no blank line between), and the items start with capitals: a lead-in that runs on
    into its items ("The fund pays for" over "- insulation") is a sentence's start.
    """
    if block.kind != "paragraph" or len(block.lines) != 1 or below is None:
        return False
    if below.kind != "list" or below.gap_before or not below.lines:
        return False
    words = _WORD.findall(block.text)
    item = list_item_text(below.lines[0].text)
    return (
        1 <= len(words) <= _LABEL_MAX_WORDS
        and block.text.strip()[:1].isupper()
        and block.text.rstrip()[-1:].isalnum()
        and words[-1].lower() not in _HEADING_FUNCTION_WORDS
        and item[:1].isupper()
    )


def _check_pull_quotes(units: list[Unit], context: Sequence[str]) -> list[Unit]:
    """Keep a pull-quote candidate only if it repeats text found elsewhere; else it is body.

    Two candidates may repeat each other (a one-sentence paragraph and its display line):
    the longer one, or the first of two equal ones, stays body. A repeat keeps the numbers
    and names of what it repeats: "Article 19 of the WPPT …" never repeats "Article 18 …".
    """
    candidates = [i for i, u in enumerate(units) if u.kind == "pull"]
    if not candidates:
        return units
    body = [u.text for u in units if u.kind in ("paragraph", "list")]
    places = WordPlaces("\n".join([*context, *body]))
    near = dict(
        zip(candidates, sharing_rare_words([units[i].text for i in candidates]), strict=True)
    )
    pulls: set[int] = set()
    unnarrowed = 0
    for i in candidates:
        text = units[i].text
        stretches = places.stretches(text)
        sharing = near[i]
        if sharing is None or (len(stretches) == 1 and stretches[0] is places.text):
            # no rare word to narrow the search: each such line is compared with everything,
            # so only the first few are (a long run of lines of common words, such as a
            # transcript's formulas, would make the check quadratic); the rest stay body
            unnarrowed += 1
            if unnarrowed > _UNNARROWED_MAX:
                continue
        if any(
            repeat_score(text, stretch) >= PULL_QUOTE_MIN_SCORE and _repeats(text, stretch)
            for stretch in stretches
        ):
            pulls.add(i)
            continue
        for k in candidates if sharing is None else sorted(candidates[j] for j in sharing):
            other = units[k].text
            bigger = len(other) > len(text) or (len(other) == len(text) and k < i)
            if (
                k != i
                and bigger
                and not _same_paragraph_twice(units[i], units[k])
                and repeat_score(text, other) >= PULL_QUOTE_MIN_SCORE
                and _repeats(text, other)
            ):
                pulls.add(i)
                break
    for i in candidates:
        if i not in pulls:
            units[i] = Unit("paragraph", units[i].block, units[i].text)
    return units


_UNNARROWED_MAX = 64  # pull-quote candidates compared with the whole text, at most


def _same_paragraph_twice(one: Unit, other: Unit) -> bool:
    """Whether two plain paragraphs say the same words: a form's repeated line, not a display.

    A pull quote is set apart from the text it repeats; a notice that prints "Comments will be
    available in the docket." in two of its parts repeats itself. A set-in quotation (a
    block the format marks as a quote) may still be the display of a one-sentence paragraph.
    """
    if one.block.kind == "quote" or other.block.kind == "quote":
        return False
    return _WORDS_ONLY.findall(one.text.lower()) == _WORDS_ONLY.findall(other.text.lower())


_WORDS_ONLY = re.compile(r"[\w'’-]+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<=\s)[A-Z][\w'’-]*")  # a capitalised word after the first


def _repeats(candidate: str, text: str) -> bool:
    """Whether the stretch of `text` that best matches `candidate` has its numbers and names.

    A display line may trim or lightly reword what it repeats, never change a number or a name.
    """
    match = fuzz.partial_ratio_alignment(candidate, text)
    if match is None:
        return False
    stretch = text[max(0, match.dest_start - 2) : match.dest_end + 2]
    if _NUMBER.findall(candidate) != _NUMBER.findall(stretch):
        return False
    words = set(re.findall(r"[\w'’-]+", stretch.lower()))
    if not all(name.lower() in words for name in _NAME.findall(candidate)):
        return False
    # nor its words but one in five: "… is affirmed." does not repeat "… and reinstate"
    content = [w for w in re.findall(r"[\w'’-]{4,}", candidate.lower()) if not w.isdigit()]
    return sum(w not in words for w in content) <= len(content) // 5


def _add_block(builder: TextBuilder, unit: Unit, *, inline_list: bool) -> JoinHow:
    """Add a unit's lines; return how its first line was joined."""
    first: JoinHow = "empty"
    for k, line in enumerate(unit.block.lines):
        if unit.kind == "list":
            item = replace(line, text=list_item_text(line.text))
            how = builder.add(item, hard_break=not inline_list and k > 0)
        else:
            how = builder.add(line)
        if k == 0:
            first = how
    return first


def _continues(
    builder: TextBuilder, nxt: Unit, after_list: bool, join_pages: bool
) -> Literal["page", "list"] | None:
    text = builder.text
    if nxt.kind == "list" and ends_with_colon(text):
        alone = nxt.block.alone or items_stand_alone([line.text for line in nxt.block.lines])
        return None if alone else "list"
    if not join_pages or nxt.block.alone:
        return None
    if nxt.kind not in ("paragraph", "list") or not ends_open(text):
        return None
    if _CALL_TO_ACTION.match(text.strip()) and nxt.text[:1].isupper():
        return None
    if after_list and not nxt.text[:1].islower():
        return None  # a list of fragments ends its sentence; only a lower-case start goes on
    return "page"


def assemble(
    units: Sequence[Unit],
    words: frozenset[str],
    starts: frozenset[int] = frozenset(),
    *,
    join_pages: bool = True,
) -> Layout:
    """Rebuild paragraphs across page breaks; collect pull quotes and section headings.

    A block whose first line is in `starts` (a transcript turn) always starts a paragraph.
    Without `join_pages` (a format with explicit paragraphs and no pages) only a list is
    joined to the sentence that introduces it with a colon.
    """
    layout = Layout()
    section = ""
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.kind == "heading":
            section = unit.text
            if section:  # an unnamed heading only ends a section (a treaty's signatures)
                layout.sections.append(section)
            i += 1
            continue
        if unit.kind in ("caption", "pull"):
            _place_insert(layout, unit, section, words)
            i += 1
            continue
        builder = TextBuilder(words=words)
        _add_block(builder, unit, inline_list=False)
        lifted: list[Unit] = []
        after_list = unit.kind == "list"
        j = i + 1
        while not unit.block.alone:  # a block that states its fact by itself goes on into none
            k = j
            while k < len(units) and units[k].kind in ("caption", "pull"):
                k += 1
            if k >= len(units):
                break
            kind = (
                None
                if units[k].block.line in starts
                else _continues(builder, units[k], after_list, join_pages)
            )
            if kind is None:
                break
            last_line = builder.line_at(len(builder.text) - 1)
            how = _add_block(builder, units[k], inline_list=kind == "list")
            layout.joins.append(
                Join(
                    last_line,
                    units[k].block.line,
                    kind,
                    how == "dehyphenated",
                    tuple(u.block.line for u in units[j:k]),
                )
            )
            lifted.extend(units[j:k])
            after_list = units[k].kind == "list"
            j = k + 1
        layout.paragraphs.append(Paragraph("body", builder, section))
        for insert in lifted:
            _place_insert(layout, insert, section, words)
        i = j
    return layout


def _place_insert(layout: Layout, unit: Unit, section: str, words: frozenset[str]) -> None:
    if unit.kind == "pull":
        layout.pulls.append(PullQuote(unit.text, unit.block.line, section))
        return
    builder = TextBuilder(words=words)
    for line in unit.block.lines:
        builder.add(line)
    if unit.credit is not None:
        cut = builder.text.rfind(unit.credit)
        if cut < 0:
            cut = len(unit.text)
        builder.text = builder.text[:cut].rstrip()
    # a table's or chart's "Source: …" is its caption's credit only, shown with the caption
    layout.paragraphs.append(Paragraph("caption", builder, section, unit.credit))
