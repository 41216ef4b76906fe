"""One slug function for every plugin, matching Pelican's own slugs."""

from pelican.utils import slugify as pelican_slugify

DEFAULT_SUBSTITUTIONS = [
    (r"[^\w\s-]", ""),
    (r"(?u)\A\s*", ""),
    (r"(?u)\s*\Z", ""),
    (r"[-\s]+", "-"),
]


def slugify(text: str, settings: dict | None = None) -> str:
    substitutions = (settings or {}).get("SLUG_REGEX_SUBSTITUTIONS", DEFAULT_SUBSTITUTIONS)
    return pelican_slugify(str(text), regex_subs=substitutions)
