"""Signal receivers: load the questions, add roundups to the blog stream,
mark related articles, and describe roundups in JSON-LD."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator
from pelican.utils import order_content

from sitekit import asof, problems
from sitekit.pages import PAGES, find_page
from sitekit.templates import add_fallback

from .defaults import setting
from .loading import load_questions, questions_path, read_intros
from .periods import PERIODS
from .posts import render_body, roundup_article
from .roundups import QuestionsSite, group_into_roundups, publish

CONTEXT_KEY = "reader_questions"
TEMPLATES = Path(__file__).resolve().parent / "templates"


def period_kind(settings: dict) -> str:
    kind = setting(settings, "ROUNDUP_PERIOD")
    if kind not in PERIODS:
        problems.of(settings).report(
            "pelicanconf.py", problems.line_containing("pelicanconf.py", "ROUNDUP_PERIOD")[0], "ROUNDUP_PERIOD", f"{kind!r} is not a roundup period; use 'month' or 'quarter'.")
        return "month"
    return kind


def question_dates(settings: dict) -> list:
    """The dates readers asked and we answered count towards the site's as-of date. Read
    quietly here: the questions are loaded (and their mistakes reported) in add_roundups."""
    loaded = load_questions(problems.Problems(), questions_path(settings), None)
    return [date for question in loaded.questions for date in (question.asked, question.responded_on) if date]


def add_roundups(generator) -> None:
    """article_generator_pretaxonomy: runs before categories, tags and feeds are built."""
    settings = generator.settings
    listed = list(generator.articles) + list(generator.hidden_articles)
    for article in listed + list(generator.drafts):
        article.reader_questions = []  # cached articles may carry last build's list
    by_slug = {article.slug: article for article in listed}
    kind = period_kind(settings)

    loaded = load_questions(problems.of(settings), questions_path(settings), set(by_slug))
    published = publish(loaded.questions, by_slug, settings)
    as_of = asof.of(generator.context)
    roundups = group_into_roundups(published, kind, as_of)

    intros = read_intros(Path(settings["PATH"]) / setting(settings, "ROUNDUPS_PATH"), kind, settings)
    posts = [roundup_article(r, intros.get(r.period.key), generator) for r in roundups]
    for post in posts:
        render_body(post, generator, as_of)
    generator.articles = order_content(list(generator.articles) + posts, settings["ARTICLE_ORDER_BY"])

    questions_url = setting(settings, "QUESTIONS_URL")
    for question in published:
        target = question.roundup.article.url if question.roundup else questions_url
        for article in question.related:
            article.reader_questions.append({
                "id": question.id, "question": question.question, "status": question.status,
                "status_label": question.status_label, "url": f"{target}#{question.anchor}",
            })

    generator.context[CONTEXT_KEY] = QuestionsSite(published, list(reversed(roundups)), as_of, kind)


def ask_link(settings: dict, context: dict) -> dict | None:
    """Where "Ask us a question" points: a page's URL, ``page:slug`` or a full URL.

    None (the link is left out) when no page has that URL, so a site without
    an ask page never links to a missing file.
    """
    target = setting(settings, "QUESTIONS_ASK_URL")
    if not target:
        return None
    if "://" in target or target.startswith("mailto:"):
        return {"href": target, "internal": False}
    kinds = (*PAGES, "articles")
    found = (find_page(context, slug=target[5:], kinds=kinds) if target.startswith("page:")
             else find_page(context, url=target, kinds=kinds))
    return {"href": found.url, "internal": True} if found else None


def add_templates(generator) -> None:
    """article_generator_init: roundups are articles, so Pelican's article generator renders
    them (roundup.html) and their bodies (reader_questions_roundup_body.html): its templates
    come from the theme first, then from this plugin's templates/ folder."""
    add_fallback(generator.env, TEMPLATES)


class QuestionsGenerator(Generator):
    """Writes /questions/: every roundup, the counts and every open question, with the
    theme's questions.html when it has one, else the plugin's own."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_fallback(self.env, TEMPLATES)

    def generate_context(self) -> None:
        # Runs after the articles and pages are read, before anything is written.
        self.context["questions_ask"] = ask_link(self.settings, self.context)

    def generate_output(self, writer) -> None:
        site = self.context.get(CONTEXT_KEY) or QuestionsSite([], [], None, setting(self.settings, "ROUNDUP_PERIOD"))
        writer.write_file(
            setting(self.settings, "QUESTIONS_SAVE_AS"),
            self.get_template("questions"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=setting(self.settings, "QUESTIONS_URL"),
            questions_site=site,
        )


def get_generators(pelican):
    return QuestionsGenerator


def faq_structured_data(data: dict, context) -> None:
    """FAQPage on a roundup: one Question per answered question, as shown."""
    article = context.get("article")
    roundup = getattr(article, "roundup", None)
    if roundup is not None:
        data["@type"] = "FAQPage"
        data["mainEntity"] = [faq_entry(q, data) for q in roundup.answered]
        return
    if context.get("output_file") == setting(context, "QUESTIONS_SAVE_AS"):
        data["@type"] = "CollectionPage"
        data["name"] = "Reader questions"


def faq_entry(question, data: dict) -> dict:
    answer = {"@type": "Answer", "text": question.answer_text,
              "url": f"{data['url']}#{question.anchor}",
              "dateCreated": question.responded_on.isoformat()}
    if question.responded_by:
        answer["author"] = {"@type": "Person", "name": question.responded_by}
    else:
        answer["author"] = data.get("publisher")
    return {"@type": "Question", "name": question.question, "dateCreated": question.asked.isoformat(),
            "acceptedAnswer": answer}
