"""Briefing selection: determinism, spread, rotation without repeats, reindex stability, limits."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot.cli import main as cli_main
from bot.core.briefing import (
    Briefing,
    PoolUsage,
    Usage,
    UsageRow,
    apply_usage,
    candidates,
    forecast,
    item_key,
    pick,
    rotation_status,
    usage_from_rows,
)
from bot.core.briefing_text import (
    escape_markdown,
    marker,
    nonce,
    render_plain,
    render_text,
    text_length,
    to_json,
)
from bot.core.model import Article, Corpus, Figure, Note, Quote, Sentence
from bot.store.briefings import BriefingStore

LIMIT = 2000  # Discord's message limit, which the bot passes in

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

GUILD = 111
DAY = date(2026, 7, 1)


def make_article(
    article_id: str, *, sections: int = 3, per_section: int = 4, offset: int = 0
) -> Article:
    """An article with numbered sections, facts with notes, figures and quotes.

    Per section: the first sentence carries the figure and the last one hosts the quote, so
    (those being kept out of the facts) each section gives `per_section - 2` facts.
    """
    sentences: list[Sentence] = []
    figures: list[Figure] = []
    quotes: list[Quote] = []
    n = offset
    for s in range(sections):
        section = f"Section {s + 1}" if s else ""
        for p in range(per_section):
            n += 1
            sid = f"{article_id}:s{n:04d}"
            text = (
                f"In {article_id} section {s + 1}, fact number {p + 1} says that "
                f"around {100 + p} soldiers served for {p + 2} years in the region."
            )
            sentences.append(Sentence(sid, text, section, n, notes=(1,) if p % 2 else ()))
            if p == 0:  # the first sentence of each section has the section's figure
                start = text.index(f"around {100 + p}")
                fig = f"around {100 + p} soldiers"
                figures.append(
                    Figure(
                        fig, 100.0 + p, "soldiers", "around", "count", sid, start, start + len(fig)
                    )
                )
            figures.append(Figure("2026", 2026, "", None, "year", sid, 0, 0))  # never a figure
        qid = f"{article_id}:q{s + 1:03d}"
        quotes.append(
            Quote(
                qid,
                f"We said thing {s + 1} in {article_id}.",
                "A. Speaker",
                "direct",
                sentences[-1].id,
            )
        )
    sentences.append(Sentence(f"{article_id}:s9999", "1. a list item,", "", 99))
    return Article(
        id=article_id,
        title=f"Title of {article_id}",
        source_file=f"{article_id}.txt",
        authors=("Ann Author",),
        sections=tuple(f"Section {s + 1}" for s in range(1, sections)),
        notes=(
            Note(1, "Source 2023: A report, in: <https://example.org/r>", "https://example.org/r"),
        ),
        sentences=tuple(sentences),
        quotes=tuple(quotes),
        figures=tuple(figures),
    )


def corpus(*articles: Article) -> Corpus:
    return Corpus(articles=articles or (make_article("alpha"), make_article("beta")))


def run_days(corp: Corpus, days: int, *, facts: int = 3, usage: Usage | None = None):
    cands = candidates(corp)
    state = dict(usage or {})
    out: list[Briefing] = []
    for n in range(days):
        briefing = pick(cands, state, GUILD, DAY + timedelta(days=n), facts=facts, limit=LIMIT)
        state = apply_usage(state, briefing.usage)
        out.append(briefing)
    return out, state


def test_candidates_filter_and_keys() -> None:
    cands = candidates(corpus())
    assert len(cands.fact) == 12  # the list fragment, figure and quote hosts are not facts
    assert len(cands.figure) == 6  # year figures are not shown as figures
    assert len(cands.quote) == 6
    hosts = {i.sentence_id for i in (*cands.figure, *cands.quote)}
    assert hosts.isdisjoint(i.sentence_id for i in cands.fact)
    keys = [i.key for i in (*cands.fact, *cands.figure, *cands.quote)]
    assert len(keys) == len(set(keys))
    cited = next(i for i in cands.fact if i.citations[0].note == 1)
    assert cited.citations[0].url == "https://example.org/r"
    uncited = next(i for i in cands.fact if i.citations[0].note is None)
    assert "Title of" in uncited.citations[0].text  # the article itself


def test_an_ordinal_is_the_figure_of_the_day_only_when_nothing_measures() -> None:
    text = "The 15th plan, adopted in March, sets growth targets for every province of the country."
    ordinal = Figure("15th", 15.0, "", None, "ordinal", "o:s0001", 4, 8)
    only_ordinal = Article(
        id="o",
        title="Plans",
        source_file="o.txt",
        sentences=(Sentence("o:s0001", text, "", 1),),
        figures=(ordinal,),
    )
    assert [i.figure for i in candidates(Corpus(articles=(only_ordinal,))).figure] == [ordinal]
    second = "The plan covers 12 provinces and sets a growth target for each of them."
    at = second.index("12")
    count = Figure("12 provinces", 12.0, "provinces", None, "count", "o:s0002", at, at + 12)
    with_count = replace(
        only_ordinal,
        sentences=(
            *only_ordinal.sentences,
            Sentence("o:s0002", second, "", 2),
        ),
        figures=(ordinal, count),
    )
    assert [i.figure for i in candidates(Corpus(articles=(with_count,))).figure] == [count]


def test_keys_are_stable_across_reindex_renumbering_and_whitespace() -> None:
    a = candidates(Corpus((make_article("alpha"),)))
    b = candidates(Corpus((make_article("alpha", offset=500),)))  # every sentence id changed
    assert [i.key for i in a.fact] == [i.key for i in b.fact]
    assert {i.source_id for i in a.fact}.isdisjoint({i.source_id for i in b.fact})
    assert item_key("fact", "x", "It’s  a\nfact.") == item_key("fact", "x", "It's a fact.")
    assert item_key("fact", "x", "A fact.") != item_key("fact", "y", "A fact.")


def test_pick_shape_and_determinism() -> None:
    cands = candidates(corpus())
    one = pick(cands, {}, GUILD, DAY, facts=3, limit=LIMIT)
    two = pick(cands, {}, GUILD, DAY, facts=3, limit=LIMIT)
    assert one == two
    assert len(one.facts) == 3 and one.figure is not None and one.quote is not None
    assert [r.key for r in one.usage] == [i.key for i in one.items]
    assert pick(cands, {}, GUILD, DAY + timedelta(days=1), limit=LIMIT) != one
    assert pick(cands, {}, GUILD + 1, DAY, limit=LIMIT) != one
    # no sentence twice in one briefing
    sentence_ids = [i.sentence_id for i in one.items]
    assert len(sentence_ids) == len(set(sentence_ids))


def test_pick_spreads_across_articles_and_sections() -> None:
    cands = candidates(corpus())
    for n in range(20):
        briefing = pick(cands, {}, GUILD, DAY + timedelta(days=n), facts=2, limit=LIMIT)
        assert {i.article.id for i in briefing.facts} == {"alpha", "beta"}
        three = pick(cands, {}, GUILD, DAY + timedelta(days=n), facts=3, limit=LIMIT)
        sections = [(i.article.id, i.section) for i in three.facts]
        assert len(sections) == len(set(sections))


def test_rotation_uses_every_item_before_repeating() -> None:
    corp = corpus()
    cands = candidates(corp)
    briefings, state = run_days(corp, 4, facts=3)  # 12 facts = exactly 4 days
    fact_keys = [i.key for b in briefings for i in b.facts]
    assert len(fact_keys) == 12 and set(fact_keys) == {i.key for i in cands.fact}
    status = {s.pool: s for s in rotation_status(cands, state)}
    assert status["fact"].remaining == 0 and status["quote"].remaining == 2
    # day 5 starts cycle 1 of facts
    fifth = pick(cands, state, GUILD, DAY + timedelta(days=4), facts=3, limit=LIMIT)
    assert {r.cycle for r in fifth.usage if r.pool == "fact"} == {1}
    # quotes (6) wrap on day 7
    briefings, _ = run_days(corp, 7, facts=1)
    quote_keys = [b.quote.key for b in briefings if b.quote]
    assert len(set(quote_keys[:6])) == 6 and quote_keys[6] in quote_keys[:6]


def test_rotation_wraps_inside_one_briefing_without_duplicates() -> None:
    corp = Corpus((make_article("alpha", sections=1, per_section=6),))  # 4 facts
    briefings, _ = run_days(corp, 3, facts=3)
    for b in briefings:
        keys = [i.key for i in b.items]
        assert len(keys) == len(set(keys))
    # day 2: 1 left of cycle 0, then 2 from cycle 1
    cycles = [r.cycle for r in briefings[1].usage if r.pool == "fact"]
    assert sorted(cycles) == [0, 1, 1]


def test_reindex_drops_removed_items_and_adds_new_ones() -> None:
    alpha, beta = make_article("alpha"), make_article("beta")
    _, state = run_days(Corpus((alpha, beta)), 3, facts=3)  # 9 of 12 facts used
    used_before = state["fact"].keys
    # beta removed, gamma added, alpha renumbered by the rebuild
    after = Corpus((make_article("alpha", offset=300), make_article("gamma")))
    cands = candidates(after)
    status = {s.pool: s for s in rotation_status(cands, state)}
    alpha_used = sum(1 for i in cands.fact if i.key in used_before)
    assert status["fact"].total == 12
    assert status["fact"].remaining == 12 - alpha_used
    rest, _ = run_days(after, 10, facts=3, usage=state)
    shown = [i.key for b in rest for i in b.facts]
    assert not any(i.article.id == "beta" for b in rest for i in b.items)
    # everything unused in the new corpus comes before any repeat of alpha's used items
    first_cycle = shown[: 12 - alpha_used]
    assert set(first_cycle).isdisjoint(used_before)
    assert len(set(first_cycle)) == len(first_cycle)
    assert any(k.startswith("fact:gamma:") for k in first_cycle)


def test_usage_from_rows_keeps_the_current_cycle() -> None:
    rows = [("fact", 0, "a"), ("fact", 0, "b"), ("fact", 1, "c"), ("quote", 0, "q"), ("x", 0, "z")]
    usage = usage_from_rows(rows)
    assert usage == {
        "fact": PoolUsage(1, frozenset({"c"})),
        "quote": PoolUsage(0, frozenset({"q"})),
    }


def test_forecast_matches_sequential_picks() -> None:
    corp = corpus()
    cands = candidates(corp)
    briefings, _ = run_days(corp, 5)
    later = forecast(
        cands,
        {},
        GUILD,
        DAY + timedelta(days=4),
        posting_days=[DAY + timedelta(days=n) for n in range(4)],
        limit=LIMIT,
    )
    assert later == briefings[4]


def test_render_text_has_citations_marker_and_fits() -> None:
    cands = candidates(corpus())
    briefing = pick(cands, {}, GUILD, DAY, facts=3, limit=LIMIT)
    text = render_text(briefing, limit=LIMIT)
    assert text_length(text) <= LIMIT
    assert text.splitlines()[-1] == f"-# {marker(GUILD, DAY)}"
    assert text.count("↳") == len(briefing.items)
    assert "Wednesday 1 July 2026" in text
    assert "**around 10" in text  # the figure is bold in its sentence
    assert "A. Speaker" in text
    late = render_text(replace(briefing, late=True), limit=LIMIT)
    assert "posted late" in late
    assert len(nonce(GUILD, DAY)) <= 25 and nonce(GUILD, DAY) != nonce(GUILD, DAY + timedelta(1))


def test_long_items_never_exceed_the_limit() -> None:
    long_note = Note(1, "N" * 900, "https://example.org/" + "x" * 200)
    sentences = tuple(
        Sentence(f"big:s{n:04d}", f"Fact {n} " + "word " * 80 + "end.", f"S{n % 5}", n, notes=(1,))
        for n in range(40)
    )
    article = Article(
        "big", "A very long title " * 5, "big.txt", notes=(long_note,), sentences=sentences
    )
    cands = candidates(Corpus((article,)))
    for facts in (1, 3, 10):
        b = pick(cands, {}, GUILD, DAY, facts=facts, late=True, limit=LIMIT)
        assert text_length(render_text(b, limit=LIMIT)) <= LIMIT
        assert 1 <= len(b.facts) <= facts
    # skipped items are not recorded as used
    b = pick(cands, {}, GUILD, DAY, facts=10, limit=LIMIT)
    assert len(b.usage) == len(b.items)


def test_markdown_and_mentions_are_inert() -> None:
    assert escape_markdown("a *b* _c_ `d` @everyone") == r"a \*b\* \_c\_ \`d\` @everyone"
    assert escape_markdown("# heading") == r"\# heading"


def test_empty_corpus_renders_a_placeholder() -> None:
    briefing = pick(candidates(Corpus()), {}, GUILD, DAY, limit=LIMIT)
    assert briefing.items == ()
    assert "nothing to brief" in render_text(briefing, limit=LIMIT)
    assert "nothing to brief" in render_plain(briefing)


def test_json_and_plain_rendering() -> None:
    briefing = pick(candidates(corpus()), {}, GUILD, DAY, limit=LIMIT)
    data = to_json(briefing, limit=LIMIT)
    assert data["date"] == "2026-07-01" and len(data["items"]) == 5  # type: ignore[arg-type]
    plain = render_plain(briefing)
    assert "note 1:" in plain or "from:" in plain


@pytest.mark.parametrize("facts", [1, 5, 10])
def test_fact_count_is_respected(facts: int) -> None:
    briefing = pick(candidates(corpus()), {}, GUILD, DAY, facts=facts, limit=LIMIT)
    assert len(briefing.facts) == facts


def test_context_dependent_sentences_and_dull_figures_are_left_out() -> None:
    texts = [
        "Second, the mission benefits from having only an advisory mandate in the country.",
        "This means the mission depends on the political will of the government in Baghdad.",
        "The mission encompasses around 600 soldiers, among them 150 advisors from many states.",
        "Iraq holds special geostrategic significance as three of these challenges show here.",
    ]
    sentences = tuple(Sentence(f"a:s{n:04d}", t, "", n) for n, t in enumerate(texts))
    figures = (
        Figure("around 600 soldiers", 600, "soldiers", "around", "count", "a:s0002", 32, 51),
        Figure("three of these challenges", 3, "challenges", None, "count", "a:s0003", 48, 73),
    )
    article = Article("a", "T", "a.txt", sentences=sentences, figures=figures)
    cands = candidates(Corpus((article,)))
    # s0002 is the figure of a day, so not also a fact; s0003's dull figure is no figure
    assert [i.source_id for i in cands.fact] == ["a:s0003"]
    assert [i.figure.text for i in cands.figure if i.figure] == ["around 600 soldiers"]
    # with no figure written in digits, the others are still used
    only_words = replace(article, figures=figures[1:])
    assert len(candidates(Corpus((only_words,))).figure) == 1


# ---------------------------------------------------------------------------- the CLI


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The index of the real seeds, built once by the CLI itself (build-when-missing)."""
    return tmp_path_factory.mktemp("briefing-cli") / "index.sqlite3"


