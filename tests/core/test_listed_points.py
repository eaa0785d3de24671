"""Lists of points: "- " bullets in an e-mail are a sentence each; numbered whole sentences stand.

Documents written for the test: a club's e-mail with "- " bullets under a plain heading, and a
plain text whose numbered list of whole sentences follows a lead-in ending in
":". Negative cases: bulleted sentences after "Passengers are told:" keep the lead-in, and
numbered fragments still finish the sentence that introduces them.
"""

from __future__ import annotations

from bot.core.ingest.page_breaks import items_stand_alone
from tests.core.ingested import ingest, texts

CLUB_MAIL = """From: Fenwick Rowing Club <office@fenwickrc.example>
To: Members
Subject: Spring regatta results
Date: Mon, 14 Apr 2025 08:30:00 +0100

Hello everyone,

Here is how the spring regatta went for the club.

Results

- The women's eight won their final by two lengths.
- Our two juniors reached the semi-finals of the single sculls.
- Entries rose to 212 crews, the most since 2019.

The summer regatta is on 21 June.
"""


def test_the_bullets_of_a_mail_are_a_sentence_each() -> None:
    body = texts(ingest(CLUB_MAIL))
    assert "The women's eight won their final by two lengths." in body
    assert "Entries rose to 212 crews, the most since 2019." in body
    assert not any(t.startswith("- ") or " - Our" in t for t in body), body


PLAN = (
    "Harbour Plan\n\nBy Ruth Ames\n\nThe harbour board met on Monday.\n\n"
    "The board agreed three changes:\n\n"
    "1. The north quay will close to cars from May.\n"
    "2. Mooring fees rise by 4 per cent in 2026.\n"
    "3. A new slipway opens at Dock Street next spring.\n\n"
    "The plan goes to the council in July.\n"
)


def test_numbered_whole_sentences_stand_alone_in_plain_text() -> None:
    body = texts(ingest(PLAN, ".txt"))
    assert "The board agreed three changes:" in body
    assert any(t.endswith("Mooring fees rise by 4 per cent in 2026.") for t in body), body
    assert not any(t.strip() in ("2.", "3.") for t in body)
    assert not any(t.startswith("The board agreed three changes: 1.") for t in body)


def test_what_still_finishes_its_lead_in() -> None:
    assert items_stand_alone(["1. The quay closes.", "2. Fees rise."])
    assert not items_stand_alone(["1. The quay closes."])  # one point: no list of points
    assert not items_stand_alone(["- Book early.", "- Keep your ticket."])  # bullets: unchanged
    assert not items_stand_alone(["1. the north quay", "2. the slipway"])  # fragments
    assert not items_stand_alone(["1. The north quay", "2. The slipway"])  # no closing stop


def office_mail(sender: str, signature: str) -> str:
    return (
        f"From: {sender} <news@riversidewater.example>\nTo: Press list\n"
        "Subject: Reservoir levels in March\nDate: Tue, 1 Apr 2025 09:00:00 +0100\n\n"
        "Dear editors,\n\nThe reservoirs stood at 81 per cent of capacity at the end of March.\n\n"
        f"Best wishes,\n\nOwen Marsh\n{signature}\n"
    )


def test_a_sender_office_names_its_organisation_as_publication() -> None:
    mail = ingest(
        office_mail("Communications Team, Riverside Water Trust", "Riverside Water Trust")
    )
    assert mail.publication == "Riverside Water Trust"
    first = ingest(office_mail("Riverside Water Trust, Media Desk", "Riverside Water Trust"))
    assert first.publication == "Riverside Water Trust"  # the part the signature repeats


def test_a_person_sender_is_still_the_author() -> None:
    mail = ingest(office_mail("Owen Marsh", "Riverside Water Trust"))
    assert mail.authors == ("Owen Marsh",)
    assert "The reservoirs stood at 81 per cent of capacity at the end of March." in texts(mail)


EDITORS = """From: Media Desk, Northshire Rail <media@northshirerail.example>
To: Transport correspondents
Subject: Timetable change from May
Date: Wed, 2 Apr 2025 10:00:00 +0100

Northshire Rail will run four extra trains a day between Ashby and Kelso from 18 May.

With best wishes,

Joan Pryce
Northshire Rail

Note for editors:

- The Ashby line carried 2.4 million passengers in 2024.
- The extra trains are paid for by the county's transport fund.

--
You are receiving this because you are on our media list. Unsubscribe here.
"""


def test_notes_for_editors_after_the_sign_off_are_read_as_their_section() -> None:
    mail = ingest(EDITORS)
    found = [s for s in mail.sentences if "2.4 million passengers" in s.text]
    assert [s.text for s in found] == ["The Ashby line carried 2.4 million passengers in 2024."]
    assert found[0].section == "Note for editors"
    body = texts(mail)
    assert not any("Joan Pryce" in t or "Unsubscribe" in t for t in body), body


def test_without_notes_for_editors_the_signature_still_ends_the_mail() -> None:
    plain = EDITORS.replace("Note for editors:", "Later news")
    body = texts(ingest(plain))
    assert not any("2.4 million" in t for t in body), body
