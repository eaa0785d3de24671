"""A transcript's notes that are nobody's words: the transcriber's and the editor's.

Stage directions ("(Laughter.)", "[inaudible 00:03:10]"), a paragraph that is one bracket, the
room's reactions, an editor's notice ("Correction: …") and the editor's line on the exchange.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.formats import Block, SourceLine

# "(Laughter.)", "(Inaudible.)", "[Crosstalk]": the transcriber's note, not the speaker's words
_STAGE_DIRECTION = re.compile(
    r"(?:^|(?<=[.!?…]\s))(?:\([A-Z][a-z-]+(?:\s+[a-z-]+){0,2}\.?\)"
    r"|\[[A-Za-z][a-z-]+(?:\s+[a-z-]+){0,2}\.?\])(?=\s|$)"
    # a note with the recording's clock ("[inaudible 00:03:10]") is the transcriber's anywhere
    r"|\s*\[[A-Za-z][a-z-]+(?:\s+[a-z-]+){0,2}\s+\d{1,2}(?::\d{2}){1,2}\]"
)


# a paragraph that is one parenthesis or bracket ("(The hearing adjourned at 11:42 a.m.)",
# "[Recess]"): in a transcript, the transcriber's account of the room, nobody's words; a
# labelled one ("[Note: …]", "[Editor's note: …]") is the editor's, and stays
NOTE_PARAGRAPH = re.compile(
    r"^\s*[(\[](?![A-Z][\w'’ ]{0,25}:\s)(?:(?<=\()[^()]{2,400}\)|(?<=\[)[^\[\]]{2,400}\])\.?\s*$"
)


# an editor's notice ("Correction: …", "Editor's note: …", "Update (May 2): …") ends a turn:
# it is nobody's words, and its label is cut as a speaker's is
# ("EMBARGOED NOTE: …", "[Editor's note: …]": a note of any kind, in brackets or not)
NOTICE = re.compile(
    r"^\s*(?P<open>[\[(])?(?:corrections?|clarifications?|updates?|(?:[\w'’-]+\s+){0,2}?notes?|"
    r"errat(?:um|a)|corrigend(?:um|a)|addend(?:um|a)|"
    # a note on the recording itself ("Video: a full recording …", "Audio: …", "Listen: …")
    r"video|audio|recording|watch|listen)(?:\s*\([^()]{1,40}\))?\s*:\s*(?=\S)",
    re.I,
)


# "This interview has been edited for length and clarity.": the editor's word on the whole
# exchange, closing (or opening) it: nobody's turn
EDITED = re.compile(
    r"^\s*[\[(]?(?:(?:this|the)\s+(?:interview|conversation|transcript|exchange|discussion|"
    r"q\s?&\s?a)\s+(?:has|have|was|were|is)\s+(?:been\s+)?(?:\w+ly\s+)?"
    r"(?:edited|condensed|shortened|abridged|translated)"
    r"|(?:\w+ly\s+)?(?:edited|condensed)(?:\s+and\s+\w+)?\s+for\s+(?:length|clarity|brevity)"
    # "Transcript prepared by the Forum.": who made the record, closing it
    r"|(?:(?:this|the)\s+)?(?:transcript|record)\s+(?:(?:was|has\s+been)\s+)?"
    r"(?:prepared|produced|compiled|provided|supplied|made)\s+by)\b",
    re.I,
)
_CLOSING_BRACKET = {"[": "]", "(": ")"}


def notice_text(block: Block, cut: int, bracketed: bool) -> Block:
    """A notice's block without its label, and without its brackets ("[Note: …]")."""
    first = block.lines[0]
    lines = [replace(first, text=first.text[cut:]), *block.lines[1:]]
    if bracketed:
        opening = first.text.lstrip()[:1]
        last = lines[-1].text.rstrip()
        if last.endswith(_CLOSING_BRACKET[opening]):
            lines[-1] = replace(lines[-1], text=last[:-1].rstrip())
    return replace(block, lines=tuple(line for line in lines if line.text.strip()))


# the room's reaction in a speech ("(Applause)", "(Sustained applause)") or a heckle quoted
# ("(A voice: "It isn't!")"), standing after a sentence ends; a reaction word is one in any
# case or brackets ("[APPLAUSE]", "(laughter)", "[Cheers]")
_REACTION_WORD = r"(?i:applause|laughter|laughs|cheers|cheering|boos|booing|heckling|groans)"
_ROOM_NOTE = (
    r"(?:\((?:[A-Z][a-z-]+(?:\s+[a-z-]+){0,2}\.?"
    r"|(?:[A-Z][a-z]*\s+){0,2}[A-Za-z]+:\s*[\"“][^\"“”()]{1,80}[\"”])\)"
    rf"|[(\[](?:[A-Za-z]+\s+)?{_REACTION_WORD}\.?[)\]])"
)
_REACTION = re.compile(rf"(?<=[.!?…\"”’)])\s+{_ROOM_NOTE}(?=\s|$)")
_OPENING_REACTION = re.compile(rf"^\s*{_ROOM_NOTE}(?:\s+|$)")
_CLOSED = re.compile(r"[.!?…][\"”’)]?$")


def without_reactions(blocks: Sequence[Block]) -> list[Block]:
    """Outside a transcript, the room's reactions between sentences ("(Laughter)") cut.

    A note goes where a sentence ends before it (on its line, or on the line above), and a
    paragraph that is such notes only; a parenthesis opening a paragraph ("(Reuters) The …")
    or inside a sentence ("the Transport (Scotland) Act") stays.
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind != "paragraph":
            out.append(block)
            continue
        if len(block.lines) == 1 and not _OPENING_REACTION.sub("", block.text).strip():
            continue  # "(Sustained applause)" alone
        lines: list[SourceLine] = []
        closed = False
        for line in block.lines:
            text = _REACTION.sub("", line.text)
            while closed and (opening := _OPENING_REACTION.match(text)):
                text = text[opening.end() :]
            closed = bool(_CLOSED.search(line.text.rstrip()))
            if text.strip():
                lines.append(replace(line, text=text.rstrip()))
        if lines:
            out.append(replace(block, lines=tuple(lines)) if lines != list(block.lines) else block)
    return out


# "… review the rent. [inaudible] somebody needs …": the tag marks a gap in the recording after
# a closed sentence, and the words after it are a sentence whose opening was lost
_GAP = re.compile(
    r"(?<=[.!?…])\s+\[[A-Za-z][a-z-]+(?:\s+[a-z-]+){0,2}(?:\s+\d{1,2}(?::\d{2}){1,2})?\]"
    r"\s+(?=[a-z])"
)


def cut_at_gaps(block: Block) -> list[Block]:
    """A turn's block cut where a gap tag stands between a closed sentence and lowercase words."""
    pieces: list[Block] = []
    lines: list[SourceLine] = []
    for line in block.lines:
        text = line.text
        while match := _GAP.search(text):
            lines.append(replace(line, text=text[: match.start()]))
            pieces.append(replace(block, lines=tuple(lines)))
            lines, text = [], text[match.end() :]
        lines.append(replace(line, text=text))
    if not pieces:
        return [block]
    return [*pieces, replace(block, lines=tuple(lines), gap_before=0)]


def without_stage_directions(block: Block) -> Block:
    """A turn's lines without the transcriber's notes ("(Laughter.)"); emptied lines dropped."""
    cleaned = ((line, _STAGE_DIRECTION.sub("", line.text).strip()) for line in block.lines)
    return replace(block, lines=tuple(replace(line, text=text) for line, text in cleaned if text))
