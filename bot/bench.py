"""The benchmark behind `python -m bot bench`: synthetic corpora, then build, load, query times.

Two halves:

* a deterministic generator that turns one print-export seed into N different articles in the
  same format (header lines, headings, page breaks, captions, pull quotes, footnote markers and the
  notes list), by reordering paragraph groups where that is safe, swapping names and places, and
  scaling counts and shifting years;
* the measurement: for each corpus size, one child process builds the index (ingest + store) and
  another loads it and runs a fixed query mix, so that each reports its own peak memory.

The benchmark prints figures; nothing here asserts on time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Literal

DEFAULT_SEED = Path("seeds/lamberty-2024-nato-mission-iraq.txt")
DEFAULT_SIZES = (1, 100, 1000)
DEFAULT_QUERIES = 200

# ---------------------------------------------------------------------------------------------
# The seed, as paragraphs with roles
# ---------------------------------------------------------------------------------------------

Role = Literal[
    "header", "lead", "heading", "body", "caption", "pull", "translation", "bio", "notes"
]

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_MARKER = re.compile(f"[{SUPERSCRIPTS}]+")
_NOTE_LINE = re.compile(r"^- \d+ ")
_TRANSLATION = re.compile(r"^–\s.*\s–$")
_TERMINAL = re.compile(r"[.!?][\"”’')]*$")
_WORD = re.compile(r"[A-Za-z0-9]+")


@dataclass
class Paragraph:
    """One paragraph of a seed file: its lines, the blank lines before it, and its role."""

    lines: list[str]
    blank_before: int
    role: Role = "body"

    @property
    def text(self) -> str:
        """The paragraph's lines joined with newlines."""
        return "\n".join(self.lines)


@dataclass
class SeedDocument:
    """A seed file split into paragraphs, with the groups that may be reordered."""

    leading_blank: int
    paragraphs: list[Paragraph]
    trailing: str
    # Per section (intro, then one per heading): groups of paragraph indexes, in order.
    sections: list[list[list[int]]] = field(default_factory=list)
    # Group keys (section index, group index) that must stay where they are.
    pinned: set[tuple[int, int]] = field(default_factory=set)

    def render(self, order: Sequence[int] | None = None) -> str:
        """Render the document as text, with its paragraphs in `order` (default: as read)."""
        indexes = list(order) if order is not None else list(range(len(self.paragraphs)))
        out = ["\n" * self.leading_blank]
        for position, index in enumerate(indexes):
            para = self.paragraphs[index]
            if position:
                out.append("\n" * (para.blank_before + 1))
            out.append(para.text)
        out.append(self.trailing)
        return "".join(out)


def _split_paragraphs(text: str) -> tuple[int, list[Paragraph], str]:
    """Split text into paragraphs, keeping the blank-line counts so it renders back exactly."""
    body = text.rstrip("\n")
    trailing = text[len(body) :]
    lines = body.split("\n")
    leading = 0
    while leading < len(lines) and not lines[leading].strip():
        leading += 1
    paragraphs: list[Paragraph] = []
    blank = 0
    current: list[str] = []
    for line in lines[leading:]:
        if line.strip():
            current.append(line)
            continue
        if current:
            paragraphs.append(Paragraph(current, blank))
            current = []
            blank = 0
        blank += 1
    if current:
        paragraphs.append(Paragraph(current, blank))
    return leading, paragraphs, trailing


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])[\"”’]?\s+", text.replace("\n", " ")) if s]


def _is_heading(para: Paragraph) -> bool:
    """Tell a heading: short, one line, mostly title case, no closing punctuation."""
    if len(para.lines) != 1:
        return False
    line = para.lines[0].strip()
    if len(line) > 80 or line.endswith((".", ",", ";", ":", "-", "–")) or _MARKER.search(line):
        return False
    words = line.split()
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return capitalised * 2 >= len(words) and line[:1].isupper()


def _is_caption(para: Paragraph) -> bool:
    return para.blank_before >= 2 and ("Photo:" in para.text or "©" in para.text)


def _ends_sentence(para: Paragraph) -> bool:
    return bool(_TERMINAL.search(_MARKER.sub("", para.lines[-1]).rstrip()))


