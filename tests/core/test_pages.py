"""Every sentence keeps the page its first line is printed on, whatever block it comes from."""

from __future__ import annotations

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import Block, SourceDocument, SourceLine


def _line(text: str, number: int, page: str) -> SourceLine:
    return SourceLine(text, number, page)


def test_paragraph_and_list_sentences_keep_their_pages() -> None:
    blocks = (
        Block("heading", (_line("Port Capacity", 1, "3"),), level=2),
        Block(
            "paragraph",
            (
                _line(
                    "The harbour handles some 4,000 ships a year, more than any port nearby.",
                    2,
                    "3",
                ),
                _line(
                    "Its quays were rebuilt after the flood of 2009 at great public cost.", 3, "3"
                ),
            ),
        ),
        Block(
            "list",
            (
                _line(
                    "- The north quay takes container ships of up to 300 metres in length.", 4, "4"
                ),
                _line(
                    "- The south quay serves bulk carriers loading grain for export abroad.", 5, "4"
                ),
            ),
        ),
    )
    article, _ = build_article("port", "seeds/port.pdf", SourceDocument(blocks), {})
    assert article is not None
    pages = {s.text.split()[1]: s.page for s in article.sentences}
    assert pages["harbour"] == "3"
    assert pages["north"] == "4"
    assert pages["south"] == "4"
