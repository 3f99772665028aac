// The search page's results, as the reader types, from Pagefind's index.
// Loaded on the search page only. Without it the page's form and links still work.
(async (scriptUrl) => {
  const form = document.querySelector("[data-search]");
  if (!form) return;
  const input = form.querySelector("input[name=q]");
  const status = document.querySelector("[data-search-status]");
  const list = document.querySelector("[data-search-results]");
  const hint = document.querySelector("[data-search-hint]");
  const strings = JSON.parse(form.dataset.strings);
  const say = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);

  // The page's language has its own index (scripts/search-index.ts); result
  // URLs start at the site's root, the folder above /assets/.
  let pagefind;
  try {
    pagefind = await import(new URL(`../${document.documentElement.lang}/pagefind/pagefind.js`, scriptUrl).href);
  } catch {
    return; // no index (a preview build): the form and links still work
  }
  await pagefind.options({ baseUrl: new URL("../", scriptUrl).pathname });
  await pagefind.init();

  const link = (url, text) => {
    const a = document.createElement("a");
    a.href = url;
    a.textContent = text;
    return a;
  };
  const excerpt = (html) => {
    const p = document.createElement("p");
    p.innerHTML = html; // Pagefind's excerpt of our own pages, with <mark> around the matches
    return p;
  };

  let latest = 0;
  async function run(query) {
    const ticket = ++latest;
    const q = query.trim();
    if (!q) {
      list.replaceChildren();
      status.textContent = "";
      hint.hidden = false;
      return;
    }
    const search = await pagefind.debouncedSearch(q, {}, 200);
    if (search === null || ticket !== latest) return;
    const results = await Promise.all(search.results.slice(0, 20).map((r) => r.data()));
    if (ticket !== latest) return;
    list.replaceChildren(
      ...results.map((result) => {
        const li = document.createElement("li");
        const h = document.createElement("h2");
        h.append(link(result.url, result.meta.title));
        li.append(h, excerpt(result.excerpt));
        // The sections (e.g. a role's levels) that match best, best first.
        const weight = (sub) => (sub.weighted_locations ?? []).reduce((sum, l) => sum + l.weight, 0);
        const subs = (result.sub_results ?? [])
          .filter((sub) => sub.url !== result.url)
          .sort((a, b) => weight(b) - weight(a))
          .slice(0, 3);
        if (subs.length) {
          const ul = document.createElement("ul");
          for (const sub of subs) {
            const item = document.createElement("li");
            item.append(link(sub.url, sub.title), excerpt(sub.excerpt));
            ul.append(item);
          }
          li.append(ul);
        }
        return li;
      }),
    );
    hint.hidden = results.length > 0;
    const n = search.results.length;
    status.textContent = say(n === 0 ? strings.none : n === 1 ? strings.one : strings.many, { n, q });
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    history.replaceState(null, "", `?q=${encodeURIComponent(input.value)}`);
    run(input.value);
  });
  input.addEventListener("input", () => run(input.value));

  // A query from ?q=, or what the reader typed while the index was loading.
  const initial = new URLSearchParams(location.search).get("q");
  if (initial && !input.value) input.value = initial;
  if (input.value) run(input.value);
})(document.currentScript.src);
