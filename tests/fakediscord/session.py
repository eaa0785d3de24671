"""Run a discord.py client against the fake for the length of an `async with` block.

Must never leave the client's task running after the block, even when the test fails.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TypeVar

import discord

from tests.fakediscord.server import FakeDiscord

ClientT = TypeVar("ClientT", bound=discord.Client)


@contextlib.asynccontextmanager
async def running(
    client: ClientT, fake: FakeDiscord, *, timeout: float = 10.0
) -> AsyncIterator[ClientT]:
    """Start `client` against `fake` (login, setup_hook, gateway), wait for READY, then close."""
    task = asyncio.create_task(client.start(fake.token), name="fake-discord-client")
    try:
        ready = asyncio.create_task(client.wait_until_ready())
        done, _ = await asyncio.wait(
            {task, ready}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
        )
        if task in done:
            ready.cancel()
            task.result()  # raises the startup error
            raise RuntimeError("the client stopped before it was ready")
        if ready not in done:
            ready.cancel()
            raise TimeoutError("the client did not become ready against the fake Discord")
        await fake.wait_ready(timeout)
        yield client
    finally:
        await client.close()
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await asyncio.wait_for(task, timeout)
