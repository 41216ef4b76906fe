"""Disclosure plugin: every surface for every type, both markets, rel merging,
the transparency report, every build error with its path and line, and a
browser check that the badge is seen before anything in the body."""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from sitekit.problems import display_path

from conftest import FIXTURES, ROOT, build_site, serve
from helpers import broken_links, run_pelican, soup

SITE = FIXTURES / "disclosure" / "site"
ERRORS = FIXTURES / "disclosure" / "errors"
DEV_SITEURL = "http://127.0.0.1:8000"

POSTS = {
    "sponsored": "2026/a-sponsored-field-test/index.html",
    "affiliate": "2026/kit-with-affiliate-links/index.html",
    "gifted": "2026/a-gifted-stove/index.html",
    "partnership": "2026/working-with-two-mills/index.html",
    "employee": "2025/guest-post-from-a-mill-worker/index.html",
    "sponsored+affiliate": "2026/sponsored-and-affiliate-at-once/index.html",
}
PLAIN = "2023/a-plain-post-from-2023/index.html"

US = {
    "sponsored": (["Sponsored"], ["Paid for by Acme Outfitters."]),
    "affiliate": (["Affiliate links"], ["We earn a commission if you buy through links in this post. "
                                        "It doesn't change the price you pay or what we say."]),
    "gifted": (["Gifted"], ["Bramble Stoves gave us this product for free."]),
    "partnership": (["Paid partnership"], ["We have a paid business partnership with North Mill and South Mill."]),
    "employee": (["Employee"], ["The author works for Fellside Mill."]),
    "sponsored+affiliate": (["Sponsored", "Affiliate links"],
                            ["Paid for by Acme Outfitters.",
                             "We earn a commission if you buy through links in this post. "
                             "It doesn't change the price you pay or what we say."]),
}
UK = {
    "sponsored": (["Ad"], ["Advertisement feature: paid for by Acme Outfitters."]),
    "affiliate": (["Ad: affiliate links"], ["This post contains affiliate links: we earn a commission if you buy "
                                            "through them. It doesn't change the price you pay or what we say."]),
    "gifted": (["Gifted"], ["Bramble Stoves gave us this product for free."]),
    "partnership": (["Advertisement feature"],
                    ["Advertisement feature: made in a paid partnership with North Mill and South Mill."]),
    "employee": (["Employee"], ["The author works for Fellside Mill."]),
    "sponsored+affiliate": (["Ad", "Ad: affiliate links"],
                            ["Advertisement feature: paid for by Acme Outfitters.",
                             "This post contains affiliate links: we earn a commission if you buy "
                             "through them. It doesn't change the price you pay or what we say."]),
}
MARKETS = {"US": US, "UK": UK}


@pytest.fixture(scope="module")
def us_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("disclosure-us"), content=SITE)


@pytest.fixture(scope="module")
def uk_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("disclosure-uk"), content=SITE, overrides={"DISCLOSURE_MARKET": "UK"})


@pytest.fixture(params=["US", "UK"])
def market(request, us_site, uk_site):
    return (us_site if request.param == "US" else uk_site), MARKETS[request.param]


@pytest.fixture(scope="module")
def error_build(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("disclosure-errors"), content=ERRORS, expect_ok=False)


def notice(output: Path, post: str):
    return soup(output / post).select_one(".post-header .disclosure")


# Article page -------------------------------------------------------------

@pytest.mark.parametrize("kind", sorted(POSTS))
def test_article_notice_under_the_title_before_any_body_link(market, kind):
    result, expected = market
    labels, sentences = expected[kind]
    document = soup(result.output / POSTS[kind])
    box = notice(result.output, POSTS[kind])
    assert [b.get_text() for b in box.select(".badge")] == labels
    paragraphs = [p.get_text(" ", strip=True) for p in box.find_all("p")]
    for sentence in sentences:
        assert sentence in paragraphs
    # directly under the h1, and before every link of the body
    assert box.find_previous_sibling() == document.find("h1")
    first_body_link = document.select_one(".prose a")
    assert first_body_link is not None
    everything = list(document.descendants)
    assert everything.index(box) < everything.index(first_body_link)
    links = {a.get_text(): a["href"] for a in box.find_all("a")}
    assert links["What this means"].startswith("../../editorial-policy/")
    assert links["Our transparency report"] == "../../transparency/"


