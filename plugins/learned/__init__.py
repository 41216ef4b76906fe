"""What we learned from you: "You said → We did" pages from content/data/feedback.yaml.

Readers see each piece of feedback they gave (with their consent) next to
what we did about it, grouped by theme, with a summary by status, a page per
theme, a feed of status changes, and a "What prompted this" box on articles
that name the feedback behind them (front matter ``Learned_from``).
"""

from pelican import signals

from sitekit import jsonld

from . import receivers


def register():
    signals.get_generators.connect(receivers.add_generator)
    signals.feed_generated.connect(receivers.steady_empty_feed)
    jsonld.contribute(receivers.structured_data)
