// Issue 7: quality gates on every HTML page of the production build, in both
// languages: accessibility (axe-core, WCAG 2.2 A and AA and best practices), no request to another
// origin, no console error, no horizontal scroll at 375 px, everything readable
// without JavaScript, valid HTML (the W3C Nu HTML Checker), no broken internal
// link or #fragment, and a strict Content-Security-Policy.
// The escaping of hostile titles is in tests/content/quality-escaping.test.ts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import type { AxeResults } from "axe-core";
import type { Browser, ConsoleMessage, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import roles from "../../src/_data/roles.ts";
import security from "../../src/_data/security.ts";
import { sectionUrl } from "../../src/_config/urls/urls.ts";
import { languages, type Lang } from "../../src/_config/types.ts";
import { allStarted, launch } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";
import { fileFor, htmlPages, productionSite, ROOT } from "../support/site.ts";
import { checkLinks, formatLinkProblems } from "../support/links.ts";
import { formatVnu, headersProblems, pageSecurityProblems, vnuErrors, type VnuMessage } from "../support/quality.ts";

const pages = htmlPages(productionSite);
const html = new Map(pages.map((url) => [url, readFileSync(fileFor(productionSite, url), "utf8")]));
// A page left behind by a move only sends readers on (<meta http-equiv="refresh">):
// a browser leaves it at once, so it gets the static checks, not the browser's.
const redirects = pages.filter((url) => /<meta http-equiv="refresh"/i.test(html.get(url)!));
const browsed = pages.filter((url) => !redirects.includes(url));

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
// Issue 18: WCAG 2.2 AA and axe's best practices on top of WCAG 2.1 AA.
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const MOBILE = { width: 375, height: 800 };
const DESKTOP = { width: 1280, height: 800 };
/** Pages open at once in the one browser: enough to keep 2 cores busy. */
const CONCURRENCY = 4;

/** Fails with every problem in the message, so a failure can be fixed from the report alone. */
function noProblems(title: string, problems: string[]): void {
  if (problems.length) expect.fail(`${title}: ${problems.length} problem(s)\n\n${problems.join("\n\n")}`);
}

/** At most `size` pages at a time, each reused by the next task that needs one. */
class PagePool {
  open: () => Promise<Page> = () => Promise.reject(new Error("the browser did not start"));
  private free: Page[] = [];
  private opened = 0;
  private waiting: Array<(page: Page) => void> = [];
  constructor(private size: number) {}

  async use<T>(task: (page: Page) => Promise<T>): Promise<T> {
    let page = this.free.pop();
    if (!page && this.opened < this.size) {
      this.opened++;
      page = await this.open();
    }
    page ??= await new Promise<Page>((resolve) => this.waiting.push(resolve));
    try {
      return await task(page);
    } finally {
      const next = this.waiting.shift();
      if (next) next(page);
      else this.free.push(page);
    }
  }
}

// The Nu HTML Checker runs once over the whole build, in one JVM (its start-up
// is the slow part), started first so that it works while the browser does.
let vnu: Promise<VnuMessage[]>;
beforeAll(() => {
  vnu = vnuErrors([productionSite]);
  vnu.catch(() => {}); // reported by its test
});

function langOf(url: string): Lang | undefined {
  return languages.find((lang) => url.startsWith(`/${lang}/`));
}

describe("every page (static checks)", () => {
  it("covers every kind of page in both languages", () => {
    expect(pages).toContain("/");
    expect(pages).toContain("/404.html");
    for (const lang of languages) {
      for (const section of ["home", "roles", "blog", "search"] as const) expect(pages, lang).toContain(sectionUrl(section, lang));
      expect(pages.filter((u) => u.startsWith(sectionUrl("authors", lang))).length, lang).toBeGreaterThan(0);
      for (const role of roles) expect(pages).toContain(`${sectionUrl("roles", lang)}${role.slug[lang]}/`);
    }
  });

  it("carry a strict Content-Security-Policy and a Referrer-Policy, with no inline script, handler or style", () => {
    const problems = pages.flatMap((url) => pageSecurityProblems(html.get(url)!).map((p) => `${url}: ${p}`));
    noProblems("Security of the built pages", problems);
  });

  it("and the host's _headers file sends the same policy, with frame-ancestors 'none'", () => {
    const headers = readFileSync(path.join(productionSite, "_headers"), "utf8");
    noProblems("_headers", headersProblems(headers, security.csp, security.referrerPolicy));
    // What the pages carry is what src/_data/security.ts says.
    for (const url of pages) {
      const $ = cheerio.load(html.get(url)!);
      expect($('meta[http-equiv="Content-Security-Policy"]').attr("content"), url).toBe(security.csp);
    }
  });

  it("have no broken internal link, image, script or #fragment", () => {
    const problems = checkLinks(productionSite);
    if (problems.length) expect.fail(`${problems.length} broken internal link(s):\n${formatLinkProblems(problems)}`);
  });
});

describe("the link checker", () => {
  it("finds each kind of broken link in a small site built for /careers/, and nothing else", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "links-"));
    try {
      const write = (file: string, body: string) => {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`);
      };
      write(
        "en/index.html",
        `<a id="top-of-list" href="/careers/en/roles/#senior">ok</a> <a href="/careers/en/roles">ok, a folder</a>
         <a href="roles/#level-pm">ok, a name</a> <a href="https://careers.digital.canada.ca/careers/en/">ok, absolute</a>
         <a href="https://example.com/nope/">other site</a> <a href="mailto:a@b.c">mail</a> <a href="tel:123">tel</a> <a href="#">top</a>
         <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt=""> <form action="/careers/en/search/"></form>
         <a href="/careers/en/gone/">missing page</a> <a href="/careers/en/roles/#junior">missing id</a> <a href="#nowhere">missing id here</a>
         <img src="/careers/img/a.jpg" srcset="/careers/img/a.jpg 1x, /careers/img/b.jpg 2x" alt="">
         <a href="/en/roles/">no prefix</a> <form action="/careers/en/find/"></form> <a href="javascript:void(0)">js</a>`,
      );
      write("en/roles/index.html", `<h3 id="senior">Senior</h3><a name="level-pm"></a><a href="../#top-of-list">back</a>`);
      write("en/search/index.html", "");
      mkdirSync(path.join(dir, "img"));
      writeFileSync(path.join(dir, "img", "a.jpg"), "");
      const problems = checkLinks(dir, { prefix: "/careers/", siteUrl: "https://careers.digital.canada.ca" });
      expect(problems.map((p) => `${p.page} ${p.href}`).sort()).toEqual(
        [
          "/en/ /careers/en/gone/",
          "/en/ /careers/en/roles/#junior",
          "/en/ #nowhere",
          "/en/ /careers/img/b.jpg",
          "/en/ /en/roles/",
          "/en/ /careers/en/find/",
          "/en/ javascript:void(0)",
        ].sort(),
      );
      expect(problems.find((p) => p.href === "/careers/en/roles/#junior")?.problem).toBe('no element with id="junior" (or <a name>) in /en/roles/');
      expect(problems.find((p) => p.href === "/en/roles/")?.problem).toMatch(/outside the site's path prefix \/careers\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("a missing browser", () => {
  it("is reported with the command that installs it", async () => {
    const missing = path.join(ROOT, "tests", ".output", "no-such-chromium");
    await expect(launch(missing)).rejects.toThrow(`No browser at ${missing}`);
    await expect(launch(missing)).rejects.toThrow("apt-get install chromium");
  });
});

describe("in Chromium", () => {
  let browser: Browser;
  let server: StaticServer;
  let axeSource: string;
  // One browser; in each mode a few pages, each reused from URL to URL (a new
  // context per URL costs more than the checks).
  const withJs = new PagePool(CONCURRENCY);
  const withoutJs = new PagePool(CONCURRENCY);
  beforeAll(async () => {
    await allStarted([launch(undefined, { offline: true }).then((b) => (browser = b)), serve(productionSite).then((s) => (server = s))]);
    axeSource = readFileSync(AXE, "utf8");
    const [js, noJs] = await Promise.all([
      browser.newContext({ javaScriptEnabled: true, viewport: MOBILE }),
      browser.newContext({ javaScriptEnabled: false, viewport: DESKTOP }),
    ]);
    withJs.open = () => js.newPage();
    withoutJs.open = () => noJs.newPage();
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });

  /** Records, while a page is used for one URL, its console errors, uncaught exceptions and requests to other origins. */
  function watch(page: Page): { problems: string[]; stop(): void } {
    const problems: string[] = [];
    const external = new Set<string>();
    const onRequest = (request: Request) => {
      const url = request.url();
      if (!/^(data|blob):/.test(url) && !url.startsWith(server.origin + "/")) external.add(url);
    };
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() !== "error") return;
      const { url, lineNumber } = message.location();
      problems.push(`console error: ${message.text()}${url ? ` (at ${url.replace(server.origin, "")}:${lineNumber})` : ""}`);
    };
    const onError = (error: Error) => void problems.push(`uncaught exception: ${error.stack ?? error.message}`);
    page.on("request", onRequest);
    page.on("console", onConsole);
    page.on("pageerror", onError);
    return {
      problems,
      stop() {
        page.off("request", onRequest);
        page.off("console", onConsole);
        page.off("pageerror", onError);
        for (const url of external) problems.push(`request to another origin: ${url}`);
      },
    };
  }

  async function axe(page: Page, width: number): Promise<string[]> {
    // Evaluated through the DevTools protocol, which the pages' policy
    // (script-src 'self', rightly) would not let an inline <script> tag do.
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
    const results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        }),
      AXE_TAGS,
    );
    return results.violations.map(
      (v) =>
        `axe ${v.id} (${v.impact}) at ${width}px: ${v.help}. ${v.helpUrl}\n` +
        v.nodes
          .map((node) => `  - ${node.target.join(" ")}\n    ${node.html.replace(/\s+/g, " ").slice(0, 300)}\n    ${(node.failureSummary ?? "").replace(/\n\s*/g, " ")}`)
          .join("\n"),
    );
  }

  /** The outermost elements wider than the viewport, when the page scrolls sideways. */
  async function overflow(page: Page): Promise<string[]> {
    const found = await page.evaluate(() => {
      const root = document.documentElement;
      const width = root.clientWidth;
      if (root.scrollWidth <= width) return null;
      const name = (el: Element) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + [...el.classList].map((c) => `.${c}`).join("");
      const sticking = (el: Element | null) => !!el && el.getBoundingClientRect().right > width + 0.5;
      const wide = [...document.body.querySelectorAll("*")]
        .filter((el) => sticking(el) && !sticking(el.parentElement))
        .slice(0, 8)
        .map((el) => `${name(el.parentElement!)} > ${name(el)} (right edge at ${Math.round(el.getBoundingClientRect().right)}px)`);
      return { scrollWidth: root.scrollWidth, width, wide };
    });
    if (!found) return [];
    return [`scrolls sideways at ${MOBILE.width}px: scrollWidth ${found.scrollWidth} > clientWidth ${found.width}. Too wide: ${found.wide.join("; ") || "(no element found)"}`];
  }

  const searchQuery: Record<Lang, string> = { en: "product", fr: "produits" };

  describe("with JavaScript: axe (WCAG 2.2 AA and best practices), no request to another origin, no console error, no sideways scroll at 375 px", () => {
    it.concurrent.each(browsed)("%s", async (url) => {
      const problems = await withJs.use(async (page) => {
        await page.setViewportSize(MOBILE);
        const watched = watch(page);
        const found: string[] = [];
        try {
          const response = await page.goto(server.origin + url, { waitUntil: "load" });
          if (response?.status() !== 200) found.push(`status ${response?.status()}`);
          const lang = langOf(url);
          if (lang && url === sectionUrl("search", lang)) {
            // The results Pagefind shows are part of the page: search, then check them too.
            await page.fill("#search-input", searchQuery[lang]);
            await page
              .locator("[data-search-results] li")
              .first()
              .waitFor({ timeout: 10_000 })
              .catch(() => found.push(`searching for "${searchQuery[lang]}" showed no results`));
          }
          found.push(...(await overflow(page)));
          found.push(...(await axe(page, MOBILE.width)));
          await page.setViewportSize(DESKTOP);
          found.push(...(await axe(page, DESKTOP.width)));
        } finally {
          watched.stop();
        }
        return [...found, ...watched.problems];
      });
      noProblems(url, problems);
    });
  });

  describe("without JavaScript: navigation, roles, posts and listings render in full", () => {
    it.concurrent.each(browsed)("%s", async (url) => {
      const problems = await withoutJs.use(async (page) => {
        await page.goto(server.origin + url, { waitUntil: "load" });
        return noJsProblems(page, url);
      });
      noProblems(`${url} without JavaScript`, problems);
    });
  });

  /** What a reader without JavaScript would miss on this page. */
  async function noJsProblems(page: Page, url: string): Promise<string[]> {
    const problems: string[] = [];
    const visibleHrefs = (selector: string) =>
      page.$$eval(selector, (links) => links.filter((a) => a.checkVisibility({ visibilityProperty: true }) && (a as HTMLElement).offsetWidth > 0).map((a) => a.getAttribute("href")));
    const expectHrefs = async (what: string, selector: string, expected: string[]) => {
      const hrefs = await visibleHrefs(selector);
      if (JSON.stringify(hrefs) !== JSON.stringify(expected)) problems.push(`${what}: visible links ${JSON.stringify(hrefs)}, expected ${JSON.stringify(expected)}`);
    };

    // Nothing in the content is hidden (reported at the outermost hidden element), and every image shows.
    const hidden = await page.$$eval(
      "main :is(div, nav, section, article, header, footer, aside, h1, h2, h3, h4, h5, h6, p, ul, ol, li, dl, a, img, picture, figure, table, form, input, button)",
      (els) => {
        const shown = (el: Element | null) => !el || el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
        return els.filter((el) => !shown(el) && shown(el.parentElement)).map((el) => el.outerHTML.replace(/\s+/g, " ").slice(0, 160));
      },
    );
    for (const el of hidden) problems.push(`hidden: ${el}`);
    const broken = await page.$$eval("img", (imgs) =>
      imgs.filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.currentSrc || img.src),
    );
    for (const src of broken) problems.push(`image not shown: ${src}`);
    const mainText = await page.locator("main").innerText();
    if (mainText.trim().length < 40) problems.push(`<main> shows almost nothing: "${mainText.trim()}"`);

    const lang = langOf(url);
    if (!lang) {
      // The bilingual front door and 404 page link to both languages.
      const links = await visibleHrefs("main a");
      for (const l of languages) if (!links.includes(sectionUrl("home", l))) problems.push(`no visible link to ${sectionUrl("home", l)}`);
      return problems;
    }
    const sections = (["home", "roles", "blog"] as const).map((s) => sectionUrl(s, lang));
    await expectHrefs("main navigation", ".gc-top-nav a", sections);
    if ((await visibleHrefs(".gc-lang-toggle a")).length !== 1) problems.push("no visible language toggle");
    if (!(await page.locator(".gc-search").isVisible())) problems.push("no visible search form in the header");
    if (!(await page.locator("footer").isVisible())) problems.push("no visible footer");

    for (const role of roles) {
      if (url !== `${sectionUrl("roles", lang)}${role.slug[lang]}/`) continue;
      const ids = role.levels.map((level) => level.id);
      await expectHrefs("the Levels navigation", ".levels-nav a", ids.map((id) => `#${id}`));
      const levels = await page.$$eval("section.level", (els) =>
        els.filter((el) => el.checkVisibility({ visibilityProperty: true })).map((el) => el.querySelector("h2[id]")?.id),
      );
      if (JSON.stringify(levels) !== JSON.stringify(ids)) problems.push(`visible level sections ${JSON.stringify(levels)}, expected ${JSON.stringify(ids)}`);
      await expectHrefs("the roles navigation", ".side-nav > ul > li > a", roles.map((r) => `${sectionUrl("roles", lang)}${r.slug[lang]}/`));
    }

    const blog = sectionUrl("blog", lang);
    const isListing = url === blog || url.startsWith(`${blog}page/`) || url.startsWith(sectionUrl("authors", lang));
    if (isListing) {
      const $ = cheerio.load(html.get(url)!);
      const expected = $(".post-list .post-card__title a").map((_, a) => $(a).attr("href")!).get();
      if (url.startsWith(blog) && expected.length === 0) problems.push("the listing has no post cards");
      await expectHrefs("the post cards", ".post-list .post-card__title a", expected);
    } else if (url.startsWith(blog)) {
      for (const selector of ["article.post h1", ".post__meta time", ".post__body p"]) {
        if (!(await page.locator(selector).first().isVisible())) problems.push(`${selector} is not visible`);
      }
    }

    if (url === sectionUrl("search", lang)) {
      // Without JavaScript the form still submits to the search page, which still offers its links.
      await page.fill("#search-input", "test");
      await Promise.all([page.waitForURL(/\?q=test$/), page.click(".search-page__form button[type=submit]")]);
      await expectHrefs("the search page's hint", "[data-search-hint] a", [sectionUrl("roles", lang), blog]);
    }
    return problems;
  }
});

describe("the W3C Nu HTML Checker", () => {
  it("finds no error in any page", async () => {
    const errors = await vnu;
    if (errors.length) expect.fail(`${errors.length} HTML error(s):\n${formatVnu(errors, productionSite)}`);
  });
});
