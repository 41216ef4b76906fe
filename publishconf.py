"""Production settings: absolute URLs from $SITEURL, feeds, no drafts."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pelicanconf import *  # noqa: E402,F403

# e.g. SITEURL=https://org.github.io/blog (a sub-path works; no trailing slash)
SITEURL = os.environ.get("SITEURL", "https://blog.kestrel.example").rstrip("/")
FEED_DOMAIN = SITEURL
CANONICAL_ROOT = SITEURL
RELATIVE_URLS = False

CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"

# Drafts never reach readers; they are previewed with `make serve`.
SHOW_DRAFTS = False
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
DRAFT_PAGE_LANG_SAVE_AS = ""

# `invoke build`/`preview` build into a fresh folder and swap it in, so
# Pelican never needs to empty the live output itself; a failed build then
# leaves the previous site untouched.
DELETE_OUTPUT_DIRECTORY = False
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
