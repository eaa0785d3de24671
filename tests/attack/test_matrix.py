"""The attack matrix: every hostile string through every entry point (issue 14, "Done when").

Entry points: the console, the CLI, each slash command option (/fact, /quote, /briefing time),
each autocomplete, and the buttons under an answer. Each case asserts what must hold whatever
the input: an answer (no silence, no "This interaction failed"), no internal-error reply, no
traceback shown, no error logged, no ping (the fake Discord fails any message without
`allowed_mentions` that parse nothing) and no Discord limit exceeded (the fake checks every
length and count). One bot session serves the whole module, so the matrix stays fast.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

import bot.commands.search as cli_search
from bot.chat.client import FactBot
from bot.chat.errors import GENERIC_ERROR
from bot.chat.views import FORGOTTEN
from bot.cli import main as cli_main
from bot.console import PLAIN, Console
from bot.usecases.indexing import LiveIndex as Library
from tests.chat.conftest import make_settings
from tests.chat.test_briefing_e2e import command as briefing_command
from tests.fakediscord import FakeDiscord, FakeInteraction, running

in_session = pytest.mark.asyncio(loop_scope="module")  # the bot's event loop, for async cases

HOSTILE: dict[str, str] = {
    "empty": "",
    "blank": "   ",
    "everyone": "@everyone @here look",
    "mentions": "<@900000000000000001> <@!1> <@&900000000000000100> <#1> </fact:1> soldiers",
    "markdown": "**bold** __u__ ~~s~~ `code` ||spoiler|| > quote\n```py\nx\n```",
    "heading-link": "# Big [click](https://evil.example) -# small [NATO](javascript:alert(1))",
    "lone-surrogate": "soldiers \ud800 Iraq",
    "surrogate-halves": "\udfff\ud83d",
    "nul-controls": "NATO\x00\x07\x1b[31mred\x1b[0m",
    "newlines-tabs": "how many\n\nsoldiers\t\tIraq\r\n",
    "bidi": "\u202eqarI\u202c \u2066soldiers\u2069",
    "zero-width": "so\u200bld\u200diers\ufeff",
    "zalgo": "N\u0336\u0321A\u0334\u0327T\u0335\u0322O\u0337" * 5,
    "emoji": "🙂🇩🇪👩‍👩‍👧 NATO" * 3,
    "fullwidth": "ｓｏｌｄｉｅｒｓ ＮＡＴＯ",
    "casefold-growth": "İ" * 80 + "ß" * 80,
    "sql": "'; DROP TABLE feedback_queries; -- %_% \" OR 1=1",
    "query-syntax": 'title:x AND (NOT "y" OR z~2)^3 +a -b NEAR/3 *',
    "regex": "((((((((((a*)*)*)*)*)*)*)*)*)*)*$" + "\\",
    "format-path": "%s %d {0} {} ${HOME} $(id) ../../.env /etc/passwd C:\\Windows",
    "html": "<script>alert(1)</script><b>NATO</b>",
    "option-lookalike": "soldiers speaker: article: --index /tmp/x -h",
    "numbers": "1e309 -0 NaN 99999999999999999999 0x10",
    "only-punctuation": "?!.,;:—–…",
    "one-long-word": "a" * 300,
    "over-300": "x" * 301,
    "forged-100k": "y" * 100_000,
}
IDS = list(HOSTILE)
QUERY_MAX = 300
OPTIONS = [
    ("fact", "query"),
    ("fact", "article"),
    ("quote", "query"),
    ("quote", "speaker"),
    ("quote", "article"),
]


# ------------------------------------------------------------------------------- the session


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def fake() -> AsyncIterator[FakeDiscord]:
    """One fake Discord for the module; fails the module on any limit violation at the end."""
    server = FakeDiscord()
    await server.start()
    try:
        with server.patch_discord():
            yield server
    finally:
        await server.stop()


@pytest_asyncio.fixture(loop_scope="module", scope="module")
async def bot(
    fake: FakeDiscord, library: Library, index_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[FactBot]:
    """One FactBot with the answer, about and briefing commands, no cooldown in the way."""
    settings = make_settings(
        index_path,
        tmp_path_factory.mktemp("matrix") / "state.sqlite3",
        cooldown_uses=1_000_000,
    )
    client = FactBot(
        settings=settings,
        library=library,
        extensions=("bot.chat.exts.about", "bot.chat.exts.answers", "bot.chat.exts.briefing"),
        guild_ready_timeout=0.05,
    )
    async with running(client, fake) as started:
        yield started


@pytest.fixture
def clean(fake: FakeDiscord, caplog: pytest.LogCaptureFixture) -> Any:
    """Per case: no new limit violation or unhandled route, nothing logged as an error."""
    caplog.set_level(logging.ERROR)
    before = len(fake.violations), len(fake.unhandled)
    yield
    assert fake.violations[before[0] :] == [] and fake.unhandled[before[1] :] == []
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == []


def said(ix: FakeInteraction) -> str:
    """Everything the user was shown: content, follow-ups and the embeds' text."""
    parts = [ix.content] + [str(f.get("content") or "") for f in ix.followups]
    for embed in ix.embeds + [e for f in ix.followups for e in f.get("embeds", [])]:
        parts += [str(embed.get(k, "")) for k in ("title", "description")]
        parts += [str(f.get("value", "")) for f in embed.get("fields", [])]
    return "\n".join(parts)


