"""Rules that relate a question's fields to each other and to the rest of the site.

Each check returns findings (``sitekit.yamldata.Finding``): the location of
the value in the YAML entry (for its line), the field shown in the report,
and the message. ``sitekit.yamldata.load_entries`` runs them after the
model has checked each field, and reports them as path:line: field: message.
"""

from __future__ import annotations

import difflib
import functools

from sitekit.yamldata import Finding

from .model import Question


def entry_checks(article_slugs: set[str] | None) -> tuple:
    """The checks for one build; ``article_slugs`` None skips the related-articles check."""
    return (named_asker, status_fields, responded_on, functools.partial(related_articles, known=article_slugs))


def named_asker(question: Question) -> list[Finding]:
    if question.asker.consent == "named" and not question.asker.name:
        return [(["asker", "consent"], "asker.consent", "is 'named' but asker.name is missing; add the name "
                 "the reader agreed to, or use 'anonymous'.")]
    return []


def status_fields(question: Question) -> list[Finding]:
    """answer only when answered, reason only when declined."""
    status, found = question.status, []
    if status == "answered" and question.answer is None:
        found.append((["answer"], "answer", "is required when status is 'answered'; add 'answer: |' "
                      "followed by the reply."))
    if status in ("open", "declined") and question.answer is not None:
        found.append((["answer"], "answer", f"is given but status is '{status}'; set status: answered, "
                      "or remove the answer."))
    if status == "declined" and question.reason is None:
        found.append((["reason"], "reason", "is required when status is 'declined'; say why we are not "
                      "answering."))
    if status in ("open", "answered") and question.reason is not None:
        found.append((["reason"], "reason", f"is only for declined questions, but status is '{status}'; "
                      "remove it."))
    return found


def responded_on(question: Question) -> list[Finding]:
    status, date = question.status, question.responded_on
    if status in ("answered", "declined") and date is None:
        return [(["responded_on"], "responded_on", f"is required when status is '{status}'; add "
                 "'responded_on: YYYY-MM-DD'.")]
    if status == "open" and date is not None:
        return [(["responded_on"], "responded_on", "is given but status is 'open'; set the status to "
                 "answered or declined, or remove the date.")]
    if date is not None and date < question.asked:
        return [(["responded_on"], "responded_on", f"{date.isoformat()} is before the question was asked "
                 f"({question.asked.isoformat()}).")]
    return []


def related_articles(question: Question, known: set[str] | None) -> list[Finding]:
    found = []
    for index, slug in enumerate(question.related if known is not None else []):
        if slug not in known:
            close = difflib.get_close_matches(slug, sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            found.append((["related", index], f"related.{index}",
                          f"'{slug}' is not the slug of a published article{hint}."))
    return found
