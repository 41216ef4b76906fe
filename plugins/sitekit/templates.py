"""Pages a plugin adds are rendered from templates it ships, which a theme may override.

A plugin keeps those templates in its own ``templates/`` folder and calls
``add_fallback`` on the Jinja environment that renders them: the site's
theme (and Pelican's ``simple`` theme behind it) is searched first, the
plugin's folder last. A theme restyles a page by having a template of the
same name; a theme that knows nothing of the plugin still gets the page.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader

from .text import plural


def add_fallback(env, folder: str | Path) -> None:
    """Search ``folder`` after everything ``env`` already searches (once per folder),
    and give ``env`` the ``plural`` filter the shipped templates use, unless the site has one."""
    folder = str(folder)
    if folder not in searched_folders(env.loader):
        env.loader = ChoiceLoader([env.loader, FileSystemLoader(folder)])
    env.filters.setdefault("plural", plural)


def searched_folders(loader) -> list[str]:
    if isinstance(loader, ChoiceLoader):
        return [folder for inner in loader.loaders for folder in searched_folders(inner)]
    if isinstance(loader, FileSystemLoader):
        return [str(folder) for folder in loader.searchpath]
    return []