def parse_seed(text: str) -> SeedDocument:
    """Split a print-export seed into paragraphs with roles and reorderable groups."""
    leading, paragraphs, trailing = _split_paragraphs(text)
    doc = SeedDocument(leading, paragraphs, trailing)

    # Header lines run up to the first long paragraph (the lead).
    lead = next(i for i, p in enumerate(paragraphs) if len(p.text) > 200 and _ends_sentence(p))
    for para in paragraphs[:lead]:
        para.role = "header"
    paragraphs[lead].role = "lead"

    # The tail: the notes list, the author bio before it, the translation line.
    end = len(paragraphs)
    while end > lead + 1 and _NOTE_LINE.match(paragraphs[end - 1].lines[0]):
        end -= 1
        paragraphs[end].role = "notes"
    if end < len(paragraphs) and end > lead + 1:
        end -= 1
        paragraphs[end].role = "bio"
    if end > lead + 1 and _TRANSLATION.match(paragraphs[end - 1].text.strip()):
        end -= 1
        paragraphs[end].role = "translation"

    body_range = range(lead + 1, end)
    for i in body_range:
        para = paragraphs[i]
        if _is_caption(para):
            para.role = "caption"
        elif _is_heading(para):
            para.role = "heading"

    # Pull quotes: a short, one-sentence paragraph that repeats (most of) a sentence elsewhere.
    body_sentences: list[tuple[int, set[str]]] = []
    for i in body_range:
        if paragraphs[i].role == "body":
            body_sentences.extend((i, _words(s)) for s in _sentences(paragraphs[i].text))
    echoes: set[int] = set()
    for i in body_range:
        para = paragraphs[i]
        if para.role != "body" or len(para.lines) != 1 or len(para.text) > 160:
            continue
        if len(_sentences(para.text)) != 1 or not _ends_sentence(para):
            continue
        words = _words(para.text)
        matches = [
            j
            for j, sentence in body_sentences
            if j != i and len(words & sentence) >= 0.7 * len(words)
        ]
        if matches:
            para.role = "pull"
            echoes.update(matches)

    # Groups: paragraphs glued by page breaks, captions, lists or lowercase continuations.
    sections: list[list[list[int]]] = [[]]
    for i in body_range:
        para = paragraphs[i]
        if para.role == "heading":
            sections.append([])
            continue
        groups = sections[-1]
        if not groups:
            groups.append([i])
            continue
        prev = paragraphs[groups[-1][-1]]
        safe = (
            _ends_sentence(prev)
            and para.blank_before == 1
            and prev.role not in ("caption",)
            and para.role not in ("caption",)
            and (para.lines[0][:1].isupper() or para.lines[0][:1].isdigit())
            and not para.lines[0].startswith("1. ")
        )
        if safe or para.role == "pull" or prev.role == "pull":
            groups.append([i])
        else:
            groups[-1].append(i)
    doc.sections = sections

    # Pin what must keep its order: footnote markers (so notes stay in order), pull quotes and
    # the sentences they repeat (so each pull quote keeps its place relative to its source).
    for s, groups in enumerate(sections):
        for g, group in enumerate(groups):
            if any(
                _MARKER.search(paragraphs[i].text) or paragraphs[i].role == "pull" or i in echoes
                for i in group
            ):
                doc.pinned.add((s, g))
    return doc


# ---------------------------------------------------------------------------------------------
# Variation: names, places, numbers
# ---------------------------------------------------------------------------------------------

FIRST_NAMES = (
    "Lucas", "Anna", "Jonas", "Miriam", "Felix", "Sofia", "David", "Leonie", "Tobias", "Hanna",
    "Samuel", "Clara", "Elias", "Nora", "Paul", "Ines", "Malte", "Greta", "Yusuf", "Amira",
)  # fmt: skip
SURNAMES = (
    "Lamberty", "Becker", "Hartmann", "Schubert", "Keller", "Vogel", "Brandt", "Roth", "Krause",
    "Winter", "Haas", "Lorenz", "Berger", "Franke", "Pohl", "Seidel", "Ahrens", "Jansen",
    "Kaiser", "Dietrich", "Ostermann", "Nowak", "Sander", "Wolff", "Zimmer",
)  # fmt: skip


@dataclass(frozen=True)
class Place:
    """A country with its adjective, its capital and two more cities."""

    country: str
    adjective: str
    capital: str
    cities: tuple[str, str]


