"""A video's or a recording's running time printed with its caption: the player's, no text.

"Watch: waves overtop the breakwater. Duration 1:42", "… (Running time: 2:05)", "… | 3 min
12 sec", or an element its class marks (`<span class="duration">1:42</span>`): the time goes,
the caption stays.
"""

from __future__ import annotations

import re

__all__ = ["DURATION_CLASS", "without_running_time"]

DURATION_CLASS = re.compile(r"(?:^|[-_\s])(?:duration|run-?time|running-?time)(?:$|[-_\s])", re.I)
_CLOCK = r"\d{1,2}(?::\d{2}){1,2}"
_SPOKEN = r"\d{1,3}\s*(?:min(?:ute)?s?|m)\.?(?:\s*\d{1,2}\s*(?:sec(?:ond)?s?|s)\.?)?"
_RUNNING_TIME = re.compile(
    rf"\s*[|·•–—-]?\s*[(\[]?\s*(?:duration|running\s+time|run\s*time|length)\s*:?\s*"
    rf"(?:{_CLOCK}|{_SPOKEN})\s*[)\]]?\s*$",
    re.I,
)


def without_running_time(caption: str) -> str:
    """The caption without the running time printed at its end."""
    return _RUNNING_TIME.sub("", caption).rstrip()
