"""Build-speed benchmark (invoke bench): corpus.py writes the site, bench.py times it."""
