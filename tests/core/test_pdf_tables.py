"""PDF tables on small PDFs drawn here with fpdf2: a grid of short cells with figures.

A table is no heading and no part of the prose around it; each body row is one passage that
keeps its row label with its figures, each figure after its column's name. Prose in columns,
a contents list and a grid of names without figures are no tables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF

from bot.core.ingest import read_article
from bot.core.ingest.formats import SourceDocument
from bot.core.ingest.pdf import PdfReader
from bot.core.ingest.pdf.lines import Line
from bot.core.ingest.pdf.table_text import is_figure, row_passage

PROSE = (
    "The water board measured leaks in every district over the winter and found that the "
    "oldest mains lost the most water, while the newer pipes in the northern towns lost "
    "very little of what they carried to homes and farms."
).split()


@dataclass
class Text:
    x: float
    y: float  # baseline, from the top of the page
    text: str
    size: float = 11
    bold: bool = False


def make_pdf(pages: Sequence[Sequence[Text]]) -> bytes:
    pdf = FPDF(unit="pt", format="letter")
    for items in pages:
        pdf.add_page()
        for item in items:
            pdf.set_font("Helvetica", "B" if item.bold else "", item.size)
            pdf.text(item.x, item.y, item.text)
    return bytes(pdf.output())


def lines_of(
    x: float, top: float, words: Sequence[str], per_line: int = 12, leading: float = 14
) -> tuple[list[Text], float]:
    out = [
        Text(x, top + leading * (k // per_line), " ".join(words[k : k + per_line]))
        for k in range(0, len(words), per_line)
    ]
    return out, top + leading * len(out)


def grid(
    x: Sequence[float],
    top: float,
    rows: Sequence[Sequence[str]],
    *,
    pitch: float = 16,
    size: float = 9,
    bold_head: bool = True,
) -> tuple[list[Text], float]:
    """A table: one short line a cell, each column starting at its x."""
    out = [
        Text(x[c], top + pitch * r, cell, size, bold=bold_head and r == 0)
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
        if cell
    ]
    return out, top + pitch * len(rows)


def read(data: bytes) -> SourceDocument:
    document, issues = PdfReader().read(data, "seeds/test.pdf")
    assert document is not None, issues
    return document


def texts(document: SourceDocument, *kinds: str) -> list[str]:
    return [b.text for b in document.blocks if not kinds or b.kind in kinds]


RESERVOIRS = [
    ("Reservoir", "Capacity (Ml)", "Filled (%)", "Leaks (Ml/day)"),
    ("Upper Carrow", "4,800", "91", "2.5"),
    ("Linden Water", "12,250", "76", "11.0"),
    ("Harrow Moss", "950", "64", "0.8"),
]


def test_a_table_is_read_row_by_row_and_the_prose_around_it_is_untouched() -> None:
    intro, y = lines_of(72, 100, [*PROSE, "The", "table", "sets", "out", "the", "figures."])
    head = Text(72, y + 10, "Water Supply", 14, bold=True)
    table, y = grid((72, 220, 330, 430), y + 40, RESERVOIRS)
    after, _ = lines_of(72, y + 20, ["Leaks", "rose", "in", "the", "cold", "weeks.", *PROSE])
    document = read(make_pdf([[*intro, head, *table, *after]]))
    assert texts(document, "heading") == ["Water Supply"]
    body = texts(document, "paragraph")
    assert "Upper Carrow — Capacity (Ml) 4,800; Filled (%) 91; Leaks (Ml/day) 2.5." in body
    assert "Linden Water — Capacity (Ml) 12,250; Filled (%) 76; Leaks (Ml/day) 11.0." in body
    assert any(t.startswith("Harrow Moss —") and "950" in t for t in body)
    assert any(t.startswith("Leaks rose in the cold weeks.") for t in body)
    assert not any("Reservoir" in t or "Capacity (Ml) Filled" in t for t in texts(document))


def test_a_sentence_the_table_cuts_goes_on_after_it() -> None:
    before, y = lines_of(72, 100, [*PROSE, "Readings", "taken", "at", "each", "site", "were"])
    table, y = grid((72, 220, 330, 430), y + 16, RESERVOIRS)
    after, _ = lines_of(72, y + 10, ["checked", "by", "two", "engineers.", *PROSE])
    document = read(make_pdf([[*before, *table, *after]]))
    body = texts(document, "paragraph")
    assert any("Readings taken at each site were checked by two engineers." in t for t in body)
    assert not any("4,800" in t and "engineers" in t for t in body)


def test_a_header_of_years_in_bold_names_the_columns() -> None:
    rows = [
        ("District", "2022", "2023", "2024"),
        ("Ashby", "14.2", "15.0", "17.9"),
        ("Brennock", "9.8", "9.1", "8.7"),
        ("Cole Vale", "21.5", "-", "24.3"),
    ]
    intro, y = lines_of(72, 100, PROSE)
    table, y = grid((72, 250, 330, 410), y + 20, rows)
    after, _ = lines_of(72, y + 20, PROSE[::-1])
    document = read(make_pdf([[*intro, *table, *after]]))
    body = texts(document, "paragraph")
    assert "Ashby — 2022 14.2; 2023 15.0; 2024 17.9." in body
    assert "Cole Vale — 2022 21.5; 2024 24.3." in body  # a dash reports nothing
    assert not texts(document, "heading")


def test_a_narrow_table_in_one_column_beside_prose_in_the_other() -> None:
    words = [*PROSE, *PROSE]
    right = [
        Text(320, 100 + 14 * k, " ".join(words[6 * k : 6 * k + 6])) for k in range(len(words) // 6)
    ]
    left, y = lines_of(72, 100, PROSE, per_line=6)
    rows = [
        ("Pump", "Hours", "Faults"),
        ("Kerr", "1,204", "3"),
        ("Dunmore", "860", "11"),
        ("Stane", "2,010", "0"),
    ]
    table, y = grid((72, 160, 220), y + 14, rows)
    tail, _ = lines_of(72, y + 10, ["Faults", "were", "logged", "by", "hand.", *PROSE], per_line=6)
    document = read(make_pdf([[*left, *table, *tail, *right]]))
    body = texts(document, "paragraph")
    assert "Kerr — Hours 1,204; Faults 3." in body
    assert "Dunmore — Hours 860; Faults 11." in body
    assert any(t.startswith("Faults were logged by hand.") for t in body)
    assert not any("Pump Hours" in t for t in texts(document))


def test_wrapped_labels_and_a_two_line_header_join_their_cells() -> None:
    items = [
        Text(72, 300, "Scheme", 9, bold=True),
        Text(240, 300, "Homes", 9, bold=True),
        Text(330, 300, "Cost", 9, bold=True),
        Text(240, 310, "connected", 9, bold=True),
        Text(330, 310, "(£m)", 9, bold=True),
        Text(72, 330, "Riverside heat", 9),
        Text(240, 330, "1,150", 9),
        Text(330, 330, "8.4", 9),
        Text(72, 340, "network", 9),
        Text(72, 360, "Old Quay", 9),
        Text(240, 360, "420", 9),
        Text(330, 360, "3.1", 9),
        Text(72, 390, "Hillhead", 9),
        Text(240, 390, "2,600", 9),
        Text(330, 390, "15.0", 9),
    ]
    intro, _ = lines_of(72, 100, PROSE)
    after, _ = lines_of(72, 430, PROSE[::-1])
    document = read(make_pdf([[*intro, *items, *after]]))
    body = texts(document, "paragraph")
    assert "Riverside heat network — Homes connected 1,150; Cost (£m) 8.4." in body
    assert "Hillhead — Homes connected 2,600; Cost (£m) 15.0." in body


def test_two_columns_of_prose_with_short_lines_are_no_table() -> None:
    left = [
        Text(72, 100 + 14 * k, t)
        for k, t in enumerate(
            ["The board counted 1,204 leaks", "in 2024.", "It fixed 860", "by May."]
        )
    ]
    right = [
        Text(320, 100 + 14 * k, t)
        for k, t in enumerate(
            ["Crews worked 2,010 hours", "in total.", "Costs rose 11", "per cent."]
        )
    ]
    document = read(make_pdf([[*left, *right]]))
    text = " ".join(texts(document))
    assert "The board counted 1,204 leaks in 2024." in text
    assert "Crews worked 2,010 hours in total." in text


def test_a_contents_list_and_a_grid_of_names_are_no_tables() -> None:
    contents = [Text(72, 100, "Contents", 12, bold=True)]
    for k, (num, name, page) in enumerate(
        (("1", "Supply", "2"), ("2", "Leaks", "4"), ("3", "Costs", "7"))
    ):
        contents += [
            Text(72, 120 + 16 * k, num, 10),
            Text(100, 120 + 16 * k, name, 10),
            Text(500, 120 + 16 * k, page, 10),
        ]
    names = []
    for k, (who, role) in enumerate(
        (("Ada Brennan", "Chair"), ("Tom Okoro", "Engineer"), ("Rhian Pryce", "Treasurer"))
    ):
        names += [Text(72, 260 + 16 * k, who, 10), Text(250, 260 + 16 * k, role, 10)]
    body, _ = lines_of(72, 340, PROSE)
    document = read(make_pdf([[*contents, *names, *body]]))
    joined = " ".join(texts(document))
    assert not any("—" in t and ("Supply" in t or "Chair" in t) for t in texts(document))
    assert "Ada Brennan" in joined and "Chair" in joined  # the contents list is cut elsewhere


def test_row_passages_without_a_header_and_figures() -> None:
    def row(cells: tuple[str, ...], names: tuple[str, ...] = ()) -> Line:
        return Line([], cells=cells, names=names)

    assert row_passage(row(("Kerr", "1,204", "3"))) == "Kerr — 1,204; 3."
    assert row_passage(row(("", "1,204", "3"), ("Pump", "Hours", "Faults"))) == (
        "Hours 1,204; Faults 3."
    )
    assert row_passage(row(("Northern district", "", ""))) == ""  # a group label
    assert row_passage(Line([], cells=("Pump", "Hours"), head=True)) == ""
    for figure in ("1,700", "42.7", "£11,300", "12%", "2020-21", "(3.5)", "7.9m"):
        assert is_figure(figure), figure
    for word in ("Kerr", "FY2023", "Hours", "2.5 tonnes of it"):
        assert not is_figure(word), word


def test_header_cells_set_close_together_still_name_their_columns() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", "B", 9)
    heads = ("Depot or garage", "Buses in service", "Fuel (litres/day)", "Staff on rota")
    x, xs = 72.0, []
    for head in heads:  # each header cell one em after the last: the reader sees one line
        xs.append(x)
        x += pdf.get_string_width(head) + 9
    rows = [
        heads,
        ("Northgate", "42", "5,100", "118"),
        ("Riverside", "17", "2,250", "51"),
        ("Easton", "29", "3,900", "87"),
    ]
    intro, y = lines_of(72, 100, PROSE)
    table = [
        Text(xs[c], y + 30 + 16 * r, cell, 9, bold=r == 0)
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
    ]
    after, _ = lines_of(72, y + 120, PROSE[::-1])
    document = read(make_pdf([[*intro, *table, *after]]))
    body = texts(document, "paragraph")
    assert "Northgate — Buses in service 42; Fuel (litres/day) 5,100; Staff on rota 118." in body
    assert not texts(document, "heading")
    assert not any("Buses in service Fuel" in t for t in texts(document))


def test_figures_set_close_together_in_a_row_are_split_by_the_columns() -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", "", 9)
    rows = [
        ("Line", "Trips", "Late", "Cancelled"),
        ("Blue", "1,204", "96", "12"),
        ("Green", "20,480,000", "1,310,000", "64,000"),  # wide figures, narrow gaps
        ("Orange", "860", "41", "3"),
    ]
    xs = (72.0, 200.0, 255.0, 305.0)
    intro, y = lines_of(72, 100, PROSE)
    table = [
        Text(xs[c], y + 30 + 16 * r, cell, 9, bold=r == 0)
        for r, row in enumerate(rows)
        for c, cell in enumerate(row)
    ]
    after, _ = lines_of(72, y + 120, PROSE[::-1])
    document = read(make_pdf([[*intro, *table, *after]]))
    body = texts(document, "paragraph")
    assert "Blue — Trips 1,204; Late 96; Cancelled 12." in body
    assert "Orange — Trips 860; Late 41; Cancelled 3." in body
    assert any(t.startswith("Green — Trips 20,480,000") for t in body), body


def test_an_fpdf_table_with_cells_wrapped_and_centred_on_taller_rows() -> None:
    """fpdf2's table() centres a cell's lines on its row: a wrapped label's first line stands
    above the figures' baseline and its last line below it; a wrapped header cell too."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, " ".join(PROSE) + " The table sets out the results.")
    pdf.ln(4)
    rows = [
        ("Surgery", "Patients registered", "Median wait (days)", "Share seen within two weeks (%)"),
        ("Harbour Street Medical Centre and branch surgery", "12,400", "9", "61"),
        ("Kingsway", "8,150", "4", "83"),
        ("Old Mill Lane Practice", "5,900", "12", "48"),
    ]
    with pdf.table(col_widths=(40, 25, 25, 30)) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(value)
    pdf.ln(4)
    pdf.multi_cell(0, 5, "Waits were longest where surgeries had lost a doctor. " + " ".join(PROSE))
    document = read(bytes(pdf.output()))
    body = texts(document, "paragraph")
    assert (
        "Harbour Street Medical Centre and branch surgery — Patients registered 12,400; "
        "Median wait (days) 9; Share seen within two weeks (%) 61."
    ) in body
    assert "Kingsway — Patients registered 8,150; Median wait (days) 4; Share seen within two " in (
        " ".join(body)
    )
    assert not texts(document, "heading")
    assert any(t.startswith("Waits were longest") for t in body)