PLACES = (
    Place("Iraq", "Iraqi", "Baghdad", ("Mosul", "Kirkuk")),
    Place("Jordan", "Jordanian", "Amman", ("Irbid", "Zarqa")),
    Place("Libya", "Libyan", "Tripoli", ("Benghazi", "Misrata")),
    Place("Tunisia", "Tunisian", "Tunis", ("Sfax", "Sousse")),
    Place("Mali", "Malian", "Bamako", ("Gao", "Timbuktu")),
    Place("Lebanon", "Lebanese", "Beirut", ("Sidon", "Tyre")),
    Place("Mauritania", "Mauritanian", "Nouakchott", ("Nouadhibou", "Atar")),
    Place("Niger", "Nigerien", "Niamey", ("Agadez", "Zinder")),
    Place("Chad", "Chadian", "N'Djamena", ("Moundou", "Sarh")),
    Place("Somalia", "Somali", "Mogadishu", ("Hargeisa", "Kismayo")),
    Place("Yemen", "Yemeni", "Sanaa", ("Aden", "Taiz")),
    Place("Sudan", "Sudanese", "Khartoum", ("Omdurman", "Kassala")),
)
SUMMIT_CITIES = ("Brussels", "Madrid", "Vilnius", "Warsaw", "Lisbon", "Riga", "Prague")

_YEAR = re.compile(r"(?<![\d,.])(1[89]\d\d|20\d\d)(?!\d|,\d{3}|s\b)")
_COUNT = re.compile(
    r"(?<![\d,.\-/])(\d{1,3}(?:,\d{3})+|\d+)"
    r"(?= (?!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|of\b)[A-Za-z])"
)
_URL = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Variant:
    """The deterministic choices for one synthetic article."""

    index: int
    author: str
    place: Place
    summit: str
    year_shift: int
    scale_seed: int
    order_seed: int

    @property
    def surname(self) -> str:
        """The author's surname, for the file name."""
        return self.author.split()[-1]


def make_variant(index: int, rng: random.Random) -> Variant:
    """Draw one article's author, place, year shift and seeds from `rng`."""
    return Variant(
        index=index,
        author=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
        place=rng.choice(PLACES),
        summit=rng.choice(SUMMIT_CITIES),
        year_shift=rng.randint(-6, 6),
        scale_seed=rng.randrange(2**32),
        order_seed=rng.randrange(2**32),
    )


