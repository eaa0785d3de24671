"""`python -m bot bench`: build, load and query timings on synthetic corpora (prints figures)."""

from __future__ import annotations

import argparse
from pathlib import Path

from bot.commands.contract import SEED_NAME, CliCommand, positive_list
from bot.settings import Settings


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sizes",
        type=positive_list("sizes", "1,100,1000"),
        default=[1, 100, 1000],
        help="corpus sizes (default 1,100,1000)",
    )
    parser.add_argument(
        "--queries", type=_positive, default=200, help="queries per kind: fact, quote, autocomplete"
    )
    parser.add_argument("--workdir", type=Path, help="where corpora and indexes go (default: tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and indexes")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the generator")
    parser.add_argument("--seed-file", type=Path, help=f"seed article (default seeds/{SEED_NAME})")
    parser.add_argument(
        "--profile", type=Path, metavar="DIR", help="also run each phase under cProfile into DIR"
    )
    parser.add_argument(
        "--ingest-scaling",
        action="store_true",
        help="instead: time ingest of hostile inputs at N, 2N, 4N; exit 1 if any grows "
        "faster than linear",
    )
    parser.add_argument(
        "--scale", type=float, default=1.0, help="with --ingest-scaling: multiply each base N"
    )


def bench(args: argparse.Namespace, settings: Settings) -> int:
    """Run the benchmark and print a Markdown report."""
    from bot.bench import machine_info, render_report, run_benchmark

    machine = machine_info()
    if args.ingest_scaling:
        from bot.bench.ingest_scaling import render_scaling, run_ingest_scaling

        scaling = run_ingest_scaling(scale=args.scale)
        print(render_scaling(scaling, machine))
        return 1 if any(result.flagged for result in scaling) else 0
    seed_file: Path = args.seed_file or settings.seeds_dir / SEED_NAME
    results = run_benchmark(
        args.sizes,
        queries=args.queries,
        workdir=args.workdir,
        keep=args.keep,
        seed_file=seed_file,
        random_seed=args.seed,
        profile_dir=args.profile,
    )
    print(render_report(results, machine))
    return 0


BENCH = CliCommand(
    "bench", "Benchmark build, load and query times on synthetic corpora", _arguments, bench
)
