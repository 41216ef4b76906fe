"""A plugin's settings and their defaults, declared once.

Each plugin lists every setting it reads, with its default, in one
``Defaults`` and reads them through it, so a default is written in one
place only::

    setting = Defaults({"QUESTIONS_URL": "questions/", ...})
    setting(settings, "QUESTIONS_URL")  # the site's value, else the default
    setting.apply(pelican.settings)     # at `initialized`: templates see the defaults too

``settings`` may be Pelican's settings, a generator's or the context (which
starts as a copy of the settings). Asking for a setting the plugin did not
declare is a KeyError, so a misspelt name fails at once instead of quietly
reading nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any


class Defaults:
    def __init__(self, defaults: Mapping[str, Any]):
        self.defaults = MappingProxyType(dict(defaults))

    def __call__(self, settings: Mapping, key: str) -> Any:
        if key not in self.defaults:
            raise KeyError(f"{key} is not one of this plugin's settings ({', '.join(self.defaults)})")
        return settings.get(key, self.defaults[key])

    def apply(self, settings: dict) -> None:
        """Add the defaults the site does not set (a copy each, so no build changes them)."""
        for key, value in self.defaults.items():
            settings.setdefault(key, copy.deepcopy(value))

    def merged(self, settings: Mapping) -> dict:
        """The defaults overridden by ``settings``: a plain dict, for tools that read a settings file."""
        return {**copy.deepcopy(dict(self.defaults)), **settings}
