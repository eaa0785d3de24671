"""End to end against the fake Discord: how answers are cited, /articles, /quote for someone
never quoted, and low-confidence answers offered as the closest passages (issue 12).

Most tests use the session's index of the real seed; pages and a list longer than one embed
page use a small paged print export of our own plus short articles, built once per module.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.chat.client import FactBot
from bot.settings import Settings
from bot.usecases.indexing import LiveIndex
from tests.chat.conftest import MY_EXTENSIONS, StartBot, make_settings
from tests.fakediscord import FakeDiscord, FakeInteraction, running

pytestmark = pytest.mark.usefixtures("no_errors_logged")

EXTENSIONS = (*MY_EXTENSIONS, "bot.chat.exts.articles")

BRIEF = """Harbour Tolls and the Coastal Economy
Issue Brief
March 2025
By Mira Olsen

--- Page 1 ---

The port of Velmar handled 41 million tonnes of cargo in 2024.1 Harbour tolls rose by a third
over the decade. Shipping firms say the tolls now decide where ships call.2

--- Page 2 ---

Toll revenue paid for the new northern breakwater, which opened in 2023. Smaller ferries were
exempted from the toll in 2021.3

Notes

1 Velmar Port Authority 2025: Annual Cargo Report, p. 4.
2 Ibid., p. 9.
3 Olsen 2024, n. 1, p. 12.
"""


def short_article(n: int) -> str:
    return (
        f"---\ntitle: Orchard Report {n}\nauthor: Writer {n}\ndate: 2025-0{n % 9 + 1}-01\n---\n\n"
        f"The orchard number {n} grew {n + 10} kinds of apple in its best year.\n"
    )


@pytest.fixture(scope="module")
def paged_index(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings of an index of the paged brief and eight short articles (ten-article pages)."""
    root = tmp_path_factory.mktemp("paged")
    seeds = root / "seeds"
    seeds.mkdir()
    (seeds / "harbour-tolls.txt").write_text(BRIEF, encoding="utf-8")
    for n in range(1, 10):
        (seeds / f"orchard-{n}.md").write_text(short_article(n), encoding="utf-8")
    settings = Settings(seeds_dir=seeds, index_path=root / "i.sqlite3", state_path=root / "s.db")
    asyncio.run(LiveIndex(settings).open())
    return settings


@contextlib.asynccontextmanager
async def paged_bot(
    fake: FakeDiscord, settings: Settings, tmp_path: Path
) -> AsyncIterator[FactBot]:
    library = LiveIndex(settings)
    await library.open()
    bot_settings = make_settings(settings.index_path, tmp_path / "state.sqlite3")
    bot_settings = bot_settings.model_copy(update={"seeds_dir": settings.seeds_dir})
    bot = FactBot(
        settings=bot_settings, library=library, extensions=EXTENSIONS, guild_ready_timeout=0.05
    )
    async with running(bot, fake) as started:
        yield started


def embed(ix: FakeInteraction) -> dict[str, Any]:
    assert len(ix.callbacks) == 1, ix.callbacks
    assert len(ix.embeds) == 1, ix.embeds
    return ix.embeds[0]


def field(ix: FakeInteraction, name: str) -> str:
    for f in ix.embeds[0].get("fields", []):
        if f["name"] == name:
            return str(f["value"])
    raise AssertionError(f"no field {name!r} in {ix.embeds[0]}")


async def fact(fake: FakeDiscord, query: str) -> FakeInteraction:
    return await (await fake.slash("fact", query=query)).done()


# --- citations: a note carried, a note inferred, the article, a derived note, a note hit ------


