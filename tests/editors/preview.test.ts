// A pull request's preview: built under its sub-path, marked as a preview on
// every page (banner, noindex), and the links its comment gives.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commentMarkdown, gitChanges, pagesTouched, type FileReport } from "../../scripts/changed-urls.ts";
import type { PageEntry } from "../../src/_config/editors/preview.ts";
import { checkLinks, formatLinkProblems } from "../support/links.ts";
import { htmlPages, pageAt, previewSite, productionSite, projectCopy, ROOT, runScript } from "../support/site.ts";
import { allStarted, launch } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";
import type { Browser } from "playwright-core";
import type { AxeResults } from "axe-core";

const PREFIX = "/pr-preview/pr-42/";
const POST = "/en/blog/so-what-exactly-is-a-product-manager-anyway/";
const POST_FR = "/fr/blogue/alors-quest-ce-quun-gestionnaire-de-produits-au-juste/";
const ROLE = "/en/roles/product-manager/";
const ROLE_FR = "/fr/roles/gestionnaire-de-produits/";

let copy: ReturnType<typeof projectCopy>;
let site: string;
let manifest: PageEntry[];

beforeAll(async () => {
  copy = projectCopy();
  const build = await runScript("scripts/build.ts", [], copy.dir, {
    ELEVENTY_ENV: "preview",
    PATH_PREFIX: PREFIX,
    PREVIEW_PR: "42",
    PREVIEW_PAGES: ".cache/preview-pages.json",
  });
  if (build.status !== 0) throw new Error(build.output);
  site = path.join(copy.dir, "_site");
  manifest = JSON.parse(readFileSync(path.join(copy.dir, ".cache/preview-pages.json"), "utf8"));
});
afterAll(() => copy?.remove());

