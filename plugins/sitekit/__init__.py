"""The library this site's plugins share; not a plugin itself (it registers nothing).

- problems: source mistakes as ``path:line: field: message``, all at once;
- yamldata: YAML data files with line numbers, validated by pydantic models,
  then by the plugin's checks (pure functions returning findings);
- withdrawn: one rule for an entry whose reader took consent back;
- yamlappend: new entries appended to a data file as text;
- settings: each plugin's settings and defaults, declared once (``Defaults``);
- pages: ``find_page(context, slug=..., url=...)``, for plugins and templates;
- asof: the site's one "today"; slugs, text, redact, sanitise: slugging,
  plain data-file text, personal data kept out of pages, team Markdown
  through nh3;
- jsonld: one JSON-LD block per page that plugins contribute to.

Dependencies point one way: plugins import sitekit, sitekit names no plugin.
"""
