"""The learned plugin: "You said → We did" pages, the changes feed, Learned_from and the survey import."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import feedparser
import pytest
import yaml

from learned.importer import ImportFailed, Mapping, import_csv, read_mapping

from conftest import FIXTURES, ROOT, build_site
from helpers import broken_links, run_pelican, soup

CONTENT = FIXTURES / "learned" / "content"
SITEURL = "http://127.0.0.1:8000"
STATUSES = ["heard", "planned", "in_progress", "shipped", "declined"]


def fixture_entries() -> list[dict]:
    entries = yaml.safe_load((CONTENT / "data" / "feedback.yaml").read_text(encoding="utf-8"))["feedback"]
    return [entry for entry in entries if entry["consent"] != "withdrawn"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("learned"), content=CONTENT)


@pytest.fixture(scope="module")
def learned(site):
    return soup(site.output / "learned" / "index.html")


def copy_fixture(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


# --- pages ------------------------------------------------------------------

def test_every_status_and_consent_is_shown(learned):
    for entry in fixture_entries():
        item = learned.find(id=f"fb-{entry['id']}")
        assert item is not None, entry["id"]
        assert item.select_one(".learned-status").get_text(strip=True) == \
            {"in_progress": "In progress"}.get(entry["status"], entry["status"].capitalize())
        people = "1 person" if entry.get("count", 1) == 1 else f"{entry['count']} people"
        assert people in item.select_one(".meta").get_text()
    quote = learned.find(id="fb-fix-zip").select_one("dl blockquote")
    assert quote.get_text(strip=True) == "“The plastic zip broke on day two.”"
    paraphrase = learned.find(id="fb-pocket-depth").select_one("dl .said")
    assert paraphrase.name == "p" and paraphrase.get_text(strip=True) == \
        "Readers told us: Pockets are too shallow for a phone."
    declined = learned.find(id="fb-price-match")
    assert "Why not: We price to pay fair wages all year" in declined.select_one(".learned-reason").get_text(" ", strip=True)
    assert "We are not matching sale prices." in declined.get_text()
    heard = learned.find(id="fb-hostile-said")
    assert "Nothing is decided yet" in heard.get_text()


def test_per_status_sections_are_anchors_listing_their_items(learned):
    for status in STATUSES:
        section = learned.find(id=f"status-{status}")
        assert section is not None, status
        expected = {f"#fb-{e['id']}" for e in fixture_entries() if e["status"] == status}
        assert {a["href"] for a in section.select("li a")} == expected
    table_links = [a["href"] for a in learned.select(".learned-table tbody th a")]
    assert table_links == [f"#status-{status}" for status in STATUSES]


def test_chart_and_table_agree_with_the_data(learned):
    entries = fixture_entries()
    expected = {status: (sum(1 for e in entries if e["status"] == status),
                         sum(e.get("count", 1) for e in entries if e["status"] == status)) for status in STATUSES}
    rows = learned.select(".learned-table tbody tr")
    table = {row.th.get_text(strip=True): tuple(int(td.get_text()) for td in row.find_all("td")) for row in rows}
    labels = {"heard": "Heard", "planned": "Planned", "in_progress": "In progress", "shipped": "Shipped",
              "declined": "Declined"}
    assert table == {labels[s]: expected[s] for s in STATUSES}
    total = learned.select_one(".learned-table tfoot tr")
    assert [int(td.get_text()) for td in total.find_all("td")] == [len(entries), sum(e.get("count", 1) for e in entries)]

    svg = learned.find("svg")
    assert svg["role"] == "img"
    names = [learned.find(id=part) for part in svg["aria-labelledby"].split()]
    assert all(names) and names[0].name == "title" and names[0].get_text().strip()
    widest = {"items": max(v[0] for v in expected.values()), "people": max(v[1] for v in expected.values())}
    for status in STATUSES:
        row = svg.select_one(f"g.chart-{status}")
        values = [int(t.get_text()) for t in row.select("text.chart-value")]
        assert values == list(expected[status]), status
        for key, value in zip(("items", "people"), expected[status]):
            width = float(row.select_one(f"rect.chart-bar-{key}")["width"])
            assert width == pytest.approx(200 * value / widest[key], abs=0.1)
    assert learned.find_all(style=True) == []


def test_items_are_grouped_by_theme_with_a_page_per_theme(site, learned):
    themes = [h2.get_text(strip=True) for h2 in learned.select("section.learned-theme > h2")]
    assert themes == ["Pockets", "Pricing", "Zips & Fasteners"]
    pockets = soup(site.output / "learned" / "pockets" / "index.html")
    assert {a["id"] for a in pockets.select("article.learned-item")} == {"fb-pocket-depth", "fb-hood-brim"}
    assert len(pockets.find_all("h1")) == 1 and pockets.h1.get_text(strip=True) == "Pockets"
    assert (site.output / "learned" / "zips-fasteners" / "index.html").is_file()
    assert sorted(p.name for p in (site.output / "learned").iterdir() if p.is_dir()) == \
        ["pockets", "pricing", "zips-fasteners"]
    for page in (learned, pockets):
        feeds = [link["href"] for link in page.head.find_all("link", type="application/atom+xml")]
        assert f"{SITEURL}/feeds/learned.atom.xml" in feeds
        data = json.loads(page.find("script", type="application/ld+json").string)
        assert data["name"].startswith("What we learned from you")
    assert broken_links(site.output, SITEURL) == []


def test_menu_links_to_the_learned_page(site, learned):
    nav = learned.find("nav", attrs={"aria-label": "Main"})
    current = nav.find(attrs={"aria-current": "page"})
    assert current.get_text() == "What we learned"


def test_history_is_listed_oldest_first_with_notes(learned):
    steps = learned.find(id="fb-pocket-depth").select(".learned-steps li")
    assert [li["id"] for li in steps] == ["fb-pocket-depth--0", "fb-pocket-depth--1", "fb-pocket-depth--2"]
    assert steps[-1].get_text(" ", strip=True).endswith("The trial factory closed; we are starting again.")


# --- feed -------------------------------------------------------------------

def test_feed_has_one_entry_per_status_change_newest_first(site):
    feed = feedparser.parse((site.output / "feeds" / "learned.atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    entries = fixture_entries()
    assert len(feed.entries) == sum(len(e.get("history", [])) + 1 for e in entries)
    dates = [entry.updated_parsed for entry in feed.entries]
    assert dates == sorted(dates, reverse=True)
    titles = [entry.title for entry in feed.entries]
    assert "Shipped (Zips & Fasteners): From the spring range every style goes to a metal zip — 14 of you asked" in titles
    assert "Planned (Zips & Fasteners): From the spring range every style goes to a metal zip — 14 of you asked" in titles
    assert "Declined (Pricing): We are not matching sale prices — 8 of you asked" in titles
    heard = next(entry for entry in feed.entries if entry.title.startswith("Heard (Pricing)"))
    assert heard.link == f"{SITEURL}/learned/#fb-hostile-said--0"
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)
    for entry in feed.entries:
        assert entry.link.startswith(f"{SITEURL}/learned/#fb-")


# --- Learned_from -------------------------------------------------------------

def test_learned_from_links_both_ways(site, learned):
    article = soup(site.output / "2026" / "zip-repairs" / "index.html")
    box = article.select_one("aside.learned-from")
    assert box.h2.get_text() == "What prompted this"
    assert [a["href"] for a in box.find_all("a")] == ["../../learned/#fb-fix-zip", "../../learned/#fb-price-match"]
    back = [a["href"] for a in learned.find(id="fb-fix-zip").select(".learned-links a")]
    assert "../2026/zip-repairs/" in back and "https://example.com/changelog" in back
    assert "../2026/zip-repairs/" in [a["href"] for a in learned.find(id="fb-price-match").select(".learned-links a")]
    assert soup(site.output / "2026" / "other-post" / "index.html").select_one("aside.learned-from") is None


# --- privacy and hostile text -------------------------------------------------

def output_text(output: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(output.rglob("*")) if p.is_file())


def test_withdrawn_item_is_erased_from_the_whole_output(tmp_path):
    content = copy_fixture(tmp_path)
    data = content / "data" / "feedback.yaml"
    published = data.read_text(encoding="utf-8").replace(
        "  - id: gone-reader\n    consent: withdrawn\n",
        "  - id: gone-reader\n    received: 2026-05-05\n    source: email\n    theme: Withdrawals\n"
        "    said: \"Zebra-quartz sleeves please.\"\n    consent: quote\n    status: heard\n")
    assert published != data.read_text(encoding="utf-8")
    article = content / "articles" / "zip-repairs.md"
    article.write_text(article.read_text(encoding="utf-8").replace("fix-zip, price-match", "fix-zip, gone-reader"),
                       encoding="utf-8")
    data.write_text(published, encoding="utf-8")
    before = build_site(tmp_path / "before", content=content)
    text = output_text(before.output)
    assert "Zebra-quartz" in text and "gone-reader" in text and (before.output / "learned" / "withdrawals").exists()

    data.write_text(published.replace(
        "    received: 2026-05-05\n    source: email\n    theme: Withdrawals\n"
        "    said: \"Zebra-quartz sleeves please.\"\n    consent: quote\n    status: heard\n",
        "    consent: withdrawn\n"), encoding="utf-8")
    after = build_site(tmp_path / "after", content=content)
    text = output_text(after.output)
    assert "Zebra-quartz" not in text and "gone-reader" not in text and "Withdrawals" not in text
    assert not (after.output / "learned" / "withdrawals").exists()
    box = soup(after.output / "2026" / "zip-repairs" / "index.html").select_one("aside.learned-from")
    assert [a["href"] for a in box.find_all("a")] == ["../../learned/#fb-fix-zip"]


def test_script_and_html_in_said_are_inert_and_contacts_redacted(site, learned):
    item = learned.find(id="fb-hostile-said")
    quote = item.select_one("dl blockquote").get_text()
    assert "<script>alert('x')</script> <b>bold</b>" in quote
    assert "[email removed]" in quote and "[phone removed]" in quote
    for page in (site.output / "learned" / "index.html", site.output / "learned" / "pricing" / "index.html"):
        document = soup(page)
        assert [s.get("type") for s in document.find_all("script")] == ["application/ld+json"]
        assert document.find("b") is None and document.find("img") is None
    raw = output_text(site.output)
    assert "someone@example.org" not in raw and "07700 900123" not in raw
    feed = feedparser.parse((site.output / "feeds" / "learned.atom.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("#fb-hostile-said--0"))
    assert "&lt;script&gt;" in entry.content[0].value


def test_did_markdown_is_rendered_and_sanitised(learned):
    did = learned.find(id="fb-pocket-depth").select("dl dd")[1]
    assert did.find("strong").get_text() == "deeper"
    assert did.find("img") is None and did.find("script") is None


# --- errors -----------------------------------------------------------------

BAD_FEEDBACK = """\
feedback:
  - id: no-said
    received: 2026-03-01
    source: survey
    theme: Sizing
    consent: quote
    status: heard
  - id: typo-field
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: quote
    status: heard
    sadi: "y"                                 # E:unknown
  - id: wrong-types
    received: 2026-02-30                      # E:date
    source: survey
    theme: Sizing
    said: "x"
    consent: quote
    count: many                               # E:count
    status: done                              # E:enum
  - id: no-did
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: paraphrase
    status: shipped                           # E:did
  - id: no-reason
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: paraphrase
    status: declined                          # E:reason
    did: "No."
  - id: in-the-future
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: paraphrase
    status: planned
    did: "Soon."
    updated: 2027-01-01                       # E:future
  - id: out-of-order
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: paraphrase
    status: shipped
    did: "Done."
    updated: 2026-09-01
    history:
      - {date: 2026-05-01, status: planned}
      - {date: 2026-04-01, status: in_progress}   # E:order
  - id: backwards
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: paraphrase
    status: planned                           # E:backwards
    did: "Again."
    updated: 2026-09-01
    history:
      - {date: 2026-05-01, status: shipped}
  - id: bad-link
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: paraphrase
    status: shipped
    did: "Done."
    links:
      - zip-repairs
      - zip-repair                            # E:link
  - id: Bad_Id                                # E:id
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: quote
    status: heard
  - id: no-did                              # E:duplicate
    received: 2026-03-01
    source: survey
    theme: Sizing
    said: "x"
    consent: quote
    status: heard
