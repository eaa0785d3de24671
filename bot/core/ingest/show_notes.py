"""A podcast episode's show notes as plain text: the show's line, the episode, labelled parts.

Show notes open with the show's name line, the episode's own line ("Episode 47: Why fares
went up", "Ep. 12 - The night bus") and a line of its facts ("Published: 3 November 2025 |
Running time: 48:31"); the notes follow in parts under labels printed in capitals ("ABOUT OUR
GUEST", "CHAPTERS", "CREDITS"). The episode is the article (its line the title, the published
date its date), the show the publication; each label heads its part; a chapter list
("00:04:12 Why fares went up") and a credits list ("Producer: Name") are lines one each; a
pulled quote ('"…" - Dr Name') is that person's quote.
"""

from __future__ import annotations

import re

from bot.core.ingest.formats import Block, DocumentMeta, SourceLine, line_groups, split_lists

_HEAD_LINES = 6
_EPISODE = re.compile(
    r"^\s*(?:episode|ep\.?|show)\s*(?:no\.?\s*)?#?\d{1,4}\b\s*[:.\-–—|]\s*\S", re.I
)
_FACT_PART = re.compile(r"\s+[|·•]\s+")
_PUBLISHED = re.compile(r"^\s*(?:published|released|posted|aired|recorded)\s*(?:on)?\s*:?\s*", re.I)
_CAPS_LABEL = re.compile(r"^\s*[A-Z][A-Z0-9&'’,/ -]{2,60}:?\s*$")
_CHAPTER = re.compile(r"^\s*\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s+\S")
_FIELD_LINE = re.compile(r"^\s*[A-Z][\w&'’ -]{1,30}:\s+\S")
_PULLED = re.compile(
    r"^\s*[\"“](?P<words>[^\"“”]{10,400})[\"”]\s*[-–—]+\s*(?P<name>[A-Z][\w.'’ -]{2,60})$"
)
_TAGLINE = re.compile(r"\s+[-–—|:]\s+")
_MAX_LABEL_WORDS = 8


def is_show_notes(text: str) -> bool:
    """Whether the text's header block (its first lines) holds an episode's line, labels below."""
    head = text.split("\n", _HEAD_LINES)[:_HEAD_LINES]
    block = head[: next((k for k, line in enumerate(head) if not line.strip()), len(head))]
    return any(_EPISODE.match(line) for line in block) and bool(_labels(text[:3000]))


def _labels(text: str) -> list[str]:
    """The capital label lines of a text (each alone at a part's head)."""
    return [
        line
        for line in text.split("\n")
        if _CAPS_LABEL.match(line)
        and any(c.isalpha() for c in line)
        and len(line.split()) <= _MAX_LABEL_WORDS
    ]


def _header_meta(lines: list[str]) -> tuple[DocumentMeta, int]:
    """The show, the episode and its date from the header lines, and where the header ends."""
    from bot.core.ingest.organisations import title_case
    from bot.core.ingest.post_meta import stated_date

    end = next((k for k, line in enumerate(lines) if not line.strip()), len(lines))
    episode = next((k for k in range(end) if _EPISODE.match(lines[k])), None)
    if episode is None:
        return DocumentMeta(), 0
    show = None
    if episode > 0:
        name = _TAGLINE.split(lines[0].strip(), maxsplit=1)[0]
        show = title_case(name) if name.isupper() else name
    date = None
    for line in lines[episode + 1 : end]:
        for part in _FACT_PART.split(line.strip()):
            if (label := _PUBLISHED.match(part)) and label.group(0).strip():
                date = date or stated_date(part[label.end() :])
    meta = DocumentMeta(title=lines[episode].strip(), date=date, publication=show)
    return meta, end


def _one_each(lines: list[SourceLine]) -> bool:
    """Whether a group is a list of chapters or of credits: every line one entry."""
    return len(lines) > 1 and all(
        _CHAPTER.match(line.text) or _FIELD_LINE.match(line.text) for line in lines
    )


def read_show_notes(text: str) -> tuple[list[Block], DocumentMeta] | None:
    """The notes' blocks under their labels, and the episode's title, date and show; else None."""
    if not is_show_notes(text):
        return None
    lines = text.split("\n")
    meta, end = _header_meta(lines)
    if meta.title is None:
        return None
    blocks: list[Block] = []
    groups = [(g, gap) for g, gap in line_groups(lines) if g[0].number > end]
    for index, (group, gap) in enumerate(groups):
        first = group[0].text.strip()
        alone_label = (
            len(group) == 1
            and index + 1 < len(groups)
            and len(first.split()) <= _MAX_LABEL_WORDS
            and first[-1:].isalpha()
        )
        if (_CAPS_LABEL.match(first) and len(first.split()) <= _MAX_LABEL_WORDS) or alone_label:
            blocks.append(Block("heading", (group[0],), gap, level=2))
            group, gap = group[1:], 0
            if not group:
                continue
        if _one_each(group):  # a list: "Producer:" is no speaker's label
            blocks.append(Block("list", tuple(group), gap))
        elif len(group) == 1 and (pulled := _PULLED.match(group[0].text)):
            line = group[0]
            words = SourceLine(pulled.group("words").strip(), line.number, line.page)
            name = SourceLine(f"— {pulled.group('name')}", line.number, line.page)
            blocks.append(Block("quote", (words, name), gap, alone=True))
        else:
            blocks.extend(split_lists(group, gap))
    return blocks, meta
