"""Wire exports: several news stories in one plain-text file, as a news agency's feed sends them.

An export holds two or more stories, each a headline on a line of its own, perhaps a "By …"
byline, then paragraphs, the first opening with the story's dateline ("LIMA, March 3 (Agency)
- "). A service line may stand above the first story ("AGENCY NAME | DESK | 03 MAR 2025 |
0615 GMT"): it names the publication and the date, never the title. The first story's headline
is the title and every story's byline gives authors; the later stories are sections under their
headlines. A story's furniture is no text: its dateline, its closing credit line "(Reporting by
…; Editing by …)", a contact line in parentheses ("((name@agency.example; +44 …))"), an end
marker ("-- END --", "ENDS", "-30-") and the service's copyright footer after the last story.
A file with one story is no export: the plain-text reader reads it as any article.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.contact_details import WEB
from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, split_lists
from bot.core.ingest.metadata import is_outlet, parse_byline, place_dateline
from bot.core.ingest.ruled_header import is_rule
from bot.core.ingest.story_credits import closing_credit

_MIN_STORIES = 2
_SERVICE_MAX_RUNS = 3  # the service line, a desk line, a date line over the first story
_HEADLINE_MAX_WORDS = 20
_SERVICE_PARTS = re.compile(r"\s+[|·•]\s+")
# "-- END --", "ENDS", "(END)", "-30-", "###": where a story stops
END_MARK = re.compile(r"^[-=\s(]*(?:END|ENDS|ENDIT)[-=\s)]*$|^-\s?30\s?-$|^#{3}$", re.I)
# "((name@agency.example; +254 20 555 0143))": how to reach the reporter
_CONTACT = re.compile(rf"\S@\S|{WEB}")
COPYRIGHT = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
_HOLDER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<holder>[^.\d]+?)\s*\d{0,4}\s*\.", re.I
)
_CLOCK = re.compile(r"^\d{1,2}[:.]?\d{2}\s*(?:GMT|UTC|[A-Z]{2,4})?$")


@dataclass(frozen=True, slots=True)
class _Story:
    headline: SourceLine
    byline: SourceLine | None
    runs: tuple[tuple[SourceLine, ...], ...]  # the story's paragraphs, furniture still in


def line_runs(text: str) -> list[tuple[SourceLine, ...]]:
    """Runs of non-blank lines (a rule line is a blank), with their 1-based line numbers."""
    runs: list[tuple[SourceLine, ...]] = []
    current: list[SourceLine] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.rstrip()
        if not line.strip() or is_rule(line):
            if current:
                runs.append(tuple(current))
                current = []
            continue
        current.append(SourceLine(line, number))
    if current:
        runs.append(tuple(current))
    return runs


def _headline(run: Sequence[SourceLine]) -> bool:
    """A headline's shape: one line of a few words, capitalised, no closing full stop."""
    if len(run) != 1:
        return False
    text = run[0].text.strip()
    words = text.split()
    return (
        1 < len(words) <= _HEADLINE_MAX_WORDS
        and text[:1].isupper()
        and text[-1:] not in ".,;:!"
        and not _SERVICE_PARTS.search(text)
        and not END_MARK.match(text)
        and not text.startswith(("(", "By "))
    )


def _byline(run: Sequence[SourceLine]) -> bool:
    return (
        len(run) == 1
        and run[0].text.strip().startswith("By ")
        and bool(parse_byline(run[0].text.strip()))
    )


def _story_starts(runs: Sequence[tuple[SourceLine, ...]]) -> list[int]:
    """The runs that are a story's headline: over an optional byline, then a dateline."""
    starts: list[int] = []
    for r, run in enumerate(runs):
        if not _headline(run):
            continue
        body = r + 2 if r + 1 < len(runs) and _byline(runs[r + 1]) else r + 1
        if body < len(runs) and place_dateline(runs[body][0].text) > 0:
            starts.append(r)
    return starts


