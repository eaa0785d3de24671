"""Assemble one `Article` from a decoded source text: the ingest steps in order.

header → notes list and closing matter (translation note, bio) → lead → body layout (headings,
captions, pull quotes, page-break repair) → sentences → direct and pull quotes → figures →
glossary → marker/notes checks. Sentence ids `"{id}:s{n:04d}"` and quote ids `"{id}:q{n:03d}"`
follow reading order: lead, body (a caption right after the paragraph it interrupted), bio.
`Article.sections` lists the headings only; the untitled introduction, the lead and the bio
have section "". This module never reads files: it gets text and returns issues, not raises.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from bot.core.ingest.attribution import PRONOUNS, KnownPeople, named_people
from bot.core.ingest.budget import NO_DEADLINE, Deadline
from bot.core.ingest.cast_lists import take_cast, take_cast_lists
from bot.core.ingest.credit_lines import take_credit_line
from bot.core.ingest.faq import without_question_labels
from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, SourceDocument
from bot.core.ingest.glossary import find_glossary
from bot.core.ingest.layout import Layout, Paragraph, assemble, classify
from bot.core.ingest.metadata import (
    Header,
    footer_names,
    footer_outlet,
    is_bio,
    is_header_line,
    is_name,
    issue_line,
    join_names,
    place_dateline,
    read_header,
    split_header_stack,
    translation_note,
)
from bot.core.ingest.minutes import agenda_headings, roster_of, without_form_lines
from bot.core.ingest.names import titled_in_full
from bot.core.ingest.notes import (
    check_markers,
    heading_of_notes,
    looks_like_notes,
    parse_notes,
    read_note_lines,
)
from bot.core.ingest.page_breaks import TextBuilder, clean_line, vocabulary
from bot.core.ingest.parliament import is_house
from bot.core.ingest.press_release import take_release_marker, without_release_furniture
from bot.core.ingest.pull_quotes import Spoken, joined, pull_quotes
from bot.core.ingest.qa_turns import question_turns
from bot.core.ingest.quotes import (
    clean_speaker,
    direct_quotes,
    displayed_quotes,
    last_person,
    lead_in_speaker,
    read_out,
    split_attributions,
)
from bot.core.ingest.sentences import MARKER, split_sentences, strip_markers
from bot.core.ingest.transcripts import (
    attributed_quotes,
    find_turns,
    full_name,
    guest_from,
    without_clock_lines,
)
from bot.core.model import Article, Figure, IngestIssue, Quote, Sentence


@dataclass(frozen=True, slots=True)
class Parts:
    """The source cut into its parts before the body is laid out."""

    body: tuple[Block, ...]
    lead: Block | None
    bios: tuple[Block, ...]
    notes: tuple[Block, ...]
    translation: str | None
    outlet: str | None = None  # the publication a copyright footer names


def split_parts(
    blocks: Sequence[Block], consumed: int, authors: Sequence[str], has_header: bool
) -> Parts:
    """Separate lead, body, closing matter and notes list from the blocks after the header."""
    rest = list(blocks[consumed:])
    notes = [b for b in rest if b.kind == "notes"]
    rest = [b for b in rest if b.kind != "notes"]
    has_markers = any(MARKER.search(line.text) for b in rest for line in b.lines)
    trailing: list[Block] = []
    if rest and len(rest[-1].lines) > 1 and heading_of_notes(rest[-1].lines[0]):
        # a "References" line with its notes under it, no blank line between
        last = rest.pop()
        rest += [replace(last, lines=last.lines[:1]), replace(last, lines=last.lines[1:])]
        if not looks_like_notes(rest[-1]):
            rest[-2:] = [last]
    while rest and looks_like_notes(rest[-1]):
        trailing.insert(0, rest.pop())
    if trailing and rest and heading_of_notes(rest[-1].lines[0]) and len(rest[-1].lines) == 1:
        rest.pop()
        notes = trailing + notes
    elif trailing and has_markers:
        notes = trailing + notes
    else:
        rest.extend(trailing)
    translation = None
    kept: list[Block] = []
    for block in rest:
        note = translation_note(block)
        if note and translation is None:
            translation = note
        else:
            kept.append(block)
    footer: tuple[str, ...] = ()
    while kept and (names := footer_names(kept[-1])) is not None:
        kept.pop()  # "The Outlet | Opinion | © 2025 …": page furniture naming the outlet
        footer = (*names, *footer)
    bios: list[Block] = []
    while kept and is_bio(kept[-1], authors):
        bios.insert(0, kept.pop())
    lead = None
    if (
        has_header
        and kept
        and kept[0].kind == "paragraph"
        and len(clean_line(kept[0].text).split()) > 25
    ):
        lead = kept.pop(0)
    outlet = footer_outlet(footer, authors)
    return Parts(tuple(kept), lead, tuple(bios), tuple(notes), translation, outlet)


@dataclass
class _Unit:
    """A sentence being built, with what quote detection needs to know about it."""

    sentence: Sentence
    paragraph: Paragraph
    start: int
    end: int


def _sentences(
    article_id: str, paragraphs: Sequence[Paragraph], turns: Mapping[int, str] | None = None
) -> list[_Unit]:
    units: list[_Unit] = []
    for number, paragraph in enumerate(paragraphs, start=1):
        builder = paragraph.builder
        speaker = _turn_speaker(paragraph, turns)
        for start, end in split_sentences(builder.text, builder.hard_breaks):
            text, notes = strip_markers(builder.text[start:end])
            if not text:
                continue
            sentence = Sentence(
                id=f"{article_id}:s{len(units) + 1:04d}",
                text=text,
                section=paragraph.section,
                paragraph=number,
                kind=paragraph.kind,
                notes=notes,
                credit=paragraph.credit,
                line=builder.line_at(start),
                page=builder.page_at(start),
                speaker=speaker,
            )
            units.append(_Unit(sentence, paragraph, start, end))
    return units


def _turn_speaker(paragraph: Paragraph, turns: Mapping[int, str] | None) -> str | None:
    """The speaker of a transcript turn's paragraph (body or lead); None outside turns."""
    builder = paragraph.builder
    if paragraph.kind not in ("body", "lead") or not builder.starts or not turns:
        return None
    turn = turns.get(builder.starts[0][1])
    return clean_speaker(turn) if turn else None


