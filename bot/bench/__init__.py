"""The speed and memory benchmark behind `python -m bot bench` (see `docs/benchmarks.md`).

`corpus` generates the synthetic articles, `measurement` runs each phase in a child process,
`report` renders the figures and checks the targets.
"""

from bot.bench.corpus import DEFAULT_SEED, generate_corpus, parse_seed
from bot.bench.measurement import query_mix, run_benchmark
from bot.bench.report import machine_info, render_report

__all__ = [
    "DEFAULT_SEED",
    "generate_corpus",
    "machine_info",
    "parse_seed",
    "query_mix",
    "render_report",
    "run_benchmark",
]
