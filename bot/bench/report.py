"""The benchmark's report: machine facts, the tables, and the targets checked at full size."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# ---------------------------------------------------------------------------------------------
# The run and its report
# ---------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    """Build and serving figures for one corpus size."""

    size: int
    build: dict[str, Any]
    serve: dict[str, Any]


@dataclass(frozen=True)
class Targets:
    """The budget the benchmark checks at its largest size."""

    query_p99_ms: float = 10.0
    autocomplete_p99_ms: float = 5.0
    build_s: float = 180.0
    peak_mb: float = 300.0  # serving


def machine_info() -> dict[str, str]:
    """CPU, cores, memory, Python and date of the machine running the benchmark."""
    import platform
    from datetime import UTC, datetime

    cpu = "unknown"
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / (1024 * 1024):.1f} GiB"
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average at start": " ".join(f"{x:.2f}" for x in load),
    }


def _ms(stats: dict[str, Any], kind: str) -> str:
    entry = stats["queries"][kind]
    return f"{entry['p50_ms']:.2f} / {entry['p99_ms']:.2f}"


def _rebuild(build: dict[str, Any]) -> str:
    if "rebuild_s" not in build:
        return "–"
    return f"{build['rebuild_s']:.2f} ({build['rebuild_read']})"


def render_table(results: Sequence[SizeResult]) -> str:
    """Render the results as a Markdown table, one row per corpus size."""
    header = (
        "| articles | sentences | build s (ingest + store) | build peak MB | rebuild after one "
        "change s (files read) | load s (load + searcher) | start-up to first answer s | "
        "serving peak MB | fact p50 / p99 ms | quote p50 / p99 ms | "
        "autocomplete p50 / p99 ms | query errors |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    rows = [header]
    for r in results:
        b, s = r.build, r.serve
        errors = sum(s["queries"][k]["error_count"] for k in ("fact", "quote", "autocomplete"))
        rows.append(
            f"| {b['articles']:,} | {b['sentences']:,} | {b['build_s']:.2f} "
            f"({b['ingest_s']:.2f} + {b['store_s']:.2f}) | "
            f"{b.get('build_peak_mb', b['peak_mb']):.0f} | "
            f"{_rebuild(b)} | "
            f"{s['ready_s']:.2f} ({s['load_s']:.2f} + {s['searcher_s']:.2f}) | "
            f"{s.get('first_answer_s', s['ready_s']):.2f} | "
            f"{s['peak_mb']:.0f} | {_ms(s, 'fact')} | {_ms(s, 'quote')} | "
            f"{_ms(s, 'autocomplete')} | {errors} |"
        )
    return "\n".join(rows)


def render_cpu_table(results: Sequence[SizeResult]) -> str:
    """Render CPU time per query and the machine's load while each size ran.

    Wall-clock latency is what a user sees; CPU time (this thread only) is what the code costs,
    whatever else the machine is doing. A wide gap between the two means a busy machine.
    """
    rows = [
        "| articles | fact CPU p50 / p99 ms | quote CPU p50 / p99 ms | autocomplete CPU p50 / p99 "
        "ms | load (1 min) build, serve |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        q = r.serve["queries"]
        cells = [
            f"{q[k].get('cpu_p50_ms', 0.0):.2f} / {q[k].get('cpu_p99_ms', 0.0):.2f}"
            for k in ("fact", "quote", "autocomplete")
        ]
        load = f"{max(r.build.get('load_1m', [0.0])):.2f}, {max(r.serve.get('load_1m', [0.0])):.2f}"
        rows.append(f"| {r.build['articles']:,} | {' | '.join(cells)} | {load} |")
    return "\n".join(rows)


def check_targets(result: SizeResult, targets: Targets = Targets()) -> list[tuple[str, bool]]:
    """Each target with whether `result` meets it."""
    q = result.serve["queries"]
    # the issue's budget is the serving bot's memory; the build's peak is its own table column
    peak = result.serve["peak_mb"]
    return [
        (f"fact p99 {q['fact']['p99_ms']:.2f} ms < {targets.query_p99_ms:g} ms",
         q["fact"]["p99_ms"] < targets.query_p99_ms),
        (f"quote p99 {q['quote']['p99_ms']:.2f} ms < {targets.query_p99_ms:g} ms",
         q["quote"]["p99_ms"] < targets.query_p99_ms),
        (f"autocomplete p99 {q['autocomplete']['p99_ms']:.2f} ms "
         f"< {targets.autocomplete_p99_ms:g} ms",
         q["autocomplete"]["p99_ms"] < targets.autocomplete_p99_ms),
        (f"build {result.build['build_s']:.1f} s < {targets.build_s:g} s",
         result.build["build_s"] < targets.build_s),
        (f"serving peak memory {peak:.0f} MB < {targets.peak_mb:g} MB", peak < targets.peak_mb),
    ]  # fmt: skip


def render_report(results: Sequence[SizeResult], machine: dict[str, str]) -> str:
    """Render the report: machine, table, targets at the largest size, slowest queries."""
    lines = [
        "Machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()),
        "",
        render_table(results),
        "",
        render_cpu_table(results),
    ]
    if results:
        largest = max(results, key=lambda r: r.size)
        lines += ["", f"Targets at {largest.build['articles']:,} articles:"]
        lines += [f"- {'ok  ' if ok else 'MISS'} {text}" for text, ok in check_targets(largest)]
        lines += ["", f"Slowest queries at {largest.build['articles']:,} articles:"]
        for kind in ("fact", "quote", "autocomplete"):
            entry = largest.serve["queries"][kind]
            slow = "; ".join(f"{ms} ms {text!r}" for ms, text in entry["slowest"])
            lines.append(f"- {kind}: {slow}")
            if "gc_passes" in entry:
                lines.append(
                    f"  - garbage collection during the {entry['n']} queries: passes per "
                    f"generation {entry['gc_passes']}, ms {entry['gc_ms']}"
                )
            lines += [f"  - error: {error}" for error in entry["errors"]]
        if "full_gc_ms" in largest.serve:
            lines.append(
                f"- a full garbage collection with the index loaded takes "
                f"{largest.serve['full_gc_ms']:.0f} ms ({largest.serve['gc_tracked_objects']:,} "
                f"tracked objects); {largest.serve.get('frozen_gc_ms', 0.0):.1f} ms once the "
                "index is frozen out of collections (gc.freeze, as the live bot does after each "
                "load; the queries above ran frozen)"
            )
        issues = [f"{r.build['articles']:,}: {r.build['issues']}" for r in results]
        lines += ["", "Ingest issues per size (warnings + errors): " + ", ".join(issues)]
    return "\n".join(lines)