def _paragraph(kind: str, block: Block, words: frozenset[str]) -> Paragraph:
    builder = TextBuilder(words=words)
    for line in block.lines:
        builder.add(line)
    return Paragraph("lead" if kind == "lead" else "bio", builder, "")


_TURN_QUOTE_MAX_CHARS = 600
_LOWER = re.compile(r"\b[a-z]+\b")  # the words a document writes in lower case
_AUTHOR_WARNING_MIN_SENTENCES = 5  # a fragment of a few lines is not worth the warning


def _turn_quotes(group: Sequence[_Unit], speaker: str) -> list[tuple[int, Quote]]:
    """A transcript paragraph as quotes by its speaker, cut between sentences when long."""
    out: list[tuple[int, Quote]] = []
    chunk: list[_Unit] = []

    def flush() -> None:
        if chunk:
            notes = tuple(dict.fromkeys(n for u in chunk for n in u.sentence.notes))
            text = " ".join(u.sentence.text for u in chunk)
            out.append(
                (
                    chunk[0].sentence.line,
                    Quote("", text, speaker, "direct", chunk[0].sentence.id, notes),
                )
            )
            chunk.clear()

    for unit in group:
        if (
            chunk
            and sum(len(u.sentence.text) + 1 for u in chunk) + len(unit.sentence.text)
            > _TURN_QUOTE_MAX_CHARS
        ):
            flush()
        chunk.append(unit)
    flush()
    return out


