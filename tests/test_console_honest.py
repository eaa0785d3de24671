"""The console on issue 12: how answers are cited, /articles, /quote for someone never quoted
and in either order, and low-confidence answers offered as the closest passages.

Runs the real `serve` over the seed index (and a small paged print export of our own).
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bot import console as con
from bot.console import split_speaker
from bot.core.answers import ArticleInfo
from bot.plain_text import render_articles
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
PAGED = """Harbour Tolls and the Coastal Economy
Issue Brief
March 2025
By Mira Olsen

--- Page 1 ---

The port of Velmar handled 41 million tonnes of cargo in 2024.1 Harbour tolls rose by a third
over the decade.

--- Page 2 ---

Smaller ferries were exempted from the toll in 2021.2

Notes

1 Velmar Port Authority 2025: Annual Cargo Report, p. 4.
2 Olsen 2024, n. 1, p. 12.
"""


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    tmp = tmp_path_factory.mktemp("honest")
    return Settings(
        seeds_dir=ROOT / "seeds", index_path=tmp / "i.sqlite3", state_path=tmp / "s.sqlite3"
    )


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    tmp = tmp_path_factory.mktemp("paged")
    (tmp / "seeds").mkdir()
    (tmp / "seeds" / "harbour-tolls.txt").write_text(PAGED, encoding="utf-8")
    return Settings(
        seeds_dir=tmp / "seeds", index_path=tmp / "i.sqlite3", state_path=tmp / "s.sqlite3"
    )


def serve(settings: Settings, *lines: str) -> list[str]:
    """The console's reply to each line (replies are separated by one blank line in a pipe)."""
    out, err = io.StringIO(), io.StringIO()
    assert con.serve(settings, io.StringIO("".join(f"{x}\n" for x in lines)), out, err) == 0
    assert err.getvalue() == ""
    return out.getvalue().rstrip("\n").split("\n\n")


def test_the_three_kinds_of_citation_and_a_derived_note(seed: Settings) -> None:
    carried, inferred, article = serve(
        seed,
        "/fact NMI long-term goal comprehensive reform",
        "/fact German Bundeswehr contributing some 45 soldiers",
        "/fact NTM-I classic training mission 2004 to 2011",
    )
    assert "  [1] note 8, citing note 6: Dresen, Robert 2023" in carried
    assert carried.count(" · p. 3") == 1 and "p.2" not in carried and "p. 2" not in carried
    assert (
        "  [1] probably rests on note 7, citing note 5 (the next note in its paragraph): "
        in inferred
    )
    assert "  [1] source: the article: Lucas Lamberty, “Looking in All Directions”" in article


def test_a_note_only_fact_is_cited_as_its_note(seed: Settings) -> None:
    (out,) = serve(seed, "/fact where does Iraq rank in the Fragile States Index")
    assert "27 of 179" in out
    assert "  in note 10, “Looking in All Directions”" in out
    assert "  [1] note 10: In the current Fragile States Index" in out


def test_pages_are_shown_where_the_passage_stands(paged: Settings) -> None:
    (out,) = serve(paged, "/fact smaller ferries exempted from the toll")
    assert "  in p. 2, " in out
    assert "[1] note 2, citing note 1: Velmar Port Authority 2025: Annual Cargo Report" in out
    assert out.count("p. 12") == 1 and "p. 4" not in out


def test_articles_lists_every_article_and_is_in_help(seed: Settings) -> None:
    listed, help_text = serve(seed, "/articles", "/help")
    assert listed.startswith("1 article:")
    assert (
        "“Looking in All Directions” by Lucas Lamberty [lamberty-2024-nato-mission-iraq]" in listed
    )
    assert " sentences, " in listed and " quotes, " in listed and " notes" in listed
    assert "/articles [PAGE]" in help_text
    (bad,) = serve(seed, "/articles two")
    assert bad.startswith("Usage: /articles")


def test_render_articles_pages_and_clamps() -> None:
    infos = [ArticleInfo(id=f"a{n}", title=f"T{n}", date="2025-01-01") for n in range(45)]
    first = render_articles(infos, 1)
    assert first.startswith("45 articles (page 1 of 3):") and first.endswith("More: /articles 2")
    last = render_articles(infos, 9)
    assert "(page 3 of 3)" in last and "[a44]" in last and "More:" not in last
    assert "[a44]" in render_articles(infos, per_page=None)
    assert "“T0”, 2025-01-01 [a0]" in first


def test_quote_for_someone_never_quoted_offers_who_is(seed: Settings) -> None:
    unquoted, picked = serve(seed, "/quote Putin", "1")
    assert unquoted.startswith("Putin is never quoted in the sources.\nQuoted are: Carlo Masala")
    assert "Passages that mention Putin:" in unquoted and "Vladimir Putin" in unquoted
    assert "  1. Carlo Masala" in unquoted
    assert "— Carlo Masala" in picked and picked.startswith("“")


@pytest.mark.parametrize(
    "line",
    [
        "/quote foreign deployments speaker:Masala",
        "/quote speaker:Masala foreign deployments",
        '/quote speaker:"Carlo Masala" foreign deployments',
        "/quote speaker:Masala",
    ],
)
def test_quote_speaker_before_or_after_the_query(seed: Settings, line: str) -> None:
    (out,) = serve(seed, line)
    assert "foreign deployments" in out and "— Carlo Masala" in out


def test_split_speaker() -> None:
    speakers = ["Carlo Masala", "Lucas Lamberty"]
    assert split_speaker("Carlo Masala deployments", speakers) == ("Carlo Masala", "deployments")
    assert split_speaker("masala", speakers) == ("masala", "")
    assert split_speaker("“Mira Olsen” ports", speakers) == ("Mira Olsen", "ports")
    assert split_speaker("Vladimir Putin energy deals", speakers) == (
        "Vladimir Putin",
        "energy deals",
    )


def test_low_confidence_offers_the_closest_passages(seed: Settings) -> None:
    miss, picked = serve(seed, "/fact weather forecast for Baghdad tomorrow", "1")
    assert miss.startswith(
        "Nothing in the sources matches “weather forecast for Baghdad tomorrow”."
    )
    assert "\nThe closest passages (not an answer):\n  1. “" in miss
    assert "“Looking in All Directions”)" in miss
    assert "Fact 1 of" in picked  # a picked passage is searched for, and found
