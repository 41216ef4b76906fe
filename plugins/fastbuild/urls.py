"""Work each post's and page's URL out once.

Pelican formats ``url`` and ``save_as`` from the settings every time a
template or plugin reads them (tens of thousands of times in a large
build). Once every generator has read its content, nothing can change them
any more, so each is stored as the object's ``override_url`` /
``override_save_as``, which Pelican's own ``get_url_setting`` returns
first. Objects that already carry an override (e.g. from
EXTRA_PATH_METADATA or the roundups) keep it.
"""

from __future__ import annotations

from pelican.contents import Article, Page

LISTS = ("articles", "translations", "drafts", "drafts_translations", "hidden_articles", "hidden_translations",
         "pages", "hidden_pages", "draft_pages", "draft_translations")


def freeze(generators) -> None:
    """all_generators_finalized."""
    for generator in generators:
        for name in LISTS:
            for content in getattr(generator, name, None) or []:
                if isinstance(content, (Article, Page)):
                    freeze_one(content)


def freeze_one(content) -> None:
    for key in ("url", "save_as"):
        if not hasattr(content, f"override_{key}"):
            setattr(content, f"override_{key}", getattr(content, key))
