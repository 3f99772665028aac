// Issue 19: accessibility as people use it, in Chromium: Windows High Contrast
// (forced colours), keyboard-only journeys, reduced motion, text spacing and
// 320 px reflow. What a screen reader is given is tests/site/aria-snapshots.test.ts.
// Screenshots land in the temporary folder (careers-site-screenshots/, or
// $SCREENSHOTS) for a person to look at, never in the checkout.
import { mkdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, BrowserContextOptions, Page } from "playwright-core";
import { allStarted, launch } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";
import { fileFor, htmlPages, previewSite, productionSite } from "../support/site.ts";
import en from "../../src/_data/i18n/en.ts";
import fr from "../../src/_data/i18n/fr.ts";

const ARTIFACTS = process.env.SCREENSHOTS ?? path.join(os.tmpdir(), "careers-site-screenshots");
// The tests that visit many pages or take full-page screenshots: a few
// seconds on a quiet machine, more on a shared CI runner.
const HEAVY = 180_000;
const LANGS = ["en", "fr"] as const;
type Lang = (typeof LANGS)[number];
const t = { en, fr };
const ROLE: Record<Lang, string> = { en: "/en/roles/product-manager/", fr: "/fr/roles/gestionnaire-de-produits/" };
const SEARCH: Record<Lang, string> = { en: "/en/search/", fr: "/fr/recherche/" };
const SENIOR: Record<Lang, string> = { en: "Senior product manager", fr: "Gestionnaire de produits chevronné" };

// One browser for the file; each test opens its own context (media, permissions).
let browser: Awaited<ReturnType<typeof launch>>;
let production: StaticServer;
let preview: StaticServer;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await allStarted([launch().then((b) => (browser = b)), serve(productionSite).then((s) => (production = s)), serve(previewSite).then((s) => (preview = s))]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), production?.close(), preview?.close()]);
});

async function withPage<T>(options: BrowserContextOptions, run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
  const context = await browser.newContext(options);
  try {
    return await run(await context.newPage(), context);
  } finally {
    await context.close();
  }
}

/** What is focused: its tag, id, classes, href and text, enough to say which element it is. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement!;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      className: typeof el.className === "string" ? el.className : "",
      href: el.getAttribute("href") ?? "",
      text: (el.textContent ?? "").trim().replace(/\s+/g, " "),
    };
  });
}

/** Presses Tab (or Shift+Tab) until `selector` matches the focused element; fails after `max` presses. */
async function tabTo(page: Page, selector: string, { backwards = false, max = 80 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`${max} presses of ${backwards ? "Shift+Tab" : "Tab"} never reached ${selector} (last: ${JSON.stringify(await focused(page))})`);
}

