"""How a line reaches someone: an e-mail address, a web address, a phone number.

Regex fragments for the readers that find contact lines (a letter's letterhead, a PDF's
contact block and title page, an e-mail's signature, a press release's media contact, a wire
story's reporter line, an FAQ's closing block, a letters page's write-to box). Each reader
composes its own pattern from them.
"""

from __future__ import annotations

import re

EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # "name@agency.example"
WEB = r"https?://|\bwww\."  # where a web address starts
PHONE = r"\+?\d[\d ()-]{7,}\d"  # "+254 20 555 0143", "(202) 555-0143"
# any of the three in a line
CONTACT = re.compile(rf"{EMAIL}|{WEB}|{PHONE}")
