"""Indexes of seed folders, built once per test process and copied into the tests that need one.

Many tests need *an* index of their seeds folder before they do what they are about (reindex,
answer, refuse). `install_index(settings)` puts at `settings.index_path` a copy of the index
that `LiveIndex.open()` would have built from `settings.seeds_dir` as it is now: the same build
(`build_from_seeds` with the settings' budget), made once per distinct folder content (names and
bytes, sidecars included) and copied. The copy gets a fresh modification time, as a build that
just finished would. Tests about building a missing index do not use it.
"""

from __future__ import annotations

import atexit
import hashlib
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from bot.settings import Settings
from bot.usecases.building import build_from_seeds

_built: dict[str, Path] = {}
_cache_dir: Path | None = None


def _folder_digest(folder: Path) -> str:
    digest = hashlib.sha256(folder.name.encode() + b"\0")
    for path in sorted(folder.iterdir()):
        digest.update(path.name.encode() + b"\0")
        if path.is_symlink():
            digest.update(b"link\0" + str(path.readlink()).encode() + b"\0")
        elif path.is_file():
            digest.update(path.read_bytes() + b"\0")
        else:
            digest.update(b"other\0")
    return digest.hexdigest()


def _cache() -> Path:
    global _cache_dir
    if _cache_dir is None:
        _cache_dir = Path(tempfile.mkdtemp(prefix="factbot-prebuilt-"))
        atexit.register(shutil.rmtree, _cache_dir, ignore_errors=True)
    return _cache_dir


async def install_index(settings: Settings) -> None:
    """Put the index of `settings.seeds_dir` (as it is now) at `settings.index_path`."""
    key = f"{_folder_digest(settings.seeds_dir)}:{settings.ingest.budget()}"
    built = _built.get(key)
    if built is None:
        built = _cache() / f"{len(_built)}.sqlite3"
        await build_from_seeds(
            settings.seeds_dir,
            built,
            built_at=datetime.now(UTC).isoformat(timespec="seconds"),
            budget=settings.ingest.budget(),
        )
        _built[key] = built
    settings.index_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built, settings.index_path)
