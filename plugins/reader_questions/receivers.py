"""Signal receivers: load the questions, add roundups to the blog stream,
mark related articles, and describe roundups in JSON-LD."""

from __future__ import annotations

from pathlib import Path

from pelican.generators import Generator
from pelican.utils import order_content

from sitekit import problems
from sitekit.asof import site_as_of

from .loading import load_questions, questions_path, read_intros
from .periods import PERIODS
from .posts import render_body, roundup_article
from .roundups import QuestionsSite, group_into_roundups, publish

CONTEXT_KEY = "reader_questions"


def period_kind(settings: dict) -> str:
    kind = settings.get("ROUNDUP_PERIOD", "month")
    if kind not in PERIODS:
        problems.report("pelicanconf.py", problems.line_containing("pelicanconf.py", "ROUNDUP_PERIOD")[0],
                        "ROUNDUP_PERIOD", f"{kind!r} is not a roundup period; use 'month' or 'quarter'.")
        return "month"
    return kind


def add_roundups(generator) -> None:
    """article_generator_pretaxonomy: runs before categories, tags and feeds are built."""
    settings = generator.settings
    generator.context.setdefault("QUESTIONS_URL", settings.get("QUESTIONS_URL", "questions/"))
    listed = list(generator.articles) + list(generator.hidden_articles)
    for article in listed + list(generator.drafts):
        article.reader_questions = []  # cached articles may carry last build's list
    by_slug = {article.slug: article for article in listed}
    kind = period_kind(settings)

    loaded = load_questions(questions_path(settings), set(by_slug))
    published = publish(loaded.questions, by_slug, settings)
    dates = [q.asked for q in published] + [q.responded_on for q in published if q.responded_on]
    as_of = site_as_of(generator.context, listed, dates)
    roundups = group_into_roundups(published, kind, as_of)

    intros = read_intros(Path(settings["PATH"]) / settings.get("ROUNDUPS_PATH", "roundups"), kind, settings)
    posts = [roundup_article(r, intros.get(r.period.key), generator) for r in roundups]
    for post in posts:
        render_body(post, generator, as_of)
    generator.articles = order_content(list(generator.articles) + posts, settings["ARTICLE_ORDER_BY"])

    questions_url = settings.get("QUESTIONS_URL", "questions/")
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
    target = settings.get("QUESTIONS_ASK_URL", "ask/")
    if not target:
        return None
    if "://" in target or target.startswith("mailto:"):
        return {"href": target, "internal": False}
    known = list(context.get("pages", [])) + list(context.get("hidden_pages", [])) + list(context.get("articles", []))
    if target.startswith("page:"):
        found = next((p for p in known if p.slug == target[5:]), None)
        return {"href": found.url, "internal": True} if found else None
    if any(item.url == target for item in known):
        return {"href": target, "internal": True}
    return None


class QuestionsGenerator(Generator):
    """Writes /questions/: every roundup, the counts and every open question."""

    def generate_context(self) -> None:
        # Runs after the articles and pages are read, before anything is written.
        self.context["questions_ask"] = ask_link(self.settings, self.context)

    def generate_output(self, writer) -> None:
        site = self.context.get(CONTEXT_KEY) or QuestionsSite([], [], None, self.settings.get("ROUNDUP_PERIOD"))
        writer.write_file(
            self.settings.get("QUESTIONS_SAVE_AS", "questions/index.html"),
            self.get_template("questions"),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=self.settings.get("QUESTIONS_URL", "questions/"),
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
    if context.get("output_file") == context.get("QUESTIONS_SAVE_AS", "questions/index.html"):
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
