"""Scripts and transcripts made for the screen: a news bulletin's script, a film's transcript.

A bulletin script opens with production fields ("PROGRAMME: …", "AIR DATE: …", "STORY: …",
"SLUG: …", several on a line) and marks what is shown, not said: a sound bite's lower third
("SOT: LOWER THIRD: NAME / ROLE"), a graphic ("GFX: …"), the end of the item ("END OF ITEM").
Its turns name a role and the person ("ANCHOR (NAME):", "REPORTER (NAME) (VO):"): the person
speaks, the role and the delivery ("VO", "PTC") are no text. A film's transcript opens with
its title, its maker ("A documentary film by Name") and its broadcast ("Broadcast on Channel,
14 September 2026, 21:00"), and marks the pictures: a timecode with a scene note ("[00:02:40]
[archive footage: …]"), a caption naming who speaks next ("NAME — role, place") and the end
credits after "[END CREDITS]". None of these is anyone's words; the header gives the title, the
programme or channel (the publication), the air date and the maker (the author).

A text is of this kind when it shows such screen directions; a radio transcript's
"Broadcast:" and "Programme:" lines alone do not make one. Lines read here are blanked, so
every other line keeps its number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.ingest.figures import find_figures, iso_date
from bot.core.ingest.formats import DocumentMeta
from bot.core.ingest.organisations import title_case

_STAMP = r"[(\[]?\d{1,2}(?::\d{2}){1,2}(?:[.:;]\d{2,3})?[)\]]?"  # "[00:02:40]", "10:02:15:08"
_NOTE = r"\[[^\[\]\n]{1,200}\]"  # "[archive footage: …]", "[sound of gulls]"
# a timecode alone, or with the scene's notes: the pictures, no one's words
_TIMED_NOTE = re.compile(rf"^\s*{_STAMP}(?:\s*{_NOTE})*\s*$")
_TIMED_WITH_NOTE = re.compile(rf"^\s*{_STAMP}\s*{_NOTE}")
_SCENE_NOTE = re.compile(rf"^\s*(?:{_NOTE}\s*)+$")
# what the screen shows, in capitals before a colon: a sound bite's caption, a graphic, a super
_DIRECTION = re.compile(
    r"^\s*(?:SOT|SYNC|GFX|GRAPHICS?|VT|VIDEO|SUPER|STRAP|ASTON|CAPTION|CHYRON|LOWER\s+THIRD|"
    r"CG|OOV|STING|MUSIC|FX|SFX|PKG|PACKAGE|STILLS?|MAP)\s*:"
)
_END_MARK = re.compile(
    r"^\s*\[?\s*(?:END\s+OF\s+(?:ITEM|STORY|PACKAGE|SCRIPT|BULLETIN|PROGRAMME|PROGRAM|SEGMENT)|"
    r"ITEM\s+ENDS)\s*\]?\s*$"
)
_CREDITS = re.compile(rf"^\s*(?:{_STAMP}\s*)?\[?\s*(?:END|CLOSING)\s+CREDITS\s*\]?\s*$", re.I)
# "MAIRI CAMPBELL — crofter, Inchmore": an on-screen caption, the name in capitals and the role
_CAPTION = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){1,5})\s+[—–]\s+(?P<role>[a-z0-9].{0,120})$"
)
# "SOT: LOWER THIRD: GARETH NWOSU / AREA FLOOD MANAGER", "SUPER: Name / role": who is shown
_LOWER_THIRD = re.compile(
    r"^\s*(?:(?:SOT|SYNC)\s*:\s*)?(?:LOWER\s+THIRD|SUPER|ASTON|CAPTION|CHYRON|CG|STRAP)\s*:\s*"
    r"(?P<name>[^/\n:]{3,60}?)\s*/"
)
# "ANCHOR (JOSEPHINE OKAFOR):", "REPORTER (DANIEL HARTIGAN) (VO):", "NAME (PTC):"
_DELIVERY = r"V/?O|O/?S|O\.S\.|V\.O\.|PTC|SOT|OOV|IN\s+VISION|IV|LIVE|CONT['’]?D|VOICE\s*OVER"
_ROLE = (
    r"ANCHOR|PRESENTER|NEWSREADER|REPORTER|CORRESPONDENT|NARRATOR|HOST|CO-?HOST|VOICE\s*OVER|"
    r"VO|INTERVIEWER|EDITOR"
)
_SCRIPT_LABEL = re.compile(
    rf"^(?P<indent>\s*)(?:(?P<role>{_ROLE})\s*\((?P<person>[^()\n:]{{2,50}})\)|"
    rf"(?P<name>[A-Z][A-Za-z.'’-]*(?:\s+[A-Z][A-Za-z.'’-]*){{0,4}}))"
    rf"(?P<delivery>(?:\s*\((?:{_DELIVERY})\))*)\s*:\s*(?=\S)"
)
# the production fields of a script's header; several may share a line, apart by wide spaces
_PROGRAMME_FIELDS = frozenset({"PROGRAMME", "PROGRAM", "SHOW", "BULLETIN", "CHANNEL", "NETWORK"})
_DATE_FIELDS = frozenset(
    {
        "AIR DATE",
        "AIRDATE",
        "TX",
        "TX DATE",
        "TRANSMISSION",
        "TRANSMISSION DATE",
        "BROADCAST",
        "BROADCAST DATE",
        "FIRST BROADCAST",
        "DATE",
    }
)
_TITLE_FIELDS = frozenset({"STORY", "ITEM", "TITLE", "EPISODE", "HEADLINE"})
_OTHER_FIELDS = frozenset(
    {
        "SLUG",
        "DURATION",
        "RUNNING TIME",
        "LENGTH",
        "PRODUCER",
        "DIRECTOR",
        "EDITOR",
        "WRITER",
        "CAMERA",
        "IN WORDS",
        "OUT WORDS",
        "OUTCUE",
        "IN CUE",
        "OUT CUE",
        "RUNS",
        "TIME",
        "VERSION",
    }
)
_FIELDS = _PROGRAMME_FIELDS | _DATE_FIELDS | _TITLE_FIELDS | _OTHER_FIELDS
_FIELD_NAMES = "|".join(sorted((n.replace(" ", r"\s+") for n in _FIELDS), key=len, reverse=True))
_FIELD = re.compile(rf"(?:^\s*|\s{{2,}}|\s+\|\s+)({_FIELD_NAMES})\s*:\s*", re.I)
# "Broadcast on Northwind Television, 14 September 2026, 21:00", "First shown on Channel 4 on …"
_BROADCAST = re.compile(
    r"^\s*(?:first\s+)?(?:broadcast|shown|aired|screened|transmitted)\s+on\s+"
    r"(?P<channel>[A-Z][^,\n]{1,60}?)(?:,|\s+on\s+)\s*(?P<when>.+)$",
    re.I,
)
# "A documentary film by Sorcha Delaney", "Written and directed by Name", "A film by Name"
_MAKER = re.compile(
    r"^\s*(?:an?\s+(?:[\w-]+\s+){0,3}(?:film|documentary|programme|program|series)\s+by|"
    r"(?:written\s+and\s+)?directed\s+by|produced\s+and\s+directed\s+by)\s+"
    r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$",
    re.I,
)
_RUNNING = re.compile(r"^\s*(?:running\s+time|duration|length)\s*:", re.I)
_TRANSCRIPT_LABEL = re.compile(r"^\s*(?:full\s+)?(?:transcript|script)\s*$", re.I)
_HEADER_LINES = 12
_MIN_SIGNS = 2


def _signs(lines: Sequence[str]) -> int:
    """How many lines show what the screen shows: directions, timed scene notes, captions."""
    count = 0
    for k, line in enumerate(lines):
        if (
            _DIRECTION.match(line)
            or _END_MARK.match(line)
            or _TIMED_WITH_NOTE.match(line)
            or (_CREDITS.match(line) and k > _HEADER_LINES)
            or _caption_over_label(lines, k)
        ):
            count += 1
    return count


def _caption_over_label(lines: Sequence[str], k: int) -> bool:
    """A caption line whose name labels a turn within the next few lines."""
    match = _CAPTION.match(lines[k])
    if not match:
        return False
    name = " ".join(match.group("name").split())
    for line in lines[k + 1 : k + 4]:
        if line.strip():
            return line.strip().upper().startswith(f"{name}:")
    return False


def is_screen_script(text: str) -> bool:
    """Whether a text is a bulletin script or a film transcript (see the module docstring)."""
    return _signs(text.split("\n")) >= _MIN_SIGNS


def _date(value: str) -> str | None:
    """The ISO date a field or broadcast line gives ("WEDNESDAY 4 FEBRUARY 2026")."""
    written = value.title() if value.isupper() else value
    dates = [f for f in find_figures(written) if f.kind == "date"]
    return iso_date(dates[0]) if dates else None


def _programme(value: str) -> str:
    """The programme a field names, without its edition ("CENTRAL TONIGHT - 6.30PM BULLETIN")."""
    name = re.split(r"\s+[-–—|]\s+", value.strip(), maxsplit=1)[0].strip()
    return title_case(name) if name.isupper() else name


def _fields(line: str) -> list[tuple[str, str]]:
    """A header line's "FIELD: value" pairs ("PRODUCER: A   DIRECTOR: B"), or [] for none."""
    found = list(_FIELD.finditer(line))
    if not found or found[0].start() != 0:
        return []
    ends = [m.start() for m in found[1:]] + [len(line)]
    return [
        (" ".join(m.group(1).upper().split()), line[m.end() : end].strip())
        for m, end in zip(found, ends, strict=True)
    ]


