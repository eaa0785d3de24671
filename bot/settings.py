"""All of Factbot's settings, in one pydantic-settings class.

Read from the environment (prefix `FACTBOT_`, sections joined by `__`, e.g.
`FACTBOT_DISCORD__TOKEN`) and from a `.env` file. Built once in `main` and passed down; nothing
reads settings at import time.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.core.ingest import IngestBudget


class DiscordSettings(BaseModel):
    """How the bot connects and behaves in Discord."""

    token: SecretStr | None = None
    dev_guild_id: int | None = None
    public_answers: bool = True
    cooldown_uses: int = Field(default=5, ge=1)
    cooldown_seconds: float = Field(default=30.0, gt=0)
    search_workers: int = Field(default=2, ge=1)  # searches at once; more starve the event loop
    search_queue: int = Field(default=32, ge=0)  # searches waiting; past it users hear "busy"


class AdminSettings(BaseModel):
    """Who may run admin-only commands besides the application's owner and team."""

    user_ids: list[int] = Field(default_factory=list)
    role_ids: list[int] = Field(default_factory=list)


class BriefingSettings(BaseModel):
    """Defaults for the daily briefing, for a single-guild deployment."""

    channel_id: int | None = None
    time: str = Field(default="08:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    timezone: str = "UTC"
    facts: int = Field(default=3, ge=1, le=10)
    message_limit: int = Field(default=2000, ge=500, le=2000)
    """The longest a briefing may be, in characters: one Discord message holds 2,000."""


class SeedsSyncSettings(BaseModel):
    """The running bot's watch on the seeds folder: reindex by itself when files change."""

    enabled: bool = True
    interval_seconds: float = Field(default=10.0, ge=0.5)
    """How often the folder is looked at; a change is acted on once it holds for one interval."""
    report_channel_id: int | None = None
    """Where the report of each automatic reindex is posted (also logged); none: logged only."""


class IngestSettings(BaseModel):
    """What one seed file may cost to read; a file past either limit is skipped with a warning."""

    max_file_mb: float = Field(default=20.0, gt=0)
    max_file_seconds: float = Field(default=60.0, gt=0)

    def budget(self) -> IngestBudget:
        """These limits as ingestion's per-file budget."""
        return IngestBudget(
            max_bytes=int(self.max_file_mb * 1_000_000), max_seconds=self.max_file_seconds
        )


class Settings(BaseSettings):
    """Factbot's configuration."""

    model_config = SettingsConfigDict(
        env_prefix="FACTBOT_",
        env_nested_delimiter="__",
        env_file=".env",
        env_ignore_empty=True,
        extra="ignore",
    )

    seeds_dir: Path = Path("seeds")
    index_path: Path = Path("data/index.sqlite3")
    state_path: Path = Path("data/state.sqlite3")
    log_level: str = "INFO"
    discord: DiscordSettings = Field(default_factory=DiscordSettings)
    admins: AdminSettings = Field(default_factory=AdminSettings)
    briefing: BriefingSettings = Field(default_factory=BriefingSettings)
    seeds_sync: SeedsSyncSettings = Field(default_factory=SeedsSyncSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