def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str):
    monkeypatch.setenv("FACTBOT_SEEDS_DIR", str(SEEDS))
    monkeypatch.delenv("FACTBOT_DISCORD__DEV_GUILD_ID", raising=False)
    code = cli_main(["briefing", *args, "--build"])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_prints_a_deterministic_briefing(
    seed_index: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    state = tmp_path / "absent.sqlite3"
    args = ("--index", str(seed_index), "--state", str(state), "--guild", "5")
    code, out, _ = run_cli(capsys, monkeypatch, *args, "--date", "2026-11-25", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["date"] == "2026-11-25" and data["guild_id"] == 5
    assert [i["kind"] for i in data["items"]] == ["fact", "fact", "fact", "figure", "quote"]
    assert all(i["citations"] for i in data["items"])
    assert data["text"].endswith("factbot-briefing:5:2026-11-25")
    assert not state.exists()  # review never creates the state file
    _, again, _ = run_cli(capsys, monkeypatch, *args, "--date", "2026-11-25", "--json")
    assert json.loads(again) == data
    code, text, _ = run_cli(capsys, monkeypatch, *args, "--date", "2026-11-25")
    assert code == 0 and "Daily briefing — Wednesday 25 November 2026" in text
    code, discord_text, _ = run_cli(capsys, monkeypatch, *args, "--date", "2026-11-25", "--discord")
    assert discord_text.strip() == data["text"]


async def _record(state: Path, guild: int, day: date, keys: list[UsageRow]) -> None:
    async with BriefingStore(state) as store:
        now = datetime(2026, 11, 25, 8, tzinfo=UTC)
        await store.claim(
            guild, day, channel_id=1, token="t", now=now, lease=timedelta(1), usage=keys
        )
        await store.confirm(guild, day, 999, now=now)


def test_cli_shows_what_was_posted_and_forecasts_after_it(
    seed_index: Path, tmp_path: Path, capsys, monkeypatch
) -> None:
    state = tmp_path / "state.sqlite3"
    base = ("--index", str(seed_index), "--state", str(state), "--guild", "5")
    _, out, _ = run_cli(capsys, monkeypatch, *base, "--date", "2026-11-25", "--json")
    first = json.loads(out)
    rows = [UsageRow(i["kind"], 0, i["key"]) for i in first["items"]]
    asyncio.run(_record(state, 5, date(2026, 11, 25), rows))
    _, out, _ = run_cli(capsys, monkeypatch, *base, "--date", "2026-11-25", "--json")
    posted = json.loads(out)
    assert posted["posted"]["message_id"] == 999
    assert [i["key"] for i in posted["items"]] == [i["key"] for i in first["items"]]
    _, out, _ = run_cli(capsys, monkeypatch, *base, "--date", "2026-11-26", "--json")
    nxt = json.loads(out)
    assert not {i["key"] for i in nxt["items"]} & {i["key"] for i in first["items"]}


def test_cli_rejects_bad_arguments(seed_index: Path, capsys, monkeypatch) -> None:
    code, _, err = run_cli(capsys, monkeypatch, "--index", str(seed_index), "--facts", "11")
    assert code == 2 and "between 1 and 10" in err


def test_no_item_of_any_pool_opens_by_pointing_back() -> None:
    from bot.core.ingest import read_seeds

    corpus = Corpus(articles=read_seeds(Path(__file__).resolve().parents[2] / "seeds").articles)
    cands = candidates(corpus)
    back = ("nevertheless", "this", "these", "it", "its", "they", "however", "second", "but")
    for item in cands.by_key.values():
        if item.pool == "quote":
            continue  # a quotation is shown whole, as it was said
        opening = item.text.split(maxsplit=1)[0].strip(",;:").casefold()
        assert opening not in back, f"{item.pool}: {item.text}"
    short = "Unlike ISAF, NMI is not a combat mission."  # short, but a fact on its own
    assert any(i.text == short and i.pool == "fact" for i in cands.by_key.values())


def test_upcoming_counts_the_briefings_still_due_before_the_day() -> None:
    from bot.core.briefing import upcoming

    cands = candidates(corpus())
    tomorrow = DAY + timedelta(days=1)
    after_today = forecast(cands, {}, GUILD, tomorrow, posting_days=[DAY], limit=LIMIT)
    assert upcoming(cands, {}, GUILD, tomorrow, today=DAY, last_claimed=None, limit=LIMIT) == (
        after_today
    )
    today = pick(cands, {}, GUILD, DAY, limit=LIMIT)
    state = apply_usage({}, today.usage)
    claimed = upcoming(cands, state, GUILD, tomorrow, today=DAY, last_claimed=DAY, limit=LIMIT)
    assert claimed == after_today
    assert claimed == forecast(cands, state, GUILD, tomorrow, limit=LIMIT)
