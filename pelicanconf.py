"""Development settings: relative URLs, content cache on, drafts listed locally.

`publishconf.py` imports everything here and overrides what production needs.
"""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent

AUTHOR = "Kestrel team"
SITENAME = "Kestrel Field Notes"
SITESUBTITLE = "What we make, what we are paid, and what you told us"
SITE_DESCRIPTION = (
    "The Kestrel Outdoor Co. blog: repairs, community, and an open record of "
    "money, motives and the feedback that changed what we do."
)
BRAND_NAME = "Kestrel Outdoor Co."
SITEURL = "http://127.0.0.1:8000"
# Templates get a relative SITEURL; canonical and OpenGraph URLs need this.
CANONICAL_ROOT = SITEURL
RELATIVE_URLS = True

PATH = str(PROJECT_ROOT / "content")
OUTPUT_PATH = str(PROJECT_ROOT / "output")
THEME = str(PROJECT_ROOT / "theme")
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
# content/data/ (YAML read by plugins) and content/roundups/ sit outside
# ARTICLE_PATHS, PAGE_PATHS and STATIC_PATHS, so they are never copied.

TIMEZONE = "Europe/London"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

# Clean URLs: every page is a folder with an index.html.
ARTICLE_URL = "{date:%Y}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{slug}/index.html"
ARTICLE_LANG_URL = "{date:%Y}/{slug}-{lang}/"
ARTICLE_LANG_SAVE_AS = "{date:%Y}/{slug}-{lang}/index.html"
DRAFT_URL = "drafts/{slug}/"
DRAFT_SAVE_AS = "drafts/{slug}/index.html"
DRAFT_LANG_URL = "drafts/{slug}-{lang}/"
DRAFT_LANG_SAVE_AS = "drafts/{slug}-{lang}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
PAGE_LANG_URL = "{slug}-{lang}/"
PAGE_LANG_SAVE_AS = "{slug}-{lang}/index.html"
DRAFT_PAGE_URL = "drafts/pages/{slug}/"
DRAFT_PAGE_SAVE_AS = "drafts/pages/{slug}/index.html"
DRAFT_PAGE_LANG_URL = "drafts/pages/{slug}-{lang}/"
DRAFT_PAGE_LANG_SAVE_AS = "drafts/pages/{slug}-{lang}/index.html"
CATEGORY_URL = "category/{slug}/"
CATEGORY_SAVE_AS = "category/{slug}/index.html"
TAG_URL = "tag/{slug}/"
TAG_SAVE_AS = "tag/{slug}/index.html"
AUTHOR_URL = "author/{slug}/"
AUTHOR_SAVE_AS = "author/{slug}/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
CATEGORIES_URL = "categories/"
CATEGORIES_SAVE_AS = "categories/index.html"
TAGS_URL = "tags/"
TAGS_SAVE_AS = "tags/index.html"
AUTHORS_URL = "authors/"
AUTHORS_SAVE_AS = "authors/index.html"
DIRECT_TEMPLATES = ["index", "tags", "categories", "authors", "archives", "404", "search"]
SEARCH_URL = "search/"  # search.html; its index is built by Pagefind (README: Hosting)
SEARCH_SAVE_AS = "search/index.html"
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""

# Feeds are generated locally too, so the preview shows exactly what
# subscribers will get.
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
FEED_MAX_ITEMS = 20
RSS_FEED_SUMMARY_ONLY = False

# Theme switches.
SHOW_DRAFTS = True  # list drafts on the home page, local preview only
DISPLAY_PAGES_ON_MENU = False
MENUITEMS_MAIN = [
    ("Articles", "archives/"),
    ("Topics", "categories/"),
    ("About", "page:about"),
    ("Questions", "questions/"),  # reader_questions plugin
    ("Ask us", "page:ask"),
    ("What we learned", "learned/"),  # learned plugin
    ("Search", "search/"),
]
FOOTER_LINKS = [
    ("Editorial & disclosure policy", "page:editorial-policy"),
    ("Ask us a question", "page:ask"),
    ("Privacy and your words", "page:privacy"),
    ("Transparency report", "transparency/"),  # disclosure plugin
]
# Menu links written "page:SLUG" point at that page and are left out when a
# site has no such page, so the theme never links to a missing file.
POLICY_URL = "editorial-policy/"
ASK_URL = "ask/"

# Autoescape on: anything a template prints is text unless it is marked safe
# (article.content and summaries, which Pelican renders from trusted sources).
# auto_reload off: each build makes fresh template environments anyway, and a
# stat() per {% include %} is measurable (README: Performance).
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True, "extensions": [],
                     "auto_reload": False}

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.codehilite": {"css_class": "highlight", "guess_lang": False},
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.toc": {"permalink": False},
    },
    "output_format": "html5",
}

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = str(PROJECT_ROOT / ".cache" / "pelican")

