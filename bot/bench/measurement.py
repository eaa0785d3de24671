"""The benchmark's measurement: the query mix, and each phase in its own child process.

For each corpus size one child builds the index (ingest + store) and another loads it and runs
a fixed query mix, so each reports its own peak memory. `python -m bot.bench` is the child's
entry point. Nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from bot.bench.corpus import (
    DEFAULT_QUERIES,
    DEFAULT_SEED,
    FIRST_NAMES,
    PLACES,
    SUMMIT_CITIES,
    SURNAMES,
    generate_corpus,
)
from bot.bench.report import SizeResult

# ---------------------------------------------------------------------------------------------
# The query mix
# ---------------------------------------------------------------------------------------------

_FACT_QUERIES = (
    # keywords
    "bundeswehr contribution", "advisory mission", "fragile states index",
    "security sector reform", "militias iran", "corruption nepotism", "islamic state",
    "popular mobilization forces", "peshmerga reform", "strategic concept", "projecting stability",
    "refugee crisis", "burden-sharing", "{country} population", "{adj} army", "{capital}", "{city}",
    "soldiers", "brics", "shiite axis", "coalition against IS", "advisor rotation",
    "weak statehood", "external actors", "NATO summit {summit}", "out-of-area missions",
    # questions
    "how many soldiers in NATO Mission {country}", "when was {acr} decided",
    "what is the 360-degree approach", "who is the prime minister of {country}",
    "why is {country} a fragile state", "how many attacks on US positions",
    "what does {acr} advise on", "how long do NATO advisors stay",
    "how many partners in the coalition against IS", "when did IS control {city}?",
    "what happened to the {adj} army in 2014", "is {acr} a combat mission?",
    "how many officers did NTM-{initial} train", "what are the three challenges",
    "which countries contribute to the mission", "how big is the German contribution",
    "can the mission be a model for Africa?", "What is projecting stability?",
    "where is the mission based", "who controls the militias",
    # typos
    "soldeirs", "miltias iran", "fragil states indx", "corupption", "advisroy mision",
    "terrorsim", "peshmerga reforrm", "bundeswher", "stategic concept", "natoo mision {country}",
    "secuirty sector", "populaton of {country}", "withdrawl of us troops", "{country}i army",
    # acronyms
    "{acr}", "NTM-{initial}", "ISAF", "RSM", "IS", "UNDP", "EU", "BRICS", "NATO", "US",
    "{acr} mandate", "ISAF vs {acr}", "nato mission {country} (nm{initial})",
    # figures and names
    "2,500 soldiers", "40 million", "600", "2018", "{author}", "Al Sudani", "Putin", "Hamas",
    "{city}’s", "7 October",
    # edge cases
    "", "   ", "?", "the", "and of the", "NATO NATO NATO NATO", "<b>nato</b>", "🙂 nato mission",
    "security " * 30,
)  # fmt: skip

_QUOTE_QUERIES = (
    "Masala", "Carlo Masala", "foreign deployments", "reasons why foreign deployments",
    "the world has not suddenly become safer", "NATO standards highest and best", "fragile state",
    "military pressure on IS", "important skills", "security considerations", "{author}",
    "who said foreign deployments may be necessary", "quote about alliance defence",
    "Masalla", "deployements", "{country} still a fragile state", "{acr}", "NATO",
    "territorial and alliance defence", "", "?", "standards", "stabilising the {adj} state",
    "masala deployments overnight", "the same is true for NATO",
)  # fmt: skip


@dataclass(frozen=True)
class QueryMix:
    """The fixed queries one serving run times, per command."""

    facts: tuple[str, ...]
    quotes: tuple[str, ...]
    autocomplete: tuple[str, ...]


def _fill(template: str, rng: random.Random) -> str:
    place = rng.choice(PLACES)
    return template.format(
        country=place.country,
        adj=place.adjective,
        capital=place.capital,
        city=rng.choice(place.cities),
        acr=f"NM{place.country[0]}",
        initial=place.country[0],
        summit=rng.choice(SUMMIT_CITIES),
        author=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
    )


def query_mix(count: int = DEFAULT_QUERIES, *, random_seed: int = 0) -> QueryMix:
    """`count` fact, quote and autocomplete queries, the same for every run with the same seed.

    Templates cycle in order (so every kind is covered) and are filled with places and names the
    generator uses; autocomplete takes prefixes of 0 to 12 characters of the fact queries.
    """
    rng = random.Random(random_seed)
    facts = tuple(_fill(_FACT_QUERIES[i % len(_FACT_QUERIES)], rng) for i in range(count))
    quotes = tuple(_fill(_QUOTE_QUERIES[i % len(_QUOTE_QUERIES)], rng) for i in range(count))
    partials = tuple(facts[(i * 7) % len(facts)][: i % 13] for i in range(count)) if facts else ()
    return QueryMix(facts, quotes, partials)


# ---------------------------------------------------------------------------------------------
# Measurement (each phase in its own child process)
# ---------------------------------------------------------------------------------------------

BUILT_AT = "2026-01-01T00:00:00+00:00"


def peak_mb() -> float:
    """Return the peak resident set size so far, in MiB (ru_maxrss is KiB on Linux)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def current_mb() -> float:
    """Return the current resident set size in MiB (0 where /proc is missing)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / (1024 * 1024)


def _load_1m() -> float:
    """Return the one-minute load average (other work on the machine skews wall-clock times)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return 0.0


