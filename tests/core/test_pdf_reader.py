"""The PDF reader on small PDFs built here with fpdf2 (columns, footnotes, furniture, captions)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.formats import SourceDocument, reader_for
from bot.core.ingest.pdf import PdfReader, reader

LOREM = (
    "The committee reviewed the shipping data for the region and found that the ports "
    "handled fewer containers than in any year since the survey began, while the cost "
    "of insurance for each voyage rose sharply over the same months."
).split()


@dataclass
class Text:
    x: float
    y: float  # baseline, from the top of the page
    text: str
    size: float = 11
    bold: bool = False
    sup: str = ""  # a footnote marker set raised and small right after the text


def make_pdf(
    pages: Sequence[Sequence[Text]],
    *,
    title: str = "",
    author: str = "",
    password: str | None = None,
) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    if title:
        pdf.set_title(title)
    if author:
        pdf.set_author(author)
    if password is not None:
        pdf.set_encryption(owner_password="owner", user_password=password)
    for items in pages:
        pdf.add_page()
        for item in items:
            pdf.set_font("Helvetica", "B" if item.bold else "", item.size)
            pdf.text(item.x, item.y, item.text)
            if item.sup:
                end = item.x + pdf.get_string_width(item.text)
                pdf.set_font("Helvetica", "", item.size * 0.6)
                pdf.text(end + 0.5, item.y - item.size * 0.4, item.sup)
    return bytes(pdf.output())


def column(
    x: float, top: float, words: list[str], width: int = 9, *, size: float = 11, leading: float = 14
) -> tuple[list[Text], float]:
    """Lay words out as lines of `width` words from baseline `top` down."""
    out: list[Text] = []
    y = top
    for k in range(0, len(words), width):
        out.append(Text(x, y, " ".join(words[k : k + width]), size))
        y += leading
    return out, y


def read(data: bytes) -> tuple[SourceDocument | None, list[str]]:
    document, issues = PdfReader().read(data, "seeds/test.pdf")
    return document, [i.message for i in issues]


def body_text(document: SourceDocument) -> str:
    return " ".join(b.text for b in document.blocks if b.kind in ("paragraph", "list", "quote"))


def test_sniffs_pdf_by_content() -> None:
    assert PdfReader().sniff(b"%PDF-1.7\n...")
    assert isinstance(reader_for(".txt", b"%PDF-1.4\n"), PdfReader)
    assert isinstance(reader_for(".PDF", b""), PdfReader)
    assert not PdfReader().sniff(b"Notes on file formats: a PDF starts with %PDF-1.7 ...")


def test_two_columns_read_left_column_first() -> None:
    left_words = ("Left column opens here and " + " ".join(LOREM) + " Left column ends.").split()
    right_words = ("Right column opens here and " + " ".join(LOREM) + " Right ends.").split()
    left, _ = column(56, 100, left_words, width=6)
    right, _ = column(320, 100, right_words, width=6)
    document, issues = read(make_pdf([left + right]))
    assert document is not None, issues
    text = body_text(document)
    assert text.index("Left column ends.") < text.index("Right column opens")
    assert "Left column opens here and The committee" in text


def test_three_columns() -> None:
    parts = []
    for k, x in enumerate((40, 230, 420)):
        words = (f"Column{k} starts. " + " ".join(LOREM[:24]) + f" Column{k} stops.").split()
        lines, _ = column(x, 120, words, width=4, size=9, leading=11)
        parts += lines
    document, _ = read(make_pdf([parts]))
    assert document is not None
    text = body_text(document)
    assert (
        text.index("Column0 stops.")
        < text.index("Column1 starts.")
        < text.index("Column1 stops.")
        < text.index("Column2 starts.")
    )


def _report(pages: int = 3) -> bytes:
    out = []
    for n in range(1, pages + 1):
        body, _ = column(72, 120, (f"Page{n} text begins. " + " ".join(LOREM)).split(), 12)
        out.append(
            [
                Text(200, 40, "Shipping Report Running Header", 8),
                Text(72, 760, "Research Office", 8),
                Text(530, 760, str(n), 8),
                *body,
            ]
        )
    return make_pdf(out)


def test_headers_footers_and_page_numbers_dropped() -> None:
    document, _ = read(_report())
    assert document is not None
    text = document.text
    assert "Running Header" not in text
    assert "Research Office" not in text
    pages = {line.page for b in document.blocks for line in b.lines if "begins" in line.text}
    assert pages == {"1", "2", "3"}


def test_printed_page_numbers_win_over_the_index() -> None:
    out = [[Text(200, 300, "Cover Title Of The Report", 24, bold=True)]]
    for n in range(1, 4):
        body, _ = column(72, 120, (f"Page{n} text begins. " + " ".join(LOREM)).split(), 12)
        out.append([Text(72, 760, "Research Office", 8), Text(530, 760, str(n + 10), 8), *body])
    document, _ = read(make_pdf(out))
    assert document is not None
    page_of = {
        line.text.split()[0]: line.page
        for b in document.blocks
        for line in b.lines
        if "begins" in line.text
    }
    assert page_of == {"Page1": "11", "Page2": "12", "Page3": "13"}
    assert document.meta.title == "Cover Title Of The Report"


def _footnoted() -> bytes:
    body = [
        Text(72, 100, "Introduction", 16, bold=True),
        Text(72, 130, "Ships crossed the Strait every day before the conflict began"),
        Text(72, 144, "and insurers kept their rates low for many years in the Strait.", sup="5"),
        Text(72, 158, "Traffic then fell to a handful of ships a day, and the ports"),
        Text(72, 172, "waited for news of a ceasefire."),
        Text(72, 680, "5", 6),
        Text(77, 684, "Weilun Soon, Shipowners Eye the Truce, gCaptain,", 9),
        Text(72, 695, "April 8, 2026, https://gcaptain.com/shipowners-eye-truce/.", 9),
        Text(72, 709, "6 A second note that no marker points to.", 9),
    ]
    return make_pdf([body], title="Shipping in the Strait", author="Jane Roe, John Doe")


def test_page_bottom_footnotes_become_notes() -> None:
    document, _ = read(_footnoted())
    assert document is not None
    notes = [b for b in document.blocks if b.kind == "notes"]
    assert len(notes) == 1
    lines = [line.text for line in notes[0].lines]
    assert lines[0].startswith("5 Weilun Soon, Shipowners Eye the Truce, gCaptain, April 8, 2026")
    assert lines[1] == "6 A second note that no marker points to."
    assert "Strait.⁵" in body_text(document)
    assert "Weilun" not in body_text(document)
    assert document.meta.authors == ("Jane Roe", "John Doe")


def test_glued_and_plain_note_numbers() -> None:
    body, _ = column(72, 100, (" ".join(LOREM) + " It ended.").split(), 12)
    body[0].sup, body[1].sup = "1", "2"
    body.append(Text(72, 600, "1Preliminary report on the accident, dated 2018.", 8))
    body.append(Text(72, 610, "2 Final report, 2019.", 8))
    document, _ = read(make_pdf([body]))
    assert document is not None
    notes = [line.text for b in document.blocks if b.kind == "notes" for line in b.lines]
    assert notes == ["1 Preliminary report on the accident, dated 2018.", "2 Final report, 2019."]


def test_small_numbered_list_without_markers_is_not_notes() -> None:
    body, _ = column(72, 100, (" ".join(LOREM) + " It ended.").split(), 12)
    body.append(Text(72, 600, "1 Collect the port data.", 8))
    body.append(Text(72, 610, "2 Compare the years.", 8))
    document, _ = read(make_pdf([body]))
    assert document is not None
    assert not [b for b in document.blocks if b.kind == "notes"]
    assert "Compare the years." in document.text


def test_caption_keeps_its_source_and_drops_the_table() -> None:
    body, y = column(72, 100, (" ".join(LOREM) + " See the table.").split(), 12)
    body += [
        Text(72, y + 20, "Table 1. Ships Waiting by Port", 10, bold=True),
        Text(72, y + 40, "Port 2024 2025 2026", 9),
        Text(72, y + 52, "Jebel 613.0 611.0 420.0", 9),
        Text(72, y + 64, "Dammam 12.5 13.0 9.1", 9),
        Text(72, y + 80, "Source: Port authorities, annual reports.", 8),
    ]
    after, _ = column(72, y + 110, (" ".join(LOREM) + " The text goes on.").split(), 12)
    document, _ = read(make_pdf([body + after]))
    assert document is not None
    images = [b for b in document.blocks if b.kind == "image"]
    assert [b.text for b in images] == [
        "Table 1. Ships Waiting by Port Source: Port authorities, annual reports."
    ]
    assert "613.0" not in document.text
    assert "The text goes on." in body_text(document)


def test_hyphens_at_line_ends() -> None:
    lines = [
        Text(72, 100, "The plan was imple-"),
        Text(72, 114, "mented by a middle-"),
        Text(72, 128, "income country in the first year of the plan, and it was a"),
        Text(72, 142, "success that nobody had expected at the start of the plan."),
    ]
    document, _ = read(make_pdf([lines]))
    assert document is not None
    text = " ".join(line.text for b in document.blocks for line in b.lines)
    assert "implemented" in text
    assert "middle-income" in text


def test_headings_by_type_size() -> None:
    body, y = column(72, 160, (" ".join(LOREM) + " It ended.").split(), 12)
    more, _ = column(72, y + 40, (" ".join(LOREM) + " Again.").split(), 12)
    items = [
        Text(72, 60, "The Report Title", 22, bold=True),
        Text(72, 130, "Background and Context", 16, bold=True),
        *body,
        Text(72, y + 20, "A Smaller Heading", 13, bold=True),
        *more,
    ]
    document, _ = read(make_pdf([items]))
    assert document is not None
    headings = [(b.text, b.level) for b in document.blocks if b.kind == "heading" and b.level > 1]
    assert headings == [("Background and Context", 2), ("A Smaller Heading", 3)]


def test_contents_page_left_out() -> None:
    toc = [Text(72, 80, "Contents", 14, bold=True)] + [
        Text(72, 100 + 14 * k, f"Section {k} " + "." * 60 + f" {k + 1}", 10) for k in range(5)
    ]
    body, _ = column(72, 100, (" ".join(LOREM) + " Body ends.").split(), 12)
    document, _ = read(make_pdf([toc, body]))
    assert document is not None
    assert "....." not in document.text
    assert "Contents" not in document.text


def test_scanned_pdf_is_an_error_not_a_crash() -> None:
    from PIL import Image

    image = io.BytesIO()
    Image.new("L", (200, 200), 255).save(image, format="PNG")
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.image(image, x=50, y=50, w=300)
    document, issues = read(bytes(pdf.output()))
    assert document is None
    assert any("no text layer" in m for m in issues)


def test_scanned_page_among_text_pages_is_a_warning() -> None:
    from PIL import Image

    image = io.BytesIO()
    Image.new("L", (100, 100), 255).save(image, format="PNG")
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    for k in range(0, len(LOREM), 12):
        pdf.text(72, 100 + k * 1.2, " ".join(LOREM[k : k + 12]))
    pdf.add_page()
    pdf.image(image, x=50, y=50, w=300)
    document, issues = read(bytes(pdf.output()))
    assert document is not None
    assert any("no text on page(s) 2" in m for m in issues)


def test_encrypted_pdf_is_an_error() -> None:
    body, _ = column(72, 100, LOREM, 12)
    document, issues = read(make_pdf([body], password="secret"))
    assert document is None
    assert any("encrypted" in m for m in issues)


@pytest.mark.parametrize("data", [b"%PDF-1.4\nnot really a pdf", b"%PDF", b""])
def test_malformed_pdf_is_an_error(data: bytes) -> None:
    document, issues = read(data)
    assert document is None
    assert issues and all("seeds/test.pdf" == "seeds/test.pdf" for _ in issues)


def test_truncated_pdf_does_not_crash() -> None:
    data = _report()
    document, issues = read(data[: len(data) // 2])
    assert document is None or document.blocks is not None
    assert document is not None or issues


def test_page_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_PAGES", 2)
    document, issues = read(_report(3))
    assert document is not None
    assert any("only the first 2 of 3 pages" in m for m in issues)
    assert "Page3" not in document.text


def test_read_article_cites_page_and_note(tmp_path: Path) -> None:
    path = tmp_path / "strait.pdf"
    path.write_bytes(_footnoted())
    article, issues = read_article(path)
    assert article is not None, issues
    assert article.title == "Shipping in the Strait"
    hit = next(s for s in article.sentences if "insurers kept their rates low" in s.text)
    assert hit.page == "1"
    assert hit.notes == (5,)
    note = next(n for n in article.notes if n.number == 5)
    assert "Shipowners Eye the Truce" in note.text
    assert "Introduction" in article.sections


def test_words_drawn_out_of_order_are_read_left_to_right() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    first = "The second half of this line was drawn"
    x = 72 + pdf.get_string_width(first + " ")
    pdf.text(x, 100, "before its first half.")
    pdf.text(72, 100, first)
    document, _ = read(bytes(pdf.output()))
    assert document is not None
    assert document.text == "The second half of this line was drawn before its first half."


def test_two_columns_with_footnotes_across_the_page_and_a_word_split_between_columns() -> None:
    left, y = column(56, 100, (" ".join(LOREM) + " The ports were").split(), 6)
    left.append(Text(56, y, "over-"))
    right, _ = column(320, 100, ("whelmed by the backlog, and the agency noted it.").split(), 6)
    right[-1].sup = "1"
    notes = [Text(56, 700, "1", 6), Text(61, 704, "Agency report on the backlog, 2026.", 8)]
    document, _ = read(make_pdf([left + right + notes]))
    assert document is not None
    assert "The ports were overwhelmed by the backlog" in body_text(document)
    assert [ln.text for b in document.blocks if b.kind == "notes" for ln in b.lines] == [
        "1 Agency report on the backlog, 2026."
    ]


def test_box_at_a_column_top_does_not_cut_the_sentence() -> None:
    left, _ = column(56, 100, (" ".join(LOREM) + " The notice was sent to all the").split(), 6)
    right = [
        Text(320, 100, "Daily Bulletin", 9, bold=True),
        Text(320, 112, "Vol. 85", 9, bold=True),
    ]
    more, _ = column(
        320, 140, "operators of the airplanes. The agency also wrote to the crews.".split(), 6
    )
    document, _ = read(make_pdf([left + right + more]))
    assert document is not None
    text = body_text(document)
    assert "sent to all the operators of the airplanes." in text
    assert "Daily Bulletin" in text


def test_wrapped_list_items_and_table_labels_beside_a_caption() -> None:
    intro, y = column(72, 100, (" ".join(LOREM) + " The steps:").split(), 12)
    items = [
        Text(72, y, "- Collect the data from every port in the region, including the"),
        Text(86, y + 14, "smaller ones."),
        Text(72, y + 28, "- Compare the years."),
    ]
    y += 70
    labels = [Text(72, y + 20 + 12 * k, w, 9) for k, w in enumerate(["Units", "Ports", "Ships"])]
    table = [
        Text(72, y, "Table 2. Ships by Port", 10, bold=True),
        *labels,
        Text(72, y + 70, "Source: Port authorities.", 8),
    ]
    after, _ = column(72, y + 100, (" ".join(LOREM) + " The end.").split(), 12)
    document, _ = read(make_pdf([intro + items + table + after]))
    assert document is not None
    lists = [b for b in document.blocks if b.kind == "list"]
    assert [line.text for line in lists[0].lines] == [
        "• Collect the data from every port in the region, including the smaller ones.",
        "• Compare the years.",
    ]
    assert "Ports" not in document.text
    assert any(b.kind == "image" and "Source: Port authorities." in b.text for b in document.blocks)


def test_a_page_with_too_many_characters_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_GLYPHS_PER_PAGE", 150)
    small, _ = column(72, 100, LOREM[:10], 12)
    big, _ = column(72, 100, (" ".join(LOREM) + " Too much.").split(), 12)
    document, issues = read(make_pdf([small, big, small]))
    assert document is not None
    assert any("page 2 holds" in m for m in issues)
    assert "Too much." not in document.text


def test_marker_raised_at_full_size_is_a_marker() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    text = "Ships crossed the Strait every day before the conflict."
    pdf.text(72, 100, text)
    pdf.text(72 + pdf.get_string_width(text) + 0.5, 96, "7")
    pdf.text(72, 114, "Traffic then fell to a handful of ships a day.")
    document, _ = read(bytes(pdf.output()))
    assert document is not None
    assert "before the conflict.⁷ Traffic" in body_text(document)


def test_footnotes_longer_than_the_body_are_still_notes() -> None:
    body = [
        Text(
            72, 100, "The court read the statute narrowly in the first case of its kind,", sup="1"
        ),
        Text(72, 114, "and the agency followed that reading in every later decision."),
    ]
    words = (" ".join(LOREM) + " ") * 3
    notes, _ = column(72, 560, ("1 " + words).split(), 16, size=8, leading=10)
    document, _ = read(make_pdf([body + notes]))
    assert document is not None
    assert not [b for b in document.blocks if b.kind == "heading" and b.level > 1]
    notes_blocks = [b for b in document.blocks if b.kind == "notes"]
    assert notes_blocks and notes_blocks[0].lines[0].text.startswith("1 The committee reviewed")


def test_a_masthead_the_running_header_repeats_is_not_the_title() -> None:
    """A gazette's first page: its section ("Notices") in display type, which the running
    header of the later pages ends with; the notice's own title is the bold line over the text."""
    first = [
        Text(72, 60, "Notices", size=20, bold=True),
        Text(72, 110, "Water Quality Standards; Lake", size=11, bold=True),
        Text(72, 124, "Marren Outflow", size=11, bold=True),
    ]
    body, _ = column(72, 150, LOREM * 3)
    pages: list[list[Text]] = [first + body]
    for n in (2, 3):
        running = Text(72, 40, "Gazette / Vol. 3, No. 18 / Monday, May 5, 2025 / Notices", size=8)
        more, _ = column(72, 90, LOREM * 3)
        pages.append([running, *more, Text(300, 760, str(n), size=8)])
    document, _ = read(make_pdf(pages))
    assert document is not None
    assert document.meta.title == "Water Quality Standards; Lake Marren Outflow"
    assert "Notices" not in body_text(document)
