"""Letters pages, book chapters and shortened references, on small documents of our own making."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for
from bot.core.ingest.notes import NoteLine, parse_notes
from bot.core.model import Article


def ingest(text: str, suffix: str = ".txt") -> Article:
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    document, _ = reader.read(data, f"seeds/t{suffix}")
    assert document is not None
    article, _ = build_article("t", f"seeds/t{suffix}", document, {})
    assert article is not None
    return article


def refs(*texts: str) -> dict[int, tuple[int | None, str | None]]:
    notes, _ = parse_notes([NoteLine(k, t, k) for k, t in enumerate(texts, start=1)], "n.txt")
    return {n.number: (n.refers_to, n.page) for n in notes}


# --- shortened references -----------------------------------------------------------------------
def test_an_author_and_a_shortened_title_refer_to_the_full_note() -> None:
    found = refs(
        "Marsh Institute, Housing Costs in Rural Wales (Cardiff, 2021), p. 4.",
        "Office for Budget Responsibility, Fiscal Risks Report (London, 2023), p. 12.",
        "Marsh Institute, Housing Costs, pp. 9-11.",
    )
    assert found[3] == (1, "9-11")


def test_a_shortened_title_naming_two_full_notes_or_new_words_refers_to_none() -> None:
    found = refs(
        "Marsh Institute, Housing Costs in Rural Wales (Cardiff, 2021), p. 4.",
        "Marsh Institute, Housing Costs in Urban Wales (Cardiff, 2022), p. 8.",
        "Marsh Institute, Housing Costs, p. 9.",  # which of the two?
        "Marsh Institute, Rent Arrears, p. 2.",  # a title of its own
        "Marsh Institute, Housing Costs in Rural Wales.",  # no page: a reference of its own
    )
    assert found[3] == (None, None)
    assert found[4] == (None, None)
    assert found[5][0] is None