def _body_starts(lines: Sequence[str]) -> int:
    """The index of the script's first line after its header (a timecode, a label, a direction)."""
    for k, line in enumerate(lines):
        if (
            _TIMED_NOTE.match(line)
            or _SCENE_NOTE.match(line)
            or _DIRECTION.match(line)
            or (_SCRIPT_LABEL.match(line) and not _fields(line) and not _BROADCAST.match(line))
        ):
            return k
        if k >= _HEADER_LINES:
            break
    return 0


def _read_header(lines: list[str], end: int) -> DocumentMeta:
    """Read and blank the header's lines: title, programme or channel, air date, maker."""
    title = publication = date = None
    authors: tuple[str, ...] = ()
    for k in range(end):
        line = lines[k].strip()
        if not line:
            continue
        fields = _fields(line)
        broadcast = _BROADCAST.match(line)
        maker = _MAKER.match(line)
        if fields:
            for name, value in fields:
                if name in _PROGRAMME_FIELDS and value:
                    publication = publication or _programme(value)
                elif name in _DATE_FIELDS:
                    date = date or _date(value)
                elif name in _TITLE_FIELDS and value:
                    title = title or (title_case(value) if value.isupper() else value)
        elif broadcast:
            publication = publication or broadcast.group("channel").strip()
            date = date or _date(broadcast.group("when"))
        elif maker:
            authors = authors or (maker.group("name").strip(),)
        elif _RUNNING.match(line) or _TRANSCRIPT_LABEL.match(line):
            pass
        elif title is None and k == next(j for j in range(end) if lines[j].strip()):
            title = line  # the film's own name opens its header
        else:
            continue  # a line this reader does not know stays text
        lines[k] = ""
    return DocumentMeta(title=title, authors=authors, date=date, publication=publication)


