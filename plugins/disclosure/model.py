"""What a post discloses, attached to the post as ``article.disclosure``.

Templates, feeds, structured data and the transparency report all read this
one object, so every surface says the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Sponsor:
    name: str
    url: str = ""


@dataclass(frozen=True)
class Label:
    """One disclosure type as shown to readers."""

    type: str
    label: str
    sentence: str
    anchor: str


@dataclass(frozen=True)
class Disclosure:
    labels: tuple[Label, ...]
    sponsors: tuple[Sponsor, ...] = ()
    note: str = ""
    updated: dt.datetime | None = None
    updated_text: str = ""
    paid: bool = False
    advertiser: bool = False
    policy_url: str = ""
    report_url: str = ""
    types: tuple[str, ...] = field(default=())

    @property
    def sentences(self) -> list[str]:
        return [label.sentence for label in self.labels if label.sentence]

    @property
    def text(self) -> str:
        """The sentences as one plain-text string (meta description, feeds)."""
        return " ".join(self.sentences)

    @property
    def updated_sentence(self) -> str:
        return f"Disclosure updated on {self.updated_text}." if self.updated else ""

    @property
    def sponsor_names(self) -> str:
        return join_names([sponsor.name for sponsor in self.sponsors])


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def build(types: list[str], sponsors: list[Sponsor], note: str, content, config) -> Disclosure:
    sponsor_text = join_names([sponsor.name for sponsor in sponsors]) or "the company named above"
    labels = []
    for name in types:
        spec = config.types[name]
        sentence = spec.get("sentence", "").replace("{sponsor}", sponsor_text)
        labels.append(Label(name, spec.get("label", name), sentence, spec.get("anchor", name)))
    modified = getattr(content, "modified", None)
    date = getattr(content, "date", None)
    updated = modified if modified and (date is None or modified > date) else None
    return Disclosure(
        labels=tuple(labels),
        sponsors=tuple(sponsors),
        note=note,
        updated=updated,
        updated_text=getattr(content, "locale_modified", "") if updated else "",
        paid=any(config.types[name].get("paid") for name in types),
        advertiser=any(config.types[name].get("advertiser") for name in types),
        policy_url=config.policy_url,
        report_url=config.report_url,
        types=tuple(types),
    )
