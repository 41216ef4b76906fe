"""Gate 7, structured data: every JSON-LD block parses and has @context and
@type (a @graph's nodes each need a @type)."""

from __future__ import annotations

import json
from pathlib import Path

from .links import html_files, soup
from .report import GateResult


def problems_in(data) -> list[str]:
    blocks = data if isinstance(data, list) else [data]
    found = []
    for block in blocks:
        if not isinstance(block, dict):
            found.append(f"is a {type(block).__name__}, not an object")
            continue
        if not block.get("@context"):
            found.append("has no @context")
        if "@graph" in block:
            nodes = enumerate(block["@graph"])
            found.extend(f"@graph node {i} has no @type" for i, node in nodes
                         if not isinstance(node, dict) or not node.get("@type"))
        elif not block.get("@type"):
            found.append("has no @type")
    return found


def check(output: Path) -> GateResult:
    pages = html_files(output)
    result = GateResult("structured data", unit="JSON-LD blocks")
    for page in pages:
        name = page.relative_to(output).as_posix()
        for number, script in enumerate(soup(page).find_all("script", type="application/ld+json"), 1):
            result.checked += 1
            try:
                data = json.loads(script.string or "")
            except json.JSONDecodeError as error:
                result.fail(f"{name}: JSON-LD block {number} does not parse: {error}")
                continue
            for problem in problems_in(data):
                result.fail(f"{name}: JSON-LD block {number} {problem}")
    result.unit = f"JSON-LD blocks in {len(pages)} pages"
    return result
