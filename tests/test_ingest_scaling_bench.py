"""`bench --ingest-scaling`: the scaling check itself, with a fake clock (no timing here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.bench.ingest_scaling import (
    MAX_RATIO,
    SHAPES,
    Shape,
    measure,
    read_through_ingest,
    render_scaling,
    run_ingest_scaling,
)
from bot.cli import main


class WorkClock:
    """A clock that advances only by the work the fake ingest says it did."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def fake_ingest(clock: WorkClock, cost: Callable[[int], float]) -> Callable[[Path], None]:
    def ingest(path: Path) -> None:
        clock.now += cost(path.stat().st_size)

    return ingest


@pytest.mark.parametrize(
    ("cost", "flagged"),
    [
        (lambda size: 1e-6 * size, False),  # linear
        (lambda size: 1e-6 * size * max(1.0, size.bit_length() / 10), False),  # n log n
        (lambda size: 1e-9 * size * size, True),  # quadratic
    ],
    ids=["linear", "n-log-n", "quadratic"],
)
def test_growth_per_doubling_flags_super_linear_work(
    tmp_path: Path, cost: Callable[[int], float], flagged: bool
) -> None:
    clock = WorkClock()
    shape = next(s for s in SHAPES if s.name == "paragraph")
    result = measure(
        shape,
        scale=0.05,
        repeats=2,
        folder=tmp_path,
        clock=clock,
        ingest=fake_ingest(clock, cost),
    )
    assert [p.n for p in result.points] == [100, 200, 400]
    assert len(result.ratios) == 2
    assert result.flagged is flagged, (result.growth, result.ratios)
    report = render_scaling([result], {"cores": "2"})
    assert "- cores: 2" in report and f"{result.growth:.2f}" in report
    assert ("super-linear" in report) is flagged
    assert not list(tmp_path.iterdir())  # its files are cleaned up


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.name)
def test_each_input_grows_with_n_and_is_read_as_an_article(tmp_path: Path, shape: Shape) -> None:
    small, large = len(shape.make(1000).encode()), len(shape.make(4000).encode())
    assert 3.5 < large / small < 4.5  # the size doubles with N: the times compare like for like
    path = tmp_path / f"x{shape.suffix}"
    path.write_text(shape.make(50), encoding="utf-8")
    read_through_ingest(path)  # raises if the input was not read into an article


@pytest.mark.parametrize(
    ("cost", "code"),
    [(lambda size: 1e-6 * size, 0), (lambda size: 1e-9 * size * size, 1)],
    ids=["linear-exits-0", "quadratic-exits-1"],
)
def test_the_cli_mode_prints_the_report_and_exits_by_the_verdict(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    cost: Callable[[int], float],
    code: int,
) -> None:
    import bot.bench.ingest_scaling as module

    clock = WorkClock()
    results = run_ingest_scaling(
        SHAPES, scale=0.05, repeats=1, clock=clock, ingest=fake_ingest(clock, cost)
    )
    monkeypatch.setattr(module, "run_ingest_scaling", lambda **_: results)
    assert main(["bench", "--ingest-scaling"]) == code
    out = capsys.readouterr().out
    assert "# Ingest scaling on hostile inputs" in out and "load average at start" in out
    assert all(shape.what in out for shape in SHAPES)
    assert f"above {MAX_RATIO}" in out
