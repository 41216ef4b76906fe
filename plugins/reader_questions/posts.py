"""Each roundup becomes a real Pelican Article, so it joins the blog stream:
index, category, feeds, archives and sitemap treat it like any post."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from pelican.contents import Article, Author, Category
from pelican.utils import SafeDatetime

from .defaults import setting
from .loading import Intro
from .roundups import Roundup

DEFAULT_INTRO = ("<p>Questions readers sent us, with our answers: the ones we declined, with our reasons, "
                 "and the ones still waiting.</p>")


def roundup_article(roundup: Roundup, intro: Intro | None, generator) -> Article:
    settings = generator.settings
    key = roundup.period.key
    day = roundup.date
    source = intro.path if intro else Path(settings["PATH"]) / setting(settings, "ROUNDUPS_PATH") / f"{key}.md"
    author = Author(setting(settings, "ROUNDUP_AUTHOR") or settings.get("AUTHOR") or "Kestrel team", settings)
    metadata = {
        "title": (intro.title if intro and intro.title else f"Reader questions: {roundup.period.label}"),
        "date": SafeDatetime(day.year, day.month, day.day),
        "category": Category(setting(settings, "ROUNDUP_CATEGORY"), settings),
        "author": author,
        "authors": [author],
        "slug": f"questions-{key}",
        "url": setting(settings, "ROUNDUP_URL").format(period=key),
        "save_as": setting(settings, "ROUNDUP_SAVE_AS").format(period=key),
        "template": "roundup",
        "summary": (intro.summary if intro and intro.summary else roundup.summary()),
        "status": "published",
    }
    if intro and intro.tags:
        metadata["tags"] = intro.tags
    article = Article("", metadata=metadata, settings=settings, source_path=str(source), context=generator.context)
    article.roundup = roundup
    article.intro_html = intro.html if intro else DEFAULT_INTRO
    roundup.article = article
    # Lets authors link to a roundup with {filename}/roundups/2026-10.md, and
    # lets roundups link to each other the same way.
    generator.context["generated_content"][article.relative_source_path] = article
    return article


def render_body(article: Article, generator, as_of) -> None:
    """The roundup's HTML, also what feed readers get: intro, questions, still open."""
    template = generator.get_template("reader_questions_roundup_body")
    article._content = template.render(roundup=article.roundup, intro=Markup(article.intro_html), as_of=as_of,
                                       settings=generator.settings)
