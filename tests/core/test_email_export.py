"""Plain-text e-mail exports: the header is metadata, the mail's furniture is no text.

Every document here is written for the test, in shapes unlike held-out set E's newsletter: an
Outlook forward with "Sent:" and a person as sender, a newsletter opening "Hi all," with a "-- "
signature, a letter signed after "Kind regards," with its notes as "[1] Source …" lines, and a
plain text (no mail) whose bracketed endnotes close it without a heading.
"""

from __future__ import annotations

from bot.core.ingest.email_export import is_email_export
from tests.core.ingested import ingest, texts

OUTLOOK = """-----Original Message-----
From: Harriet Okoye [mailto:harriet.okoye@eastdale.example]
Sent: Tuesday, October 14, 2025 4:37 PM
To: Parks Committee
Cc: Daniel Frost
Subject: FW: Allotment waiting list, autumn count

Good afternoon everyone,

The autumn count of the allotment waiting list is done. There are 612
households waiting for a plot, against 540 a year ago.

Most of the growth is in the two wards nearest the new flats. The average
wait is now three years and two months.

> Can we split the full plots in two?
> Half plots would halve the wait for new tenants.

Splitting plots was tried at Ashby Road in 2023 and the tenants there kept it.

Kind regards,
Harriet Okoye
Allotments Officer, Eastdale Council
Tel. 01632 960 771
"""


def test_an_outlook_forward_reads_its_sent_date_subject_and_person_sender() -> None:
    letter = ingest(OUTLOOK)
    assert letter.title == "Allotment waiting list, autumn count"
    assert letter.date == "2025-10-14"
    assert letter.authors == ("Harriet Okoye",)
    body = texts(letter)
    assert body[0] == "The autumn count of the allotment waiting list is done."
    assert "Half plots would halve the wait for new tenants." in body
    for t in body:
        assert not any(
            w in t
            for w in ("Original Message", "Sent:", "Cc:", "Good afternoon", "Kind regards", "Tel.")
        ), t
        assert not t.startswith(">"), t
    assert (
        body[-1] == "Splitting plots was tried at Ashby Road in 2023 and the tenants there kept it."
    )


NEWSLETTER = """From: "Harbour Sailing Club" <office@harboursc.example>
To: all-members@harboursc.example
Date: Mon, 2 Jun 2025 18:05:00 +0100
Subject: Club bulletin: the new slipway

View this email in your browser

Hi all,

The new slipway opened on 24 May, three weeks late. It cost 86,500 pounds,
of which the lottery grant paid 60,000 [1].

Launching is now possible two hours either side of low water [2].

On Sat, 31 May 2025, Pete Lund wrote:
> Will the old ramp stay open?

It will, for dinghies only.

--
Morag Finlay, Club Secretary
Harbour Sailing Club | 01632 960 233
To stop receiving these emails, unsubscribe here.

[1] Lottery Community Fund award letter, March 2024.
[2] Harbourmaster's tide note, May 2025.
"""


def test_a_newsletter_opening_hi_all_with_a_dash_signature_and_bracket_notes() -> None:
    bulletin = ingest(NEWSLETTER)
    assert bulletin.title == "Club bulletin: the new slipway"
    assert bulletin.date == "2025-06-02"
    assert bulletin.publication == "Harbour Sailing Club"
    assert "Harbour Sailing Club" not in bulletin.authors
    body = texts(bulletin)
    assert body[0] == "The new slipway opened on 24 May, three weeks late."
    assert "Will the old ramp stay open?" in body
    for t in body:
        assert not any(
            w in t for w in ("Hi all", "browser", "wrote:", "Morag", "01632", "unsubscribe")
        ), t
    assert [n.number for n in bulletin.notes] == [1, 2]
    assert bulletin.notes[0].text.startswith("Lottery Community Fund")
    cited = {s.text: tuple(s.notes) for s in bulletin.sentences}
    assert cited["It cost 86,500 pounds, of which the lottery grant paid 60,000."] == (1,)
    assert cited["Launching is now possible two hours either side of low water."] == (2,)


SIGNED = """From: press@coastwatch.example
To: editors@coastwatch.example
Date: Fri, 9 May 2025 07:30:00 +0000
Subject: Beach litter survey results

Dear editors,

Volunteers collected 14,200 items of litter on 31 beaches in April [1].
Plastic bottle caps were the most common item, ahead of cigarette ends.

Best wishes,

Leon Adeyemi
Survey Lead

[1] Source: Coastwatch spring survey returns, April 2025.
"""


