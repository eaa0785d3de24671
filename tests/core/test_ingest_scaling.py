"""Ingest is linear in input size: a benchmark-style check of n against 4n, never a wall clock.

Each hostile shape (a paragraph of many lines, one sentence with many figures, a line of
brackets, many footnotes) is ingested at size n and 4n; linear work takes about 4 times as
long, quadratic work 16 times. The time is this thread's CPU time, so other processes on a
busy machine do not count; the bound (8) is generous and the best of two runs is taken so that
what noise is left does not fail it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for

MAX_RATIO = 8.0


def ingest_seconds(text: str, suffix: str) -> float:
    best = float("inf")
    data = text.encode("utf-8")
    for _ in range(2):
        start = time.thread_time()
        reader = reader_for(suffix, data[:4096])
        assert reader is not None
        document, _ = reader.read(data, f"seeds/x{suffix}")
        assert document is not None
        build_article("x", f"seeds/x{suffix}", document, {})
        best = min(best, time.thread_time() - start)
    return best


def long_paragraph(n: int) -> str:
    lines = [
        f"word{i} goes on and on with a hyphen-"
        if i % 7 == 0
        else f"line {i} of a long paragraph that never ends"
        for i in range(n)
    ]
    return "# Title\n\n" + "\n".join(lines) + ".\n"


def many_figures(n: int) -> str:
    return "# Title\n\nOne sentence with " + ", ".join(f"{i} soldiers" for i in range(n)) + ".\n"


def brackets(n: int) -> str:
    return "# Title\n\n" + "[" * n + "\n"


def footnotes(n: int) -> str:
    refs = " ".join(f"Claim {i}.[^{i}]" for i in range(1, n + 1))
    defs = "\n".join(f"[^{i}]: Note {i}." for i in range(1, n + 1))
    return f"# Title\n\n{refs}\n\n{defs}\n"


def text_lines(n: int) -> str:
    return "Title\n\n" + "\n".join(f"line {i} of a long para-\ngraph" for i in range(n)) + ".\n"


@pytest.mark.parametrize(
    ("shape", "n", "suffix"),
    [
        (long_paragraph, 600, ".md"),
        (many_figures, 1500, ".md"),
        (brackets, 5000, ".md"),
        (footnotes, 250, ".md"),
        (text_lines, 600, ".txt"),
    ],
)
def test_ingest_time_grows_linearly(shape: Callable[[int], str], n: int, suffix: str) -> None:
    small = ingest_seconds(shape(n), suffix)
    large = ingest_seconds(shape(4 * n), suffix)
    assert large / max(small, 1e-4) < MAX_RATIO, (
        f"{shape.__name__}: {small:.3f} s at n={n}, {large:.3f} s at 4n"
    )