def _outside_urls(text: str, change: Callable[[str], str]) -> str:
    """Apply `change` to the text outside `<...>` links."""
    out: list[str] = []
    last = 0
    for match in _URL.finditer(text):
        out.append(change(text[last : match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(change(text[last:]))
    return "".join(out)


def _scaled(number: str, rng: random.Random) -> str:
    value = int(number.replace(",", ""))
    factor = rng.uniform(0.4, 2.5)
    new = value * factor
    if value >= 1000:
        new = round(new, -2)
    elif value >= 100:
        new = round(new, -1)
    result = max(2, round(new))
    return f"{result:,}" if "," in number or result >= 10_000 else str(result)


def _rename(text: str, variant: Variant, seed_author: str, seed_place: Place) -> str:
    place = variant.place
    text = text.replace(seed_author, variant.author)
    text = re.sub(rf"\b{seed_place.adjective}\b", place.adjective, text)
    text = re.sub(rf"\b{seed_place.country}\b", place.country, text)
    text = re.sub(rf"\b{seed_place.capital}\b", place.capital, text)
    for old, new in zip(seed_place.cities, place.cities, strict=True):
        text = re.sub(rf"\b{old}\b", new, text)
    initial = place.country[0]
    text = re.sub(r"\bNMI\b", f"NM{initial}", text)
    text = re.sub(r"\bNTM-I\b", f"NTM-{initial}", text)
    return re.sub(r"\bBrussels\b", variant.summit, text)


def vary_text(text: str, variant: Variant, *, seed_author: str, numbers: bool = True) -> str:
    """Swap names and places, shift years and (if `numbers`) scale counts in `text`."""

    def count(match: re.Match[str]) -> str:
        number = match.group(1)
        if _YEAR.fullmatch(number):
            return number
        # Seeded by the number itself, so it scales the same way wherever it appears (a pull
        # quote and the sentence it repeats keep matching).
        return _scaled(number, random.Random(f"{variant.scale_seed}:{number}"))

    def change(chunk: str) -> str:
        chunk = _rename(chunk, variant, seed_author, PLACES[0])
        chunk = _YEAR.sub(lambda m: str(int(m.group(1)) + variant.year_shift), chunk)
        return _COUNT.sub(count, chunk) if numbers else chunk

    return _outside_urls(text, change)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def render_variant(doc: SeedDocument, variant: Variant, *, seed_author: str) -> str:
    """One synthetic article: the seed with its free groups reordered and its details varied."""
    rng = random.Random(variant.order_seed)
    order: list[int] = []
    first_body = min(i for groups in doc.sections for group in groups for i in group)
    order.extend(range(first_body))  # header and lead stay first
    headings = [i for i, p in enumerate(doc.paragraphs) if p.role == "heading"]
    for s, groups in enumerate(doc.sections):
        if s:
            order.append(headings[s - 1])
        free = [g for g in range(len(groups)) if (s, g) not in doc.pinned]
        shuffled = free[:]
        rng.shuffle(shuffled)
        placed = dict(zip(free, shuffled, strict=True))
        for g in range(len(groups)):
            order.extend(groups[placed.get(g, g)])
    order.extend(range(len(order), len(doc.paragraphs)))  # translation, bio, notes
    paragraphs = doc.paragraphs
    varied = SeedDocument(
        doc.leading_blank,
        [
            Paragraph(
                vary_text(
                    p.text, variant, seed_author=seed_author, numbers=p.role not in ("notes",)
                ).split("\n"),
                p.blank_before,
                p.role,
            )
            for p in paragraphs
        ],
        doc.trailing,
    )
    return varied.render(order)


def seed_author(doc: SeedDocument) -> str:
    """Return the author line: the last header paragraph."""
    return [p for p in doc.paragraphs if p.role == "header"][-1].text.strip()


def generate_corpus(
    out: Path, count: int, *, seed: Path = DEFAULT_SEED, random_seed: int = 0
) -> list[Path]:
    """Write `count` synthetic articles derived from `seed` into `out`; return their paths."""
    doc = parse_seed(seed.read_text(encoding="utf-8"))
    author = seed_author(doc)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(random_seed)
    seed_year = int(m.group(1)) if (m := re.search(r"-(\d{4})-", seed.stem)) else 2024
    paths: list[Path] = []
    for index in range(count):
        variant = make_variant(index, rng)
        name = (
            f"{_slug(variant.surname)}-{seed_year + variant.year_shift}-nato-mission-"
            f"{_slug(variant.place.country)}-{index:05d}.txt"
        )
        path = out / name
        path.write_text(render_variant(doc, variant, seed_author=author), encoding="utf-8")
        paths.append(path)
    return paths


# ---------------------------------------------------------------------------------------------
# The query mix
# ---------------------------------------------------------------------------------------------

_FACT_QUERIES = (
    # keywords
    "bundeswehr contribution", "advisory mission", "fragile states index",
    "security sector reform", "militias iran", "corruption nepotism", "islamic state",
    "popular mobilization forces", "peshmerga reform", "strategic concept", "projecting stability",
    "refugee crisis", "burden-sharing", "{country} population", "{adj} army", "{capital}", "{city}",
    "soldiers", "brics", "shiite axis", "coalition against IS", "advisor rotation",
    "weak statehood", "external actors", "NATO summit {summit}", "out-of-area missions",
    # questions
    "how many soldiers in NATO Mission {country}", "when was {acr} decided",
    "what is the 360-degree approach", "who is the prime minister of {country}",
    "why is {country} a fragile state", "how many attacks on US positions",
    "what does {acr} advise on", "how long do NATO advisors stay",
    "how many partners in the coalition against IS", "when did IS control {city}?",
    "what happened to the {adj} army in 2014", "is {acr} a combat mission?",
    "how many officers did NTM-{initial} train", "what are the three challenges",
    "which countries contribute to the mission", "how big is the German contribution",
    "can the mission be a model for Africa?", "What is projecting stability?",
    "where is the mission based", "who controls the militias",
    # typos
    "soldeirs", "miltias iran", "fragil states indx", "corupption", "advisroy mision",
    "terrorsim", "peshmerga reforrm", "bundeswher", "stategic concept", "natoo mision {country}",
    "secuirty sector", "populaton of {country}", "withdrawl of us troops", "{country}i army",
    # acronyms
    "{acr}", "NTM-{initial}", "ISAF", "RSM", "IS", "UNDP", "EU", "BRICS", "NATO", "US",
    "{acr} mandate", "ISAF vs {acr}", "nato mission {country} (nm{initial})",
    # figures and names
    "2,500 soldiers", "40 million", "600", "2018", "{author}", "Al Sudani", "Putin", "Hamas",
    "{city}’s", "7 October",
    # edge cases
    "", "   ", "?", "the", "and of the", "NATO NATO NATO NATO", "<b>nato</b>", "🙂 nato mission",
    "security " * 30,
)  # fmt: skip

_QUOTE_QUERIES = (
    "Masala", "Carlo Masala", "foreign deployments", "reasons why foreign deployments",
    "the world has not suddenly become safer", "NATO standards highest and best", "fragile state",
    "military pressure on IS", "important skills", "security considerations", "{author}",
    "who said foreign deployments may be necessary", "quote about alliance defence",
    "Masalla", "deployements", "{country} still a fragile state", "{acr}", "NATO",
    "territorial and alliance defence", "", "?", "standards", "stabilising the {adj} state",
    "masala deployments overnight", "the same is true for NATO",
)  # fmt: skip


@dataclass(frozen=True)
class QueryMix:
    """The fixed queries one serving run times, per command."""

    facts: tuple[str, ...]
    quotes: tuple[str, ...]
    autocomplete: tuple[str, ...]


def _fill(template: str, rng: random.Random) -> str:
    place = rng.choice(PLACES)
    return template.format(
        country=place.country,
        adj=place.adjective,
        capital=place.capital,
        city=rng.choice(place.cities),
        acr=f"NM{place.country[0]}",
        initial=place.country[0],
        summit=rng.choice(SUMMIT_CITIES),
        author=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
    )


def query_mix(count: int = DEFAULT_QUERIES, *, random_seed: int = 0) -> QueryMix:
    """`count` fact, quote and autocomplete queries, the same for every run with the same seed.

    Templates cycle in order (so every kind is covered) and are filled with places and names the
    generator uses; autocomplete takes prefixes of 0 to 12 characters of the fact queries.
    """
    rng = random.Random(random_seed)
    facts = tuple(_fill(_FACT_QUERIES[i % len(_FACT_QUERIES)], rng) for i in range(count))
    quotes = tuple(_fill(_QUOTE_QUERIES[i % len(_QUOTE_QUERIES)], rng) for i in range(count))
    partials = tuple(facts[(i * 7) % len(facts)][: i % 13] for i in range(count)) if facts else ()
    return QueryMix(facts, quotes, partials)


# ---------------------------------------------------------------------------------------------
# Measurement (each phase in its own child process)
# ---------------------------------------------------------------------------------------------

BUILT_AT = "2026-01-01T00:00:00+00:00"


def peak_mb() -> float:
    """Return the peak resident set size so far, in MiB (ru_maxrss is KiB on Linux)."""
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024


def current_mb() -> float:
    """Return the current resident set size in MiB (0 where /proc is missing)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * resource.getpagesize() / (1024 * 1024)


def _load_1m() -> float:
    """Return the one-minute load average (other work on the machine skews wall-clock times)."""
    try:
        return round(os.getloadavg()[0], 2)
    except (AttributeError, OSError):
        return 0.0


def percentile(values: Sequence[float], pct: float) -> float:
    """Return the nearest-rank percentile of `values` (0 for none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-pct * len(ordered) // 100))))
    return ordered[rank - 1]


def _profiled(profile: Path | None, run: Callable[[], Any]) -> Any:
    """Run `run`, under cProfile writing top entries to `profile` when one is given."""
    if profile is None:
        return run()
    import cProfile
    import io
    import pstats

    profiler = cProfile.Profile()
    value = profiler.runcall(run)
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream).strip_dirs()
    stream.write("== by cumulative time ==\n")
    stats.sort_stats("cumulative").print_stats(35)
    stream.write("== by own time ==\n")
    stats.sort_stats("tottime").print_stats(35)
    profile.parent.mkdir(parents=True, exist_ok=True)
    profile.write_text(stream.getvalue(), encoding="utf-8")
    return value


def child_build(folder: Path, index: Path, profile: Path | None = None) -> dict[str, Any]:
    """Ingest `folder` and build `index`; return timings, counts and peak memory."""
    from bot.core.ingest import read_seeds
    from bot.store.index_db import build_index

    gc.collect()
    base = peak_mb()
    load_before = _load_1m()
    index.unlink(missing_ok=True)

    def run() -> dict[str, Any]:
        start = time.perf_counter()
        result = read_seeds(folder)
        ingested = time.perf_counter()
        summary = asyncio.run(build_index(result, index, built_at=BUILT_AT))
        stored = time.perf_counter()
        errors = sum(1 for issue in result.issues if issue.level == "error")
        return {
            "articles": len(result.articles),
            "sentences": sum(len(a.sentences) for a in result.articles),
            "quotes": sum(len(a.quotes) for a in result.articles),
            "issues": len(result.issues),
            "errors": errors,
            "ingest_s": ingested - start,
            "store_s": stored - ingested,
            "build_s": stored - start,
            "summary_seconds": summary.seconds,
        }

    stats: dict[str, Any] = _profiled(profile, run)
    stats["base_mb"] = base
    stats["peak_mb"] = peak_mb()
    stats["load_1m"] = [load_before, _load_1m()]
    stats["index_mb"] = index.stat().st_size / (1024 * 1024)
    return stats


class _GcWatch:
    """Count the garbage collector's passes and the time they take, per generation."""

    def __init__(self) -> None:
        self.passes = [0, 0, 0]
        self.ms = [0.0, 0.0, 0.0]
        self._began = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
            return
        generation = info.get("generation", 2)
        self.passes[generation] += 1
        self.ms[generation] += (time.perf_counter() - self._began) * 1000

    def __enter__(self) -> _GcWatch:
        gc.callbacks.append(self)
        return self

    def __exit__(self, *_: object) -> None:
        gc.callbacks.remove(self)


def _part(profile: Path | None, name: str) -> Path | None:
    """Name the profile file of one part of a phase (`serve-1000.txt` → `serve-1000-fact.txt`)."""
    return None if profile is None else profile.with_name(f"{profile.stem}-{name}.txt")


def child_serve(index: Path, queries: int, profile: Path | None = None) -> dict[str, Any]:
    """Load `index`, build a Searcher, time the query mix; return timings and peak memory."""
    from bot.core.search import Searcher
    from bot.store.index_db import load_corpus

    mix = query_mix(queries)
    gc.collect()
    base = peak_mb()
    load_before = _load_1m()
    start = time.perf_counter()
    corpus = asyncio.run(load_corpus(index))
    loaded = time.perf_counter()
    searcher: Searcher = _profiled(_part(profile, "searcher"), lambda: Searcher(corpus))
    ready = time.perf_counter()
    loaded_mb = current_mb()
    # What one full collection costs with the corpus in memory, then freeze the corpus out of
    # later collections as the live bot does after each load (bot.library.settle_memory).
    began = time.perf_counter()
    gc.collect()
    full_gc_ms = (time.perf_counter() - began) * 1000
    tracked = len(gc.get_objects())
    gc.freeze()

    calls: dict[str, Callable[[str], object]] = {
        "fact": searcher.facts,
        "quote": searcher.quotes,
        "autocomplete": lambda partial: searcher.autocomplete("fact", partial),
    }
    inputs = {"fact": mix.facts, "quote": mix.quotes, "autocomplete": mix.autocomplete}

    def measure(kind: str) -> dict[str, Any]:
        call = calls[kind]
        for text in inputs[kind][:3]:  # warm-up, not timed
            with contextlib.suppress(Exception):
                call(text)
        timings: list[float] = []
        cpu: list[float] = []
        errors: list[str] = []
        with _GcWatch() as watch:
            for text in inputs[kind]:
                began = time.perf_counter()
                began_cpu = time.thread_time()
                try:
                    call(text)
                except Exception as exc:  # the searcher must never raise: count and report it
                    errors.append(f"{text!r}: {type(exc).__name__}: {exc}")
                cpu.append((time.thread_time() - began_cpu) * 1000)
                timings.append((time.perf_counter() - began) * 1000)
        slowest = sorted(zip(timings, inputs[kind], strict=True), reverse=True)[:3]
        return {
            "n": len(timings),
            "p50_ms": percentile(timings, 50),
            "p99_ms": percentile(timings, 99),
            "cpu_p50_ms": percentile(cpu, 50),
            "cpu_p99_ms": percentile(cpu, 99),
            "max_ms": max(timings, default=0.0),
            "mean_ms": statistics.fmean(timings) if timings else 0.0,
            "errors": errors[:5],
            "error_count": len(errors),
            "slowest": [[round(ms, 2), text[:60]] for ms, text in slowest],
            "gc_passes": watch.passes,
            "gc_ms": [round(ms, 2) for ms in watch.ms],
        }

    results = {kind: _profiled(_part(profile, kind), partial(measure, kind)) for kind in calls}
    began = time.perf_counter()
    gc.collect()
    frozen_gc_ms = (time.perf_counter() - began) * 1000
    return {
        "queries": results,
        "articles": len(corpus.articles),
        "load_s": loaded - start,
        "searcher_s": ready - loaded,
        "ready_s": ready - start,
        "base_mb": base,
        "loaded_mb": loaded_mb,
        "peak_mb": peak_mb(),
        "load_1m": [load_before, _load_1m()],
        "full_gc_ms": full_gc_ms,
        "frozen_gc_ms": frozen_gc_ms,
        "gc_tracked_objects": tracked,
    }


def _child_main(argv: Sequence[str]) -> int:
    """Entry point of a child process: one phase, one JSON line on stdout."""
    parser = argparse.ArgumentParser(prog="python -m bot.bench")
    parser.add_argument("--child", choices=("build", "serve"), required=True)
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--queries", type=int, default=DEFAULT_QUERIES)
    parser.add_argument("--profile", type=Path)
    args = parser.parse_args(argv)
    if args.child == "build":
        if args.folder is None:
            parser.error("--child build needs --folder")
        stats = child_build(args.folder, args.index, args.profile)
    else:
        stats = child_serve(args.index, args.queries, args.profile)
    sys.stdout.write(json.dumps(stats) + "\n")
    return 0


def _run_child(args: list[str], *, timeout: float) -> dict[str, Any]:
    """Run one phase in a fresh interpreter and return what it printed."""
    env = dict(os.environ)
    root = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    proc = subprocess.run(
        [sys.executable, "-m", "bot.bench", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"bench child {args[:2]} failed ({proc.returncode}):\n{proc.stderr}")
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise RuntimeError(f"bench child {args[:2]} printed no result:\n{proc.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


# ---------------------------------------------------------------------------------------------
# The run and its report
# ---------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    """Build and serving figures for one corpus size."""

    size: int
    build: dict[str, Any]
    serve: dict[str, Any]


@dataclass(frozen=True)
class Targets:
    """The budget the benchmark checks at its largest size."""

    query_p99_ms: float = 5.0
    autocomplete_p99_ms: float = 5.0
    build_s: float = 60.0
    peak_mb: float = 300.0


def machine_info() -> dict[str, str]:
    """CPU, cores, memory, Python and date of the machine running the benchmark."""
    import platform
    from datetime import UTC, datetime

    cpu = "unknown"
    memory = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / (1024 * 1024):.1f} GiB"
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "load average at start": " ".join(f"{x:.2f}" for x in load),
    }


def _ms(stats: dict[str, Any], kind: str) -> str:
    entry = stats["queries"][kind]
    return f"{entry['p50_ms']:.2f} / {entry['p99_ms']:.2f}"


def render_table(results: Sequence[SizeResult]) -> str:
    """Render the results as a Markdown table, one row per corpus size."""
    header = (
        "| articles | sentences | build s (ingest + store) | build peak MB | load s (load + "
        "searcher) | serving peak MB | fact p50 / p99 ms | quote p50 / p99 ms | "
        "autocomplete p50 / p99 ms | query errors |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    rows = [header]
    for r in results:
        b, s = r.build, r.serve
        errors = sum(s["queries"][k]["error_count"] for k in ("fact", "quote", "autocomplete"))
        rows.append(
            f"| {b['articles']:,} | {b['sentences']:,} | {b['build_s']:.2f} "
            f"({b['ingest_s']:.2f} + {b['store_s']:.2f}) | {b['peak_mb']:.0f} | "
            f"{s['ready_s']:.2f} ({s['load_s']:.2f} + {s['searcher_s']:.2f}) | "
            f"{s['peak_mb']:.0f} | {_ms(s, 'fact')} | {_ms(s, 'quote')} | "
            f"{_ms(s, 'autocomplete')} | {errors} |"
        )
    return "\n".join(rows)


def render_cpu_table(results: Sequence[SizeResult]) -> str:
    """Render CPU time per query and the machine's load while each size ran.

    Wall-clock latency is what a user sees; CPU time (this thread only) is what the code costs,
    whatever else the machine is doing. A wide gap between the two means a busy machine.
    """
    rows = [
        "| articles | fact CPU p50 / p99 ms | quote CPU p50 / p99 ms | autocomplete CPU p50 / p99 "
        "ms | load (1 min) build, serve |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        q = r.serve["queries"]
        cells = [
            f"{q[k].get('cpu_p50_ms', 0.0):.2f} / {q[k].get('cpu_p99_ms', 0.0):.2f}"
            for k in ("fact", "quote", "autocomplete")
        ]
        load = f"{max(r.build.get('load_1m', [0.0])):.2f}, {max(r.serve.get('load_1m', [0.0])):.2f}"
        rows.append(f"| {r.build['articles']:,} | {' | '.join(cells)} | {load} |")
    return "\n".join(rows)


def check_targets(result: SizeResult, targets: Targets = Targets()) -> list[tuple[str, bool]]:
    """Each target with whether `result` meets it."""
    q = result.serve["queries"]
    peak = max(result.build["peak_mb"], result.serve["peak_mb"])
    return [
        (f"fact p99 {q['fact']['p99_ms']:.2f} ms < {targets.query_p99_ms:g} ms",
         q["fact"]["p99_ms"] < targets.query_p99_ms),
        (f"quote p99 {q['quote']['p99_ms']:.2f} ms < {targets.query_p99_ms:g} ms",
         q["quote"]["p99_ms"] < targets.query_p99_ms),
        (f"autocomplete p99 {q['autocomplete']['p99_ms']:.2f} ms "
         f"< {targets.autocomplete_p99_ms:g} ms",
         q["autocomplete"]["p99_ms"] < targets.autocomplete_p99_ms),
        (f"build {result.build['build_s']:.1f} s < {targets.build_s:g} s",
         result.build["build_s"] < targets.build_s),
        (f"peak memory {peak:.0f} MB < {targets.peak_mb:g} MB", peak < targets.peak_mb),
    ]  # fmt: skip


def run_benchmark(
    sizes: Sequence[int],
    *,
    queries: int = DEFAULT_QUERIES,
    workdir: Path | None = None,
    keep: bool = False,
    seed_file: Path = DEFAULT_SEED,
    random_seed: int = 0,
    profile_dir: Path | None = None,
    timeout: float = 3600.0,
    log: Callable[[str], None] = lambda line: print(line, file=sys.stderr, flush=True),
) -> list[SizeResult]:
    """Generate, build, load and query each corpus size, each phase in a fresh process."""
    base = workdir if workdir is not None else Path(tempfile.mkdtemp(prefix="factbot-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []
    results: list[SizeResult] = []
    try:
        for size in sizes:
            folder = base / f"corpus-{size}"
            index = base / f"index-{size}.sqlite3"
            if folder.exists():
                shutil.rmtree(folder)
            made += [folder, index]
            began = time.perf_counter()
            generate_corpus(folder, size, seed=seed_file, random_seed=random_seed)
            log(f"[{size}] generated in {time.perf_counter() - began:.1f} s → {folder}")
            build = _run_child(
                ["--child", "build", "--folder", str(folder), "--index", str(index)],
                timeout=timeout,
            )
            log(f"[{size}] built in {build['build_s']:.2f} s, peak {build['peak_mb']:.0f} MB")
            serve = _run_child(
                ["--child", "serve", "--index", str(index), "--queries", str(queries)],
                timeout=timeout,
            )
            log(f"[{size}] served, peak {serve['peak_mb']:.0f} MB")
            results.append(SizeResult(size, build, serve))
            if profile_dir is not None:
                for phase, extra in (
                    ("build", ["--folder", str(folder)]),
                    ("serve", ["--queries", str(queries)]),
                ):
                    target = profile_dir / f"{phase}-{size}.txt"
                    _run_child(
                        ["--child", phase, "--index", str(index), *extra, "--profile", str(target)],
                        timeout=timeout,
                    )
                    shown = target if phase == "build" else target.with_name(f"serve-{size}-*.txt")
                    log(f"[{size}] profile of {phase} → {shown}")
    finally:
        if not keep:
            if workdir is None:
                shutil.rmtree(base, ignore_errors=True)
            else:
                for path in made:
                    if path.is_dir():
                        shutil.rmtree(path, ignore_errors=True)
                    else:
                        path.unlink(missing_ok=True)
    return results


def render_report(results: Sequence[SizeResult], machine: dict[str, str]) -> str:
    """Render the report: machine, table, targets at the largest size, slowest queries."""
    lines = [
        "Machine: " + ", ".join(f"{k} {v}" for k, v in machine.items()),
        "",
        render_table(results),
        "",
        render_cpu_table(results),
    ]
    if results:
        largest = max(results, key=lambda r: r.size)
        lines += ["", f"Targets at {largest.build['articles']:,} articles:"]
        lines += [f"- {'ok  ' if ok else 'MISS'} {text}" for text, ok in check_targets(largest)]
        lines += ["", f"Slowest queries at {largest.build['articles']:,} articles:"]
        for kind in ("fact", "quote", "autocomplete"):
            entry = largest.serve["queries"][kind]
            slow = "; ".join(f"{ms} ms {text!r}" for ms, text in entry["slowest"])
            lines.append(f"- {kind}: {slow}")
            if "gc_passes" in entry:
                lines.append(
                    f"  - garbage collection during the {entry['n']} queries: passes per "
                    f"generation {entry['gc_passes']}, ms {entry['gc_ms']}"
                )
            lines += [f"  - error: {error}" for error in entry["errors"]]
        if "full_gc_ms" in largest.serve:
            lines.append(
                f"- a full garbage collection with the index loaded takes "
                f"{largest.serve['full_gc_ms']:.0f} ms ({largest.serve['gc_tracked_objects']:,} "
                f"tracked objects); {largest.serve.get('frozen_gc_ms', 0.0):.1f} ms once the "
                "index is frozen out of collections (gc.freeze, as the live bot does after each "
                "load; the queries above ran frozen)"
            )
        issues = [f"{r.build['articles']:,}: {r.build['issues']}" for r in results]
        lines += ["", "Ingest issues per size (warnings + errors): " + ", ".join(issues)]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(_child_main(sys.argv[1:]))
