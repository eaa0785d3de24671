"""Decoding a web page's bytes: the byte-order mark, then the declared charset, then UTF-8.

A saved page states its encoding in a `<meta charset>` (or `http-equiv` Content-Type) tag or
an XML declaration near its start; a page that states none, or names an unknown codec, is read
as UTF-8, and bytes that are not UTF-8 fall back to cp1252 with a warning. Never raises.
"""

from __future__ import annotations

import codecs
import re

from bot.core.model import IngestIssue

__all__ = ["decode_page"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# control characters no HTML or XML tree may hold (tab, newline and carriage return are fine)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_HEAD_BYTES = 65536  # saved pages put long scripts before their <meta charset>
# a page declaring latin-1 is, as browsers read it, windows-1252
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
}


def _declared(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace").lower()
    name = _ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_page(data: bytes, file: str) -> tuple[str | None, list[IngestIssue]]:
    """Decode a page's bytes to text; None (with an error) for an empty or undecodable page."""
    issues: list[IngestIssue] = []
    text: str | None = None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(codec, errors="replace")
            break
    if text is None:
        head = data[:_HEAD_BYTES]
        end = head.lower().find(b"</head")
        declared = _declared(head[:end] if end >= 0 else head)
        if declared and declared not in ("utf-8", "utf-16", "utf-32"):
            text = data.decode(declared, errors="replace")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError as exc:
                line = data[: exc.start].count(b"\n") + 1
                issues.append(
                    IngestIssue(
                        file,
                        f"not valid UTF-8 (byte 0x{data[exc.start]:02x})"
                        "; read as cp1252, check the characters",
                        line,
                    )
                )
                text = data.decode("cp1252", errors="replace")
    text = _CONTROL.sub("", text)
    if not text.strip():
        return None, [*issues, IngestIssue(file, "empty page; skipped", level="error")]
    return text, issues
