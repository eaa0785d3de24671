"""A paper's author lines: names with affiliation marks, the affiliations, the units after names.

A preprint or a journal article prints its authors under the title with a mark after each name
for the affiliation ("Lena Hartvig¹, Tomás Ibarra²*") and often an ORCID identifier in brackets;
the affiliations follow, each line opening with its mark ("¹ Department of Soil Science, …").
A report's byline may name the writers and then their unit and body ("Ana Ruiz and Ben Ode,
Transport Data Unit, Calder Policy Lab"): the parts after the names are no authors.
"""

from __future__ import annotations

import re

from bot.core.ingest.organisations import ORGANISATION
from bot.core.ingest.sentences import SUPERSCRIPTS

_MARKS = SUPERSCRIPTS + "*†‡§"
_ORCID_ID = r"(?:https?://orcid\.org/)?\d{4}-\d{4}-\d{4}-\d{3}[\dX]"
_ORCID = re.compile(
    rf"\s*\(\s*(?:ORCID(?:\s+iD)?\s*:?\s*)?{_ORCID_ID}\s*\)|\s*(?:ORCID(?:\s+iD)?\s*:?\s*)?\b{_ORCID_ID}",
    re.I,
)
# marks after a name's last letter: "Hartvig¹", "Ibarra²,³", "Raghunathan¹*"
_NAME_MARKS = re.compile(rf"(?<=[^\W\d_])[{_MARKS}]+(?:,\s?[{_MARKS}]+)*")
_OPENING_MARK = re.compile(rf"^[{_MARKS}]+(?:,\s?[{_MARKS}]+)*\s*(?=[^\W\d_])")
# the bodies a writer works in: an organisation's noun or a team's
_UNIT = re.compile(
    rf"(?:{ORGANISATION.pattern}|unit|lab|labs|team|division|programme|program|faculty|"
    r"directorate|secretariat|initiative|project)",
    re.I,
)
_AFFILIATION_WORDS = 16


def without_author_marks(line: str) -> str | None:
    """The line with its names' affiliation marks and ORCID identifiers taken off.

    None when it has neither: an author line without marks is the shared byline rule's.
    """
    plain = _NAME_MARKS.sub("", _ORCID.sub("", line))
    if plain == line:
        return None
    return re.sub(r"\s+,", ",", re.sub(r"\s{2,}", " ", plain)).strip(" ,")


def is_affiliation_line(line: str) -> bool:
    """Whether a line is an affiliation under marked names: "¹ Department of …, University …"."""
    opening = _OPENING_MARK.match(line)
    if opening is None:
        return False
    rest = line[opening.end() :].strip()
    words = rest.split()
    return (
        0 < len(words) <= _AFFILIATION_WORDS
        and not rest.endswith(".")
        and any(_UNIT.fullmatch(word.strip(",;")) for word in words)
    )


def names_a_body(name: str) -> bool:
    """Whether a name has a body's noun: "Office for River Fisheries", never "Jane Doe"."""
    return any(_UNIT.fullmatch(word.strip(",.")) for word in name.split())


def is_unit(name: str) -> bool:
    """Whether a byline's part names a body, not a person: "Transport Data Unit", "Policy Lab"."""
    words = name.split()
    return any(
        _UNIT.fullmatch(word) and (k == len(words) - 1 or words[k + 1].lower() in ("of", "for"))
        for k, word in enumerate(words)
    )


_JOIN = re.compile(r"\s+(?:and|&)\s+|\s*&\s*")


def without_units(text: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """A byline's names without the units printed after the last writer's name.

    In "A and B, Transport Data Unit, Calder Policy Lab" the parts after B's name are where
    they work; only parts after the last name joined by "and" are read so, and only when
    every one of them names a body.
    """
    after = _JOIN.split(text)[-1].split(",")[1:]
    units = [part.strip() for part in after if part.strip()]
    if not units or len(units) >= len(names) or not all(is_unit(part) for part in units):
        return names
    return names[: len(names) - len(units)]
