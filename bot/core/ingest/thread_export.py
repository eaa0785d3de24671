"""Discussion-thread exports: a post and its comments, each under a "user | points | time" line.

A Reddit, forum or Q&A thread saved as text opens with the thread's head (a banner such as
"r/ukpolitics - AMA export" and a "Title:" line), then gives the post and each comment under a
header line of fields parted by "|" (or "·", "•"): the user's handle ("u/name", "@name",
"[deleted]", a "[MOD NOTE]" tag or "(moderator)" flair before or after it), points, and the
time posted. Replies are indented under what they answer. The header lines are no text: the
post's dates the thread and names its author. Where the poster names himself ("I am Daniel
Okafor, …", "I'm …", "My name is …"), his post and comments are his turns, as a speaker's in a
transcript; every comment is a turn of its own (a break), so another user's words are never
his. Moderators' notes, removed or deleted comments and the exporter's closing line are thread
furniture, and a "> " line quoting an earlier comment is no new text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, split_lists
from bot.core.ingest.metadata import is_name

_FIELD_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# the handle field: "Posted by u/name (verified)", "[MOD NOTE] u/team (moderator)", "[deleted]"
_HANDLE = re.compile(
    r"^(?:#\d+\s+)?(?:\[[^\]]{1,20}\]\s+)?"
    r"(?:(?:posted|submitted|comment(?:ed)?|reply|replied)\s+by\s+)?"
    r"(?P<handle>u/[\w-]{2,40}|@[\w.-]{2,40}|\[(?:deleted|removed)\]|[A-Za-z][\w.-]*[_\d.][\w.-]*)"
    r"(?:\s+\([^()]{1,30}\))*$",
    re.I,
)
_CLOCK = re.compile(r"\b\d{1,2}:\d\d\b|\b\d+\s+(?:min(?:ute)?s?|hours?|days?)\s+ago\b", re.I)
_ISO_DAY = re.compile(r"\b(\d{4})-(\d\d)-(\d\d)\b")
_TITLE_FIELD = re.compile(r"^\s*(?:title|thread|subject|topic)\s*:\s*(?P<title>.+)$", re.I)
_MODERATOR = re.compile(
    r"\[(?:mod|mod note|moderator|sticky|pinned)[^\]]*\]|\((?:mod|moderator)\)", re.I
)
_REMOVED = re.compile(r"^\s*\[(?:deleted|removed)[^\]]*\]\s*$", re.I)
# the exporter's closing line: "Exported 12 March 2026 16:30 GMT | reddit-thread-exporter v2.4"
_EXPORTED = re.compile(r"^\s*(?:exported|archived|saved|downloaded|generated)\b.{0,120}$", re.I)
_QUOTED = re.compile(r"^\s*>")
# the poster naming himself: "I am Daniel Okafor, Minister …", "I'm Ana Ruiz", "My name is …"
_SELF_NAMED = re.compile(
    r"\b(?:I am|I['’]m|[Mm]y name is)\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3})"
)
_MIN_COMMENTS = 3


@dataclass(frozen=True, slots=True)
class _Comment:
    header: int  # 0-based line of its header
    handle: str
    furniture: bool  # a moderator's note, a removed or deleted comment
    date: str | None
    body: tuple[int, ...]  # 0-based lines of its text (blank ones included)


def _header(line: str) -> tuple[str, bool, str | None] | None:
    """A comment header's (handle, by a moderator or deleted, ISO date), or None."""
    fields = _FIELD_SEPARATOR.split(line.strip())
    if len(fields) < 2 or len(line) > 240:
        return None
    match = _HANDLE.match(fields[0])
    if match is None:
        return None
    stamps = [f for f in fields[1:] if _CLOCK.search(f) or _day(f)]
    if not stamps:
        return None
    handle = match.group("handle")
    furniture = bool(_MODERATOR.search(fields[0])) or handle.lower() in ("[deleted]", "[removed]")
    return handle, furniture, next((d for f in stamps if (d := _day(f))), None)


