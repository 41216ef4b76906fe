"""Reading built sites: pages, links and landmarks, parsed rather than grepped.

The link logic is the publishing gates' own (checks/links.py), so the tests
and `invoke check` agree on what a broken link is.
"""

from __future__ import annotations

from checks.links import (LINK_ATTRIBUTES, broken_links, html_files, is_external, links, page_url,  # noqa: F401
                          resolve, soup)