def test_a_plain_header_of_years_over_an_empty_corner_names_the_columns() -> None:
    rows = [
        ("", "2021", "2022", "2023"),
        ("Trains on time (%)", "88.1", "86.4", "90.2"),
        ("Trains cancelled (%)", "2.9", "3.6", "2.2"),
        ("Complaints per 100,000 journeys", "41", "47", "39"),
    ]
    intro, y = lines_of(72, 100, PROSE)
    table, y = grid((72, 260, 330, 400), y + 24, rows, bold_head=False)
    after, _ = lines_of(72, y + 20, PROSE[::-1])
    document = read(make_pdf([[*intro, *table, *after]]))
    body = texts(document, "paragraph")
    assert "Trains on time (%) — 2021 88.1; 2022 86.4; 2023 90.2." in body
    assert "Complaints per 100,000 journeys — 2021 41; 2022 47; 2023 39." in body
    assert not any(t.startswith("2021") for t in body)


def test_a_table_atop_the_next_column_inside_a_sentence_that_runs_past_it() -> None:
    words = PROSE * 3
    left = [Text(72, 100 + 14 * k, " ".join(words[6 * k : 6 * k + 6])) for k in range(19)]
    left.append(Text(72, 100 + 14 * 19, "and the readings taken at each"))
    rows = [
        ("Pump", "Hours", "Faults"),
        ("Kerr", "1,204", "3"),
        ("Dunmore", "860", "11"),
        ("Stane", "2,010", "0"),
    ]
    table, y = grid((320, 420, 480), 100, rows)
    right, _ = lines_of(320, y + 10, ["site", "were", "checked.", *PROSE], per_line=6)
    document = read(make_pdf([[*left, *table, *right]]))
    body = texts(document, "paragraph")
    assert any("and the readings taken at each site were checked." in t for t in body)
    assert "Dunmore — Hours 860; Faults 11." in body
    assert not any("Pump Hours" in t or "Kerr 1,204" in t for t in body)


