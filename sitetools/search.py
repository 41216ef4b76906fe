"""The static search index: Pagefind, run on a built site.

Pagefind reads the written HTML: only pages with a ``data-pagefind-body``
element are indexed (articles, roundups, pages, the learned theme pages; see
the theme's partials/search_fields.html), so listings, the 404 page and the
transparency report never show up in results, and withdrawn content, which
is never rendered, is never indexed. It writes ``pagefind/`` into the site:
``pagefind.js`` (loaded by theme/static/js/search.js), its WebAssembly and
the index. The UI bundles Pagefind also writes are removed: the theme draws
results itself.

Reproducible: Pagefind 1.5 writes its filter files (and the list of them in
its .pf_meta) in hash-map order, which changes from run to run, and names
each file after its bytes. ``canonical_filters`` sorts them and renames
the files to match, so the same pages give the same index, byte for byte.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")


class IndexFailed(Exception):
    pass


@dataclass
class IndexResult:
    files: int
    bytes: int


def executable() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise IndexFailed("Pagefind is not installed: pip install -r requirements.txt "
                          "(it pins pagefind[bin])") from None
    return str(get_executable())


def index(site: Path) -> IndexResult:
    """Index `site` in place; raises IndexFailed with Pagefind's own message."""
    site = Path(site)
    try:
        run = subprocess.run([executable(), "--site", str(site), "--output-subdir", BUNDLE, "--quiet"],
                             capture_output=True, text=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise IndexFailed(f"Pagefind did not run: {error}") from None
    if run.returncode != 0:
        raise IndexFailed(f"Pagefind failed (exit {run.returncode}):\n{(run.stdout + run.stderr).strip()}")
    bundle = site / BUNDLE
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    try:
        canonical_filters(bundle)
    except (KeyError, IndexError, ValueError, OSError) as error:
        raise IndexFailed(f"Pagefind's filter files are not in the expected 1.5 format ({error}); "
                          "check the pinned pagefind version") from None
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return IndexResult(len(files), sum(p.stat().st_size for p in files))


# --- making the filter files reproducible -------------------------------------------------
# Pagefind files are gzip'd "pagefind_dcd" + CBOR. Only arrays, text and integers occur in
# the parts read here; items are kept as their original bytes and only reordered.
MAGIC = b"pagefind_dcd"
FILTERS = 3  # .pf_meta: [version, pages, index chunks, filters, sorts, meta keys]


def _head(data: bytes, at: int) -> tuple[int, int, int]:
    """(major type, argument, offset after the head) of the CBOR item at `at`."""
    major, info = data[at] >> 5, data[at] & 31
    if info < 24:
        return major, info, at + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
    return major, int.from_bytes(data[at + 1:at + 1 + size], "big"), at + 1 + size


def _end(data: bytes, at: int) -> int:
    major, argument, after = _head(data, at)
    if major in (0, 1, 7):
        return after
    if major in (2, 3):
        return after + argument
    if major == 6:
        return _end(data, after)
    for _ in range(argument * (2 if major == 5 else 1)):
        after = _end(data, after)
    return after


def _array(data: bytes, at: int = 0) -> list[bytes]:
    major, length, after = _head(data, at)
    if major != 4:
        raise ValueError("expected an array")
    items = []
    for _ in range(length):
        end = _end(data, after)
        items.append(data[after:end])
        after = end
    return items


def _text(item: bytes) -> str:
    major, length, after = _head(item, 0)
    if major != 3:
        raise ValueError("expected text")
    return item[after:after + length].decode("utf-8")


def _encode_head(major: int, argument: int) -> bytes:
    if argument < 24:
        return bytes([major << 5 | argument])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if argument < 1 << (8 * size):
            return bytes([major << 5 | info]) + argument.to_bytes(size, "big")
    raise ValueError("argument too large")


def _encode_array(items: list[bytes]) -> bytes:
    return _encode_head(4, len(items)) + b"".join(items)


def _encode_text(text: str) -> bytes:
    raw = text.encode("utf-8")
    return _encode_head(3, len(raw)) + raw


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(MAGIC):
        raise ValueError(f"{path.name} does not start with {MAGIC!r}")
    return data[len(MAGIC):]


def _write(path: Path, body: bytes) -> None:
    path.write_bytes(gzip.compress(MAGIC + body, compresslevel=9, mtime=0))


def canonical_filters(bundle: Path) -> None:
    """Sort every filter file's values and the .pf_meta's filter list; rename to match."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text(encoding="utf-8"))
    for language, info in sorted(entry["languages"].items()):
        meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
        meta = _array(_read(meta_path))
        filters = []
        for pair in _array(meta[FILTERS]):
            name, old = (_text(item) for item in _array(pair))
            old_path = bundle / "filter" / f"{old}.pf_filter"
            if not old_path.is_file():
                raise ValueError(f"the .pf_meta names {old_path.name}, which is not there")
            parts = _array(_read(old_path))  # [filter name, [[value, [page numbers]], ...]]
            values = sorted(_array(parts[1]), key=lambda value: _text(_array(value)[0]))
            body = _encode_array([parts[0], _encode_array(values)])
            new = f"{language}_{hashlib.sha256(body).hexdigest()[:7]}"
            old_path.unlink()
            _write(bundle / "filter" / f"{new}.pf_filter", body)
            filters.append((name, new))
        meta[FILTERS] = _encode_array([_encode_array([_encode_text(name), _encode_text(new)])
                                 for name, new in sorted(filters)])
        body = _encode_array(meta)
        new_hash = f"{language}_{hashlib.sha256(body).hexdigest()[:10]}"
        meta_path.unlink()
        _write(bundle / f"pagefind.{new_hash}.pf_meta", body)
        info["hash"] = new_hash
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
