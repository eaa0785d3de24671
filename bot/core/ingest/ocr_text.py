"""Scanned text read by OCR: a letter "l" printed for the digit 1 inside a number.

OCR reads the digit 1 of an old typeface as the letter l: "l998", "l997-98", "19l1". A token
made only of digits and the letter l, with at least two real digits, where every l stands
before a digit ("12l" is twelve litres, "l2" too short to tell), is a number: its l's are 1's.
Words, units ("Ml/d", "5l") and codes with other letters are never touched, and the repair
keeps every offset (one character for one).
"""

from __future__ import annotations

import re

# a run of digit groups ("l997-98", "l,234.5") standing alone: no letter or digit either side
_NUMBERISH = re.compile(r"(?<![^\W_])[\dl]+(?:[-–/.,][\dl]+)*(?![^\W_])")
_L_BEFORE_DIGIT = re.compile(r"l(?=l*\d)")


def repair_digits(text: str) -> str:
    """Text with the letter l read as the digit 1 in tokens that are clearly numbers."""
    if "l" not in text:
        return text
    return _NUMBERISH.sub(_repair_token, text)


def _repair_token(match: re.Match[str]) -> str:
    token = match.group(0)
    if "l" not in token or sum(c.isdigit() for c in token) < 2:
        return token
    groups = re.split(r"[-–/.,]", token)
    if any(group.endswith("l") for group in groups):
        return token  # "12l": a quantity in litres, or an l that no digit follows
    return _L_BEFORE_DIGIT.sub("1", token)