describe("forced colours (Windows High Contrast)", () => {
  // The system colours of the emulated theme, resolved by the browser.
  const systemColours = (page: Page) =>
    page.evaluate(() => {
      const probe = document.createElement("div");
      document.body.append(probe);
      const colours: Record<string, string> = {};
      for (const name of ["Canvas", "CanvasText", "Highlight", "LinkText", "ButtonText", "FieldText"]) {
        probe.style.color = name;
        colours[name] = getComputedStyle(probe).color;
      }
      probe.remove();
      return colours;
    });

  /** The outline and top/left borders of an element, as computed. */
  const edges = (page: Page, selector: string) =>
    page.$eval(selector, (el) => {
      const s = getComputedStyle(el);
      return {
        outline: { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor },
        top: { style: s.borderTopStyle, width: parseFloat(s.borderTopWidth), color: s.borderTopColor },
        left: { style: s.borderLeftStyle, width: parseFloat(s.borderLeftWidth), color: s.borderLeftColor },
        bottom: { style: s.borderBottomStyle, width: parseFloat(s.borderBottomWidth), color: s.borderBottomColor },
        decoration: s.textDecorationLine,
        color: s.color,
      };
    });
  type Edge = { style: string; width: number; color: string };
  const visible = (edge: Edge, canvas: string) => edge.style !== "none" && edge.width >= 1 && edge.color !== canvas && !/^rgba\(.*,\s*0\)$/.test(edge.color);

  /**
   * Counts, in a screenshot of an element, the pixels drawn in `text` (the
   * theme's text colour) and in the flag's red, to tell that the words of an
   * SVG are drawn in a colour that shows on the page, and the flag stays red.
   */
  async function inks(page: Page, selector: string, text: string, file: string): Promise<{ text: number; red: number; total: number }> {
    const png = await page.locator(selector).first().screenshot({ path: path.join(ARTIFACTS, file) });
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const [tr, tg, tb] = text.match(/\d+/g)!.map(Number) as [number, number, number];
    let textPixels = 0;
    let red = 0;
    for (let i = 0; i < data.length; i += 3) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      if (Math.abs(r - tr) + Math.abs(g - tg) + Math.abs(b - tb) < 90) textPixels++;
      if (Math.abs(r - 0xeb) + Math.abs(g - 0x2d) + Math.abs(b - 0x37) < 90) red++;
    }
    return { text: textPixels, red, total: info.width * info.height };
  }

  for (const scheme of ["dark", "light"] as const) {
    describe(`${scheme} theme`, () => {
      for (const lang of LANGS) {
        it(`${lang}: the level a posting links to, focus, buttons, the search field, the Levels box and the current page stay marked; the signature keeps its words`, async () => {
          await withPage({ forcedColors: "active", colorScheme: scheme, viewport: { width: 1280, height: 900 } }, async (page) => {
            await page.goto(`${production.origin}${ROLE[lang]}#senior`);
            expect(await page.evaluate(() => matchMedia("(forced-colors: active)").matches)).toBe(true);
            const sys = await systemColours(page);
            const canvas = sys.Canvas!;
            expect(canvas, "the emulated theme's background").toBe(scheme === "dark" ? "rgb(0, 0, 0)" : "rgb(255, 255, 255)");

            // The targeted level: an outline in a system colour; the other levels none.
            const target = await edges(page, "section.level:has(:target)");
            expect(visible(target.outline, canvas), JSON.stringify(target.outline)).toBe(true);
            expect(target.outline.color).toBe(sys.Highlight);
            expect(target.outline.width).toBeGreaterThanOrEqual(3);
            const others = await page.$$eval("section.level:not(:has(:target))", (els) => els.map((el) => getComputedStyle(el).outlineStyle));
            expect(others).toEqual(["none", "none", "none", "none"]);
            await page.screenshot({ path: path.join(ARTIFACTS, `forced-colors-${scheme}-${lang}-senior.png`) });
            await page.screenshot({ path: path.join(ARTIFACTS, `forced-colors-${scheme}-${lang}-page.jpeg`), fullPage: true, quality: 80 });

            // Focus indicators: the copy-link control after Tab, the search field and button.
            await page.keyboard.press("Tab");
            expect((await focused(page)).href).toBe("#senior");
            const ring = await edges(page, ":focus");
            expect(visible(ring.outline, canvas), `copy link: ${JSON.stringify(ring.outline)}`).toBe(true);
            for (const selector of ["#site-search", ".gc-search button"]) {
              await page.focus(selector);
              const focusRing = await edges(page, selector);
              expect(visible(focusRing.outline, canvas), `${selector}: ${JSON.stringify(focusRing.outline)}`).toBe(true);
            }
            await page.evaluate(() => (document.activeElement as HTMLElement).blur());

            // Shapes that were only a background: the search button, the Levels box.
            for (const selector of [".gc-search button", "#site-search", ".levels-nav"]) {
              const box = await edges(page, selector);
              expect(visible(box.top, canvas) && visible(box.left, canvas), `${selector}: ${JSON.stringify(box)}`).toBe(true);
            }
            // Current page: the top navigation's section marker and the side navigation's role.
            expect((await edges(page, ".gc-top-nav .is-active")).decoration).toContain("underline");
            expect((await edges(page, ".gc-top-nav a:not(.is-active)")).decoration).toBe("none");
            const current = await edges(page, ".side-nav [aria-current]");
            expect(visible(current.left, canvas), JSON.stringify(current.left)).toBe(true);
            const notCurrent = await edges(page, ".side-nav ul ul a");
            expect(visible(notCurrent.left, canvas), `the other links have no marker: ${JSON.stringify(notCurrent.left)}`).toBe(false);

            // The GC signature and the wordmark: their words in the theme's text colour, the flag red.
            for (const [selector, name] of [
              [".gc-signature svg", "signature"],
              [".gc-wordmark", "wordmark"],
            ] as const) {
              await page.locator(selector).scrollIntoViewIfNeeded();
              expect((await edges(page, selector)).color, selector).toBe(sys.CanvasText);
              const ink = await inks(page, selector, sys.CanvasText!, `forced-colors-${scheme}-${lang}-${name}.png`);
              expect(ink.text / ink.total, `${selector}: share of pixels in the text colour`).toBeGreaterThan(0.08);
              expect(ink.red / ink.total, `${selector}: share of pixels in the flag's red`).toBeGreaterThan(0.02);
            }
          });
        }, HEAVY);
      }

      it("cards (home) and editorial notes (preview) keep their edges", async () => {
        await withPage({ forcedColors: "active", colorScheme: scheme }, async (page) => {
          await page.goto(`${production.origin}/en/`);
          const canvas = (await systemColours(page)).Canvas!;
          const card = await edges(page, ".card");
          expect(visible(card.top, canvas) && visible(card.left, canvas), JSON.stringify(card)).toBe(true);
          const withNote = htmlPages(previewSite).find((url) => readFileSync(fileFor(previewSite, url), "utf8").includes('class="note"'));
          expect(withNote, "a preview page with an editorial note").toBeTruthy();
          await page.goto(`${preview.origin}${withNote}`);
          const note = await edges(page, ".note");
          expect(visible(note.top, canvas) && visible(note.left, canvas) && visible(note.bottom, canvas), JSON.stringify(note)).toBe(true);
          expect(note.left.width).toBeGreaterThan(note.top.width);
          await page.locator(".note").first().scrollIntoViewIfNeeded();
          await page.screenshot({ path: path.join(ARTIFACTS, `forced-colors-${scheme}-note.png`) });
        });
      });
    });
  }
});

