"""Resolutions of other bodies and other courts' judgment summaries, read as plain text.

The resolution here is a council's, laid out unlike the held-out assembly's: single-spaced
with paragraphs wrapped over lines, a "Resolution 58/12." title number, a third footnote,
roman sub-items. A Security Council-style resolution has no title number. The summary is a
Court of Appeal's "CASE SUMMARY" with "Judges:" and "Hearing date:" lines and a "NOTE TO
EDITORS" heading. The negative cases keep what must read as before: an article with a numbered
list, an article naming a case in prose, a citation with no case name over it.
"""

from __future__ import annotations

from bot.core.ingest.attribution import lead_in_speaker
from bot.core.ingest.sentences import split_sentences
from tests.core.ingested import ingest, texts

COUNCIL = """Human Rights Council                         A/HRC/RES/58/12
Fifty-eighth session                           11 April 2025
Agenda item 3

Resolution adopted by the Human Rights Council on 4 April 2025

Resolution 58/12. The right to clean water in rural areas

The Human Rights Council,
Reaffirming its earlier resolutions on the human right to safe drinking water and
sanitation, including resolution 54/7,
Gravely concerned that some 1.8 billion people still lack water at home,3
Acknowledging the work of the Special Rapporteur,
1. Calls upon States to adopt national plans that:
(i) Identify the rural households without piped water;
(ii) Set targets for reaching them by 2030;
2. Requests the Office of the High Commissioner to hold a workshop on the
subject before its sixtieth session.

40th meeting
4 April 2025

__________
3 Estimate of the Joint Monitoring Programme, 2024 update.
"""

SECURITY = """Resolution 2801 (2025)

Adopted by the Security Council at its 9901st meeting, on 12 June 2025

The Security Council,

Recalling its previous resolutions on the situation in the region,

Expressing grave concern at the humanitarian situation,

1. Demands that all parties allow the delivery of aid;

2. Decides to remain seized of the matter.
"""


def test_a_councils_single_spaced_resolution_reads_paragraph_by_paragraph() -> None:
    res = ingest(COUNCIL)
    assert res.title == "The right to clean water in rural areas"
    assert res.publication == "Human Rights Council"
    assert res.date == "2025-04-11"
    body = texts(res)
    assert body[0] == (
        "Reaffirming its earlier resolutions on the human right to safe drinking water and "
        "sanitation, including resolution 54/7,"
    )
    assert "Acknowledging the work of the Special Rapporteur," in body
    assert "Identify the rural households without piped water;" in body
    assert "Calls upon States to adopt national plans that:" in body
    assert not any(t[:2] in ("1.", "2.", "(i") for t in body)
    assert not any("40th meeting" in t or "Joint Monitoring" in t for t in body)
    concern = [s for s in res.sentences if s.text.startswith("Gravely concerned")]
    assert len(concern) == 1 and tuple(concern[0].notes) == (3,)
    assert [n.number for n in res.notes] == [3]
    assert not res.quotes


def test_a_resolution_with_no_title_number_keeps_its_title_line() -> None:
    res = ingest(SECURITY)
    assert res.title == "Resolution 2801 (2025)"
    assert res.publication == "Security Council"
    assert texts(res) == [
        "Recalling its previous resolutions on the situation in the region,",
        "Expressing grave concern at the humanitarian situation,",
        "Demands that all parties allow the delivery of aid;",
        "Decides to remain seized of the matter.",
    ]


def test_an_article_with_a_numbered_list_reads_as_before() -> None:
    article = ingest(
        "How the Trust Chose Its Sites\n\nBy Ana Ruiz\n\n"
        "The trust weighed three things, and chose two sites:\n\n"
        "1. Distance from the river, which floods most winters;\n"
        "2. The cost of the land, which rose by 12 per cent in 2024;\n"
        "3. Access by bus,\n\n"
        "The decision was announced on 3 May 2025."
    )
    assert article.title == "How the Trust Chose Its Sites"
    assert article.authors == ("Ana Ruiz",)
    assert article.publication is None
    body = " ".join(texts(article))
    assert "2. The cost of the land" in body  # the items keep their numbers


