"""Print and PDF-to-text exports: pages, furniture, cover, notes in the middle of the text."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.text_reader import TextReader
from bot.core.model import Article

COLUMN = "x" * 60  # the width of a body line in these small exports


def export(pages: list[list[str]]) -> str:
    return (
        "\n".join(
            f"===== PDF_PAGE {n} =====\n" + "\n".join(lines)
            for n, lines in enumerate(pages, start=1)
        )
        + "\n"
    )


def ingest(text: str) -> Article:
    document, _ = TextReader().read(text.encode("utf-8"), "seeds/e.txt")
    assert document is not None
    article, _ = build_article("e", "seeds/e.txt", document, {})
    assert article is not None
    return article


def header(n: int) -> list[str]:
    return [f"Institute for Testing | {n}"]


PAGES = [
    ["MARCH 2021", "Water Storage in Dry Regions Policy Brief", "AUTHOR Jane Q. Doe"],
    [
        *header(2),
        "I. Summary The region stores too little water for the dry season and",
        "farmers lose crops every year when the rains come late in the spring.1 Storage",
        "helps a great deal in such years, as the local records show very clearly.",
        "II. Options for storage",
        "Small dams hold water close to the fields that need it during summer, and",
        "tanks are cheaper to build than dams are in most of the dry regions.2",
        "Ministries now fund both kinds of projects for the next ten years.",
    ],
    [
        *header(3),
        "Endnotes",
        "1 Regional Water Office, Annual Records, 2020.",
        "2 Ministry of Works, Tank Costs, 2019, https://example.org/tank-",
        "costs.pdf.",
    ],
]


def test_page_furniture_and_cover_are_not_text_and_pages_are_set() -> None:
    article = ingest(export(PAGES))
    assert article.title == "Water Storage in Dry Regions"
    assert article.authors == ("Jane Q. Doe",)
    assert article.date == "2021-03"
    assert all("Institute for Testing" not in s.text for s in article.sentences)
    assert all("AUTHOR" not in s.text for s in article.sentences)
    assert {s.page for s in article.sentences} == {"2"}


def test_headings_run_into_text_and_on_their_own_line() -> None:
    article = ingest(export(PAGES))
    assert article.sections == ("I. Summary", "II. Options for storage")
    assert article.sentences[0].text.startswith("The region stores too little water")


def test_glued_markers_and_endnotes() -> None:
    article = ingest(export(PAGES))
    cited = {n: s.text for s in article.sentences for n in s.notes}
    assert cited[1].endswith("when the rains come late in the spring.")
    assert cited[2].startswith("Small dams hold water")
    assert [(n.number, n.url) for n in article.notes] == [
        (1, None),
        (2, "https://example.org/tank-costs.pdf"),
    ]


def test_notes_at_page_bottoms_in_the_middle_of_the_text() -> None:
    pages = [
        [
            *header(1),
            "Water Storage Matters",
            "By Jane Doe",
            "Storage projects 1 began in 2019 to help farmers in the dry north. They",
            "were planned by the ministry ,2 which also pays for the tanks and the",
            "1 Regional Water Office, Annual Records for the North, 2020, https://",
            "example.org/records.",
            "2 Ministry of Works, Tank Costs, 2019.",
            "pipes that bring the water to the fields during the dry summer months.",
        ],
        [*header(2), "Farmers say the tanks have helped them through two bad years."],
        [*header(3), "More text of the brief goes here on the last of its pages."],
    ]
    article = ingest(export(pages))
    assert [n.number for n in article.notes] == [1, 2]
    assert article.notes[0].url == "https://example.org/records."[:-1]
    texts = [s.text for s in article.sentences]
    assert (
        "They were planned by the ministry, which also pays for the tanks and the pipes "
        "that bring the water to the fields during the dry summer months."
    ) in texts
    assert all("Regional Water Office" not in t for t in texts)


def test_drop_caps_split_words_and_kerning_are_joined() -> None:
    pages = [
        [
            *header(1),
            "Title of the Brief Here",
            "By Jane Doe",
            "A",
            "mid the drought, farmers built tanks for the Know Y our Farm plan. It",
            "worked well for the farmers, i",
            "ncluding the small ones.",
        ],
        [*header(2), "Another page of text for the brief, with words in it."],
        [*header(3), "A last page of text for the brief, with words in it."],
    ]
    texts = [s.text for s in ingest(export(pages)).sentences]
    assert "Amid the drought, farmers built tanks for the Know Your Farm plan." in texts
    assert "It worked well for the farmers, including the small ones." in texts


def test_a_flattened_table_and_back_matter_are_dropped() -> None:
    names = [f"Person{chr(65 + k)} Lastname{chr(65 + k)}" for k in range(14)]
    pages = [
        [
            *header(1),
            "Title of the Brief Here",
            "By Jane Doe",
            "The table below shows the shares of the three firms in the market today.",
            "Table 1: Market shares",
            "Firm",
            "Alpha",
            "Beta",
            "Gamma",
            "Share",
            "40%",
            "35%",
            "25%",
            "The shares have not changed much over the last ten years at all.",
        ],
        [*header(2), "Board of Directors", *names],
        [*header(3), "© 2021 The Institute. All rights reserved. No part may be copied."],
    ]
    article = ingest(export(pages))
    texts = [s.text for s in article.sentences]
    assert not any("40%" in t or "Lastname" in t or "rights reserved" in t for t in texts)
    assert any(s.kind == "caption" and "Market shares" in s.text for s in article.sentences)


def test_a_one_line_sentence_ending_in_a_marker_is_never_a_heading() -> None:
    text = "\n".join(
        [
            "Canal Dues in the Lowlands",
            "By Ada Brink",
            "",
            "--- Page 1 ---",
            "",
            "The canal carried 12 million tonnes of freight in 2023.1 Dues on the barges using it",
            "rose by half over the decade, and the board expects them to rise again next year.",
            "",
            "--- Page 2 ---",
            "",
            "Barges were freed from the dues in 2020.2",  # short: alone between blank lines
            "",
            "Notes",
            "",
            "1 Canal Board 2024: Freight Report, p. 3.",
            "2 Brink 2023, p. 9.",
        ]
    )
    article = ingest(text + "\n")
    assert article.sections == ()
    (barges,) = [s for s in article.sentences if s.text.startswith("Barges")]
    assert barges.text == "Barges were freed from the dues in 2020."
    assert barges.page == "2" and barges.notes == (2,)
