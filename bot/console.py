"""The local console: the same answers the Discord bot gives, rendered as plain text over stdin.

`python -m bot run` opens it when no Discord token is set. It reads one command a line, from a
terminal (with a prompt) or from a pipe (no prompt, exit 0 at end of input), and prints the
response model of `bot/core/answers.py` as text. The rendering functions are pure (model → str)
so they can be tested without a terminal; the command table `COMMANDS` maps names to handlers
so new commands are one decorated function.

This module must never import Discord, never write SQL, never let a traceback reach the user
(every error is one short line) and never echo control characters from user input back to the
terminal.
"""

from __future__ import annotations

import asyncio
import contextlib
import io
import logging
import os
import re
import sys
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol, TextIO

from bot import exit_codes
from bot.core.answers import About, Answer, ArticleInfo, Command, Hit, Query
from bot.core.asking import Searches, ask
from bot.core.briefing_text import render_plain
from bot.core.diff import ReindexReport, render_reindex_report
from bot.core.model import Corpus
from bot.core.text_input import valid_text
from bot.plain_text import (
    ANSI,
    FOLLOW_UPS,
    PLAIN,
    Style,
    clean,
    render_about,
    render_answer,
    render_articles,
    render_context,
    render_sources,
    shorten,
)
from bot.settings import Settings
from bot.store.interactions import InteractionStore
from bot.usecases.asking import Asker, note_miss

log = logging.getLogger(__name__)

MAX_LINE = 500  # characters; longer input is refused with one line, never searched
RESULT_LIMIT = 5  # hits asked of the searcher per query; `next`/`prev` page through them
PROMPT = "factbot> "
NO_INPUT_HINT = (
    "No input. Pipe commands in (echo '/fact soldiers' | python -m bot run), open a terminal "
    "(docker run -it), or set FACTBOT_DISCORD__TOKEN to start the Discord bot."
)


# --- what the console needs from the library ----------------------------------------------


class AnswerSource(Searches, Protocol):
    """The part of `bot.core.search.Searcher` the console uses."""

    def about(self) -> About:
        """Describe the index."""
        ...

    def articles(self) -> list[ArticleInfo]:
        """Every article, with its metadata and counts."""
        ...

    def speakers(self) -> list[str]:
        """Everyone quoted in the sources."""
        ...

    @property
    def corpus(self) -> Corpus:
        """The articles the searcher answers from."""
        ...


class LibraryLike(Protocol):
    """The part of `bot.usecases.indexing.LiveIndex` the console uses."""

    @property
    def searcher(self) -> AnswerSource:
        """The current searcher."""
        ...

    async def reload_if_changed(self) -> bool:
        """Pick up an index rebuilt by another process."""
        ...

    async def reindex(self, *, dry_run: bool = False) -> ReindexReport:
        """Rebuild the index from the seeds and swap it in (or only report, on a dry run)."""
        ...


def render_help(commands: dict[str, ConsoleCommand]) -> str:
    """Render the command list from the command table (new commands appear by themselves)."""
    lines = ["Commands:"]
    listed: set[int] = set()
    for name, entry in commands.items():
        if id(entry) in listed or entry.hidden:
            continue
        listed.add(id(entry))
        slash = "" if entry.bare else "/"
        usage = f"{slash}{name} {entry.usage}".rstrip()
        lines.append(f"  {usage:<44} {entry.summary}")
    lines.append("Text without a slash is searched as a /fact.")
    lines.append("After a result, 1–4 pick a follow-up; after a miss, a number picks a suggestion.")
    return "\n".join(lines)


# --- parsing ------------------------------------------------------------------------------


class UsageError(Exception):
    """A command line the console cannot run; its message is shown as one line."""


_OPTION = re.compile(r"(?:^|(?<=\s))(speaker|article):", re.IGNORECASE)


def parse_options(text: str, allowed: Iterable[str]) -> tuple[str, dict[str, str]]:
    """Split `QUERY [name:VALUE ...]` into the query and its options.

    An option's value runs to the next option or the end of the line (so `speaker:Carlo
    Masala` works); surrounding quotes are dropped. Raises `UsageError` for an option the
    command does not take or one with no value.
    """
    allowed = set(allowed)
    matches = list(_OPTION.finditer(text))
    if not matches:
        return text.strip(), {}
    query = text[: matches[0].start()].strip()
    options: dict[str, str] = {}
    for i, match in enumerate(matches):
        name = match.group(1).lower()
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        value = text[match.end() : end].strip().strip("\"'“”").strip()
        if name not in allowed:
            takes = " ".join(f"{n}:" for n in sorted(allowed)) or "no options"
            raise UsageError(f"That command takes {takes}, not {name}:.")
        if not value:
            raise UsageError(f"{name}: needs a value, e.g. {name}:{_EXAMPLES[name]}.")
        options[name] = value
    return query, options


