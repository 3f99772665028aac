// Issue 18: the role's name as the page's heading, pages that print and share
// well. (WCAG 2.2 and axe's best practices run with the other browser checks,
// in tests/site/quality.test.ts.)
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import sharp from "sharp";
import { getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import roles from "../../src/_data/roles.ts";
import site from "../../src/_data/site.ts";
import en from "../../src/_data/i18n/en.ts";
import fr from "../../src/_data/i18n/fr.ts";
import { sectionUrl } from "../../src/_config/urls/urls.ts";
import { languages, type Lang } from "../../src/_config/types.ts";
import { cardPng } from "../../src/_config/assets/social-cards.ts";
import { browsing } from "../support/browser.ts";
import { fileFor, htmlPages, pageAt, productionSite, projectCopy, ROOT, runScript } from "../support/site.ts";

const strings: Record<Lang, typeof en> = { en, fr };
const POST_URL = "/en/blog/so-what-exactly-is-a-product-manager-anyway/";

const rolePages = roles.flatMap((role) => languages.map((lang) => ({ role, lang, url: `${sectionUrl("roles", lang)}${role.slug[lang]}/` })));

describe("a role page's headings", () => {
  it.each(rolePages)("$url: the <h1> is the role's title from roles.ts, after the Careers caption, and no level is skipped", ({ role, lang, url }) => {
    const $ = pageAt(productionSite, url);
    expect($("h1")).toHaveLength(1);
    expect($("main h1").text()).toBe(role.title[lang]);
    expect($("main h1").prev(".caption").text()).toBe(lang === "en" ? "Careers" : "Carrières");
    expect($("main :is(h1, h2, h3, h4, h5, h6)").first().is("h1")).toBe(true);
    const levels = $("h1, h2, h3, h4, h5, h6")
      .map((_, h) => ({ level: Number(h.tagName.slice(1)), text: $(h).text().trim() }))
      .get();
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]!.level, `"${levels[i]!.text}" (h${levels[i]!.level}) after "${levels[i - 1]!.text}" (h${levels[i - 1]!.level})`).toBeLessThanOrEqual(
        levels[i - 1]!.level + 1,
      );
    }
    // Each level is a section under the title, its heading an h2 that keeps its anchor.
    for (const level of role.levels) expect($(`section.level > .level-heading > h2#${level.id}`), level.id).toHaveLength(1);
    // The Levels navigation follows the title and its introduction.
    const main = $("main").html()!;
    expect(main.indexOf("</h1>")).toBeLessThan(main.indexOf("levels-nav"));
  });
});

/** The words of a card, as its XMP dc:title says them, with the language it says. */
async function cardTitle(file: string | Buffer): Promise<{ lang: string; text: string } | undefined> {
  const xmp = (await sharp(file).metadata()).xmp?.toString() ?? "";
  const match = /<dc:title><rdf:Alt><rdf:li xml:lang="([^"]+)">([\s\S]*?)<\/rdf:li>/.exec(xmp);
  return match ? { lang: match[1]!, text: cheerio.load(`<p>${match[2]}</p>`)("p").text() } : undefined;
}

