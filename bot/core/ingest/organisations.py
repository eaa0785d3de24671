"""What reads as an organisation's name: a run of capitalised words an organisation's noun heads.

"Institute for Fiscal Studies", "DEPARTMENT FOR DIGITAL INFRASTRUCTURE", "Congressional Research
Service" (general English nouns for bodies that issue documents), but not "Copyright Office
Summary", which names a document. Shared by the PDF publisher and the plain-text header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

ORGANISATION = re.compile(
    r"(?:institute|institution|cent(?:er|re)|council|foundation|service|office|agency|"
    r"authority|bureau|commission|board|department|ministry|university|college|school|"
    r"society|association|academy|trust|fund|forum|corporation|company|group|bank|"
    r"laborator(?:y|ies)|observatory|network|alliance|coalition|committee|administration|"
    r"organi[sz]ation|press|library|partnership)",
    re.I,
)
SMALL_WORDS = frozenset("a an the and or of for on in at to by with de".split())


def headed(words: Sequence[str]) -> bool:
    """Whether an organisation's noun heads the words: last, or before "of", "for", "on"...

    "Copyright Office Summary" names a document, "Institute for Fiscal Studies" an issuer.
    """
    for k, word in enumerate(words):
        if ORGANISATION.fullmatch(word.strip(",")) and (
            k == len(words) - 1 or words[k].endswith(",") or words[k + 1].lower() in SMALL_WORDS
        ):
            return True
    return False


def title_case(name: str) -> str:
    """A name printed in capitals, in title case ("Department for Digital Infrastructure")."""
    words = name.lower().split()
    return " ".join(
        w if k and w in SMALL_WORDS else w[:1].upper() + w[1:] for k, w in enumerate(words)
    )
