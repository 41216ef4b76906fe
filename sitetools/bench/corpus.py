"""A synthetic but realistic blog to time builds with.

``write_corpus(folder, articles=1000, questions=500, feedback=1000)`` writes
``folder/content/`` shaped like this project's content: Markdown articles
with front matter (headings, lists, links, code, quotes, a summary), about
10 % sponsored (with a Sponsor) and 7 % affiliate (with matching affiliate
links), the policy, about, ask and privacy pages, and valid
``data/questions.yaml`` and ``data/feedback.yaml``. ``links=12`` makes every
post carry a dozen outbound links (the disclosure plugin scans each one).
The same seed always gives the same files, so runs compare like with like.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import yaml

WORDS = ["jacket", "seam", "tape", "fabric", "repair", "patch", "needle", "thread", "zip", "pocket", "hood", "cuff", "hem", "waist", "stitch", "walker", "trail", "weather", "rain", "wind", "wool", "cotton", "nylon", "cord", "buckle", "strap", "pack", "winter", "summer", "spring", "autumn", "season", "counter", "workshop", "pattern", "sample", "range", "fit", "size", "leg", "shoulder", "wash", "dry", "sealer", "mill", "dye", "colour", "lining", "collar", "sleeve"]
FILLER = ["the", "a", "our", "your", "we", "you", "it", "this", "that", "every", "each", "with", "from", "into", "after", "before", "while", "because", "and", "but", "so", "then", "still", "often", "rarely", "always", "never"]
CATEGORIES = ["Repair", "Community", "Products", "How we work", "Field notes", "Materials", "Events",
              "Guides"]
TAGS = [f"{word}-{kind}" for word in ("seam", "patch", "wool", "zip", "hood", "boots", "rain", "trail",
                                      "pack", "dye") for kind in ("care", "tips", "notes", "kit")]
AUTHORS = ["Priya Natarajan", "Jonah Ellis", "Marta Silva", "Kestrel team", "Ade Okafor", "Lena Berg"]
SPONSORS = [("Northwind Fabrics", "https://northwind.example"), ("Tarn Yarns", "https://tarn.example"),
            ("Ridge Supply", "https://ridge.example"), ("Fellside Mills", "https://fellside.example")]
THEMES = ["Sizing", "Repairs", "Materials", "Prices", "Delivery", "Website", "Events", "Packaging",
          "Colours", "Care labels"]
TOPICS = ["Repairs", "Products", "How we work", "Materials", "Sizing", "Events"]
START = dt.datetime(2021, 1, 4, 8, 30)

PAGES = {
    "editorial-policy": ("Editorial & disclosure policy", "\n\n".join(
        f"## {title}\n\n{{text}}" for title in ("Sponsored", "Affiliate links", "Gifted", "Partnership",
                                                 "Employee"))),
    "about": ("About", "{text}"),
    "ask": ("Ask us", "{text}"),
    "privacy": ("Privacy and your words", "{text}"),
}


def sentence(rng: random.Random, words: int = 14) -> str:
    parts = [rng.choice(WORDS if i % 3 else FILLER) for i in range(words)]
    return " ".join(parts).capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 5) -> str:
    return " ".join(sentence(rng, rng.randint(9, 20)) for _ in range(sentences))


def title_for(rng: random.Random, number: int) -> str:
    return f"{' '.join(rng.choice(WORDS) for _ in range(4)).capitalize()} {number}"


def article_text(rng: random.Random, number: int, slugs: list[str], kind: str, learned_ids: list[str],
                 links: int = 0) -> str:
    title = title_for(rng, number)
    date = START + dt.timedelta(hours=17 * number)
    tags = ", ".join(rng.sample(TAGS, rng.randint(1, 4)))
    meta = [f"Title: {title}", f"Date: {date:%Y-%m-%d %H:%M}", f"Category: {rng.choice(CATEGORIES)}",
            f"Tags: {tags}", f"Slug: post-{number:05d}", f"Authors: {rng.choice(AUTHORS)}"]
    if rng.random() < 0.1:
        meta.append(f"Modified: {date + dt.timedelta(days=rng.randint(1, 30)):%Y-%m-%d %H:%M}")
    if rng.random() < 0.85:
        meta.append(f"Summary: {sentence(rng, 22)} {sentence(rng, 12)}")
    if kind == "sponsored":
        name, url = rng.choice(SPONSORS)
        meta += ["Disclosure: sponsored", f"Sponsor: {name}", f"Sponsor_url: {url}"]
    elif kind == "affiliate":
        meta.append("Disclosure: affiliate")
    if learned_ids and rng.random() < 0.05:
        meta.append(f"Learned_from: {rng.choice(learned_ids)}")

    body = [paragraph(rng, 4)]
    if slugs:
        other = rng.choice(slugs)
        body.append(f"As we wrote in [an earlier post]({{filename}}{other}.md), {sentence(rng).lower()} "
                    f"See also [the makers' notes](https://makers.example/notes/{number}) and "
                    f"[the care guide](https://care.example/guide?page={number % 7}).")
    body.append(f"## {sentence(rng, 5)[:-1]}")
    body.append(paragraph(rng, 5))
    body.append("\n".join(f"- **{rng.choice(WORDS).capitalize()}.** {sentence(rng, 10)}" for _ in range(5)))
    body.append(paragraph(rng, 4))
    body.append(f"> {sentence(rng, 18)} {sentence(rng, 12)}")
    body.append(f"## {sentence(rng, 4)[:-1]}")
    body.append(paragraph(rng, 6))
    body.append("1. " + "\n1. ".join(sentence(rng, 8) for _ in range(4)))
    if number % 3 == 0:
        body.append("```\nwash --cold 30 --no-softener\ndry --flat --shade\nproof --spray --after 5\n```")
    if kind == "affiliate":
        body.append(f"The patches we use are [this pack](https://www.amazon.com/dp/B0{number:07d}?tag=kestrel-20) "
                    f"(affiliate link), and the needles [this set](https://amzn.to/k{number}) (affiliate link).")
    if links > 2:  # link-heavy corpus: `links` outbound links in all (the two above, when there, included)
        body.append(link_paragraph(rng, number, links - 2 if slugs else links))
    body.append(f"### {sentence(rng, 3)[:-1]}")
    body.append(paragraph(rng, 5))
    body.append(paragraph(rng, 3))
    return "\n".join(meta) + "\n\n" + "\n\n".join(body) + "\n"


LINK_HOSTS = ["makers.example", "care.example", "outdoors.example", "trailnews.example", "fabric-lab.example",
              "repair-cafe.example", "wool.example", "weather.example"]


def link_paragraph(rng: random.Random, number: int, count: int) -> str:
    """A "further reading" paragraph with ``count`` outbound links, some in a list, some inline."""
    links = [f"[{' '.join(rng.choice(WORDS) for _ in range(3))}](https://{rng.choice(LINK_HOSTS)}/"
             f"{rng.choice(WORDS)}/{number}-{position}?ref=kestrel)" for position in range(count)]
    inline, listed = links[: count // 2], links[count // 2:]
    text = " ".join(f"{sentence(rng, 8)[:-1]} {link}." for link in inline)
    return text + "\n\n" + "\n".join(f"- {link}: {sentence(rng, 6)}" for link in listed)


def question_entries(rng: random.Random, count: int, slugs: list[str], newest: dt.date) -> list[dict]:
    entries = []
    span = spread(newest)
    for number in range(count):
        asked = START.date() + dt.timedelta(days=int(span * number / max(count, 1)))
        # As on a real blog, questions still open are recent ones; older ones got an answer or a reason.
        recent = (newest - asked).days < 60
        status = rng.choices(["answered", "open", "declined"], weights=[7, 2, 1] if recent else [9, 0, 1])[0]
        consent = rng.choice(["named", "anonymous"])
        entry = {"id": f"q-{number:05d}", "asked": asked, "question": sentence(rng, 16)[:-1] + "?",
                 "asker": {"consent": consent}, "topic": rng.choice(TOPICS), "status": status}
        if consent == "named":
            entry["asker"]["name"] = rng.choice(["Dana", "Marta", "Ola", "Sam", "Kit"])
            entry["asker"]["region"] = rng.choice(["Ohio", "Cumbria", "Asturias", "Otago"])
        responded = min(asked + dt.timedelta(days=rng.randint(1, 25)), newest)
        if status == "answered":
            entry["answer"] = f"{paragraph(rng, 3)}\n\n- {sentence(rng, 8)}\n- {sentence(rng, 8)}\n"
            entry["responded_on"] = responded
            entry["responded_by"] = rng.choice(AUTHORS[:3])
        elif status == "declined":
            entry["reason"] = paragraph(rng, 2)
            entry["responded_on"] = responded
        if slugs and rng.random() < 0.4:
            entry["related"] = rng.sample(slugs, min(len(slugs), rng.randint(1, 2)))
        entries.append(entry)
    return entries


def feedback_entries(rng: random.Random, count: int, slugs: list[str], newest: dt.date) -> list[dict]:
    entries = []
    span = spread(newest)
    for number in range(count):
        received = START.date() + dt.timedelta(days=int(span * number / max(count, 1)))
        status = rng.choice(["heard", "planned", "in_progress", "shipped", "declined"])
        updated = min(received + dt.timedelta(days=rng.randint(20, 60)), newest)
        if updated <= received:
            status = "heard"
        entry = {"id": f"fb-{number:05d}", "received": received,
                 "source": rng.choice(["survey", "email", "comment", "support", "event"]),
                 "theme": rng.choice(THEMES), "said": sentence(rng, 15),
                 "consent": rng.choice(["quote", "paraphrase"]), "count": rng.randint(1, 30), "status": status}
        if status != "heard":
            entry["did"] = f"{paragraph(rng, 2)}\n\nSee [the notes](https://kestrel.example/notes/{number}).\n"
            entry["updated"] = updated
            entry["history"] = [{"date": received + (updated - received) / 2, "status": "heard",
                                 "note": sentence(rng, 6)}]
        if status == "declined":
            entry["reason"] = sentence(rng, 16)
        if slugs and rng.random() < 0.3:
            entry["links"] = [rng.choice(slugs)]
        entries.append(entry)
    return entries


def spread(newest: dt.date) -> int:
    """Days over which questions and feedback arrive: the blog's life, less its last month."""
    days = (newest - START.date()).days
    return days - 30 if days > 60 else days // 2


