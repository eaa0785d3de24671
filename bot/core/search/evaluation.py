"""Scoring a query set: Recall@1, Recall@3 and MRR, overall and by kind, with every miss.

A result is right when its text (with a caption's credit, which every front end shows with it)
contains one of the gold strings (case-insensitive, curly quotes straightened, whitespace
collapsed) and, where the case names a `cite`, the top result's
citations mention it. Pure: the caller runs the queries and passes the answers in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.core.answers import Answer, Hit
from bot.core.search.text import fold


@dataclass(frozen=True, slots=True)
class Case:
    """One query of a query set, with what counts as the right answer."""

    id: str
    command: str
    query: str
    gold: tuple[str, ...]
    kind: str = ""
    cite: str | None = None
    speaker: str | None = None  # for /quote: the speaker option the user gave


@dataclass(frozen=True, slots=True)
class Outcome:
    """How one case went: the rank of the first right hit (0 when none in the top 3)."""

    case: Case
    rank: int
    first: str | None
    cite_ok: bool = True


@dataclass(slots=True)
class Scores:
    """Recall@1, Recall@3 and MRR over some outcomes."""

    n: int = 0
    at1: int = 0
    at3: int = 0
    rr: float = 0.0
    misses: list[Outcome] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        """Count one outcome."""
        self.n += 1
        ok1 = outcome.rank == 1 and outcome.cite_ok
        self.at1 += ok1
        self.at3 += 0 < outcome.rank <= 3
        self.rr += 1 / outcome.rank if outcome.rank else 0.0
        if not ok1:
            self.misses.append(outcome)

    def line(self, label: str) -> str:
        """One summary line."""
        n = self.n or 1
        return (
            f"{label:<12} n={self.n:<4} R@1={self.at1 / n:.3f}  R@3={self.at3 / n:.3f}  "
            f"MRR={self.rr / n:.3f}"
        )


def case_from_json(data: dict[str, object]) -> Case:
    """A case from one line of a query set (the format of shared/eval/dev.jsonl)."""
    gold = data.get("gold", [])
    cite = data.get("cite")
    speaker = data.get("speaker")
    return Case(
        id=str(data.get("id", "")),
        command=str(data.get("command", "fact")),
        query=str(data.get("query", "")),
        gold=tuple(str(g) for g in gold) if isinstance(gold, list) else (str(gold),),
        kind=str(data.get("kind", "")),
        cite=str(cite) if cite else None,
        speaker=str(speaker) if speaker and data.get("command") == "quote" else None,
    )


def is_right(hit: Hit, gold: Iterable[str]) -> bool:
    """Whether a hit's text, or a caption's credit shown with it, holds one of the gold strings."""
    text = fold(f"{hit.text} {hit.credit}" if hit.credit else hit.text)
    return any(fold(g) in text for g in gold)


def judge(case: Case, answer: Answer, *, depth: int = 3) -> Outcome:
    """Compare an answer with a case."""
    rank = next(
        (i for i, hit in enumerate(answer.hits[:depth], start=1) if is_right(hit, case.gold)), 0
    )
    first = answer.hits[0].text if answer.hits else None
    cite_ok = True
    if case.cite and answer.hits:
        cite = fold(case.cite)
        cite_ok = any(cite in fold(c.text) for c in answer.hits[0].citations)
    elif case.cite:
        cite_ok = False
    return Outcome(case=case, rank=rank, first=first, cite_ok=cite_ok)


def summarize(outcomes: list[Outcome]) -> str:
    """The report `python -m bot eval` prints: overall, by kind, then each miss."""
    overall = Scores()
    by_kind: dict[str, Scores] = {}
    for outcome in outcomes:
        overall.add(outcome)
        by_kind.setdefault(outcome.case.kind or "-", Scores()).add(outcome)
    lines = [overall.line("overall")]
    lines += [by_kind[k].line(k) for k in sorted(by_kind)]
    if overall.misses:
        lines.append("")
        lines.append("misses:")
    for miss in overall.misses:
        case = miss.case
        wrong_cite = miss.rank == 1 and not miss.cite_ok
        why = "wrong citation" if wrong_cite else f"rank {miss.rank or '>3'}"
        lines.append(f"- {case.id} [{case.command}] {case.query!r} ({why}); want {case.gold[0]!r}")
        lines.append(f"    first: {miss.first!r}")
    return "\n".join(lines)
