"""The console: pure rendering, command dispatch and follow-ups, the stdin loop, `run`, Docker."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pytest
from pydantic import SecretStr

from bot import console as con
from bot.console import (
    COMMANDS,
    Console,
    ConsoleCommand,
    parse_options,
    render_help,
)
from bot.core.answers import (
    About,
    Answer,
    ArticleInfo,
    ArticleRef,
    ArticleSummary,
    Citation,
    Hit,
)
from bot.core.model import Corpus, Figure
from bot.plain_text import (
    ANSI,
    PLAIN,
    highlight,
    render_about,
    render_answer,
    render_citation,
    render_context,
    render_hit,
    render_miss,
    render_sources,
)
from bot.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
ARTICLE = ArticleRef(
    id="lamberty-2024-nato-mission-iraq",
    title="Looking in All Directions",
    authors=("Lucas Lamberty",),
)
SOLDIERS = "NMI currently comprises around 600 soldiers and civilian staff."


def figure(text: str, sentence: str, kind: str = "count") -> Figure:
    start = sentence.index(text)
    return Figure(
        text=text,
        value=600.0,
        unit="soldiers",
        qualifier="around",
        kind=kind,  # type: ignore[arg-type]
        sentence="x:s0001",
        start=start,
        end=start + len(text),
    )


def hit(n: int, text: str = SOLDIERS, **kw: object) -> Hit:
    values: dict[str, object] = {
        "id": f"{ARTICLE.id}:s{n:04d}",
        "text": text,
        "score": 1.0 / n,
        "kind": "body",
        "section": "NMI as Part of the 360-Degree Approach",
        "article": ARTICLE,
        "context": f"Before {n}. {text} After {n}.",
        "figures": (figure("around 600 soldiers", text),) if "600" in text else (),
        "citations": (
            Citation(
                note=5,
                text="NATO 2023: NATO Mission Iraq (NMI), May 2023",
                url="https://ogy.de/cdzi",
                accessed="2024-01-05",
                page="4",
            ),
        ),
    }
    values.update(kw)
    return Hit(**values)  # type: ignore[arg-type]


FACT = Answer(
    command="fact",
    query="soldiers",
    hits=(hit(1), hit(2, "Second result."), hit(3, "Third result.")),
)
QUOTE = Answer(
    command="quote",
    query="deployments",
    hits=(
        hit(
            1,
            "The reasons why foreign deployments may be necessary have not disappeared overnight.",
            kind="direct",
            speaker="Carlo Masala",
            citations=(Citation(note=1, text="Masala, Carlo 2023: Bedingt", page="pp.40 f."),),
        ),
    ),
)
MISS = Answer(command="fact", query="penguins", suggestions=("NATO Mission Iraq", "soldiers"))
ABOUT = About(
    articles=(ArticleSummary(article=ARTICLE, sentences=120, quotes=4, figures=40, notes=14),),
    built_at="2026-11-25T03:00:00+00:00",
)


@dataclass
class FakeSearcher:
    """Canned answers, recording every call."""

    calls: list[tuple[str, str, dict[str, object]]] = field(default_factory=list)
    boom: bool = False
    corpus: Corpus = field(default_factory=Corpus)

    def facts(self, query: str, *, limit: int = 5, article: str | None = None) -> Answer:
        self.calls.append(("facts", query, {"limit": limit, "article": article}))
        if self.boom:
            raise RuntimeError("index exploded\nwith a second line")
        if "penguin" in query:
            return MISS
        if query == "NATO Mission Iraq":
            return Answer(command="fact", query=query, hits=(hit(7, "Picked suggestion."),))
        return FACT

    def quotes(
        self, query: str, *, limit: int = 5, article: str | None = None, speaker: str | None = None
    ) -> Answer:
        self.calls.append(
            ("quotes", query, {"limit": limit, "article": article, "speaker": speaker})
        )
        if "penguin" in query:
            return Answer(command="quote", query=query, suggestions=("deployments overnight…",))
        return QUOTE

    def about(self) -> About:
        return ABOUT

    def articles(self) -> list[ArticleInfo]:
        return [
            ArticleInfo(
                id=ARTICLE.id,
                title=ARTICLE.title,
                authors=ARTICLE.authors,
                date="2024-03-01",
                sentences=120,
                quotes=4,
                notes=14,
            )
        ]

    def speakers(self) -> list[str]:
        return ["Carlo Masala"]


@dataclass
class FakeLibrary:
    searcher: FakeSearcher = field(default_factory=FakeSearcher)
    reloads: int = 0

    async def reload_if_changed(self) -> bool:
        self.reloads += 1
        return False


def session() -> tuple[Console, FakeSearcher]:
    library = FakeLibrary()
    return Console(library), library.searcher


def run_lines(console: Console, *lines: str) -> list[str]:
    async def go() -> list[str]:
        return [await console.handle(line) for line in lines]

    return asyncio.run(go())


# --- pure rendering -----------------------------------------------------------------------


def test_highlight_marks_figures_by_offset_plain_and_ansi() -> None:
    figs = (figure("around 600 soldiers", SOLDIERS),)
    assert highlight(SOLDIERS, figs, PLAIN) == (
        "NMI currently comprises **around 600 soldiers** and civilian staff."
    )
    assert "\x1b[1maround 600 soldiers\x1b[22m" in highlight(SOLDIERS, figs, ANSI)


def test_highlight_survives_bad_offsets_and_overlaps() -> None:
    good = figure("600", SOLDIERS)
    shifted = Figure(**{**_fields(good), "start": 0, "end": 3})  # wrong offsets: found by text
    outside = Figure(**{**_fields(good), "text": "zzz", "start": 900, "end": 990})
    overlap = Figure(
        **{
            **_fields(good),
            "text": "around 600",
            "start": SOLDIERS.index("around"),
            "end": SOLDIERS.index("around") + 10,
        }
    )
    out = highlight(SOLDIERS, (shifted, outside, overlap), PLAIN)
    assert out == "NMI currently comprises **around 600** soldiers and civilian staff."


def _fields(f: Figure) -> dict[str, object]:
    return {name: getattr(f, name) for name in Figure.__slots__}


def test_fact_render_has_passage_place_citation_and_followups() -> None:
    text = render_answer(FACT, PLAIN)
    assert "“NMI currently comprises **around 600 soldiers** and civilian staff.”" in text
    assert "section “NMI as Part of the 360-Degree Approach”" in text
    assert "“Looking in All Directions” by Lucas Lamberty" in text
    assert (
        "[1] note 5: NATO 2023: NATO Mission Iraq (NMI), May 2023 · https://ogy.de/cdzi · "
        "accessed 2024-01-05 · p. 4"
    ) in text
    assert text.splitlines()[-1] == "Fact 1 of 3 · 1 next · 3 context · 4 sources"
    assert "\x1b" not in text


def test_quote_render_names_the_speaker() -> None:
    text = render_hit(QUOTE.hits[0], PLAIN)
    assert "  — Carlo Masala" in text
    assert "pp.40 f." in text  # a page that already says what it is is kept as is


def test_a_caption_render_shows_its_credit() -> None:
    caption = dataclasses.replace(
        FACT.hits[0], kind="caption", credit="Credit: Ana Ruiz/Herald", speaker=None
    )
    lines = render_hit(caption, PLAIN).splitlines()
    assert lines[1] == "  Credit: Ana Ruiz/Herald"
    assert lines[2].endswith("(photo caption)")


def test_miss_lists_numbered_suggestions() -> None:
    text = render_miss(MISS)
    assert text.startswith("Nothing in the sources matches “penguins”.")
    assert "  1. NATO Mission Iraq\n  2. soldiers" in text
    bare = render_miss(Answer(command="fact", query="x" * 300))
    assert "…" in bare and "/about" in bare and "\n" not in bare


def test_error_answer_is_one_line() -> None:
    text = render_answer(Answer(command="fact", query='"*', error="unbalanced\nquote"), PLAIN)
    assert text == "Can't search that: unbalanced quote"


def test_citation_without_note_or_extras() -> None:
    assert render_citation(2, Citation(note=None, text="Lamberty, “Looking”", kind="article")) == (
        "  [2] source: the article: Lamberty, “Looking”"
    )


def test_context_emphasises_the_passage_and_sources_dedupe() -> None:
    assert render_context(FACT.hits[1], PLAIN).endswith("Before 2. **Second result.** After 2.")
    assert "No surrounding text" in render_context(hit(1, context=""), PLAIN)
    sources = render_sources(FACT)
    assert sources.count("[1]") == 1 and "(result 1, 2, 3)" in sources
    assert "[2]" not in sources


def test_about_and_help_render() -> None:
    about = render_about(ABOUT)
    assert "1 article, built 2026-11-25T03:00:00+00:00" in about
    assert "120 sentences, 4 quotes, 40 figures, 14 notes" in about
    assert "empty" in render_about(About())
    help_text = render_help(COMMANDS)
    for name in (
        "/fact",
        "/quote",
        "/about",
        "/help",
        "next",
        "prev",
        "context",
        "sources",
        "quit",
    ):
        assert name in help_text
    assert "exit" not in help_text.split("Commands:")[1].split("Text")[0].split()


def test_user_text_is_cleaned_of_control_characters() -> None:
    text = render_miss(Answer(command="fact", query="a\x1b[2Jb\u202ec\x00d"))
    assert "\x1b" not in text and "\u202e" not in text and "a[2Jbcd" in text


# --- parsing ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "query", "options"),
    [
        ("soldiers", "soldiers", {}),
        ("deployments speaker:Carlo Masala", "deployments", {"speaker": "Carlo Masala"}),
        (
            'x speaker:"Carlo Masala" article:lamberty',
            "x",
            {"speaker": "Carlo Masala", "article": "lamberty"},
        ),
        ("ARTICLE:abc why", "", {"article": "abc why"}),
        ("ratio 3:1 note:4", "ratio 3:1 note:4", {}),
    ],
)
def test_parse_options(text: str, query: str, options: dict[str, str]) -> None:
    assert parse_options(text, ("speaker", "article")) == (query, options)


@pytest.mark.parametrize("text", ["x speaker:Masala", "x article:"])
def test_parse_options_refuses(text: str) -> None:
    with pytest.raises(con.UsageError):
        parse_options(text, ("article",))


# --- dispatch and follow-ups (fake library) -----------------------------------------------


def test_fact_then_followups_by_name_and_number() -> None:
    console, searcher = session()
    first, nxt, ctx, prev, srcs, two, last, four = run_lines(
        console, "/fact soldiers", "next", "context", "prev", "sources", "2", "/next", "4"
    )
    assert "**around 600 soldiers**" in first
    assert "“Second result.”" in nxt and "Fact 2 of 3 · 1 next · 2 prev" in nxt
    assert "**Second result.**" in ctx
    assert "Fact 1 of 3" in prev
    assert srcs.startswith("Sources of the 3 result(s)")
    assert two == "This is the first result."
    assert "Fact 2 of 3" in last
    assert "(result 1, 2, 3)" in four
    assert run_lines(console, "next", "next", "next")[-1] == "That was the last result."
    assert searcher.calls == [("facts", "soldiers", {"limit": 5, "article": None})]


def test_text_without_slash_is_a_fact_and_numbers_out_of_range_are_queries() -> None:
    console, searcher = session()
    run_lines(console, "how many soldiers", "/fact soldiers", "2018")
    assert [c[1] for c in searcher.calls] == ["how many soldiers", "soldiers", "2018"]


def test_quote_passes_speaker_and_article_through() -> None:
    console, searcher = session()
    (out,) = run_lines(console, "/quote deployments speaker:Carlo Masala article:lamberty")
    assert "— Carlo Masala" in out and "Quote 1 of 1 · 3 context · 4 sources" in out
    assert searcher.calls == [
        ("quotes", "deployments", {"limit": 5, "article": "lamberty", "speaker": "Carlo Masala"})
    ]


def test_miss_then_number_searches_the_suggestion() -> None:
    console, searcher = session()
    miss, picked = run_lines(console, "/fact penguins", "1")
    assert "  1. NATO Mission Iraq" in miss
    assert "“Picked suggestion.”" in picked
    assert searcher.calls[-1][1] == "NATO Mission Iraq"


def test_picking_a_quote_suggestion_keeps_the_options() -> None:
    console, searcher = session()
    _, picked = run_lines(console, "/quote penguins speaker:Masala", "1")
    assert "— Carlo Masala" in picked
    assert searcher.calls[-1] == (
        "quotes",
        "deployments overnight",
        {"limit": 5, "article": None, "speaker": "Masala"},
    )


def test_followups_without_an_answer_say_so() -> None:
    console, _ = session()
    for reply in run_lines(console, "next", "prev", "context", "sources"):
        assert reply.startswith("No result on screen")


def test_about_help_unknown_and_quit() -> None:
    console, _ = session()
    about, help_text, unknown, bye = run_lines(console, "/about", "/HELP", "/frobnicate", "exit")
    assert "120 sentences" in about
    assert "Commands:" in help_text
    assert unknown == "Unknown command /frobnicate. Type /help for the list."
    assert bye == "" and console.finished


BAD_INPUTS = [
    "",
    "   ",
    "\t\n",
    "x" * 10_000,
    "🦆🇺🇦👩‍👩‍👧",
    "@everyone",
    "@here <@123> <#456>",
    '"*NEAR OR',
    "AND OR NOT",
    "soldiers)(",
    "*",
    "/",
    "/fact",
    "/fact   ",
    "/quote",
    "/quote speaker:",
    "/fact x speaker:Masala",
    "/fact x article:",
    "\x00\x1b[31m",
    "0",
    "99",
    "-1",
    "/about extra words",
    "next please",
    "' OR 1=1 --",
    "%s%n{0}",
    "\\",
    "/fact " + "9" * 400,
]


@pytest.mark.parametrize("line", BAD_INPUTS)
def test_bad_input_is_at_most_one_short_line(line: str) -> None:
    console, _ = session()
    (reply,) = run_lines(console, line)
    assert "Traceback" not in reply
    if not reply.startswith(("“", "Nothing", "Commands", "The index")):
        assert "\n" not in reply and len(reply) < 240, reply


def test_a_failing_searcher_is_one_error_line() -> None:
    console, searcher = session()
    searcher.boom = True
    (reply,) = run_lines(console, "soldiers")
    assert reply == "Error: index exploded with a second line"


def test_command_table_is_extensible(monkeypatch: pytest.MonkeyPatch) -> None:
    async def preview(console: Console, args: str) -> str:
        return f"preview of {args!r}"

    monkeypatch.setitem(
        COMMANDS, "briefing", ConsoleCommand(preview, "post preview", usage="preview")
    )
    console, _ = session()
    assert run_lines(console, "/briefing preview") == ["preview of 'preview'"]
    assert "/briefing preview" in render_help(COMMANDS)


# --- the loop over a stream ---------------------------------------------------------------


def test_loop_reads_a_pipe_without_prompts_and_stops_at_quit() -> None:
    console, searcher = session()
    out = io.StringIO()
    stdin = io.StringIO("/fact soldiers\n\nnext\nquit\n/fact never read\n")
    with asyncio.Runner() as runner:
        code = console.loop(stdin, out, runner)
    assert code == 0
    text = out.getvalue()
    assert con.PROMPT not in text
    assert text.count("Fact ") == 2
    assert "\n\n“Second result.”" in text  # one blank line between replies
    assert len(searcher.calls) == 1


def test_loop_exits_zero_at_eof_without_newline() -> None:
    console, _ = session()
    out = io.StringIO()
    with asyncio.Runner() as runner:
        assert console.loop(io.StringIO("/about"), out, runner) == 0
    assert "120 sentences" in out.getvalue()


class TTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_terminal_gets_a_prompt_and_ansi_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    console, _ = session()
    out = TTY()
    with asyncio.Runner() as runner:
        assert console.loop(TTY("/about\n"), out, runner) == 0
    assert out.getvalue().startswith(con.PROMPT) and out.getvalue().endswith("\n")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert con.style_for(TTY()) is ANSI and con.style_for(io.StringIO()) is PLAIN
    monkeypatch.setenv("NO_COLOR", "1")
    assert con.style_for(TTY()) is PLAIN


# --- the real index, built from seeds/ ----------------------------------------------------


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    tmp = tmp_path_factory.mktemp("console")
    return Settings(
        seeds_dir=SEEDS, index_path=tmp / "index.sqlite3", state_path=tmp / "state.sqlite3"
    )


def serve(settings: Settings, text: str) -> str:
    out, err = io.StringIO(), io.StringIO()
    assert con.serve(settings, io.StringIO(text), out, err) == 0, err.getvalue()
    assert err.getvalue() == ""
    return out.getvalue()


def test_empty_pipe_exits_zero_with_a_hint_on_stderr(settings: Settings) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert con.serve(settings, io.StringIO(""), out, err) == 0
    assert out.getvalue() == ""
    assert err.getvalue() == con.NO_INPUT_HINT + "\n"


def test_real_fact_with_citation_and_bold_figure(settings: Settings) -> None:
    out = serve(settings, "/fact how many soldiers in NATO Mission Iraq\n")
    assert re.search(r"\*\*[^*]*\d[^*]*\*\*", out), out  # a figure in bold
    assert "[1] " in out and "lamberty-2024-nato-mission-iraq" in out
    assert "Fact 1 of" in out


def test_real_quote_with_speaker(settings: Settings) -> None:
    out = serve(settings, "/quote foreign deployments\n")
    assert "— Carlo Masala" in out or "— Masala" in out, out


def test_real_quote_filtered_by_speaker(settings: Settings) -> None:
    out = serve(settings, "/quote deployments speaker:Carlo Masala\n")
    assert "Masala" in out and "Traceback" not in out


def test_real_miss_with_suggestions(settings: Settings) -> None:
    out = serve(settings, "/fact emperor penguin breeding colonies\n")
    assert out.startswith("Nothing in the sources matches “emperor penguin breeding colonies”.")


def test_real_followups_about_and_help(settings: Settings) -> None:
    out = serve(settings, "/fact soldiers\nnext\ncontext\nsources\n/about\n/help\n")
    assert "Fact 2 of" in out or "That was the last result." in out
    assert "Context" in out and "Sources of the" in out
    assert "lamberty-2024-nato-mission-iraq" in out and "Commands:" in out


def test_real_bad_inputs_never_traceback(settings: Settings) -> None:
    out = serve(settings, "\n".join(BAD_INPUTS) + "\n")
    assert "Traceback" not in out


def test_cli_run_reads_stdin(
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from bot.cli import main

    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.delenv("FACTBOT_DISCORD__TOKEN", raising=False)
    monkeypatch.setenv("FACTBOT_SEEDS_DIR", str(settings.seeds_dir))
    monkeypatch.setenv("FACTBOT_INDEX_PATH", str(settings.index_path))
    monkeypatch.setenv("FACTBOT_STATE_PATH", str(settings.state_path))
    monkeypatch.setattr(sys, "stdin", io.StringIO("/fact soldiers\n"))
    assert main(["run"]) == 0
    captured = capsys.readouterr()
    assert "soldiers" in captured.out.lower() and con.PROMPT not in captured.out


def test_piped_python_m_bot_run(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    env.update(
        FACTBOT_SEEDS_DIR=str(SEEDS),
        FACTBOT_INDEX_PATH=str(tmp_path / "i.sqlite3"),
        FACTBOT_STATE_PATH=str(tmp_path / "s.sqlite3"),
        PYTHONIOENCODING="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        input="/fact soldiers\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "soldiers" in done.stdout.lower()
    assert con.PROMPT not in done.stdout and "Traceback" not in done.stderr
    assert (tmp_path / "i.sqlite3").exists()  # built on first run


def test_token_chooses_discord_unless_console_is_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.commands import run as run_mod

    assert run_mod.discord_token(Settings(discord={"token": "  "})) is None  # type: ignore[arg-type]
    assert run_mod.discord_token(Settings(discord={"token": "abc"})) == "abc"  # type: ignore[arg-type]
    chosen: list[str] = []
    monkeypatch.setattr(con, "serve", lambda settings: chosen.append("console") or 0)

    async def fake_discord(settings: Settings, token: str) -> int:
        chosen.append("discord")
        return 0

    monkeypatch.setattr(run_mod, "_run_discord", fake_discord)
    import argparse

    with_token = Settings(discord={"token": "abc"})  # type: ignore[arg-type]
    assert run_mod.run(argparse.Namespace(console=False), with_token) == 0
    assert run_mod.run(argparse.Namespace(console=True), with_token) == 0
    assert run_mod.run(argparse.Namespace(console=False), Settings()) == 0
    assert chosen == ["discord", "console", "console"]


class FakeBot:
    """Stands in for `bot.chat.client.FactBot`: records how it was built and started."""

    made: ClassVar[list[FakeBot]] = []
    fail: ClassVar[bool] = False

    def __init__(self, *, settings: Settings, library: object) -> None:
        self.settings, self.library = settings, library
        self.events: list[str] = []
        FakeBot.made.append(self)

    async def __aenter__(self) -> FakeBot:
        self.events.append("enter")
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.events.append("exit")

    async def start(self, token: str) -> None:
        self.events.append(f"start {token}")
        if FakeBot.fail:
            raise RuntimeError("Improper token has been passed.")


@pytest.mark.parametrize("fail", [False, True])
def test_run_with_a_token_starts_factbot_on_an_open_library(
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    fail: bool,
) -> None:
    import bot.chat.client
    from bot.commands import run as run_mod

    monkeypatch.setattr(bot.chat.client, "FactBot", FakeBot)
    monkeypatch.setattr(FakeBot, "made", [])
    monkeypatch.setattr(FakeBot, "fail", fail)
    with_token = settings.model_copy(
        update={"discord": settings.discord.model_copy(update={"token": SecretStr("sekrit")})}
    )
    code = asyncio.run(run_mod._run_discord(with_token, "sekrit"))
    (made,) = FakeBot.made
    assert made.settings is with_token
    assert made.library.searcher.about().articles  # type: ignore[attr-defined]
    assert made.events == ["enter", "start sekrit", "exit"]
    err = capsys.readouterr().err
    if fail:
        assert code == 3 and err == "Discord: RuntimeError: Improper token has been passed.\n"
    else:
        assert code == 0 and err == ""
    assert "sekrit" not in err


SIGTERM_SCRIPT = """
import asyncio, sys
import bot.chat.client
from bot.commands import run
from bot.settings import Settings

