"""The shape of one entry in questions.yaml, checked by pydantic.

``Question`` is a published (or publishable) question: types, required
fields and allowed values live here; rules that relate fields to each other
or to the rest of the site live in checks.py. ``WITHDRAWAL`` is the shared
rule (sitekit.withdrawn) for a reader who takes their consent back: only the
id and ``asker.consent`` are read. ``model_for`` picks between them.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict

from sitekit.text import plain
from sitekit.withdrawn import Withdrawal

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

Status = Literal["answered", "open", "declined"]
Consent = Literal["named", "anonymous", "withdrawn"]


def _text(value: str) -> str:
    value = plain(value).strip()  # no direction overrides or control characters (sitekit.text)
    if not value:
        raise ValueError("is empty; write the text or remove the field")
    return value


Text = Annotated[str, AfterValidator(_text)]


def _question_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise ValueError(f"{value!r} is not a valid id; use lower-case letters, digits and hyphens, "
                         "e.g. repair-older-jackets")
    return value


QuestionId = Annotated[str, AfterValidator(_question_id)]


class Asker(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text | None = None
    region: Text | None = None
    consent: Consent


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: QuestionId
    asked: dt.date
    question: Text
    asker: Asker
    topic: Text
    status: Status
    answer: Text | None = None
    reason: Text | None = None
    responded_on: dt.date | None = None
    responded_by: Text | None = None
    related: list[str] = []


WITHDRAWAL = Withdrawal(Question, consent_at="asker.consent", noun="Question")
Withdrawn = WITHDRAWAL.model
model_for = WITHDRAWAL.model_for