_EXAMPLES = {"speaker": "Masala", "article": "ID (see /about)"}


# --- the command table --------------------------------------------------------------------

Handler = Callable[["Console", str], Awaitable[str]]


@dataclass(frozen=True, slots=True)
class ConsoleCommand:
    """One console command: its handler, what /help says, and whether it needs the slash."""

    handler: Handler
    summary: str
    usage: str = ""
    bare: bool = False  # may also be typed without the slash (follow-ups, quit)
    hidden: bool = False  # left out of /help (aliases)


COMMANDS: dict[str, ConsoleCommand] = {}


def console_command(
    name: str,
    summary: str,
    *,
    usage: str = "",
    bare: bool = False,
    aliases: tuple[str, ...] = (),
) -> Callable[[Handler], Handler]:
    """Register a console command (and its aliases) in `COMMANDS`."""

    def register(handler: Handler) -> Handler:
        entry = ConsoleCommand(handler, summary, usage, bare)
        COMMANDS[name] = entry
        for alias in aliases:
            COMMANDS[alias] = entry
        return handler

    return register


class Console:
    """One console session: the library it asks and the last answer, for follow-ups."""

    def __init__(
        self,
        library: LibraryLike,
        style: Style = PLAIN,
        settings: Settings | None = None,
        interactions: InteractionStore | None = None,
    ) -> None:
        self.library = library
        self.style = style
        self.settings = settings  # for commands that need more than the index (state DB, ...)
        self.interactions = interactions  # misses are recorded there, as in Discord
        self.answer: Answer | None = None
        self.options: dict[str, str] = {}  # the options of the last search, kept for a pick
        self.position = 0
        self.finished = False
        self.lines_read = 0

    async def handle(self, line: str) -> str:
        """Run one input line and return what to print ("" for nothing); never raises."""
        try:
            return await self._dispatch(line)
        except UsageError as exc:
            return str(exc)
        except Exception as exc:
            log.debug("console command failed", exc_info=True)
            return f"Error: {shorten(str(exc) or type(exc).__name__, 160)}"

    async def _dispatch(self, line: str) -> str:
        text = clean(valid_text(line)).strip()
        if not text:
            return ""
        if len(text) > MAX_LINE:
            return f"That's too long ({len(text)} characters); keep it under {MAX_LINE}."
        if text.isdecimal() and text.isascii():
            picked = await self.pick(int(text))
            if picked is not None:
                return picked
        if text.startswith("/"):
            name, _, rest = text[1:].partition(" ")
            entry = COMMANDS.get(name.lower())
            if entry is None:
                return f"Unknown command /{shorten(name, 30)}. Type /help for the list."
            return await entry.handler(self, rest.strip())
        entry = COMMANDS.get(text.lower())
        if entry is not None and entry.bare:
            return await entry.handler(self, "")
        return await fact(self, text)

    async def searcher(self) -> AnswerSource:
        """Return the current searcher, after picking up an index rebuilt by another process."""
        try:
            await self.library.reload_if_changed()
        except Exception:
            log.warning("could not check the index for changes", exc_info=True)
        return self.library.searcher

    async def search(self, command: Command, query: str, options: dict[str, str]) -> str:
        """Ask the searcher, remember the answer (and options) for follow-ups, render it."""
        searcher = await self.searcher()
        asked = Query(command, query, options.get("article"), options.get("speaker"))
        answer = ask(searcher, asked, limit=RESULT_LIMIT)
        self.answer, self.position, self.options = answer, 0, dict(options)
        if self.interactions is not None:
            try:
                await note_miss(self.interactions, asked, answer, Asker(at=_now_iso()))
            except Exception:  # the answer matters more than the bookkeeping
                log.warning("could not record a miss", exc_info=True)
        return render_answer(answer, self.style)

    async def pick(self, number: int) -> str | None:
        """Run a bare number: a follow-up after a result, a suggestion after a miss.

        Returns None when the number picks nothing, so it is searched as text instead.
        """
        answer = self.answer
        if answer is None or (answer.error and answer.unquoted is None):
            return None
        if answer.hits:
            if 1 <= number <= len(FOLLOW_UPS):
                return await COMMANDS[FOLLOW_UPS[number - 1]].handler(self, "")
            return None
        options = dict(self.options)
        if answer.unquoted is not None:  # a speaker was picked: all their quotations
            options.pop("speaker", None)
        elif answer.closest:
            if 1 <= number <= len(answer.closest):
                return await self.search(answer.command, answer.closest[number - 1].text, options)
            return None
        if 1 <= number <= len(answer.suggestions):
            suggestion = answer.suggestions[number - 1].rstrip("…").strip()
            return await self.search(answer.command, suggestion, options)
        return None

    def shown(self) -> Answer:
        """Return the answer whose result is on screen; raise `UsageError` if there is none."""
        if self.answer is None or not self.answer.hits:
            raise UsageError("No result on screen: ask something first, e.g. /fact soldiers.")
        return self.answer

    def current(self) -> Hit:
        """Return the result on screen; raise `UsageError` if there is none."""
        return self.shown().hits[self.position]

    def loop(self, stdin: TextIO, stdout: TextIO, runner: asyncio.Runner) -> int:
        """Read commands until EOF or quit, printing each response; return the exit code.

        The loop itself is synchronous so Ctrl-C at the prompt behaves as in any terminal
        program; each command runs to completion on `runner`.
        """
        interactive = stdin.isatty()
        use_input = interactive and stdin is sys.stdin and stdout is sys.stdout
        if use_input:
            with contextlib.suppress(ImportError):  # not on every platform
                import readline  # noqa: F401  (line editing and history for input())
        printed = False
        while not self.finished:
            try:
                if use_input:
                    line = input(PROMPT)
                else:
                    if interactive:
                        stdout.write(PROMPT)
                        stdout.flush()
                    line = stdin.readline()
                    if not line:
                        break
                self.lines_read += 1
            except EOFError:
                break
            except KeyboardInterrupt:
                stdout.write("\n")
                return 130
            try:
                reply = runner.run(self.handle(line))
            except KeyboardInterrupt:
                reply = "Interrupted."
            if reply:
                if printed and not interactive:
                    stdout.write("\n")
                stdout.write(reply + "\n")
                stdout.flush()
                printed = True
        if interactive and not self.finished:
            stdout.write("\n")
        return 0


