"""A wire story's byline and credit line, an office holder's quote, and a debate page's speeches.

Each page is written here, in other names and other markup than the held-out wire story and
debate page: a byline naming more people than the page's author tag is the list of authors; a
closing credit "Reporting by A in X and B in Y; Editing by C" is no text; a quote followed by
"Office of Something Dr Name told …" is that person's.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.ingest import read_article
from bot.core.ingest.attribution import speaker_after
from bot.core.ingest.story_credits import closing_credit
from bot.core.model import Article

STORY = [
    "Port authorities in three countries agreed on Monday to share a register of ships that "
    "have dumped ballast water illegally, after a year in which fines went unpaid.",
    "The register will list 212 vessels when it opens in June, the authorities said in a joint "
    "statement issued in Rotterdam after a meeting of their harbour masters.",
    '"A ship that is fined in one port should not sail into the next as if nothing happened," '
    "Baltic Ports Council Head of Enforcement Captain Ingrid Solberg told reporters.",
    "The register will be reviewed after its first year, the statement said.",
]


def page(tmp_path: Path, head: str, byline: str, tail: str = "") -> Article:
    path = tmp_path / "ballast.html"
    body = "".join(f"<p>{t}</p>" for t in STORY)
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ports share ballast register"
        f" | Northsea Wire</title>{head}</head><body><main><article>"
        f"<h1>Ports share ballast register</h1>{byline}<div class='story'>{body}</div>{tail}"
        "</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


def test_a_printed_byline_naming_more_people_than_the_author_tag_gives_every_author(
    tmp_path: Path,
) -> None:
    head = "<meta name='author' content='Pieter Smit'>"
    byline = (
        "<p class='byline'>By <a href='/a/ps'>Pieter Smit</a>, <a href='/a/al'>Anna Lund</a> "
        "and <a href='/a/mk'>Marta Kowalczyk</a></p>"
    )
    read = page(tmp_path, head, byline)
    assert read.authors == ("Pieter Smit", "Anna Lund", "Marta Kowalczyk")
    assert not any("Anna Lund" in s.text for s in read.sentences)


def test_a_printed_byline_naming_the_author_tag_alone_changes_nothing(tmp_path: Path) -> None:
    head = "<meta name='author' content='Pieter Smit'>"
    read = page(tmp_path, head, "<p class='byline'>By <a href='/a/ps'>Pieter Smit</a></p>")
    assert read.authors == ("Pieter Smit",)
    # another person's byline elsewhere names no one of the tag's: the tag stands
    other = page(tmp_path, head, "<p class='byline'>By <a href='/a/al'>Anna Lund</a></p>")
    assert other.authors == ("Pieter Smit",)


def test_a_credit_line_naming_where_each_reporter_filed_from_is_no_text(tmp_path: Path) -> None:
    credit = (
        "<p class='credit'>Reporting by Pieter Smit in Rotterdam, Anna Lund in Gothenburg and "
        "Marta Kowalczyk in Gdansk; Writing by Anna Lund; Editing by Tom Reyes</p>"
    )
    read = page(tmp_path, "", "", credit)
    texts = [s.text for s in read.sentences]
    assert texts[-1] == "The register will be reviewed after its first year, the statement said."
    assert closing_credit("Reporting by Ann Lee and Bo Chen in Tokyo; Editing by Cy Diaz")


def test_a_credit_shaped_line_holding_a_sentence_is_still_text() -> None:
    assert not closing_credit("Reporting by Ana Ruiz in Lima. The council votes in May.")
    assert not closing_credit("Reporting by the team in Geneva and elsewhere; it rained")


def test_a_quote_before_an_office_and_a_titled_name_is_that_persons(tmp_path: Path) -> None:
    read = page(tmp_path, "", "")
    quotes = [q for q in read.quotes if q.text.startswith("A ship that is fined")]
    assert [q.speaker for q in quotes] == ["Ingrid Solberg"]
    tail = " UN Under-Secretary for Oceans Dr Amara Diallo said on Friday."
    assert speaker_after(tail) == "Amara Diallo"


def test_an_office_with_no_person_after_it_names_no_one() -> None:
    assert speaker_after(" Director of Finance Policy Unit said.") is None
    assert speaker_after(" Head of Enforcement for the Baltic Ports told reporters.") is None


# --- a debate page ----------------------------------------------------------------------------
def debate(tmp_path: Path, speeches: str) -> Article:
    path = tmp_path / "debate.html"
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        "<title>Coastal Ferries (Subsidy) - Official Report - Legislative Assembly</title>"
        "</head><body><main><article><h1>Coastal Ferries (Subsidy)</h1>"
        "<p class='meta'>Vol. 58: sitting of Tuesday 3 February 2026</p>"
        f"{speeches}</article></main></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


SPEECHES = (
    "<span class='col'>Col. 1207</span>"
    "<h4>Mrs Ailsa MacLeod (Outer Isles) (Ind)</h4>"
    "<p>I move,</p>"
    "<p>That this Assembly regrets that the crossing to Barra ran on only 212 days last year; "
    "and calls on the Executive to publish a new timetable by June.</p>"
    "<p>The island lost 41 sailings in January alone, and the shop ran out of bread twice.</p>"
    "<p><b>Mr Tom Reilly (Eastfield) (Lab):</b> Will the Member give way?</p>"
    "<p><b>Mrs MacLeod:</b> No, I will not, not yet.</p>"
    "<p>Members: Hear, hear!</p>"
    "<p>As the Society for Island Transport warned the committee, “a ferry that does not sail "
    "is a bridge that has fallen down.”</p>"
    "<div class='col'>Col. 1208</div>"
    "<h4>The Cabinet Secretary for Transport (Mr Euan Boyd)</h4>"
    "<p>Two new vessels will enter service in 2027, at a cost of £96 million between them.</p>"
    "<p><b>Mrs MacLeod:</b> When will they reach Barra?</p>"
    "<p><b>Euan Boyd:</b> In the spring of 2027, if the yard keeps to its schedule.</p>"
    "<p><em>Question put and agreed to.</em></p>"
    "<p><em>Resolved,</em></p>"
    "<p>That this Assembly regrets that the crossing to Barra ran on only 212 days last year; "
    "and calls on the Executive to publish a new timetable by June.</p>"
)


def test_a_debate_page_gives_each_speech_its_member_and_drops_the_record_furniture(
    tmp_path: Path,
) -> None:
    read = debate(tmp_path, SPEECHES)
    spoken = {s.text: s.speaker for s in read.sentences}
    assert (
        spoken["The island lost 41 sailings in January alone, and the shop ran out of bread twice."]
        == "Ailsa MacLeod"
    )
    assert spoken["Will the Member give way?"] == "Tom Reilly"
    assert (
        spoken["Two new vessels will enter service in 2027, at a cost of £96 million between them."]
        == "Euan Boyd"
    )
    texts = [s.text for s in read.sentences]
    assert not any(t.startswith(("Col.", "Vol.", "sitting of")) for t in texts), texts
    assert not any(q.text.startswith(("Col.", "sitting")) for q in read.quotes)
    # the cheer interrupts the speech: what comes after it is still hers
    assert spoken["Hear, hear!"] is None
    cheered = next(t for t in texts if t.startswith("As the Society for Island Transport"))
    assert spoken[cheered] == "Ailsa MacLeod"
    society = [q for q in read.quotes if q.text.startswith("a ferry that does not sail")]
    assert [q.speaker for q in society] == ["Society for Island Transport"]
    # the motion moved and then resolved is the record's text, twice, never a pull quote
    assert sum(t.startswith("That this Assembly regrets") for t in texts) == 2
    assert not any(q.kind == "pull" for q in read.quotes)
    assert spoken["Question put and agreed to."] is None


def test_a_heading_naming_no_member_gives_no_speech_a_speaker(tmp_path: Path) -> None:
    """A section heading with a bracket that is no seat or party ("(2024)") names nobody."""
    read = debate(
        tmp_path,
        "<h4>Ferry Reliability Report (2024)</h4>"
        "<p>The report counted 212 cancelled sailings, most of them in winter storms.</p>"
        "<p><b>Mrs Ailsa MacLeod (Outer Isles) (Ind):</b> Will the Minister give way?</p>"
        "<p><b>Euan Boyd (Minister for Transport):</b> I will.</p>"
        "<p><b>Mrs MacLeod:</b> When will the new timetable be published?</p>",
    )
    spoken = {s.text: s.speaker for s in read.sentences}
    assert (
        spoken["The report counted 212 cancelled sailings, most of them in winter storms."] is None
    )
    assert spoken["I will."] == "Euan Boyd"


# --- a standfirst set as a heading --------------------------------------------------------------
POST = (
    "<p>Ninety-one of the county's 140 libraries now open on Sundays, up from 37 in 2023, after "
    "the council moved staff from weekday mornings.</p>"
    "<p>Visits on Sundays rose to 18,400 a month, while weekday visits fell by about 6 per "
    "cent, according to the council's own count.</p>"
)


def post(tmp_path: Path, standfirst: str, author: bool) -> Article:
    path = tmp_path / "libraries.html"
    head = "<meta name='author' content='Imogen Thrale'>" if author else ""
    path.write_text(
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Sunday libraries</title>"
        f"{head}</head><body><article><header><h1>Sunday libraries</h1>{standfirst}</header>"
        f"<section class='content'>{POST}</section></article></body></html>",
        encoding="utf-8",
    )
    read, issues = read_article(path)
    assert read is not None, issues
    return read


DECK = "More libraries open on Sundays. Fewer people come in on weekdays."


def test_a_standfirst_set_as_a_heading_is_the_subtitle_only(tmp_path: Path) -> None:
    for author in (True, False):
        read = post(tmp_path, f"<h2 class='standfirst'>{DECK}</h2>", author)
        assert read.subtitle == DECK
        texts = [s.text for s in read.sentences]
        assert "More libraries open on Sundays." not in texts, texts
        assert "Fewer people come in on weekdays." not in texts
        assert texts[0].startswith("Ninety-one of the county's 140 libraries")
    assert post(tmp_path, f"<h2 class='standfirst'>{DECK}</h2>", True).authors == ("Imogen Thrale",)


def test_a_standfirst_paragraph_stays_the_first_text(tmp_path: Path) -> None:
    read = post(tmp_path, f"<p class='standfirst'>{DECK}</p>", True)
    assert read.subtitle == DECK
    assert "More libraries open on Sundays." in [s.text for s in read.sentences]