def answered_safely(ix: FakeInteraction) -> str:
    assert ix.callbacks, "no answer: Discord would say 'This interaction failed'"
    text = said(ix)
    assert text.strip() or ix.choices is not None
    assert GENERIC_ERROR not in text and "Something went wrong" not in text
    assert "Traceback" not in text and 'File "' not in text
    return text


def typed(value: str) -> str:
    """A required option as sent: Discord sends no empty value (a forged request sends more)."""
    return value if value.strip() else "?"


# ----------------------------------------------------------------------- slash commands


@in_session
@pytest.mark.usefixtures("clean")
@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize(
    ("command", "option"),
    OPTIONS,
)
async def test_slash_option(
    fake: FakeDiscord, bot: FactBot, name: str, command: str, option: str
) -> None:
    value = HOSTILE[name]
    options = {"query": "soldiers", option: typed(value)}
    ix = await (await fake.slash(command, **options)).done()
    answered_safely(ix)


@in_session
@pytest.mark.usefixtures("clean")
@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize("option", ["time", "timezone"])
async def test_briefing_time_option(
    fake: FakeDiscord, bot: FactBot, name: str, option: str
) -> None:
    options = {"time": "08:00", "timezone": "UTC"}
    options[option] = typed(HOSTILE[name])
    ix = await briefing_command(fake, "time", **options)  # type: ignore[arg-type]
    answered_safely(ix)


# ------------------------------------------------------------------------- autocomplete


@in_session
@pytest.mark.usefixtures("clean")
@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize(
    ("command", "option"),
    OPTIONS,
)
async def test_autocomplete(
    fake: FakeDiscord, bot: FactBot, name: str, command: str, option: str
) -> None:
    ix = await (await fake.autocomplete(command, option, **{option: HOSTILE[name]})).done()
    assert ix.callbacks
    for choice in ix.choices:
        assert 1 <= len(choice["name"]) <= 100 and 1 <= len(choice["value"]) <= 100
        str(choice["value"]).encode("utf-8")


@in_session
@pytest.mark.usefixtures("clean")
@pytest.mark.parametrize("name", IDS)
async def test_timezone_autocomplete(fake: FakeDiscord, bot: FactBot, name: str) -> None:
    ix = await briefing_command(  # type: ignore[arg-type]
        fake, "time", focused="timezone", time="08:00", timezone=HOSTILE[name]
    )
    assert ix.callbacks and len(ix.choices) <= 25


# ------------------------------------------------------------------------------ buttons


@in_session
@pytest.mark.usefixtures("clean")
@pytest.mark.parametrize("name", IDS)
async def test_every_button_under_a_hostile_answer(
    fake: FakeDiscord, bot: FactBot, name: str
) -> None:
    ask = await (await fake.slash("fact", query=typed(HOSTILE[name])[:QUERY_MAX])).done()
    answered_safely(ask)
    order = "csudnpg"  # presses that replace the message (page, suggestion) last
    for custom_id in sorted(ask.custom_ids, key=lambda c: order.index(c.split(":")[1])):
        if custom_id not in ask.custom_ids:  # the message was replaced by a press before
            continue
        press = await (await fake.click(ask, custom_id)).done()
        text = answered_safely(press)
        assert FORGOTTEN not in text


# ------------------------------------------------------------------------------ console


@in_session
@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize(
    "template",
    ["{}", "/fact {}", "/quote soldiers speaker:{}", "/fact NATO article:{}", "/quote {}"],
    ids=["bare", "fact", "speaker", "article", "quote"],
)
async def test_console(library: Library, name: str, template: str) -> None:
    console = Console(library, PLAIN)  # type: ignore[arg-type]
    out = await console.handle(template.format(HOSTILE[name]))
    out += await console.handle("1")  # a follow-up on whatever came back
    out.encode("utf-8")
    assert "Traceback" not in out and not out.startswith("Error:")
    assert "\x1b" not in out and "\x00" not in out


# ---------------------------------------------------------------------------------- CLI


@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize(
    "argv",
    [["fact", "{}"], ["quote", "{}", "--json"], ["fact", "soldiers", "--article", "{}"]],
    ids=["fact", "quote-json", "article"],
)
def test_cli(library: Library, monkeypatch: pytest.MonkeyPatch, name: str, argv: list[str]) -> None:
    monkeypatch.setattr(cli_search, "open_searcher", lambda settings, index: library.searcher)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli_main([part.format(HOSTILE[name]) for part in argv])
        except SystemExit as exc:  # argparse's usage error for a value that looks like a flag
            code = exc.code if isinstance(exc.code, int) else 2
    text = out.getvalue() + err.getvalue()
    text.encode("utf-8")
    assert code in (0, 1, 2) and "Traceback" not in text
