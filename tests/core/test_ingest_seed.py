"""The seed article end to end: every hard case of the print export, checked on real text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from bot.core.ingest import read_article, read_seeds
from bot.core.ingest.article import layout_of
from bot.core.ingest.formats import SourceDocument
from bot.core.ingest.sentences import SUPERSCRIPTS
from bot.core.ingest.text_reader import TextReader
from bot.core.model import Article, Sentence

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "lamberty-2024-nato-mission-iraq.txt"
AID = "lamberty-2024-nato-mission-iraq"


@pytest.fixture(scope="module")
def article() -> Article:
    found, issues = read_article(SEED)
    assert issues == []
    assert found is not None
    return found


def find(article: Article, start: str) -> Sentence:
    hits = [s for s in article.sentences if s.text.startswith(start)]
    assert len(hits) == 1, (start, [h.text for h in hits])
    return hits[0]


def texts(article: Article) -> list[str]:
    return [s.text for s in article.sentences]


def test_metadata(article: Article) -> None:
    assert article.id == AID
    assert article.source_file == f"seeds/{AID}.txt"
    assert article.series == "NATO. The Indispensable Alliance"
    assert article.title == "Looking in All Directions"
    assert article.subtitle == "NATO Mission Iraq and the Alliance's Role on Its Southern Flank"
    assert article.authors == ("Lucas Lamberty",)
    assert article.translation == "translated from German"
    assert (article.publication, article.date, article.url, article.language) == (
        None,
        None,
        None,
        None,
    )


def test_sections_are_the_four_headings_in_order(article: Article) -> None:
    assert article.sections == (
        "NMI as Part of the 360-Degree Approach",
        "The Challenges in Iraq",
        "Difficult Tasks and Initial Successes",
        "Is NMI a Model for Further Missions in NATO's Southern Periphery?",
    )
    assert find(article, "NATO Mission Iraq (NMI) is the last").section == ""
    assert find(article, "After the 2021 withdrawal").section == article.sections[0]
    assert find(article, "In the Middle East").section == article.sections[1]
    assert find(article, "With respect to the three").section == article.sections[2]
    assert find(article, "In NATO's 75th year").section == article.sections[3]
    # headings are not sentences
    assert not set(article.sections) & set(texts(article))


def test_sentence_counts_by_kind_and_ids(article: Article) -> None:
    kinds = Counter(s.kind for s in article.sentences)
    assert kinds == {"lead": 4, "body": 157, "caption": 4, "bio": 1}
    assert [s.id for s in article.sentences] == [
        f"{AID}:s{n:04d}" for n in range(1, len(article.sentences) + 1)
    ]
    assert article.sentences[0].kind == "lead"
    assert article.sentences[0].text.startswith("Following Russia's invasion of Ukraine")
    assert article.sentences[-1].kind == "bio"
    # reading order: paragraph numbers never go down, source lines only for non-inserts
    paragraphs = [s.paragraph for s in article.sentences]
    assert paragraphs == sorted(paragraphs)


def test_lead_and_bio(article: Article) -> None:
    lead = [s for s in article.sentences if s.kind == "lead"]
    assert {s.section for s in lead} == {""}
    assert {s.paragraph for s in lead} == {1}
    assert lead[-1].text.endswith("in the southern neighbourhood in the future.")
    bio = find(article, "Lucas Lamberty is Head")
    assert bio.kind == "bio"
    assert bio.section == ""
    assert bio.line == 135
    assert "translated from German" not in " ".join(texts(article))


def test_page_breaks_are_repaired_by_rule(article: Article) -> None:
    layout = layout_of(SourceDocument(tuple(TextReader().blocks(SEED.read_text(encoding="utf-8")))))
    pages = [(j.before, j.after) for j in layout.joins if j.kind == "page"]
    assert pages == [
        (21, 23),
        (27, 29),
        (33, 35),
        (43, 45),
        (55, 61),
        (69, 71),
        (79, 81),
        (83, 85),
        (85, 91),
        (111, 113),
    ]
    assert [(j.before, j.after) for j in layout.joins if j.kind == "list"] == [(45, 47)]
    hyphens = [(j.before, j.after) for j in layout.joins if j.hyphen]
    assert hyphens == [(83, 85)]
    lifted = {(j.before, j.after): j.lifted for j in layout.joins if j.lifted}
    assert lifted == {(55, 61): (59,), (85, 91): (89,)}
    joined = texts(article)
    for sentence in (
        "After the 2021 withdrawal from Afghanistan and the onset of the Russian war of "
        "aggression in Ukraine in 2022, there has been a major shift in NATO's focus from its "
        "southern flank to its eastern flank.",
        "By connecting crisis management missions with the principle of cooperative security, "
        "NATO aims to stabilise its southern periphery.",
        "One of the reasons for this was the rejection on the part of member states such as "
        "Germany of the war in Iraq.",
        "However, the country's challenges are tremendous and exemplify the insecurity factors "
        "NATO is facing on its southern flank.",
        "Since 2003, Iraq has become the arena for geopolitical and regional power struggles.",
        "This volatility has been intensified since December 2023 with a renewed discussion in "
        "the country about an end of the international coalition against IS and the withdrawal "
        "of US troops from Iraq, which control military bases in the Kurdistan region of Iraq "
        "and in central Iraq.",
        "Actors in the country who favour Iran, and tend to come from the Shiite Arab spectrum, "
        "traditionally call for a withdrawal of American forces to strengthen Tehran's "
        "position.",
        "A second challenge is related to this: NMI aims to establish state structures, which "
        "are repeatedly undermined by Iran through the infiltration of the security sector by "
        "Iran-friendly militias and the creation of parallel structures.",
    ):
        assert sentence in joined


def test_sentences_interrupted_by_captions_are_whole(article: Article) -> None:
    militias = find(article, "What is more, there are the Popular Mobilization Forces")
    assert militias.text.endswith(
        "nominally under Baghdad's command, but is de facto not "
        "completely integrated into the country's security sector "
        "and is partially controlled by external actors such as "
        "Iran and by local political and religious leaders."
    )
    assert militias.line == 55
    normal = find(article, "The main reason for this has to do with reputation")
    assert normal.text == (
        "The main reason for this has to do with reputation: Iraq is to prove that it is a "
        "safe, “normal” country that is no longer reliant on external military support in its "
        "struggle against IS."
    )
    # the caption comes right after the paragraph it interrupted
    index = article.sentences.index(militias)
    after = next(s for s in article.sentences[index:] if s.paragraph != militias.paragraph)
    assert after.kind == "caption"
    assert after.text.startswith("Gaping void:")
    assert after.paragraph == militias.paragraph + 1


def test_real_hyphens_are_kept(article: Article) -> None:
    body = " ".join(texts(article))
    for word in (
        "US-led",
        "Iraqi-Kurdish",
        "Iran-friendly",
        "out-of-area",
        "hard-to-control",
        "Iraq-Syria",
        "tactical-operational",
    ):
        assert word in body
    assert "tradi-" not in body
    assert "tradi tionally" not in body


def test_numbered_list_is_one_sentence_with_its_introduction(article: Article) -> None:
    listed = find(article, "From a security policy perspective")
    assert listed.text == (
        "From a security policy perspective, three of these challenges are particularly "
        "important: 1. Iraq's weak statehood, 2. Islamic State's continued presence in the "
        "country, and 3. the influence of external actors, especially Iran."
    )
    assert listed.line == 45


def test_captions_carry_their_credit(article: Article) -> None:
    captions = [s for s in article.sentences if s.kind == "caption"]
    assert [c.text for c in captions] == [
        "Gaping void: After the fall of Saddam Hussein, the US-led forces largely dissolved his "
        "security apparatus – initially creating a security vacuum.",
        "The picture shows Firdaus Square in the centre of Baghdad with the pedestal that bore "
        "a statue of the Iraqi dictator until 2003.",
        "Weapons seized from IS: The Islamist terrorist organisation has been significantly "
        "weakened in Iraq in recent years.",
        "However, it has by no means disappeared.",
    ]
    assert [c.credit for c in captions] == [
        "Photo: © Mohammed Jalil, dpa, picture alliance.",
        "Photo: © Mohammed Jalil, dpa, picture alliance.",
        "Photo: © Hadi Mizban, AP, picture alliance.",
        "Photo: © Hadi Mizban, AP, picture alliance.",
    ]
    assert captions[0].paragraph == captions[1].paragraph
    assert captions[2].paragraph == captions[3].paragraph != captions[0].paragraph
    assert [c.section for c in captions] == [article.sections[1]] * 2 + [article.sections[2]] * 2
    assert [c.line for c in captions] == [59, 59, 89, 89]
    assert all("Photo:" not in s.text for s in article.sentences)
    assert all(s.credit is None for s in article.sentences if s.kind != "caption")


PULLS = {
    "20 years after the US-led invasion in 2003, Iraq is still a fragile state.": (
        "20 years after the US-led invasion in 2003, Iraq remains a fragile state"
    ),
    "Iraqi and international forces are currently maintaining military pressure on IS and "
    "limiting its radius.": (
        "Iraqi and international forces are currently maintaining military pressure on IS and "
        "limiting its radius, preventing"
    ),
    "In Iraq, NATO standards are considered the highest and best.": (
        "In Iraq, NATO standards are considered the highest and best."
    ),
    "NATO can apply important skills to the task of further stabilising the Iraqi state.": (
        "NATO can apply important skills to the task of further stabilising the Iraqi state."
    ),
}


def test_pull_quotes_point_at_the_sentence_they_repeat(article: Article) -> None:
    pulls = [q for q in article.quotes if q.kind == "pull"]
    assert [q.text for q in pulls] == list(PULLS)
    by_id = {s.id: s for s in article.sentences}
    for quote in pulls:
        assert quote.speaker == "Lucas Lamberty"
        assert by_id[quote.sentence].text.startswith(PULLS[quote.text])
        assert by_id[quote.sentence].kind == "body"
    # the first pull quote stands before the sentence it paraphrases, the others after
    lines = {q.text: by_id[q.sentence].line for q in pulls}
    assert lines[next(iter(PULLS))] == 51


def test_pull_quotes_are_not_indexed_as_sentences(article: Article) -> None:
    all_text = texts(article)
    assert (
        "20 years after the US-led invasion in 2003, Iraq is still a fragile state." not in all_text
    )
    for text in list(PULLS)[1:]:
        assert sum(1 for s in all_text if s.startswith(text.rstrip("."))) == 1
    assert all_text.count("In Iraq, NATO standards are considered the highest and best.") == 1


def test_footnote_markers_attach_to_the_sentence_they_close(article: Article) -> None:
    assert not any(c in s.text for s in article.sentences for c in SUPERSCRIPTS)
    cited = {n: s for s in article.sentences for n in s.notes}
    assert sorted(cited) == list(range(1, 15))
    assert cited[1].text.endswith('foreign deployments on the other hand."')
    assert cited[3].text == (
        "To assert its security interests on the southern flank NATO has "
        'developed the concept of "projecting stability".'
    )
    assert cited[10].text.endswith("near the top of the Fragile States Index.")
    assert cited[11].text.endswith("as a so-called failing state since 2003.")
    assert cited[14].text.startswith("Short advisor stays hamper")
    assert find(article, "The same is true for NATO as a whole.").notes == ()


def test_notes_list(article: Article) -> None:
    assert [n.number for n in article.notes] == list(range(1, 15))
    first = article.note(1)
    assert first is not None
    assert first.text == (
        "Masala, Carlo 2023: Bedingt abwehrbereit – Deutschlands Schwäche in "
        "der Zeitenwende, Munich, pp.40 f."
    )
    assert first.url is None and first.accessed is None
    second = article.note(2)
    assert second is not None
    assert second.text == "NATO 2015: Statement by NATO Defence Ministers, 25 June 2015."
    assert second.url == "https://ogy.de/5f86"
    assert second.accessed == "2024-01-05"
    third = article.note(3)
    assert third is not None
    assert third.accessed == "2024-03-05"
    assert "in: Hope, Ian (ed.): Projecting Stability: Elixir or Snake Oil?" in third.text
    assert third.text.endswith("here: p.20.")
    tenth = article.note(10)
    assert tenth is not None
    assert tenth.text == (
        "In the current Fragile States Index, Iraq is at 27 of 179. The Fund "
        "For Peace 2023: Fragile States Index Annual Report 2023."
    )
    assert tenth.url == "https://ogy.de/i6cm"
    assert all("<http" not in n.text for n in article.notes)


def test_note_cross_references(article: Article) -> None:
    refs = {n.number: (n.refers_to, n.page) for n in article.notes if n.refers_to}
    assert refs == {7: (5, None), 8: (6, "3"), 9: (8, None), 14: (6, "4")}
    seventh = article.note(7)
    assert seventh is not None and seventh.text == "NATO 2023, n. 5."


def test_direct_quote_of_carlo_masala(article: Article) -> None:
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert len(direct) == 1
    quote = direct[0]
    assert quote.speaker == "Carlo Masala"
    assert quote.text == (
        "The reasons why foreign deployments may be necessary have not disappeared overnight. "
        "The world has not suddenly become safer in this respect. In our security "
        "considerations, we cannot neglect to include both territorial and alliance defence on "
        "the one hand and foreign deployments on the other hand."
    )
    assert quote.notes == (1,)
    home = find(article, "Carlo Masala for example argues")
    assert quote.sentence == home.id
    assert home.text.endswith(
        ': "The reasons why foreign deployments may be necessary have not disappeared overnight.'
    )
    assert home.kind == "body"


def test_terms_in_quotation_marks_are_not_quotes(article: Article) -> None:
    quoted = " ".join(q.text for q in article.quotes)
    for term in ("projecting stability", "normal", "Global South"):
        assert term not in quoted
    assert '"Global South"' in find(article, "NATO's limitation to an advisory mandate").text


def test_quote_ids_follow_reading_order(article: Article) -> None:
    assert [q.id for q in article.quotes] == [f"{AID}:q{n:03d}" for n in range(1, 6)]
    assert [q.kind for q in article.quotes] == ["direct", "pull", "pull", "pull", "pull"]


def figure(article: Article, text: str) -> tuple[str, float, str, str | None, str]:
    hits = [f for f in article.figures if f.text == text]
    assert len(hits) >= 1, text
    f = hits[0]
    by_id = {s.id: s.text for s in article.sentences}
    holder = by_id.get(f.sentence)
    if holder is None:
        note = article.note(int(f.sentence.split(":")[1]))
        assert note is not None
        holder = note.text
    assert holder[f.start : f.end] == f.text
    return f.kind, f.value, f.unit, f.qualifier, f.sentence


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "qualifier"),
    [
        ("around 600 soldiers", "count", 600, "soldiers", "around"),
        ("150 advisors", "count", 150, "advisors", None),
        ("some 45 soldiers", "count", 45, "soldiers", "some"),
        ("about 5,000 Iraqi officers", "count", 5000, "Iraqi officers", "about"),
        ("10,000 policemen", "count", 10_000, "policemen", None),
        ("40 million inhabitants", "count", 40_000_000, "inhabitants", None),
        ("more than 150 attacks", "count", 150, "attacks", "more than"),
        ("about one third of Iraqi territory", "fraction", 1 / 3, "Iraqi territory", "about"),
        ("86 partners", "count", 86, "partners", None),
        ("2,500 soldiers", "count", 2500, "soldiers", None),
        ("six months", "duration", 6, "months", None),
        ("five years", "duration", 5, "years", None),
        ("20 years", "duration", 20, "years", None),
        ("two decades", "duration", 2, "decades", None),
        ("third-most populous", "ordinal", 3, "most populous", None),
        ("75th year", "ordinal", 75, "year", None),
        ("7 October 2023", "date", 20231007, "", None),
        ("July 2018", "date", 20180700, "", None),
        ("June 2015", "date", 20150600, "", None),
        ("December 2023", "date", 20231200, "", None),
        ("mid-October 2023", "date", 20231000, "", "mid"),
        ("2018", "year", 2018, "", None),
        ("1980s", "year", 1980, "decade", None),
    ],
)
def test_figures(
    article: Article, text: str, kind: str, value: float, unit: str, qualifier: str | None
) -> None:
    got = figure(article, text)
    assert got[:4] == (kind, pytest.approx(value), unit, qualifier)


def test_figure_in_a_note(article: Article) -> None:
    kind, value, unit, _, sentence = figure(article, "27 of 179")
    assert (kind, value, unit, sentence) == ("ordinal", 27, "of 179", "note:10")
    # bibliographic years in notes are not figures
    assert all(
        f.kind not in ("year", "date") for f in article.figures if f.sentence.startswith("note:")
    )


def test_years_are_told_apart_from_counts(article: Article) -> None:
    kinds = Counter(f.kind for f in article.figures)
    assert kinds == {
        "year": 24,
        "count": 13,
        "ordinal": 11,
        "date": 10,
        "duration": 6,
        "fraction": 1,
    }
    invasion = find(article, "20 years after the US-led invasion in 2003, Iraq remains")
    found = {f.text: f.kind for f in article.figures if f.sentence == invasion.id}
    assert found == {"20 years": "duration", "2003": "year"}
    mission = find(article, "The mission has been active in Baghdad since 2018")
    assert [(f.text, f.kind) for f in article.figures if f.sentence == mission.id] == [
        ("2018", "year")
    ]
    # no figure is made of page numbers, "360-degree" or a list number
    assert not any(f.text.startswith(("360", "1.", "2.", "3.")) for f in article.figures)


def test_glossary(article: Article) -> None:
    assert {(g.short, g.long) for g in article.glossary} == {
        ("NMI", "NATO Mission Iraq"),
        ("IS", "Islamic State"),
        ("NTM-I", "NATO Training Mission Iraq"),
        ("RSM", "Resolute Support Mission"),
        ("ISAF", "International Security Assistance Force"),
        ("EUAM Iraq", "European Union Advisory Mission in Iraq"),
        ("UNDP", "United Nations Development Programme"),
    }


def test_splitter_survives_the_hard_spots(article: Article) -> None:
    sudani = find(article, "While Iraq has stabilised politically since the government of")
    assert (
        "Prime Minister Mohammed Shia' Al Sudani took office in October 2022, the "
        "situation" in sudani.text
    )
    assert find(article, "The US, which still has 2,500 soldiers").text.endswith("militias.")
    # every sentence starts with a capital letter, a digit or a quote mark and ends a sentence
    for s in article.sentences:
        assert s.text[0].isupper() or s.text[0].isdigit(), s.text
        assert s.text.rstrip('"”').endswith((".", "?", "!")), s.text


def test_source_lines(article: Article) -> None:
    assert find(article, "NATO Mission Iraq (NMI) is the last").line == 15
    assert find(article, "This shift is important and necessary.").line == 23
    assert find(article, "Since 2003, Iraq has become the arena").line == 69
    assert find(article, "This primarily pertains to conflicts").line == 71


def test_read_seeds_reads_the_seed_folder_deterministically() -> None:
    first = read_seeds(ROOT / "seeds")
    second = read_seeds(ROOT / "seeds")
    assert [a.id for a in first.articles] == [AID]
    assert first.issues == ()
    assert first == second
