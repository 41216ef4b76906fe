"""Signal receivers: read and check each post, label its links, index it."""

from __future__ import annotations

from pelican.contents import Article, Page

from sitekit import problems

from . import checks, links, report
from . import config as cfg

INDEX_KEY = "disclosure_index"


def report_setting_problems(generator) -> None:
    for setting, message in cfg.load(generator.settings).problems:
        problems.of(generator.settings).report("settings", 1, setting, message)


def read_content(content) -> None:
    """content_object_init: attach ``content.disclosure`` and label outbound links."""
    if not isinstance(content, (Article, Page)):
        return
    config = cfg.load(content.settings)
    disclosure = checks.read(content, config)
    content.disclosure = disclosure
    if disclosure is None:
        return
    hosts = links.site_hosts(content.settings)
    content._content = links.merge_rel(content._content or "", hosts, disclosure.paid)
    summary = content.metadata.get("summary")
    if isinstance(summary, str):
        content.metadata["summary"] = links.merge_rel(summary, hosts, disclosure.paid)
        if hasattr(content, "_summary"):
            content._summary = content.metadata["summary"]


def check_policy_page(generators) -> None:
    """all_generators_finalized: every notice links to the policy, so it must exist."""
    context = generators[0].context if generators else {}
    config = cfg.load(generators[0].settings) if generators else None
    if config is None or report.policy_page_exists(context, config.policy_url):
        return
    posts = [a for key in ("articles", "drafts", "hidden_articles") for a in context.get(key, [])]
    labelled = [a for a in posts if getattr(getattr(a, "disclosure", None), "labels", None)]
    if labelled:
        problems.of(context).report(
            labelled[0].source_path, problems.metadata_line(labelled[0].source_path, "disclosure"), "Disclosure", f"links to the policy at DISCLOSURE_POLICY_URL '{config.policy_url}', "
            "but no page has that URL; add the policy page or change the setting.")


def index_articles(generator) -> None:
    """article_generator_finalized: URL -> disclosure, for the feeds."""
    index = {}
    for name in ("articles", "translations", "hidden_articles", "hidden_translations"):
        for article in getattr(generator, name, []) or []:
            disclosure = getattr(article, "disclosure", None)
            if disclosure is not None and hasattr(disclosure, "labels"):
                index[article.url] = (article, disclosure)
    generator.context[INDEX_KEY] = index
