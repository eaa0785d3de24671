"""The benchmark's synthetic corpus: one print-export seed turned into N different articles.

A deterministic generator, in the seed's own format (header lines, headings, page breaks,
captions, pull quotes, footnote markers and the notes list): it reorders paragraph groups where
that is safe, swaps names and places, scales counts and shifts years. The seed's structure is
read here by a round-tripping paragraph parser (it must reproduce the text byte for byte, which
ingestion does not); no timing here.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

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