def percentile(values: Sequence[float], pct: float) -> float:
    """Return the nearest-rank percentile of `values` (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-pct * len(ordered) // 100))))
    return ordered[rank - 1]


def _profiled(profile: Path | None, run: Callable[[], Any]) -> Any:
    """Run `run`, under cProfile writing top entries to `profile` when one is given."""
    if profile is None:
        return run()
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    value = profiler.runcall(run)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs()
    stream.write("== by cumulative time ==\n")
    stats.sort_stats("cumulative").print_stats(35)
    stream.write("== by own time ==\n")
    stats.sort_stats("tottime").print_stats(35)
    profile.parent.mkdir(parents=True, exist_ok=True)
    profile.write_text(stream.getvalue(), encoding="utf-8")
    return value


def child_build(folder: Path, index: Path, profile: Path | None = None) -> dict[str, Any]:
    """Ingest `folder` and build `index`, then change one file and rebuild incrementally.

    Returns timings, counts and peak memory. The first build records every file's digest (as
    every build does); the rebuild is `build_from_seeds`, the path the CLI and a reindex take.
    """
    from bot.store.index_db import build_index
    from bot.usecases.building import build_from_seeds
    from bot.usecases.incremental import read_seeds_incrementally

    gc.collect()
    base = peak_mb()
    load_before = _load_1m()
    index.unlink(missing_ok=True)

    def run() -> dict[str, Any]:
        start = time.perf_counter()
        read = read_seeds_incrementally(folder, {}, {})
        result = read.result
        ingested = time.perf_counter()
        summary = asyncio.run(build_index(result, index, built_at=BUILT_AT, files=read.files))
        stored = time.perf_counter()
        errors = sum(1 for issue in result.issues if issue.level == "error")
        return {
            "articles": len(result.articles),
            "sentences": sum(len(a.sentences) for a in result.articles),
            "quotes": sum(len(a.quotes) for a in result.articles),
            "issues": len(result.issues),
            "errors": errors,
            "ingest_s": ingested - start,
            "store_s": stored - ingested,
            "build_s": stored - start,
            "summary_seconds": summary.seconds,
        }

    def rebuild() -> dict[str, Any]:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".txt")
        changed = files[len(files) // 2]
        with changed.open("a", encoding="utf-8") as handle:
            handle.write("\nA sentence added to one article changes only that article.\n")
        start = time.perf_counter()
        summary = asyncio.run(build_from_seeds(folder, index, built_at=BUILT_AT))
        return {
            "rebuild_s": time.perf_counter() - start,
            "rebuild_read": summary.articles - summary.carried,
            "rebuild_carried": summary.carried,
        }

    stats: dict[str, Any] = _profiled(profile, run)
    stats["build_peak_mb"] = peak_mb()
    stats.update(rebuild())
    stats["base_mb"] = base
    stats["peak_mb"] = peak_mb()
    stats["load_1m"] = [load_before, _load_1m()]
    search = index.with_name(index.name + ".search")
    folder_bytes = sum(p.stat().st_size for p in search.rglob("*") if p.is_file())
    stats["index_mb"] = (index.stat().st_size + folder_bytes) / (1024 * 1024)
    return stats


class _GcWatch:
    """Count the garbage collector's passes and the time they take, per generation."""

    def __init__(self) -> None:
        self.passes = [0, 0, 0]
        self.ms = [0.0, 0.0, 0.0]
        self.paused = False  # while the untimed work between queries runs
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if self.paused:
            return
        if phase == "start":
            self._began = time.perf_counter()
            return
        generation = info.get("generation", 2)
        self.passes[generation] += 1
        self.ms[generation] += (time.perf_counter() - self._began) * 1000

    def __enter__(self) -> _GcWatch:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self)


