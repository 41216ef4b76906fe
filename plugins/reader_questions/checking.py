"""Check questions.yaml without building the site (used by `invoke add-question`)."""

from __future__ import annotations

import os
from pathlib import Path

from pelican.contents import Article
from pelican.readers import Readers

from sitekit import problems

from .loading import load_questions, questions_path


def article_slugs(settings: dict) -> set[str]:
    """Slugs of the published and hidden articles, read the way Pelican reads them."""
    readers = Readers(settings)
    content = Path(settings["PATH"])
    slugs = set()
    for folder in settings["ARTICLE_PATHS"]:
        for path in sorted((content / folder).rglob("*")):
            if not path.is_file() or path.suffix.lstrip(".") not in readers.extensions:
                continue
            try:
                article = readers.read_file(base_path=str(content), path=os.path.relpath(path, content),
                                            content_class=Article)
            except Exception:  # a broken article is the build's business, not this check's
                continue
            if getattr(article, "status", "") in ("published", "hidden") and getattr(article, "slug", None):
                slugs.add(article.slug)
    return slugs


def check_questions_file(settings: dict) -> list[problems.Problem]:
    """Every problem in the questions file, as the build would report it."""
    found = problems.Problems()
    load_questions(found, questions_path(settings), article_slugs(settings))
    return found.found
