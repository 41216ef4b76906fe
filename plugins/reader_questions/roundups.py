"""From validated questions to what readers see: roundups, open questions, counts.

Everything a template needs is computed here, so the templates only loop and
print. Reader-supplied text stays plain ``str`` (the templates escape it);
the team's Markdown arrives as sanitised ``Markup``.
"""

from __future__ import annotations

import datetime as dt
import heapq
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from markupsafe import Markup

from .markup import plain_text, render
from .model import Asker, Question
from .periods import Period, period_of

STATUS_LABELS = {"answered": "Answered", "declined": "Declined", "open": "Still open"}


@dataclass(eq=False)
class PublishedQuestion:
    id: str
    asked: dt.date
    question: str
    attribution: str
    topic: str
    status: str
    answer_html: Markup | None
    answer_text: str
    reason_html: Markup | None
    responded_on: dt.date | None
    responded_by: str | None
    related: list  # Article objects, in the order given
    roundup: Roundup | None = None

    @property
    def anchor(self) -> str:
        return f"q-{self.id}"

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def days_to_response(self) -> int | None:
        return (self.responded_on - self.asked).days if self.responded_on else None

    def open_at(self, day: dt.date) -> bool:
        """Asked by ``day`` and not yet answered or declined on it."""
        return self.asked <= day and (self.responded_on is None or self.responded_on > day)


@dataclass(eq=False)
class StillOpen:
    question: PublishedQuestion
    days: int             # waited so far (to the as-of date), or until it was answered
    resolved: bool        # answered or declined after the period ended


@dataclass(eq=False)
class Roundup:
    period: Period
    questions: list[PublishedQuestion]
    still_open: list[StillOpen] = field(default_factory=list)
    article: object = None  # the pelican Article that carries it into the blog stream

    @property
    def topics(self) -> list[tuple[str, list[PublishedQuestion]]]:
        grouped: dict[str, list[PublishedQuestion]] = defaultdict(list)
        for question in self.questions:
            grouped[question.topic].append(question)
        return sorted(grouped.items(), key=lambda item: item[0].casefold())

    @property
    def answered(self) -> list[PublishedQuestion]:
        """In the order the page shows them (by topic), so JSON-LD lists them alike."""
        return [q for _, questions in self.topics for q in questions if q.status == "answered"]

    @property
    def declined(self) -> list[PublishedQuestion]:
        return [q for q in self.questions if q.status == "declined"]

    @property
    def date(self) -> dt.date:
        return max(q.responded_on for q in self.questions)

    def summary(self) -> str:
        parts = [counted(len(self.answered), "reader question answered", "reader questions answered")]
        if self.declined:
            parts.append(counted(len(self.declined), "declined with our reason", "declined with our reasons"))
        parts.append(f"{counted(len(self.still_open), 'question', 'questions')} still open at the end of "
                     f"{self.period.label.split(' (')[0]}")
        return "; ".join(parts) + "."


@dataclass
class QuestionsSite:
    """Everything the /questions/ page shows."""

    questions: list[PublishedQuestion]
    roundups: list[Roundup]  # newest first
    as_of: dt.date
    period_kind: str

    def count(self, status: str) -> int:
        return sum(1 for q in self.questions if q.status == status)

    @property
    def open_questions(self) -> list[StillOpen]:
        waiting = [StillOpen(q, max(0, (self.as_of - q.asked).days), False)
                   for q in self.questions if q.status == "open"]
        return sorted(waiting, key=lambda item: (item.question.asked, item.question.id))

    @property
    def median_days_to_answer(self) -> float | None:
        days = [q.days_to_response for q in self.questions if q.status == "answered"]
        return statistics.median(days) if days else None

    @property
    def median_text(self) -> str | None:
        median = self.median_days_to_answer
        if median is None:
            return None
        number = f"{median:.1f}".removesuffix(".0")
        return f"{number} {'day' if number == '1' else 'days'}"


def counted(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def attribution(asker: Asker) -> str:
    """'Dana, Ohio', 'Dana', 'A reader, Ohio' or 'A reader'."""
    who = asker.name if asker.consent == "named" else "A reader"
    return ", ".join(part for part in (who, asker.region) if part)


def publish(questions: list[Question], articles_by_slug: dict, settings: dict) -> list[PublishedQuestion]:
    published = []
    for question in questions:
        answer_html = render(question.answer, settings) if question.answer else None
        published.append(PublishedQuestion(
            id=question.id, asked=question.asked, question=question.question,
            attribution=attribution(question.asker), topic=question.topic, status=question.status,
            answer_html=answer_html, answer_text=plain_text(answer_html) if answer_html else "",
            reason_html=render(question.reason, settings) if question.reason else None,
            responded_on=question.responded_on, responded_by=question.responded_by,
            related=[articles_by_slug[slug] for slug in question.related if slug in articles_by_slug],
        ))
    return published


def open_at_each(questions: list[PublishedQuestion], days: list[dt.date]) -> list[list[PublishedQuestion]]:
    """For each day (ascending), the questions open on it: ``q.open_at(day)``, in one sweep.

    Equivalent to filtering every question for every day, without the work
    growing with periods times questions on a long-running blog.
    """
    by_asked = sorted(questions, key=lambda q: q.asked)
    closing: list[tuple[dt.date, int, PublishedQuestion]] = []  # (responded_on, order, question)
    active: dict[int, PublishedQuestion] = {}
    position, result = 0, []
    for day in days:
        while position < len(by_asked) and by_asked[position].asked <= day:
            question = by_asked[position]
            active[position] = question
            if question.responded_on is not None:
                heapq.heappush(closing, (question.responded_on, position, question))
            position += 1
        while closing and closing[0][0] <= day:
            _, order, _ = heapq.heappop(closing)
            active.pop(order, None)
        result.append(list(active.values()))
    return result


def group_into_roundups(questions: list[PublishedQuestion], kind: str, as_of: dt.date) -> list[Roundup]:
    """One roundup per period with at least one response, oldest first."""
    by_period: dict[Period, list[PublishedQuestion]] = defaultdict(list)
    for question in questions:
        if question.responded_on:
            by_period[period_of(question.responded_on, kind)].append(question)
    roundups = []
    for period in sorted(by_period):
        members = sorted(by_period[period], key=lambda q: (q.asked, q.id))
        roundup = Roundup(period, members)
        for question in members:
            question.roundup = roundup
        roundups.append(roundup)
    for roundup, waiting in zip(roundups, open_at_each(questions, [r.period.end for r in roundups])):
        roundup.still_open = [
            StillOpen(q, max(0, ((q.responded_on or as_of) - q.asked).days), q.responded_on is not None)
            for q in sorted(waiting, key=lambda q: (q.asked, q.id))
        ]
    return roundups
