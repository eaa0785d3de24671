"""PDF access: open a file with pypdfium2 and read each page's characters with their geometry.

This is the only module that talks to PDFium. Everything after it works on plain `Glyph`
records (y grows upwards, in points, as PDF coordinates do), so the layout rules can be tested
without a PDF library. Generated line breaks are dropped; generated spaces are kept, since
PDFium inserts them where it saw a word gap: each glyph knows whether a space came before it.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

_SYMBOL_FONTS = ("wingding", "symbol", "dingbat", "webding")
_LIGATURES = {
    0xFB00: "ff",
    0xFB01: "fi",
    0xFB02: "fl",
    0xFB03: "ffi",
    0xFB04: "ffl",
    0xFB05: "st",
    0xFB06: "st",
}


@dataclass(frozen=True, slots=True)
class Glyph:
    """One character: its text, box, baseline, font size and style."""

    char: str
    x0: float
    x1: float
    bottom: float
    top: float
    base: float
    size: float
    bold: bool = False
    symbol: bool = False  # from a symbol font (a bullet drawn as "!" or "§")
    space_before: bool = False  # a space came before it in the content stream
    advance: float = 0.0  # where the next glyph would start without a gap (x0 + width)
    origin: float = 0.0  # where its own advance box starts: x0 less its left side bearing
    font: str = ""  # the font's name (a change of font inside a line marks a change of part)


@dataclass(frozen=True, slots=True)
class PageGlyphs:
    """A page's upright glyphs in content order and its size."""

    index: int
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    rotated: int = 0  # glyphs left out because they were not upright (margin slugs)
    broken: bool = False  # PDFium could not load the page
    characters: int = (
        0  # how many characters the page holds (its glyphs are left unread past a cap)
    )


class PdfError(Exception):
    """The file cannot be opened as a PDF (malformed, encrypted without the password)."""


def open_pdf(data: bytes) -> pdfium.PdfDocument:
    """Open a PDF from bytes; raise PdfError with a reason a reader can show."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        text = str(exc).lower()
        if "password" in text or "security" in text:
            raise PdfError("the PDF is encrypted (it needs a password)") from exc
        raise PdfError(f"not a readable PDF ({exc})") from exc


def info(document: pdfium.PdfDocument) -> dict[str, str]:
    """The document information dictionary (Title, Author, CreationDate...), empty on error."""
    try:
        return {k: str(v) for k, v in document.get_metadata_dict().items() if v}
    except pdfium.PdfiumError:
        return {}


_Style = tuple[bool, bool, float, bool, str]  # bold, symbol font, size, upright, font name
# the text object under a character, as a plain address (a cheap cache key)
_text_object = ctypes.cast(
    pdfium_c.FPDFText_GetTextObject,
    ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int),
)


def _font(
    textpage: ctypes.c_void_p,
    index: int,
    cache: dict[int, _Style],
    buffer: ctypes.Array[ctypes.c_char],
    flags: ctypes.c_int,
) -> _Style:
    """The style of the text object under a character, read once per object.

    The size is the font size times the object's vertical scale (fonts set as `1 Tf` and scaled
    by the text matrix); a character is upright when its angle is (nearly) zero.
    """
    key = _text_object(textpage, index) or 0
    found = cache.get(key)
    if found is not None:
        return found
    matrix = pdfium_c.FS_MATRIX()
    scale = 1.0
    if pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
        scale = math.hypot(matrix.c, matrix.d) or 1.0
    pdfium_c.FPDFText_GetFontInfo(textpage, index, buffer, len(buffer), flags)
    name = buffer.value.decode("latin-1", "replace").lower()
    weight = pdfium_c.FPDFText_GetFontWeight(textpage, index)
    angle = pdfium_c.FPDFText_GetCharAngle(textpage, index)
    style = (
        "bold" in name
        or "black" in name
        or "heavy" in name
        or weight >= 600
        or bool(flags.value & (1 << 18)),
        any(s in name for s in _SYMBOL_FONTS),
        round(pdfium_c.FPDFText_GetFontSize(textpage, index) * scale, 1),
        not 0.02 < angle < 2 * math.pi - 0.02,
        name,
    )
    cache[key] = style
    return style


def page_glyphs(document: pdfium.PdfDocument, index: int, cap: int = 10**9) -> PageGlyphs:
    """Read one page's characters (0-based index) into upright glyphs in content order."""
    page = document[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    raw = textpage.raw
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    ox, oy = ctypes.c_double(), ctypes.c_double()
    loose = pdfium_c.FS_RECTF()
    buffer = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    cache: dict[int, _Style] = {}
    glyphs: list[Glyph] = []
    rotated = 0
    space = False
    count = pdfium_c.FPDFText_CountChars(raw)
    if count > cap:
        textpage.close()
        page.close()
        return PageGlyphs(index, width, height, (), characters=count)
    for i in range(max(count, 0)):
        code = pdfium_c.FPDFText_GetUnicode(raw, i)
        generated = pdfium_c.FPDFText_IsGenerated(raw, i) == 1
        if code in (10, 13) or (generated and code != 32):
            continue
        # PDFium marks a hyphen at a line end as U+FFFE (or U+0002); a soft hyphen is one too
        char = "-" if code in (0xFFFE, 0x2, 0xAD) else _LIGATURES.get(code, chr(code))
        if code == 0 or (char.isspace() and not generated and code != 32):
            char = " "
        elif 0xE000 <= code <= 0xF8FF or code == 0xFFFD:
            char = "•"  # a symbol font's private glyph: bullets, checkboxes, arrows
        if char == " ":
            space = True
            continue
        pdfium_c.FPDFText_GetCharBox(raw, i, left, right, bottom, top)
        pdfium_c.FPDFText_GetCharOrigin(raw, i, ox, oy)
        advance, origin = right.value, left.value
        if pdfium_c.FPDFText_GetLooseCharBox(raw, i, loose) and loose.right > loose.left:
            advance, origin = max(advance, loose.right), min(origin, loose.left)
        bold, symbol, size, upright, font = _font(raw, i, cache, buffer, flags)
        if not upright:
            rotated += 1
            continue
        glyphs.append(
            Glyph(
                char,
                left.value,
                right.value,
                bottom.value,
                top.value,
                oy.value,
                size,
                bold,
                symbol,
                space,
                advance,
                origin,
                font,
            )
        )
        space = False
    textpage.close()
    page.close()
    return PageGlyphs(index, width, height, tuple(glyphs), rotated, characters=count)


def iter_pages(document: pdfium.PdfDocument, limit: int, cap: int = 10**9) -> Iterator[PageGlyphs]:
    """Yield the glyphs of the first `limit` pages in order."""
    for index in range(min(len(document), limit)):
        try:
            yield page_glyphs(document, index, cap)
        except pdfium.PdfiumError:
            yield PageGlyphs(index, 0.0, 0.0, (), broken=True)