describe("link previews", () => {
  const pages = htmlPages(productionSite).filter((url) => !/<meta http-equiv="refresh"/i.test(readFileSync(fileFor(productionSite, url), "utf8")));

  it.each(pages)("%s has an og:image: an absolute URL to a 1200 × 630 file of the build, as a large card", async (url) => {
    const $ = pageAt(productionSite, url);
    const image = $('meta[property="og:image"]');
    expect(image, "one og:image").toHaveLength(1);
    const href = image.attr("content")!;
    expect(href.startsWith(`${site.url}/`), href).toBe(true);
    const file = fileFor(productionSite, href.slice(site.url.length));
    expect(existsSync(file), `${href} → ${file}`).toBe(true);
    const { width, height } = await sharp(file).metadata();
    expect([width, height]).toEqual([1200, 630]);
    expect($('meta[property="og:image:width"]').attr("content")).toBe("1200");
    expect($('meta[property="og:image:height"]').attr("content")).toBe("630");
    expect($('meta[property="og:image:alt"]').attr("content")?.trim()).toBeTruthy();
    expect($('meta[name="twitter:card"]').attr("content")).toBe("summary_large_image");
  });

  it.each(rolePages)("$url: the card says the role's title, in the page's language", async ({ role, lang, url }) => {
    const href = pageAt(productionSite, url)('meta[property="og:image"]').attr("content")!;
    expect(await cardTitle(fileFor(productionSite, href.slice(site.url.length)))).toEqual({ lang: `${lang}-CA`, text: role.title[lang] });
  });

  it("a post's card is its hero, cropped; every page of a listing shares one card", () => {
    const $ = pageAt(productionSite, POST_URL);
    expect($('meta[property="og:image"]').attr("content")).toMatch(/\/img\/cards\/[0-9a-f]{16}\.jpg$/);
    expect($('meta[property="og:image:alt"]').attr("content")).toBe($(".hero img").attr("alt"));
    for (const lang of languages) {
      const listings = pages.filter((u) => u.startsWith(sectionUrl("blog", lang)) && (u === sectionUrl("blog", lang) || u.includes("/page/")));
      const cards = new Set(listings.map((u) => pageAt(productionSite, u)('meta[property="og:image"]').attr("content")));
      expect(cards.size, lang).toBe(1);
    }
  });

  it("a long title wraps and stops within the card, and markup in a title is text", async () => {
    const title = `<script>alert(1)</script> & "quotes" ${"and a long title ".repeat(12)}`;
    const png = await cardPng({ lang: "fr", title, site: fr.siteName });
    const { width, height } = await sharp(png).metadata();
    expect([width, height]).toEqual([1200, 630]);
    expect(await cardTitle(png)).toEqual({ lang: "fr-CA", text: title });
    // Nothing drawn in the white band between the title's last line and the site's name:
    // the fifth line and beyond are cut, not spilled over the band.
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const dark = (y: number) => {
      let n = 0;
      for (let x = 72; x < 1128; x++) if (data[(y * info.width + x) * 3]! < 128) n++;
      return n;
    };
    for (let y = 480; y < 505; y++) expect(dark(y), `row ${y}`).toBe(0);
  });

  it("an unchanged build remakes no card, and a missing one is made again", async () => {
    const copy = projectCopy();
    try {
      const cache = path.join(copy.dir, ".cache", "cards");
      const before = new Map(readdirSync(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs]));
      expect(before.size).toBeGreaterThan(0);
      // The role page's card, which this build needs (the cache may also hold cards of older titles).
      const removed = path.basename(pageAt(productionSite, rolePages[0]!.url)('meta[property="og:image"]').attr("content")!);
      expect(before.has(removed)).toBe(true);
      rmSync(path.join(cache, removed));
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
      expect(build.status, build.output).toBe(0);
      const after = new Map(readdirSync(cache).map((f) => [f, statSync(path.join(cache, f)).mtimeMs]));
      expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [file, mtime] of before) if (file !== removed) expect(after.get(file), file).toBe(mtime);
      expect(after.get(removed)).toBeGreaterThan(before.get(removed)!);
    } finally {
      copy.remove();
    }
  });

  it("a card's name changes with how cards are drawn, not with where the modules they import live", async () => {
    const CODE = "src/_config/assets/social-cards.ts";
    const code = readFileSync(path.join(ROOT, CODE), "utf8");
    // The same modules, reached from the folder above: ./x.ts becomes ../<this folder>/x.ts.
    const importsMoved = code.replace(/from "\.\/([^"]+)"/g, `from "../${path.basename(path.dirname(CODE))}/$1"`);
    const redrawn = code.replace(/const ACCENT = "#[0-9a-f]{6}";/, 'const ACCENT = "#000000";');
    expect(importsMoved).not.toBe(code);
    expect(redrawn).not.toBe(code);
    const copies = [importsMoved, redrawn].map((text) => {
      const copy = projectCopy();
      copy.write(CODE, text);
      return copy;
    });
    try {
      const builds = await Promise.all(copies.map((copy) => runScript("scripts/build.ts", ["--output=out"], copy.dir, { ELEVENTY_ENV: "production" })));
      const cardOf = (dir: string) => pageAt(dir, rolePages[0]!.url)('meta[property="og:image"]').attr("content");
      for (const build of builds) expect(build.status, build.output).toBe(0);
      expect(cardOf(path.join(copies[0]!.dir, "out"))).toBe(cardOf(productionSite));
      expect(cardOf(path.join(copies[1]!.dir, "out"))).not.toBe(cardOf(productionSite));
    } finally {
      for (const copy of copies) copy.remove();
    }
  });
});