def _part(profile: Path | None, name: str) -> Path | None:
    """Name the profile file of one part of a phase (`serve-1000.txt` → `serve-1000-fact.txt`)."""
    return None if profile is None else profile.with_name(f"{profile.stem}-{name}.txt")


def child_serve(index: Path, queries: int, profile: Path | None = None) -> dict[str, Any]:
    """Open `index`, build a Searcher, time the query mix; return timings and peak memory.

    Opening is what the bot does (`index_reader.open_index`): metadata and search data in
    memory, the persisted tantivy index opened, passages read on demand.
    """
    from bot.core.search import Searcher
    from bot.store.index_reader import open_index
    from bot.usecases.indexing import AfterAnswers

    mix = query_mix(queries)
    gc.collect()
    base = peak_mb()
    load_before = _load_1m()
    start = time.perf_counter()
    opened = _profiled(_part(profile, "open"), lambda: open_index(index))
    corpus = opened.corpus
    loaded = time.perf_counter()
    searcher: Searcher = _profiled(
        _part(profile, "searcher"), lambda: Searcher(corpus, opened.prepared)
    )
    ready = time.perf_counter()
    with contextlib.suppress(Exception):
        searcher.facts(mix.facts[0])
    first_answer = time.perf_counter()
    loaded_mb = current_mb()
    # What one full collection costs with the corpus in memory, then freeze the corpus out of
    # later collections as the live bot does after each load (bot.usecases.indexing.settle_memory).
    began = time.perf_counter()
    gc.collect()
    full_gc_ms = (time.perf_counter() - began) * 1000
    tracked = len(gc.get_objects())
    gc.freeze()

    calls: dict[str, Callable[[str], object]] = {
        "fact": searcher.facts,
        "quote": searcher.quotes,
        "autocomplete": lambda partial: searcher.autocomplete("fact", partial),
    }
    inputs = {"fact": mix.facts, "quote": mix.quotes, "autocomplete": mix.autocomplete}

    after = AfterAnswers()  # what the live bot does once each answer is delivered, untimed

    def measure(kind: str) -> dict[str, Any]:
        call = calls[kind]
        for text in inputs[kind][:3]:  # warm-up, not timed
            with contextlib.suppress(Exception):
                call(text)
        timings: list[float] = []
        cpu: list[float] = []
        errors: list[str] = []
        with _GcWatch() as watch:
            for text in inputs[kind]:
                began = time.perf_counter()
                began_cpu = time.thread_time()
                try:
                    call(text)
                except Exception as exc:  # the searcher must never raise: count and report it
                    errors.append(f"{text!r}: {type(exc).__name__}: {exc}")
                cpu.append((time.thread_time() - began_cpu) * 1000)
                timings.append((time.perf_counter() - began) * 1000)
                watch.paused = True
                after.answered()
                watch.paused = False
        slowest = sorted(zip(timings, inputs[kind], strict=True), reverse=True)[:3]
        return {
            "n": len(timings),
            "p50_ms": percentile(timings, 50),
            "p99_ms": percentile(timings, 99),
            "cpu_p50_ms": percentile(cpu, 50),
            "cpu_p99_ms": percentile(cpu, 99),
            "max_ms": max(timings, default=0.0),
            "mean_ms": statistics.fmean(timings) if timings else 0.0,
            "errors": errors[:5],
            "error_count": len(errors),
            "slowest": [[round(ms, 2), text[:60]] for ms, text in slowest],
            "gc_passes": watch.passes,
            "gc_ms": [round(ms, 2) for ms in watch.ms],
        }

    results = {kind: _profiled(_part(profile, kind), partial(measure, kind)) for kind in calls}
    began = time.perf_counter()
    gc.collect()
    frozen_gc_ms = (time.perf_counter() - began) * 1000
    return {
        "queries": results,
        "articles": len(corpus.articles),
        "load_s": loaded - start,
        "searcher_s": ready - loaded,
        "ready_s": ready - start,
        "first_answer_s": first_answer - start,
        "base_mb": base,
        "loaded_mb": loaded_mb,
        "peak_mb": peak_mb(),
        "load_1m": [load_before, _load_1m()],
        "full_gc_ms": full_gc_ms,
        "frozen_gc_ms": frozen_gc_ms,
        "gc_tracked_objects": tracked,
    }


