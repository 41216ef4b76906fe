"""Gate 2, links: every internal href/src/srcset resolves to a file and every
#fragment to an element id; external links are listed, never fetched.

The helpers here are also what tests/helpers.py uses to read built sites.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from .report import GateResult

LINK_ATTRIBUTES = {"a": ["href"], "link": ["href"], "img": ["src", "srcset"], "script": ["src"],
                   "source": ["src", "srcset"], "iframe": ["src"], "video": ["src", "poster"],
                   "audio": ["src"], "track": ["src"], "form": ["action"], "area": ["href"]}
NOT_FETCHED = ("mailto:", "tel:", "data:", "javascript:")


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_files(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*.html")
                  if not any(part.startswith(".") for part in p.relative_to(output).parts))


def page_url(output: Path, page: Path, siteurl: str) -> str:
    relative = page.relative_to(output).as_posix()
    return f"{siteurl}/{relative}"


def links(document: BeautifulSoup):
    """(tag, attribute, url) for every URL-bearing attribute on a page."""
    for tag_name, attributes in LINK_ATTRIBUTES.items():
        for element in document.find_all(tag_name):
            for attribute in attributes:
                value = element.get(attribute)
                if not value:
                    continue
                urls = [part.strip().split(" ")[0] for part in value.split(",")] if attribute == "srcset" else [value]
                for url in urls:
                    if url:
                        yield element, attribute, url


def resolve(output: Path, siteurl: str, page: Path, url: str) -> tuple[Path, str] | None:
    """The output file (and fragment) an internal URL points to; None if external."""
    base = page_url(output, page, siteurl)
    absolute = urljoin(base, url)
    parts = urlsplit(absolute)
    site = urlsplit(siteurl + "/")
    if parts.scheme not in ("http", "https", "file") or parts.netloc != site.netloc:
        return None
    path = unquote(parts.path)
    if not path.startswith(site.path):
        return output / "__outside_site__", parts.fragment
    target = output / path[len(site.path):]
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target, parts.fragment


def is_external(siteurl: str, page_base: str, url: str) -> bool:
    parts = urlsplit(urljoin(page_base, url))
    return parts.scheme in ("http", "https") and parts.netloc != urlsplit(siteurl).netloc


def scan(output: Path, siteurl: str) -> tuple[list[str], list[tuple[str, str, str]], int, int]:
    """(problems, external links as (page, element, absolute url), internal links checked, pages read)."""
    problems: list[str] = []
    external: list[tuple[str, str, str]] = []
    checked = 0
    ids_cache: dict[Path, set[str]] = {}
    pages = html_files(output)
    for page in pages:
        document = soup(page)
        name = page.relative_to(output).as_posix()
        for element, attribute, url in links(document):
            if url.startswith(NOT_FETCHED):
                continue
            resolved = resolve(output, siteurl, page, url)
            if resolved is None:
                external.append((name, f"<{element.name} {attribute}>", urljoin(page_url(output, page, siteurl), url)))
                continue
            checked += 1
            target, fragment = resolved
            if not target.is_file():
                missing = target.relative_to(output) if target.is_relative_to(output) else target
                problems.append(f"{name}: {attribute}={url} -> missing {missing}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = {e["id"] for e in soup(target).find_all(id=True)}
                if fragment not in ids_cache[target]:
                    problems.append(f"{name}: {attribute}={url} -> no element with id {fragment!r}")
    return problems, external, checked, len(pages)


def broken_links(output: Path, siteurl: str) -> list[str]:
    return scan(output, siteurl)[0]


def check(output: Path, siteurl: str, report_dir: Path | None = None) -> GateResult:
    problems, external, checked, pages = scan(output, siteurl)
    result = GateResult("links", checked=checked, unit=f"internal links in {pages} pages")
    result.failures.extend(problems)
    hosts = {urlsplit(url).netloc for _, _, url in external}
    listed = ""
    if report_dir is not None:
        report_dir.mkdir(parents=True, exist_ok=True)
        listing = report_dir / "external-links.txt"
        rows = ["page\telement\turl", *("\t".join(row) for row in external)]
        listing.write_text("\n".join(rows) + "\n", encoding="utf-8")
        listed = f", listed in {listing}"
    result.notes.append(f"{len(external)} external links to {len(hosts)} hosts, not fetched{listed}")
    return result