class Bot:
    def __init__(self, **kw):
        self.closed = asyncio.Event()
    async def __aenter__(self):
        return self
    async def __aexit__(self, *exc):
        print("exited", flush=True)
    async def start(self, token):
        print("started", flush=True)
        await self.closed.wait()
    async def close(self):
        print("closing", flush=True)
        self.closed.set()

bot.chat.client.FactBot = Bot
sys.exit(asyncio.run(run._run_discord(Settings(), "t")))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_sigterm_closes_the_discord_client(settings: Settings, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("FACTBOT_")}
    env.update(
        FACTBOT_SEEDS_DIR=str(settings.seeds_dir),
        FACTBOT_INDEX_PATH=str(settings.index_path),
        FACTBOT_STATE_PATH=str(settings.state_path),
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", SIGTERM_SCRIPT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert proc.stdout is not None
    try:
        first = proc.stdout.readline()
        assert first == "started\n", proc.communicate(timeout=60)
        proc.terminate()
        out, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert out == "closing\nexited\n"


# --- the Dockerfile -----------------------------------------------------------------------


def dockerfile_instructions() -> list[tuple[str, str]]:
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    text = re.sub(r"\\\n", " ", text)  # join continuation lines
    rows = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            rows.append((word.upper(), rest.strip()))
    return rows


def test_dockerfile_essentials() -> None:
    rows = dockerfile_instructions()
    words = [w for w, _ in rows]
    froms = [rest for w, rest in rows if w == "FROM"]
    assert froms and all(f.startswith("python:3.11-slim") for f in froms)
    final = max(i for i, w in enumerate(words) if w == "FROM")
    stage = rows[final:]
    users = [rest for w, rest in stage if w == "USER"]
    assert users and users[-1] not in ("root", "0", "0:0")
    runs = [(i, rest) for i, (w, rest) in enumerate(stage) if w == "RUN"]
    index_at = [i for i, rest in runs if "python -m bot index" in rest]
    volume_at = [i for i, (w, rest) in enumerate(stage) if w == "VOLUME" and "data" in rest]
    user_at = [i for i, (w, _) in enumerate(stage) if w == "USER"]
    assert index_at and volume_at and user_at
    assert user_at[-1] < index_at[0] < volume_at[0]  # index built as the user, before VOLUME
    assert any(
        "pip install ." in rest and "-e" not in rest.split() for w, rest in rows if w == "RUN"
    )
    assert stage[-1] == ("CMD", '["python", "-m", "bot", "run"]')
    env = " ".join(rest for w, rest in stage if w == "ENV")
    volume = stage[volume_at[0]][1].strip('[]" ')
    index_path = re.search(r"FACTBOT_INDEX_PATH=(\S+)", env)
    assert index_path and index_path.group(1).startswith(volume + "/")  # the index is kept
    ignore = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert "*" in ignore and {"!bot/", "!seeds/", "!pyproject.toml"} <= set(ignore)
