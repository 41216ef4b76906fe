"""Data files and survey exports are never published.

Pelican copies every file under STATIC_PATHS, and any file an article links
with ``{static}``, into the site as it is. A YAML data file or a survey export
saved there by mistake would publish readers' words (withdrawn ones too) and
their email addresses. Files whose names end in PRIVATE_FILE_SUFFIXES are left
out of that copy, each named in an INFO notice. content/data/ itself is never
copied: it is outside STATIC_PATHS.
"""

from __future__ import annotations

import logging

from sitekit.settings import Defaults

logger = logging.getLogger(__name__)

setting = Defaults({"PRIVATE_FILE_SUFFIXES": (".csv", ".tsv", ".yaml", ".yml", ".xls", ".xlsx", ".ods")})


def drop_private_files(generator) -> None:
    """static_generator_finalized receiver: runs before any static file is copied."""
    suffixes = tuple(s.lower() for s in setting(generator.settings, "PRIVATE_FILE_SUFFIXES"))
    kept = []
    for static in generator.staticfiles:
        if str(static.source_path).lower().endswith(suffixes):
            logger.info("Not publishing %s: data files and survey exports (%s) are never copied into the "
                        "site; keep them in content/data/.", static.source_path, ", ".join(suffixes))
        else:
            kept.append(static)
    generator.staticfiles[:] = kept
