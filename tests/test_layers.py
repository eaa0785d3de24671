"""The architecture's rules, held by a test: data flows one way and each layer keeps to itself.

- `bot/core` is pure: no discord, no SQL, no clock reads, and nothing from the layers above it.
- SQL lives only in `bot/store`; discord is imported only under `bot/chat`.
- The store does not import ingestion (it stores what ingestion produced; type hints aside).
- The use cases (`bot/usecases`) know no front end: no discord, console, commands or CLI.
- The console and the commands do not import each other (only `run` starts the console).
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"


def modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


@functools.cache
def _tree(path: Path) -> ast.Module:
    """The parsed module (each file is parsed once per test session)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _type_checking_only(tree: ast.AST) -> set[int]:
    """Ids of the nodes under `if TYPE_CHECKING:` (imports for type hints, never run)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            skipped.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return skipped


def imported(path: Path, *, at_run_time: bool = False) -> set[str]:
    names: set[str] = set()
    tree = _tree(path)
    skipped = _type_checking_only(tree) if at_run_time else set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def clock_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func
            owner = target.value
            name = f"{getattr(owner, 'id', getattr(owner, 'attr', '?'))}.{target.attr}"
            if name in {"datetime.now", "datetime.utcnow", "date.today", "time.time"}:
                found.append(f"{path.name}:{node.lineno} {name}")
    return found


def starts_with_any(name: str, prefixes: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@pytest.mark.parametrize("path", modules(BOT / "core"), ids=lambda p: str(p.relative_to(BOT)))
def test_core_is_pure(path: Path) -> None:
    forbidden = (
        "discord",
        "aiosqlite",
        "sqlite3",
        "bot.store",
        "bot.chat",
        "bot.usecases",
        "bot.commands",
        "bot.console",
        "bot.cli",
        "bot.plain_text",
        "socket",
        "urllib",
        "http",
    )
    leaks = {name for name in imported(path) if starts_with_any(name, forbidden)}
    assert not leaks, f"{path} imports {leaks}"
    assert not clock_reads(path), "the core takes dates as arguments"


def test_sql_lives_only_in_the_store() -> None:
    for path in modules(BOT):
        if (BOT / "store") in path.parents:
            continue
        uses = {n for n in imported(path) if starts_with_any(n, ("aiosqlite", "sqlite3"))}
        assert not uses, f"{path} runs SQL outside bot/store"


def test_discord_is_imported_only_by_the_chat_package() -> None:
    for path in modules(BOT):
        if (BOT / "chat") in path.parents:
            continue
        uses = {n for n in imported(path) if starts_with_any(n, ("discord",))}
        assert not uses, f"{path} imports discord outside bot/chat"


def test_the_store_knows_nothing_of_discord_or_rendering() -> None:
    for path in modules(BOT / "store"):
        uses = {
            n
            for n in imported(path)
            if starts_with_any(n, ("discord", "bot.chat", "bot.console", "bot.commands"))
        }
        assert not uses, f"{path} imports {uses}"


def test_the_store_does_not_import_ingestion() -> None:
    for path in modules(BOT / "store"):
        uses = {
            n
            for n in imported(path, at_run_time=True)
            if starts_with_any(n, ("bot.core.ingest", "bot.usecases"))
        }
        assert not uses, f"{path} imports {uses}"


def test_the_use_cases_know_no_front_end() -> None:
    front_ends = ("discord", "bot.chat", "bot.console", "bot.commands", "bot.cli")
    for path in modules(BOT / "usecases"):
        uses = {n for n in imported(path) if starts_with_any(n, front_ends)}
        assert not uses, f"{path} imports {uses}"


def test_the_console_and_the_commands_do_not_import_each_other() -> None:
    console = {
        n for n in imported(BOT / "console.py") if starts_with_any(n, ("bot.commands", "bot.cli"))
    }
    assert not console, f"the console imports {console}"
    for path in modules(BOT / "commands"):
        uses = {n for n in imported(path) if starts_with_any(n, ("bot.console", "bot.cli"))}
        if path.name == "run.py":  # the entry point starts the console, and only that
            assert uses <= {"bot.console"}, f"{path} imports {uses}"
            continue
        assert not uses, f"{path} imports {uses}"


def test_the_commands_do_not_import_each_other() -> None:
    for path in modules(BOT / "commands"):
        others = {n for n in imported(path) if starts_with_any(n, ("bot.commands",))}
        assert others <= {"bot.commands.contract"}, f"{path} imports {others}"