def _quoted_in_turn(
    group: Sequence[_Unit], turn: str, document: str = ""
) -> list[tuple[int, Quote]]:
    """The words a speaker quotes someone else as saying ("As Ronan Doyle put it, “…”").

    Someone else is named in full, or by a surname the document writes after a title ("As
    President Kaboré told parliament, “…”": Kaboré), or as a body ("the farmers' union"); what
    the speaker quotes themselves as saying ("As I told the House, “…”") is a quote of theirs.
    """
    text = group[0].paragraph.builder.text
    out: list[tuple[int, Quote]] = []
    spans = [(u.start, u.end) for u in group]
    read = read_out(text, spans)  # words read out for someone described ("a listener"): theirs
    for quote in [*direct_quotes(text, spans, own=turn), *read]:
        # the speaker's own earlier words ("As I told the House, “…”") are theirs too
        if quote.speaker == turn or (
            quote in read or _someone_else(quote.speaker, turn, document or text)
        ):
            home = next((u for u in group if u.start <= quote.start < u.end), group[0])
            speaker = titled_in_full(quote.speaker, document or text)  # "Minister Zhao"
            out.append(
                (
                    home.sentence.line,
                    Quote("", quote.text, speaker, "direct", home.sentence.id, quote.notes),
                )
            )
    return out


_TITLED = r"(?:[A-Z][a-z]+\.?\s+)"  # "President ", "Dr. ", "Minister "


def _someone_else(speaker: str, turn: str, text: str) -> bool:
    """Whether a quote's speaker in a turn is a person or body other than the turn's speaker."""
    if speaker.split()[-1] == turn.split()[-1] or speaker.lower() in PRONOUNS:
        return False
    if is_name(speaker) or speaker.split()[0] in _DESCRIBED or _LINKED_BODY.match(speaker):
        return True  # "a senior official", "the Eskelund farmers' union": described
    return (
        " " not in speaker
        and speaker[:1].isupper()
        and re.search(rf"\b{_TITLED}{re.escape(speaker)}(?![\w'’-])", text) is not None
        and speaker.lower() not in _LOWER.findall(text)
    )


_DESCRIBED = frozenset("a an one the".split())
# a body's name whose words "for" or "of" link: "Campaign for Better Transport"
_LINKED_BODY = re.compile(
    r"^(?:[A-Z][\w'’&-]*\s+){1,3}(?:for|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}$"
)


