"""A fake Discord (gateway + REST on 127.0.0.1) that the real discord.py client runs against.

Use the fixtures in `tests.fakediscord.fixtures` (import them into a conftest), or build a
`FakeDiscord` yourself. See `server.py` for how to inject interactions and read responses.
"""

from tests.fakediscord.server import Callback, FakeChannel, FakeDiscord, FakeInteraction, FakeUser
from tests.fakediscord.session import running

__all__ = ["Callback", "FakeChannel", "FakeDiscord", "FakeInteraction", "FakeUser", "running"]
