"""The shape of one entry in questions.yaml, checked by pydantic.

``Question`` is a published (or publishable) question; ``Withdrawn`` is what
is left once a reader takes their consent back: an id and the consent, and
nothing the build would ever show. ``model_for`` picks between them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from sitekit.text import plain

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


def _known_article(slug: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("article_slugs")
    if known is None or slug in known:
        return slug
    close = difflib.get_close_matches(slug, sorted(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    raise ValueError(f"'{slug}' is not the slug of a published article{hint}")


RelatedSlug = Annotated[str, AfterValidator(_known_article)]


class Asker(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Text | None = None
    region: Text | None = None
    consent: Consent

    @field_validator("consent")
    @classmethod
    def named_needs_a_name(cls, consent: str, info: ValidationInfo) -> str:
        if consent == "named" and not info.data.get("name"):
            raise ValueError("is 'named' but asker.name is missing; add the name the reader agreed to, "
                             "or use 'anonymous'")
        return consent


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: QuestionId
    asked: dt.date
    question: Text
    asker: Asker
    topic: Text
    status: Status
    answer: Text | None = Field(default=None, validate_default=True)
    reason: Text | None = Field(default=None, validate_default=True)
    responded_on: dt.date | None = Field(default=None, validate_default=True)
    responded_by: Text | None = None
    related: list[RelatedSlug] = []

    @field_validator("answer")
    @classmethod
    def answer_when_answered(cls, answer, info: ValidationInfo):
        status = info.data.get("status")
        if status == "answered" and answer is None:
            raise ValueError("is required when status is 'answered'; add 'answer: |' followed by the reply")
        if status in ("open", "declined") and answer is not None:
            raise ValueError(f"is given but status is '{status}'; set status: answered, or remove the answer")
        return answer

    @field_validator("reason")
    @classmethod
    def reason_when_declined(cls, reason, info: ValidationInfo):
        status = info.data.get("status")
        if status == "declined" and reason is None:
            raise ValueError("is required when status is 'declined'; say why we are not answering")
        if status in ("open", "answered") and reason is not None:
            raise ValueError(f"is only for declined questions, but status is '{status}'; remove it")
        return reason

    @field_validator("responded_on")
    @classmethod
    def responded_when_closed(cls, responded_on, info: ValidationInfo):
        status = info.data.get("status")
        if status in ("answered", "declined") and responded_on is None:
            raise ValueError(f"is required when status is '{status}'; add 'responded_on: YYYY-MM-DD'")
        if status == "open" and responded_on is not None:
            raise ValueError("is given but status is 'open'; set the status to answered or declined, "
                             "or remove the date")
        asked = info.data.get("asked")
        if responded_on is not None and asked is not None and responded_on < asked:
            raise ValueError(f"{responded_on.isoformat()} is before the question was asked "
                             f"({asked.isoformat()})")
        return responded_on


class WithdrawnAsker(BaseModel):
    """Consent withdrawn: name and region, if still in the file, are never read."""

    model_config = ConfigDict(extra="forbid")

    consent: Literal["withdrawn"]
    name: Any = None
    region: Any = None


class Withdrawn(BaseModel):
    """A question whose reader took consent back: it vanishes from every output.

    Only ``id`` and ``asker.consent`` are needed. The other fields are accepted
    (so a withdrawal is never held up by a half-edited entry) but not checked
    and never used; the README asks maintainers to delete them.
    """

    model_config = ConfigDict(extra="forbid")

    id: QuestionId
    asker: WithdrawnAsker
    asked: Any = None
    question: Any = None
    topic: Any = None
    status: Any = None
    answer: Any = None
    reason: Any = None
    responded_on: Any = None
    responded_by: Any = None
    related: Any = None

    def leftover_fields(self) -> list[str]:
        names = [name for name in type(self).model_fields if name not in ("id", "asker")
                 and getattr(self, name) is not None]
        names += [f"asker.{name}" for name in ("name", "region") if getattr(self.asker, name) is not None]
        return names


def model_for(item: dict) -> type[BaseModel]:
    asker = item.get("asker")
    if isinstance(asker, dict) and asker.get("consent") == "withdrawn":
        return Withdrawn
    return Question
