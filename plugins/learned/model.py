"""The shape of one entry in content/data/feedback.yaml.

Types, required fields and allowed values live here; rules that relate
fields to each other or to the rest of the site live in checks.py.
``WITHDRAWAL`` is the shared rule (sitekit.withdrawn) for a reader who takes
their consent back: only the id and ``consent`` are read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from sitekit.text import plain
from sitekit.withdrawn import Withdrawal

Status = Literal["heard", "planned", "in_progress", "shipped", "declined"]
Source = Literal["survey", "email", "comment", "support", "event", "interview", "social"]
Consent = Literal["quote", "paraphrase", "withdrawn"]

STATUSES: tuple[str, ...] = ("heard", "planned", "in_progress", "shipped", "declined")
STATUS_LABELS = {"heard": "Heard", "planned": "Planned", "in_progress": "In progress",
                 "shipped": "Shipped", "declined": "Declined"}
SOURCES: tuple[str, ...] = ("survey", "email", "comment", "support", "event", "interview", "social")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def slug_id(value: str) -> str:
    if not SLUG.fullmatch(value):
        raise ValueError(f"{value!r} is not a valid id; use lowercase letters, digits and hyphens, "
                         "e.g. wider-size-range")
    return value


def not_blank(value: str | None) -> str | None:
    if value is None:
        return None
    value = plain(value).strip()  # no direction overrides or control characters (sitekit.text)
    if not value:
        raise ValueError("is empty; write the text or remove the field")
    return value


class Step(BaseModel):
    """An earlier status of an item, in ``history``."""

    model_config = ConfigDict(extra="forbid")

    date: dt.date
    status: Status
    note: str | None = None

    _blank = field_validator("note")(not_blank)


class Feedback(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, AfterValidator(slug_id)]
    received: dt.date
    source: Source
    theme: str
    said: str
    consent: Consent  # "withdrawn" entries are validated by WITHDRAWAL's model (see model_for)
    count: int = Field(1, ge=1, strict=True)
    status: Status
    did: str | None = None
    reason: str | None = None
    note: str | None = None
    updated: dt.date | None = None
    links: list[str] = Field(default_factory=list)
    history: list[Step] = Field(default_factory=list)

    _blank = field_validator("theme", "said", "did", "reason", "note")(not_blank)

    @property
    def changed(self) -> dt.date:
        """The date of the current status."""
        return self.updated or self.received


WITHDRAWAL = Withdrawal(Feedback, consent_at="consent", noun="Feedback")
Withdrawn = WITHDRAWAL.model
model_for = WITHDRAWAL.model_for
