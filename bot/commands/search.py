"""Search commands: `fact`, `quote`, `search --batch` and `eval`.

Each opens the index, builds a `Query`, asks it with the shared use case (`bot.core.asking.ask`)
and prints the answer as text or as JSON in the documented shape. Exit codes follow
`bot.commands.contract`: 0 matched, 1 nothing matched, 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from bot.commands.contract import (
    EXIT_NO_MATCH,
    EXIT_OK,
    EXIT_USAGE,
    CliCommand,
    UsageError,
    add_index_arguments,
    bounded_int,
    open_searcher,
)
from bot.core.answers import Answer, Hit, Query, as_command
from bot.core.asking import DEFAULT_LIMIT, MAX_LIMIT, ask
from bot.core.search.evaluation import Case, case_from_json, judge, summarize
from bot.plain_text import PLAIN, render_answer, render_hit, render_miss, render_unquoted
from bot.settings import Settings

_limit = bounded_int(1, MAX_LIMIT)


def hit_json(hit: Hit) -> dict[str, Any]:
    """One hit in the documented JSON shape."""
    data = dataclasses.asdict(hit)
    data["figures"] = [
        {k: f[k] for k in ("text", "value", "unit", "qualifier", "kind", "start", "end")}
        for f in data["figures"]
    ]
    return data


def answer_json(answer: Answer) -> dict[str, Any]:
    """An answer in the documented JSON shape (`results`, plus `suggestions` and `error`).

    `closest` holds the passages offered when nothing matched with confidence (not answers);
    `unquoted` is the name a /quote asked for that the sources never quote, `speakers` who is.
    """
    return {
        "command": answer.command,
        "query": answer.query,
        "results": [hit_json(h) for h in answer.hits],
        "suggestions": list(answer.suggestions),
        "error": answer.error,
        "closest": [hit_json(h) for h in answer.closest],
        "unquoted": answer.unquoted,
        "speakers": list(answer.speakers),
    }


def answer_text(answer: Answer) -> str:
    """An answer as plain text: every hit, rendered as the console renders one."""
    if answer.unquoted is not None:
        return render_unquoted(answer, pickable=False)
    if answer.error:
        return render_answer(answer, PLAIN)
    if not answer.hits:
        return render_miss(answer, pickable=False)
    return "\n\n".join(
        f"{rank}. {render_hit(hit, PLAIN)}" for rank, hit in enumerate(answer.hits, start=1)
    )


def exit_code(answer: Answer) -> int:
    """0 when something matched, 1 when nothing did, 2 when the query could not be run.

    A /quote for someone never quoted is "nothing matched", not bad input.
    """
    if answer.error and answer.unquoted is None:
        return EXIT_USAGE
    return EXIT_OK if answer.matched else EXIT_NO_MATCH


def _add_query_arguments(parser: argparse.ArgumentParser, *, optional: bool = False) -> None:
    if optional:
        parser.add_argument("query", nargs="?", default="", help="what to look for (optional)")
    else:
        parser.add_argument("query", help="what to look for")
    parser.add_argument(
        "--limit", type=_limit, default=DEFAULT_LIMIT, help=f"how many results (1-{MAX_LIMIT})"
    )
    parser.add_argument("--article", help="only this article (id or part of its title)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    add_index_arguments(parser)


def _add_quote_arguments(parser: argparse.ArgumentParser) -> None:
    _add_query_arguments(parser, optional=True)
    parser.add_argument("--speaker", help="only quotations by this person")


def _answer_one(args: argparse.Namespace, settings: Settings, query: Query) -> int:
    if not query.text.strip() and not query.speaker:
        raise UsageError("the query is empty: say what to look for")
    answer = ask(open_searcher(args, settings), query, limit=args.limit)
    if args.json:
        print(json.dumps(answer_json(answer), ensure_ascii=False, indent=2))
    else:
        print(answer_text(answer))
    if answer.error and answer.unquoted is None:
        print(f"error: {answer.error}", file=sys.stderr)
    return exit_code(answer)


def fact(args: argparse.Namespace, settings: Settings) -> int:
    """Print the best facts for a query."""
    return _answer_one(args, settings, Query("fact", args.query, article=args.article))


def quote(args: argparse.Namespace, settings: Settings) -> int:
    """Print the best quotations for a query."""
    query = Query("quote", args.query, article=args.article, speaker=args.speaker)
    return _answer_one(args, settings, query)


def _add_batch_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--batch",
        type=Path,
        required=True,
        help='JSON lines of {"command": "fact"|"quote", "query": "...", "article"?, "speaker"?}',
    )
    parser.add_argument(
        "--limit", type=_limit, default=DEFAULT_LIMIT, help=f"results per query (1-{MAX_LIMIT})"
    )
    add_index_arguments(parser)


def _json_object(line: str) -> dict[str, Any]:
    """One line of a batch or eval file as a JSON object; raises `ValueError` if it is not one."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from exc
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