# sitewide plugin: sitemap, robots.txt, _headers and OpenGraph (README: Hosting).
OG_LOCALE = "en_GB"
SITEMAP_SAVE_AS = "sitemap.xml"  # "" turns the sitemap (and its robots.txt line) off
ROBOTS_SAVE_AS = "robots.txt"
SITEMAP_EXCLUDE = ["404.html"]  # output files never listed; drafts, hidden pages and page 2+ never are
HEADERS_SAVE_AS = "_headers"  # for Netlify and Cloudflare Pages; "" turns it off
HEADERS_HTML_CACHE = "public, max-age=300, must-revalidate"
HEADERS_HASHED_CACHE = "public, max-age=31536000, immutable"
# Never copied into the site, even from STATIC_PATHS (README: What the build guarantees).
PRIVATE_FILE_SUFFIXES = [".csv", ".tsv", ".yaml", ".yml", ".xls", ".xlsx", ".ods"]

# Installed into .venv by `make` (pyproject.toml), so Pelican imports them by name.
PLUGINS = ["sitewide", "disclosure", "reader_questions", "learned", "fastbuild"]

# disclosure plugin: labels for paid, gifted and employee posts (README: Disclosure).
DISCLOSURE_MARKET = "US"  # "US" (FTC wording) or "UK" (ASA labels "Ad", "Advertisement feature")
DISCLOSURE_TYPES = {}  # per-type changes to the market preset, e.g. {"gifted": {"label": "Gift"}}
DISCLOSURE_POLICY_URL = "editorial-policy/"  # "What this means" on every notice
DISCLOSURE_REPORT_URL = "transparency/"
DISCLOSURE_REPORT_SAVE_AS = "transparency/index.html"
AFFILIATE_LINK_PATTERNS = [  # regular expressions searched in each link's URL
    r"^https?://([\w-]+\.)*amazon\.[a-z.]+/[^#]*[?&]tag=",
    r"^https?://([\w-]+\.)*(amzn\.to|amzn\.eu|amzn\.asia)/",
    r"^https?://([\w-]+\.)*(awin1\.com|shareasale\.com|linksynergy\.com|anrdoezrs\.net|"
    r"dpbolvw\.net|jdoqocy\.com|kqzyfj\.com|tkqlhce\.com|tradedoubler\.com|skimresources\.com|"
    r"viglink\.com|rstyle\.me|prf\.hn|sjv\.io|pxf\.io|7eer\.net|avantlink\.com|pjtra\.com|"
    r"pntra\.com|webgains\.com|howl\.me|go2cloud\.org)/",
    r"[?&](aff|affid|aff_id|affiliate|affiliate_id|affiliateid)=",
    r"[?&]utm_medium=affiliate(&|#|$)",
]

# reader_questions plugin: roundups of reader questions (README: Reader questions).
QUESTIONS_FILE = "data/questions.yaml"  # inside PATH
ROUNDUPS_PATH = "roundups"  # optional intro per period: roundups/2026-10.md (or 2026-q4.md)
ROUNDUP_PERIOD = "month"  # "month" (questions/2026-10/) or "quarter" (questions/2026-q4/)
ROUNDUP_AUTHOR = "Kestrel team"
ROUNDUP_CATEGORY = "Reader questions"
ROUNDUP_URL = "questions/{period}/"
ROUNDUP_SAVE_AS = "questions/{period}/index.html"
QUESTIONS_URL = "questions/"
QUESTIONS_SAVE_AS = "questions/index.html"
QUESTIONS_ASK_URL = "ask/"  # the call to ask on /questions/ and on every roundup

# learned plugin: "What we learned from you" pages (README: What we learned from you).
LEARNED_DATA = "data/feedback.yaml"  # relative to PATH
LEARNED_URL = "learned/"
LEARNED_SAVE_AS = "learned/index.html"
LEARNED_THEME_URL = "learned/{slug}/"
LEARNED_THEME_SAVE_AS = "learned/{slug}/index.html"
LEARNED_FEED_ATOM = "feeds/learned.atom.xml"  # one entry per status change; None turns it off

# fastbuild plugin: Markdown converted on both cores, URLs worked out once (README: Performance).
FASTBUILD_WORKERS = 2  # worker processes; 0 or 1 converts in the build's own process
FASTBUILD_MIN_FILES = 64  # fewer unconverted files than this: no pool
