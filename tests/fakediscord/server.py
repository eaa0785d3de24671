"""A fake Discord for tests: gateway websocket and the REST routes discord.py uses, on 127.0.0.1.

The real discord.py client connects to it as it would to Discord (patch `Route.BASE` and the
gateway URL with `FakeDiscord.patch_discord`). Tests inject interactions the way Discord sends them
(slash commands, autocomplete, button clicks) and read back what the bot answered. Every payload
the bot sends is checked against Discord's documented limits; problems land in `violations`.

This module must never talk to the real Discord or anything beyond 127.0.0.1, and must never
silently accept a request it does not understand: unknown routes are recorded as violations.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import secrets
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import discord.gateway
import discord.http
from aiohttp import WSMsgType, web

from tests.fakediscord import limits

DISCORD_EPOCH_MS = 1420070400000
API_PATH = "/api/v10"
HEARTBEAT_MS = 41250
RESPONSE_DEADLINE = 3.0
EPHEMERAL = 64
LOADING = 128

# Interaction types and callback types, as Discord numbers them.
APPLICATION_COMMAND = 2
MESSAGE_COMPONENT = 3
AUTOCOMPLETE = 4
CHANNEL_MESSAGE = 4
DEFERRED_CHANNEL_MESSAGE = 5
DEFERRED_UPDATE_MESSAGE = 6
UPDATE_MESSAGE = 7
AUTOCOMPLETE_RESULT = 8
ALLOWED_CALLBACKS = {
    APPLICATION_COMMAND: {CHANNEL_MESSAGE, DEFERRED_CHANNEL_MESSAGE, 9},
    MESSAGE_COMPONENT: {
        CHANNEL_MESSAGE,
        DEFERRED_CHANNEL_MESSAGE,
        DEFERRED_UPDATE_MESSAGE,
        UPDATE_MESSAGE,
        9,
    },
    AUTOCOMPLETE: {AUTOCOMPLETE_RESULT},
}
ALL_PERMISSIONS = (1 << 53) - 1
MEMBER_PERMISSIONS = 0x0000_0000_0006_4C40  # view, send, embed, attach, history, use commands


def _json(payload: Any, *, status: int = 200) -> web.Response:
    """A JSON reply with the exact content type discord.py checks for (no charset suffix)."""
    return web.Response(
        body=json.dumps(payload).encode(), status=status, content_type="application/json"
    )


json_response = _json  # public name for subclasses that add routes


def _now_iso() -> str:
    return datetime.now(UTC).isoformat()


@dataclass
class FakeUser:
    """A Discord user (and, inside the fake's guild, a member with some permissions)."""

    id: int
    username: str
    bot: bool = False
    permissions: int = MEMBER_PERMISSIONS
    roles: list[int] = field(default_factory=list)

    def payload(self) -> dict[str, Any]:
        """The user object as Discord sends it."""
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.username,
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
            "flags": 0,
        }

    def member(self) -> dict[str, Any]:
        """The guild member object, with resolved permissions as interactions carry them."""
        return {
            "user": self.payload(),
            "roles": [str(r) for r in self.roles],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "permissions": str(self.permissions),
        }


@dataclass
class FakeChannel:
    """A guild text channel; `forbidden` makes sending to it fail with 403 Missing Permissions."""

    id: int
    name: str
    guild_id: int
    forbidden: bool = False

    def payload(self) -> dict[str, Any]:
        """The channel object as Discord sends it."""
        return {
            "id": str(self.id),
            "type": 0,
            "name": self.name,
            "guild_id": str(self.guild_id),
            "position": 0,
            "permission_overwrites": [],
            "topic": None,
            "nsfw": False,
            "parent_id": None,
            "rate_limit_per_user": 0,
            "last_message_id": None,
        }


@dataclass
class Callback:
    """One interaction callback the bot made: its type, data and how long after the event."""

    type: int
    data: dict[str, Any]
    latency: float
    status: int


