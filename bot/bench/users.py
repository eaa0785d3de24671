"""Concurrent users against one library: time to each first response, and event-loop lag.

`python -m bot bench-users` builds a synthetic library (or opens `--index`), then sends waves of
N simultaneous /fact searches through the same path the Discord layer takes: each search runs
off the event loop and, if it has not finished after `DEFER_AFTER` seconds, the interaction
would be deferred. A user's *first response* is when the bot could answer or defer; Discord
fails the interaction when that passes 3 s. A probe task on the event loop measures how late
its 10 ms timer fires (the lag every other coroutine suffers). Two modes are compared:
`threads` (one worker thread per request, the default executor: what Factbot did before) and
`slots` (`SearchSlots`: a few workers, a short queue, "busy" past it).

This module prints figures only; it asserts nothing and is no test.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.search import Searcher
from bot.search_slots import Busy, SearchSlots

DEFER_AFTER = 1.5
DISCORD_DEADLINE = 3.0
PROBE_SECONDS = 0.01
RESPONSE_STEPS = 40  # event-loop iterations of one HTTP response (aiohttp, discord.py)
MODES = ("threads", "slots")

Runner = Callable[[Callable[[], object]], Awaitable[object]]


@dataclass(frozen=True)
class Wave:
    """What one wave of simultaneous users saw."""

    mode: str
    users: int
    first_p50: float
    first_max: float
    late: int  # first response after Discord's 3 s: "This interaction failed"
    busy: int  # told "busy, ask again" at once
    answered_max: float
    loop_lag_max: float


def _percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(pct / 100 * len(ordered)))] if ordered else 0.0


async def _user(run: Runner, search: Callable[[], object]) -> tuple[float, float, bool]:
    started = time.perf_counter()
    task = asyncio.ensure_future(run(search))
    await asyncio.wait({task}, timeout=DEFER_AFTER)
    await _respond()  # the answer, a "busy" note or the defer goes out
    first = time.perf_counter() - started
    try:
        await task
        busy = False
    except Busy:
        busy = True
    return first, time.perf_counter() - started, busy


async def _probe(stop: asyncio.Event, lags: list[float]) -> None:
    while not stop.is_set():
        started = time.perf_counter()
        await asyncio.sleep(PROBE_SECONDS)
        lags.append(time.perf_counter() - started - PROBE_SECONDS)


def _spin(rounds: int) -> None:
    for _ in range(rounds):
        sum(range(200))


def calibrate(seconds: float) -> int:
    """How many rounds of pure-Python work take `seconds` on this machine, alone."""
    if seconds <= 0:
        return 0
    rounds, took = 1000, 0.0
    while took < 0.05:
        rounds *= 2
        started = time.perf_counter()
        _spin(rounds)
        took = time.perf_counter() - started
    return max(1, int(rounds * seconds / took))


def burn(rounds: int) -> None:
    """Hold the GIL for a fixed amount of pure-Python work, as a search on a larger library would.

    The work is counted, not timed, so threads sharing the GIL really slow each other down.
    """
    _spin(rounds)


async def _respond(steps: int = RESPONSE_STEPS) -> None:
    """What sending a response costs the event loop: dozens of steps, each needing the GIL."""
    for _ in range(steps):
        await asyncio.sleep(0)


async def wave(
    searcher: Searcher, mode: str, users: int, queries: Sequence[str], extra_cpu: float = 0.0
) -> Wave:
    """Send `users` searches at once in `mode` (each `extra_cpu` s slower); say what they saw."""
    rounds = calibrate(extra_cpu)
    slots = SearchSlots() if mode == "slots" else None

    async def run(search: Callable[[], object]) -> object:
        if slots is not None:
            return await slots.run(search)
        return await asyncio.to_thread(search)

    def search_for(query: str) -> Callable[[], object]:
        def search() -> object:
            burn(rounds)
            return searcher.facts(query, limit=5)

        return search

    stop, lags = asyncio.Event(), list[float]()
    probe = asyncio.create_task(_probe(stop, lags))
    await asyncio.sleep(PROBE_SECONDS * 2)
    try:
        results = await asyncio.gather(
            *(_user(run, search_for(queries[i % len(queries)])) for i in range(users))
        )
    finally:
        stop.set()
        await probe
        if slots is not None:
            slots.close()
    firsts = [r[0] for r in results]
    return Wave(
        mode=mode,
        users=users,
        first_p50=_percentile(firsts, 50),
        first_max=max(firsts),
        late=sum(1 for f in firsts if f > DISCORD_DEADLINE),
        busy=sum(1 for r in results if r[2]),
        answered_max=max(r[1] for r in results),
        loop_lag_max=max(lags, default=0.0),
    )


def render(waves: Sequence[Wave], sentences: int, extra_cpu: float = 0.0) -> str:
    """The waves as a Markdown table."""
    slower = f", each search {extra_cpu * 1000:.0f} ms slower (simulated)" if extra_cpu else ""
    lines = [
        f"Concurrent /fact users on {sentences:,} sentences{slower} (first response = answer "
        f"or defer; Discord fails it after {DISCORD_DEADLINE:.0f} s)",
        "",
        "| mode | users | first p50 s | first max s | > 3 s | busy | last answer s | lag max s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for w in waves:
        lines.append(
            f"| {w.mode} | {w.users} | {w.first_p50:.2f} | {w.first_max:.2f} | {w.late} | "
            f"{w.busy} | {w.answered_max:.2f} | {w.loop_lag_max:.2f} |"
        )
    return "\n".join(lines)


async def _bench(
    index: Path | None,
    articles: int,
    users: Sequence[int],
    modes: Sequence[str],
    seed: Path,
    extra_cpu: float,
) -> str:
    from bot.bench import generate_corpus, query_mix
    from bot.store.index_reader import open_index
    from bot.usecases.building import build_from_seeds

    with tempfile.TemporaryDirectory(prefix="factbot-users-") as tmp:
        if index is None:
            folder = Path(tmp) / "seeds"
            generate_corpus(folder, articles, seed=seed)
            index = Path(tmp) / "index.sqlite3"
            await build_from_seeds(folder, index, built_at="2026-01-01T00:00:00+00:00")
        opened = await asyncio.to_thread(open_index, index)
        searcher = await asyncio.to_thread(Searcher, opened.corpus, opened.prepared)
        sentences = sum(h.sentences for h in searcher.articles())
        del opened
        queries = query_mix(200).facts
        waves = [
            await wave(searcher, mode, count, queries, extra_cpu)
            for count in users
            for mode in modes
        ]
    return render(waves, sentences, extra_cpu)


def run_users_bench(
    *,
    index: Path | None,
    articles: int,
    users: Sequence[int],
    modes: Sequence[str] = MODES,
    seed: Path,
    extra_cpu: float = 0.0,
) -> str:
    """Run the waves and return the report (the searcher is used inside the coroutine).

    `extra_cpu` makes every search that many seconds slower, in pure Python holding the GIL: a
    stand-in for a library too large to build here (the starvation depends on search time).
    """
    return asyncio.run(_bench(index, articles, users, modes, seed, extra_cpu))
