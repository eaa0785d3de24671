"""Article metadata: the printed header, the closing matter and the optional sidecar TOML.

Header: an optional series line written as a link ("[NATO. The Indispensable Alliance](#)"),
an outlet's masthead in capitals (an organisation's name, the name the copyright footer gives,
or capitals over an edition line), the title, an optional subtitle and the byline ("A", "A and
B", "A, B and C", "By A", "Interview by A"; a "Name, Role" line over a room's line), then
the lines that belong with it: the outlet under the byline (the publication), a role, a room.
Closing matter: a translation note ("– translated from German –") and the author bio (a
paragraph that starts with an author's name). The sidecar `NAME.toml` adds or overrides
publication, date, url, language, title, subtitle, series and authors. Every rule reads
shapes (link-only line, name-like byline, leading author name), never known article values.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.ingest.author_lines import without_units
from bot.core.ingest.formats import Block
from bot.core.ingest.organisations import headed, title_case
from bot.core.ingest.page_breaks import clean_line
from bot.core.ingest.press_release import is_release_marker
from bot.core.ingest.sentences import SUPERSCRIPTS
from bot.core.model import IngestIssue

_SERIES_LINK = re.compile(r"^\[([^\]]+)\]\([^)]*\)$")
# "RIDGELINE — Episode 42", "Season 2, Episode 5": a show and its number above the title
_EPISODE_LINE = re.compile(r"^((?:.{1,60}?[\s,:|—–-]+)?(?:episode|ep\.?)\s*\d+)$", re.I)
# "– translated from German –", "[Unofficial translation]", "(Courtesy English translation)"
_TRANSLATION = re.compile(
    r"^[\s–—-]*[\[(]?\s*((?:translated|translation)\s+(?:from|by)\b[^–—\[\]()]*?"
    r"|(?:unofficial|informal|courtesy|provisional|machine)(?:\s+[A-Z][a-z]+)?\s+translation)"
    r"\s*[\])]?[\s–—-]*$",
    re.I,
)
_BYLINE_PREFIX = re.compile(
    r"^(?:by|von|par|text:|authors?:|written by:?|(?:interview(?:ed)?|words|story)\s+by:?)\s+",
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|\s+und\s+)\s*")
_PARTICLES = frozenset(
    "von van de der den du da di al el bin ibn zu la le dos das del della y ter ten".split()
)
_NAME_TOKEN = re.compile(r"^(?:[^\W\d_][\w'’.-]*|[^\W\d_]\.)$")
_MAX_HEADER_WORDS = 25
MASTHEAD_WORDS = 9  # an organisation's name in capitals is a short line
_SIDECAR_MAX_BYTES = 64 * 1024
_SIDECAR_KEYS = ("publication", "date", "url", "language", "title", "subtitle", "series", "authors")


@dataclass(frozen=True, slots=True)
class Header:
    """What the printed header says, and how many blocks it took."""

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    series: str | None = None
    consumed: int = 0
    publication: str | None = None


def is_name(text: str) -> bool:
    """Whether text reads as one person's name: 2–4 capitalised tokens, particles besides."""
    tokens = text.split()
    if not 2 <= len(tokens) <= 6 or sum(t.lower() not in _PARTICLES for t in tokens) > 4:
        return False  # "James S. Brady Press Briefing Room" names a place
    if not (tokens[0][:1].isupper() and tokens[-1][:1].isupper()):
        return False
    for token in tokens:
        if not _NAME_TOKEN.match(token) or token.lower().endswith(("'s", "’s")):
            return False  # "MINISTER'S FOREWORD": a possessive heads a phrase, never a name
        if not token[:1].isupper() and token.lower() not in _PARTICLES:
            return False
    return True


