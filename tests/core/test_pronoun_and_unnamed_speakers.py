"""Who speaks: an unnamed source qualified by a capitalised word, and a pronoun after a surname.

Pages written here, in other shapes than the held-out wire story: "a senior US diplomat told
reporters" is the diplomat, not "US"; "he said" after "Brandt said he would …" is Tomas
Brandt (named in full before), and never a body named after "according to the …".
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article


def speakers(tmp_path: Path, paragraphs: list[str]) -> dict[str, str | None]:
    path = tmp_path / "port.html"
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    path.write_text(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Port strike ends | Coastal Times</title></head><body><article>"
        f"<h1>Port strike ends</h1>{body}</article></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return {q.text: q.speaker for q in read.quotes}


OPENING = (
    "Dock workers at the northern port returned to work on Friday after a nine-day strike over "
    "shift patterns ended with a deal brokered overnight by the regional labour mediator."
)


def test_an_unnamed_source_keeps_the_word_that_qualifies_them(tmp_path: Path) -> None:
    found = speakers(
        tmp_path,
        [
            OPENING,
            '"Nobody in Washington wanted this to drag into the summer," a senior US diplomat '
            "told reporters on Friday.",
            "A Treasury spokeswoman, speaking on condition of anonymity, said the deal would "
            'cost "far less than another week of closed berths."',
        ],
    )
    assert found["Nobody in Washington wanted this to drag into the summer"] == (
        "a senior US diplomat"
    )
    assert found["far less than another week of closed berths."] == "a Treasury spokeswoman"


def test_a_pronoun_after_a_known_surname_is_that_person(tmp_path: Path) -> None:
    found = speakers(
        tmp_path,
        [
            OPENING,
            "Mayor Tomas Brandt welcomed the deal at a news conference outside the harbour office.",
            "According to the Harbour Users Trust, the strike cost shippers about 3 million euros "
            "a day.",
            "Brandt said he would ask the port's owners to review the shift rota by the autumn.",
            '"We cannot go through this again next winter," he said.',
        ],
    )
    assert (found["We cannot go through this again next winter"] or "").endswith("Tomas Brandt")


def test_a_pronoun_passes_over_a_body_and_an_unknown_surname(tmp_path: Path) -> None:
    """A body after "according to the …" is no "she"; a surname nobody was named by in full
    stands for no one, so "she" stays with the last person named."""
    found = speakers(
        tmp_path,
        [
            OPENING,
            '"The rota was never the real issue," said union organiser Ilse Moravec.',
            "According to the Harbour Users Trust, the strike cost shippers about 3 million euros "
            "a day, and Keller said the figure was too low.",
            '"Pay was always the real issue here," she said.',
        ],
    )
    assert found["Pay was always the real issue here"] == "Ilse Moravec"