async def test_the_three_kinds_of_citation_look_different(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(extensions=EXTENSIONS):
        carried = await fact(fake_discord, "NMI long-term goal comprehensive reform")
        inferred = await fact(fake_discord, "German Bundeswehr contributing some 45 soldiers")
        article = await fact(fake_discord, "NTM-I classic training mission 2004 to 2011")
    assert "long-term goal" in str(embed(carried)["description"])
    own = field(carried, "Sources")
    # a derived note ("Dresen 2023, n. 6, p. 3"): the reference of note 6, the page of note 8
    assert own.startswith("[1] note 8, citing note 6: Dresen, Robert 2023")
    assert "(p. 3, accessed" in own and own.count("p. ") == 1 and "probably" not in own

    guessed = field(inferred, "Sources")
    assert guessed.startswith(
        "[1] probably rests on note 7, citing note 5 (the next note in its paragraph): "
    )
    source = field(article, "Sources")
    assert source.startswith("[1] source: the article: Lucas Lamberty, “Looking in All Directions”")
    assert "note" not in source.split(":", 1)[0]


async def test_a_fact_stated_only_in_a_note_is_cited_as_that_note(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(extensions=EXTENSIONS):
        ix = await fact(fake_discord, "where does Iraq rank in the Fragile States Index")
    assert "27 of 179" in str(embed(ix)["description"]).replace("**", "")
    assert field(ix, "Where").startswith("note 10 in Looking in All Directions")
    assert field(ix, "Sources").startswith("[1] note 10: In the current Fragile States Index")


async def test_pdf_like_pages_show_in_the_where_line_and_a_derived_note_keeps_one_page(
    fake_discord: FakeDiscord, paged_index: Settings, tmp_path: Path
) -> None:
    async with paged_bot(fake_discord, paged_index, tmp_path):
        ix = await fact(fake_discord, "smaller ferries exempted from the toll")
        src = await (await fake_discord.click(ix, ix.button("Sources")["custom_id"])).done()
    assert "ferries" in str(embed(ix)["description"])
    assert "p. 2 in " in field(ix, "Where")
    sources = field(ix, "Sources")
    assert sources.startswith("[1] note 3, citing note 1: Velmar Port Authority 2025")
    assert "(p. 12)" in sources and "p. 4" not in sources
    assert str(embed(src)["description"]).startswith("[1] note 3, citing note 1: ")


# --- /articles -----------------------------------------------------------------------------


async def test_articles_lists_title_authors_date_and_counts(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(extensions=EXTENSIONS):
        ix = await (await fake_discord.slash("articles")).done()
    shown = embed(ix)
    assert shown["title"] == "1 article"
    text = str(shown["description"])
    assert "**Looking in All Directions**" in text and "Lucas Lamberty" in text
    assert "sentences · " in text and " quotes · " in text and " notes" in text
    assert "footer" not in shown and not ix.custom_ids  # one page: no page buttons


async def test_articles_pages_in_place_within_the_limits(
    fake_discord: FakeDiscord, paged_index: Settings, tmp_path: Path
) -> None:
    async with paged_bot(fake_discord, paged_index, tmp_path):
        ix = await (await fake_discord.slash("articles")).done()
        first = embed(ix)
        assert first["title"] == "10 articles" and first["footer"]["text"] == "Page 1 of 2"
        assert str(first["description"]).count("**") == 2 * 8
        assert "2025-" in str(first["description"])
        assert ix.button("Previous").get("disabled") is True
        nxt = await (await fake_discord.click(ix, ix.button("Next")["custom_id"])).done()
        assert len(nxt.callbacks) == 1 and nxt.message_id == ix.message_id
        assert ix.embeds[0]["footer"]["text"] == "Page 2 of 2"
        assert str(ix.embeds[0]["description"]).count("**") == 2 * 2
        assert ix.button("Next").get("disabled") is True
        late = await (await fake_discord.slash("articles", page=99)).done()
        assert embed(late)["footer"]["text"] == "Page 2 of 2"


# --- /quote for someone never quoted; the order of speaker and query ------------------------


async def test_quote_for_someone_never_quoted_says_so_and_offers_who_is(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(extensions=EXTENSIONS):
        ix = await (await fake_discord.slash("quote", query="Putin")).done()
        shown = embed(ix)
        assert shown["title"] == "Never quoted: Putin"
        text = str(shown["description"])
        assert text.startswith("**Putin** is never quoted in the sources.")
        assert "**Quoted are:** Carlo Masala" in text
        assert "Vladimir Putin" in field(ix, "Passages that mention Putin")
        press = await (await fake_discord.click(ix, ix.button("Carlo Masala")["custom_id"])).done()
        assert len(press.callbacks) == 1
        assert ix.embeds[0]["title"].startswith("Quote 1 of ")
        assert "— Carlo Masala" in str(ix.embeds[0]["description"])


async def test_quote_speaker_and_query_in_either_order(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(extensions=EXTENSIONS):
        right = await (
            await fake_discord.slash("quote", query="foreign deployments", speaker="Masala")
        ).done()
        swapped = await (
            await fake_discord.slash("quote", query="Masala", speaker="foreign deployments")
        ).done()
        only_speaker = await (await fake_discord.slash("quote", speaker="Masala")).done()
        neither = await (await fake_discord.slash("quote", article="x")).done()
    for ix in (right, swapped, only_speaker):
        text = str(embed(ix)["description"])
        assert "foreign deployments" in text and "— Carlo Masala" in text
    assert neither.ephemeral and "query" in neither.content and "speaker" in neither.content


async def test_a_mention_as_speaker_is_echoed_without_pinging(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(extensions=EXTENSIONS):
        ix = await (
            await fake_discord.slash("quote", query="deployments", speaker="@everyone")
        ).done()
    shown = embed(ix)
    assert "never quoted" in str(shown["description"])
    assert "@everyone" not in str(shown["description"])  # escaped (fake also checks mentions)


# --- low confidence: the closest passages, offered as suggestions ---------------------------


async def test_low_confidence_offers_the_closest_passages_not_an_answer(
    fake_discord: FakeDiscord, start_bot: StartBot
) -> None:
    async with start_bot(extensions=EXTENSIONS):
        ix = await fact(fake_discord, "weather forecast for Baghdad tomorrow")
        shown = embed(ix)
        assert shown["title"] == "No exact match"
        assert "not an answer" in str(shown["description"])
        fields = shown["fields"]
        assert 1 <= len(fields) <= 5
        assert (
            fields[0]["name"].startswith("1. ") and "Looking in All Directions" in fields[0]["name"]
        )
        assert all(f["value"] for f in fields)
        assert ix.custom_ids  # each closest passage can be searched for with one press