describe("printing, in Chromium", () => {
  const browser = browsing(productionSite);
  const SCREEN_ONLY = [".skip-links", ".gc-lang-toggle", ".gc-search", ".gc-top-nav", ".gc-breadcrumbs", ".side-nav", ".levels-nav", ".level-link", ".edit-link", "footer"];

  it.each([rolePages[0]!.url, POST_URL])("%s prints without header, navigation, search, toggle, controls or footer", async (url) => {
    const page = await browser.browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(browser.origin + url);
      await page.emulateMedia({ media: "print" });
      const shown = (selector: string) =>
        page.$$eval(selector, (els) => els.some((el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().height > 0));
      for (const selector of SCREEN_ONLY) expect(await shown(selector), selector).toBe(false);
      expect(await shown(".gc-signature svg"), "the GC signature").toBe(true);
      expect(await shown("main h1"), "the title").toBe(true);
      expect(await page.locator(".print-url").innerText()).toBe(`${site.url}${url}`);
      // External links show their address after their text; links inside the site do not.
      const after = await page.$$eval("main a[href]", (links) =>
        links.map((a) => ({ href: a.getAttribute("href")!, content: getComputedStyle(a, "::after").content })),
      );
      for (const { href, content } of after) {
        if (/^https?:/.test(href)) expect(content, href).toMatch(/attr\(href\)|\(https?:/);
        else expect(content, href).toBe("none");
      }
      // Black on white: no text in a colour a black-and-white printer would turn grey.
      const colours = await page.$$eval("main, main *", (els) => [...new Set(els.map((el) => getComputedStyle(el).color))]);
      expect(colours).toEqual(["rgb(0, 0, 0)"]);
    } finally {
      await page.close();
    }
  });

  it.each(rolePages)("$url as a PDF holds the role's full text and every level, and no navigation", async ({ role, lang, url }) => {
    const page = await browser.browser.newPage();
    let text: string;
    try {
      await page.goto(browser.origin + url);
      const pdf = await page.pdf({ format: "Letter" });
      // PDF.js as unpdf packages it for servers: no native canvas (pdfjs-dist's 33 MB @napi-rs/canvas) to read text.
      const doc = await getDocumentProxy(new Uint8Array(pdf), { verbosity: 0 });
      const parts: string[] = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const content = await (await doc.getPage(n)).getTextContent();
        for (const item of content.items) if ("str" in item) parts.push(item.str);
      }
      await doc.loadingTask.destroy();
      text = parts.join(" ");
    } finally {
      await page.close();
    }
    // Compared without spaces: a PDF breaks lines where the page does.
    const squash = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
    const printed = squash(text);
    const $ = pageAt(productionSite, url);
    $(".levels-nav, .level-link, .visually-hidden, .caption").remove();
    const blocks = $("main article").find("h1, h2, h3, h4, p, li").filter((_, el) => $(el).children("p, ul, ol").length === 0);
    expect(blocks.length).toBeGreaterThan(40);
    for (const el of blocks.toArray()) expect(printed, $(el).text().slice(0, 60)).toContain(squash($(el).text()));
    for (const level of role.levels) expect(printed, level.id).toContain(squash($(`h2#${level.id}`).text()));
    const t = strings[lang];
    for (const word of [t.skipToContent, t.toggleLabel, t.searchLabel, t.levels, t.copyLink, t.aboutSite, t.footerGov, t.footerTerms, t.editPage, t.breadcrumbs]) {
      expect(printed, word).not.toContain(squash(word));
    }
    expect(printed).toContain(squash(`${site.url}${url}`));
  });
});
