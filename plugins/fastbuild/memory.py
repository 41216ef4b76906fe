"""Keep Python's garbage collector from rescanning the whole site (public ``gc`` API only).

A build keeps every post, its HTML and the template context alive until it
ends, and the cyclic collector walks all of them again at each full
collection. So, during a build, the collector runs less often (a larger
first generation), and after each reading stage what exists is moved out of
its sight (``gc.freeze``): those objects live to the end of the build anyway.
The next build starts by handing them back (``gc.unfreeze``) and the usual
thresholds return when a build finishes, so a long-running `make serve`
still frees old builds. FASTBUILD_GC = False turns this off.
"""

from __future__ import annotations

import gc

BUILD_GEN0_THRESHOLD = 50_000
_saved: list[tuple[int, int, int]] = []


def _wanted(sender) -> bool:
    settings = getattr(sender, "settings", None)
    if settings is None and isinstance(sender, list) and sender:
        settings = getattr(sender[0], "settings", None)
    return bool((settings or {}).get("FASTBUILD_GC", True))


def start(pelican=None, *_args) -> None:
    """initialized: what earlier builds froze can be collected again; collect less often."""
    gc.unfreeze()
    if not _wanted(pelican):
        return
    if not _saved:
        _saved.append(gc.get_threshold())
    first, second, third = _saved[0]
    gc.set_threshold(max(first, BUILD_GEN0_THRESHOLD), second, third)


def freeze(sender=None, *_args) -> None:
    """After each reading stage: what exists now stays until the build ends."""
    if _wanted(sender):
        gc.freeze()


def finish(*_args) -> None:
    """finalized: the usual thresholds again."""
    if _saved:
        gc.set_threshold(*_saved.pop())