def _quotes(
    article_id: str,
    units: Sequence[_Unit],
    layout: Layout,
    speaker: str,
    turns: Mapping[int, str] | None = None,
    cited: Mapping[int, str] | None = None,
    asked: frozenset[int] = frozenset(),
    signed: Sequence[tuple[int, int, str]] = (),
) -> list[tuple[int, Quote]]:
    """Direct quotes (in body and lead), transcript turns and pull quotes, in source order.

    `cited` names the speaker a block quote's display names, by its line. A reporter's turn
    (its first line in `asked`) gives no quote: the press asks. `signed` gives the line spans
    of signed messages: what "I" said in one is its signer's.
    """
    found: list[tuple[int, Quote]] = []
    by_paragraph: dict[int, list[_Unit]] = {}
    for unit in units:
        if unit.sentence.kind in ("body", "lead"):
            by_paragraph.setdefault(id(unit.paragraph), []).append(unit)
    facts = [u.sentence for u in units if u.sentence.kind in ("body", "lead")]
    _, starts = joined(facts)
    spoken: list[Spoken] = []  # who says which stretch of the body: pull quotes follow it

    def said(
        group: Sequence[_Unit], speaker: str, start: int | None = None, end: int | None = None
    ) -> None:
        """Note that `speaker` says the group's text from `start` to `end` (paragraph offsets)."""

        def at(offset: int) -> int:
            home = next((u for u in reversed(group) if u.start <= offset), group[0])
            inside = min(max(offset - home.start, 0), len(home.sentence.text))
            return starts[home.sentence.id] + inside

        stop = at(group[-1].end if end is None else end)
        spoken.append(Spoken(at(group[0].start if start is None else start), stop, speaker))

    last_speaker: str | None = None
    lead_in = ""
    texts = [group[0].paragraph.builder.text for group in by_paragraph.values()]
    lower_words = frozenset(w for text in texts for w in _LOWER.findall(text))
    document = "\n".join(texts)
    known = KnownPeople()  # full names named so far
    # a picture's caption names its subject in full ("Volunteer flood warden Tom Keighley …")
    captions = sorted(
        (u.sentence for u in units if u.sentence.kind == "caption"), key=lambda s: s.line
    )
    section = ""
    for group in by_paragraph.values():
        while captions and captions[0].line <= group[0].sentence.line:
            for _, name in named_people(captions.pop(0).text, lower_words):
                known.add(name)
        if group[0].paragraph.section != section:
            section = group[0].paragraph.section
            last_speaker = None  # "he said" never reaches back over a section's heading
        turn = _turn_speaker(group[0].paragraph, turns)
        if turn:
            if group[0].paragraph.builder.starts[0][1] not in asked:
                found.extend(_turn_quotes(group, turn))
            found.extend(_quoted_in_turn(group, turn, document))
            said(group, turn)
            lead_in = ""
            continue
        spans = [(u.start, u.end) for u in group]
        text = group[0].paragraph.builder.text
        people = named_people(text, lower_words)
        here = known.plus(name for _, name in people)  # so far, and in this paragraph
        line = group[0].sentence.line
        own = next((name for a, b, name in signed if a <= line <= b), None)
        quotes = direct_quotes(text, spans, last_speaker, here, own) or displayed_quotes(
            text, lead_in, lower_words, last_speaker
        )
        block_speaker = lead_in_speaker(lead_in, last_speaker) if not quotes else None
        if block_speaker:  # a paragraph introduced by "X states:" is X's quotation
            found.extend(_turn_quotes(group, known.expand(block_speaker)))
            said(group, known.expand(block_speaker))
        named = 0
        for quote in quotes:
            while named < len(people) and people[named][0] < quote.start:
                known.add(people[named][1])
                named += 1
            # "Okafor" after "Mayor Priscilla Okafor": the surname stands for the full name
            last_speaker = titled_in_full(known.expand(quote.speaker), document)
            home = next((u for u in group if u.start <= quote.start < u.end), group[0])
            found.append(
                (
                    home.sentence.line,
                    Quote("", quote.text, last_speaker, "direct", home.sentence.id, quote.notes),
                )
            )
            said(group, last_speaker, quote.start, quote.end)
        for _, name in people[named:]:
            known.add(name)
        last_speaker = last_person(text[quotes[-1].end if quotes else 0 :], known) or last_speaker
        lead_in = group[-1].sentence.text
    found.extend(pull_quotes(layout.pulls, facts, spoken, cited or {}, speaker))
    found.sort(key=lambda item: item[0])
    return [
        (line, Quote(f"{article_id}:q{n:03d}", q.text, q.speaker, q.kind, q.sentence, q.notes))
        for n, (line, q) in enumerate(found, start=1)
    ]


