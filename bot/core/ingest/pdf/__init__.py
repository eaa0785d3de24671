"""PDF reading: see `reader` for the steps; `PdfReader` is the format reader."""

from bot.core.ingest.pdf.reader import PdfReader

__all__ = ["PdfReader"]
