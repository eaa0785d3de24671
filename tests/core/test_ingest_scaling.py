"""Ingest work is linear in input size: counted, never timed (issue 14).

Each hostile input of `bot.bench.ingest_scaling` (a paragraph of many lines, one sentence with
many figures, a line of brackets, many footnotes, many short quoting paragraphs, many formula
turns of common words) is ingested
at size n and 4n while counting the work done: every Python and C function call, plus every
character handed to a regular expression of the core modules (so a search over the whole
growing text, once per line, counts quadratically although it is one call each time). Linear
work counts about 4 times as much at 4n, quadratic 16. The counts do not depend on the machine
or its load, so the bound can be tight. What counting cannot see (backtracking inside one
regular expression call) is held by the timed benchmark, `python -m bot bench
--ingest-scaling`, which prints and flags; the code before the linear-time fixes fails four of
the first five cases (the brackets one only the bench), the pull-quote check without its
rare-word narrowing fails the sixth, and without its cap on lines no rare word narrows, the
seventh.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

import pytest

from bot.bench.ingest_scaling import SHAPES, Shape
from bot.core.ingest.article import build_article
from bot.core.ingest.formats import reader_for

MAX_RATIO = 5.5
"""Work at 4n over work at n: linear is about 4 (n log n a little more), quadratic 16."""
SIZES = {
    "paragraph": 150,
    "figures": 300,
    "brackets": 1000,
    "footnotes": 60,
    "text-lines": 150,
    "short-paragraphs": 40,
    "formula-lines": 120,
}
_SCANS = frozenset({"search", "match", "fullmatch", "finditer", "findall", "split", "sub", "subn"})


class Work:
    """A count of work: calls, and characters given to regular expressions."""

    def __init__(self) -> None:
        self.units = 0


class CountingPattern:
    """A compiled pattern that adds the characters each scan is given to a `Work`."""

    def __init__(self, real: re.Pattern[str], work: Work) -> None:
        self._real = real
        self._work = work

    def __getattr__(self, name: str) -> Any:
        attr = getattr(self._real, name)
        if name not in _SCANS:
            return attr

        def counted(*args: Any, **kwargs: Any) -> Any:
            if name in ("sub", "subn"):
                text, pos = (args[1] if len(args) > 1 else kwargs.get("string", "")), 0
            else:
                text = args[0] if args else kwargs.get("string", "")
                pos = args[1] if len(args) > 1 else kwargs.get("pos", 0)
            self._work.units += max(0, len(text) - pos)
            return attr(*args, **kwargs)

        return counted


@contextmanager
def counting(work: Work) -> Iterator[None]:
    """Count calls (profiling hook) and regex characters (core modules' patterns) meanwhile."""
    swapped = []
    for name, module in list(sys.modules.items()):
        if name.startswith("bot.core"):
            for attr, value in list(vars(module).items()):
                if isinstance(value, re.Pattern):
                    setattr(module, attr, CountingPattern(value, work))
                    swapped.append((module, attr, value))

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event in ("call", "c_call"):
            work.units += 1

    sys.setprofile(profile)
    try:
        yield
    finally:
        sys.setprofile(None)
        for module, attr, value in swapped:
            setattr(module, attr, value)


def ingest_work(text: str, suffix: str) -> int:
    """The work of reading `text` as a `suffix` file and building its article."""
    data = text.encode("utf-8")
    reader = reader_for(suffix, data[:4096])
    assert reader is not None
    work = Work()
    with counting(work):
        document, _ = reader.read(data, f"seeds/x{suffix}")
        assert document is not None
        build_article("x", f"seeds/x{suffix}", document, {})
    return work.units


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_ingest_work_grows_linearly(shape: Shape) -> None:
    n = SIZES[shape.name]
    small = ingest_work(shape.make(n), shape.suffix)
    large = ingest_work(shape.make(4 * n), shape.suffix)
    assert large / small < MAX_RATIO, f"{shape.name}: work {small:,} at n={n}, {large:,} at 4n"


def test_the_count_sees_a_quadratic_scan() -> None:
    """The counter itself: a search over the whole growing text, once per line, is caught."""
    from bot.core.ingest import page_breaks

    def quadratic(lines: int) -> Callable[[], None]:
        def run() -> None:
            text = ""
            for i in range(lines):
                text += f"line {i} and more\n"
                page_breaks._HYPHEN_END.search(text)

        return run

    counts = []
    for lines in (100, 400):
        work = Work()
        with counting(work):
            quadratic(lines)()
        counts.append(work.units)
    assert counts[1] / counts[0] > 10
