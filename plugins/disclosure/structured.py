"""JSON-LD for disclosed articles, contributed to sitekit's single block."""

from __future__ import annotations

from sitekit.jsonld import absolute


def contribute(data: dict, context) -> None:
    article = context.get("article")
    disclosure = getattr(article, "disclosure", None) if article is not None else None
    if disclosure is None or not hasattr(disclosure, "labels"):
        return
    if disclosure.advertiser:
        data["@type"] = "AdvertiserContentArticle"
    if disclosure.paid and disclosure.sponsors:
        organisations = []
        for sponsor in disclosure.sponsors:
            organisation = {"@type": "Organization", "name": sponsor.name}
            if sponsor.url:
                organisation["url"] = sponsor.url
            organisations.append(organisation)
        data["sponsor"] = organisations[0] if len(organisations) == 1 else organisations
    policy = disclosure.policy_url
    data["publishingPrinciples"] = policy if policy.startswith(("http://", "https://")) else absolute(context, policy)
