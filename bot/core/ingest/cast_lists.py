"""Who is who in a transcript's header: cast lines ("Host: Jane Doe") and lists of who attends.

`take_cast` cuts the "Host:"/"Guest:" lines a show's header opens with and names its host and
guest; `take_cast_lists` cuts labelled lists of people ("PRESENT:", "Panel:", "Witnesses:")
and maps the roles they give to their people, so a turn labelled "Chair" is the chair named.
Split from `transcripts`, which reads the turns these name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from bot.core.ingest.formats import Block
from bot.core.ingest.label_people import roles_of
from bot.core.ingest.metadata import common_words, is_header_line, is_name
from bot.core.ingest.transcripts import title_case

__all__ = ["cast_line", "take_cast", "take_cast_lists"]

# "Host: Jane Doe", "Guest: John Roe, Director of …": who is who, not a turn
_CAST = re.compile(
    r"^\s*(hosts?|guests?|interviewers?|moderators?|presenters?)\s*:\s*(.+?)\s*$", re.I
)
_CAST_BLOCKS = 8  # cast lines stand in the header


def cast_line(text: str) -> tuple[str, str] | None:
    """A header's cast line ("Presenter: JANE ROE", "Guest: Jo Park, role"): role, name.

    The role is "host" or "guest"; the name is the first person the line names, in title
    case where it is printed in capitals. None when the line names no person.
    """
    cast = _CAST.match(text.replace("*", ""))
    # "Hosts: Jo Park and Sam Lee": the first person named
    name = re.split(r"[,;&]|\s+and\s+", cast.group(2))[0].strip() if cast else ""
    if not cast or not is_name(name):
        return None
    role = "guest" if cast.group(1).lower().startswith("guest") else "host"
    return role, title_case(name) if name.isupper() else name


def take_cast(blocks: Sequence[Block]) -> tuple[list[Block], str | None, str | None]:
    """Cut "Host: Name" / "Guest: Name, role" lines from the first blocks.

    Returns the blocks without them, the host (the interviewer) and the guest, where named.
    A label that opens several paragraphs is a speaker's ("MODERATOR: Dr Qureshi." hands
    over to the next speaker), not a cast line.
    """
    opening = Counter(
        cast.group(1).lower()
        for b in blocks
        if b.kind == "paragraph" and b.lines and (cast := _CAST.match(b.lines[0].text))
    )
    roles: dict[str, str] = {}
    out: list[Block] = []
    for k, block in enumerate(blocks):
        if k >= _CAST_BLOCKS or block.kind not in ("paragraph", "heading"):
            out.append(block)
            continue
        kept = []
        for line in block.lines:
            cast = _CAST.match(line.text.replace("*", ""))
            named = cast_line(line.text)
            if cast and named and opening[cast.group(1).lower()] < 2:
                roles.setdefault(*named)
            else:
                kept.append(line)
        if kept:
            out.append(replace(block, lines=tuple(kept)))
    return out, roles.get("host"), roles.get("guest")


# "WITNESSES:", "ALSO PRESENT: …", "Panel:": a label of one to three words opening a list
_LIST_LABEL = re.compile(r"^\s*([A-Z][A-Za-z'’-]*(?:\s+[A-Za-z][A-Za-z'’-]*){0,2})\s*:\s*(.*?)\s*$")
_BYLINE_LABEL = re.compile(r"^(?:by|authors?|written\s+by|text)$", re.I)
_ITEM_MARK = re.compile(r"^\s*(?:[-*•]|\d{1,3}[.)])\s+")
_CAST_ITEM_MAX_WORDS = 12


def _person_item(item: str, common: frozenset[str]) -> bool:
    """Whether a list item names a person: "Senator Ruth Okonjo (Chair)", "Dr. A B, Director".

    The surname (the name's last word) is one the text never writes in lower case: "Rural
    Broadband Programme" or "Progress Update" in a labelled title are common words.
    """
    item = _ITEM_MARK.sub("", item).strip().rstrip(".;,")
    head = re.split(r"\s*[,(–—]\s*|\s+-\s+", item, maxsplit=1)[0]
    head = head.removeprefix("and ").strip()
    return is_name(head) and head.split()[-1].lower() not in common


def _names_people(items: Sequence[str], least: int, common: frozenset[str]) -> bool:
    """Whether items list `least` or more people: the first one, and at least half, named."""
    items = [i for i in (_ITEM_MARK.sub("", i).strip() for i in items) if i]
    if len(items) < least or any(len(i.split()) > _CAST_ITEM_MAX_WORDS for i in items):
        return False
    people = sum(_person_item(i, common) for i in items)
    return _person_item(items[0], common) and 2 * people >= len(items)


def _list_label(block: Block) -> re.Match[str] | None:
    match = _LIST_LABEL.match(block.lines[0].text) if block.lines else None
    if not match or _CAST.match(match.group(0)) or _BYLINE_LABEL.match(match.group(1)):
        return None
    return match


def _cast_list(
    block: Block, following: Block | None, common: frozenset[str]
) -> tuple[int, list[str]]:
    """How many blocks a labelled list of people starting at `block` takes (0, 1 or 2).

    "PRESENT: Senator A (Chair), Senator B" lists two or more after its label; "WITNESSES:"
    alone on its line lists them on the lines (or in the block) below, a person and their
    role a line, none of them a sentence. Also returns the list's items.
    """
    match = _list_label(block) if block.kind == "paragraph" else None
    if match is None:
        return 0, []
    rest = match.group(2)
    if rest:
        joined = " ".join([rest, *(line.text.strip() for line in block.lines[1:])])
        items = joined.split(";") if ";" in joined else joined.split(",")
        return (1, items) if _names_people(items, 2, common) else (0, [])
    below, taken = block.lines[1:], 1
    if not below and following is not None and following.kind in ("paragraph", "list"):
        below, taken = following.lines, 2
    lines = [line.text for line in below]
    if all(map(is_header_line, lines)) and _names_people(lines, 1, common):
        return taken, lines
    return 0, []


# a heading over a cast with no colon: "Company Participants", "Panellists" (a few words)
_CAST_HEADING = re.compile(r"^\s*[^\W\d_][\w'’&-]*(?:\s+[^\W\d_][\w'’&-]*){0,3}\s*$")
# a cast item's role after the person: "Name — Title", "Name – role, place", "Name, role"
_ROLE_AFTER = re.compile(r"\s[—–]\s|\s-\s|,\s")


def _cast_item(item: str, common: frozenset[str]) -> bool:
    """Whether a line is a person and their role, or a role and its person.

    "Rachel Osei — Halvorsen Securities", "Dr Jo Park, economist", "Moderator: Sam Lee, editor".
    """
    item = _ITEM_MARK.sub("", item).strip()
    labelled = _CAST.match(item)
    if labelled:
        return cast_line(item) is not None
    return bool(_ROLE_AFTER.search(item)) and _person_item(item, common)


def _unlabelled_cast(block: Block, following: Block | None, common: frozenset[str]) -> bool:
    """Whether a short heading line with no colon heads a cast of who takes part.

    Two or more lines stand below it, every one a person with their role ("Company
    Participants" over "Name — Title" lines).
    """
    if block.kind not in ("heading", "paragraph") or len(block.lines) != 1:
        return False
    if not _CAST_HEADING.match(block.lines[0].text) or following is None:
        return False
    if following.kind not in ("paragraph", "list") or len(following.lines) < 2:
        return False
    lines = [_ITEM_MARK.sub("", line.text) for line in following.lines]
    return all(len(t.split()) <= _CAST_ITEM_MAX_WORDS and is_header_line(t) for t in lines) and all(
        _cast_item(t, common) for t in lines
    )


def take_cast_lists(
    blocks: Sequence[Block],
) -> tuple[list[Block], int, dict[str, str], frozenset[int]]:
    """Cut the header's labelled lists of people ("PRESENT: …", "WITNESSES:" and a line each).

    Only the header is looked at: after the title, the blocks before the first one that holds
    a sentence. A label that opens several paragraphs is a speaker's, not a list's. Who
    attends is not what anyone says, nor a heading. Returns the blocks without those lists,
    the last source line they took (0 when there were none), the roles they give their
    people (see `roles_of`) and the lines of the casts under a heading with no colon
    ("Panellists" over "Dr Jo Park – role" lines): those name people as their turns do, no
    meeting's roster of members by title.
    """
    labels = Counter(
        match.group(1).lower() for b in blocks if (match := _list_label(b)) is not None
    )
    common = common_words("\n".join(b.text for b in blocks))
    out: list[Block] = []
    items: list[str] = []
    headed: set[int] = set()
    last = 0
    k = 0
    while k < len(blocks):
        block = blocks[k]
        match = _list_label(block) if k > 0 else None
        taken, listed = (
            _cast_list(block, blocks[k + 1] if k + 1 < len(blocks) else None, common)
            if match is not None and labels[match.group(1).lower()] == 1
            else (0, [])
        )
        if not taken and match is None and k > 0:
            following = blocks[k + 1] if k + 1 < len(blocks) else None
            if _unlabelled_cast(block, following, common) and following is not None:
                taken, listed = 2, [line.text for line in following.lines]
                headed.update(line.number for line in following.lines)
        if taken:
            last = blocks[k + taken - 1].lines[-1].number
            items.extend(listed)
            k += taken
            continue
        if block.kind != "heading" and (
            block.kind != "paragraph" or not all(is_header_line(line.text) for line in block.lines)
        ):
            return [*out, *blocks[k:]], last, roles_of(items), frozenset(headed)
        out.append(block)
        k += 1
    return out, last, roles_of(items), frozenset(headed)
