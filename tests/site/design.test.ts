// Issue 10: the GC Design System's look, from the site's own origin.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { fileFor, htmlPages, pageAt, productionSite } from "../support/site.ts";

const pages = htmlPages(productionSite);
const languagePages = pages.filter((url) => /^\/(en|fr)\//.test(url));
const homes = ["/en/", "/fr/"];

describe("every page", () => {
  it("loads one stylesheet, from the site's own origin, and its fonts from there too", () => {
    for (const url of pages) {
      const $ = pageAt(productionSite, url);
      const sheets = $('link[rel="stylesheet"]').map((_, l) => $(l).attr("href")!).get();
      expect(sheets, url).toHaveLength(1);
      expect(sheets[0], url).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    }
    const css = readFileSync(path.join(productionSite, pageAt(productionSite, "/en/")('link[rel="stylesheet"]').attr("href")!), "utf8");
    const fontUrls = [...css.matchAll(/url\(["']?([^"')]+)/g)].map((m) => m[1]!);
    expect(fontUrls.length).toBeGreaterThan(0);
    for (const font of fontUrls) {
      expect(font).not.toMatch(/^(https?:)?\/\//);
      expect(readFileSync(path.join(productionSite, "assets", font))).toBeTruthy();
    }
    expect(css).toContain("font-display:swap");
    expect(css).not.toMatch(/@import/);
  });

  it("has the GC signature and the language toggle in its header, and the Canada wordmark in its footer", () => {
    for (const url of languagePages) {
      const $ = pageAt(productionSite, url);
      const lang = url.slice(1, 3);
      // Drawn with <use> so that its words can follow forced colours (issue 19);
      // named by the link's own text, in both languages as the signature reads (issue 23).
      const signature = $(`header .gc-signature svg[aria-hidden=true]:has(use[href="/img/gc/sig-blk-${lang}.svg#gc-signature"])`);
      expect(signature, url).toHaveLength(1);
      expect(signature.attr("aria-label"), url).toBeUndefined();
      const link = $("header a.gc-signature");
      expect(link.find(".visually-hidden").text(), url).toBe(
        lang === "en" ? "Government of Canada / Gouvernement du Canada" : "Gouvernement du Canada / Government of Canada",
      );
      expect(link.find(".visually-hidden [lang]").attr("lang"), url).toBe(lang === "en" ? "fr" : "en");
      expect(link.attr("href"), url).toBe(`/${lang}/`);
      expect($("header .gc-lang-toggle a[hreflang]"), url).toHaveLength(1);
      expect($("header form[role=search] input[name=q]"), url).toHaveLength(1);
      expect($(`footer svg.gc-wordmark[role=img][aria-label]:has(use[href="/img/gc/wmms-spl-${lang}.svg#gc-wordmark"])`), url).toHaveLength(1);
      expect($("footer .gc-footer__main a[href^='https://www.canada.ca/']").length, url).toBe(3);
    }
  });

  it("has breadcrumbs below the homes, starting at its language's home", () => {
    for (const url of languagePages) {
      const $ = pageAt(productionSite, url);
      const crumbs = $("nav.gc-breadcrumbs");
      if (homes.includes(url)) {
        expect(crumbs, url).toHaveLength(0);
      } else {
        expect(crumbs.attr("aria-label"), url).toBe(url.startsWith("/en/") ? "Breadcrumb" : "Chemin de navigation");
        expect(crumbs.find("a").first().attr("href"), url).toBe(url.slice(0, 4));
      }
    }
  });

  it("ends its content with the GCDS date-modified block and an edit link", () => {
    for (const url of languagePages) {
      const $ = pageAt(productionSite, url);
      expect($("main .edit-link a").attr("href"), url).toMatch(/^https:\/\/github\.com\/.+\/edit\/main\/src\//);
    }
  });
});

describe("the page weight", () => {
  it("keeps the role page and a post at or under 10 KB of gzip-compressed HTML, in both languages", () => {
    for (const url of ["/en/roles/product-manager/", "/fr/roles/gestionnaire-de-produits/", "/en/blog/so-what-exactly-is-a-product-manager-anyway/"]) {
      expect(gzipSync(readFileSync(fileFor(productionSite, url))).length, url).toBeLessThanOrEqual(10 * 1024);
    }
    const frenchPost = htmlPages(productionSite).find((url) => url.startsWith("/fr/blogue/") && !url.includes("/page/") && url !== "/fr/blogue/");
    expect(frenchPost).toBeDefined();
    expect(gzipSync(readFileSync(fileFor(productionSite, frenchPost!))).length, frenchPost).toBeLessThanOrEqual(10 * 1024);
  });

  it("ships a stylesheet small enough for the budget: only the tokens and rules the pages use", () => {
    const $ = pageAt(productionSite, "/en/roles/product-manager/");
    const css = readFileSync(path.join(productionSite, $('link[rel="stylesheet"]').attr("href")!), "utf8");
    // The budget is what travels: 4 KB compressed (issue 17). The print block
    // (issue 18) and the forced-colours and reduced-motion blocks (issue 19)
    // took the minified file past 14 KiB.
    expect(gzipSync(css).length).toBeLessThanOrEqual(4 * 1024);
    expect(css.length).toBeLessThan(15 * 1024);
    const tokens = new Set([...css.matchAll(/(--gcds-[\w-]+):/g)].map((m) => m[1]!));
    for (const token of tokens) expect(css, `${token} is declared but never used`).toContain(`var(${token}`);
  });
});