describe("the preview of pull request #42, under /pr-preview/pr-42/", () => {
  it("passes the whole-site link check", () => {
    const problems = checkLinks(site, { prefix: PREFIX });
    expect(problems, formatLinkProblems(problems)).toEqual([]);
  });

  it("says on every page, in its language, that it previews pull request #42 and is not the published site", () => {
    const pages = htmlPages(site);
    expect(pages.length).toBeGreaterThan(20);
    for (const url of pages) {
      const $ = pageAt(site, url);
      const banner = $(".preview-banner");
      expect(banner.length, url).toBe(1);
      expect(banner.find("a").attr("href"), url).toBe("https://github.com/cds-snc/careers-site/pull/42");
      expect($('meta[name="robots"]').attr("content"), url).toBe("noindex");
    }
    expect(pageAt(site, POST)(".preview-banner").text().trim()).toBe("Preview of pull request #42, not the published site");
    expect(pageAt(site, POST_FR)(".preview-banner").text().trim()).toBe("Aperçu de la demande de tirage nº\u00a042, et non le site publié");
    // The bilingual front door says it in both languages.
    expect(pageAt(site, "/")(".preview-banner p").map((_, p) => pageAt(site, "/")(p).attr("lang")).get()).toEqual(["en", "fr"]);
  });

  describe("in Chromium, at 375 px", () => {
    let browser: Browser | undefined;
    let server: StaticServer | undefined;
    beforeAll(async () => {
      await allStarted([launch().then((b) => (browser = b)), serve(site, PREFIX).then((s) => (server = s))]);
    });
    afterAll(async () => {
      await Promise.all([browser?.close(), server?.close()]);
    });

    it.each([POST, ROLE_FR, "/"])("the banner of %s passes axe and fits the screen", async (url) => {
      const page = await browser!.newPage({ viewport: { width: 375, height: 800 } });
      try {
        await page.goto(`${server!.origin}${PREFIX}${url.slice(1)}`);
        await page.evaluate(readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8"));
        const results = await page.evaluate(() =>
          (window as unknown as { axe: { run(c: string, o: object): Promise<AxeResults> } }).axe.run(".preview-banner", {
            runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            resultTypes: ["violations"],
          }),
        );
        expect(results.violations.map((v) => v.id)).toEqual([]);
        const box = (await page.locator(".preview-banner").boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(375);
      } finally {
        await page.close();
      }
    });
  });

  it("shows the editorial notes", () => {
    expect(pageAt(site, ROLE)(".note").length).toBeGreaterThan(0);
  });

  it("has no build-error dialog: that is for npm start only", () => {
    expect(pageAt(site, POST)("#build-error, script[src*=build-errors]").length).toBe(0);
  });
});

describe("a local preview (npm run build:preview, no pull request)", () => {
  it("carries noindex and a banner that names no pull request", () => {
    const $ = pageAt(previewSite, "/fr/");
    expect($('meta[name="robots"]').attr("content")).toBe("noindex");
    expect($(".preview-banner").text().trim()).toBe("Aperçu, et non le site publié");
    expect($(".preview-banner a").length).toBe(0);
  });
});

describe("the production build", () => {
  it("has no banner, no notes, no build-error script, and noindex only on the 404 and redirect pages", () => {
    for (const url of htmlPages(productionSite)) {
      const $ = pageAt(productionSite, url);
      expect($(".preview-banner, .note, #build-error, script[src*=build-errors], link[href*=\"preview.css\"]").length, url).toBe(0);
      if (url !== "/404.html" && !$('meta[http-equiv="refresh"]').length) expect($('meta[name="robots"]').length, url).toBe(0);
    }
  });
});

describe("the pages a pull request touches (scripts/changed-urls.ts)", () => {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: copy.dir, encoding: "utf8" });
  let reports: FileReport[];
  const of = (file: string) => reports.find((r) => r.change.file === file)!;
  const urls = (file: string) => of(file).pages.map((p) => p.url);

  beforeAll(() => {
    git("init", "-q", "-b", "main");
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "add", "-A", "src");
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-qm", "base");
    appendFileSync(path.join(copy.dir, "src/blog/product-manager-qa.md"), "\nOne more line.\n");
    appendFileSync(path.join(copy.dir, "src/blog/fr/alors-quest-ce-quun-gestionnaire-de-produits.md"), "\nUne ligne de plus.\n");
    appendFileSync(path.join(copy.dir, "src/roles/fr/gestionnaire-de-produits.md"), "\nUne ligne de plus.\n");
    appendFileSync(path.join(copy.dir, "src/_data/roles.ts"), "\n// changed\n");
    appendFileSync(path.join(copy.dir, "src/_data/authors.ts"), "\n// changed\n");
    writeFileSync(path.join(copy.dir, "src/notes.txt"), "not a page\n");
    rmSync(path.join(copy.dir, "src/img/cds/thumbnails/pm-banner-fix.jpg"));
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "add", "-A", "src");
    git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-qm", "change");
    reports = pagesTouched(gitChanges("HEAD~1...HEAD", copy.dir), manifest, site, PREFIX, copy.dir);
  });

  it("reads the diff: what was changed, added and deleted", () => {
    expect(reports.map((r) => [r.change.file, r.change.status])).toContainEqual(["src/img/cds/thumbnails/pm-banner-fix.jpg", "deleted"]);
    expect(reports.map((r) => [r.change.file, r.change.status])).toContainEqual(["src/notes.txt", "added"]);
  });

  it("maps a post to its page and its French twin's", () => {
    expect(urls("src/blog/product-manager-qa.md")).toEqual([POST, POST_FR]);
    expect(of("src/blog/product-manager-qa.md").pages.map((p) => p.lang)).toEqual(["en", "fr"]);
  });

  it("maps a French post to its page and its English twin's", () => {
    expect(urls("src/blog/fr/alors-quest-ce-quun-gestionnaire-de-produits.md")).toEqual([POST, POST_FR]);
  });

  it("maps a role page to the role in both languages", () => {
    expect(urls("src/roles/fr/gestionnaire-de-produits.md")).toEqual([ROLE, ROLE_FR]);
    expect(of("src/roles/fr/gestionnaire-de-produits.md").pages.map((p) => p.title)).toEqual(["Product manager", "Gestionnaire de produits"]);
  });

  it("maps roles.ts to every role page and the roles indexes", () => {
    expect(urls("src/_data/roles.ts")).toEqual(["/en/roles/", ROLE, "/fr/roles/", ROLE_FR]);
  });

  it("maps authors.ts to every author page and the posts by them", () => {
    const touched = urls("src/_data/authors.ts");
    expect(touched).toEqual(expect.arrayContaining(["/en/authors/bryan-willey/", "/fr/auteurs/bryan-willey/", POST, POST_FR]));
    expect(touched.filter((u) => /\/(authors|auteurs)\//.test(u))).toHaveLength(10);
    expect(touched).not.toContain(ROLE);
  });

  it("says a deleted file is removed, and names a file with no page", () => {
    expect(of("src/img/cds/thumbnails/pm-banner-fix.jpg").reason).toMatch(/^deleted/);
    expect(urls("src/notes.txt")).toEqual([]);
  });

  it("writes one comment linking each page into the preview, English and French side by side", () => {
    const base = "https://cds-snc.github.io/pr-preview/pr-42/";
    const md = commentMarkdown(reports, base, "0123456789abcdef");
    expect(md).toContain(`| \`src/blog/product-manager-qa.md\` | its page, and its translation | [So...what exactly is a product manager, anyway?](${base}en/blog/so-what-exactly-is-a-product-manager-anyway/) | [Alors… qu'est-ce qu'un gestionnaire de produits, au juste?](${base}fr/blogue/alors-quest-ce-quun-gestionnaire-de-produits-au-juste/) |`);
    expect(md).toContain("built from 0123456");
    expect(md).toMatch(/`src\/img\/cds\/thumbnails\/pm-banner-fix.jpg` \| deleted/);
    expect(md).toContain("Changed without a page of their own: `src/notes.txt`.");
  });
});
