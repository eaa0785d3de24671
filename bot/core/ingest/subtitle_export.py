"""Subtitle exports (SubRip .srt, WebVTT) saved as text: timed cues read as a transcript.

A caption file is a run of cues, each an optional number line, a timecode line ("00:01:12,040
--> 00:01:15,200", WebVTT's "00:01:12.040 --> …" with cue settings) and its text. The numbers
and timecodes are furniture; a sentence the captioner broke across cues is one sentence again,
because the cues of one turn are one paragraph (a line rolling captions repeat at the top of
the next cue is read once). A turn opens at a speaker tag: ">> NAME:" (the
caption convention for a new speaker), WebVTT's "<v Name>", a "- " dash; a bracketed tag before
the words ("[Narrator] In January …") or a bare ">>" opens a turn of no named speaker (see
`breaks`). Sound cues ("[music]", "[applause]", "♪") are no one's words. Lines above the first
cue are the video's header: the first is its title; one holding a date ("Lakeport City Channel |
Uploaded 14 March 2025") gives the date and the channel, its publication; a line about the file
itself ("Transcript generated from closed captions") is no text. The channel's closing call
("Subscribe to …", "Thanks for watching") among the last cues is no one's words either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import Block, DocumentMeta, SourceLine

_TIME = r"(?:\d{1,2}:)?\d{2}:\d{2}[,.]\d{3}"
_TIMECODE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}(?:\s+\S.*)?$")
_CUE_NUMBER = re.compile(r"^\s*\d{1,6}\s*$")
_MIN_CUES = 3
# WebVTT's file header and its header fields ("Kind: captions", "Language: en")
_VTT_HEADER = re.compile(r"^\s*(?:WEBVTT\b.*|NOTE\b.*|(?:Kind|Language|Style|Region)\s*:.*)$")
# ">> MAYOR OKONJO:" (a named speaker), ">>" alone (a new, unnamed one)
_CHEVRON = re.compile(r"^\s*>>+\s*(?:(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s*:\s*)?")
_VOICE = re.compile(r"^\s*<v(?:\.[\w.-]+)?\s+(?P<name>[^>]{1,60})>\s*")
_DASH = re.compile(r"^\s*[-–]\s+(?=\S)")
# a bracketed tag before the words: who (or what) speaks them, no name given
_LEAD_TAG = re.compile(r"^\s*\[(?P<tag>[^\[\]\n]{1,40})\]\s*(?=\S)")
_SOUND = re.compile(r"\[[^\[\]\n]{1,40}\]|\([A-Za-z][a-z]*(?:\s+[a-z]+){0,2}\)|[♪♫]+")
_MARKUP = re.compile(r"</?(?:[biuc]|v|lang|ruby|rt)(?:[.\s][^>]*)?>|\{\\[^}]*\}")
# a line about the file itself: how the transcript was made
_ABOUT_FILE = re.compile(
    r"\b(?:transcript|captions?|subtitles?)\b.*\b(?:generated|created|made|produced|from|by)\b"
    r"|\b(?:auto-?generated|closed captions?)\b",
    re.I,
)
# the channel's closing call to the viewer
_CALL = re.compile(
    r"^\s*(?:please\s+|don'?t\s+forget\s+to\s+)?(?:(?:like\s+and\s+)?subscribe\b"
    r"|(?:thanks|thank\s+you)\s+for\s+watching\b|follow\s+us\b)",
    re.I,
)
_PARTS = re.compile(r"\s+[|·•]\s+|\s+[—–]\s+")
_DATE_VERBS = re.compile(
    r"\b(?:uploaded|published|posted|premiered|streamed(?:\s+live)?|recorded|broadcast|aired)"
    r"(?:\s+(?:on|at))?\s*:?\s*$",
    re.I,
)


def is_subtitle_export(text: str) -> bool:
    """Whether the text is a caption file: three or more cue timecode lines."""
    if "-->" not in text:
        return False
    return sum(1 for line in text.split("\n") if _TIMECODE.match(line)) >= _MIN_CUES


@dataclass
class _Turn:
    label: str | None  # the speaker tag's name, None for an unnamed turn
    lines: list[SourceLine]
    named: bool = True  # False: an unnamed speaker (a bare ">>", "[Narrator]")


def _cues(lines: list[str]) -> tuple[int, list[list[SourceLine]]]:
    """Where the first cue starts, and each cue's text lines (numbers and timecodes out)."""
    starts = [k for k, line in enumerate(lines) if _TIMECODE.match(line)]
    first = starts[0]
    if first > 0 and _CUE_NUMBER.match(lines[first - 1]):
        first -= 1
    cues: list[list[SourceLine]] = []
    for at, k in enumerate(starts):
        end = starts[at + 1] if at + 1 < len(starts) else len(lines)
        if at + 1 < len(starts) and _CUE_NUMBER.match(lines[end - 1]):
            end -= 1  # the next cue's number, just above its timecode
        body: list[SourceLine] = []
        for j in range(k + 1, end):
            if not lines[j].strip():
                if body:
                    break
                continue
            body.append(SourceLine(lines[j].strip(), j + 1))
        cues.append(body)
    return first, cues