def _day(text: str) -> str | None:
    """The day a field names, in ISO form."""
    iso = _ISO_DAY.search(text)
    if iso:
        return "-".join(iso.groups())
    days = [iso_date(f) for f in find_figures(text) if f.kind == "date"]
    return next((d for d in days if len(d) == len("2026-01-01")), None)


def _comments(lines: Sequence[str]) -> list[_Comment]:
    starts = [(k, h) for k, line in enumerate(lines) if (h := _header(line)) is not None]
    out: list[_Comment] = []
    for n, (k, (handle, furniture, date)) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        out.append(_Comment(k, handle, furniture, date, tuple(range(k + 1, end))))
    return out


def is_thread_export(text: str) -> bool:
    """Whether a text is a thread of comments under "user | … | time" header lines."""
    return len(_comments(text.split("\n"))) >= _MIN_COMMENTS


def _loose(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _poster_name(texts: Sequence[str]) -> str | None:
    """The name the poster gives himself in the title or the post."""
    for text in texts:
        for match in _SELF_NAMED.finditer(text):
            words = match.group("name").split()
            for size in range(len(words), 1, -1):  # "Daniel Okafor Minister" → "Daniel Okafor"
                if is_name(" ".join(words[:size])):
                    return " ".join(words[:size])
    return None


def read_thread_export(text: str) -> tuple[list[Block], DocumentMeta, frozenset[int]] | None:
    """A thread's blocks, metadata and turn breaks (first lines of comments); None if none."""
    lines = text.split("\n")
    comments = _comments(lines)
    if len(comments) < _MIN_COMMENTS:
        return None
    head = [line.strip() for line in lines[: comments[0].header] if line.strip()]
    titled = [m.group("title").strip() for line in head if (m := _TITLE_FIELD.match(line))]
    title = titled[0] if titled else (head[-1] if head else None)
    post = comments[0]
    post_text = [lines[k] for k in post.body]
    name = _poster_name([title or "", *post_text])
    last = max((k for k, line in enumerate(lines) if line.strip()), default=0)

    blocks: list[Block] = []
    breaks: set[int] = set()
    read_so_far = ""
    for comment in comments:
        if comment.furniture:
            continue
        body = [
            k
            for k in comment.body
            if not (k == last and _EXPORTED.match(lines[k])) and not _rule(lines[k])
        ]
        if all(_REMOVED.match(lines[k]) or not lines[k].strip() for k in body):
            continue
        first = True
        for run in _runs([SourceLine(lines[k].strip(), k + 1) for k in body]):
            if _QUOTED.match(run[0].text):
                quoted = [
                    SourceLine(re.sub(r"^(?:\s*>)+\s?", "", line.text), line.number) for line in run
                ]
                if _loose(" ".join(line.text for line in quoted)) in read_so_far:
                    continue  # it quotes an earlier comment
                blocks.append(Block("quote", tuple(quoted), 1))
                continue
            if first:
                breaks.add(run[0].number)
                if name is not None and comment.handle == post.handle:
                    run[0] = SourceLine(f"{name}: {run[0].text}", run[0].number)
                first = False
            blocks.extend(split_lists(run, 1))
            read_so_far += " " + _loose(" ".join(line.text for line in run))
    handle = post.handle.removeprefix("u/").removeprefix("@")
    authors = (name,) if name else ((handle,) if not post.furniture else ())
    meta = DocumentMeta(title=title, authors=authors, date=post.date)
    return blocks, meta, frozenset(breaks)


def _rule(line: str) -> bool:
    return bool(re.match(r"^\s*(?:-{3,}|={3,}|_{3,}|\*{3,})\s*$", line))


def _runs(lines: Sequence[SourceLine]) -> list[list[SourceLine]]:
    """Runs of non-blank lines; quoted (">") lines and plain ones never share a run."""
    runs: list[list[SourceLine]] = []
    current: list[SourceLine] = []
    previous = 0
    for line in lines:
        gap = line.number != previous + 1 and previous != 0
        blank = not line.text.strip()
        if current and (
            blank or gap or bool(_QUOTED.match(line.text)) != bool(_QUOTED.match(current[-1].text))
        ):
            runs.append(current)
            current = []
        if not blank:
            current.append(line)
        previous = line.number
    if current:
        runs.append(current)
    return runs
