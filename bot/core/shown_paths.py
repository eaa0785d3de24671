"""File paths as users may see them: relative to a known folder, never the machine's layout.

`without_paths` rewrites every absolute path in a text meant for a Discord user (a reindex
report, an error) to its path inside the first known folder that holds it (`seeds/x.md`), or
to its bare name (`…/x.md`) when none does. URLs are left alone.

This module must never touch the file system (it only rewrites text) and never import anything
outside the standard library.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import PurePath

_ABSOLUTE = re.compile(r"(?<![\w/:.~-])/(?:[^\s/'\"`<>()\[\]]+/)*[^\s/'\"`<>()\[\],;:]+")


def without_paths(text: str, folders: Iterable[PurePath]) -> str:
    """`text` with absolute paths shown inside `folders` (by their names) or by file name."""
    known = sorted(
        {(str(folder).rstrip("/"), folder.name or str(folder)) for folder in folders},
        key=lambda pair: -len(pair[0]),
    )
    for full, name in known:
        if full and full != "/":
            text = re.sub(rf"(?<![\w/]){re.escape(full)}(?=/|\b|$)", name, text)
    return _ABSOLUTE.sub(lambda m: "…/" + m.group(0).rsplit("/", 1)[-1], text)
