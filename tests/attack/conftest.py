"""Fixtures for the attack tests: the chat layer's fake Discord, bot and seed index, reused."""

from tests.chat.conftest import (  # noqa: F401
    StartBot,
    fake_discord,
    index_path,
    library,
    no_errors_logged,
    start_bot,
)
