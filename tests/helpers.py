"""Reading built sites: pages, links and landmarks, parsed rather than grepped."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRIBUTES = {"a": ["href"], "link": ["href"], "img": ["src", "srcset"], "script": ["src"],
                   "source": ["src", "srcset"], "iframe": ["src"], "video": ["src"], "audio": ["src"]}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


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


def broken_links(output: Path, siteurl: str) -> list[str]:
    problems = []
    ids_cache: dict[Path, set[str]] = {}
    for page in html_files(output):
        document = soup(page)
        for element, attribute, url in links(document):
            if url.startswith(("mailto:", "tel:")):
                continue
            resolved = resolve(output, siteurl, page, url)
            if resolved is None:
                continue
            target, fragment = resolved
            name = page.relative_to(output)
            if not target.is_file():
                problems.append(f"{name}: {attribute}={url} -> missing {target.relative_to(output) if target.is_relative_to(output) else target}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = {e["id"] for e in soup(target).find_all(id=True)}
                if fragment not in ids_cache[target]:
                    problems.append(f"{name}: {attribute}={url} -> no element with id {fragment!r}")
    return problems


def is_external(siteurl: str, page_base: str, url: str) -> bool:
    parts = urlsplit(urljoin(page_base, url))
    return parts.scheme in ("http", "https") and parts.netloc != urlsplit(siteurl).netloc