def _spoken(text: str) -> str:
    """A cue line without markup and sound cues ("[music]", "♪"), spaces closed up."""
    text = _MARKUP.sub("", text)
    return " ".join(_SOUND.sub(" ", text).split())


def _turns(cues: list[list[SourceLine]]) -> list[_Turn]:
    """The cues' lines grouped into turns at each speaker tag."""
    turns: list[_Turn] = []
    previous = ""
    for cue in cues:
        for k, line in enumerate(cue):
            text = line.text
            opened: _Turn | None = None
            if voice := _VOICE.match(text):
                opened, text = _Turn(voice.group("name").strip(), []), text[voice.end() :]
            elif (chevron := _CHEVRON.match(text)) and text.lstrip().startswith(">>"):
                name = chevron.group("name")
                opened = _Turn(name, [], named=name is not None)
                text = text[chevron.end() :]
            elif tag := _LEAD_TAG.match(text):
                opened, text = _Turn(None, [], named=False), text[tag.end() :]
            elif dash := _DASH.match(text):
                opened, text = _Turn(None, [], named=False), text[dash.end() :]
            text = _spoken(text)
            if opened is not None:
                turns.append(opened)
            if not text:
                continue
            if not turns:
                turns.append(_Turn(None, [], named=False))
            if k == 0 and not opened and previous == text:
                continue  # rolling captions repeat the last line at the top of the next cue
            previous = text
            turns[-1].lines.append(SourceLine(text, line.number))
    return [t for t in turns if t.lines]


def _header(lines: list[str]) -> tuple[DocumentMeta, list[Block]]:
    """The title, the channel and date, and any description, from the lines over the cues."""
    kept = [
        SourceLine(line.strip(), k + 1)
        for k, line in enumerate(lines)
        if line.strip() and not _VTT_HEADER.match(line)
    ]
    title = kept[0].text if kept else None
    subtitle: str | None = None
    date: str | None = None
    publication: str | None = None
    blocks: list[Block] = []
    for line in kept[1:]:
        if _ABOUT_FILE.search(line.text):
            continue
        dates = [f for f in find_figures(line.text) if f.kind == "date"]
        if dates and date is None:
            date = iso_date(dates[0])
            # the line's other part names the channel: "Channel | Uploaded 14 March 2025"
            parts = [p for p in _PARTS.split(line.text) if dates[0].text not in p]
            channel = next((p.strip() for p in parts if _DATE_VERBS.sub("", p).strip()), None)
            publication = publication or channel
            continue
        if subtitle is None and not line.text.rstrip().endswith((".", "!", "?")):
            subtitle = line.text
            continue
        blocks.append(Block("paragraph", (line,)))
    return DocumentMeta(title=title, subtitle=subtitle, date=date, publication=publication), blocks


def _closing_call(turns: list[_Turn], publication: str | None) -> None:
    """Drop the channel's closing call to the viewer from the last turn's end."""
    while turns:
        last = turns[-1]
        line = last.lines[-1]
        names_channel = bool(publication) and (publication or "") in line.text
        if not (_CALL.match(line.text) or (names_channel and _CALL.search(line.text))):
            # a call wrapped over two lines: "Subscribe to X for" / "more from City Hall."
            if len(last.lines) >= 2 and _CALL.match(last.lines[-2].text):
                del last.lines[-2:]
            else:
                return
        else:
            del last.lines[-1]
        if not last.lines:
            turns.pop()


def read_subtitle_export(text: str) -> tuple[list[Block], DocumentMeta, frozenset[int]]:
    """Read a caption file: its blocks (a turn a paragraph), its metadata, and more.

    The third value holds the first lines of the turns no named speaker opens: there the
    last speaker's turn ends (`SourceDocument.breaks`).
    """
    lines = text.split("\n")
    first, cues = _cues(lines)
    meta, blocks = _header(lines[:first])
    turns = _turns(cues)
    _closing_call(turns, meta.publication)
    unnamed: set[int] = set()
    for turn in turns:
        body = list(turn.lines)
        if turn.label:
            body[0] = SourceLine(f"{turn.label}: {body[0].text}", body[0].number)
        elif not turn.named:
            unnamed.add(body[0].number)
        blocks.append(Block("paragraph", tuple(body)))
    return blocks, meta, frozenset(unnamed)