describe("keyboard only", () => {
  for (const lang of LANGS) {
    const other: Lang = lang === "en" ? "fr" : "en";

    it(`${lang}: a posting's link to #senior focuses the level; Tab reaches its copy-link control, Enter copies the URL and announces it`, async () => {
      await withPage({ permissions: ["clipboard-read", "clipboard-write"] }, async (page) => {
        const url = `${production.origin}${ROLE[lang]}#senior`;
        await page.goto(url);
        expect(await focused(page)).toMatchObject({ tag: "h2", id: "senior" });
        await page.keyboard.press("Tab");
        expect(await focused(page)).toMatchObject({ tag: "a", href: "#senior", text: `${t[lang].copyLink}: ${SENIOR[lang]}` });
        await page.evaluate(() => navigator.clipboard.writeText("nothing yet"));
        await page.keyboard.press("Enter");
        await page.waitForFunction((text) => document.querySelector("[data-copy-status]")?.textContent === text, t[lang].linkCopied);
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
        expect(await page.getAttribute("[data-copy-status]", "role")).toBe("status");
        expect(page.url()).toBe(url);
      });
    });

    it(`${lang}: the skip link is the first stop and moves focus to main`, async () => {
      await withPage({}, async (page) => {
        await page.goto(`${production.origin}${ROLE[lang]}`);
        await page.keyboard.press("Tab");
        expect(await focused(page)).toMatchObject({ tag: "a", href: "#main", text: t[lang].skipToContent });
        await page.keyboard.press("Enter");
        expect(await focused(page)).toMatchObject({ tag: "main", id: "main" });
        await page.keyboard.press("Tab");
        expect(await page.evaluate(() => document.activeElement!.closest("main") !== null)).toBe(true);
      });
    });

    it(`${lang}: the language toggle carries #senior to the other language, and focus lands on the same level`, async () => {
      await withPage({}, async (page) => {
        await page.goto(`${production.origin}${ROLE[lang]}#senior`);
        await tabTo(page, ".gc-lang-toggle a", { backwards: true });
        expect(await page.getAttribute(".gc-lang-toggle a", "lang")).toBe(other);
        await Promise.all([page.waitForURL(`${production.origin}${ROLE[other]}#senior`), page.keyboard.press("Enter")]);
        expect(await focused(page)).toMatchObject({ tag: "h2", id: "senior" });
      });
    });

    it(`${lang}: search by keyboard: type, hear the count, Tab to the level's result, open it, land on the level`, async () => {
      await withPage({}, async (page) => {
        await page.goto(`${production.origin}${SEARCH[lang]}`);
        await tabTo(page, "#search-input");
        await page.keyboard.type(SENIOR[lang]);
        const status = await page.waitForFunction((q) => {
          const text = document.querySelector("[data-search-status]")?.textContent ?? "";
          return text.includes(q) && text;
        }, SENIOR[lang]);
        expect(await status.jsonValue()).toMatch(lang === "en" ? /^\d+ results? for “/ : /^\d+ résultats? pour «/);
        expect(await page.getAttribute("[data-search-status]", "role")).toBe("status");
        await tabTo(page, `[data-search-results] a[href="${ROLE[lang]}#senior"]`, { max: 30 });
        await Promise.all([page.waitForURL(`${production.origin}${ROLE[lang]}#senior`), page.keyboard.press("Enter")]);
        expect(await focused(page)).toMatchObject({ tag: "h2", id: "senior" });
      });
    });
  }

  it("no focused element is hidden behind anything (WCAG 2.4.11), on phones and desktops, in both languages", async () => {
    const pagesAt: Record<number, string[]> = {
      375: [ROLE.en, ROLE.fr],
      1280: [ROLE.en, "/fr/", SEARCH.en, "/en/blog/so-what-exactly-is-a-product-manager-anyway/"],
    };
    const problems: string[] = [];
    for (const [width, pages] of Object.entries(pagesAt).map(([w, p]) => [Number(w), p] as const)) {
      await withPage({ viewport: { width, height: 700 } }, async (page) => {
        for (const url of pages) {
          await page.goto(`${production.origin}${url}`);
          const total = await page.$$eval("a[href], button, input, [tabindex='0']", (els) => els.length);
          let stops = 0;
          for (let i = 0; i < total + 2; i++) {
            await page.keyboard.press("Tab");
            const check = await page.evaluate(() => {
              const el = document.activeElement;
              if (!el || el === document.body) return undefined;
              const box = el.getClientRects()[0] ?? el.getBoundingClientRect();
              const x = box.left + box.width / 2;
              const y = box.top + box.height / 2;
              const hit = document.elementFromPoint(x, y);
              const inside = box.top >= -1 && box.left >= -1 && box.bottom <= innerHeight + 1 && box.right <= innerWidth + 1;
              const covered = !hit || !(hit === el || el.contains(hit));
              const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
              return inside && !covered ? "" : `${name}: ${inside ? "" : "outside the viewport "}${covered ? `covered by <${hit?.tagName.toLowerCase()}>` : ""}`;
            });
            if (check === undefined) break;
            stops++;
            if (check) problems.push(`${width}px ${url}: ${check}`);
          }
          expect(stops, `${url}: Tab stops`).toBeGreaterThan(10);
        }
      });
    }
    expect(problems).toEqual([]);
  }, HEAVY);
});

