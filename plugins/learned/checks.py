"""Rules that relate an entry's fields to each other and to the rest of the site.

Each check returns findings (``sitekit.yamldata.Finding``): the location of
the value in the YAML entry (for its line), the field shown in the report,
and the message. ``sitekit.yamldata.load_entries`` runs them after the
model has checked each field, and reports them as path:line: field: message.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
from urllib.parse import urlsplit

from sitekit.yamldata import Finding

from .model import STATUS_LABELS, Feedback

# Forward order; "declined" may follow any status.
PROGRESS = {"heard": 0, "planned": 1, "in_progress": 2, "shipped": 3}



def entry_checks(as_of: dt.date, published: set[str], drafts: set[str]) -> tuple:
    """The checks for one build, against its as-of date and its published and draft slugs."""
    return (required_text, functools.partial(dates, as_of=as_of), history_order, status_moves,
            functools.partial(link_targets, published=published, drafts=drafts))


def required_text(item: Feedback) -> list[Finding]:
    found = []
    if item.status != "heard" and not item.did:
        found.append((["status"], "did", f"is required when status is {item.status}; say what we did "
                      "or will do (Markdown), or set status: heard."))
    if item.status == "declined" and not item.reason:
        found.append((["status"], "reason", "is required when status is declined; say plainly why we "
                      "are not doing it."))
    if item.reason and item.status != "declined":
        found.append((["reason"], "reason", f"is only shown for declined items, but status is "
                      f"{item.status}; remove it or set status: declined."))
    return found


def dates(item: Feedback, as_of: dt.date) -> list[Finding]:
    found = []
    if item.updated and item.updated < item.received:
        found.append((["updated"], "updated", f"{item.updated} is before received ({item.received}); "
                      "a status cannot change before we heard the feedback."))
    field = "updated" if item.updated else "received"
    if item.changed > as_of:
        found.append(([field], field, f"{item.changed} is in the future: the site's as-of date is "
                      f"{as_of} (SOURCE_DATE_EPOCH, or the newest post or reader-question date). Fix the date or "
                      "set SOURCE_DATE_EPOCH."))
    return found


def history_order(item: Feedback) -> list[Finding]:
    found = []
    previous, previous_name = item.received, "received"
    for index, step in enumerate(item.history):
        location = ["history", index, "date"]
        name = f"history.{index}.date"
        if step.date < previous:
            found.append((location, name, f"{step.date} is earlier than {previous_name} ({previous}); "
                          "list history oldest first, each step on or after the one before."))
        if step.date > item.changed:
            current = "updated" if item.updated else "received"
            found.append((location, name, f"{step.date} is after {current} ({item.changed}), the date of "
                          "the current status; history holds earlier steps only."))
        previous, previous_name = step.date, f"history.{index}.date"
    return found


def status_moves(item: Feedback) -> list[Finding]:
    """A step back (e.g. shipped, then planned) needs a note saying why."""
    steps = [(s.status, s.note, ["history", i, "status"], f"history.{i}.status")
             for i, s in enumerate(item.history)]
    steps.append((item.status, item.note, ["status"], "status"))
    found = []
    for (before, _, _, _), (after, note, location, name) in zip(steps, steps[1:]):
        if moves_back(before, after) and not note:
            where = "add 'note: ...' to this history step" if name != "status" else "add 'note: ...' to the entry"
            found.append((location, name, f"moves back from {STATUS_LABELS[before].lower()} to "
                          f"{STATUS_LABELS[after].lower()} without a note; {where} saying why."))
    return found


def moves_back(before: str, after: str) -> bool:
    if after == "declined" or before == after:
        return False
    if before == "declined":
        return True
    return PROGRESS[after] < PROGRESS[before]


def is_url(link: str) -> bool:
    parts = urlsplit(link)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def link_targets(item: Feedback, published: set[str], drafts: set[str]) -> list[Finding]:
    found = []
    for index, link in enumerate(item.links):
        location, name = ["links", index], f"links.{index}"
        if is_url(link):
            continue
        if "://" in link or link.startswith(("/", ".", "mailto:")):
            found.append((location, name, f"{link!r} must be an article or page slug "
                          "(e.g. spring-range-notes) or a full http(s):// address."))
        elif link in drafts:
            found.append((location, name, f"'{link}' is a draft; link it once it is published."))
        elif link not in published:
            close = difflib.get_close_matches(link, sorted(published), n=1)
            hint = f" Did you mean '{close[0]}'?" if close else ""
            found.append((location, name, f"no article or page has the slug '{link}'.{hint}"))
    return found