def _service_only(runs: Sequence[tuple[SourceLine, ...]]) -> bool:
    """Whether the runs above the first story are a service header: a few short lines.

    A text whose first story starts further down (a feature's subheads over paragraphs
    opening with a place) is no export.
    """
    return len(runs) <= _SERVICE_MAX_RUNS and all(
        len(run) <= _SERVICE_MAX_RUNS and not run[-1].text.rstrip().endswith((".", "?", "!"))
        for run in runs
    )


def _furniture(run: Sequence[SourceLine]) -> bool:
    """A story's end marker, closing credit or contact line: no words of the story."""
    text = " ".join(line.text.strip() for line in run)
    if END_MARK.match(text):
        return True
    if text.startswith("(") and text.endswith(")"):
        inner = text.strip("() ")
        contact = text.startswith("((") or bool(_CONTACT.search(inner))
        return closing_credit(inner) or (contact and ". " not in inner)
    return closing_credit(text)


def _service(lines: Sequence[SourceLine], text: str) -> tuple[str | None, str | None]:
    """The publication and ISO date a service line names ("AGENCY | DESK | 03 MAR 2025")."""
    publication = date = None
    for line in lines:
        for part in _SERVICE_PARTS.split(line.text.strip()):
            written = part.title() if part.isupper() else part
            dates = [f for f in find_figures(written) if f.kind == "date"]
            if dates and date is None:
                date = iso_date(dates[0])
            elif publication is None and not dates and not _CLOCK.match(part) and is_outlet(part):
                publication = as_written(part, text)
    return publication, date


def as_written(name: str, text: str) -> str:
    """A name in capitals as the text writes it elsewhere in mixed case, else in title case."""
    if not name.isupper():
        return name
    found = re.search(re.escape(name), text, re.I)
    while found is not None:
        if not found.group(0).isupper():
            return found.group(0)
        found = re.compile(re.escape(name), re.I).search(text, found.end())
    return string.capwords(name)


def read_wire_export(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """Cut a multi-story wire export into body blocks and its metadata; None if it is none."""
    runs = line_runs(text)
    starts = _story_starts(runs)
    if len(starts) < _MIN_STORIES or not _service_only(runs[: starts[0]]):
        return None
    head = [line for run in runs[: starts[0]] for line in run]
    publication, date = _service(head, text)
    stories: list[_Story] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(runs)
        byline = runs[start + 1][0] if _byline(runs[start + 1]) else None
        body = runs[start + (2 if byline else 1) : end]
        stories.append(_Story(runs[start][0], byline, tuple(body)))

    # the service's copyright footer after the last story, and anything under it
    last = list(stories[-1].runs)
    footer = next((k for k, run in enumerate(last) if COPYRIGHT.match(run[0].text.strip())), None)
    if footer is not None:
        if publication is None and (holder := _HOLDER.match(last[footer][0].text.strip())):
            publication = holder.group("holder").strip() or None
        stories[-1] = _Story(stories[-1].headline, stories[-1].byline, tuple(last[:footer]))

    blocks: list[Block] = []
    authors: list[str] = []
    for n, story in enumerate(stories):
        if story.byline is not None:
            authors.extend(parse_byline(story.byline.text.strip()) or ())
        if n == 0:  # the title and byline, for the header reading that finds the lead
            blocks.append(Block("paragraph", (story.headline,), 1))
            if story.byline is not None:
                blocks.append(Block("paragraph", (story.byline,), 1))
        else:
            blocks.append(Block("heading", (story.headline,), 1, 2))
        body = [run for run in story.runs if not _furniture(run)]
        if body:
            first = body[0][0]
            cut = place_dateline(first.text)
            kept = first.text[cut:].strip()
            body[0] = ((SourceLine(kept, first.number, first.page),) if kept else ()) + body[0][1:]
        for run in body:
            if run:
                blocks.extend(split_lists(list(run), 1))
    meta = DocumentMeta(
        title=stories[0].headline.text.strip(),
        authors=tuple(dict.fromkeys(authors)),
        date=date,
        publication=publication,
    )
    return blocks, meta