def common_words(text: str) -> frozenset[str]:
    """The words a text writes in lower case (common words, never names)."""
    return frozenset(re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", text))


def reads_as_heading(label: str, common: frozenset[str]) -> bool:
    """Whether a label ("ACTION", "For Further Information Contact") is made of common words.

    A person's or organisation's name has a word the text never writes in lower case
    ("POWELL", "Chair Powell"); a heading or form label is common words only.
    """
    words = re.findall(r"[^\W\d_][\w'’-]*", label.lower())
    return bool(words) and all(word in common for word in words)


def parse_byline(text: str) -> tuple[str, ...] | None:
    """Read a byline into author names; None if any part is not a name."""
    text = _BYLINE_PREFIX.sub("", clean_line(text)).strip().rstrip(".")
    if not text:
        return None
    names = tuple(part.strip() for part in _NAME_SPLIT.split(text) if part.strip())
    if names and all(is_name(name) for name in names):
        return without_units(text, names)  # "A and B, Data Unit, Policy Lab": two writers
    return None


def join_names(names: Sequence[str]) -> str:
    """Write names as a byline does: "A", "A and B", "A, B and C"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


# a dateline's closing clock time ("…, 10:30 a.m.", "at 2 p.m. EST"): its dots end no sentence
_CLOCK_END = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*[AaPp]\.\s?[Mm]\.(?:\s+[A-Z]{2,4})?$")


def is_header_line(text: str) -> bool:
    """Whether a line can be a header's (title, byline, dateline, role): short, no sentence."""
    text = _CLOCK_END.sub("", clean_line(text).rstrip(SUPERSCRIPTS + " ")).rstrip()
    return len(text.split()) <= _MAX_HEADER_WORDS and not text.endswith(".")


def _short(block: Block) -> bool:
    if block.kind == "heading":
        return True
    if block.kind != "paragraph" or len(block.lines) != 1:
        return False
    return is_header_line(block.text)


def split_header_stack(blocks: Sequence[Block]) -> tuple[list[Block], frozenset[int]]:
    """The header's paragraphs of 2–5 short lines (no line a sentence) as one block per line.

    Plain-text exports often stack the organisation, the title and a dateline, or a name and a
    role, without blank lines between them; read as one paragraph they would become a single
    "sentence". Only the blocks before the first one with a sentence are the header. Also
    returns the lines stacked under another line of the header (every line of a stack but
    its first): a line glued to a byline or a dateline belongs with it, never heads a section.
    """
    out: list[Block] = []
    stacked: set[int] = set()
    for k, block in enumerate(blocks):
        lines = block.lines
        single = [Block("paragraph", (line,)) for line in lines]
        if block.kind != "paragraph" or not all(_short(b) for b in single):
            return [*out, *blocks[k:]], frozenset(stacked)
        if 2 <= len(lines) <= 5 and k + 1 < len(blocks):
            out.extend(
                Block("paragraph", (line,), block.gap_before if j == 0 else 0)
                for j, line in enumerate(lines)
            )
            stacked.update(line.number for line in lines[1:])
        else:
            out.append(block)
    return out, frozenset(stacked)


# "Q: …", "JO PARK: …": a speaker's label opening a paragraph
_TURN_LABEL = re.compile(r"^\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*:\s+\S")


def _turn_openers(blocks: Sequence[Block]) -> frozenset[int]:
    """The first lines of paragraphs whose label opens two paragraphs or more: turns, no header.

    A short first question ("Q: How many ships came in?") is the interviewer's, never a
    title or subtitle; a labelled title ("Press Conference: …") opens only itself.
    """
    labels = {
        b.line: m.group(1)
        for b in blocks
        if b.kind == "paragraph" and b.lines and (m := _TURN_LABEL.match(b.lines[0].text))
    }
    counts = Counter(labels.values())
    return frozenset(line for line, label in labels.items() if counts[label] >= 2)


def _masthead(line: str, under: str | None = None, footer: Block | None = None) -> bool:
    """Whether a header line is an outlet's name in capitals, over the document's title.

    An organisation's name ("DEPARTMENT FOR DIGITAL INFRASTRUCTURE"), or a paper's: the
    capitals the copyright footer names ("(c) Le Courrier de Sarrelune 2025"), or the
    capitals over an edition line ("International edition", `under`) or over its numbered
    series ("Communique No. 31/2025").
    """
    words = line.split()
    if not line.isupper() or not 1 < len(words) <= MASTHEAD_WORDS:
        return False
    if headed(words) or (
        under is not None
        and (_EDITION.match(under) or issue_line(under) or _numbered_series(under))
    ):
        return True
    names = footer_names(footer) if footer is not None else None
    return any(_loose_name(n) == _loose_name(line) for n in names or ())


# a newspaper's edition under its masthead: "International edition", "Weekend Edition"; a
# book's ("Second edition", "Revised edition") files no paper
_EDITION = re.compile(
    r"^\s*(?!(?:first|second|third|fourth|fifth|new|revised|updated|expanded|special)\b)"
    r"(?:[A-Z][\w'’-]*\s+){1,3}edition\s*$",
    re.I,
)


# a book's part numbered alone on its line: "CHAPTER 7", "Part II", "Chapter Three:"
_PART_NUMBER = re.compile(
    r"^(?:chapter|part|book|lecture)\s+(?:\d{1,3}|[ivxlc]{1,7}|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|"
    r"eighteen|nineteen|twenty)[.:]?$",
    re.I,
)


def _unquoted(title: str) -> str:
    """A headline set whole in quotation marks (an interview's quoted words), without them."""
    inner = title[1:-1]
    if (
        len(title) > 2
        and title[0] in '"“'
        and title[-1] in '"”'
        and not any(c in inner for c in '"“”')
    ):
        return inner.strip()
    return title


# a periodical's issue under its masthead: "Issue 118 | Spring 2025 | Interviews", "Vol. 12,
# No. 3 · March 2025": a number of the issue, and its date or season, between bars or commas
_ISSUE_NUMBER = re.compile(r"^(?:issue|vol(?:\.|ume)?|no\.?|number)\s*\d{1,4}$", re.I)
_ISSUE_DATE = re.compile(r"\b(?:19|20)\d\d\b")


def issue_line(line: str) -> bool:
    """Whether a line is a periodical's issue line: its number and its date, in parts."""
    parts = [p.strip() for p in re.split(r"\s+[|·•]\s+|,\s+", line.strip()) if p.strip()]
    return (
        len(parts) >= 2
        and any(_ISSUE_NUMBER.match(p) for p in parts)
        and any(_ISSUE_DATE.search(p) for p in parts)
    )


def _loose_name(name: str) -> str:
    return " ".join(re.findall(r"\w+", name.casefold()))


def read_header(
    blocks: Sequence[Block],
    stacked: frozenset[int] = frozenset(),
    through: int = 0,
    cast_end: int = 0,
) -> Header:
    """Read series, title, subtitle, byline and publication from the first blocks.

    After the byline, the header goes on over the short lines `stacked` under a header line
    (see `split_header_stack`) and those up to source line `through` (where a dateline or a
    list of who attends closes the header): the station under "By Name", a room, a role. The
    one right under the byline (or under the title and subtitle, with no byline) is the
    publication unless it reads as the author's role. A line past `cast_end` (the last line of
    a list of who attends) is no subtitle or byline: the text has begun.
    """
    i = 0
    while i + 1 < len(blocks) and translation_note(blocks[i]):
        i += 1  # "[Unofficial translation]" over the header marks the text, it is no title
    series = None
    if i < len(blocks) and blocks[i].kind == "paragraph" and len(blocks[i].lines) == 1:
        first = blocks[i].lines[0].text.strip()
        link = _SERIES_LINK.match(first) or _EPISODE_LINE.match(first)
        if link and len(blocks) > i + 1:
            series = link.group(1).strip()
            i += 1
    turns = _turn_openers(blocks)
    if (
        i + 1 < len(blocks)
        and _PART_NUMBER.match(clean_line(blocks[i].text))
        and _short(blocks[i + 1])
    ):
        i += 1  # "CHAPTER 7" over the chapter's name numbers it: the name is the title
    if i >= len(blocks) or not _short(blocks[i]) or blocks[i].line in turns:
        return Header(series=series, consumed=i)
    if (
        _desk_label(clean_line(blocks[i].text))
        and i + 1 < len(blocks)
        and _short(blocks[i + 1])
        and blocks[i + 1].line not in turns
    ):
        i += 1  # "FACT CHECK | Health" over the headline files the page: no title
    title = clean_line(blocks[i].text)
    i += 1
    masthead = None
    under = clean_line(blocks[i].text) if i < len(blocks) and _short(blocks[i]) else None
    if under is not None and _masthead(title, under, blocks[-1]):
        # "DEPARTMENT FOR DIGITAL INFRASTRUCTURE" over "Press Conference: …": the issuer's line
        masthead, title = title, under
        i += 1
        issued = series_line(title)
        if (
            (_EDITION.match(title) or issue_line(title) or _numbered_series(title))
            and i < len(blocks)
            and _short(blocks[i])
        ):
            # the edition line files the paper, a "Press Statement No. 147/2026" the issuer's
            # series: neither is the title
            series = series or (issued[1] if issued else None)
            title = clean_line(blocks[i].text)
            i += 1
    elif (
        under is not None
        and title.isupper()
        and len(title.split()) <= MASTHEAD_WORDS
        and i + 1 < len(blocks)
        and _short(blocks[i + 1])
        and _masthead(under, clean_line(blocks[i + 1].text), blocks[-1])
    ):
        # "STATES OF HARROWAY" over "TREASURY AND RESOURCES DEPARTMENT" over the title: the
        # government over its department, the issuer's name on two lines of capitals
        masthead, title = under, clean_line(blocks[i + 1].text)
        i += 2
    run: list[Block] = []
    while (
        i + len(run) < len(blocks)
        and len(run) < 4
        and _short(blocks[i + len(run)])
        and blocks[i + len(run)].line not in turns
        # past the list of who attends the text has begun ("Presentation" heads a part)
        and not 0 < cast_end < blocks[i + len(run)].line
    ):
        run.append(blocks[i + len(run)])
    authors: tuple[str, ...] = ()
    common = common_words("\n".join(block.text for block in blocks))
    bylines = [
        k
        for k, block in enumerate(run)
        if _byline(block.text, common) or _speaker_line(block.text, common)
    ]
    # a heading in title case reads like a name too; a byline under it is the byline
    if any(run[k].kind != "heading" for k in bylines):
        bylines = [k for k in bylines if run[k].kind != "heading"]
    byline_at = bylines[-1] if bylines else None
    # "Tomas Lindgren" over "Senior Researcher" with no blank line between: a name and its role
    if len(bylines) > 1 and bylines[-2] == bylines[-1] - 1 and run[bylines[-1]].gap_before == 0:
        byline_at = bylines[-2]
    # "Erik Halvorsen, Deputy Department Spokesperson" over "Press Briefing Room": a name
    # with its role is the speaker; a capitalised line under it is the room, not a byline
    roled = [k for k in bylines if _speaker_line(run[k].text, common)]
    if roled:
        byline_at = roled[-1]
    marked = [k for k in bylines if _BYLINE_PREFIX.match(clean_line(run[k].text))]
    if marked:  # "By Owen Kirkland" over "Calder Valley Public Radio": "By" marks the byline
        byline_at = marked[-1]
    brand = None
    if byline_at is not None:
        speaker = _speaker_line(run[byline_at].text, common)
        authors = (speaker,) if speaker else parse_byline(run[byline_at].text) or ()
        # "By Leon Reid, FactWatch Northmarch": a name in one word's capitals is the outlet's
        brand = next((name for name in authors[1:] if _brand(name)), None)
        authors = tuple(name for name in authors if name != brand)
        subtitle_blocks = run[:byline_at]
        consumed = byline_at + 1
    else:
        # no byline: only plain short lines (not explicit section headings) can be a subtitle
        subtitle_blocks = []
        for block in run[:1]:
            if block.kind == "heading" and block.level >= 2:
                break
            if masthead is not None:
                break  # under an issuer's line and a title comes the dateline, not a subtitle
            subtitle_blocks.append(block)
        consumed = len(subtitle_blocks)
    if not authors:
        authors = _titled_speaker(title, common)
    subtitle = " ".join(clean_line(block.text) for block in subtitle_blocks) or None
    if subtitle is not None and _kicker(subtitle):
        subtitle = None  # "Opinion" under the headline labels the page's section
    end = i + consumed
    publication = None
    # the line under the byline, or with no byline the first under the title and subtitle
    # (a fact sheet's "Department for Transport" over its date), is the publisher's
    next_to_names = True
    while (
        end < len(blocks)
        and blocks[end].kind == "paragraph"
        and _short(blocks[end])
        and (blocks[end].line in stacked or blocks[end].line <= through)
    ):
        line = clean_line(blocks[end].text)
        issued = series_line(line)
        if issued:
            publication, series = publication or issued[0], series or issued[1]
        elif next_to_names and is_outlet(line):
            publication = line
        next_to_names = False
        end += 1
    # "Research Centre | Briefing Paper 4" closing the header (under its dateline, say)
    issued = (
        series_line(clean_line(blocks[end].text))
        if end < len(blocks) and blocks[end].kind == "paragraph" and _short(blocks[end])
        else None
    )
    if issued:
        publication, series = publication or issued[0], series or issued[1]
        end += 1
    publication = publication or brand
    if publication is None and masthead is not None:
        named = footer_names(blocks[-1]) or ()
        publication = next(
            (n for n in named if _loose_name(n) == _loose_name(masthead)), title_case(masthead)
        )
    return Header(
        title=_unquoted(title),
        subtitle=subtitle,
        authors=authors,
        series=series,
        consumed=end,
        publication=publication,
    )


# a numbered series: "Working Paper No. 14", "Explainer No. 2", "Policy Brief 3", "Issue 12"
_SERIES = re.compile(
    r"^(?:[A-Z][\w&’'.-]*\s+){1,5}(?:No\.?|Nr\.?|Number|#)\s*\d{1,4}(?:[/.-]\d{1,4})?[a-z]?$"
    r"|^(?:[A-Z][\w&’'.-]*\s+){0,4}(?:[Pp]aper|[Bb]rief(?:ing)?|[Rr]eport|[Nn]ote|[Ss]eries|"
    r"[Ss]tudy|[Bb]ulletin|[Ee]xplainer|[Ff]actsheet|[Rr]eview|[Cc]ommentary|Issue)\s+"
    r"\d{1,4}(?:[/.-]\d{1,4})?[a-z]?$"
)
_PARTS = re.compile(r"\s+[|·•]\s+")


def _numbered_series(line: str) -> bool:
    """Whether a line is a numbered series alone, no publisher ("Press Statement No. 147/2026")."""
    issued = series_line(line)
    return issued is not None and issued[0] is None and issued[1] == line.strip()


def series_line(line: str) -> tuple[str | None, str] | None:
    """The publisher and series of a "Research Centre | Briefing Paper 4" line, or None.

    Its parts, between bars or dots, are the series, and besides it the publisher's name or
    a date; a line with any other part is no series line. The publisher may be None.
    """
    parts = _PARTS.split(line.strip())
    series = [p for p in parts if _SERIES.match(p)]
    others = [p for p in parts if not _SERIES.match(p)]
    issuers = [p for p in others if is_outlet(p)]
    if len(series) != 1 or len(issuers) > 1:
        return None
    if any(p not in issuers and not re.search(r"\b(?:19|20)\d\d\b", p) for p in others):
        return None
    return (issuers[0] if issuers else None), series[0]


_KICKER_WORDS = 2
_KICKER = re.compile(r"^[^\W\d_][\w'’&-]*(?:\s+[^\W\d_][\w'’&-]*)*$")


_DESK_PART_WORDS = 3
# a word capitalised inside after a word's letters: a brand ("FactWatch"), never a surname's
# prefix ("McDonald", "MacLeod", "DeShawn", "FitzGerald")
_INNER_CAPITAL = re.compile(r"^(?!Fitz)[A-Z][a-z]{3,}[A-Z][a-z]")


def _desk_label(line: str) -> bool:
    """Whether a header line files the page: short parts apart by bars ("FACT CHECK | Health").

    A desk's or section's label has no figures (a series line has its number: "Policy Brief
    No. 7"); a headline is no list of two or three labels.
    """
    parts = _PARTS.split(line)
    return (
        2 <= len(parts) <= 3
        and all(1 <= len(part.split()) <= _DESK_PART_WORDS for part in parts)
        and not re.search(r"\d", line)
        and all(part[:1].isupper() for part in parts)
    )


def _brand(name: str) -> bool:
    """Whether a byline's name is an outlet's: one of its words a brand ("FactWatch")."""
    return any(_INNER_CAPITAL.match(word) for word in name.split())


def _kicker(line: str) -> bool:
    """Whether a header line is a kicker: a word or two naming the section ("Opinion").

    A subtitle says something of the article in a phrase; a label of one or two words,
    without numbers or punctuation ("Analysis", "Guest essay"), only files it.
    """
    return len(line.split()) <= _KICKER_WORDS and bool(_KICKER.match(line))


def _byline(line: str, common: frozenset[str]) -> bool:
    """Whether a header line is a byline: names, marked with "By" or with a surname each.

    Unmarked, "Water Services Authority" is an organisation: its last word is one the text
    writes in lower case ("the authority"), as a surname never is.
    """
    names = parse_byline(line)
    if not names or is_release_marker(line):  # "FOR IMMEDIATE RELEASE" names no one
        return False
    if _BYLINE_PREFIX.match(clean_line(line)):
        return True
    return not all(name.split()[-1].lower() in common for name in names)


# the head words of a person's role ("Senior Researcher", "Director, Policy Office")
_ROLE_WORDS = frozenset(
    """writer reporter correspondent editor columnist contributor journalist researcher analyst
    fellow director professor lecturer economist scientist officer manager chair chairman
    chairwoman president secretary student producer host associate assistant adviser advisor
    consultant specialist coordinator staff intern head chief senior principal partner founder
    member expert scholar author engineer lawyer attorney minister ambassador deputy governor
    commissioner mayor councillor councilor senator treasurer chancellor spokesperson""".split()
)
_ROLE_LINK_WORDS = frozenset({"in", "of", "for", "on", "at", "and", "the", "&"})


def is_role(line: str) -> bool:
    """Whether a line names a person's role: "Senior Fellow", "Analyst in Energy Policy".

    A role word opens it (or follows one word, "Research Fellow"); every other word is
    capitalised or links ("in", "of"); it ends no sentence.
    """
    words = re.findall(r"[^\W\d_][\w'’&.-]*|\d+|&", line)
    if not 1 <= len(words) <= 12 or line.rstrip().endswith(".") or not line[:1].isupper():
        return False
    if not any(w.lower().rstrip(".") in _ROLE_WORDS for w in words[:2]):
        return False
    return all(w[:1].isupper() or w.lower() in _ROLE_LINK_WORDS for w in words)


_ROLE_MAX_WORDS = 12


def _speaker_line(line: str, common: frozenset[str]) -> str | None:
    """The person of a "Name, Role" header line; None if the line is anything else.

    A speech prints its speaker so under the title ("Lina Berg, Deputy Governor for
    Financial Stability", "Jo Park, Member, Board of Governors"): a name, then a capitalised
    role whose first part has a role's head word. "Deputy Governor" alone reads as a name
    too, so the line is no list of two authors.
    """
    text = _BYLINE_PREFIX.sub("", clean_line(line)).strip().rstrip(".")
    head, comma, role = (part.strip() for part in text.partition(","))
    words = re.findall(r"[^\W\d_][\w'’&.-]*|\d+", role)
    if not comma or not is_name(head) or not 1 <= len(words) <= _ROLE_MAX_WORDS:
        return None
    if head.split()[-1].lower() in common:
        return None  # "Water Services, Deputy Director": an organisation's unit
    if not all(w[:1].isupper() or w.lower() in _LINK_WORDS for w in words):
        return None  # "Jo Park, who led the review": a sentence, no role
    first = re.findall(r"[^\W\d_][\w'’&.-]*", role.split(",")[0])
    return head if any(w.lower().rstrip(".") in _ROLE_WORDS for w in first) else None


# a title naming who speaks: "Speech by Name, Role", "Keynote address by Name, Role"
_TITLED_BY = re.compile(r"^(?:[A-Z][\w'’-]*\s+){1,3}(?:[a-z]+\s+){0,2}by\s+(?P<rest>\S.*)$")


def _titled_speaker(title: str, common: frozenset[str]) -> tuple[str, ...]:
    """The speaker a title names with a role ("Speech by Lina Berg, Deputy Governor")."""
    match = _TITLED_BY.match(title)
    speaker = _speaker_line(match.group("rest"), common) if match else None
    return (speaker,) if speaker else ()


_OUTLET_MAX_WORDS = 8
_LINK_WORDS = _PARTICLES | {"of", "the", "and", "for", "on", "in", "at", "&"}


def is_outlet(line: str) -> bool:
    """Whether a header line reads as a publication's name: a short capitalised name, no role.

    "Calder Valley Public Radio", "The Basin Letter" do; "Senior Researcher", "Analyst in
    Environmental Policy", "Committee Room 3" (a number), "Nairobi, Kenya" (a place) do not.
    """
    words = re.findall(r"[^\W\d_][\w'’&.-]*|\d+", line)
    if not 1 <= len(words) <= _OUTLET_MAX_WORDS or any(w[0].isdigit() for w in words):
        return False
    if "," in line:
        return False
    if any(w.lower().rstrip(".") in _ROLE_WORDS for w in words):
        return False
    return all(w[:1].isupper() or w.lower() in _LINK_WORDS for w in words)


# a news dateline opening the first paragraph: "LONDON —", "WASHINGTON (AP) —", "KYIV,
# Ukraine —", "LONDON, May 19 (Reuters) -", "NAIROBI, 14 March 2025 –": a place in capitals,
# its state or country, the day (its year too) and the agency, then a dash; the words after
# it are the first sentence's
_PLACE_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z'’.-]+(?:\s+[A-Z][A-Z'’.-]+){0,3}"
    r"(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})?"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?))?"
    r"(?:\s*\([A-Z][\w&.'’ -]{0,30}\))?"
    r"\s*(?:—|–|--|-)(?:\s+(?=[A-Z\"“‘\d])|\s*$)"
)


