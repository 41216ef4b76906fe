"""Settings: the disclosure types for the chosen market, the policy link and
the URL patterns that give affiliate links away.

``DISCLOSURE_MARKET`` picks a preset of labels and sentences (US wording after
the FTC Endorsement Guides, UK wording after the ASA's accepted labels);
``DISCLOSURE_TYPES`` then overrides any field of any type, or adds a type.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from sitekit.settings import Defaults

# Every type's fields:
#   label         the short badge text
#   sentence      the full sentence; {sponsor} becomes the sponsor name(s)
#   needs_sponsor the post must name a Sponsor
#   paid          money, commission or a free product changed hands: outbound
#                 links get rel="sponsored" and the report counts it as paid
#   advertiser    the post is advertising content (schema.org
#                 AdvertiserContentArticle)
#   anchor        the heading id on the policy page that explains the type
US_TYPES = {
    "sponsored": {
        "label": "Sponsored",
        "sentence": "Paid for by {sponsor}.",
        "needs_sponsor": True, "paid": True, "advertiser": True, "anchor": "sponsored",
    },
    "affiliate": {
        "label": "Affiliate links",
        "sentence": "We earn a commission if you buy through links in this post. "
                    "It doesn't change the price you pay or what we say.",
        "needs_sponsor": False, "paid": True, "advertiser": False, "anchor": "affiliate-links",
    },
    "gifted": {
        "label": "Gifted",
        "sentence": "{sponsor} gave us this product for free.",
        "needs_sponsor": True, "paid": True, "advertiser": False, "anchor": "gifted",
    },
    "partnership": {
        "label": "Paid partnership",
        "sentence": "We have a paid business partnership with {sponsor}.",
        "needs_sponsor": True, "paid": True, "advertiser": True, "anchor": "partnership",
    },
    "employee": {
        "label": "Employee",
        "sentence": "The author works for {sponsor}.",
        "needs_sponsor": True, "paid": False, "advertiser": False, "anchor": "employee",
    },
}

# The ASA/CAP judged "Sponsored", "In association with" and "Promotion"
# unclear; "Ad" and "Advertisement feature" are accepted.
UK_CHANGES = {
    "sponsored": {"label": "Ad", "sentence": "Advertisement feature: paid for by {sponsor}."},
    "affiliate": {"label": "Ad: affiliate links",
                  "sentence": "This post contains affiliate links: we earn a commission if you buy "
                              "through them. It doesn't change the price you pay or what we say."},
    "partnership": {"label": "Advertisement feature",
                    "sentence": "Advertisement feature: made in a paid partnership with {sponsor}."},
}

MARKETS = {"US": {}, "UK": UK_CHANGES}

TYPE_FIELDS = {"label", "sentence", "needs_sponsor", "paid", "advertiser", "anchor"}

# Searched (case-insensitively) in each link's full URL. Keep them specific:
# a plain ?ref= (as on GitHub links) is not an affiliate link.
DEFAULT_AFFILIATE_LINK_PATTERNS = [
    r"^https?://([\w-]+\.)*amazon\.[a-z.]+/[^#]*[?&]tag=",          # Amazon Associates
    r"^https?://([\w-]+\.)*(amzn\.to|amzn\.eu|amzn\.asia)/",         # Amazon short links
    r"^https?://([\w-]+\.)*(awin1\.com|shareasale\.com|linksynergy\.com|anrdoezrs\.net|"
    r"dpbolvw\.net|jdoqocy\.com|kqzyfj\.com|tkqlhce\.com|tradedoubler\.com|skimresources\.com|"
    r"viglink\.com|rstyle\.me|prf\.hn|sjv\.io|pxf\.io|7eer\.net|avantlink\.com|pjtra\.com|"
    r"pntra\.com|webgains\.com|howl\.me|go2cloud\.org)/",            # affiliate networks
    r"[?&](aff|affid|aff_id|affiliate|affiliate_id|affiliateid)=",   # aff/affiliate parameters
    r"[?&]utm_medium=affiliate(&|#|$)",
]

setting = Defaults({
    "DISCLOSURE_MARKET": "US",
    "DISCLOSURE_TYPES": {},
    "DISCLOSURE_POLICY_URL": "editorial-policy/",
    "DISCLOSURE_REPORT_URL": "transparency/",
    "DISCLOSURE_REPORT_SAVE_AS": "transparency/index.html",
    "AFFILIATE_LINK_PATTERNS": DEFAULT_AFFILIATE_LINK_PATTERNS,
})


@dataclass(frozen=True)
class Config:
    types: dict
    policy_url: str
    report_url: str
    report_save_as: str
    affiliate_patterns: tuple
    problems: tuple  # (setting, message) for settings that could not be used

    @property
    def type_names(self) -> list[str]:
        return list(self.types)


def load(settings: dict) -> Config:
    """The disclosure configuration for these settings (cached on the dict)."""
    cached = settings.get("_DISCLOSURE_CONFIG")
    if isinstance(cached, Config):
        return cached
    config = _build(settings)
    settings["_DISCLOSURE_CONFIG"] = config
    return config


def _build(settings: dict) -> Config:
    problems = []
    market = str(setting(settings, "DISCLOSURE_MARKET") or "US").upper()
    if market not in MARKETS:
        problems.append(("DISCLOSURE_MARKET", f"{market!r} is not a market; use one of {', '.join(MARKETS)}."))
        market = "US"
    types = copy.deepcopy(US_TYPES)
    for name, changes in MARKETS[market].items():
        types[name].update(changes)
    for name, changes in (setting(settings, "DISCLOSURE_TYPES") or {}).items():
        name = str(name).lower()
        unknown = set(changes) - TYPE_FIELDS
        if unknown:
            problems.append(("DISCLOSURE_TYPES", f"{name}: unknown field(s) {', '.join(sorted(unknown))}; "
                             f"use {', '.join(sorted(TYPE_FIELDS))}."))
        entry = types.setdefault(name, {"label": name.capitalize(), "sentence": "", "needs_sponsor": False,
                                        "paid": False, "advertiser": False, "anchor": name})
        entry.update({k: v for k, v in changes.items() if k in TYPE_FIELDS})

    patterns = []
    for pattern in setting(settings, "AFFILIATE_LINK_PATTERNS") or []:
        try:
            patterns.append(re.compile(pattern, re.IGNORECASE))
        except re.error as error:
            problems.append(("AFFILIATE_LINK_PATTERNS", f"{pattern!r} is not a valid regular expression: {error}."))

    return Config(
        types=types,
        policy_url=setting(settings, "DISCLOSURE_POLICY_URL"),
        report_url=setting(settings, "DISCLOSURE_REPORT_URL"),
        report_save_as=setting(settings, "DISCLOSURE_REPORT_SAVE_AS"),
        affiliate_patterns=tuple(patterns),
        problems=tuple(problems),
    )


def is_affiliate(url: str, config: Config) -> bool:
    return any(pattern.search(url) for pattern in config.affiliate_patterns)
