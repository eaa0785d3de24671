"""Ingest on hostile inputs at N, 2N, 4N…: how time grows per doubling (`bench --ingest-scaling`).

Issue 14 found inputs on which ingest took quadratic time (a Markdown paragraph of thousands of
lines, one sentence with thousands of figures, a line of brackets, thousands of footnotes). Each
shape here is written to a file and read through `read_article` (the path every build takes) at
sizes doubling from its base N; the best of a few runs is kept, in CPU seconds of this process
(ingest is single-threaded; CPU time is far less disturbed by a loaded machine than the wall
clock). Linear work doubles per doubling
(ratio ≈ 2), quadratic work quadruples (≈ 4). A shape whose growth per doubling, taken over the
whole range, passes `MAX_RATIO` is flagged. Timings are figures for a person to read, never a
test: `tests/test_ingest_scaling_bench.py` checks this module with a fake clock.
"""

from __future__ import annotations

import gc
import itertools
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.core.ingest import IngestBudget, read_article

MAX_RATIO = 2.6
"""Growth per doubling above which a shape is flagged (linear: 2; n log n: a little over)."""
REPEATS = 3
DOUBLINGS = 2
UNBOUNDED = IngestBudget(max_bytes=1 << 40, max_seconds=1e9)

Clock = Callable[[], float]
Ingest = Callable[[Path], None]


@dataclass(frozen=True)
class Shape:
    """One hostile input: what it is, its file suffix, its base size, and how to write it."""

    name: str
    what: str
    suffix: str
    base: int
    make: Callable[[int], str]


def long_paragraph(n: int) -> str:
    """A Markdown paragraph of `n` lines, every seventh ending in a hyphen."""
    lines = [
        f"word{i} goes on and on with a hyphen-"
        if i % 7 == 0
        else f"line {i} of a long paragraph that never ends"
        for i in range(n)
    ]
    return "# Title\n\n" + "\n".join(lines) + ".\n"


def many_figures(n: int) -> str:
    """One sentence holding `n` figures."""
    return "# Title\n\nOne sentence with " + ", ".join(f"{i} soldiers" for i in range(n)) + ".\n"


def brackets(n: int) -> str:
    """A sentence, then one line of `n` opening brackets."""
    return "# Title\n\nA sentence before the brackets.\n\n" + "[" * n + "\n"


def footnotes(n: int) -> str:
    """A Markdown file with `n` footnote references and their `n` definitions."""
    refs = " ".join(f"Claim {i}.[^{i}]" for i in range(1, n + 1))
    defs = "\n".join(f"[^{i}]: Note {i}." for i in range(1, n + 1))
    return f"# Title\n\n{refs}\n\n{defs}\n"


def text_lines(n: int) -> str:
    """A plain-text paragraph of `n` lines broken mid-word by hyphens."""
    return "Title\n\n" + "\n".join(f"line {i} of a long para-\ngraph" for i in range(n)) + ".\n"


def short_paragraphs(n: int) -> str:
    """A plain-text story of `n` short paragraphs, each naming and quoting someone else.

    Every one is a pull-quote candidate, and each names a new person.
    """
    paragraphs = [
        f"Member {i} of the panel, Ana Vel{i:04d}, said district {i} had kept its clinic. "
        f"\u201cWe kept it open for {i} days,\u201d Vel{i:04d} said."
        for i in range(n)
    ]
    return "Title of the story\n\n" + "\n\n".join(paragraphs) + "\n"


_FORMULAS = (
    "And that is what they told them when they came",
    "That was what they said about them when they were here",
    "They have said that this will come after that",
    "This is what they were told when they came back",
    "Then they said that they would come with them",
)


def formula_lines(n: int) -> str:
    """A text of `n` one-sentence paragraphs made of the same few formulas, all common words.

    Every paragraph is a pull-quote candidate, none has a rare word to narrow the search by,
    and none repeats another (each names its own page).
    """
    lines = [f"{_FORMULAS[i % len(_FORMULAS)]}, on page {i}." for i in range(n)]
    return "Record of the hearing\n\n" + "\n\n".join(lines) + "\n"


SHAPES: tuple[Shape, ...] = (
    Shape("paragraph", "Markdown paragraph of N lines", ".md", 2_000, long_paragraph),
    Shape("figures", "one sentence with N figures", ".md", 2_000, many_figures),
    Shape("brackets", "a line of N brackets", ".md", 20_000, brackets),
    Shape("footnotes", "Markdown file with N footnotes", ".md", 1_000, footnotes),
    Shape("text-lines", "plain-text paragraph of N hyphen-broken lines", ".txt", 2_000, text_lines),
    Shape(
        "short-paragraphs",
        "plain text of N short quoting paragraphs",
        ".txt",
        250,
        short_paragraphs,
    ),
    Shape(
        "formula-lines", "plain text of N formula lines, no rare word", ".txt", 250, formula_lines
    ),
)