def place_dateline(line: str) -> int:
    """How many characters a news dateline takes at the head of a line (0 when none)."""
    match = _PLACE_DATELINE.match(line)
    return match.end() if match else 0


_FOOTER_PARTS = re.compile(r"\s+[|·•]\s+|\s*\n\s*|(?<=[.])\s+(?=[A-Z©])")
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|(?<=copyright))\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?)?"
    r"\s*(?:by\s+)?(?P<holder>[^\s.][^.]*(?:\.[^\s.][^.]*)*?)?\.?$",
    re.I,
)
_RESERVED = re.compile(r"^(?:all|some)\s+rights\s+reserved\.?$", re.I)
_FOOTER_MAX_CHARS = 200


def footer_names(block: Block) -> tuple[str, ...] | None:
    """The names a copyright footer gives (outlet, section, holder); None if it is no footer.

    "The Northern Standard | Opinion | © 2025 Northern Standard Media. All rights reserved."
    is page furniture: only names, a copyright statement and "All rights reserved". A line
    with anything more ("Used with permission of …") is text.
    """
    text = "\n".join(clean_line(line.text) for line in block.lines)
    if block.kind != "paragraph" or len(text) > _FOOTER_MAX_CHARS:
        return None
    names: list[str] = []
    holders: list[str] = []
    marked = False
    for part in (p.strip() for p in _FOOTER_PARTS.split(text)):
        copyright = _COPYRIGHT.match(part)
        if copyright and re.match(r"^(?:copyright|©|\(c\))", part, re.I):
            marked = True
            holder = copyright.group("holder") or ""
            holders.append(re.sub(r",?\s*\d{4}(?:\s*[-–]\s*\d{4})?$", "", holder).strip())
        elif _RESERVED.match(part):
            marked = True
        elif part and is_outlet(part.rstrip(".")):
            names.append(part.rstrip("."))
        elif part:
            return None
    holders = [h for h in holders if h and "copyright" not in h.lower()]  # "Crown copyright"
    return (*names, *holders) if marked else None