"""

EXPECTED = {
    "no-said": ("said", "is required but missing"),
    "unknown": ("sadi", "unknown field. Did you mean 'said'?"),
    "date": ("received", "'2026-02-30' is not a valid date"),
    "count": ("count", "'many' must be a whole number"),
    "enum": ("status", "'done' is not allowed; use one of"),
    "duplicate": ("id", "'no-did' is already used on line 24"),
    "did": ("did", "is required when status is shipped"),
    "reason": ("reason", "is required when status is declined"),
    "future": ("updated", "2027-01-01 is in the future: the site's as-of date is 2026-10-20"),
    "order": ("history.1.date", "2026-04-01 is earlier than history.0.date (2026-05-01)"),
    "backwards": ("status", "moves back from shipped to planned without a note"),
    "link": ("links.1", "no article or page has the slug 'zip-repair'. Did you mean 'zip-repairs'?"),
    "id": ("id", "'Bad_Id' is not a valid id"),
}


def marker_line(text: str, marker: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.rstrip().endswith(f"# E:{marker}"):
            return number
    raise AssertionError(marker)


def test_every_mistake_in_the_data_file_is_reported_with_its_line(tmp_path):
    content = copy_fixture(tmp_path)
    data = content / "data" / "feedback.yaml"
    data.write_text(BAD_FEEDBACK, encoding="utf-8")
    result = build_site(tmp_path, content=content, expect_ok=False)
    assert not result.ok
    lines = result.report.splitlines()
    for marker, (field, message) in EXPECTED.items():
        line = 2 if marker == "no-said" else marker_line(BAD_FEEDBACK, marker)
        prefix = f"{data}:{line}: {field}: "
        assert any(text.strip().startswith(prefix) and message in text for text in lines), (marker, prefix, result.report)
    assert not (tmp_path / "output").exists()


def test_unknown_learned_from_id_is_reported_on_its_front_matter_line(tmp_path):
    content = copy_fixture(tmp_path)
    article = content / "articles" / "zip-repairs.md"
    article.write_text(article.read_text(encoding="utf-8").replace("fix-zip, price-match", "fix-zip, price-mach"),
                       encoding="utf-8")
    result = build_site(tmp_path, content=content, expect_ok=False)
    assert f"{article}:6: Learned_from: 'price-mach' is not an id in feedback.yaml. Did you mean 'price-match'?" \
        in result.report


def test_draft_link_and_moving_back_with_a_note_are_told_apart(tmp_path):
    content = copy_fixture(tmp_path)
    (content / "articles" / "draft.md").write_text(
        "Title: Draft\nDate: 2026-10-02\nSlug: a-draft\nStatus: draft\n\nSoon.\n", encoding="utf-8")
    data = content / "data" / "feedback.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("links: [zip-repairs,", "links: [a-draft,"),
                    encoding="utf-8")
    result = build_site(tmp_path, content=content, expect_ok=False)
    problems = [line.strip() for line in result.report.splitlines() if line.startswith("  ")]
    assert problems == [f"{data}:14: links.0: 'a-draft' is a draft; link it once it is published."]


def test_command_line_build_exits_1_with_the_report_and_no_traceback(tmp_path):
    content = copy_fixture(tmp_path)
    data = content / "data" / "feedback.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("status: declined", "status: declind"), encoding="utf-8")
    status, output = run_pelican(content, tmp_path / "out")
    assert status == 1, output
    assert "Traceback" not in output
    assert re.search(r"feedback\.yaml:\d+: status: 'declind' is not allowed; use one of .*Did you mean 'declined'\?",
                     output), output


# --- survey import ------------------------------------------------------------

EXPORT = """\
Timestamp,Email Address,Your name,What should we change?,Topic,May we publish your words?
2026/10/05 10:31:04 AM GMT+1,ann@example.org,Ann Walker,"The hood won't fit over a helmet, ring me on 07700 900123",Fit,Yes
2026/10/05 11:02:40 AM GMT+1,bob@example.org,Bob Stone,Ship in smaller boxes,Packaging,No
2026/10/06 09:15:00 AM GMT+1,cy@example.org,Cy Moss,"Bigger pockets, please.",Fit,AGREE
2026/10/06 09:20:00 AM GMT+1,di@example.org,Di Fell,"Bigger  pockets, please.",Fit,y
2026/10/07 12:00:00 PM GMT+1,ed@example.org,Ed Beck,Keep the old green colour,Colours,
"""

OPTIONS = {"said": "What should we change?", "theme": "Topic", "consent_column": "May we publish your words?",
           "source": "survey"}


def write_export(tmp_path: Path, text: str = EXPORT) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_appends_heard_entries_keeping_comments_and_order(tmp_path):
    data = tmp_path / "feedback.yaml"
    original = (CONTENT / "data" / "feedback.yaml").read_text(encoding="utf-8")
    data.write_text(original, encoding="utf-8")
    summary = import_csv(write_export(tmp_path), data, read_mapping(None, **OPTIONS))
    assert (len(summary.imported), summary.skipped_consent, summary.duplicates) == (2, 2, 1)
    text = data.read_text(encoding="utf-8")
    assert text.startswith(original)
    entries = yaml.safe_load(text)["feedback"]
    assert [e["id"] for e in entries[: len(yaml.safe_load(original)["feedback"])]] == \
        [e["id"] for e in yaml.safe_load(original)["feedback"]]
    new = entries[-2:]
    assert [e["said"] for e in new] == ["The hood won't fit over a helmet, ring me on [phone removed]",
                                        "Bigger pockets, please."]
    assert all(e["status"] == "heard" and e["source"] == "survey" and e["theme"] == "Fit" for e in new)
    assert str(new[0]["received"]) == "2026-10-05"
    assert set(new[0]) == {"id", "received", "source", "theme", "said", "consent", "status"}
    for private in ("example.org", "Ann Walker", "Bob", "Smaller boxes", "07700"):
        assert private not in text[len(original):]


def test_import_is_idempotent_and_the_result_builds(tmp_path):
    content = copy_fixture(tmp_path)
    data = content / "data" / "feedback.yaml"
    export = write_export(tmp_path)
    import_csv(export, data, read_mapping(None, **OPTIONS))
    once = data.read_bytes()
    again = import_csv(export, data, read_mapping(None, **OPTIONS))
    assert data.read_bytes() == once
    assert (len(again.imported), again.skipped_consent, again.duplicates) == (0, 2, 3)
    result = build_site(tmp_path, content=content)
    assert "Bigger pockets, please." in (result.output / "learned" / "fit" / "index.html").read_text(encoding="utf-8")


def test_import_through_invoke_with_a_mapping_file(tmp_path):
    data = tmp_path / "feedback.yaml"
    data.write_text("# Our feedback\nfeedback: []  # nothing yet\n", encoding="utf-8")
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(yaml.safe_dump({**OPTIONS, "consent_as": "paraphrase"}), encoding="utf-8")
    run = subprocess.run([str(ROOT / ".venv" / "bin" / "invoke"), "import-feedback", str(write_export(tmp_path)),
                          "--mapping", str(mapping), "--data", str(data)],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Imported 2 new entries" in run.stdout and "Skipped for consent: 2" in run.stdout
    assert "Duplicates: 1" in run.stdout
    text = data.read_text(encoding="utf-8")
    assert text.startswith("# Our feedback\n")
    entries = yaml.safe_load(text)["feedback"]
    assert [e["consent"] for e in entries] == ["paraphrase", "paraphrase"]


@pytest.mark.parametrize("cell", ["yes", "YES", "y", "True", "agree", "1", " Yes "])
def test_consent_answers_that_count(tmp_path, cell):
    data = tmp_path / "feedback.yaml"
    export = write_export(tmp_path, "Timestamp,Said,Theme,OK\n2026-10-01 10:00,Warmer gloves,Gloves,"
                          f"{cell}\n2026-10-01 11:00,Lighter gloves,Gloves,no\n")
    summary = import_csv(export, data, Mapping(said="Said", theme="Theme", consent_column="OK", source="survey"))
    assert (len(summary.imported), summary.skipped_consent) == (1, 1)


def test_malformed_csv_names_the_row(tmp_path):
    data = tmp_path / "feedback.yaml"
    ragged = write_export(tmp_path, EXPORT.replace("Bob Stone,Ship in smaller boxes", "Bob Stone,Ship, in smaller boxes"))
    with pytest.raises(ImportFailed) as failure:
        import_csv(ragged, data, read_mapping(None, **OPTIONS))
    assert [str(p) for p in failure.value.problems] == [
        f"{ragged}:3: row 3: has 7 cells but the header has 6; check for a missing or extra comma or an unclosed "
        "quote."]
    with pytest.raises(ImportFailed) as failure:
        import_csv(write_export(tmp_path), data, read_mapping(None, **{**OPTIONS, "theme": "Topics"}))
    assert str(failure.value.problems[0]).startswith(f"{tmp_path / 'export.csv'}:1: header: no column named "
                                                     "'Topics' (for theme). Did you mean 'Topic'?")
    assert not data.exists()


def test_import_command_reports_and_exits_1(tmp_path):
    bad = write_export(tmp_path, "Timestamp,Said,Theme,OK\n05/10/2026,Warmer gloves,Gloves,yes\n")
    run = subprocess.run([str(ROOT / ".venv" / "bin" / "invoke"), "import-feedback", str(bad), "--said", "Said",
                          "--theme", "Theme", "--consent-column", "OK", "--source", "survey",
                          "--data", str(tmp_path / "feedback.yaml")],
                         cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 1
    assert f"{bad}:2: row 2: '05/10/2026' is not a date" in run.stderr + run.stdout
    assert "Traceback" not in run.stderr + run.stdout
    assert not (tmp_path / "feedback.yaml").exists()


def test_without_a_data_file_the_page_and_feed_still_exist_and_are_reproducible(tmp_path):
    content = copy_fixture(tmp_path)
    (content / "data" / "feedback.yaml").unlink()
    article = content / "articles" / "zip-repairs.md"
    article.write_text(article.read_text(encoding="utf-8").replace("Learned_from: fix-zip, price-match\n", ""),
                       encoding="utf-8")
    first = build_site(tmp_path / "one", content=content)
    page = soup(first.output / "learned" / "index.html")
    assert "Nothing to show yet." in page.get_text() and page.find("svg") is None
    feed = feedparser.parse((first.output / "feeds" / "learned.atom.xml").read_bytes())
    assert feed.entries == [] and feed.feed.updated.startswith("2026-10-20")
    second = build_site(tmp_path / "two", content=content)
    assert (first.output / "feeds" / "learned.atom.xml").read_bytes() == \
        (second.output / "feeds" / "learned.atom.xml").read_bytes()


def test_a_withdrawn_entry_that_still_has_its_words_builds_without_them(tmp_path, caplog):
    content = copy_fixture(tmp_path)
    data = content / "data" / "feedback.yaml"
    data.write_text(data.read_text(encoding="utf-8") + (
        "  - id: withdrawn-with-words\n"
        "    consent: withdrawn\n"
        "    said: \"Please remove this sentence about zebra-striped gaiters.\"\n"), encoding="utf-8")
    with caplog.at_level("INFO"):
        result = build_site(tmp_path, content=content)
    assert any("withdrawn-with-words is withdrawn" in r.getMessage() and "said" in r.getMessage()
               for r in caplog.records)
    for path in result.output.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".xml", ".json", ".txt"}:
            assert "zebra-striped" not in path.read_text(encoding="utf-8", errors="ignore"), path
