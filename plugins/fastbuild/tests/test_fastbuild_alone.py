"""The fastbuild plugin alone on Pelican's `simple` theme: a smoke test that a site builds
with it. (That a site builds byte for byte the same with and without it is tested in tests/.)
The build runs in a fresh process: see alone() in conftest.py."""

FILES = {f"post-{number}.md": f"Title: Post {number}\nDate: 2026-05-{number:02d} 09:00\nTags: t{number % 2}\n\n"
         f"Body of post *{number}*.\n" for number in range(1, 6)}


def test_a_site_builds_with_fastbuild_alone(alone):
    site = alone(["fastbuild"], FILES, {"FASTBUILD_WORKERS": 2, "FASTBUILD_MIN_FILES": 1})
    assert site.ok, site.log
    assert "ERROR" not in site.log and "Traceback" not in site.log
    page = site.page("post-3.html")
    assert page.select_one("main article h2 a").get_text(strip=True) == "Post 3"
    assert page.select_one("main article em").get_text() == "3"
    index = site.page("index.html")
    assert {a.get_text(strip=True) for a in index.select("main article h2 a")} >= {f"Post {n}" for n in range(1, 6)}
    assert (site.output / "tag" / "t1.html").is_file()
