"""A speech's "Name, Role" line names its speaker; a newsletter's signature and sign-off.

The speaker line under a speech's title is its author, never a subtitle; a note signed
"— Full Name" in the opening names the author and the signature is no text; a thematic break
ends a speaker's turn, and the closing matter's invitations to subscribe are furniture.
"""

from __future__ import annotations

from bot.core.ingest.sign_off import signature, without_calls
from bot.core.model import Article
from tests.core.ingested import ingest as ingest_as
from tests.core.ingested import one, texts


def ingest(text: str, suffix: str = ".md", name: str = "doc") -> Article:
    return ingest_as(text, suffix, name)


SPEECH_BODY = (
    "Thank you for having me. Grain prices rose by a fifth over the winter, and farm incomes "
    "fell for the second year running.\n\n"
    "## The outlook\n\n"
    "We expect the harvest to recover, though the drought in the east has not yet broken.\n"
)


# --- the speaker line --------------------------------------------------------------------------
def test_a_speaker_line_with_a_role_and_its_board_names_the_author() -> None:
    article = ingest(
        "# Feeding the Cities: Grain, Prices and the Harvest\n\n"
        "Tomasz Wilk, Member, Monetary Policy Council\n\n"
        "Address to the Agricultural Chamber, Poznań\n\n"
        "2 October 2023\n\n" + SPEECH_BODY
    )
    assert article.authors == ("Tomasz Wilk",)
    assert article.subtitle is None
    assert article.date == "2023-10-02"
    assert "Address to the Agricultural Chamber, Poznań" not in texts(article)


def test_a_plain_text_speech_reads_its_speaker_line_too() -> None:
    article = ingest(
        "The Road to Lower Tariffs\n\n"
        "Amara Oduya, Commissioner for Trade and Industry\n\n"
        "Keynote speech to the Exporters' Council\n\n"
        "Thank you for having me. Exports grew by 6 per cent last year, the fastest pace in a "
        "decade, and most of the growth came from small firms.\n\n"
        "Our job is to keep that going.\n",
        suffix=".txt",
    )
    assert article.authors == ("Amara Oduya",)
    assert article.subtitle is None


def test_a_role_that_reads_like_a_name_is_no_second_author() -> None:
    """ "Deputy Governor" alone is two capitalised words, as a name is: still her role."""
    article = ingest("# Paying Without Cash\n\nLina Berg, Deputy Governor\n\n" + SPEECH_BODY)
    assert article.authors == ("Lina Berg",)


def test_two_authors_and_a_subtitle_with_a_name_stay_as_they_were() -> None:
    two = ingest("# Paying Without Cash\n\nLina Berg, Omar Haddad\n\n" + SPEECH_BODY)
    assert two.authors == ("Lina Berg", "Omar Haddad")
    # a phrase about someone, its words in lower case, is the subtitle, not a speaker line
    deck = ingest(
        "# Paying Without Cash\n\n"
        "Lina Berg, the deputy governor, on why cash still matters\n\n" + SPEECH_BODY
    )
    assert deck.authors == ()
    assert deck.subtitle == "Lina Berg, the deputy governor, on why cash still matters"


def test_a_place_under_the_title_is_no_speaker() -> None:
    article = ingest("# Paying Without Cash\n\nNew Hampton, Westshire\n\n" + SPEECH_BODY)
    assert article.authors == ()


# --- the signed introduction -----------------------------------------------------------------
QA = (
    "# Ferries, fares and the island economy: an interview with Dev Anand\n\n"
    "Last month I sat down with Dev Anand, who has run the island ferry cooperative since "
    "2016. We spoke about fares, winter timetables and the new electric boats. Answers have "
    "been trimmed. – Maria Lopez\n\n"
    "**Maria:** How many crossings do you run in winter?\n\n"
    "**Dev:** Six a day, down from fourteen in summer. We keep the first boat at 6:40 so "
    "that nurses can reach the hospital.\n\n"
    "**Maria:** What did the electric boats change?\n\n"
    "**Dev:** Fuel costs fell by about 40 percent. Maintenance is cheaper too.\n\n"
    "**Maria:** Will fares go down?\n\n"
    "**Dev:** Not this year. We are paying off the loan for the chargers first.\n\n"
)


