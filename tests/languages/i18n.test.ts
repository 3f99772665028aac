// Issue 3: every page in English and French, paired with its twin.
import { readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import en from "../../src/_data/i18n/en.ts";
import fr from "../../src/_data/i18n/fr.ts";
import { htmlPages, pageAt, productionSite, projectCopy, ROOT, runScript } from "../support/site.ts";
import { browsing } from "../support/browser.ts";

const pages = htmlPages(productionSite).filter((url) => url.startsWith("/en/") || url.startsWith("/fr/"));

describe("the dictionaries", () => {
  it("have the same keys in English and French, none empty", () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) expect(value, key).not.toBe("");
  });
});

describe("twins", () => {
  it("every English page has a French twin whose toggle points back, and the other way round", () => {
    expect(pages.length).toBeGreaterThan(20);
    for (const url of pages) {
      const $ = pageAt(productionSite, url);
      const toggle = $(".gc-lang-toggle a");
      const twin = toggle.attr("href")!;
      const other = url.startsWith("/en/") ? "fr" : "en";
      expect(toggle.attr("lang"), url).toBe(other);
      expect(toggle.attr("hreflang"), url).toBe(other);
      expect(twin, url).toMatch(new RegExp(`^/${other}/`));
      const $twin = pageAt(productionSite, twin);
      expect($twin(".gc-lang-toggle a").attr("href"), `${twin} → ${url}`).toBe(url);
      expect($(`link[rel=alternate][hreflang=${other}]`).attr("href"), url).toMatch(new RegExp(`${twin}$`));
      expect($("link[rel=alternate][hreflang=x-default]").length, url).toBe(1);
      expect($("html").attr("lang"), url).toBe(url.slice(1, 3));
      expect($('meta[property="og:locale"]').attr("content"), url).toBe(`${url.slice(1, 3)}_CA`);
    }
  });

  it("use French words in French URLs", () => {
    expect(pages).toContain("/fr/roles/gestionnaire-de-produits/");
    expect(pages).toContain("/fr/blogue/");
    expect(pages).toContain("/fr/recherche/");
    expect(pages.some((u) => u.startsWith("/fr/blogue/alors-"))).toBe(true);
  });
});

describe("a page with no twin yet", () => {
  it("sends the toggle to the other language's home and says that no translation exists yet", async () => {
    const copy = projectCopy();
    try {
      copy.write(
        "src/blog/english-only.md",
        "---\nlayout: blog\ntitle: An English-only post\ndescription: Not translated yet.\nauthor: Dan Tse\ndate: 2024-02-01\ntranslationKey: english-only\n---\nText.\n",
      );
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
      expect(build.status, build.output).toBe(0);
      const $ = pageAt(path.join(copy.dir, "_site"), "/en/blog/an-english-only-post/");
      expect($(".gc-lang-toggle a").attr("href")).toBe("/fr/");
      expect($("main .gc-notice").text()).toBe("This page has not been translated into French yet.");
      expect($("link[rel=alternate][hreflang=fr]")).toHaveLength(0);
    } finally {
      copy.remove();
    }
  });
});

describe("the French pages", () => {
  it("keep the five level ids on the French role page", () => {
    const $ = pageAt(productionSite, "/fr/roles/gestionnaire-de-produits/");
    for (const id of ["associate", "pm", "senior", "principle", "head"]) expect($(`h2#${id}`), id).toHaveLength(1);
    expect($("main h1").text()).toBe("Gestionnaire de produits");
  });

  it("show the French post's date as 23 juillet 2019, and the authors' French job titles", () => {
    const url = pages.find((u) => u.startsWith("/fr/blogue/alors-"))!;
    const $ = pageAt(productionSite, url);
    expect($(".post__meta time").text()).toBe("23 juillet 2019");
    const $author = pageAt(productionSite, "/fr/auteurs/dan-tse/");
    expect($author(".lede").text()).toBe("Gestionnaire de produits");
    expect($author(".post-list .post-card__title a").attr("href")).toBe(url);
  });

  it("translate the editorial notes and keep them notes, so production strips them", () => {
    const source = readFileSync(path.join(ROOT, "src/roles/fr/gestionnaire-de-produits.md"), "utf8");
    expect(source.match(/<strong class="note">/g)).toHaveLength(6);
    expect(pageAt(productionSite, "/fr/roles/gestionnaire-de-produits/")(".note")).toHaveLength(0);
  });
});

