"""`python -m bot bench-users`: concurrent users against one library (prints figures)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.commands.contract import SEED_NAME, CliCommand, positive_list
from bot.settings import Settings


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--users",
        type=positive_list("user counts", "10,40,200"),
        default=[10, 40, 200],
        help="users per wave",
    )
    parser.add_argument(
        "--articles", type=int, default=300, help="synthetic articles when no --index"
    )
    parser.add_argument("--index", type=Path, help="use this index instead of a synthetic one")
    parser.add_argument(
        "--extra-cpu-ms",
        type=float,
        default=0.0,
        help="make each search this much slower in pure Python (stands in for a huge library)",
    )
    parser.add_argument(
        "--mode", choices=("threads", "slots"), action="append", help="only these modes"
    )


def bench_users(args: argparse.Namespace, settings: Settings) -> int:
    """Run waves of simultaneous searches and print a Markdown table."""
    from bot.bench.users import MODES, run_users_bench

    print(
        run_users_bench(
            index=args.index,
            articles=args.articles,
            users=args.users,
            modes=tuple(args.mode or MODES),
            seed=settings.seeds_dir / SEED_NAME,
            extra_cpu=args.extra_cpu_ms / 1000,
        )
    )
    return 0


USERS_BENCH = CliCommand(
    "bench-users",
    "Benchmark concurrent users: first response and loop lag",
    _arguments,
    bench_users,
)
