"""Production settings: absolute URLs from $SITEURL, feeds, no drafts."""

import os
import runpy
from pathlib import Path

# Everything pelicanconf.py sets, read by path (so no sys.path edit is needed).
globals().update({name: value for name, value in runpy.run_path(str(Path(__file__).with_name("pelicanconf.py"))).items()
                  if name.isupper()})

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