def kind_of(number: int) -> str:
    """About 10 % sponsored, 7 % affiliate, the rest plain, spread evenly."""
    position = (number * 37) % 100
    return "sponsored" if position < 10 else "affiliate" if position < 17 else "plain"


def write_corpus(folder: Path, articles: int = 1000, questions: int = 500, feedback: int = 1000,
                 seed: int = 7, links: int = 0) -> Path:
    """Write the corpus under ``folder/content``; returns that path. ``links`` above 2 makes it
    link-heavy: every post then carries that many outbound links (affiliate posts two more)."""
    rng = random.Random(seed)
    content = Path(folder) / "content"
    (content / "articles").mkdir(parents=True, exist_ok=True)
    (content / "pages").mkdir(exist_ok=True)
    (content / "data").mkdir(exist_ok=True)
    slugs = [f"post-{number:05d}" for number in range(articles)]
    learned_ids = [f"fb-{number:05d}" for number in range(feedback)]
    for number in range(articles):
        text = article_text(rng, number, slugs[:number], kind_of(number), learned_ids, links)
        (content / "articles" / f"{slugs[number]}.md").write_text(text, encoding="utf-8")
    for slug, (title, body) in PAGES.items():
        text = body.replace("{text}", paragraph(rng, 4))
        (content / "pages" / f"{slug}.md").write_text(
            f"Title: {title}\nSlug: {slug}\nSummary: {sentence(rng)}\n\n{text}\n", encoding="utf-8")
    newest = (START + dt.timedelta(hours=17 * max(articles - 1, 0))).date()
    dump(content / "data" / "questions.yaml", {"questions": question_entries(rng, questions, slugs, newest)})
    dump(content / "data" / "feedback.yaml", {"feedback": feedback_entries(rng, feedback, slugs, newest)})
    return content


def dump(path: Path, document: dict) -> None:
    path.write_text(yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def touch_article(content: Path, number: int, edit: int) -> Path:
    """Edit one article's body (the edit-to-refresh loop's change); returns its path."""
    path = sorted((content / "articles").glob("*.md"))[number]
    text = path.read_text(encoding="utf-8")
    marker = "\n\nEdit marker "
    text = text.split(marker)[0].rstrip("\n") + f"{marker}{edit}: one more sentence about the seam tape.\n"
    path.write_text(text, encoding="utf-8")
    return path