def build_article(
    article_id: str,
    source_file: str,
    document: SourceDocument,
    sidecar: Mapping[str, object],
    *,
    deadline: Deadline = NO_DEADLINE,
) -> tuple[Article | None, list[IngestIssue]]:
    """Build an Article from a reader's document; issues name `source_file` and the line.

    Metadata precedence: the sidecar, then what the format states (`document.meta`), then the
    printed header.
    """
    issues: list[IngestIssue] = []
    blocks = list(document.blocks)
    meta = document.meta
    text = document.text
    if not blocks:
        return None, [IngestIssue(source_file, "no text found", level="error")]
    blocks = without_form_lines(without_release_furniture(blocks))
    listed = blocks
    blocks, cast_end, roles, headed = take_cast_lists(blocks)
    kept_lines = {line.number for block in blocks for line in block.lines}
    roster = roster_of(
        line.text
        for block in listed
        for line in block.lines
        if line.number <= cast_end and line.number not in kept_lines | headed
    )
    stacked: frozenset[int] = frozenset()
    if not document.explicit_headings:
        blocks, stacked = split_header_stack(dateline_apart(blocks))
    blocks = without_question_labels(without_clock_lines(blocks))  # "Q1:" is no speaker
    blocks, host, guest_named = take_cast(blocks)
    blocks, dateline, dateline_at = find_dateline(blocks)
    issuer = None
    if not document.explicit_headings:
        release = take_release_marker(blocks, stacked, dateline_at)
        blocks, issuer, dateline = release.blocks, release.issuer, release.date or dateline
    header = read_header(blocks, stacked, max(cast_end, dateline_at), cast_end)
    # a marked section heading opening the text heads its first section, whatever title the
    # format states (a record's first debate)
    if (
        meta.title
        and header.title
        and _loose(header.title) not in (_loose(meta.title), _loose(meta.subtitle or ""))
    ) or (meta.title and blocks and blocks[0].kind == "heading" and blocks[0].level >= 2):
        header = Header(series=header.series)  # the file states its title: no printed header
    if not header.authors and not meta.authors:  # "Interview by A. Photographs by B."
        blocks, credited = take_credit_line(blocks, header.consumed)
        header = replace(header, authors=credited)
    authors_value = sidecar.get("authors")
    authors = (
        tuple(authors_value) if isinstance(authors_value, tuple) else meta.authors or header.authors
    )
    title_guess = _text(sidecar.get("title")) or meta.title or header.title or ""
    guessed = False
    if not authors:
        authors = guess_authors(meta.keywords, title_guess, text)
        guessed = bool(authors)
    has_header = header.title is not None and (bool(header.subtitle) or bool(header.authors))
    # a bio may name a byline author even when the sidecar overrides the authors
    bio_names = tuple(dict.fromkeys((*authors, *header.authors)))
    # a byline author who is not also a labelled speaker asked the questions ("Q:")
    interviewer = host or (join_names(authors) if authors and not guessed else None)
    guest = guest_named or guest_from(title_guess, blocks, interviewer)
    labelled = find_turns(
        split_attributions(blocks[header.consumed :]),
        text,
        interviewer=interviewer,
        guest=guest,
        roles=roles,
        breaks=document.breaks,
        record=is_house(meta.publication or ""),
    )
    if not labelled.speakers:  # bold questions over unlabelled answers: the guest's
        deck = meta.subtitle or header.subtitle
        labelled = (
            question_turns(labelled.blocks, title_guess, deck, interviewer, document.breaks)
            or labelled
        )
    turns = attributed_quotes(labelled)
    # a block quote's own "— Name" (a turn runs on over a display set in it: that is no name)
    named_under = {k: v for k, v in turns.speakers.items() if labelled.speakers.get(k) != v}
    body, placed = _without_place_dateline(turns.blocks)
    dateline = dateline or placed
    parts = split_parts(body, 0, bio_names, has_header)
    words = vocabulary(text)

    lead_text = [clean_line(parts.lead.text)] if parts.lead else []
    layout = assemble(
        classify(
            parts.body if document.explicit_headings else agenda_headings(parts.body),
            lead_text,
            guess_headings=not document.explicit_headings,
            turns=frozenset(turns.speakers),
            labelled=turns.starts,
        ),
        words,
        turns.starts,
        join_pages=not document.explicit_paragraphs,
    )
    paragraphs: list[Paragraph] = []
    if parts.lead:
        paragraphs.append(_paragraph("lead", parts.lead, words))
    paragraphs.extend(layout.paragraphs)
    paragraphs.extend(_paragraph("bio", block, words) for block in parts.bios)
    units = _sentences(article_id, paragraphs, turns.speakers)
    if not any(u.sentence.kind in ("body", "lead") for u in units):
        return None, [
            IngestIssue(
                source_file, "no article text found (only a header or notes)", level="error"
            )
        ]

    note_lines = read_note_lines(parts.notes)
    notes, note_issues = parse_notes(note_lines, source_file)
    issues.extend(note_issues)
    cited: dict[int, int] = {}
    for unit in units:
        for number in unit.sentence.notes:
            cited.setdefault(number, unit.sentence.line)
    issues.extend(
        check_markers(notes, cited, {e.number: e.line for e in reversed(note_lines)}, source_file)
    )

    title = _text(sidecar.get("title")) or meta.title or header.title
    if not title:
        title = article_id
        issues.append(IngestIssue(source_file, "no title found; using the file name"))
    if guessed:
        issues.append(
            IngestIssue(
                source_file,
                f"no author stated; best guess from the tags and title: {join_names(authors)}",
            )
        )
    elif not authors and len(units) >= _AUTHOR_WARNING_MIN_SENTENCES:
        issues.append(
            IngestIssue(
                source_file, "no author found (no byline, front matter or sidecar names one)"
            )
        )
    publication = (
        _text(sidecar.get("publication"))
        or meta.publication
        or header.publication
        or issuer
        or parts.outlet
    )
    speaker = join_names(authors) or publication or ""
    if layout.pulls and not speaker:
        issues.append(
            IngestIssue(
                source_file,
                "pull quotes found but no author to attribute them to",
                layout.pulls[0].line,
            )
        )
    quotes = [
        replace(q, speaker=roster.name(q.speaker) or q.speaker)
        for _, q in _quotes(
            article_id,
            units,
            layout,
            speaker,
            turns.speakers,
            named_under,
            turns.asked,
            meta.signed,
        )
    ]

    figures: list[Figure] = []
    for unit in units:
        for f in find_figures(unit.sentence.text):
            figures.append(
                Figure(
                    f.text, f.value, f.unit, f.qualifier, f.kind, unit.sentence.id, f.start, f.end
                )
            )
    for note in notes:
        for f in find_figures(note.text, dates=False):
            figures.append(
                Figure(
                    f.text,
                    f.value,
                    f.unit,
                    f.qualifier,
                    f.kind,
                    f"note:{note.number}",
                    f.start,
                    f.end,
                )
            )
    glossary = list(meta.glossary)  # a printed abbreviations list, then the text's definitions
    printed = {g.short for g in glossary}
    glossary += [
        g
        for g in find_glossary(u.sentence.text for u in units if u.sentence.kind != "bio")
        if g.short not in printed
    ]

    article = Article(
        id=article_id,
        title=title,
        source_file=source_file,
        subtitle=_text(sidecar.get("subtitle")) or meta.subtitle or header.subtitle,
        authors=authors,
        series=_text(sidecar.get("series")) or meta.series or header.series,
        # "Translated from French" may stand in the header, under the byline
        translation=parts.translation
        or next((n for b in blocks[: header.consumed] if (n := translation_note(b))), None),
        publication=publication,
        date=_text(sidecar.get("date")) or meta.date or dateline or _file_date(article_id),
        url=_text(sidecar.get("url")) or meta.url,
        language=_text(sidecar.get("language")) or meta.language,
        sections=tuple(layout.sections),
        notes=tuple(notes),
        sentences=tuple(
            replace(u.sentence, speaker=roster.name(u.sentence.speaker)) for u in units
        ),
        quotes=tuple(quotes),
        figures=tuple(figures),
        glossary=tuple(glossary),
    )
    return article, issues


