"""A writer's signature and a newsletter's sign-off: "… edited for clarity. — Ana Ruiz".

A newsletter signs its introduction or its closing note with a dash and the writer's name
after the last sentence: the name is the signer's, never part of that sentence, and a full
name signing an introduction written in the first person names the author. The closing
matter after the last rule invites the reader to subscribe, follow or read the archive:
such a line is page furniture, not text, as are the mailing platform's lines ("You are
receiving this because …", "Powered by …", a "View in browser" link). A report's foreword or
letter is signed on a line of its own under its last paragraph ("— Ines Marchetti, Executive
Director", "Tom Reyes, Chair"): that line names the signer and is no sentence.
"""

from __future__ import annotations

import re

from bot.core.ingest.metadata import is_name, is_role
from bot.core.ingest.names import is_person
from bot.core.ingest.sentences import split_sentences

# "… clarity. — Ana Ruiz": the dash after a sentence's end (a quotation's closing mark
# is an attribution's, "“….” — Name", left to the quote readers)
_SIGNATURE = re.compile(r"(?<=[.!?])\s+(?:—|–|--)\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|our|us)\b")
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[A-Z\"“‘(]")
# the link of a call to action ("subscribe", "sign up", "read the archive", "follow us")
_CALL = re.compile(
    r"^\s*(?:subscribe|sign\s+up|join|follow|share|donate|support|give|become\s+a|"
    r"read\s+(?:the\s+|our\s+)?(?:archive|back\s+issues|previous|past|more)|"
    r"browse|listen|watch|download\s+(?:the|our)\s+app|get\s+(?:it|the\s+newsletter))\b",
    re.I,
)
# a line that is only a signature: "— Name", "— Name, Role", "Name, Role"
_SIGNATURE_LINE = re.compile(
    r"^\s*(?P<dash>(?:—|–|--)\s*)?(?P<name>[^,]{3,60}?)\s*(?:,\s*(?P<role>.+?))?\s*$"
)
_SUBSCRIBE = re.compile(r"\b(?:un)?subscri(?:be|bing|ption)s?\b|\bsign\s+up\b", re.I)
# what a mailing platform prints round a newsletter: "You are receiving this because …",
# "Reply to this email with tips.", "Powered by Letterpost", "View in browser"
_PLATFORM = re.compile(
    r"\b(?:you\s+are|you're|you’re)\s+receiving\s+this\b|\bsubscribed\s+(?:to|at|on|via)\b"
    r"|^\s*reply\s+to\s+this\s+(?:e-?mail|message|newsletter)\b|^\s*powered\s+by\s+\S"
    r"|(?:update|manage)\s+(?:your\s+)?(?:e-?mail\s+)?(?:preferences|subscription)"
    r"|^\s*(?:view|read|open)\s+(?:this\s+(?:e-?mail|message|newsletter|issue)\s+)?"
    r"(?:in\s+(?:(?:your|a|the)\s+)?browser|online|on\s+the\s+web)\s*$",
    re.I,
)


def signature(text: str) -> tuple[str, str] | None:
    """(text, name) of a line closed by a signature ("Thanks for reading. — Sam"), else None."""
    match = _SIGNATURE.search(text)
    if not match:
        return None
    return text[: match.start()].rstrip(), match.group(1)


def signature_line(text: str, role: str | None = None) -> str | None:
    """The signer of a line that is only a signature, else None.

    "— Ines Marchetti" (a dash and a name), "— Ines Marchetti, Executive Director" or, without
    the dash, "Ines Marchetti, Executive Director": a name, then a role. `role` is a line under
    it that gives the role ("Executive Director").
    """
    match = _SIGNATURE_LINE.match(text)
    if not match or text.rstrip().endswith((".", ":", ";", "?", "!")):
        return None
    name, stated = match.group("name"), match.group("role")
    if not is_name(name) or (stated is not None and not is_role(stated)):
        return None
    if role is not None and (stated is not None or not is_role(role)):
        return None
    if match.group("dash") is None and stated is None and role is None:
        return None  # a name alone may be a heading or a caption's: only a dash signs with it
    return name


def signs_as_author(text: str, name: str) -> bool:
    """Whether a signed opening paragraph names its author.

    A full name signs a first-person note of more than one sentence; an epigraph's "— Name"
    is a quotation's.
    """
    return is_name(name) and bool(_FIRST_PERSON.search(text)) and bool(_SENTENCE_END.search(text))


def without_calls(text: str, links: list[str]) -> str | None:
    """A closing line without its sentences asking the reader to subscribe or read more.

    `links` are the line's link texts; None when the line asks nothing.
    """
    calls = [link for link in links if _CALL.match(link)]
    spans = split_sentences(text)
    kept = [
        text[start:end]
        for start, end in spans
        if not _SUBSCRIBE.search(text[start:end])
        and not _PLATFORM.search(text[start:end])
        and not any(c in text[start:end] for c in calls)
    ]
    return " ".join(kept) if len(kept) < len(spans) else None


def is_platform_link(text: str) -> bool:
    """Whether a link's text is a mailing platform's ("View in browser", "Read online")."""
    return bool(_PLATFORM.search(text))


_HONORIFIC = re.compile(
    r"^(?:(?:The\s+)?(?:Rt\.?\s+|Right\s+)?Hon(?:ourable)?\.?\s+|(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|"
    r"Professor|Cllr|Councillor|Sir|Dame|Lord|Lady|Baroness)\.?\s+)+"
)
_POSTNOMINALS = re.compile(
    r"(?:,?\s+(?:MP|MSP|MS|AM|MLA|TD|MEP|KC|QC|OBE|CBE|MBE|KBE|DBE|FRS|PhD|JP|DL))+\.?$"
)


def signatory(text: str) -> str | None:
    """The person a signature line names, without honorifics and post-nominals, else None.

    "Rt Hon Helena Marsh MP" → "Helena Marsh"; "Dr Amal Idris OBE" → "Amal Idris".
    """
    bare = _POSTNOMINALS.sub("", _HONORIFIC.sub("", text.strip())).strip(" ,")
    return bare if bare and is_name(bare) and is_person(bare) else None