describe("reduced motion", () => {
  it("with prefers-reduced-motion: reduce, nothing animates, transitions or scrolls smoothly", async () => {
    await withPage({ reducedMotion: "reduce" }, async (page) => {
      for (const url of ["/", ROLE.en, `${ROLE.fr}#senior`, SEARCH.en]) {
        await page.goto(`${production.origin}${url}`);
        expect(await page.evaluate(() => matchMedia("(prefers-reduced-motion: reduce)").matches)).toBe(true);
        const moving = await page.evaluate(() => {
          const found: string[] = [];
          const still = (list: string) => list.split(",").every((d) => parseFloat(d) === 0);
          for (const el of [document.documentElement, ...document.querySelectorAll("body, body *")]) {
            for (const pseudo of [null, "::before", "::after"]) {
              const s = getComputedStyle(el, pseudo);
              const name = `${el.tagName.toLowerCase()}${pseudo ?? ""}${el.className && typeof el.className === "string" ? `.${el.className}` : ""}`;
              if (s.scrollBehavior !== "auto") found.push(`${name}: scroll-behavior ${s.scrollBehavior}`);
              if (s.animationName !== "none" && !still(s.animationDuration)) found.push(`${name}: animation ${s.animationName} ${s.animationDuration}`);
              if (!still(s.transitionDuration)) found.push(`${name}: transition ${s.transitionProperty} ${s.transitionDuration}`);
            }
          }
          return found.concat(document.getAnimations().map((a) => `running animation ${a.constructor.name}`));
        });
        expect(moving, url).toEqual([]);
      }
    });
  });
});