def test_policy_link_goes_to_the_types_section_and_note_is_shown(us_site):
    box = notice(us_site.output, POSTS["sponsored"])
    assert box.find("a", string="What this means")["href"] == "../../editorial-policy/#sponsored"
    assert "Acme saw this post before publication and asked for no changes." in box.get_text()
    several = notice(us_site.output, POSTS["sponsored+affiliate"])
    assert several.find("a", string="What this means")["href"] == "../../editorial-policy/"
    assert broken_links_from(us_site.output, ("20", "transparency/", "index.html")) == []


def test_sponsor_url_links_the_sponsor_from_the_notice_as_sponsored(us_site):
    links = notice(us_site.output, POSTS["sponsored"]).select(".disclosure-sponsors a")
    assert [(a.get_text(), a["href"], a["rel"]) for a in links] == [
        ("Acme Outfitters", "https://acme.example", ["sponsored", "noopener"])]
    several = notice(us_site.output, POSTS["partnership"]).select(".disclosure-sponsors a")
    assert [a["href"] for a in several] == ["https://north.example", "https://south.example"]
    assert notice(us_site.output, POSTS["affiliate"]).select_one(".disclosure-sponsors") is None


def broken_links_from(output: Path, prefixes: tuple) -> list[str]:
    """Broken links on the pages this plugin touches (other plugins' pages are theirs to test)."""
    return [problem for problem in broken_links(output, DEV_SITEURL) if problem.startswith(prefixes)]


def test_modified_disclosure_says_when_it_was_updated(us_site):
    box = notice(us_site.output, POSTS["gifted"])
    updated = box.select_one(".disclosure-updated")
    assert updated.get_text(" ", strip=True) == "Disclosure updated on 20 April 2026 ."
    assert updated.find("time")["datetime"].startswith("2026-04-20T12:00")
    listing = soup(us_site.output / "index.html")
    card = card_for(listing, "A gifted stove")
    assert "Disclosure updated on 20 April 2026" in card.select_one(".badges").get_text()
    assert notice(us_site.output, POSTS["sponsored"]).select_one(".disclosure-updated") is None


def test_a_post_without_disclosure_is_untouched(us_site):
    document = soup(us_site.output / PLAIN)
    assert document.select_one(".disclosure") is None and document.select_one(".badge") is None
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    body, _ = MarkdownReader(settings).read(str(SITE / "articles/plain-2023.md"))
    prose = document.select_one(".prose")
    assert body.strip() in (us_site.output / PLAIN).read_text(encoding="utf-8")  # byte for byte
    for link in prose.find_all("a"):
        assert link.get("rel") in (None, ["nofollow"])
    description = document.find("meta", attrs={"name": "description"})["content"]
    assert description == "Nothing was paid for here."
    data = json.loads(document.find("script", type="application/ld+json").string)
    assert data["@type"] == "BlogPosting"
    assert "sponsor" not in data and "publishingPrinciples" not in data
    assert card_for(soup(us_site.output / "archives/index.html"), "A plain post from 2023").select_one(".badges") is None
    entry = feed_entry(us_site.output / "feeds/all.atom.xml", "A plain post from 2023")
    assert entry.summary == "<p>Nothing was paid for here.</p>"
    assert entry.content[0].value.startswith("<p>Some <a")


# Listings -----------------------------------------------------------------

def card_for(document, title: str):
    link = document.find("a", string=title)
    assert link is not None, title
    return link.find_parent(["article", "li"])


@pytest.mark.parametrize("listing", ["index.html", "archives/index.html", "category/tests/index.html",
                                     "tag/kit/index.html", "author/ada-lane/index.html"])