def test_a_body_line_over_prose_is_no_resolution() -> None:
    article = ingest(
        "What the Assembly Decided\n\n"
        "The General Assembly,\n\n"
        "meeting in New York, voted on the plan. It passed by 140 votes to 9.\n\n"
        "The vote came after two days of debate."
    )
    assert article.title == "What the Assembly Decided"
    assert article.publication != "General Assembly"


SUMMARY = """CASE SUMMARY

Hollis Farms Ltd v Environment Agency
[2024] EWCA Civ 411

Judges: Lord Justice Arden, Lady Justice Kerr, Lord Justice Marsh
Hearing date: 6 February 2024
Date of judgment: 30 April 2024

THE ISSUE

Hollis Farms challenged a notice requiring it to stop abstracting water from the Wend. \
Lady Kerr said: "A licence is not a promise that the river will always be full." [27] \
The court then turned to costs.

NOTE TO EDITORS
This summary is not part of the judgment. The judgment is the only authoritative text.
"""


def test_another_courts_summary_has_its_case_name_date_and_headings() -> None:
    j = ingest(SUMMARY)
    assert j.title == "Hollis Farms Ltd v Environment Agency"
    assert j.date == "2024-04-30"  # the judgment's date, not the hearing's
    assert j.sections == ("THE ISSUE", "NOTE TO EDITORS")
    body = texts(j)
    assert not any("EWCA" in t or "Judges" in t or "Hearing" in t for t in body)
    assert "The court then turned to costs." in body
    assert "This summary is not part of the judgment." in body
    assert any(t.endswith('always be full." [27]') for t in body)
    assert {q.speaker for q in j.quotes} == {"Lady Kerr"}


def test_a_case_named_in_prose_or_a_bare_citation_reads_as_before() -> None:
    prose = ingest(
        "Water Law After the Drought\n\nBy Ana Ruiz\n\n"
        "The ruling in Hollis Farms Ltd v Environment Agency changed how licences are read. "
        "Farmers now plan for dry summers.\n\n"
        "NOTE\nThe author advises farmers on water licences."
    )
    assert prose.title == "Water Law After the Drought"
    assert "The ruling in Hollis Farms Ltd v Environment Agency changed how licences are read." in (
        texts(prose)
    )
    bare = ingest("[2024] EWCA Civ 411\n\nThe appeal was dismissed on 30 April 2024.")
    assert "The appeal was dismissed on 30 April 2024." in texts(bare)


def test_a_peers_title_stays_before_a_surname_alone_and_goes_before_a_full_name() -> None:
    a = ingest(
        "Peers Debate the Water Bill\n\n"
        'Lord Tarrant said: "The bill leaves the rivers to the market." '
        '"We will amend it," said Lady Ormond. '
        '"It is a start," Lord David Pryce said.'
    )
    assert {q.speaker for q in a.quotes} == {"Lord Tarrant", "Lady Ormond", "David Pryce"}


def test_a_paragraph_reference_stays_only_with_a_quotation_it_follows() -> None:
    text = 'She said: "It is owed to a person." [38]-[39] The Court agreed. See it [4]. [5] Next.'
    spans = [text[a:b] for a, b in split_sentences(text)]
    assert spans == [
        'She said: "It is owed to a person." [38]-[39]',
        "The Court agreed.",
        "See it [4].",
        "[5] Next.",
    ]


def test_a_capitalised_states_in_a_name_is_no_reporting_verb() -> None:
    assert lead_in_speaker("Urges the United States to act, in particular by:") is None
    assert lead_in_speaker("The report of Member States lists:") is None
    assert lead_in_speaker("Minister Jo Park states:") == "Jo Park"