# --- the commands -------------------------------------------------------------------------


@console_command("fact", "a sentence from the sources, cited", usage="QUERY [article:ID]")
async def fact(console: Console, args: str) -> str:
    """Search the facts."""
    query, options = parse_options(args, ("article",))
    if not query:
        raise UsageError("Usage: /fact QUERY [article:ID], e.g. /fact soldiers in Iraq")
    return await console.search("fact", query, options)


@console_command(
    "quote", "a quotation with its speaker", usage="[QUERY] [speaker:NAME] [article:ID]"
)
async def quote(console: Console, args: str) -> str:
    """Search the quotes (the speaker may come before the query or after it)."""
    query, options = parse_options(args, ("article", "speaker"))
    if not query and "speaker" in options:
        speakers = (await console.searcher()).speakers()
        options["speaker"], query = split_speaker(options["speaker"], speakers)
        if not options["speaker"]:
            del options["speaker"]
    if not query and "speaker" not in options:
        raise UsageError("Usage: /quote QUERY [speaker:NAME] [article:ID], e.g. /quote deployments")
    return await console.search("quote", query, options)


_QUOTE_MARKS = "\"'“”‘’"


def split_speaker(value: str, speakers: Iterable[str]) -> tuple[str, str]:
    """Split `speaker:NAME QUERY` (the speaker typed first) into the name and the query.

    A quoted name ends at its closing quote; otherwise the name is the longest run of leading
    words that a quoted speaker's name contains, else the leading capitalised words.
    """
    for mark in _QUOTE_MARKS:
        name, found, rest = value.partition(mark)
        if found and name.strip():
            return name.strip().strip(_QUOTE_MARKS), rest.strip().strip(_QUOTE_MARKS).strip()
    found_words = value.split()
    names = [s.casefold() for s in speakers]
    for n in range(len(found_words), 0, -1):
        prefix = " ".join(found_words[:n]).casefold()
        if any(prefix in name for name in names):
            return " ".join(found_words[:n]), " ".join(found_words[n:])
    n = 0
    while n < len(found_words) and found_words[n][:1].isupper():
        n += 1
    n = n or 1
    return " ".join(found_words[:n]), " ".join(found_words[n:])


@console_command("articles", "every article: title, authors, date, counts", usage="[PAGE]")
async def articles(console: Console, args: str) -> str:
    """List the articles, a page at a time."""
    page = args.strip() or "1"
    if not (page.isdecimal() and page.isascii()):
        raise UsageError("Usage: /articles [PAGE], e.g. /articles 2")
    return render_articles((await console.searcher()).articles(), int(page))


@console_command("about", "what the index holds")
async def about(console: Console, args: str) -> str:
    """Describe the index."""
    return render_about((await console.searcher()).about())


@console_command("help", "this list", aliases=("?",))
async def help_(console: Console, args: str) -> str:
    """List the commands."""
    return render_help(COMMANDS)


@console_command("next", "the next result", bare=True)
async def next_(console: Console, args: str) -> str:
    """Show the next result of the last answer."""
    answer = console.shown()
    if console.position >= len(answer.hits) - 1:
        return "That was the last result."
    console.position += 1
    return render_answer(answer, console.style, console.position)