def test_every_listing_shows_a_compact_badge_beside_the_title(market, listing):
    result, expected = market
    document = soup(result.output / listing)
    shown = 0
    for kind, post in POSTS.items():
        title = soup(result.output / post).find("h1").get_text()
        if document.find("a", string=title) is None:
            continue
        badges = card_for(document, title).select_one("a.badges")
        assert [b.get_text() for b in badges.select(".badge")] == expected[kind][0]
        assert badges["href"].endswith("transparency/")
        shown += 1
    assert shown >= 1


def test_drafts_in_the_local_preview_carry_the_badge_too(us_site):
    drafts = soup(us_site.output / "index.html").select_one(".drafts")
    assert [b.get_text() for b in card_for(drafts, "A sponsored draft").select(".badge")] == ["Sponsored"]


# Feeds --------------------------------------------------------------------

def feed_entry(path: Path, title: str):
    parsed = feedparser.parse(path.read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    return next(entry for entry in parsed.entries if entry.title == title)


def text_start(html: str) -> str:
    return re.sub(r"\s+", " ", soup_text(html)).strip()


def soup_text(html: str) -> str:
    from bs4 import BeautifulSoup
    return BeautifulSoup(html, "html.parser").get_text(" ")


@pytest.mark.parametrize("kind", sorted(POSTS))
def test_feed_items_begin_with_the_disclosure(market, kind):
    result, expected = market
    sentences = " ".join(expected[kind][1])
    title = soup(result.output / POSTS[kind]).find("h1").get_text()
    atom = feed_entry(result.output / "feeds/all.atom.xml", title)
    assert text_start(atom.content[0].value).startswith(sentences)
    assert text_start(atom.summary).startswith(sentences)
    rss = feed_entry(result.output / "feeds/all.rss.xml", title)
    assert text_start(rss.summary).startswith(sentences)
    category = feed_entry(result.output / f"feeds/category/{atom.tags[0].term.lower()}.atom.xml", title)
    assert text_start(category.content[0].value).startswith(sentences)


def test_feed_item_updated_date_follows_a_disclosure_update(us_site):
    gifted = feed_entry(us_site.output / "feeds/all.atom.xml", "A gifted stove")
    assert gifted.updated.startswith("2026-04-20T12:00")
    assert "Disclosure updated on 20 April 2026." in soup_text(gifted.content[0].value)
    sponsored = feed_entry(us_site.output / "feeds/all.atom.xml", "A sponsored field test")
    assert sponsored.updated.startswith("2026-02-01T09:00")


def test_drafts_and_hidden_posts_stay_out_of_feeds(us_site):
    titles = [e.title for e in feedparser.parse((us_site.output / "feeds/all.atom.xml").read_bytes()).entries]
    assert "A sponsored draft" not in titles and "A hidden sponsored post" not in titles


# Metadata and structured data ---------------------------------------------

@pytest.mark.parametrize("kind", sorted(POSTS))
def test_meta_and_opengraph_descriptions_begin_with_the_disclosure(market, kind):
    result, expected = market
    document = soup(result.output / POSTS[kind])
    sentences = " ".join(expected[kind][1])
    assert document.find("meta", attrs={"name": "description"})["content"].startswith(sentences)
    assert document.find("meta", property="og:description")["content"].startswith(sentences)


JSONLD = {
    "sponsored": ("AdvertiserContentArticle", {"@type": "Organization", "name": "Acme Outfitters",
                                               "url": "https://acme.example"}),
    "affiliate": ("BlogPosting", None),
    "gifted": ("BlogPosting", {"@type": "Organization", "name": "Bramble Stoves"}),
    "partnership": ("AdvertiserContentArticle", [
        {"@type": "Organization", "name": "North Mill", "url": "https://north.example"},
        {"@type": "Organization", "name": "South Mill", "url": "https://south.example"}]),
    "employee": ("BlogPosting", None),
    "sponsored+affiliate": ("AdvertiserContentArticle", {"@type": "Organization", "name": "Acme Outfitters"}),
}


@pytest.mark.parametrize("kind", sorted(POSTS))
def test_json_ld_type_sponsor_and_publishing_principles(us_site, kind):
    scripts = soup(us_site.output / POSTS[kind]).find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    expected_type, sponsor = JSONLD[kind]
    assert data["@type"] == expected_type
    assert data.get("sponsor") == sponsor
    assert data["publishingPrinciples"] == f"{DEV_SITEURL}/editorial-policy/"


def test_publish_build_uses_the_absolute_policy_url(tmp_path):
    site = "https://example.org/blog"
    result = build_site(tmp_path, "publishconf.py", content=SITE,
                        overrides={"SITEURL": site, "FEED_DOMAIN": site, "CANONICAL_ROOT": site})
    data = json.loads(soup(result.output / POSTS["sponsored"]).find("script", type="application/ld+json").string)
    assert data["publishingPrinciples"] == f"{site}/editorial-policy/"
    atom = feed_entry(result.output / "feeds/all.atom.xml", "A sponsored field test")
    first = soup_html(atom.content[0].value).find("a")
    assert first["href"] == f"{site}/editorial-policy/"
    assert not (result.output / "drafts").exists()


def soup_html(html: str):
    from bs4 import BeautifulSoup
    return BeautifulSoup(html, "html.parser")


# Links ---------------------------------------------------------------------

def rels(output: Path, post: str) -> dict[str, list[str] | None]:
    return {a["href"]: a.get("rel") for a in soup(output / post).select(".prose a")}


def test_rel_sponsored_is_merged_into_outbound_links(us_site):
    found = rels(us_site.output, POSTS["sponsored"])
    assert found["https://acme.example/first"] == ["sponsored"]
    assert found["https://other.example/b"] == ["nofollow", "sponsored"]
    assert found["https://other.example/c"] == ["sponsored", "noopener"]
    assert found["https://other.example/d"] == ["sponsored", "noopener"]
    assert found["https://other.example/q?a=1&b=2"] == ["sponsored"]
    # links within the site are left alone
    assert found["../../editorial-policy/"] is None
    assert found["http://127.0.0.1:8000/editorial-policy/"] is None
    assert found["mailto:hello@acme.example"] is None
    assert found["/editorial-policy/"] is None


@pytest.mark.parametrize("kind", ["affiliate", "gifted", "partnership", "sponsored+affiliate"])
def test_every_paid_type_marks_outbound_links_sponsored(us_site, kind):
    found = rels(us_site.output, POSTS[kind])
    outbound = {href: rel for href, rel in found.items() if href.startswith("https://")}
    assert outbound and all(rel == ["sponsored"] for rel in outbound.values()), outbound


def test_employee_only_posts_get_noopener_but_not_sponsored(us_site):
    found = rels(us_site.output, POSTS["employee"])
    assert found["https://fellside.example/looms"] is None
    assert found["https://fellside.example/blank"] == ["noopener"]


def test_rel_merging_keeps_the_rest_of_the_html():
    from disclosure.links import merge_rel
    html = ('<p>A <a class="x" href="https://a.example/?q=1&amp;r=2" title="&quot;t&quot;">one</a> '
            '<a href="https://site.example/">home</a> <a href=\'https://b.example\' REL="ugc" target=_blank>two</a></p>')
    merged = merge_rel(html, {"site.example"}, sponsored=True)
    assert merged.startswith("<p>A ") and ">one</a> " in merged and '<a href="https://site.example/">home</a>' in merged
    links = soup_html(merged).find_all("a")
    assert links[0]["rel"] == ["sponsored"] and links[0]["href"] == "https://a.example/?q=1&r=2"
    assert links[0]["title"] == '"t"' and links[0]["class"] == ["x"]
    assert links[1].get("rel") is None
    assert links[2]["rel"] == ["ugc", "sponsored", "noopener"]
    assert merge_rel(merged, {"site.example"}, sponsored=True) == merged


def test_affiliate_patterns_are_specific():
    from disclosure import config
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    loaded = config.load(settings)
    assert settings["AFFILIATE_LINK_PATTERNS"] == config.DEFAULT_AFFILIATE_LINK_PATTERNS
    affiliate = ["https://www.amazon.com/dp/B0?tag=x-20", "https://smile.amazon.co.uk/gp/product/B1/?ie=UTF8&tag=k-21",
                 "https://amzn.to/3abc", "https://www.awin1.com/cread.php?awinmid=1", "https://shop.example/?aff=12",
                 "https://shop.example/p?x=1&affiliate_id=9", "https://shop.example/?utm_medium=affiliate",
                 "https://click.linksynergy.com/deeplink?id=1"]
    plain = ["https://github.com/kestrel-example/list?ref=blog", "https://www.amazon.com/dp/B0",
             "https://shop.example/?ref=friend", "https://shop.example/?utm_medium=email",
             "https://staffing.example/?affinity=1", "https://example.com/tag=not-a-query"]
    assert [url for url in affiliate if not config.is_affiliate(url, loaded)] == []
    assert [url for url in plain if config.is_affiliate(url, loaded)] == []


def test_disclosure_types_setting_changes_a_type(tmp_path):
    changes = {"gifted": {"label": "Gift", "sentence": "{sponsor} gave it to us.", "anchor": ""}}
    result = build_site(tmp_path, content=SITE, overrides={"DISCLOSURE_TYPES": changes})
    box = notice(result.output, POSTS["gifted"])
    assert [b.get_text() for b in box.select(".badge")] == ["Gift"]
    assert "Bramble Stoves gave it to us." in box.get_text()
    assert box.find("a", string="What this means")["href"] == "../../editorial-policy/"
    assert [b.get_text() for b in notice(result.output, POSTS["sponsored"]).select(".badge")] == ["Sponsored"]


def test_settings_mistakes_stop_the_build(tmp_path):
    result = build_site(tmp_path, content=SITE, expect_ok=False,
                        overrides={"DISCLOSURE_MARKET": "FR", "DISCLOSURE_POLICY_URL": "no-such-page/"})
    lines = problem_lines(result)
    assert "settings:1: DISCLOSURE_MARKET: 'FR' is not a market; use one of US, UK." in lines, result.report
    assert any(": Disclosure: links to the policy at DISCLOSURE_POLICY_URL 'no-such-page/', but no page has "
               "that URL" in line for line in lines), result.report


# Transparency report -----------------------------------------------------

def report_sections(output: Path, section: str) -> dict[str, object]:
    document = soup(output / "transparency/index.html")
    return {s.find("h3").get_text(): s for s in document.select(f".{section}")}


def test_report_groups_posts_by_sponsor(us_site):
    groups = report_sections(us_site.output, "report-sponsor")
    titles = {name: [a.get_text() for a in s.select("li > a")] for name, s in groups.items()}
    assert titles == {
        "Acme Outfitters": ["Sponsored and affiliate at once", "A sponsored field test"],
        "Bramble Stoves": ["A gifted stove"],
        "Fellside Mill": ["Guest post from a mill worker"],
        "North Mill": ["Working with two mills"],
        "South Mill": ["Working with two mills"],
        "No named sponsor": ["Kit with affiliate links"],
    }
    assert list(titles)[-1] == "No named sponsor"
    item = groups["Acme Outfitters"].select("li")[0]
    assert [b.get_text() for b in item.select(".badge")] == ["Sponsored", "Affiliate links"]
    assert item.find("time")["datetime"].startswith("2026-06-01")
    assert item.find("a")["href"] == "../2026/sponsored-and-affiliate-at-once/"


def test_report_counts_per_type_per_year_and_years_without_paid_content(us_site):
    document = soup(us_site.output / "transparency/index.html")
    table = document.find("table")
    header = [th.get_text() for th in table.select("thead th")]
    assert header == ["Year", "Sponsored", "Affiliate links", "Gifted", "Paid partnership", "Employee",
                      "Disclosed posts"]
    rows = {tr.find("th").get_text(): [int(td.get_text()) for td in tr.find_all("td")]
            for tr in table.select("tbody tr")}
    assert rows == {"2026": [2, 2, 1, 1, 0, 5], "2025": [0, 0, 0, 0, 1, 1],
                    "2024": [0, 0, 0, 0, 0, 0], "2023": [0, 0, 0, 0, 0, 0]}
    years = report_sections(us_site.output, "report-year")
    assert list(years) == ["2026", "2025", "2024", "2023"]
    no_paid = {year: s.select_one(".no-paid") for year, s in years.items()}
    assert no_paid["2026"] is None
    for year in ("2025", "2024", "2023"):
        assert no_paid[year].get_text() == f"No paid content in {year}."
    assert [a.get_text() for a in years["2025"].select("li > a")] == ["Guest post from a mill worker"]


def test_report_leaves_out_drafts_and_hidden_posts(us_site):
    text = soup(us_site.output / "transparency/index.html").find("main").get_text()
    assert "A sponsored draft" not in text and "Draft Sponsor Ltd" not in text
    assert "A hidden sponsored post" not in text and "Hidden Sponsor Ltd" not in text


def test_report_is_linked_from_the_footer_and_in_uk_labels(uk_site):
    footer = soup(uk_site.output / "index.html").find("footer")
    assert "transparency/" in [a["href"].removeprefix("./") for a in footer.find_all("a")]
    header = [th.get_text() for th in soup(uk_site.output / "transparency/index.html").select("thead th")]
    assert header[1:4] == ["Ad", "Ad: affiliate links", "Gifted"] and "Advertisement feature" in header


def test_sample_site_report_and_gifted_post(dev_site):
    groups = report_sections(dev_site.output, "report-sponsor")
    assert "Northwind Fabric Mills" in groups and "Tarn Yarns" in groups
    found = rels(dev_site.output, "2026/kit-we-actually-use/index.html")
    assert found["https://github.com/kestrel-example/repair-checklists?ref=blog"] == ["sponsored"]


# Build errors -------------------------------------------------------------

def problem_lines(result) -> list[str]:
    return [line.strip() for line in result.report.splitlines() if line.startswith("  ")]


VALID = "use one or more of sponsored, affiliate, gifted, partnership, employee."
EXPECTED_ERRORS = [
    ("undisclosed-affiliate.md", 8, "link", "https://www.amazon.com/dp/B2?tag=kestrel-20&linkCode=ll1 looks like an "
     "affiliate link (it matches AFFILIATE_LINK_PATTERNS), but Disclosure does not include 'affiliate'. "
     "Add 'affiliate' to Disclosure, or remove the link."),
    ("sponsored-with-affiliate.md", 10, "link", "https://www.awin1.com/cread.php?awinmid=1&awinaffid=2 looks like"),
    ("unknown-type.md", 5, "Disclosure", f"'sponsered' is not a disclosure type; {VALID} Did you mean 'sponsored'?"),
    ("draft-unknown.md", 6, "Disclosure", f"'giftd' is not a disclosure type; {VALID} Did you mean 'gifted'?"),
    ("no-sponsor.md", 5, "Disclosure", "'gifted' needs a sponsor: add 'Sponsor: Company name'"),
    ("sponsor-only.md", 5, "Sponsor", "is set but Disclosure is missing; add 'Disclosure: TYPE'"),
    ("misspelt.md", 6, "Disclosre", "unknown key. Did you mean 'Disclosure'?"),
    ("misspelt.md", 7, "Sponser", "unknown key. Did you mean 'Sponsor'?"),
]


@pytest.mark.parametrize("name,line,field,message", EXPECTED_ERRORS)
def test_each_mistake_is_reported_with_path_line_and_field(error_build, name, line, field, message):
    assert not error_build.ok
    path = display_path(str(ERRORS / "articles" / name))  # relative to the working directory, as printed
    prefix = f"{path}:{line}: {field}: {message}"
    assert any(problem.startswith(prefix) for problem in problem_lines(error_build)), error_build.report


def test_errors_are_reported_together_and_nothing_else_is_flagged(error_build):
    ours = [p for p in problem_lines(error_build) if "/fixtures/disclosure/errors/" in p
            and p.split(": ", 2)[1] != "Learned_from"]
    assert len(ours) == len(EXPECTED_ERRORS), error_build.report
    assert "github.com" not in error_build.report          # a plain ?ref= link is fine
    assert not any(":5: Learned_from: unknown key" in p for p in ours)
    assert "No site was written" in error_build.report
    assert not (error_build.output / "index.html").exists()


def test_misspelt_key_detection_leaves_other_plugins_keys_alone():
    from disclosure.checks import close_key
    assert close_key("disclosre") == "disclosure" and close_key("sponser") == "sponsor"
    assert close_key("sponsor-url") == "sponsor_url" and close_key("disclosurenote") == "disclosure_note"
    for key in ("learned_from", "summary", "description", "status", "modified", "source", "consent",
                "questions", "region", "slug", "save_as", "translation", "template", "lang"):
        assert close_key(key) is None, key


def test_sponsor_url_and_note_need_their_partners(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "pages").mkdir()
    (content / "pages/editorial-policy.md").write_text((SITE / "pages/editorial-policy.md").read_text())
    (content / "articles/a.md").write_text(
        "Title: A\nDate: 2026-01-01\nCategory: T\nDisclosure: sponsored\nSponsor: Acme\n"
        "Sponsor_url: javascript:alert(1)\n\nBody.\n")
    (content / "articles/b.md").write_text("Title: B\nDate: 2026-01-02\nCategory: T\nDisclosure_note: Hi.\n\nBody.\n")
    (content / "articles/c.md").write_text("Title: C\nDate: 2026-01-03\nCategory: T\nDisclosure:\n\nBody.\n")
    result = build_site(tmp_path, content=content, expect_ok=False)
    lines = problem_lines(result)
    assert any(p.startswith(f"{content}/articles/a.md:6: Sponsor_url: 'javascript:alert(1)' is not a web address")
               for p in lines), result.report
    assert any(p.startswith(f"{content}/articles/b.md:4: Disclosure_note: is set but Disclosure is missing")
               for p in lines), result.report
    assert any(p.startswith(f"{content}/articles/c.md:4: Disclosure: is empty") for p in lines), result.report


def test_pelican_cli_refuses_with_the_report_and_no_traceback(tmp_path):
    status, text = run_pelican(ERRORS, tmp_path / "out", "publishconf.py")
    assert status == 1, text
    assert "errors/articles/unknown-type.md:5: Disclosure: 'sponsered' is not a disclosure type" in text
    assert "errors/articles/undisclosed-affiliate.md:8: link: https://www.amazon.com/dp/B2" in text
    assert "Traceback" not in text
    assert not (tmp_path / "out" / "index.html").exists()


# Browser ------------------------------------------------------------------

@pytest.mark.parametrize("width,height", [(375, 667), (1280, 800)])
def test_badge_is_visible_in_the_first_viewport_above_the_first_body_link(browser, dev_site, width, height):
    base, server = serve(dev_site.output)
    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        page.goto(base + "/2026/a-season-with-northwind-fabrics/")
        badge = page.locator(".post-header .disclosure .badge").first
        assert badge.is_visible()
        assert badge.text_content() == "Sponsored"
        box = badge.bounding_box()
        assert box["y"] >= 0 and box["y"] + box["height"] <= height, box
        sentence = page.get_by_text("Paid for by Northwind Fabric Mills.")
        sentence_box = sentence.bounding_box()
        assert sentence_box["y"] + sentence_box["height"] <= height, sentence_box
        first_link = page.locator(".prose a").first.bounding_box()
        assert box["y"] + box["height"] <= first_link["y"], (box, first_link)
    finally:
        context.close()
        server.shutdown()
