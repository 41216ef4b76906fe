"""What we learned from you: "You said → We did" pages from content/data/feedback.yaml.

Readers see each piece of feedback they gave (with their consent) next to
what we did about it, grouped by theme, with a summary by status, a page per
theme, a feed of status changes, and a "What prompted this" box on articles
that name the feedback behind them (front matter ``Learned_from``).
"""

from pelican import signals

from sitekit import asof, jsonld, problems

from . import receivers
from .defaults import setting


def start_build(pelican) -> None:
    setting.apply(pelican.settings)  # the defaults, for templates too
    jsonld.contribute(pelican.settings, receivers.structured_data)


def register():
    problems.connect()
    asof.connect()
    signals.initialized.connect(start_build)
    signals.get_generators.connect(receivers.add_generator)
    signals.feed_generated.connect(receivers.steady_empty_feed)
