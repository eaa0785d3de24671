"""Search commands: `fact`, `quote`, `search --batch` and `eval`.

Each opens the index (building it from the seeds when missing), asks the searcher, and prints
the answer as text or as JSON in the documented shape.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from bot.cli import command
from bot.console import PLAIN, render_answer, render_hit, render_miss
from bot.core.answers import Answer, Hit
from bot.core.search import Searcher
from bot.core.search.evaluation import case_from_json, judge, summarize
from bot.library import Library
from bot.settings import Settings


def open_searcher(settings: Settings, index: Path | None) -> Searcher:
    """The searcher over the index file (given or from the settings), built when missing."""
    if index is not None:
        settings = settings.model_copy(update={"index_path": index})
    library = Library(settings)
    asyncio.run(library.open())
    return library.searcher


def hit_json(hit: Hit) -> dict[str, Any]:
    """One hit in the documented JSON shape."""
    data = dataclasses.asdict(hit)
    data["figures"] = [
        {k: f[k] for k in ("text", "value", "unit", "qualifier", "kind", "start", "end")}
        for f in data["figures"]
    ]
    return data


def answer_json(answer: Answer) -> dict[str, Any]:
    """An answer in the documented JSON shape (`results`, plus `suggestions` and `error`)."""
    return {
        "command": answer.command,
        "query": answer.query,
        "results": [hit_json(h) for h in answer.hits],
        "suggestions": list(answer.suggestions),
        "error": answer.error,
    }


def answer_text(answer: Answer) -> str:
    """An answer as plain text: every hit, rendered as the console renders one."""
    if answer.error:
        return render_answer(answer, PLAIN)
    if not answer.hits:
        return render_miss(answer, pickable=False)
    return "\n\n".join(
        f"{rank}. {render_hit(hit, PLAIN)}" for rank, hit in enumerate(answer.hits, start=1)
    )


def _add_query_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", help="what to look for")
    parser.add_argument("--limit", type=int, default=5, help="how many results (1-25)")
    parser.add_argument("--article", help="only this article (id or part of its title)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument("--index", type=Path, help="index file (default from the settings)")


def _add_quote_arguments(parser: argparse.ArgumentParser) -> None:
    _add_query_arguments(parser)
    parser.add_argument("--speaker", help="only quotations by this person")


def _print_answer(answer: Answer, as_json: bool) -> int:
    if as_json:
        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
    else:
        print(answer_text(answer))
    return 0


@command("fact", "Find the sentence that answers a query, with its figures and sources.",
         _add_query_arguments)
def fact(args: argparse.Namespace, settings: Settings) -> int:
    """Print the best facts for a query."""
    searcher = open_searcher(settings, args.index)
    answer = searcher.facts(args.query, limit=args.limit, article=args.article)
    return _print_answer(answer, args.json)


@command("quote", "Find quotations matching a query, with who said them.", _add_quote_arguments)
def quote(args: argparse.Namespace, settings: Settings) -> int:
    """Print the best quotations for a query."""
    searcher = open_searcher(settings, args.index)
    answer = searcher.quotes(
        args.query, limit=args.limit, article=args.article, speaker=args.speaker
    )
    return _print_answer(answer, args.json)


def _add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--batch", type=Path, required=True,
                        help='JSON lines of {"command": "fact"|"quote", "query": "..."}')
    parser.add_argument("--limit", type=int, default=5, help="results per query (1-25)")
    parser.add_argument("--index", type=Path, help="index file (default from the settings)")


@command("search", "Run many queries from a JSON-lines file; print one JSON line each.",
         _add_batch_arguments)
def search(args: argparse.Namespace, settings: Settings) -> int:
    """Answer every query of a batch file, one JSON line per input line."""
    searcher = open_searcher(settings, args.index)
    for number, line in enumerate(args.batch.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            cmd, query = request.get("command", "fact"), str(request["query"])
        except (json.JSONDecodeError, KeyError, TypeError, AttributeError):
            print(f"{args.batch}:{number}: not a query line, skipped", file=sys.stderr)
            continue
        if cmd == "quote":
            answer = searcher.quotes(query, limit=args.limit)
        else:
            answer = searcher.facts(query, limit=args.limit)
        print(json.dumps(answer_json(answer), ensure_ascii=False))
    return 0


def _add_eval_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="query set (JSON lines with query, gold, kind)")
    parser.add_argument("--index", type=Path, help="index file (default from the settings)")


@command("eval", "Score a query set: Recall@1, Recall@3, MRR overall and by kind, and misses.",
         _add_eval_arguments)
def evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """Run a query set and print its scores."""
    searcher = open_searcher(settings, args.index)
    outcomes = []
    for line in args.file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = case_from_json(json.loads(line))
        if case.command == "quote":
            answer = searcher.quotes(case.query, limit=3)
        else:
            answer = searcher.facts(case.query, limit=3)
        outcomes.append(judge(case, answer))
    print(summarize(outcomes))
    return 0
