"""Writes /learned/, one page per theme and the changes feed."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator

from sitekit.templates import add_fallback

from . import loading
from .chart import bar_chart
from .defaults import setting
from .feed import FEED_TITLE, changes
from .view import by_status, by_theme

TEMPLATES = Path(__file__).resolve().parent / "templates"


class LearnedGenerator(Generator):
    """Reads content/data/feedback.yaml after articles and pages are known. Writes its pages
    with the theme's learned.html and learned_theme.html when it has them, else the plugin's own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_fallback(self.env, TEMPLATES)

    def generate_context(self):
        self.data_path = Path(self.path) / setting(self.settings, "LEARNED_DATA")
        self.learned = loading.load(self.data_path, self.settings, self.context)
        loading.connect_articles(self.learned, self.context, self.data_path)
        self.context["learned_as_of"] = self.learned.as_of

    def generate_output(self, writer):
        items = self.learned.items
        themes = by_theme(items)
        statuses = by_status(items)
        feed_path = setting(self.settings, "LEARNED_FEED_ATOM")
        common = {
            "learned_url": setting(self.settings, "LEARNED_URL"),
            "learned_feed": feed_path,
            "learned_themes": themes,
            "learned_page": True,
        }
        writer.write_file(
            setting(self.settings, "LEARNED_SAVE_AS"), self.get_template("learned"), self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            learned_items=items, learned_statuses=statuses, learned_chart=bar_chart(statuses),
            learned_people=sum(item.count for item in items), **common,
        )
        theme_template = self.get_template("learned_theme")
        for theme in themes:
            save_as = setting(self.settings, "LEARNED_THEME_SAVE_AS").format(slug=theme.slug)
            writer.write_file(
                save_as, theme_template, self.context, relative_urls=self.settings["RELATIVE_URLS"],
                learned_theme=theme, learned_statuses=by_status(theme.items), **common,
            )
        if feed_path:
            author = self.settings.get("BRAND_NAME") or self.settings.get("AUTHOR") or ""
            writer.write_feed(changes(items, author), self.context, feed_path, feed_title=FEED_TITLE)
