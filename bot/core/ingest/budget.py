"""A per-file time budget: steps call `Deadline.check()` between pieces of work."""

from __future__ import annotations

from collections.abc import Callable


class TimeBudgetExceeded(Exception):
    """Raised by `Deadline.check` once a file has used up its time."""


class Deadline:
    """A point in time (on a monotonic clock) past which ingesting one file stops."""

    def __init__(
        self, clock: Callable[[], float] | None = None, seconds: float = float("inf")
    ) -> None:
        self._clock = clock
        self._end = clock() + seconds if clock is not None else float("inf")

    def check(self) -> None:
        """Raise `TimeBudgetExceeded` when the time is up."""
        if self._clock is not None and self._clock() > self._end:
            raise TimeBudgetExceeded


NO_DEADLINE = Deadline()
