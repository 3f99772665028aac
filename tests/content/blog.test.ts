// Issue 5: listings, authors, images, feeds, sitemap, drafts, sub-path hosting.
import { readdirSync, readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { htmlPages, pageAt, productionSite, projectCopy, ROOT, runScript } from "../support/site.ts";

const POST_URL = "/en/blog/so-what-exactly-is-a-product-manager-anyway/";
const SITE_URL = "https://careers.digital.canada.ca";

/** Every text file of a build, and Pagefind's compressed index fragments unpacked. */
function allText(site: string): string {
  let text = "";
  for (const entry of readdirSync(site, { recursive: true, encoding: "utf8" })) {
    const file = path.join(site, entry);
    if (/\.(html|xml|txt|json|js)$|_headers$/.test(entry)) text += readFileSync(file, "utf8");
    else if (entry.endsWith(".pf_fragment")) text += gunzipSync(readFileSync(file)).toString("utf8");
  }
  return text;
}

describe("feeds", () => {
  for (const lang of ["en", "fr"]) {
    it(`/${lang}/feed.xml is well-formed Atom with the post, full content and absolute URLs`, () => {
      const xml = readFileSync(path.join(productionSite, lang, "feed.xml"), "utf8");
      expect(XMLValidator.validate(xml)).toBe(true);
      const $ = cheerio.load(xml, { xml: true });
      expect($("feed").attr("xmlns")).toBe("http://www.w3.org/2005/Atom");
      expect($("feed").attr("xml:lang")).toBe(`${lang}-CA`);
      const entry = $("entry");
      expect(entry).toHaveLength(1);
      expect(entry.find("link").attr("href")).toMatch(new RegExp(`^${SITE_URL}/${lang}/blog`));
      expect(entry.find("author name").map((_, n) => $(n).text()).get()).toContain("Clémentine Hahn");
      const content = entry.find("content").text();
      expect(content.length).toBeGreaterThan(3000);
      expect(content).not.toMatch(/(href|src)="\/(?!\/)/);
    });
  }

  it("every page links to its language's feed", () => {
    for (const url of htmlPages(productionSite).filter((u) => /^\/(en|fr)\//.test(u))) {
      const $ = pageAt(productionSite, url);
      expect($('link[rel=alternate][type="application/atom+xml"]').attr("href"), url).toBe(`/${url.slice(1, 3)}/feed.xml`);
    }
  });
});

describe("the sitemap and robots.txt", () => {
  it("lists every built page but the 404, with its twin as an alternate", () => {
    const xml = readFileSync(path.join(productionSite, "sitemap.xml"), "utf8");
    expect(XMLValidator.validate(xml)).toBe(true);
    const $ = cheerio.load(xml, { xml: true });
    const locs = $("url > loc").map((_, l) => $(l).text().replace(SITE_URL, "")).get().sort();
    expect(locs).toEqual(htmlPages(productionSite).filter((u) => u !== "/404.html"));
    const role = $("url").filter((_, u) => $(u).find("loc").text() === `${SITE_URL}/en/roles/product-manager/`);
    expect(role.find('xhtml\\:link[hreflang="fr"]').attr("href")).toBe(`${SITE_URL}/fr/roles/gestionnaire-de-produits/`);
  });

  it("is named by robots.txt, and the 404 page is bilingual", () => {
    expect(readFileSync(path.join(productionSite, "robots.txt"), "utf8")).toContain(`Sitemap: ${SITE_URL}/sitemap.xml`);
    const $ = pageAt(productionSite, "/404.html");
    expect($('[lang="en"] a[href="/en/"]')).toHaveLength(1);
    expect($('[lang="fr"] a[href="/fr/"]')).toHaveLength(1);
  });
});

describe("the post page", () => {
  const $ = pageAt(productionSite, POST_URL);

  it("has a hero image with width, height and a modern format, from eleventy-img", () => {
    const picture = $("main picture.hero");
    expect(picture.find('source[type="image/webp"]').attr("srcset")).toMatch(/\/img\/generated\/.+\.webp \d+w/);
    const img = picture.find("img");
    expect(Number(img.attr("width"))).toBeGreaterThan(0);
    expect(Number(img.attr("height"))).toBeGreaterThan(0);
    expect(img.attr("src")).toMatch(/\.jpeg$/);
  });

  it("links each author to their page, in the post's language", () => {
    expect($(".post__meta a").map((_, a) => $(a).attr("href")).get()).toEqual([
      "/en/authors/bryan-willey/",
      "/en/authors/clementine-hahn/",
      "/en/authors/courtney-claessens/",
      "/en/authors/dan-tse/",
      "/en/authors/stevie-ray-talbot/",
    ]);
  });

  it("has Open Graph, Twitter card and BlogPosting metadata with absolute URLs", () => {
    expect($('meta[property="og:type"]').attr("content")).toBe("article");
    expect($('meta[property="article:published_time"]').attr("content")).toBe("2019-07-23T13:00:00.000Z");
    expect($('meta[property="og:image"]').attr("content")).toMatch(new RegExp(`^${SITE_URL}/img/cards/[0-9a-f]{16}\\.jpg$`)); // the hero, cropped to 1200 × 630
    expect($('meta[property="og:description"]').attr("content")).toMatch(/^In a Q&A/);
    expect($('meta[name="twitter:card"]').attr("content")).toBe("summary_large_image");
    const ld = JSON.parse($('script[type="application/ld+json"]').text()) as Record<string, unknown>;
    expect(ld["@type"]).toBe("BlogPosting");
    expect(ld.url).toBe(`${SITE_URL}${POST_URL}`);
    expect(String(ld.image)).toMatch(new RegExp(`^${SITE_URL}/`));
    expect((ld.author as unknown[]).length).toBe(5);
  });
});

describe("the listing", () => {
  it("shows each post's title link, date, authors, description and thumbnail with the post's image-alt", () => {
    const $ = pageAt(productionSite, "/en/blog/");
    const card = $(".post-card");
    expect(card.find("h2 a").attr("href")).toBe(POST_URL);
    expect(card.find("time").text()).toBe("July 23, 2019");
    expect(card.text()).toContain("Stevie-Ray Talbot");
    expect(card.text()).toContain("In a Q&A, meet CDS’ product managers");
    const thumb = card.find("picture.thumb img");
    expect(thumb.attr("alt")).toMatch(/^A team of 5 smiling CDS distributed product managers/);
    expect(thumb.attr("loading")).toBe("lazy");
    const fr = pageAt(productionSite, "/fr/blogue/");
    expect(fr(".post-card picture.thumb img").attr("alt")).not.toBe(thumb.attr("alt"));
  });

  describe("with 25 more posts", () => {
    const copy = projectCopy();
    let site = "";
    beforeAll(async () => {
      for (let i = 1; i <= 25; i++) {
        const day = String(i).padStart(2, "0");
        // Odd posts use Nunjucks in their text, even ones are plain Markdown
        // (which skips the Nunjucks pass).
        const text = i % 2 ? "Text of {{ title }}, {% if author %}by {{ author }}{% endif %}." : `Text of post ${i}, { as written }.`;
        copy.write(
          `src/blog/fixture-${day}.md`,
          `---\nlayout: blog\ntitle: Fixture post ${day}\ndescription: Post number ${i}.\nauthor: Dan Tse\ndate: 2024-01-${day}\n---\n${text}\n`,
        );
      }
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
      expect(build.status, build.output).toBe(0);
      site = path.join(copy.dir, "_site");
    });
    afterAll(() => copy.remove());

    it("paginates into 3 pages of at most 10, newest first, with working previous and next links", () => {
      const pages = ["/en/blog/", "/en/blog/page/2/", "/en/blog/page/3/"].map((url) => pageAt(site, url));
      expect(pages.map(($) => $(".post-card").length)).toEqual([10, 10, 6]);
      expect(pages[0]!(".post-card h2 a").first().text()).toBe("Fixture post 25");
      expect(pages[2]!(".post-card h2 a").last().attr("href")).toBe(POST_URL);
      const nav = ($: cheerio.CheerioAPI) => $("nav.gc-pagination");
      expect(nav(pages[0]!).attr("aria-label")).toBe("Pagination");
      expect(nav(pages[0]!).find("a[rel=next]").attr("href")).toBe("/en/blog/page/2/");
      expect(nav(pages[0]!).find("a[rel=prev]")).toHaveLength(0);
      expect(nav(pages[1]!).find("a[rel=prev]").attr("href")).toBe("/en/blog/");
      expect(nav(pages[1]!).find("a[rel=next]").attr("href")).toBe("/en/blog/page/3/");
      expect(nav(pages[2]!).find("a[rel=next]")).toHaveLength(0);
      expect(nav(pages[1]!).find('a[aria-current="page"]').text()).toContain("2");
      // French pagination is in French; the French listing has only its own posts.
      const fr = pageAt(site, "/fr/blogue/");
      expect(fr("nav.gc-pagination")).toHaveLength(0);
      expect(fr(".post-card")).toHaveLength(1);
    });

    it("publishes a post's template syntax as written, and any other text as written (content is data)", () => {
      expect(pageAt(site, "/en/blog/fixture-post-09/")(".post__body").text().trim()).toBe("Text of {{ title }}, {% if author %}by {{ author }}{% endif %}.");
      expect(pageAt(site, "/en/blog/fixture-post-10/")(".post__body").text().trim()).toBe("Text of post 10, { as written }.");
    });

    it("links each post to its older and newer neighbour in the same language", () => {
      const $ = pageAt(site, "/en/blog/fixture-post-10/");
      expect($(".post-nav a[rel=prev]").attr("href")).toBe("/en/blog/fixture-post-09/");
      expect($(".post-nav a[rel=next]").attr("href")).toBe("/en/blog/fixture-post-11/");
    });
  });
});

describe("a draft", () => {
  const copy = projectCopy();
  let production = "";
  let preview = "";
  beforeAll(async () => {
    copy.write("src/blog/draft.md", readFileSync(path.join(ROOT, "tests/fixtures/blog/draft.md"), "utf8"));
    const [prod, prev] = await Promise.all([
      runScript("scripts/build.ts", ["--output=_prod"], copy.dir, { ELEVENTY_ENV: "production" }),
      runScript("scripts/build.ts", ["--output=_preview"], copy.dir, { ELEVENTY_ENV: "preview" }),
    ]);
    expect(prod.status, prod.output).toBe(0);
    expect(prev.status, prev.output).toBe(0);
    production = path.join(copy.dir, "_prod");
    preview = path.join(copy.dir, "_preview");
  });
  afterAll(() => copy.remove());

  it("is nowhere in production: no page, listing, author page, feed, sitemap, tag or search index", () => {
    const text = allText(production);
    expect(text).toContain("So...what exactly is a product manager"); // the scan does see content
    for (const trace of ["An unpublished draft about hiring plans", "zanzibarquokka", "hiring-plans-secret", "an-unpublished-draft"]) {
      expect(text, trace).not.toContain(trace);
    }
  });

  it("is everywhere it should be in a preview, marked as a draft", () => {
    const $ = pageAt(preview, "/en/blog/an-unpublished-draft-about-hiring-plans/");
    expect($(".badge--draft").text()).toBe("Draft");
    expect(pageAt(preview, "/en/blog/")(".post-card h2 a").first().text()).toBe("An unpublished draft about hiring plans");
    expect(pageAt(preview, "/en/authors/courtney-claessens/")(".post-card").length).toBe(2);
    expect(readFileSync(path.join(preview, "en/feed.xml"), "utf8")).toContain("An unpublished draft about hiring plans");
  });
});

describe("hosted under a sub-path", () => {
  it("builds with PATH_PREFIX=/careers/, passing the internal link check, with every URL under /careers/", async () => {
    const copy = projectCopy();
    try {
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production", PATH_PREFIX: "/careers/" });
      expect(build.status, build.output).toBe(0);
      const site = path.join(copy.dir, "_site");
      const $ = pageAt(site, POST_URL);
      const urls = $("[href], [src]").map((_, el) => $(el).attr("href") ?? $(el).attr("src")).get();
      const rootRelative = urls.filter((u) => u.startsWith("/"));
      expect(rootRelative.length).toBeGreaterThan(20);
      for (const url of rootRelative) expect(url, url).toMatch(/^\/careers\//);
      expect($("source").attr("srcset")).toMatch(/^\/careers\/img\/generated\//);
      expect($('meta[property="og:image"]').attr("content")).toMatch(new RegExp(`^${SITE_URL}/careers/img/cards/`));
      expect($('link[rel="canonical"]').attr("href")).toBe(`${SITE_URL}/careers${POST_URL}`);
      const feed = readFileSync(path.join(site, "en/feed.xml"), "utf8");
      expect(feed).toContain(`${SITE_URL}/careers${POST_URL}`);
      expect(readFileSync(path.join(site, "sitemap.xml"), "utf8")).toContain(`<loc>${SITE_URL}/careers/en/</loc>`);
    } finally {
      copy.remove();
    }
  });
});
