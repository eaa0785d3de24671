"""The clock the Discord layer's scheduled work reads: a protocol, the real one, passed in.

Tests give `FactBot(briefing_clock=...)` a clock they move; nothing else in `bot.chat` reads the
wall clock for scheduling.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Protocol


class Clock(Protocol):
    """Where scheduled work gets the time and how it waits."""

    def now(self) -> datetime:
        """Return the current instant, timezone-aware."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait this many seconds."""
        ...


class SystemClock:
    """The real clock."""

    def now(self) -> datetime:
        """Return the current UTC instant."""
        return datetime.now(UTC)

    async def sleep(self, seconds: float) -> None:
        """Sleep on the event loop."""
        await asyncio.sleep(seconds)
