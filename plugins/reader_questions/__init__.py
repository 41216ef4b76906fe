"""Reader-question roundups from content/data/questions.yaml.

Readers' questions are published with the team's answers in periodic roundup
posts (a month or a quarter each), with attribution the reader agreed to;
open and declined questions are shown too, and /questions/ keeps the score.
A reader who withdraws consent disappears from every output.
"""

from pelican import signals

from sitekit import asof, jsonld, problems

from .defaults import setting
from .receivers import add_roundups, add_templates, faq_structured_data, get_generators, question_dates


def start_build(pelican) -> None:
    setting.apply(pelican.settings)  # the defaults, for templates too
    jsonld.contribute(pelican.settings, faq_structured_data)
    asof.add_dates_from(pelican.settings, question_dates)


def register():
    problems.connect()
    asof.connect()
    signals.initialized.connect(start_build)
    signals.article_generator_init.connect(add_templates)
    signals.article_generator_pretaxonomy.connect(add_roundups)
    signals.get_generators.connect(get_generators)