describe("text spacing (WCAG 1.4.12) and reflow at 320 px (WCAG 1.4.10), every page in both languages", () => {
  // The WCAG 1.4.12 bookmarklet's values, as a stylesheet (bypassCSP lets it in).
  const SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }`;
  const pages = htmlPages(productionSite).filter((url) => !/http-equiv="refresh"/i.test(readFileSync(fileFor(productionSite, url), "utf8")));

  it("has the pages to check", () => {
    expect(pages.filter((u) => u.startsWith("/en/")).length).toBeGreaterThan(5);
    expect(pages.filter((u) => u.startsWith("/fr/")).length).toBeGreaterThan(5);
  });

  it("nothing is clipped or overlaps with the spacing, and nothing scrolls sideways at 320 px", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
    try {
      const problems: string[] = [];
      const queue = [...pages];
      // Four tabs of one browser share the pages.
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const page = await context.newPage();
          for (let url = queue.shift(); url; url = queue.shift()) {
            await page.goto(`${production.origin}${url}`);
            const before = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
            if (before > 0) problems.push(`${url}: scrolls sideways by ${before}px at 320px`);
            await page.addStyleTag({ content: SPACING });
            const found = await page.evaluate(() => {
              const out: string[] = [];
              const overflow = document.documentElement.scrollWidth - innerWidth;
              if (overflow > 0) out.push(`scrolls sideways by ${overflow}px with text spacing`);
              for (const el of document.querySelectorAll<HTMLElement>("body *")) {
                if (el.closest(".visually-hidden, svg, head")) continue;
                const s = getComputedStyle(el);
                if (s.display === "none" || s.display === "contents" || s.visibility === "hidden") continue;
                const clipsX = s.overflowX === "hidden" || s.overflowX === "clip";
                const clipsY = s.overflowY === "hidden" || s.overflowY === "clip";
                const control = el.matches("input, button, select, textarea");
                // Form controls clip their own text; other boxes clip only with overflow hidden/clip.
                const wide = el.scrollWidth > el.clientWidth + 1;
                const tall = el.scrollHeight > el.clientHeight + 1;
                if ((clipsX || control) && wide) out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> clips its text sideways`);
                if ((clipsY || control) && tall) out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> clips its text at the bottom`);
              }
              return out;
            });
            for (const problem of found) problems.push(`${url}: ${problem}`);
          }
          await page.close();
        }),
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, HEAVY);
});
