"""Citations: which notes are short forms of an earlier note, and which are full references.

Each test builds its own small notes list.
"""

from __future__ import annotations

from bot.core.ingest.notes import resolve_short_forms
from bot.core.model import Note


def _refs(notes: list[Note]) -> dict[int, int | None]:
    return {n.number: n.refers_to for n in resolve_short_forms(notes)}


def test_a_note_naming_its_own_dataset_is_a_full_reference_not_a_short_form() -> None:
    src = "River Statistics Office, Barge Ledger Online, Port Tonnage Tables"
    url = "https://ledger.example.org/"
    notes = [
        Note(1, f"{src}.", url),
        Note(2, f"{src}, series 4417.", url),  # a series of its own
        Note(3, f"{src}, series 5520.", url),  # not a pin cite of note 2
        Note(4, f"{src}, grain and timber tables, 2024.", url),  # new words
        Note(5, f"{src}.", url),  # an exact repeat is a full reference again
    ]
    got = _refs(notes)
    assert all(got[k] is None for k in range(1, 6)), got
    assert [n.text for n in resolve_short_forms(notes)] == [n.text for n in notes]


def test_short_forms_with_pin_cites_still_refer_back() -> None:
    notes = [
        Note(1, "Barge Dues and Ferry Routing, 41 Harb. Reg. 2,100-140 (May 3, 2023)."),
        Note(2, "Harbour Gazette, “Dues Rise Again,” 2024."),
        Note(3, "Barge Dues and Ferry Routing, 41 Harb. Reg. 2,105-6; Form HB 12a."),
        Note(4, "Okafor, “Tides and Tolls,” Port Journal, 2019."),
        Note(5, "Okafor 2019, p. 4."),
        Note(6, "Harbour Gazette, p. 2."),
    ]
    got = _refs(notes)
    assert got[3] == 1
    assert got[5] == 4
    assert got[6] == 2