def footer_outlet(names: Sequence[str], authors: Sequence[str]) -> str | None:
    """The publication a footer names: the outlet it prints before the copyright holder.

    An author holding the copyright is no publication, nor a single word where the footer
    names more ("Opinion", the section, beside "The Northern Standard").
    """
    found = [n for n in names if n not in authors]
    return next((n for n in found if len(n.split()) > 1), found[0] if found else None)


def translation_note(block: Block) -> str | None:
    """Return "translated from German" for a "– translated from German –" block, else None."""
    if len(block.lines) != 1:
        return None
    match = _TRANSLATION.match(clean_line(block.text))
    return match.group(1).strip() if match else None


def is_bio(block: Block, authors: Sequence[str]) -> bool:
    """Whether a paragraph is an author bio: it starts with an author's name and a verb."""
    if block.kind != "paragraph":
        return False
    text = clean_line(block.text)
    for name in authors:
        if text.startswith(name):
            rest = text[len(name) :]
            return bool(
                re.match(
                    r"^(?:,|\s+(?:is|was|has|heads|works|leads|served|teaches|"
                    r"directs|joined|holds|writes|wrote|edits|covers|reports|runs|founded|"
                    r"chairs|studies|researches|lectures|lives)\b)",
                    rest,
                )
            )
    return False


