// Issue 8: find a role, a level or a post, in either language.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { htmlPages, pageAt, productionSite, projectCopy, ROOT, runScript } from "../support/site.ts";
import { launch } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Types a query into the search page and waits for the count to be announced. */
async function search(page: Page, query: string): Promise<{ status: string; links: string[] }> {
  await page.fill("#search-input", query);
  await page.waitForFunction((q) => document.querySelector("[data-search-status]")?.textContent?.includes(q), query);
  return {
    status: (await page.textContent("[data-search-status]")) ?? "",
    links: await page.$$eval("[data-search-results] a", (as) => as.map((a) => a.getAttribute("href") ?? "")),
  };
}

describe("the search pages", () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serve(productionSite);
  });
  afterAll(async () => {
    await server?.close();
  });

  it("'stakeholder' on the English page lists the Product manager role", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/en/search/`);
    const { status, links } = await search(page, "stakeholder");
    expect(status).toMatch(/^\d+ results? for “stakeholder”\.$/);
    expect(links).toContain("/en/roles/product-manager/");
    expect(links.every((l) => l.startsWith("/en/"))).toBe(true);
    await page.close();
  });

  it("'parties prenantes' on the French page lists the French role", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fr/recherche/`);
    const { status, links } = await search(page, "parties prenantes");
    expect(status).toMatch(/résultats? pour «\u00a0parties prenantes\u00a0»/);
    expect(links).toContain("/fr/roles/gestionnaire-de-produits/");
    expect(links.every((l) => l.startsWith("/fr/"))).toBe(true);
    await page.close();
  });

  it("'Senior product manager' returns a result linking to the Senior level", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/en/search/`);
    const { links } = await search(page, "Senior product manager");
    expect(links).toContain("/en/roles/product-manager/#senior");
    await page.close();
  });

  it("/en/search/?q=stakeholder shows results on load", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/en/search/?q=stakeholder`);
    await page.waitForSelector("[data-search-results] a");
    expect(await page.inputValue("#search-input")).toBe("stakeholder");
    await page.close();
  });

  it("the header's search form leads to the search page with the query filled in", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/fr/roles/gestionnaire-de-produits/`);
    await page.fill("#site-search", "parties prenantes");
    await Promise.all([page.waitForURL(/\/fr\/recherche\/\?q=parties/), page.press("#site-search", "Enter")]);
    await page.waitForSelector("[data-search-results] a");
    expect(await page.inputValue("#search-input")).toBe("parties prenantes");
    await page.close();
  });

  it("without JavaScript, the page still leads to the roles and the blog", () => {
    const $ = pageAt(productionSite, "/en/search/");
    expect($('label[for="search-input"]').text()).toBe("Search this site");
    expect($("[data-search-status]").attr("aria-live")).toBe("polite");
    expect($("[data-search-hint] a").map((_, a) => $(a).attr("href")).get()).toEqual(["/en/roles/", "/en/blog/"]);
  });
});

describe("the index", () => {
  it("leaves out navigation, footer and notes, and the search code loads on the search pages only", () => {
    for (const url of htmlPages(productionSite)) {
      const html = readFileSync(path.join(productionSite, url.endsWith("/") ? `${url}index.html` : url), "utf8");
      const searchPage = url === "/en/search/" || url === "/fr/recherche/";
      expect(/\/assets\/search\.[0-9a-f]+\.js/.test(html), url).toBe(searchPage);
    }
    const $ = pageAt(productionSite, "/en/roles/product-manager/");
    expect($("[data-pagefind-body]").closest("main")).toHaveLength(1);
    expect($("header [data-pagefind-body], footer [data-pagefind-body], nav.side-nav [data-pagefind-body]")).toHaveLength(0);
    expect($("nav.levels-nav").attr("data-pagefind-ignore")).toBeDefined();
  });

  it("is one index per language, each made of that language's pages only", () => {
    expect(existsSync(path.join(productionSite, "pagefind")), "one index for both languages").toBe(false);
    for (const lang of ["en", "fr"]) {
      const entry = JSON.parse(readFileSync(path.join(productionSite, lang, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
      expect(Object.keys(entry.languages), lang).toEqual([lang]);
      const pages = htmlPages(productionSite).filter((url) => url.startsWith(`/${lang}/`) && pageAt(productionSite, url)("[data-pagefind-body]").length > 0);
      expect(entry.languages[lang]!.page_count, lang).toBe(pages.length);
    }
  });

  it("never holds a draft", async () => {
    const copy = projectCopy();
    const server = { current: undefined as StaticServer | undefined };
    try {
      copy.write("src/blog/draft.md", readFileSync(path.join(ROOT, "tests/fixtures/blog/draft.md"), "utf8"));
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
      expect(build.status, build.output).toBe(0);
      server.current = await serve(path.join(copy.dir, "_site"));
      const page = await browser.newPage();
      await page.goto(`${server.current.origin}/en/search/`);
      const draftUrl = "/en/blog/an-unpublished-draft-about-hiring-plans/";
      expect((await search(page, "An unpublished draft about hiring plans")).links).not.toContain(draftUrl);
      expect((await search(page, "zanzibarquokka")).status).toBe("No results for “zanzibarquokka”.");
      // The same search finds a published post, so the index does answer.
      expect((await search(page, "superhuman")).links).toContain("/en/blog/so-what-exactly-is-a-product-manager-anyway/");
      await page.close();
    } finally {
      await server.current?.close();
      copy.remove();
    }
  });
});
