"""JSON-LD for the home page: the WebSite and the Organization behind it.

The Organization names the editorial policy (``publishingPrinciples``) and
the page where readers see what their feedback changed
(``actionableFeedbackPolicy``, the learned plugin's /learned/), as absolute
URLs; the WebSite offers the site search (``SearchAction``).
"""

from __future__ import annotations

from sitekit.jsonld import absolute
from sitekit.pages import find_page


def structured_data(data: dict, context) -> None:
    """sitekit.jsonld contributor: replaces the home page's WebSite block with a @graph."""
    if context.get("output_file") != "index.html":
        return
    root = absolute(context, "")
    organisation = {
        "@type": "Organization",
        "@id": f"{root}#organization",
        "name": context.get("BRAND_NAME") or context["SITENAME"],
        "url": root,
    }
    policy = context.get("POLICY_URL") or context.get("DISCLOSURE_POLICY_URL")
    if policy and find_page(context, url=policy):
        organisation["publishingPrinciples"] = absolute(context, policy)
    if "learned" in context.get("PLUGINS", []) and context.get("LEARNED_URL"):
        organisation["actionableFeedbackPolicy"] = absolute(context, context["LEARNED_URL"])
    website = {
        "@type": "WebSite",
        "@id": f"{root}#website",
        "name": context["SITENAME"],
        "url": root,
        "publisher": {"@id": organisation["@id"]},
    }
    if context.get("SITE_DESCRIPTION"):
        website["description"] = context["SITE_DESCRIPTION"]
    if "search" in context.get("DIRECT_TEMPLATES", []) and context.get("SEARCH_URL"):
        website["potentialAction"] = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": absolute(context, context["SEARCH_URL"]) + "?q={query}"},
            "query-input": "required name=query",
        }
    data.clear()
    data.update({"@context": "https://schema.org", "@graph": [website, organisation]})
