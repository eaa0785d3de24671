"""Pytest fixtures for the fake Discord; import them into a conftest.py.

    from tests.fakediscord.fixtures import fake_discord  # noqa: F401

`fake_discord` serves a fresh fake on a random 127.0.0.1 port, points discord.py at it for the
test, restores discord.py's URLs after, and fails the test if the bot broke a Discord limit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakediscord.server import FakeDiscord


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A running fake Discord, discord.py patched to use it; fails on any limit violation."""
    fake = FakeDiscord()
    await fake.start()
    try:
        with fake.patch_discord():
            yield fake
    finally:
        await fake.stop()
    fake.assert_clean()