def query_from_line(line: str) -> Query:
    """The query of one batch line; raises `ValueError` saying what is wrong with it."""
    request = _json_object(line)
    name = request.get("command", "fact")
    command = as_command(name) if isinstance(name, str) else None
    if command is None:
        raise ValueError(f"unknown command {name!r} (fact or quote)")
    text = request.get("query")
    if not isinstance(text, str):
        raise ValueError('no "query" string')
    filters = {}
    for key in ("article", "speaker"):
        value = request.get(key)
        if value is not None and not isinstance(value, str):
            raise ValueError(f'"{key}" must be a string')
        filters[key] = value or None
    if command == "fact" and filters["speaker"]:
        raise ValueError('"speaker" filters quotes only')
    return Query(command, text, article=filters["article"], speaker=filters["speaker"])


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {exc}") from exc


def search(args: argparse.Namespace, settings: Settings) -> int:
    """Answer every query of a batch file, one JSON line per good input line.

    A bad line is reported on stderr (`FILE:LINE: why`) and skipped; the exit code is then 2.
    """
    lines = _read_lines(args.batch)
    searcher = open_searcher(args, settings)
    code = EXIT_OK
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            query = query_from_line(line)
        except ValueError as exc:
            print(f"{args.batch}:{number}: {exc}; skipped", file=sys.stderr)
            code = EXIT_USAGE
            continue
        print(json.dumps(answer_json(ask(searcher, query, limit=args.limit)), ensure_ascii=False))
    return code


def _add_eval_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="query set (JSON lines with query, gold, kind)")
    add_index_arguments(parser)


def case_from_line(line: str) -> Case:
    """The eval case of one line; raises `ValueError` saying what is wrong with it."""
    data = _json_object(line)
    if not isinstance(data.get("query"), str) or not data["query"].strip():
        raise ValueError('no "query" string')
    gold = data.get("gold")
    golds = gold if isinstance(gold, list) else [gold]
    if not golds or not all(isinstance(g, str) and g.strip() for g in golds):
        raise ValueError('no "gold": the text (or list of texts) a right answer contains')
    name = data.get("command", "fact")
    if not isinstance(name, str) or as_command(name) is None:
        raise ValueError(f"unknown command {name!r} (fact or quote)")
    return case_from_json(data)


def evaluate(args: argparse.Namespace, settings: Settings) -> int:
    """Run a query set and print its scores; a bad line stops it before any search (exit 2)."""
    cases = []
    for number, line in enumerate(_read_lines(args.file), 1):
        if not line.strip():
            continue
        try:
            cases.append(case_from_line(line))
        except ValueError as exc:
            raise UsageError(f"{args.file}:{number}: {exc}") from exc
    searcher = open_searcher(args, settings)
    outcomes = []
    for case in cases:
        command = as_command(case.command) or "fact"
        answer = ask(searcher, Query(command, case.query, speaker=case.speaker), limit=3)
        outcomes.append(judge(case, answer))
    print(summarize(outcomes))
    return EXIT_OK


FACT = CliCommand(
    "fact",
    "Find the sentence that answers a query, with its figures and sources.",
    _add_query_arguments,
    fact,
)
QUOTE = CliCommand(
    "quote", "Find quotations matching a query, with who said them.", _add_quote_arguments, quote
)
SEARCH = CliCommand(
    "search",
    "Run many queries from a JSON-lines file; print one JSON line each.",
    _add_batch_arguments,
    search,
)
EVAL = CliCommand(
    "eval",
    "Score a query set: Recall@1, Recall@3, MRR overall and by kind, and misses.",
    _add_eval_arguments,
    evaluate,
)
