"""Decoding a text file's bytes: the encodings seed files come in, and the warnings they need."""

from __future__ import annotations

import codecs

from bot.core.model import IngestIssue

__all__ = ["decode"]


def decode(data: bytes, file: str) -> tuple[str | None, list[IngestIssue]]:
    """Decode a seed file's bytes: UTF-8 (BOM allowed), UTF-16 with BOM, else cp1252 + warning.

    Empty and binary (NUL bytes) files give an error and no text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            return None, [IngestIssue(file, "invalid UTF-16 text; skipped", level="error")]
    if not data.strip():
        return None, [IngestIssue(file, "empty file; skipped", level="error")]
    if b"\x00" in data:
        return None, [IngestIssue(file, "binary file (contains NUL bytes); skipped", level="error")]
    issues: list[IngestIssue] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        issues.append(
            IngestIssue(
                file,
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                "read as cp1252, check the characters",
                line,
            )
        )
        text = data.decode("cp1252", errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None, [IngestIssue(file, "empty file; skipped", level="error")]
    return text, issues