# a recording's date is a transcript's ("Recorded 21 January 2025."), and more may follow it
# on the line ("… Transcript produced by the Ridgeline team."): that stays as text
# the hour may follow the date: "Published: 19 May 2025, 06:00 BST", "… at 9 a.m. EST",
# "… | 14:05"
# or the hours of a broadcast: "Broadcast: 9 October 2025, 09:00-10:00"
_CLOCK = r"\d{1,2}(?:(?:[:.]\d{2})(?:\s*[AaPp]\.?\s?[Mm]\.?)?|\s*[AaPp]\.?\s?[Mm]\.?)"
_HOUR = (
    rf"(?:(?:,?\s+|\s+[|·•]\s+)(?:at\s+)?{_CLOCK}(?:\s*[-–]\s*{_CLOCK})?"
    r"(?:\s+[A-Z]{2,4})?)"
)
# a meeting's record is dated by when it was held: "held on Tuesday 9 September 2025 at 7.00pm"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_DATELINE = re.compile(
    r"^(?:last\s+)?(?:updated?|published|posted|released|dated?|first "
    r"published|recorded|broadcast|aired|held|took\s+place|meeting\s+held"
    # a paper put before a body on a day: "Presented to the States Assembly on 14 October 2024"
    r"|(?:presented|laid|submitted)\s+(?:to|before)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,5}on"
    r")(?:\s+on)?\s*:?\s*"
    rf"{_WEEKDAY}(.{{6,40}}?){_HOUR}?"
    r"(?:\.\s+(?P<rest>[A-Z\"“].*))?$",
    re.I,
)
# a date alone on a line near the top ("September 2023") is the article's date
# a date alone, or after a short label or place ("Transcript, 6 February 2025", a speech's
# "Tivoli Hall, Harrogate, 9 October 2024": a venue and its town)
_DATE_ALONE = re.compile(
    r"^(?:[A-Z][\w.]*(?:\s+[\w.]+){0,3},\s+){0,2}"
    # the day of the week may lead with no comma: "Wednesday 9 April 2025" (a sitting's date)
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+)?"
    r"((?:\d{1,2}\s+)?[A-Z][a-z]{2,8}\.?\s+(?:\d{1,2},?\s+)?\d{4})"
    # the hour may follow: "Thursday, 6 November 2025, 10:30 a.m.", "May 2, 2025 at 14:00"
    r"(?:,?\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?(?:\s*[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?$"
)
_DATE_ALONE_BLOCKS = 8
_FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")


