"""Remove contact details from reader-supplied text before it is published.

Readers sometimes put their email address or phone number in the text of a
question or a survey answer. Both the questions and the feedback plugins
pass that text through ``redact`` so the details never reach a page, a feed
or the search index:

    >>> redact("Mail me at ann@example.org or ring 07700 900123.")
    ('Mail me at [email removed] or ring [phone removed].', ('email', 'phone'))

Dates such as 2026-09-12 and short numbers (sizes, prices, years) are left
alone: a phone number needs at least eight digits.
"""

from __future__ import annotations

import re

EMAIL_MARK = "[email removed]"
PHONE_MARK = "[phone removed]"

EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# An optional +country code, optional (area code), then digits separated by
# single spaces, dots or hyphens.
PHONE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,5}\)[ .-]?)?\d(?:[ .-]?\d){5,16}(?!\w)")
DATE_SHAPES = (
    re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}"),
    re.compile(r"\d{1,2}[-./]\d{1,2}[-./]\d{4}"),
)
MIN_PHONE_DIGITS = 8
MAX_PHONE_DIGITS = 15


def redact(text: str) -> tuple[str, tuple[str, ...]]:
    """``text`` with emails and phone numbers replaced, and which kinds were found.

    The kinds are ``"email"`` and/or ``"phone"``, in that order; an empty tuple
    means nothing was removed.
    """
    kinds: list[str] = []
    clean, emails = EMAIL.subn(EMAIL_MARK, text)
    if emails:
        kinds.append("email")
    phones = [match for match in PHONE.finditer(clean) if is_phone(match.group(0))]
    if phones:
        kinds.append("phone")
        for match in reversed(phones):
            clean = clean[: match.start()] + PHONE_MARK + clean[match.end():]
    return clean, tuple(kinds)


def is_phone(found: str) -> bool:
    digits = sum(character.isdigit() for character in found)
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        return False
    return not any(shape.fullmatch(found) for shape in DATE_SHAPES)
