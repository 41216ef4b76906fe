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


# A field that only one status has, and what to write in it.
STATUS_FIELDS = {"answer": ("answered", "add 'answer: |' followed by the reply"),
                 "reason": ("declined", "say why we are not answering")}


def status_fields(question: Question) -> list[Finding]:
    """answer only when answered, reason only when declined."""
    found = []
    for name, (status, how) in STATUS_FIELDS.items():
        given = getattr(question, name) is not None
        if question.status == status and not given:
            found.append(([name], name, f"is required when status is '{status}'; {how}."))
        elif question.status != status and given:
            found.append(([name], name, f"is given but status is '{question.status}'; set status: {status}, "
                          f"or remove the {name}."))
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
