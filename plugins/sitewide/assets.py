"""Content-hashed names for the theme's static files (CSS, JS, icons).

Templates name a theme file once, through the Jinja global ``asset``:
``{{ asset("css/site.css") }}`` prints ``{SITEURL}/theme/css/site.3f2a9c1b07.css``.
After Pelican has copied the theme's files, ``fingerprint_theme`` renames
each of them to that name. The hash is of the file's bytes, so the name
changes when the file changes and only then: hosts can cache these files
for a year ("immutable"), and a new stylesheet still reaches every reader.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path, PurePosixPath

from jinja2 import pass_context

HASH_LENGTH = 10
_digests: dict[tuple[str, int, int], str] = {}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:HASH_LENGTH]


def hashed_name(relative: str, data: bytes) -> str:
    """css/site.css + its bytes -> css/site.<hash>.css"""
    path = PurePosixPath(relative)
    return str(path.with_name(f"{path.stem}.{digest(data)}{path.suffix}"))


def source_file(settings: dict, relative: str) -> Path:
    """The theme file a template names, e.g. css/site.css -> theme/static/css/site.css."""
    theme = Path(settings["THEME"])
    for folder in settings.get("THEME_STATIC_PATHS", ["static"]):
        candidate = theme / folder / relative
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f'asset("{relative}"): no such file in the theme\'s static folders')


def asset_path(settings: dict, relative: str) -> str:
    """theme/css/site.<hash>.css: the hashed file's path inside the output."""
    source = source_file(settings, relative)
    stat = source.stat()
    key = (str(source), stat.st_mtime_ns, stat.st_size)
    if key not in _digests:
        _digests[key] = hashed_name(relative, source.read_bytes())
    return f"{settings.get('THEME_STATIC_DIR', 'theme')}/{_digests[key]}"


@pass_context
def asset(context, relative: str) -> str:
    """Jinja global: the URL of a theme file under its content-hashed name."""
    return f"{context['SITEURL']}/{asset_path(context, relative)}"


def fingerprint_theme(pelican) -> None:
    """Rename every file Pelican copied into the theme's output folder to its hashed name."""
    folder = Path(pelican.settings["OUTPUT_PATH"]) / pelican.settings.get("THEME_STATIC_DIR", "theme")
    if not folder.is_dir():
        return
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder).as_posix()
        if is_hashed(relative):
            continue
        target = folder / hashed_name(relative, path.read_bytes())
        os.replace(path, target)


def is_hashed(relative: str) -> bool:
    """True for names like site.3f2a9c1b07.css (left over by an earlier, non-atomic build)."""
    parts = PurePosixPath(relative).name.split(".")
    return len(parts) >= 3 and len(parts[-2]) == HASH_LENGTH and all(c in "0123456789abcdef" for c in parts[-2])