def test_a_sign_off_over_a_name_ends_the_text_and_the_signer_is_the_author() -> None:
    release = ingest(SIGNED)
    assert release.title == "Beach litter survey results"
    assert release.authors == ("Leon Adeyemi",)
    assert texts(release) == [
        "Volunteers collected 14,200 items of litter on 31 beaches in April.",
        "Plastic bottle caps were the most common item, ahead of cigarette ends.",
    ]
    assert release.sentences[0].notes == (1,)
    assert [n.number for n in release.notes] == [1]


PLAIN = """Ferry Fares in 2025

The island ferry raised its return fare to 14 pounds in January [1]. Car
fares rose by 8 per cent [2].

Passenger numbers fell by 3 per cent in the first quarter.

[1] Island Ferries fare table, January 2025.
[2] Island Ferries, notice to passengers, December 2024.
"""


def test_bracket_endnotes_closing_a_plain_text_without_a_heading_are_its_notes() -> None:
    article = ingest(PLAIN)
    assert [n.number for n in article.notes] == [1, 2]
    cited = {s.text: tuple(s.notes) for s in article.sentences}
    assert cited["The island ferry raised its return fare to 14 pounds in January."] == (1,)
    assert cited["Car fares rose by 8 per cent."] == (2,)
    assert not any(t.startswith("[") for t in texts(article))


def test_a_text_is_no_mail_without_its_header_fields() -> None:
    assert not is_email_export(PLAIN)
    assert not is_email_export("Subject: tides\n\nThe tide turns at noon.\n")
    assert not is_email_export("From: the editor\nA note on our tide tables follows.\n")
    # a bracketed list out of sequence is no notes list: the lines stay text
    article = ingest("Tides\n\nThe tide turns at noon [2].\n\n[2] Tide table.\n[5] Other.\n")
    assert article.notes == ()


UNSIGNED = """To: volunteers@riverwatch.example
From: Priya Natarajan <p.natarajan@riverwatch.example>
Subject: Re: Water sampling rota
Date: Wed, 19 Nov 2025 11:02:10 +0000

Hello team!

The sampling rota for December is attached. Each site is sampled twice a
month, on the first and third Saturdays.

Thanks,
Priya

Riverwatch Trust, 4 Mill Lane
www.riverwatch.example | +44 1632 960 145
Manage your subscription
"""


def test_a_reply_signed_with_a_first_name_and_closed_by_contact_lines() -> None:
    reply = ingest(UNSIGNED)
    assert reply.title == "Water sampling rota"
    assert reply.date == "2025-11-19"
    assert reply.authors == ("Priya Natarajan",)
    assert texts(reply) == [
        "The sampling rota for December is attached.",
        "Each site is sampled twice a month, on the first and third Saturdays.",
    ]


CLOSING = """From: Ward News <ward@north.example>
To: residents@north.example
Subject: Road closure on Hill Street

Hill Street closes for resurfacing from 3 to 7 March.

If you no longer want these updates, reply to this message.

Ward News, North Ward office
Tel: 01632 960 990
"""


def test_contact_lines_at_the_end_of_an_unsigned_mail_are_no_text() -> None:
    """The sender's name written in a line with other words names an office, not a writer."""
    notice = ingest(CLOSING)
    assert notice.publication == "Ward News"
    body = texts(notice)
    assert body[0] == "Hill Street closes for resurfacing from 3 to 7 March."
    assert "If you no longer want these updates, reply to this message." in body
    assert not any("Tel" in t or "01632" in t for t in body)


HEADED = """From: Ana Ruiz <ana.ruiz@fund.example>
To: board@fund.example
Date: Mon, 3 Feb 2025 10:00:00 +0000
Subject: Quarterly grants note

The fund paid out 1.2 million in grants last quarter [1]. Most went to
rural projects [2].

Notes

[1] Grants ledger, Q4 2024.
[2] Rural share computed by the finance team.
"""

REFERENCES = """Library Opening Hours

The central library now opens at 8 a.m. on weekdays [1]. Sunday opening
was trialled in three branches [2].

References
[1] Council decision 14/2025.
[2] Branch trial report, January 2025.
"""


def test_bracket_endnotes_under_a_notes_or_references_heading() -> None:
    for text in (HEADED, REFERENCES):
        article = ingest(text)
        assert [n.number for n in article.notes] == [1, 2]
        assert [tuple(s.notes) for s in article.sentences] == [(1,), (2,)]
        assert not any(t in ("Notes", "References") for t in texts(article))
        assert not any("[" in t for t in texts(article))


def test_a_closing_paragraph_that_opens_with_a_year_is_no_note() -> None:
    letter = ingest(
        "From: Club Office <office@club.example>\nTo: members@club.example\n"
        "Subject: Season review\n\nThe season ended with 41 races sailed.\n\n"
        "2026 will bring a new race officer and two more evening series.\n"
    )
    assert letter.notes == ()
    assert texts(letter)[-1] == "2026 will bring a new race officer and two more evening series."
