// Issue 19: what a screen reader is given. The accessibility tree of the
// role page, a post, the home page, a listing and the search page, in both
// languages, as Playwright's ariaSnapshot() of each landmark (banner,
// navigations, main, contentinfo), is compared with the outline kept in
// tests/aria/<page>.<lang>.yml. A template change that alters what is
// announced must change those files too, where review sees it. Prose longer
// than a line is cut to its first words, so that an editor's rewording of a
// paragraph does not fail the suite; headings, names and structure are whole.
//
// To rewrite them after an intended change, then read the diff:
//   UPDATE_ARIA_SNAPSHOTS=1 npx vitest run tests/site/aria-snapshots.test.ts
//   git diff tests/aria/
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { browsing } from "../support/browser.ts";
import { productionSite, ROOT } from "../support/site.ts";
import roles from "../../src/_data/roles.ts";
import siteData from "../../src/_data/site.ts";
import en from "../../src/_data/i18n/en.ts";
import fr from "../../src/_data/i18n/fr.ts";

const DIR = path.join(ROOT, "tests", "aria");
const UPDATE = process.env.UPDATE_ARIA_SNAPSHOTS === "1";
const t = { en, fr };
const PAGES = {
  role: { en: "/en/roles/product-manager/", fr: "/fr/roles/gestionnaire-de-produits/" },
  post: { en: "/en/blog/so-what-exactly-is-a-product-manager-anyway/", fr: "/fr/blogue/alors-quest-ce-quun-gestionnaire-de-produits-au-juste/" },
  home: { en: "/en/", fr: "/fr/" },
  listing: { en: "/en/blog/", fr: "/fr/blogue/" },
  search: { en: "/en/search/", fr: "/fr/recherche/" },
} as const;
const LANGS = ["en", "fr"] as const;

const site = browsing(productionSite);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The landmarks of a page, in document order: their role and name head each
// snapshot. Landmarks inside another (the footer's navigation) are part of it.
const LANDMARKS = "body > nav, body > header, .page > main, .page > nav, body > footer";

/**
 * The outline of every landmark, as one YAML document. Dates (of
 * modification, of posts) are the build's git history, not the templates':
 * they are written as <date> so that a new commit does not change the file.
 */
async function outline(page: Page, url: string): Promise<string> {
  const parts: string[] = [`# What a screen reader is given on ${url}: tests/site/aria-snapshots.test.ts.`];
  parts.push("# Rewrite with UPDATE_ARIA_SNAPSHOTS=1 npx vitest run tests/site/aria-snapshots.test.ts, then review the diff.");
  for (const landmark of await page.locator(LANDMARKS).all()) {
    parts.push(await landmark.ariaSnapshot());
  }
  return (
    parts
      .join("\n")
      // Long prose is an editor's wording, not the page's structure: it is cut to its first words.
      .replace(/^(\s*- (?:paragraph|listitem|text|blockquote|cell)): "?(.{60}[^ ]*) .+$/gm, (_, item: string, start: string) => `${item}: ${JSON.stringify(`${start} …`)}`)
      // SITE_REPOSITORY and SITE_BRANCH are the host's settings, not the templates'.
      .replaceAll(`${siteData.repository}/edit/${siteData.branch}/`, "<repository>/edit/<branch>/")
      .replace(/\b\d{4}-\d{2}-\d{2}\b/g, "<date>")
      .replace(/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/g, "<date>")
      .replace(/\b\d{1,2}(er)? (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}\b/g, "<date>") + "\n"
  );
}

describe("what a screen reader is given", () => {
  for (const [name, urls] of Object.entries(PAGES)) {
    for (const lang of LANGS) {
      it(`${name} (${urls[lang]}) matches tests/aria/${name}.${lang}.yml`, async () => {
        const page = await site.browser.newPage();
        try {
          await page.goto(`${site.origin}${urls[lang]}`);
          const actual = await outline(page, urls[lang]);
          const file = path.join(DIR, `${name}.${lang}.yml`);
          if (UPDATE || !existsSync(file)) {
            mkdirSync(DIR, { recursive: true });
            writeFileSync(file, actual);
          }
          expect(actual, `tests/aria/${name}.${lang}.yml is out of date: if the change is intended, run UPDATE_ARIA_SNAPSHOTS=1 npx vitest run tests/site/aria-snapshots.test.ts and review the diff`).toBe(
            readFileSync(file, "utf8"),
          );
          // The landmarks every page has.
          for (const landmark of ["- banner:", "- main:", "- contentinfo:", `- navigation "${t[lang].mainNav}":`]) expect(actual, landmark).toContain(landmark);
        } finally {
          await page.close();
        }
      });
    }
  }

  // What the snapshots must say on the role page, whatever else changes in them.
  for (const lang of LANGS) {
    it(`${lang}: the role page names its levels, their regions and their copy-link controls`, async () => {
      const page = await site.browser.newPage();
      try {
        await page.goto(`${site.origin}${PAGES.role[lang]}`);
        const role = roles.find((r) => r.key === "product-manager")!;
        const main = page.getByRole("main");
        expect(await main.getByRole("heading", { level: 1 }).count()).toBe(1);
        // The Levels navigation: its name and its five links, named after the levels.
        const levels = main.getByRole("navigation", { name: t[lang].levels, exact: true });
        const links = await levels.getByRole("link").all();
        expect(links).toHaveLength(role.levels.length);
        for (const [i, level] of role.levels.entries()) {
          expect(await links[i]!.getAttribute("href")).toBe(`#${level.id}`);
          expect((await links[i]!.textContent())!.replace(/\s+/g, " ").trim()).toBe(`${level.title[lang]} ${level.classification}`);
          // Each level: a region named by its heading, a level-3 heading, a copy-link control named after it.
          const region = main.locator(`section.level:has(> .level-heading > #${level.id})`);
          expect(await region.getAttribute("aria-labelledby")).toBe(level.id);
          const heading = (await page.locator(`#${level.id}`).textContent())!.trim();
          const snapshot = await region.ariaSnapshot();
          expect(snapshot.split("\n")[0], level.id).toBe(`- region "${heading}":`);
          expect(snapshot, level.id).toContain(`- heading "${heading}" [level=2]`);
          // Chromium puts a space before the visually hidden ": <level>", as it does for any out-of-flow box.
          const copy = page.getByRole("link", { name: new RegExp(`^${escape(t[lang].copyLink)} ?: ${escape(level.title[lang])}$`) });
          expect(await copy.count(), level.id).toBe(1);
          expect(await copy.getAttribute("href"), level.id).toBe(`#${level.id}`);
          expect(await region.getByRole("link", { name: t[lang].copyLink }).count(), level.id).toBe(1);
        }
      } finally {
        await page.close();
      }
    });

    it(`${lang}: the language toggle's text is in the other language, and marked so`, async () => {
      // ariaSnapshot does not show lang; a screen reader switches voice on it.
      const other = lang === "en" ? "fr" : "en";
      const page = await site.browser.newPage();
      try {
        for (const url of Object.values(PAGES).map((p) => p[lang])) {
          await page.goto(`${site.origin}${url}`);
          const toggle = page.locator(".gc-lang-toggle a");
          expect(await toggle.getAttribute("lang"), url).toBe(other);
          expect(await toggle.getAttribute("hreflang"), url).toBe(other);
          expect(await toggle.ariaSnapshot(), url).toMatch(new RegExp(`^- link "${t[lang].toggleLabel}"`));
          expect(t[lang].toggleLabel).toBe(t[other].langName);
          expect(await page.getAttribute("html", "lang"), url).toBe(lang);
        }
      } finally {
        await page.close();
      }
    });
  }
});
