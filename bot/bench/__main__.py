"""`python -m bot.bench`: one benchmark phase in a child process (see `measurement`)."""

import sys

from bot.bench.measurement import child_main

raise SystemExit(child_main(sys.argv[1:]))
