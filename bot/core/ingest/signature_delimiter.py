"""The closing "-- " line of plain text: what stands under it is the sender's furniture.

Mail and newsletters printed as text set their signature apart with a line of two dashes
("-- ", the signature delimiter), and under it the outlet's footer ("X is published
quarterly by Y. Subscribe at …") or the sender's card. A few lines under it at the very end
are no text; a delimiter higher up, with the text going on at length, is left alone.
"""

from __future__ import annotations

import re

__all__ = ["DELIMITER", "cut_signature"]

DELIMITER = re.compile(r"^--\s?$")  # the signature delimiter, "-- " on a line alone
_MAX_LINES = 5  # a signature's lines under the delimiter


def cut_signature(text: str) -> str:
    """The text with its closing signature block (the "-- " line and what follows) blanked.

    Line numbers are kept: the lines become blank.
    """
    lines = text.split("\n")
    filled = [k for k, line in enumerate(lines) if line.strip()]
    for k in reversed(filled[-(_MAX_LINES + 1) :]):
        if DELIMITER.match(lines[k].rstrip("\r")) and k != filled[-1] and k != filled[0]:
            return "\n".join(line if j < k else "" for j, line in enumerate(lines))
    return text