def test_a_full_name_signing_the_opening_note_is_the_author_and_no_text() -> None:
    article = ingest(
        QA + "* * *\n\n"
        "Dev Anand's cooperative publishes its accounts every spring. Want more interviews "
        "like this? [Sign up](https://example.org/join) and get one a fortnight.\n\n"
        "See you next time. – Maria\n"
    )
    assert article.authors == ("Maria Lopez",)
    assert "Answers have been trimmed." in texts(article)
    assert one(article, "Six a day").speaker == "Dev"
    # after the rule: nobody's answer, the sign-up invitation gone, the signature cut off
    assert one(article, "Dev Anand's cooperative publishes").speaker is None
    assert not any("Sign up" in t or "get one a fortnight" in t for t in texts(article))
    assert "See you next time." in texts(article)
    assert not any("Anand's cooperative" in q.text for q in article.quotes)
    # the last answer before the rule is still his
    assert one(article, "Not this year.").speaker == "Dev"


def test_without_a_rule_the_closing_lines_are_left_as_they_were() -> None:
    """The closing matter is what follows the last rule: with no rule, nothing is dropped."""
    article = ingest(QA + "Readers can subscribe to the ferry alerts by text message.\n")
    assert "Readers can subscribe to the ferry alerts by text message." in texts(article)


def test_a_rule_before_a_section_heading_is_no_closing_matter() -> None:
    article = ingest(
        "# Harbour notes\n\n"
        "The board met on Tuesday and set the winter fees for the marina.\n\n"
        "---\n\n"
        "## Alerts\n\n"
        "Residents can subscribe to storm alerts from the harbour office.\n"
    )
    assert "Residents can subscribe to storm alerts from the harbour office." in texts(article)


def test_an_epigraph_in_the_opening_names_no_author() -> None:
    article = ingest(
        "# Why Ports Still Matter\n\n"
        "*Whoever commands the sea commands the trade. — Walter Raleigh*\n\n"
        "Nine tenths of the goods in our shops arrived by ship, and the ports that handle them "
        "have barely changed in thirty years.\n\n"
        "## The bottleneck\n\n"
        "Cranes are the limit.\n"
    )
    assert article.authors == ()
    assert "Walter Raleigh" not in article.authors


def test_a_first_name_signature_in_the_body_is_cut_but_names_nobody() -> None:
    article = ingest(
        "# Harbour notes\n\n"
        "## This week\n\n"
        "The board set the winter fees. I will report on the vote next week. — Jo\n"
    )
    assert "I will report on the vote next week." in texts(article)
    assert article.authors == ()


def test_an_unlabelled_answer_ends_at_the_rule() -> None:
    """Bold questions over unlabelled answers: the guest's, up to the rule and no further."""
    article = ingest(
        "# Chalk streams under pressure: a conversation with Ines Moreau\n\n"
        "By Paul Grant\n\n"
        "Ines Moreau has studied the chalk streams of the south for twenty years.\n\n"
        "**How bad is the abstraction problem, in your view?**\n\n"
        "I think it is the worst it has been. We measured flows at a third of normal.\n\n"
        "**What would you change first?**\n\n"
        "I would cap licences in dry years. We know where the water goes.\n\n"
        "**Are farmers on your side?**\n\n"
        "Most of them are. We work with forty farms already.\n\n"
        "---\n\n"
        "The river trust's annual report is published in May.\n"
    )
    assert one(article, "I would cap licences").speaker == "Ines Moreau"
    assert one(article, "The river trust's annual report").speaker is None


# --- the pieces ----------------------------------------------------------------------------
def test_signature_shapes() -> None:
    assert signature("Thanks for reading! — Sam") == ("Thanks for reading!", "Sam")
    assert signature("Edited for length. -- Ana María Ruiz") == (
        "Edited for length.",
        "Ana María Ruiz",
    )
    assert signature('"Never again." — Ruth Ellis') is None  # a quotation's attribution
    assert signature("Prices rose — Sam said so") is None
    assert signature("Costs fell in 2019 — and rose again") is None


def test_calls_to_action_leave_the_rest_of_the_line() -> None:
    line = "The report is out now. If you liked this, subscribe for more. Or read the archive."
    assert without_calls(line, ["read the archive"]) == "The report is out now."
    assert without_calls("The report is out now.", ["The report"]) is None
