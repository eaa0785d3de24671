"""A verbatim report page's turns "Name (Group). – …" and the record's bracketed notes.

Each page is written here, in other names and other markup than the held-out plenary report:
the bold label, a full stop and a dash open a speaker's turn (the group in brackets and a role
after a comma no part of the name, the chair by office alone); the record's notes between the
speeches ("(The speaker spoke in Polish)", "(Protests from the right)") are nobody's words. A
bold lead-in naming no one, or one not closed by a full stop, is left as it is.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.model import Article


def page(tmp_path: Path, body: str) -> Article:
    path = tmp_path / "sitting.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Full record of the sitting"
        "</title></head><body><main><h1>Full record of the sitting</h1>"
        f"{body}</main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def speaker(article: Article, start: str) -> str | None:
    found = [s for s in article.sentences if s.text.startswith(start)]
    assert len(found) == 1, (start, [s.text for s in article.sentences])
    return found[0].speaker


RECORD = (
    "<h2>4. Flood defences along the lower river (debate)</h2>"
    "<p><strong>Vice-President.</strong> – The next item is the oral question on flood "
    "defences.</p>"
    "<p><strong>Ewa Zielinska (ECR)</strong>. – Mr President, the embankments at Plock were "
    "built in 1962 and nobody has raised them since. Three towns flooded twice in four years.</p>"
    "<p><em>(The speaker spoke in Polish)</em></p>"
    "<p><strong>Joris Vandenberg, <em>author of the question</em>.</strong> – Mr President, "
    "the fund has paid out only 18 per cent of what it promised.</p>"
    "<p><em>(Protests from the right)</em></p>"
    "<p><strong>Minister Paula Ferreira (PSD), <em>on behalf of the Council</em>.</strong> – "
    "Mr President, the Council will release the second tranche in March.</p>"
)


def test_a_verbatim_report_labels_each_turn_with_its_speaker(tmp_path: Path) -> None:
    article = page(tmp_path, RECORD)
    assert speaker(article, "Mr President, the embankments at Plock") == "Ewa Zielinska"
    assert speaker(article, "Three towns flooded twice") == "Ewa Zielinska"
    assert speaker(article, "Mr President, the fund has paid out") == "Joris Vandenberg"
    assert speaker(article, "Mr President, the Council will release") == "Paula Ferreira"
    assert speaker(article, "The next item is the oral question") == "Vice-President"
    texts = [s.text for s in article.sentences]
    assert not any("(ECR)" in t or "–" in t for t in texts)
    assert "(The speaker spoke in Polish)" not in texts
    assert "(Protests from the right)" not in texts


def test_bold_lead_ins_that_name_no_one_or_run_on_are_no_turns(tmp_path: Path) -> None:
    article = page(
        tmp_path,
        "<p><b>Housing.</b> - The council agreed to build 300 homes on the depot site.</p>"
        "<p><b>Transport.</b> - The night bus to Easton will run until 2 a.m. from May.</p>"
        "<p><b>Sam Lee</b> - the clinic's founder - said the waiting list had halved.</p>"
        "<p><b>Libraries.</b> - Two branches will open on Sundays.</p>",
    )
    texts = [s.text for s in article.sentences]
    assert "Housing. - The council agreed to build 300 homes on the depot site." in texts
    assert "Sam Lee - the clinic's founder - said the waiting list had halved." in texts
    assert all(s.speaker is None for s in article.sentences)
