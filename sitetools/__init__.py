"""Build, serve and check tooling for the site (not a Pelican plugin).

- build: one atomic build (staging folder swapped in), with a report instead
  of a traceback; search and precompress run after Pelican, inside it;
- live: the warm `make serve` process that rewrites only what an edit touches;
- checks: the publishing gates behind `invoke check`.
"""