def find_dateline(blocks: Sequence[Block]) -> tuple[list[Block], str | None, int]:
    """Remove a dateline ("Last Update: February 27, 2024"); return its date in ISO form.

    Also returns the dateline's source line when it stands in the header (only headings and
    short lines before it), else 0: a header's dateline tells where the header ends.
    """
    in_header = True
    for k, block in enumerate(blocks):
        in_header = in_header and k < _DATE_ALONE_BLOCKS and _header_block(blocks[k - 1 : k])
        if block.kind != "paragraph" or len(block.lines) != 1:
            continue
        match = _DATELINE.match(block.text.strip()) or (
            _DATE_ALONE.match(block.text.strip()) if k < _DATE_ALONE_BLOCKS else None
        )
        iso = _date_of(match) if match else None
        if match and iso:
            rest = match.groupdict().get("rest")
            kept = [replace(block, lines=(replace(block.lines[0], text=rest),))] if rest else []
            after = k + 1
            # "Published: 3 March" over "Updated: 5 March": the date is the first; the second
            # dateline under it is no text and heads nothing
            if not rest and after < len(blocks) and _dateline_alone(blocks[after]):
                after += 1
            if issue_line(block.text):
                kept = [block]  # "Vol. 9, No. 4, May 2024" files the masthead over it too
            return [*blocks[:k], *kept, *blocks[after:]], iso, block.line if in_header else 0
    return list(blocks), None, 0


def _dateline_alone(block: Block) -> bool:
    """Whether a block is one dateline line with its date and nothing else."""
    if block.kind != "paragraph" or len(block.lines) != 1:
        return False
    match = _DATELINE.match(block.text.strip())
    return bool(match and _date_of(match) and not match.groupdict().get("rest"))