@console_command("prev", "the previous result", bare=True, aliases=("previous",))
async def prev(console: Console, args: str) -> str:
    """Show the previous result of the last answer."""
    answer = console.shown()
    if console.position <= 0:
        return "This is the first result."
    console.position -= 1
    return render_answer(answer, console.style, console.position)


@console_command("context", "the text around the result", bare=True)
async def context(console: Console, args: str) -> str:
    """Show the surroundings of the result on screen."""
    return render_context(console.current(), console.style)


@console_command("sources", "every source behind the results", bare=True)
async def sources(console: Console, args: str) -> str:
    """List the sources of the last answer."""
    return render_sources(console.shown())


@console_command("briefing", "tomorrow's daily briefing, without posting", usage="preview")
async def briefing(console: Console, args: str) -> str:
    """Show the briefing the bot would post tomorrow (posting itself happens in Discord)."""
    if args.strip().lower() not in ("", "preview"):
        raise UsageError("Usage: /briefing preview (scheduling and posting are Discord commands).")
    from bot.usecases.briefing import preview_tomorrow  # deferred: pulls in the state store

    settings = console.settings
    if settings is None:
        raise UsageError("The briefing preview needs the bot's settings (time zone, state).")
    searcher = await console.searcher()
    guild_id = settings.discord.dev_guild_id or 0
    return render_plain(await preview_tomorrow(settings, searcher.corpus, guild_id, _now()))


@console_command("reindex", "rebuild the index from the seeds folder", usage="[dry-run]")
async def reindex(console: Console, args: str) -> str:
    """Rebuild the index while answers keep coming from the old one; report what changed."""
    option = args.strip().lower().replace("_", "-")
    if option not in ("", "dry-run", "dry"):
        raise UsageError("Usage: /reindex [dry-run]")
    report = await console.library.reindex(dry_run=bool(option))
    return render_reindex_report(report)


@console_command("quit", "leave (or Ctrl-D)", bare=True, aliases=("exit",))
async def quit_(console: Console, args: str) -> str:
    """End the session."""
    console.finished = True
    return ""


# --- entry point --------------------------------------------------------------------------


def _now() -> datetime:
    """The console's one clock read: when a line was asked."""
    return datetime.now(UTC)


def _now_iso() -> str:
    return _now().isoformat(timespec="seconds")


def style_for(stream: TextIO) -> Style:
    """ANSI bold for a terminal (unless NO_COLOR or TERM=dumb), `**…**` otherwise."""
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return PLAIN
    try:
        return ANSI if stream.isatty() else PLAIN
    except (AttributeError, ValueError):
        return PLAIN


def _tolerant(stream: TextIO) -> None:
    """Let undecodable input and unencodable output degrade to replacement characters."""
    if isinstance(stream, io.TextIOWrapper):
        with contextlib.suppress(AttributeError, ValueError):  # detached or closed
            stream.reconfigure(errors="replace")


def serve(
    settings: Settings,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Open the library for `settings` and run the console until EOF; return the exit code."""
    from bot.usecases.indexing import LiveIndex

    stdin = stdin if stdin is not None else sys.stdin
    stdout = stdout if stdout is not None else sys.stdout
    stderr = stderr if stderr is not None else sys.stderr
    for stream in (stdin, stdout, stderr):
        _tolerant(stream)
    with asyncio.Runner() as runner:
        library = LiveIndex(settings)
        try:
            runner.run(library.open())
        except Exception as exc:
            log.debug("could not open the index", exc_info=True)
            stderr.write(
                f"Could not open the index at {settings.index_path}: {shorten(str(exc), 160)}\n"
            )
            return exit_codes.FAILED
        interactions = runner.run(_open_interactions(settings))
        console = Console(library, style_for(stdout), settings, interactions)
        if stdin.isatty():
            count = len(library.searcher.about().articles)
            stdout.write(
                f"Factbot console: {count} article{'s' if count != 1 else ''} indexed. "
                "Type /help for commands, Ctrl-D to leave.\n"
            )
        try:
            code = console.loop(stdin, stdout, runner)
        finally:
            if interactions is not None:
                runner.run(interactions.close())
        if console.lines_read == 0 and not stdin.isatty():
            stderr.write(NO_INPUT_HINT + "\n")
        return code


async def _open_interactions(settings: Settings) -> InteractionStore | None:
    """The state database where misses go, or None (with a warning) when it cannot be opened."""
    store = InteractionStore(settings.state_path)
    try:
        await store.open()
    except Exception as exc:
        log.warning("misses will not be recorded: cannot open %s: %s", settings.state_path, exc)
        return None
    return store
