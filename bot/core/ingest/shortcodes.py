"""A blog export's shortcodes: WordPress's "[caption …]…[/caption]" and its embedded players.

A post exported from WordPress (and from tools that copy its syntax) keeps the editor's
shortcodes in its text: a captioned picture, "[caption id=… align=…]<img …/> The caption.
Photo: Name[/caption]", whose tags are markup around the picture and its caption; and an
embedded player or post, "[embed]https://…[/embed]", "[video src=…]", "[gallery ids=…]",
"[youtube https://…]", which is no text at all. The tags are cut where they stand, the lines
they take kept (blank) so every line after keeps its number.
"""

from __future__ import annotations

import re

# the picture's wrapper: its tags go, the picture and its caption stay
_CAPTION_TAG = re.compile(r"\[(caption|wp_caption)\b[^\]\n]*\](?P<inner>.*?)\[/\1\]", re.S | re.I)
# an embedded player, post or gallery: no text, whether it wraps its address or not
_PAIRED_EMBED = re.compile(
    r"\[(embed|video|audio|playlist|gallery)\b[^\]\n]*\].*?\[/\1\]", re.S | re.I
)
_LONE_EMBED = re.compile(
    r"\[(?:(?:video|audio|playlist|gallery)\s+[\w-]+=[^\]\n]*"
    r"|(?:youtube|vimeo|tweet|soundcloud|spotify|instagram)\s+https?://[^\]\s]+[^\]\n]*)\]",
    re.I,
)


def _blank(match: re.Match[str]) -> str:
    return "\n" * match.group(0).count("\n")


def without_shortcodes(text: str) -> str:
    """Text without its shortcodes: a caption's tags cut, embedded players gone."""
    if "[" not in text:
        return text
    text = _PAIRED_EMBED.sub(_blank, text)
    text = _LONE_EMBED.sub("", text)
    return _CAPTION_TAG.sub(lambda m: m.group("inner"), text)