def _relabel(line: str) -> str:
    """A script's "REPORTER (NAME) (VO): …" label as "NAME: …": the person speaks."""
    match = _SCRIPT_LABEL.match(line)
    if not match or not (match.group("person") or match.group("delivery")):
        return line
    person = match.group("person") or match.group("name")
    return f"{match.group('indent')}{' '.join(person.split())}: {line[match.end() :]}"


def _captioned(line: str) -> str | None:
    """The name an on-screen caption or a sound bite's lower third gives, else None."""
    match = _CAPTION.match(line) or _LOWER_THIRD.match(line)
    if not match:
        return None
    name = " ".join(match.group("name").split())
    words = name.split()
    return name if len(words) <= 6 and all(w[:1].isupper() for w in words) else None


def read_screen_script(text: str) -> tuple[str, DocumentMeta] | None:
    """The script's text with its header and screen directions blanked, and its header's meta.

    A caption or lower third names who speaks next: words after it with no label of their own
    take its name as their label. None when the text is no screen script.
    """
    from bot.core.ingest.transcript_labels import label_of

    lines = text.split("\n")
    if _signs(lines) < _MIN_SIGNS:
        return None
    meta = _read_header(lines, _body_starts(lines))
    named: str | None = None  # the name the last caption gave, for the words under it
    for k, line in enumerate(lines):
        if _CREDITS.match(line) and k > _HEADER_LINES:
            lines[k:] = [""] * (len(lines) - k)  # the end credits: who made it, no one's words
            break
        caption = _captioned(line)
        if caption or any(p.match(line) for p in (_TIMED_NOTE, _SCENE_NOTE, _DIRECTION, _END_MARK)):
            lines[k] = ""
            named = caption or named
            continue
        if not line.strip():
            continue
        line = _relabel(line)
        if named and not label_of(line):
            line = f"{named}: {line.strip()}"
        lines[k], named = line, None
    return "\n".join(lines), meta
