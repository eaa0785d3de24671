"""The architecture's rules, held by a test: data flows one way and each layer keeps to itself.

- `bot/core` is pure: no discord, no SQL, no clock reads, and nothing from the layers above it.
- SQL lives only in `bot/store`; discord is imported only under `bot/chat`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BOT = Path(__file__).resolve().parents[1] / "bot"


def modules(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.py"))


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def clock_reads(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
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
    forbidden = ("discord", "aiosqlite", "sqlite3", "bot.store", "bot.chat", "bot.library",
                 "bot.commands", "bot.console", "socket", "urllib", "http")
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
        uses = {n for n in imported(path)
                if starts_with_any(n, ("discord", "bot.chat", "bot.console", "bot.commands"))}
        assert not uses, f"{path} imports {uses}"
