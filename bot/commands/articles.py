"""`articles`: every article in the index with its title, authors, date and counts.

Text (one block per article) or `--json` (a list of objects, one per article, in index order).
Exit 0, also for an empty index (an empty list); 2 for a missing index named with `--index`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json

from bot.commands.contract import EXIT_OK, CliCommand, add_index_arguments, open_searcher
from bot.plain_text import render_articles
from bot.settings import Settings


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_index_arguments(parser)


def articles(args: argparse.Namespace, settings: Settings) -> int:
    """Print the article list."""
    found = open_searcher(args, settings).articles()
    if args.json:
        data = [dataclasses.asdict(info) for info in found]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(render_articles(found, per_page=None))
    return EXIT_OK


ARTICLES = CliCommand(
    "articles",
    "List every article: title, authors, date, sentences, quotes and notes.",
    _add_arguments,
    articles,
)