def child_main(argv: Sequence[str]) -> int:
    """Entry point of a child process: one phase, one JSON line on stdout."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench")
    parser.add_argument("--child", choices=("build", "serve"), required=True)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERIES)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    if args.child == "build":
        if args.folder is None:
            parser.error("--child build needs --folder")
        stats = child_build(args.folder, args.index, args.profile)
    else:
        stats = child_serve(args.index, args.queries, args.profile)
    sys.stdout.write(json.dumps(stats) + "\n")
    return 0


def _run_child(args: list[str], *, timeout: float) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and return what it printed."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[2])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run(
        [sys.executable, "-m", "bot.bench", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench child {args[:2]} failed ({proc.returncode}):\n{proc.stderr}")
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"bench child {args[:2]} printed no result:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def run_benchmark(
    sizes: Sequence[int],
    *,
    queries: int = DEFAULT_QUERIES,
    workdir: Path | None = None,
    keep: bool = False,
    seed_file: Path = DEFAULT_SEED,
    random_seed: int = 0,
    profile_dir: Path | None = None,
    timeout: float = 3600.0,
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
) -> list[SizeResult]:
    """Generate, build, load and query each corpus size, each phase in a fresh process."""
    base = workdir if workdir is not None else Path(tempfile.mkdtemp(prefix="factbot-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    results: list[SizeResult] = []
    try:
        for size in sizes:
            folder = base / f"corpus-{size}"
            index = base / f"index-{size}.sqlite3"
            if folder.exists():
                shutil.rmtree(folder)
            made += [folder, index]
            began = time.perf_counter()
            generate_corpus(folder, size, seed=seed_file, random_seed=random_seed)
            log(f"[{size}] generated in {time.perf_counter() - began:.1f} s → {folder}")
            build = _run_child(
                ["--child", "build", "--folder", str(folder), "--index", str(index)],
                timeout=timeout,
            )
            log(f"[{size}] built in {build['build_s']:.2f} s, peak {build['peak_mb']:.0f} MB")
            serve = _run_child(
                ["--child", "serve", "--index", str(index), "--queries", str(queries)],
                timeout=timeout,
            )
            log(f"[{size}] served, peak {serve['peak_mb']:.0f} MB")
            results.append(SizeResult(size, build, serve))
            if profile_dir is not None:
                for phase, extra in (
                    ("build", ["--folder", str(folder)]),
                    ("serve", ["--queries", str(queries)]),
                ):
                    target = profile_dir / f"{phase}-{size}.txt"
                    _run_child(
                        ["--child", phase, "--index", str(index), *extra, "--profile", str(target)],
                        timeout=timeout,
                    )
                    shown = target if phase == "build" else target.with_name(f"serve-{size}-*.txt")
                    log(f"[{size}] profile of {phase} → {shown}")
    finally:
        if not keep:
            if workdir is None:
                shutil.rmtree(base, ignore_errors=True)
            else:
                for path in made:
                    if path.is_dir():
                        shutil.rmtree(path, ignore_errors=True)
                    else:
                        path.unlink(missing_ok=True)
    return results
