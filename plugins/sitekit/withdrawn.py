"""One rule for a reader who takes their consent back, in any data file.

An entry whose consent is ``withdrawn`` keeps only its id: it is left out of
every output, and only the id is checked (with the full model's own id rule,
so the id stays taken). Every other field still in the entry, known to the
full model or not, is accepted and never read, so a withdrawal is never held
up by a half-edited entry or by a field added to the model later; the
plugin names those fields in an INFO notice, because the file itself is
published in the repository and the reader's words should go from it too.

The withdrawn model is derived from the full one::

    WITHDRAWAL = Withdrawal(Question, consent_at="asker.consent", noun="Question")
    load_entries(path, "questions", WITHDRAWAL.model_for, ...)
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, create_model

WITHDRAWN = "withdrawn"


class WithdrawnEntry(BaseModel):
    """What is left of a withdrawn entry: its id, its consent and fields never read."""

    model_config = ConfigDict(extra="allow")

    def leftover_fields(self) -> list[str]:
        """Every field besides the id and the consent, as written, dotted for nested ones (``asker.name``)."""
        names = list(self.model_extra or {})
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, WithdrawnEntry):
                names += [f"{name}.{inner}" for inner in value.leftover_fields()]
        return names


class Withdrawal:
    """The withdrawal rule for entries of ``full``, whose consent sits at ``consent_at``."""

    def __init__(self, full: type[BaseModel], consent_at: str = "consent", keep: tuple[str, ...] = ("id",),
                 noun: str = "Entry"):
        self.full = full
        self.consent_at = consent_at
        self.keep = keep
        self.noun = noun
        self.model = self._derive()

    def _derive(self) -> type[WithdrawnEntry]:
        *parents, last = self.consent_at.split(".")
        name = f"Withdrawn{self.full.__name__}"
        fields: dict = {last: (Literal["withdrawn"], ...)}
        for depth in range(len(parents), 0, -1):  # innermost first: asker.consent -> asker
            inner = create_model(f"{name}_{'_'.join(parents[:depth])}", __base__=WithdrawnEntry, **fields)
            fields = {parents[depth - 1]: (inner, ...)}
        for key in self.keep:  # the full model's field, validators and all
            info = self.full.model_fields[key]
            fields[key] = (info.annotation, info)
        return create_model(name, __base__=WithdrawnEntry, **fields)

    def applies(self, item: dict) -> bool:
        node = item
        for part in self.consent_at.split("."):
            if not isinstance(node, dict):
                return False
            node = node.get(part)
        return node == WITHDRAWN

    def model_for(self, item: dict) -> type[BaseModel]:
        """For ``sitekit.yamldata.load_entries``: the withdrawn model or the full one."""
        return self.model if self.applies(item) else self.full

    def note_leftovers(self, value: WithdrawnEntry, path: Path, logger: logging.Logger) -> None:
        """The INFO notice naming the fields to delete (nothing when only id and consent are left)."""
        leftovers = value.leftover_fields()
        if leftovers:
            kept = " and ".join((*self.keep, self.consent_at))
            logger.info("%s %s is withdrawn and left out of the site; delete its %s from %s (keep only %s).",
                        self.noun, getattr(value, self.keep[0]), ", ".join(leftovers), Path(path).name, kept)
