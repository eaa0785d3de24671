"""The exit codes of `python -m bot`, one convention for every command and the console.

- 0 `OK`: done; for a search, something matched.
- 1 `NO_MATCH`: nothing matched (a search found no passage; `misses` found no state database).
- 2 `USAGE`: bad usage or input: an option out of range, an empty query, an unknown `--article`
  or `--speaker`, a bad line in a batch or eval file, an `--index` path with no index there.
- 3 `FAILED`: the command could not finish (a file could not be read or written, a build failed,
  the index could not be opened, Discord refused the token).
"""

from typing import Final

OK: Final = 0
NO_MATCH: Final = 1
USAGE: Final = 2
FAILED: Final = 3
