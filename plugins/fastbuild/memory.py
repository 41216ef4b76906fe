"""Keep Python's garbage collector from rescanning the whole site.

A build keeps every post, its HTML and the template context alive until it
ends, and the cyclic collector walks all of them again at each full
collection: at 10,000 posts that is seconds, and grows faster than the site.
So, during a build, the collector runs less often (a larger first
generation), and after each reading stage what exists is moved out of its
sight (``gc.freeze``): those objects live to the end of the build anyway.
The next build starts by handing them back (``gc.unfreeze``) and the usual
thresholds return when a build finishes, so a long-running `make serve`
still frees old builds.
"""

from __future__ import annotations

import gc

BUILD_GEN0_THRESHOLD = 50_000
_saved: list[tuple[int, int, int]] = []


def start(*_args) -> None:
    """initialized: what earlier builds froze can be collected again; collect less often."""
    gc.unfreeze()
    if not _saved:
        _saved.append(gc.get_threshold())
    first, second, third = _saved[0]
    gc.set_threshold(max(first, BUILD_GEN0_THRESHOLD), second, third)


def freeze(*_args) -> None:
    """After each reading stage: what exists now stays until the build ends."""
    gc.freeze()


def finish(*_args) -> None:
    """finalized: the usual thresholds again."""
    if _saved:
        gc.set_threshold(*_saved.pop())
