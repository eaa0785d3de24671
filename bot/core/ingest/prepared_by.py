"""The verbs of a lead that credits a document's makers: "Prepared by", "Compiled by", "Written by".

Each reader (the web page's byline, a record's credit line, a PDF's title page and its author
line) accepts its own set of leads; they compose them from these pieces so the shared verbs are
written once.
"""

from __future__ import annotations

PREPARED = r"prepared|compiled"  # who prepared or compiled a document: every reader's lead
WRITTEN = r"written"
RESEARCHED = r"researched"


def either(*alternatives: str) -> str:
    """One non-capturing regex group of the alternatives, tried in the order given."""
    return "(?:" + "|".join(alternatives) + ")"
