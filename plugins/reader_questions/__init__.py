"""Reader-question roundups from content/data/questions.yaml.

Readers' questions are published with the team's answers in periodic roundup
posts (a month or a quarter each), with attribution the reader agreed to;
open and declined questions are shown too, and /questions/ keeps the score.
A reader who withdraws consent disappears from every output.
"""

from pelican import signals

from sitekit import jsonld

from .receivers import add_roundups, faq_structured_data, get_generators


def register():
    signals.article_generator_pretaxonomy.connect(add_roundups)
    signals.get_generators.connect(get_generators)
    jsonld.contribute(faq_structured_data)
