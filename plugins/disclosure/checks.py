"""Read a post's disclosure front matter and report every mistake in it.

Problems go to ``sitekit.problems`` (the build then stops before writing);
drafts and hidden posts are checked like published ones.
"""

from __future__ import annotations

import difflib
import functools
import html
import re

from pelican.contents import Page

from sitekit import problems

from . import config as cfg
from . import links, model

KEYS = {"disclosure": "Disclosure", "sponsor": "Sponsor", "sponsor_url": "Sponsor_url",
        "disclosure_note": "Disclosure_note"}
KEY_LIST = ", ".join(KEYS.values())


def read(content, config: cfg.Config) -> model.Disclosure | None:
    """The post's Disclosure, or None; every mistake is reported on the way."""
    path = content.source_path
    meta = content.metadata
    report = problems.of(content.settings).report
    check_misspelt_keys(path, meta, report)

    if "disclosure" not in meta:
        for key in ("sponsor", "sponsor_url", "disclosure_note"):
            if key in meta:
                report(path, problems.metadata_line(path, key), KEYS[key],
                       f"is set but Disclosure is missing; add 'Disclosure: TYPE' (one or more of "
                       f"{', '.join(config.type_names)}) or remove {KEYS[key]}.")
        check_affiliate_links(content, path, types=[])
        return None

    disclosure_line = problems.metadata_line(path, "disclosure")
    if isinstance(content, Page):
        report(path, disclosure_line, "Disclosure",
               "pages cannot carry a disclosure label; only articles are labelled. Move the "
               "paid content into an article, or remove Disclosure.")
        check_affiliate_links(content, path, types=[])
        return None

    types = read_types(path, disclosure_line, text_of(meta.get("disclosure")), config, report)
    sponsors = read_sponsors(path, meta, report)
    for name in types:
        if config.types[name].get("needs_sponsor") and not sponsors:
            report(path, disclosure_line, "Disclosure",
                   f"'{name}' needs a sponsor: add 'Sponsor: Company name' (who paid, gave the "
                   f"product, partners with us or employs the author).")
    check_affiliate_links(content, path, types)
    if not types:
        return None
    note = " ".join(text_of(meta.get("disclosure_note")).split())
    return model.build(types, sponsors, note, content, config)


def text_of(value) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(part) for part in value)
    return "" if value is None else str(value)


def read_types(path, line: int, value: str, config: cfg.Config, report) -> list[str]:
    names = [part.strip().lower() for part in re.split(r"[,;]", value) if part.strip()]
    valid = config.type_names
    if not names:
        report(path, line, "Disclosure", f"is empty; list one or more of {', '.join(valid)}.")
    types = []
    for name in names:
        if name in valid:
            if name not in types:
                types.append(name)
            continue
        close = difflib.get_close_matches(name, valid, n=1, cutoff=0.6)
        suggestion = f" Did you mean '{close[0]}'?" if close else ""
        report(path, line, "Disclosure",
               f"'{name}' is not a disclosure type; use one or more of {', '.join(valid)}.{suggestion}")
    return types


def read_sponsors(path, meta, report) -> list[model.Sponsor]:
    names = [part.strip() for part in re.split(r";", text_of(meta.get("sponsor"))) if part.strip()]
    urls = [part.strip() for part in re.split(r";", text_of(meta.get("sponsor_url"))) if part.strip()]
    if "sponsor" in meta and not names:
        report(path, problems.metadata_line(path, "sponsor"), "Sponsor",
               "is empty; name who paid, gave or employs (several: separate with ';').")
    if urls and not names:
        report(path, problems.metadata_line(path, "sponsor_url"), "Sponsor_url",
               "is set but Sponsor is missing; add 'Sponsor: Company name'.")
        return []
    if len(urls) > len(names):
        report(path, problems.metadata_line(path, "sponsor_url"), "Sponsor_url",
               f"has {len(urls)} URLs for {len(names)} sponsor(s); give at most one URL per sponsor, "
               "separated with ';' in the same order as Sponsor.")
    for url in urls:
        if not re.match(r"^https?://[^\s/]+", url):
            report(path, problems.metadata_line(path, "sponsor_url"), "Sponsor_url",
                   f"'{url}' is not a web address; write it as https://example.com.")
    good = [url if re.match(r"^https?://[^\s/]+", url) else "" for url in urls]
    good += [""] * (len(names) - len(good))
    return [model.Sponsor(name, url) for name, url in zip(names, good)]


def check_misspelt_keys(path, meta, report) -> None:
    for key in meta:
        if key in KEYS:
            continue
        suggestion = close_key(key)
        if suggestion:
            line = problems.metadata_line(path, key)
            report(path, line, written_key(path, line, key),
                   f"unknown key. Did you mean '{KEYS[suggestion]}'? The disclosure keys are {KEY_LIST}.")


@functools.lru_cache(maxsize=1024)  # the same keys come back in every post
def close_key(key: str) -> str | None:
    squashed = re.sub(r"[\W_]+", "", key.lower())
    for known in KEYS:
        if squashed == known.replace("_", ""):
            return known
    close = difflib.get_close_matches(key.lower(), list(KEYS), n=1, cutoff=0.75)
    return close[0] if close else None


def written_key(path, line: int, key: str) -> str:
    """The key as the author wrote it (Pelican lowercases metadata keys)."""
    lines = problems.read_lines(path)
    if 0 < line <= len(lines) and ":" in lines[line - 1]:
        written = lines[line - 1].split(":", 1)[0].strip(" :")
        if written.lower() == key:
            return written
    return key


def check_affiliate_links(content, path, types: list[str]) -> None:
    if "affiliate" in types:
        return
    config = cfg.load(content.settings)
    report = problems.of(content.settings).report
    seen = set()
    for source in (content._content, content.metadata.get("summary")):
        for link in links.find_links(source if isinstance(source, str) else ""):
            url = link.href.strip()
            if url in seen or not cfg.is_affiliate(url, config):
                continue
            seen.add(url)
            report(path, link_line(path, url), "link",
                   f"{url} looks like an affiliate link (it matches AFFILIATE_LINK_PATTERNS), but "
                   "Disclosure does not include 'affiliate'. Add 'affiliate' to Disclosure, "
                   "or remove the link.")


def link_line(path, url: str) -> int:
    for candidate in (url, html.escape(url, quote=False), url.replace("&", "&amp;")):
        line, _ = problems.line_containing(path, candidate)
        if line != 1 or candidate in "".join(problems.read_lines(path)[:1]):
            return line
    return 1