describe("interface strings", () => {
  // Strings distinctive of one language; content in <main> may quote anything.
  const onlyEnglish = Object.entries(en).filter(([key, v]) => v !== (fr as Record<string, string>)[key] && v.length > 3 && !key.endsWith("Slug"));
  const onlyFrench = Object.entries(fr).filter(([key, v]) => v !== (en as Record<string, string>)[key] && v.length > 3 && !key.endsWith("Slug"));

  it("no English interface string appears outside <main> on a French page, nor French on an English one", () => {
    for (const url of pages) {
      const $ = pageAt(productionSite, url);
      $("main").remove();
      $("[lang]").not("html").remove(); // the toggle names the other language, in that language
      // Every piece of text a reader or a screen reader meets outside <main>.
      const texts = new Set<string>();
      $("body *").contents().each((_, node) => {
        if (node.type === "text" && node.data.trim()) texts.add(node.data.trim());
      });
      $("[aria-label], [alt], [title]").each((_, el) => {
        for (const name of ["aria-label", "alt", "title"]) if ($(el).attr(name)) texts.add($(el).attr(name)!);
      });
      texts.add($("head title").text());
      const foreign = url.startsWith("/fr/") ? onlyEnglish : onlyFrench;
      for (const [key, value] of foreign) {
        expect(texts.has(value), `${url} shows ${key}: "${value}"`).toBe(false);
      }
      expect(texts.size, url).toBeGreaterThan(10);
    }
  });
});

describe("the language-selection page", () => {
  it("links to both homes and declares both languages", () => {
    const $ = pageAt(productionSite, "/");
    expect($('a[href="/en/"]').closest("[lang]").attr("lang")).toBe("en");
    expect($('a[href="/fr/"]').closest("[lang]").attr("lang")).toBe("fr");
    expect($("link[rel=alternate][hreflang=en]").length).toBe(1);
    expect($("link[rel=alternate][hreflang=fr]").length).toBe(1);
  });
});

describe("in Chromium", () => {
  const site = browsing(productionSite);

  it("the toggle on the English role page at #senior lands on the French page at #senior", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.origin}/en/roles/product-manager/#senior`);
    await Promise.all([page.waitForURL(/\/fr\//), page.click(".gc-lang-toggle a")]);
    expect(page.url()).toBe(`${site.origin}/fr/roles/gestionnaire-de-produits/#senior`);
    expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("senior");
    await page.close();
  });

  it("without JavaScript the toggle still goes to the twin", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.origin}/en/roles/product-manager/#senior`);
    await Promise.all([page.waitForURL(/\/fr\//), page.click(".gc-lang-toggle a")]);
    expect(page.url()).toBe(`${site.origin}/fr/roles/gestionnaire-de-produits/`);
    await context.close();
  });
});

describe("dates", () => {
  it("show a date written without a time as that day, in both languages, and a timed one in Toronto's day", async () => {
    const { formatDate } = await import("../../src/_config/languages/i18n.ts");
    const day = yaml.load("date: 2024-01-10") as { date: Date };
    expect(formatDate(day.date, "en")).toBe("January 10, 2024");
    expect(formatDate(day.date, "fr")).toBe("10 janvier 2024");
    expect(formatDate(new Date("2019-07-23T13:00:00.000Z"), "en")).toBe("July 23, 2019");
    expect(formatDate(new Date("2019-07-24T02:00:00.000Z"), "en")).toBe("July 23, 2019");
  });
});