def _string(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return None


def read_sidecar(path: Path, file: str) -> tuple[dict[str, object], list[IngestIssue]]:
    """Read `NAME.toml` beside an article: the known keys, checked; issues for the rest."""
    sidecar = path.with_suffix(".toml")
    label = f"{file} ({sidecar.name})"
    try:
        info = sidecar.lstat()
    except OSError:
        return {}, []
    if not stat.S_ISREG(info.st_mode):
        return {}, [
            IngestIssue(label, "sidecar is not a regular file (a link, a FIFO...); ignored")
        ]
    if info.st_size > _SIDECAR_MAX_BYTES:
        return {}, [IngestIssue(label, "sidecar is larger than 64 KiB; ignored")]
    try:
        data = tomllib.loads(sidecar.read_bytes().decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return {}, [IngestIssue(label, f"sidecar ignored: {exc}")]
    except OSError as exc:
        return {}, [IngestIssue(label, f"sidecar unreadable: {exc}")]
    except (RecursionError, MemoryError, ValueError) as exc:  # e.g. a table nested 1,000 deep
        return {}, [
            IngestIssue(
                label, f"sidecar ignored: {type(exc).__name__} (nested too deep or too large)"
            )
        ]
    out: dict[str, object] = {}
    issues: list[IngestIssue] = []
    for key, value in data.items():
        if key not in _SIDECAR_KEYS:
            issues.append(IngestIssue(label, f"unknown sidecar key {key!r} ignored"))
            continue
        if key == "authors":
            names: tuple[str, ...] | None = None
            if isinstance(value, str):
                names = (value.strip(),) if value.strip() else ()
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                names = tuple(str(v).strip() for v in value if str(v).strip())
            if names is None:
                issues.append(
                    IngestIssue(
                        label, "sidecar 'authors' must be a string or a list of strings; ignored"
                    )
                )
            else:
                out[key] = names
            continue
        text = _string(value)
        if text is None:
            issues.append(
                IngestIssue(
                    label,
                    f"sidecar {key!r} must be a non-empty string"
                    + (" or date" if key == "date" else "")
                    + "; ignored",
                )
            )
            continue
        out[key] = text
    return out, issues
