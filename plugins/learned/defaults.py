"""Every setting the learned plugin reads, with its default (README: What we learned from you)."""

from sitekit.settings import Defaults

setting = Defaults({
    "LEARNED_DATA": "data/feedback.yaml",  # inside PATH
    "LEARNED_URL": "learned/",
    "LEARNED_SAVE_AS": "learned/index.html",
    "LEARNED_THEME_URL": "learned/{slug}/",
    "LEARNED_THEME_SAVE_AS": "learned/{slug}/index.html",
    "LEARNED_FEED_ATOM": "feeds/learned.atom.xml",  # None turns the feed off
})
