// Site search on /search/ (theme/templates/search.html): loads Pagefind's own
// pagefind.js from this site and draws the results as listing cards: title,
// date, excerpt and the disclosure badges of disclosed posts. Nothing is
// loaded from another host; all text is inserted as text, never as HTML.

const TYPE_LABELS = {
  article: "Post",
  roundup: "Reader questions",
  learned: "What we learned",
  page: "Page",
};
const MAX_RESULTS = 20;

const form = document.querySelector("form[data-pagefind-bundle]");
if (form) {
  start(form);
}

async function start(form) {
  const input = form.querySelector("input[name=q]");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const bundle = new URL(form.dataset.pagefindBundle, document.baseURI);
  let pagefind;
  try {
    pagefind = await import(new URL("pagefind.js", bundle).href);
    // Result URLs are relative to the folder that holds pagefind/, so a site
    // published under a sub-path (https://example.org/blog/) links correctly.
    await pagefind.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24 });
    await pagefind.init();
  } catch (error) {
    status.textContent = "Search could not start. Use the lists below to find a post.";
    return;
  }
  document.getElementById("search-fallback").hidden = true;
  form.hidden = false;

  let latest = 0;
  async function run(term) {
    const ticket = ++latest;
    if (!term) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    const search = await pagefind.debouncedSearch(term, {}, 150);
    if (search === null || ticket !== latest) {
      return; // a newer search replaced this one
    }
    const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (ticket !== latest) {
      return;
    }
    list.replaceChildren(...found.map(card));
    const count = search.results.length;
    status.textContent = count === 0 ? `Nothing found for “${term}”.`
      : `${count} ${count === 1 ? "result" : "results"} for “${term}”` +
        (count > MAX_RESULTS ? `, the first ${MAX_RESULTS} shown.` : ".");
  }

  input.addEventListener("input", () => run(input.value.trim()));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const term = input.value.trim();
    const url = new URL(location.href);
    if (term) {
      url.searchParams.set("q", term);
    } else {
      url.searchParams.delete("q");
    }
    history.replaceState(null, "", url);
    run(term);
  });
  const initial = new URLSearchParams(location.search).get("q");
  if (initial) {
    input.value = initial;
    run(initial.trim());
  }
}

function element(name, className, text) {
  const node = document.createElement(name);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

// One result, shaped like a listing card (macros.html, article_card).
function card(data) {
  const meta = data.meta || {};
  const item = document.createElement("li");
  const article = element("article", "card");
  const heading = element("h2", "card-title");
  const link = element("a", "", meta.title || data.url);
  link.href = data.url;
  heading.append(link);
  article.append(heading);

  if (meta.badges) {
    const badges = element("span", "badges");
    for (const label of meta.badges.split("|")) {
      badges.append(element("span", "badge", label));
    }
    article.append(badges);
  }

  const line = element("p", "meta");
  const type = ((data.filters || {}).type || [])[0];
  if (meta.date) {
    const time = element("time", "", meta.date);
    if (meta.datetime) {
      time.dateTime = meta.datetime;
    }
    line.append(time);
  }
  if (type && TYPE_LABELS[type]) {
    line.append((meta.date ? " · " : "") + TYPE_LABELS[type]);
  }
  if (line.childNodes.length) {
    article.append(line);
  }

  const summary = element("p", "summary");
  summary.append(...excerpt(data.excerpt || ""));
  article.append(summary);
  item.append(article);
  return item;
}

// Pagefind's excerpt marks the matched words with <mark>; keep those and
// turn everything else into plain text.
function excerpt(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  return Array.from(parsed.body.childNodes, (node) =>
    node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent));
}