@dataclass
class InjectedError:
    """A REST failure to answer the next `times` requests matching method and path prefix."""

    method: str
    path: str
    status: int
    code: int
    message: str
    times: int


class FakeInteraction:
    """An interaction the fake dispatched, and everything the bot answered to it."""

    def __init__(self, fake: FakeDiscord, payload: dict[str, Any]) -> None:
        self.fake = fake
        self.payload = payload
        self.id = int(payload["id"])
        self.token: str = payload["token"]
        self.type: int = payload["type"]
        self.user_id = int(payload["member"]["user"]["id"])
        self.sent_at = time.monotonic()
        self.callbacks: list[Callback] = []
        self.edits: list[dict[str, Any]] = []
        self.followups: list[dict[str, Any]] = []
        self.message_id: int | None = None  # the message the response created or updated
        self._responded = asyncio.Event()
        self._settled = asyncio.Event()

    @property
    def callback(self) -> Callback:
        """The first (and only valid) callback; fails if the bot has not answered yet."""
        assert self.callbacks, "the bot has not answered this interaction"
        return self.callbacks[0]

    @property
    def latency(self) -> float:
        """Seconds from dispatch to the initial response."""
        return self.callback.latency

    @property
    def ephemeral(self) -> bool:
        """Whether the response is visible only to the user who interacted."""
        message = self.message
        return bool(message and int(message.get("flags", 0)) & EPHEMERAL)

    @property
    def message(self) -> dict[str, Any] | None:
        """The message the response created or updated, as it stands now."""
        if self.message_id is None:
            return None
        return self.fake.messages.get(self.message_id)

    @property
    def choices(self) -> list[dict[str, Any]]:
        """The autocomplete choices the bot returned."""
        assert self.callback.type == AUTOCOMPLETE_RESULT, self.callback
        return list(self.callback.data.get("choices", []))

    @property
    def embeds(self) -> list[dict[str, Any]]:
        """The embeds of the response message, as it stands now."""
        message = self.message
        return list(message.get("embeds", [])) if message else []

    @property
    def content(self) -> str:
        """The content of the response message."""
        message = self.message
        return (message.get("content") or "") if message else ""

    @property
    def custom_ids(self) -> list[str]:
        """The custom ids of every button under the response message."""
        message = self.message or {}
        return [
            item["custom_id"]
            for row in message.get("components", [])
            for item in row.get("components", [])
            if "custom_id" in item
        ]

    def button(self, label_part: str) -> dict[str, Any]:
        """The first button whose label contains `label_part` (case-insensitive)."""
        message = self.message or {}
        for row in message.get("components", []):
            for item in row.get("components", []):
                if label_part.lower() in (item.get("label") or "").lower():
                    return dict(item)
        raise AssertionError(f"no button labelled {label_part!r} in {message.get('components')}")

    async def response(self, timeout: float = 5.0) -> Callback:
        """Wait for the initial response and return it."""
        await asyncio.wait_for(self._responded.wait(), timeout)
        return self.callback

    async def done(self, timeout: float = 5.0) -> FakeInteraction:
        """Wait until the response is complete: answered, and any deferral followed by an edit."""
        await asyncio.wait_for(self._settled.wait(), timeout)
        await asyncio.sleep(0)  # let the client finish processing the HTTP reply
        return self

    def _record_callback(self, callback: Callback) -> None:
        self.callbacks.append(callback)
        self._responded.set()
        if callback.type not in (DEFERRED_CHANNEL_MESSAGE, DEFERRED_UPDATE_MESSAGE):
            self._settled.set()

    def _record_edit(self, data: dict[str, Any]) -> None:
        self.edits.append(data)
        self._settled.set()

    def _record_followup(self, data: dict[str, Any]) -> None:
        self.followups.append(data)
        self._settled.set()


