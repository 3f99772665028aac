// Issue 7: what editors write is text, never markup. A copy of the project gets
// a post titled <script>alert(1)</script> (tests/fixtures/quality/hostile-title.md)
// and a redirect, and the copy's production build is checked: the title is
// shown as text in its page, the listings, the author page, the feed, the
// meta tags and the JSON-LD, and the redirect page passes the same security,
// link and HTML checks as every other page.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/_data/i18n/en.ts";
import { build, fileFor, htmlPages, projectCopy } from "../support/site.ts";
import { checkLinks, formatLinkProblems } from "../support/links.ts";
import { formatVnu, pageSecurityProblems, vnuErrors } from "../support/quality.ts";

const TITLE = "<script>alert(1)</script>";
const DESCRIPTION = 'Markup in a description: <img src=x onerror=alert(2)> & "quotes" are text too.';
const SEED_POST = "/en/blog/so-what-exactly-is-a-product-manager-anyway/";
const REDIRECT = { from: "/en/roles/pm/", to: "/en/roles/product-manager/" };

let copy: ReturnType<typeof projectCopy>;
let site: string;
let post: string;

const read = (url: string) => readFileSync(fileFor(site, url), "utf8");
/** Markup that would run: the raw <script> or <img onerror> of the fixture, anywhere in a file. */
const live = (text: string) => /<script>alert|<img src=x onerror/i.test(text);

beforeAll(() => {
  copy = projectCopy();
  copy.copy("tests/fixtures/quality/hostile-title.md", "src/blog/hostile-title.md");
  const redirectsFile = path.join(copy.dir, "src/_data/redirects.ts");
  const source = readFileSync(redirectsFile, "utf8");
  const withRedirect = source.replace(/(const redirects\s*:\s*Redirect\[\]\s*=\s*\[)/, `$1\n  ${JSON.stringify(REDIRECT)},`);
  if (withRedirect === source) throw new Error("src/_data/redirects.ts no longer declares `const redirects: Redirect[] = [`: update this test.");
  copy.write("src/_data/redirects.ts", withRedirect);
  const result = build("production", "_site", copy.dir);
  if (result.status !== 0) throw new Error(`The fixture build failed:\n${result.output}`);
  site = result.dir;
  const found = htmlPages(site).find((url) => url.startsWith("/en/blog/") && cheerio.load(read(url))("article.post h1").text() === TITLE);
  if (!found) throw new Error(`No post page in ${site} has the <h1> ${TITLE}`);
  post = found;
});
afterAll(() => copy?.remove());

describe("a post titled <script>alert(1)</script>", () => {
  it("shows the title as text on its page, and runs nothing", () => {
    const html = read(post);
    const $ = cheerio.load(html);
    expect(live(html)).toBe(false);
    expect($("h1").text()).toBe(TITLE);
    expect($(".lede").text()).toBe(DESCRIPTION);
    expect($("img[onerror]")).toHaveLength(0);
    expect($("script").filter((_, s) => $(s).attr("type") !== "application/ld+json" && $(s).text().includes("alert"))).toHaveLength(0);
  });

  it("carries it as text in <title>, the description, og: and twitter: tags", () => {
    const $ = cheerio.load(read(post));
    expect($("head title").text()).toBe(`${TITLE} – ${en.siteName}`);
    expect($('meta[property="og:title"]').attr("content")).toBe(TITLE);
    expect($('meta[name="twitter:title"]').attr("content")).toBe(TITLE);
    expect($('meta[name="description"]').attr("content")).toBe(DESCRIPTION);
    expect($('meta[property="og:description"]').attr("content")).toBe(DESCRIPTION);
    expect($('meta[name="twitter:description"]').attr("content")).toBe(DESCRIPTION);
  });

  it("escapes it in the JSON-LD, which no </script> can close early", () => {
    const html = read(post);
    const json = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(json).toBeDefined();
    expect(json).not.toMatch(/<\/?script/i);
    expect(json).toContain("\\u003cscript>alert(1)\\u003c/script>");
    const data = JSON.parse(json!) as { headline: string; description: string };
    expect(data.headline).toBe(TITLE);
    expect(data.description).toBe(DESCRIPTION);
  });

  it("shows it as text in the blog listing, Dan Tse's page and the older post's link to it", () => {
    for (const [url, selector] of [
      ["/en/blog/", ".post-card__title a"],
      ["/en/authors/dan-tse/", ".post-card__title a"],
      [SEED_POST, ".post-nav a"],
    ] as const) {
      const html = read(url);
      const $ = cheerio.load(html);
      expect(live(html), url).toBe(false);
      const link = $(selector).filter((_, a) => $(a).attr("href") === post);
      expect(link, url).toHaveLength(1);
      expect(link.text(), url).toContain(TITLE);
      expect($("script").filter((_, s) => $(s).text().includes("alert(1)") && $(s).attr("type") !== "application/ld+json"), url).toHaveLength(0);
    }
    const $listing = cheerio.load(read("/en/blog/"));
    expect($listing(".post-card p").filter((_, p) => $listing(p).text() === DESCRIPTION)).toHaveLength(1);
  });

  it("escapes it in the Atom feed", () => {
    const feed = readFileSync(path.join(site, "en", "feed.xml"), "utf8");
    expect(feed).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(live(feed)).toBe(false);
    const $ = cheerio.load(feed, { xml: true });
    const entry = $("entry").filter((_, e) => $(e).children("title").text() === TITLE);
    expect(entry).toHaveLength(1);
    expect(entry.children("summary").text()).toBe(DESCRIPTION);
  });

  it("leaves every page of the build with no inline script, handler or style, and no raw markup of it", () => {
    const problems = htmlPages(site).flatMap((url) => {
      const html = read(url);
      return [...pageSecurityProblems(html), ...(live(html) ? ["the fixture's markup appears unescaped"] : [])].map((p) => `${url}: ${p}`);
    });
    expect(problems).toEqual([]);
  });
});

describe("a redirect page", () => {
  it("sends readers on, with the site's Content-Security-Policy and Referrer-Policy", () => {
    const html = read(REDIRECT.from);
    const $ = cheerio.load(html);
    expect($('meta[http-equiv="refresh"]').attr("content")).toBe(`0; url=${REDIRECT.to}`);
    expect(pageSecurityProblems(html)).toEqual([]);
  });

  it("and the fixtures' pages have no broken link and no HTML error", async () => {
    const problems = checkLinks(site);
    if (problems.length) expect.fail(formatLinkProblems(problems));
    const errors = await vnuErrors([fileFor(site, REDIRECT.from), fileFor(site, post)]);
    if (errors.length) expect.fail(formatVnu(errors, site));
  });
});