def test_a_row_label_is_no_speaker_of_its_figures(tmp_path: Path) -> None:
    """Rows of a place name and a count, with no header: each row is one sentence in the body,
    never a turn of a speaker named by the label."""
    rows = [("Kestrel Point", "41"), ("Heron Flats", "17"), ("Curlew Bank", "29")]
    intro, y = lines_of(72, 100, PROSE)
    table, y = grid((72, 480), y + 24, rows, bold_head=False)
    after, _ = lines_of(72, y + 20, PROSE[::-1])
    path = tmp_path / "survey.pdf"
    path.write_bytes(make_pdf([[*intro, *table, *after]]))
    article, issues = read_article(path)
    assert article is not None, issues
    found = [s for s in article.sentences if s.text.startswith(("Kestrel", "Heron", "Curlew"))]
    assert [s.text for s in found] == [
        "Kestrel Point — 41.",
        "Heron Flats — 17.",
        "Curlew Bank — 29.",
    ]
    assert all(s.speaker is None for s in found)


def test_a_horizontal_bar_chart_is_no_table() -> None:
    """Names down the left, each value at the end of its bar: every value stands in a column
    of its own, and the axis ticks in a row of their own; the chart's labels stay out."""
    pdf = FPDF(unit="pt", format="letter")
    pdf.add_page()
    pdf.set_font("Times", "", 11)
    pdf.set_xy(72, 80)
    pdf.multi_cell(460, 14, " ".join(PROSE) + " Figure 3 shows the results.")
    pdf.set_font("Helvetica", "", 8)
    bars = (("North", 610), ("Coast", 380), ("Valley", 455), ("Uplands", 220), ("City", 700))
    for k, (name, value) in enumerate(bars):
        y = 180 + k * 22
        pdf.text(80, y + 10, name)
        pdf.rect(140, y, value / 700 * 300, 14, style="F")
        pdf.text(144 + value / 700 * 300, y + 10, str(value))
    for tick in (0, 250, 500, 750):
        pdf.text(136 + tick / 700 * 300, 302, str(tick))
    pdf.set_font("Helvetica", "I", 9)
    pdf.text(72, 320, "Figure 3: Nesting pairs by district, 2024")
    pdf.set_font("Times", "", 11)
    pdf.set_xy(72, 335)
    pdf.multi_cell(460, 14, " ".join(PROSE[::-1]) + ".")
    document = read(bytes(pdf.output()))
    assert not any(t.startswith(("North", "Coast", "0;")) for t in texts(document))
    assert "Figure 3: Nesting pairs by district, 2024" in texts(document, "image")