def _date_of(match: re.Match[str]) -> str | None:
    """The ISO date a dateline's date group holds, when the group is that date alone."""
    dates = [f for f in find_figures(match.group(1)) if f.kind == "date"]
    if not dates or dates[0].end - dates[0].start < len(match.group(1).strip(" .")) - 2:
        return None
    return iso_date(dates[0])


def dateline_apart(blocks: Sequence[Block]) -> list[Block]:
    """Set a header's dateline ("Recorded 21 January 2025. …") apart from the lines above it.

    Short header lines with the dateline under them and no blank line between: the dateline
    becomes a block of its own, so the lines above stack (see `split_header_stack`).
    """
    out = list(blocks)
    for k, block in enumerate(out[:_DATE_ALONE_BLOCKS]):
        lines = block.lines
        if (
            block.kind == "paragraph"
            and 2 <= len(lines) <= 5
            and all(is_header_line(line.text) for line in lines[:-1])
            and (dated := _DATELINE.match(lines[-1].text.strip()))
            and _date_of(dated)
        ):
            out[k : k + 1] = [replace(block, lines=lines[:-1]), Block("paragraph", lines[-1:])]
            return out
        if not _header_block([block]):
            break
    return out


def _without_place_dateline(blocks: Sequence[Block]) -> tuple[list[Block], str | None]:
    """The body with a news dateline ("LONDON —") cut from its first paragraph; its date.

    Only the first paragraph (headings may stand above it) opens with one; the place is where
    the story was filed, no words of it, and a whole date in it ("NAIROBI, 14 March 2025 –")
    is when.
    """
    out = list(blocks)
    date = None
    for k, block in enumerate(out):
        if block.kind == "heading":
            continue
        if block.kind == "paragraph" and (cut := place_dateline(block.lines[0].text)):
            first, *rest = block.lines
            dates = [f for f in find_figures(first.text[:cut]) if f.kind == "date"]
            date = iso_date(dates[0]) if dates and re.search(r"\d{4}", dates[0].text) else None
            kept = first.text[cut:].strip()
            lines = ((replace(first, text=kept),) if kept else ()) + tuple(rest)
            out[k : k + 1] = [replace(block, lines=lines)] if lines else []
        break
    return out, date


def _header_block(blocks: Sequence[Block]) -> bool:
    """Whether a block (none, or one) is a header's: a heading or short lines, no sentence."""
    return all(
        b.kind == "heading"
        or (b.kind == "paragraph" and all(is_header_line(line.text) for line in b.lines))
        for b in blocks
    )


def _file_date(name: str) -> str | None:
    """A date the file name holds in ISO form ("fed-2024-02-27-speech"), as posts are named."""
    match = _FILE_DATE.search(name)
    return "-".join(match.groups()) if match else None


def _loose(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def guess_authors(keywords: Sequence[str], title: str, text: str) -> tuple[str, ...]:
    """With no byline, a name-like tag that the title also names (the speaker of a speech).

    The name is written in the fullest form the text gives.
    """
    title_words = set(re.findall(r"[\w'’-]+", title))
    for tag in keywords:
        words = tag.split()
        if (
            1 <= len(words) <= 3
            and all(w[:1].isupper() and w[1:2].islower() for w in words)
            and all(
                w in title_words or f"{w}'s" in title_words or f"{w}’s" in title_words
                for w in words
            )
        ):
            return (full_name(tag, text),)
    return ()


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def layout_of(document: SourceDocument) -> Layout:
    """The body layout of a read document (paragraphs, joins, pull quotes) — for inspection."""
    blocks = list(document.blocks)
    text = document.text
    header = read_header(blocks)
    has_header = header.title is not None and (bool(header.subtitle) or bool(header.authors))
    parts = split_parts(blocks, header.consumed, header.authors, has_header)
    lead_text = [clean_line(parts.lead.text)] if parts.lead else []
    return assemble(classify(parts.body, lead_text), vocabulary(text))
