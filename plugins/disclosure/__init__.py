"""Disclosure: readers never have to wonder whether a post was paid for.

Authors label a post in its front matter (Disclosure, Sponsor, Sponsor_url,
Disclosure_note). The plugin then shows the label on every surface: under
the article's title, beside it in every listing, at the top of each feed
item, in the meta description and the JSON-LD; it adds rel="sponsored" to
the post's outbound links and writes a transparency report. Unlabelled
affiliate links, unknown types and missing sponsors stop the build.

Modules: config (settings and market presets), checks (front matter),
model (what templates read), links (rel merging), feeds, structured
(JSON-LD), report (the transparency page), receivers.
"""

from pelican import signals

from sitekit import jsonld, problems

from . import feeds, receivers, report, structured


def start_build(pelican) -> None:
    jsonld.contribute(pelican.settings, structured.contribute)


def register():
    problems.connect()
    signals.initialized.connect(start_build)
    signals.article_generator_init.connect(receivers.report_setting_problems)
    signals.content_object_init.connect(receivers.read_content)
    signals.article_generator_finalized.connect(receivers.index_articles)
    signals.all_generators_finalized.connect(receivers.check_policy_page)
    signals.feed_generated.connect(feeds.edit_feed)
    signals.get_generators.connect(report.get_generators)
