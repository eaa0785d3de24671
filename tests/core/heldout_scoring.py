"""Scoring a held-out query set in process, for the floor tests."""

from __future__ import annotations

import json
from pathlib import Path

from bot.core.search import Searcher
from bot.core.search.evaluation import case_from_json, judge


def right_first(searcher: Searcher, queries: Path) -> tuple[int, int]:
    """How many of a query set's cases the searcher answers right first, and how many there are.

    A /quote case is asked with its speaker option, as the user gave it.
    """
    lines = [line for line in queries.read_text(encoding="utf-8").splitlines() if line.strip()]
    cases = [case_from_json(json.loads(line)) for line in lines]
    first = 0
    for case in cases:
        if case.command == "quote":
            answer = searcher.quotes(case.query, speaker=case.speaker)
        else:
            answer = searcher.facts(case.query)
        first += judge(case, answer).rank == 1
    return first, len(cases)
