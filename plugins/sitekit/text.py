"""Text from the data files, made safe to print as plain text anywhere.

Jinja's autoescape already makes reader text inert in HTML. What it cannot
neutralise are characters that are invisible yet change how the text around
them is shown or read:

- Unicode direction controls (U+202A-U+202E embeddings and overrides,
  U+2066-U+2069 isolates). An unclosed right-to-left override in a reader's
  name would display the rest of the line backwards ("txt.exe" shown as
  "exe.txt"), in pages, feeds and search results alike;
- control characters other than tab and newline, which XML (the feeds) does
  not allow at all.

``plain`` removes both. Letters of right-to-left scripts are untouched: the
browser's bidi algorithm places them correctly without explicit controls.

    >>> plain("Dana\u202e, Ohio\x00")
    'Dana, Ohio'
"""

from __future__ import annotations

import re

DIRECTION_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_INVISIBLE = re.compile(f"[{DIRECTION_CONTROLS}\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """``text`` without direction controls and control characters (tab, CR and LF stay)."""
    return _INVISIBLE.sub("", text)


def plural(count, singular: str, plural_form: str | None = None, *, number: bool = True) -> str:
    """A count and the noun that agrees with it; the ``plural`` Jinja filter.

    ``count`` is a number or anything with a length. The plural is
    ``singular + "s"`` unless given; ``number=False`` leaves the count out.

        >>> plural(1, "post"), plural(3, "post"), plural(2, "person", "people")
        ('1 post', '3 posts', '2 people')
        >>> plural(["a", "b"], "Sponsor", number=False)
        'Sponsors'
    """
    if not isinstance(count, int):
        count = len(count)
    word = singular if count == 1 else (plural_form or f"{singular}s")
    return f"{count} {word}" if number else word