@dataclass(frozen=True)
class Point:
    """One size of one shape: N, the file's bytes, and the best time of the runs."""

    n: int
    size: int
    seconds: float


@dataclass(frozen=True)
class Scaling:
    """How one shape's ingest time grew over its doublings."""

    shape: Shape
    points: tuple[Point, ...]

    @property
    def ratios(self) -> tuple[float, ...]:
        """Time at 2N over time at N, for each doubling."""
        pairs = itertools.pairwise(self.points)
        return tuple(b.seconds / max(a.seconds, 1e-9) for a, b in pairs)

    @property
    def growth(self) -> float:
        """Growth per doubling over the whole range (geometric mean of the ratios)."""
        first, last = self.points[0], self.points[-1]
        doublings = len(self.points) - 1
        ratio = last.seconds / max(first.seconds, 1e-9)
        return float(ratio ** (1 / max(doublings, 1)))

    @property
    def flagged(self) -> bool:
        """Whether the growth suggests worse than linear (n log n at most passes)."""
        return self.growth > MAX_RATIO


def read_through_ingest(path: Path) -> None:
    """Read one file the way a build does (the budget lifted, so nothing is cut short)."""
    article, issues = read_article(path, UNBOUNDED)
    if article is None:
        raise RuntimeError(f"{path.name} was not read: {[i.message for i in issues]}")
    del issues


def measure(
    shape: Shape,
    *,
    scale: float = 1.0,
    doublings: int = DOUBLINGS,
    repeats: int = REPEATS,
    folder: Path,
    clock: Clock = time.process_time,
    ingest: Ingest = read_through_ingest,
) -> Scaling:
    """Time `shape` at N, 2N, … (`doublings` times), N its base times `scale`; best of `repeats`."""
    base = max(1, round(shape.base * scale))
    points = []
    for step in range(doublings + 1):
        n = base * 2**step
        path = folder / f"{shape.name}-{n}{shape.suffix}"
        path.write_text(shape.make(n), encoding="utf-8")
        best = float("inf")
        for _ in range(repeats):
            enabled = gc.isenabled()
            gc.disable()  # as timeit does: a collection's cost depends on the whole heap
            try:
                started = clock()
                ingest(path)
                best = min(best, clock() - started)
            finally:
                if enabled:
                    gc.enable()
        points.append(Point(n, path.stat().st_size, best))
        path.unlink()
    return Scaling(shape, tuple(points))


def run_ingest_scaling(
    shapes: Sequence[Shape] = SHAPES,
    *,
    scale: float = 1.0,
    doublings: int = DOUBLINGS,
    repeats: int = REPEATS,
    clock: Clock = time.process_time,
    ingest: Ingest = read_through_ingest,
) -> list[Scaling]:
    """Measure every shape (in a temporary folder)."""
    with tempfile.TemporaryDirectory(prefix="factbot-ingest-scaling-") as tmp:
        return [
            measure(
                shape,
                scale=scale,
                doublings=doublings,
                repeats=repeats,
                folder=Path(tmp),
                clock=clock,
                ingest=ingest,
            )
            for shape in shapes
        ]


def render_scaling(results: Sequence[Scaling], machine: dict[str, str]) -> str:
    """A Markdown report: the machine, then per shape the times, each doubling's ratio, a flag."""
    lines = ["# Ingest scaling on hostile inputs", ""]
    lines += [f"- {key}: {value}" for key, value in machine.items()]
    lines += [
        f"- flag: growth per doubling above {MAX_RATIO} (linear ≈ 2, quadratic ≈ 4)",
        "",
        "| input | N | bytes | CPU s | × per doubling |",
        "|---|---|---|---|---|",
    ]
    for result in results:
        ratios = ("", *(f"{r:.2f}" for r in result.ratios))
        for point, ratio in zip(result.points, ratios, strict=True):
            lines.append(
                f"| {result.shape.what} | {point.n:,} | {point.size:,} | {point.seconds:.3f} "
                f"| {ratio} |"
            )
    lines += ["", "| input | growth per doubling | verdict |", "|---|---|---|"]
    for result in results:
        verdict = "**super-linear?**" if result.flagged else "linear"
        lines.append(f"| {result.shape.what} | {result.growth:.2f} | {verdict} |")
    return "\n".join(lines)