class _Connection:
    """One gateway websocket connection with the compression the client asked for."""

    def __init__(self, ws: web.WebSocketResponse, compress: str | None) -> None:
        self.ws = ws
        self.compressor = zlib.compressobj() if compress == "zlib-stream" else None
        self.session_id: str | None = None
        self.seq = 0
        self.lock = asyncio.Lock()

    async def send(self, payload: dict[str, Any]) -> None:
        text = json.dumps(payload, separators=(",", ":"))
        async with self.lock:
            if self.compressor is None:
                await self.ws.send_str(text)
            else:
                data = self.compressor.compress(text.encode()) + self.compressor.flush(
                    zlib.Z_SYNC_FLUSH
                )
                await self.ws.send_bytes(data)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        self.seq += 1
        await self.send({"op": 0, "t": event, "s": self.seq, "d": data})


class FakeDiscord:
    """The fake: start it, point discord.py at it, inject interactions, read what the bot sent."""

    def __init__(self, *, app_id: int = 900000000000000001, guild_id: int = 900000000000000100):
        self._ids = itertools.count(1)
        self.app_id = app_id
        self.bot_user = FakeUser(id=app_id, username="Factbot", bot=True)
        self.owner = FakeUser(id=self.snowflake(), username="owner", permissions=ALL_PERMISSIONS)
        self.guild_id = guild_id
        self.users: dict[str, FakeUser] = {}
        self.channels: dict[int, FakeChannel] = {}
        self.roles: dict[int, str] = {guild_id: "@everyone"}
        self.alice = self.add_user("alice")
        self.bob = self.add_user("bob")
        self.admin = self.add_user("admin", permissions=ALL_PERMISSIONS)
        self.channel = self.add_channel("general")
        self.global_commands: list[dict[str, Any]] = []
        self.guild_commands: dict[int, list[dict[str, Any]]] = {}
        self.command_syncs: list[tuple[int | None, list[dict[str, Any]]]] = []
        self.messages: dict[int, dict[str, Any]] = {}
        self.channel_messages: list[dict[str, Any]] = []
        self.interactions: dict[int, FakeInteraction] = {}
        self.violations: list[str] = []
        self.unhandled: list[str] = []
        self.identify_payloads: list[dict[str, Any]] = []
        self.resumes: list[dict[str, Any]] = []
        self.gateway_queries: list[dict[str, str]] = []
        self.token = "fake-token"
        self.injected: list[InjectedError] = []
        self._connection: _Connection | None = None
        self._sessions: set[str] = set()
        self._ready = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.base_url = ""

    # ----------------------------------------------------------------- setup and lifecycle

    def snowflake(self) -> int:
        """A fresh, time-based snowflake id."""
        ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
        return (ms << 22) | (next(self._ids) & 0x3FFFFF)

    def add_user(self, name: str, *, permissions: int = MEMBER_PERMISSIONS) -> FakeUser:
        """A guild member the tests can act as."""
        user = FakeUser(id=self.snowflake(), username=name, permissions=permissions)
        self.users[name] = user
        return user

    def add_channel(self, name: str, *, forbidden: bool = False) -> FakeChannel:
        """A text channel in the guild; `forbidden` makes posting to it answer 403."""
        channel = FakeChannel(
            id=self.snowflake(), name=name, guild_id=self.guild_id, forbidden=forbidden
        )
        self.channels[channel.id] = channel
        return channel

    async def start(self) -> str:
        """Serve on 127.0.0.1 at a random port; return the base URL."""
        app = web.Application()
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PATH + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        port = server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}"
        return self.base_url

    async def stop(self) -> None:
        """Close every connection and stop serving."""
        if self._connection is not None:
            with contextlib.suppress(Exception):
                await self._connection.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        """What `discord.http.Route.BASE` must be set to."""
        return self.base_url + API_PATH

    @property
    def gateway_url(self) -> str:
        """The websocket URL the client connects to."""
        return self.base_url.replace("http://", "ws://") + "/gateway"

    @contextlib.contextmanager
    def patch_discord(self) -> Iterator[None]:
        """Point discord.py's REST base and default gateway at the fake; restore them after."""
        old_base = discord.http.Route.BASE
        old_gateway = discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
        discord.http.Route.BASE = self.api_base
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = discord.gateway.yarl.URL(
            self.gateway_url
        )
        try:
            yield
        finally:
            discord.http.Route.BASE = old_base
            discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = old_gateway

    async def wait_ready(self, timeout: float = 5.0) -> None:
        """Wait until a client identified (or resumed) and got its guild."""
        await asyncio.wait_for(self._ready.wait(), timeout)

    def inject_error(
        self,
        method: str,
        path: str,
        *,
        status: int = 500,
        code: int = 0,
        message: str = "Internal Server Error",
        times: int = 1,
    ) -> InjectedError:
        """Make the next `times` `method` requests to paths starting with `path` fail.

        `path` is relative to the API base, e.g. "/applications/" or f"/channels/{id}/messages".
        """
        injected = InjectedError(method.upper(), path, status, code, message, times)
        self.injected.append(injected)
        return injected

    def assert_clean(self) -> None:
        """Fail with every recorded limit violation and unhandled route."""
        problems = self.violations + [f"unhandled route {r}" for r in self.unhandled]
        assert not problems, "\n".join(problems)

    # ----------------------------------------------------------------- gateway

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True, max_msg_size=0)
        await ws.prepare(request)
        query = dict(request.query)
        self.gateway_queries.append(query)
        compress = query.get("compress")
        if query.get("encoding", "json") != "json" or compress not in (None, "zlib-stream"):
            self.violations.append(f"gateway: unsupported query {query}")
            await ws.close(code=4002, message=b"unsupported encoding or compression")
            return ws
        conn = _Connection(ws, compress)
        self._connection = conn
        await conn.send({"op": 10, "d": {"heartbeat_interval": HEARTBEAT_MS}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            frame = json.loads(msg.data)
            op = frame.get("op")
            data = frame.get("d")
            if op == 1:
                await conn.send({"op": 11})
            elif op == 2:
                await self._identify(conn, data)
            elif op == 6:
                await self._resume(conn, data)
        if self._connection is conn:
            self._connection = None
            self._ready.clear()
        return ws

    async def _identify(self, conn: _Connection, data: dict[str, Any]) -> None:
        self.identify_payloads.append(data)
        if data.get("token") != self.token:
            await conn.ws.close(code=4004, message=b"Authentication failed.")
            return
        conn.session_id = secrets.token_hex(16)
        self._sessions.add(conn.session_id)
        await conn.dispatch(
            "READY",
            {
                "v": 10,
                "user": self.bot_user.payload(),
                "guilds": [{"id": str(self.guild_id), "unavailable": True}],
                "session_id": conn.session_id,
                "resume_gateway_url": self.gateway_url,
                "shard": [0, 1],
                "application": {"id": str(self.app_id), "flags": 0},
            },
        )
        await conn.dispatch("GUILD_CREATE", self.guild_payload())
        self._ready.set()

    async def _resume(self, conn: _Connection, data: dict[str, Any]) -> None:
        self.resumes.append(data)
        session = data.get("session_id")
        if data.get("token") != self.token or session not in self._sessions:
            await conn.send({"op": 9, "d": False})
            return
        conn.session_id = session
        conn.seq = int(data.get("seq") or 0)
        await conn.dispatch("RESUMED", {})
        self._ready.set()

    async def reconnect(self) -> None:
        """Ask the client to reconnect (op 7); it should RESUME its session."""
        assert self._connection is not None, "no client connected"
        self._ready.clear()
        await self._connection.send({"op": 7, "d": None})

    def guild_payload(self) -> dict[str, Any]:
        """GUILD_CREATE for the fake's one guild, with its channels, roles and members."""
        members = [u.member() for u in [self.bot_user, self.owner, *self.users.values()]]
        for member in members:
            del member["permissions"]
        return {
            "id": str(self.guild_id),
            "name": "Fake Guild",
            "icon": None,
            "owner_id": str(self.owner.id),
            "unavailable": False,
            "member_count": len(members),
            "large": False,
            "features": [],
            "roles": [
                {
                    "id": str(rid),
                    "name": name,
                    "permissions": str(MEMBER_PERMISSIONS),
                    "position": 0,
                    "color": 0,
                    "hoist": False,
                    "managed": False,
                    "mentionable": False,
                    "flags": 0,
                }
                for rid, name in self.roles.items()
            ],
            "emojis": [],
            "stickers": [],
            "channels": [c.payload() for c in self.channels.values()],
            "threads": [],
            "members": members,
            "presences": [],
            "voice_states": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "preferred_locale": "en-US",
            "premium_tier": 0,
            "mfa_level": 0,
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "system_channel_flags": 0,
            "nsfw_level": 0,
        }

    # ----------------------------------------------------------------- injecting interactions

    def _registered(self, name: str) -> dict[str, Any]:
        for command in self.guild_commands.get(self.guild_id, []):
            if command["name"] == name:
                return command
        for command in self.global_commands:
            if command["name"] == name:
                return command
        raise AssertionError(f"/{name} was never synced to the fake Discord")

    def _base_interaction(
        self, kind: int, user: FakeUser, channel: FakeChannel | None, data: dict[str, Any]
    ) -> dict[str, Any]:
        channel = channel or self.channel
        return {
            "id": str(self.snowflake()),
            "application_id": str(self.app_id),
            "type": kind,
            "data": data,
            "guild_id": str(self.guild_id),
            "guild": {"id": str(self.guild_id), "locale": "en-US", "features": []},
            "channel_id": str(channel.id),
            "channel": channel.payload(),
            "member": user.member(),
            "token": secrets.token_urlsafe(32),
            "version": 1,
            "app_permissions": str(MEMBER_PERMISSIONS),
            "locale": "en-US",
            "guild_locale": "en-US",
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(self.guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }

    def _options(
        self, command: dict[str, Any], values: dict[str, Any], focused: str | None
    ) -> list[dict[str, Any]]:
        declared = {o["name"]: o for o in command.get("options", [])}
        options = []
        for name, value in values.items():
            if name not in declared:
                raise AssertionError(f"/{command['name']} has no option {name!r}")
            option: dict[str, Any] = {"name": name, "type": declared[name]["type"], "value": value}
            if name == focused:
                option["focused"] = True
            options.append(option)
        return options

    async def dispatch(self, payload: dict[str, Any]) -> FakeInteraction:
        """Send an INTERACTION_CREATE built by the caller; return the handle to await."""
        assert self._connection is not None, "no client connected to the fake gateway"
        interaction = FakeInteraction(self, payload)
        self.interactions[interaction.id] = interaction
        interaction.sent_at = time.monotonic()
        await self._connection.dispatch("INTERACTION_CREATE", payload)
        return interaction

    async def slash(
        self,
        name: str,
        *,
        user: FakeUser | None = None,
        channel: FakeChannel | None = None,
        **options: Any,
    ) -> FakeInteraction:
        """Invoke /name with these option values, as `user` (alice by default)."""
        command = self._registered(name)
        data = {
            "id": command["id"],
            "name": name,
            "type": 1,
            "options": self._options(command, options, None),
        }
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self.dispatch(
            self._base_interaction(APPLICATION_COMMAND, user or self.alice, channel, data)
        )

    async def autocomplete(
        self, name: str, focused: str, *, user: FakeUser | None = None, **options: Any
    ) -> FakeInteraction:
        """Ask /name for autocomplete on option `focused` (its partial value in options)."""
        command = self._registered(name)
        options.setdefault(focused, "")
        data = {
            "id": command["id"],
            "name": name,
            "type": 1,
            "options": self._options(command, options, focused),
        }
        if command.get("guild_id"):
            data["guild_id"] = command["guild_id"]
        return await self.dispatch(
            self._base_interaction(AUTOCOMPLETE, user or self.alice, None, data)
        )

    async def click(
        self,
        message: int | dict[str, Any] | FakeInteraction,
        custom_id: str,
        *,
        user: FakeUser | None = None,
    ) -> FakeInteraction:
        """Press the button `custom_id` under a message the bot sent, as `user`."""
        if isinstance(message, FakeInteraction):
            assert message.message_id is not None, "that interaction produced no message"
            message = message.message_id
        if isinstance(message, int):
            message = self.messages[message]
        ids = [
            item.get("custom_id")
            for row in message.get("components", [])
            for item in row.get("components", [])
        ]
        assert custom_id in ids, f"{custom_id!r} is not a button of that message: {ids}"
        channel = self.channels.get(int(message["channel_id"]))
        data = {"custom_id": custom_id, "component_type": 2}
        payload = self._base_interaction(MESSAGE_COMPONENT, user or self.alice, channel, data)
        payload["message"] = message
        return await self.dispatch(payload)

    # ----------------------------------------------------------------- REST

    def _error(self, status: int, code: int, message: str) -> web.Response:
        return _json({"message": message, "code": code}, status=status)

    def _message(
        self,
        channel_id: int,
        data: dict[str, Any],
        *,
        flags: int = 0,
        interaction: FakeInteraction | None = None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "id": str(self.snowflake()),
            "channel_id": str(channel_id),
            "guild_id": str(self.guild_id),
            "author": self.bot_user.payload(),
            "content": data.get("content") or "",
            "embeds": list(data.get("embeds") or []),
            "components": list(data.get("components") or []),
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": False,
            "type": 0,
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": flags | int(data.get("flags") or 0),
        }
        if interaction is not None:
            message["type"] = 20 if interaction.type == APPLICATION_COMMAND else 0
            message["webhook_id"] = str(self.app_id)
            message["application_id"] = str(self.app_id)
            message["interaction_metadata"] = {
                "id": str(interaction.id),
                "type": interaction.type,
                "user": interaction.payload["member"]["user"],
                "authorizing_integration_owners": {},
            }
        self.messages[int(message["id"])] = message
        return message

    def _edit(self, message: dict[str, Any], data: dict[str, Any]) -> dict[str, Any]:
        for key in ("content", "embeds", "components"):
            if key in data:
                message[key] = (
                    data[key] if data[key] is not None else ("" if key == "content" else [])
                )
        if "flags" in data and data["flags"] is not None:
            message["flags"] = (int(message.get("flags", 0)) & EPHEMERAL) | int(data["flags"])
        message["flags"] = int(message.get("flags", 0)) & ~LOADING
        message["edited_timestamp"] = _now_iso()
        return message

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        parts = path.strip("/").split("/")
        method = request.method
        body: Any = None
        if request.can_read_body:
            try:
                body = await request.json()
            except (json.JSONDecodeError, UnicodeDecodeError):
                self.violations.append(f"{method} {path}: body is not JSON")
                return self._error(400, 50109, "The request body contains invalid JSON.")
        if request.headers.get("Authorization") not in (f"Bot {self.token}", None):
            return self._error(401, 0, "401: Unauthorized")
        for injected in self.injected:
            if injected.times and injected.method == method and path.startswith(injected.path):
                injected.times -= 1
                return self._error(injected.status, injected.code, injected.message)
        handler = self._route(method, parts)
        if handler is None:
            self.unhandled.append(f"{method} {path}")
            return self._error(404, 0, "404: Not Found")
        return await handler(request, parts, body)

    def _route(self, method: str, parts: list[str]) -> Any:
        match (method, parts):
            case ("GET", ["users", "@me"]):
                return self._get_me
            case ("GET", ["oauth2", "applications", "@me"]) | ("GET", ["applications", "@me"]):
                return self._get_application
            case ("GET", ["gateway"]) | ("GET", ["gateway", "bot"]):
                return self._get_gateway
            case ("GET" | "PUT", ["applications", _, "commands"]):
                return self._commands
            case ("GET" | "PUT", ["applications", _, "guilds", _, "commands"]):
                return self._commands
            case ("POST", ["interactions", _, _, "callback"]):
                return self._callback
            case ("GET" | "PATCH" | "DELETE", ["webhooks", _, _, "messages", _]):
                return self._webhook_message
            case ("POST", ["webhooks", _, _]):
                return self._followup
            case ("GET", ["channels", _]):
                return self._get_channel
            case ("POST", ["channels", _, "messages"]):
                return self._post_channel_message
            case ("POST", ["auth", "logout"]):
                return self._logout
        return None

    async def _get_me(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        return _json(self.bot_user.payload())

    async def _logout(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        return web.Response(status=204)

    async def _get_application(
        self, request: web.Request, parts: list[str], body: Any
    ) -> web.Response:
        return _json(
            {
                "id": str(self.app_id),
                "name": "Factbot",
                "icon": None,
                "description": "",
                "bot_public": False,
                "bot_require_code_grant": False,
                "owner": self.owner.payload(),
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
                "rpc_origins": [],
                "summary": "",
            }
        )

    async def _get_gateway(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        return _json(
            {
                "url": self.gateway_url,
                "shards": 1,
                "session_start_limit": {
                    "total": 1000,
                    "remaining": 999,
                    "reset_after": 0,
                    "max_concurrency": 1,
                },
            }
        )

    async def _commands(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        guild_id = int(parts[3]) if parts[2] == "guilds" else None
        if request.method == "GET":
            stored = (
                self.global_commands if guild_id is None else self.guild_commands.get(guild_id, [])
            )
            return _json(stored)
        where = f"PUT commands (guild {guild_id})" if guild_id else "PUT global commands"
        self.violations.extend(limits.check_commands(body, where))
        registered = []
        for command in body:
            entry = dict(command)
            entry.update(
                {
                    "id": str(self.snowflake()),
                    "application_id": str(self.app_id),
                    "version": str(self.snowflake()),
                }
            )
            entry.setdefault("type", 1)
            entry.setdefault("options", [])
            entry.setdefault("default_member_permissions", None)
            entry.setdefault("dm_permission", True)
            entry.setdefault("nsfw", False)
            if guild_id is not None:
                entry["guild_id"] = str(guild_id)
            registered.append(entry)
        if guild_id is None:
            self.global_commands = registered
        else:
            self.guild_commands[guild_id] = registered
        self.command_syncs.append((guild_id, registered))
        return _json(registered)

    async def _callback(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        interaction = self.interactions.get(int(parts[1]))
        if interaction is None or interaction.token != parts[2]:
            self.violations.append(f"callback to unknown interaction {parts[1]}")
            return self._error(404, 10062, "Unknown interaction")
        latency = time.monotonic() - interaction.sent_at
        kind = int(body.get("type", 0))
        data = body.get("data") or {}
        where = f"interaction {interaction.id} callback type {kind}"
        if interaction.callbacks:
            self.violations.append(f"{where}: second initial response")
            interaction.callbacks.append(Callback(kind, data, latency, 400))
            return self._error(400, 40060, "Interaction has already been acknowledged.")
        if latency > RESPONSE_DEADLINE:
            self.violations.append(f"{where}: answered after {latency:.2f}s (limit 3s)")
            interaction.callbacks.append(Callback(kind, data, latency, 404))
            interaction._responded.set()
            return self._error(404, 10062, "Unknown interaction")
        if kind not in ALLOWED_CALLBACKS.get(interaction.type, set()):
            self.violations.append(f"{where}: not allowed for interaction type {interaction.type}")
            return self._error(400, 50035, "Invalid Form Body")
        if kind == AUTOCOMPLETE_RESULT:
            self.violations.extend(limits.check_choices(data, where))
        elif kind in (CHANNEL_MESSAGE, UPDATE_MESSAGE):
            self.violations.extend(limits.check_message(data, where, edit=kind == UPDATE_MESSAGE))
        channel_id = int(interaction.payload["channel_id"])
        resource: dict[str, Any] | None = None
        if kind == CHANNEL_MESSAGE:
            resource = self._message(channel_id, data, interaction=interaction)
            interaction.message_id = int(resource["id"])
        elif kind == DEFERRED_CHANNEL_MESSAGE:
            flags = LOADING | (int(data.get("flags") or 0) & EPHEMERAL)
            resource = self._message(channel_id, {}, flags=flags, interaction=interaction)
            interaction.message_id = int(resource["id"])
        elif kind in (UPDATE_MESSAGE, DEFERRED_UPDATE_MESSAGE):
            target = int(interaction.payload["message"]["id"])
            interaction.message_id = target
            if kind == UPDATE_MESSAGE:
                resource = self._edit(self.messages[target], data)
        interaction._record_callback(Callback(kind, data, latency, 200))
        reply: dict[str, Any] = {
            "interaction": {
                "id": str(interaction.id),
                "type": interaction.type,
                "response_message_loading": kind == DEFERRED_CHANNEL_MESSAGE,
                "response_message_ephemeral": bool(
                    resource and int(resource.get("flags", 0)) & EPHEMERAL
                ),
            }
        }
        if resource is not None:
            reply["interaction"]["response_message_id"] = resource["id"]
            reply["resource"] = {"type": kind, "message": resource}
        return _json(reply)

    def _interaction_for_token(self, app_id: str, token: str) -> FakeInteraction | None:
        if app_id != str(self.app_id):
            return None
        for interaction in self.interactions.values():
            if interaction.token == token:
                return interaction
        return None

    async def _webhook_message(
        self, request: web.Request, parts: list[str], body: Any
    ) -> web.Response:
        interaction = self._interaction_for_token(parts[1], parts[2])
        where = f"{request.method} webhook message {parts[4]}"
        if interaction is None:
            self.violations.append(f"{where}: unknown webhook token")
            return self._error(404, 10015, "Unknown Webhook")
        message_id = interaction.message_id if parts[4] == "@original" else int(parts[4])
        if not interaction.callbacks or message_id is None or message_id not in self.messages:
            self.violations.append(f"{where}: no such message (was the interaction answered?)")
            return self._error(404, 10008, "Unknown Message")
        message = self.messages[message_id]
        if request.method == "GET":
            return _json(message)
        if request.method == "DELETE":
            del self.messages[message_id]
            return web.Response(status=204)
        self.violations.extend(limits.check_message(body, where, edit=True))
        self._edit(message, body)
        if parts[4] == "@original":
            interaction._record_edit(body)
        return _json(message)

    async def _followup(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        interaction = self._interaction_for_token(parts[1], parts[2])
        where = "POST followup"
        if interaction is None:
            self.violations.append(f"{where}: unknown webhook token")
            return self._error(404, 10015, "Unknown Webhook")
        if not interaction.callbacks:
            self.violations.append(f"{where}: followup before the initial response")
            return self._error(404, 10015, "Unknown Webhook")
        self.violations.extend(limits.check_message(body, where))
        message = self._message(
            int(interaction.payload["channel_id"]), body, interaction=interaction
        )
        interaction._record_followup(message)
        return _json(message)

    async def _get_channel(self, request: web.Request, parts: list[str], body: Any) -> web.Response:
        channel = self.channels.get(int(parts[1])) if parts[1].isdigit() else None
        if channel is None:
            return self._error(404, 10003, "Unknown Channel")
        if channel.forbidden:
            return self._error(403, 50001, "Missing Access")
        return _json(channel.payload())

    async def _post_channel_message(
        self, request: web.Request, parts: list[str], body: Any
    ) -> web.Response:
        channel = self.channels.get(int(parts[1])) if parts[1].isdigit() else None
        if channel is None:
            return self._error(404, 10003, "Unknown Channel")
        if channel.forbidden:
            return self._error(403, 50013, "Missing Permissions")
        self.violations.extend(limits.check_message(body, f"POST channel {channel.id} message"))
        message = self._message(channel.id, body)
        self.channel_messages.append(message)
        return _json(message)
