"""Linear-time tag, category and author pages.

For each tag, category and author Pelican keeps its articles in a list and
then filters every article of the blog with ``article in that_list``: a scan
of the list per article, so the work grows with the square of the blog
(about 450 million comparisons at 10,000 posts). Content objects compare by
identity, so a list that also keeps a set of the ids of its items answers
the same question at once. The lists are swapped in place once the articles
generator has built them; templates see the same items in the same order.
"""

from __future__ import annotations


class MemberList(list):
    """A list whose ``in`` looks items up by identity in a set (its items never change)."""

    def __init__(self, items=()):
        super().__init__(items)
        self._ids = {id(item) for item in self}

    def __contains__(self, item) -> bool:
        return id(item) in self._ids


def index(generator) -> None:
    """article_generator_finalized."""
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in list(tags.items()):
            tags[tag] = MemberList(articles)
        generator.context["tags"] = list(tags.items())  # as Pelican's _update_context put it
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            for position, (term, articles) in enumerate(pairs):
                pairs[position] = (term, MemberList(articles))
            generator.context[name] = pairs
