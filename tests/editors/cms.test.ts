// The content editor (/admin/, Decap CMS) driven in Chromium, through
// decap-server in git mode, on a throwaway git repository made from a copy of
// the project: never the project's own checkout or history.
import { execFileSync, type ChildProcess } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import yaml from "js-yaml";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, prepareWorktree, startDecapServer } from "../../scripts/cms.ts";
import { ensurePackages } from "../../scripts/optional-packages.ts";
import security from "../../src/_data/security.ts";
import { allStarted, launch } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";
import { build, fileFor, pageAt, projectCopy, ROOT } from "../support/site.ts";

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** A git repository (branch main) holding a copy of the project, with one author more than authors.ts has. */
function repository(): { dir: string; remove(): void } {
  const copy = projectCopy();
  // node_modules is a symlink here, which the project's "node_modules/" does not match; decap-server commits with `git add .`.
  copy.write(".gitignore", `${readFileSync(path.join(ROOT, ".gitignore"), "utf8")}node_modules\n`);
  const authors = path.join(copy.dir, "src/_data/authors.ts");
  writeFileSync(
    authors,
    readFileSync(authors, "utf8").replace(
      /\n\];/,
      `\n  { slug: "ada-tremblay", name: "Ada Tremblay", jobTitle: { en: "Designer", fr: "Designer" } },\n];`,
    ),
  );
  git(copy.dir, "init", "-q", "-b", "main");
  git(copy.dir, "config", "user.name", "Test editor");
  git(copy.dir, "config", "user.email", "editor@example.org");
  git(copy.dir, "add", "-A");
  git(copy.dir, "commit", "-q", "-m", "The site");
  return copy;
}

/** Front matter and body of a Markdown file, as Eleventy reads them (js-yaml). */
function parse(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`no front matter in:\n${text.slice(0, 200)}`);
  return { data: yaml.load(match[1]!) as Record<string, unknown>, body: match[2]! };
}

/** The files of `branch` in a folder of their own, ready to build (node_modules linked). */
function checkout(repo: string, branch: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "cms-branch-"));
  execFileSync("sh", ["-c", `git archive ${branch} | tar -x -C "${dir}"`], { cwd: repo });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  // The repository's cache of processed images and cards (not in git): a cold one doubles the build.
  if (existsSync(path.join(repo, ".cache"))) cpSync(path.join(repo, ".cache"), path.join(dir, ".cache"), { recursive: true });
  return dir;
}

// Each test drives Decap's 5 MB app and some run a production build: more than the suite's default minute.
describe("the content editor, in Chromium through decap-server in git mode", { timeout: 300_000 }, () => {
  let repo: { dir: string; remove(): void };
  let decap: ChildProcess;
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let api: string;
  /** The preview build serving the editor. */
  let admin: string;
  const requests: string[] = [];
  const alerts: string[] = [];
  const temporary: string[] = [];

  beforeAll(async () => {
    // Decap and decap-server are not in the site's own install; `npm test` installs them first, a run of this file alone here.
    ensurePackages("cms", ROOT);
    repo = repository();
    const port = await freePort();
    api = `http://127.0.0.1:${port}/api/v1`;
    admin = path.join(repo.dir, "..", `${path.basename(repo.dir)}-admin`);
    temporary.push(admin);
    const built = build("preview", admin, repo.dir, { CMS_LOCAL_BACKEND: api });
    if (built.status !== 0) throw new Error(built.output);
    await allStarted([
      startDecapServer(repo.dir, port, ROOT).then((d) => (decap = d)),
      serve(admin).then((s) => (server = s)),
      launch(undefined, { offline: true }).then((b) => (browser = b)),
    ]);
    page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: "en-CA" });
    // Decap's 5 MB bundle takes a while to parse on a busy machine.
    page.setDefaultTimeout(60_000);
    page.setDefaultNavigationTimeout(120_000);
    page.on("request", (request) => requests.push(request.url()));
    page.on("dialog", (dialog) => {
      alerts.push(dialog.message());
      void dialog.accept();
    });
  }, 420_000); // 240 s, and Decap's install the first time the file runs alone

  afterAll(async () => {
    await browser?.close();
    decap?.kill();
    await server?.close();
    repo?.remove();
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the editor afresh at `route` (a full load: Decap keeps a half-edited entry in memory otherwise). */
  async function open(route: string): Promise<void> {
    await page.goto("about:blank");
    await page.goto(`${server.origin}/admin/#/${route}`, { waitUntil: "domcontentloaded" });
    const login = page.getByRole("button", { name: "Login" });
    const ready = page.getByRole("button", { name: "Save", exact: true });
    await login.or(ready).first().waitFor();
    if (await login.isVisible()) await login.click();
    await ready.waitFor();
  }

  const branches = () => git(repo.dir, "branch", "--list", "cms/*", "--format=%(refname:short)").split("\n").filter(Boolean);
  async function waitForBranch(name: string): Promise<void> {
    await expect.poll(branches, { timeout: 30_000 }).toContain(name);
  }
  async function save(): Promise<void> {
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Entry saved").first().waitFor({ timeout: 30_000 });
  }
  async function publish(branch: string): Promise<void> {
    await page.getByRole("button", { name: /^Status:/ }).click();
    await page.getByRole("menuitem", { name: "Ready" }).click();
    // Decap changes the status through decap-server and refuses to publish (an alert) until the answer is back.
    await page.getByRole("button", { name: "Status: Ready", exact: true }).waitFor({ timeout: 30_000 });
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.getByRole("menuitem", { name: "Publish now" }).click();
    await expect
      .poll(branches, { timeout: 60_000 })
      .not.toContain(branch)
      .catch((error: unknown) => {
        throw new Error(`${branch} was not merged; Decap said: ${alerts.join(" | ") || "nothing"}`, { cause: error });
      });
  }

  const squash = (text: string) => text.replace(/\s+/g, " ").trim();
  /** The preview pane's page text: its <article>, as the layout writes it. */
  async function paneText(): Promise<string> {
    const article = page.frameLocator("iframe").first().locator("main article");
    await article.locator("h1").first().waitFor({ timeout: 60_000 });
    return squash((await article.textContent()) ?? "");
  }
  /** A built page's <article>, less the notices a preview adds from git history (translation-preview.ts), which the editor cannot know. */
  function pageText(site: string, url: string): string {
    const $ = pageAt(site, url);
    $("main article .translation-notice").remove();
    return squash($("main article").text());
  }
  /** The editor's "View Live" link, as a site path (site_url locally is the preview serving the editor). */
  async function viewLive(): Promise<string> {
    const href = await page.getByRole("link", { name: /View Live/ }).getAttribute("href");
    expect(href!.startsWith(`${server.origin}/`), href!).toBe(true);
    return href!.slice(server.origin.length);
  }
  const panes: Record<string, string> = {};

  it("previews the seeds as their pages: the pane's text is the built page's, in English and French", async () => {
    const seeds = [
      { route: "collections/posts-en/entries/product-manager-qa", date: "July 23, 2019", by: "By Bryan Willey (Product manager), Clémentine Hahn" },
      { route: "collections/posts-fr/entries/alors-quest-ce-quun-gestionnaire-de-produits", date: "23 juillet 2019", by: "Par Bryan Willey (Gestionnaire de produits), Clémentine Hahn" },
      { route: "collections/roles-en/entries/product-manager", level: "Associate product manager" },
      { route: "collections/roles-fr/entries/gestionnaire-de-produits", level: "Gestionnaire de produits associé" },
    ];
    for (const seed of seeds) {
      await open(seed.route);
      // The header links to the local preview serving the editor, not to the published site.
      await expect.poll(() => page.locator(`a[href="${server.origin}/"]`).count()).toBeGreaterThan(0);
      expect(await page.locator('a[href^="https://careers.digital.canada.ca"]').count()).toBe(0);
      const url = await viewLive();
      expect(existsSync(fileFor(admin, url)), `${seed.route}: View Live goes to ${url}, which the build has`).toBe(true);
      const frame = page.frameLocator("iframe").first();
      await expect.poll(paneText, { timeout: 60_000 }).toBe(pageText(admin, url));
      const built = pageAt(admin, url);
      expect(squash(await frame.locator("main h1").first().textContent() ?? "")).toBe(squash(built("main h1").first().text()));
      if (seed.date) {
        expect(await frame.locator("main time").first().textContent()).toBe(seed.date);
        expect(squash(await frame.locator(".post__meta").textContent() ?? "")).toContain(seed.by);
        expect(await frame.locator("main picture.hero img").getAttribute("alt")).toBe(built("main picture.hero img").attr("alt"));
      } else {
        // The levels, their headings and the notes, as a preview shows them.
        expect(await frame.locator("main section.level h2").count()).toBe(built("main section.level h2").length);
        expect(await frame.locator("main .levels-nav").textContent()).toContain(seed.level);
        expect(await frame.locator("main .note .note-label").count()).toBe(built("main .note .note-label").length);
      }
    }
  });

  it("fits a phone (375 px): the form and, under it, the preview, with nothing off the screen's side", async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    try {
      await open("collections/posts-en/entries/product-manager-qa");
      await page.frameLocator("iframe").first().locator("main h1").waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(375);
      const form = (await page.getByLabel("Title", { exact: true }).boundingBox())!;
      const pane = (await page.locator("iframe").first().boundingBox())!;
      expect(form.x + form.width).toBeLessThanOrEqual(375);
      expect(pane.x).toBeGreaterThanOrEqual(0);
      expect(pane.x + pane.width).toBeLessThanOrEqual(375);
      expect(pane.y).toBeGreaterThan(form.y);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  const BODY = "We shipped our first service this year: it greets you with {{ user.name }}, {% if admin %}and more{% endif %}.";
  it("writes an English post on a cms/ branch, whose build lists it and publishes its template syntax as text; publishing merges it into main", async () => {
    await open("collections/posts-en/new");
    await page.getByLabel("Title", { exact: true }).fill("Été à Montréal: our first year");
    await page.getByLabel("Description", { exact: true }).fill("What a year of building services taught us.");
    const authors = page.locator('[id^="author-field"]').first();
    for (const name of ["Dan Tse", "Ada Tremblay"]) {
      await authors.click();
      await page.keyboard.type(name);
      await page.keyboard.press("Enter");
    }
    await page.getByLabel("Publication date").fill("2026-11-24T13:00");
    await page.locator('[data-slate-editor="true"]').first().click();
    // Template syntax in an entry is text (issue 22): the editor saves it, and the site publishes it, as written.
    await page.keyboard.type(BODY);
    await expect.poll(paneText).toContain(BODY);
    panes.en = await paneText();
    expect(panes.en).toContain("By Dan Tse (Product manager) and Ada Tremblay (Designer)");
    await save();

    const branch = "cms/posts-en/ete-a-montreal-our-first-year";
    await waitForBranch(branch);
    expect(git(repo.dir, "diff", "--name-status", "main", branch)).toBe("A\tsrc/blog/ete-a-montreal-our-first-year.md");
    const { data, body } = parse(git(repo.dir, "show", `${branch}:src/blog/ete-a-montreal-our-first-year.md`) + "\n");
    expect(data).toMatchObject({
      layout: "blog",
      title: "Été à Montréal: our first year",
      description: "What a year of building services taught us.",
      author: ["Dan Tse", "Ada Tremblay"],
      translationKey: "ete-a-montreal-our-first-year",
    });
    expect(data.date).toEqual(new Date("2026-11-24T13:00:00.000Z"));
    expect(git(repo.dir, "show", `${branch}:src/blog/ete-a-montreal-our-first-year.md`)).toMatch(/^date: 2026-11-24T13:00:00\.000Z$/m);
    expect(body.trim()).toBe(BODY);

    const source = checkout(repo.dir, branch);
    temporary.push(source);
    const result = build("production", "_site", source);
    expect(result.status, result.output).toBe(0);
    expect(pageText(result.dir, "/en/blog/ete-a-montreal-our-first-year/")).toBe(panes.en);
    expect(pageAt(result.dir, "/en/blog/ete-a-montreal-our-first-year/")(".post__body").text().trim()).toBe(BODY);
    const listing = pageAt(result.dir, "/en/blog/");
    expect(listing("a").filter((_, a) => listing(a).text().includes("Été à Montréal: our first year")).length).toBeGreaterThan(0);

    await publish(branch);
    expect(git(repo.dir, "ls-tree", "--name-only", "main", "src/blog/")).toContain("src/blog/ete-a-montreal-our-first-year.md");
  });

  it("writes its French twin by picking the English post: they share a translationKey", async () => {
    await open("collections/posts-fr/new");
    await page.getByLabel("Title", { exact: true }).fill("Été à Montréal : notre première année");
    await page.getByLabel("Description", { exact: true }).fill("Ce qu'une année de services nous a appris.");
    await page.locator('[id^="author-field"]').first().click();
    await page.keyboard.type("Dan Tse");
    await page.keyboard.press("Enter");
    await page.getByLabel("Publication date").fill("2026-11-24T13:00");
    await page.locator('[id^="translationKey-field"]').first().click();
    await page.keyboard.type("first year");
    await page.getByText("Été à Montréal: our first year", { exact: true }).last().click();
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type("Nous avons lancé notre premier service cette année.");
    await expect.poll(paneText).toContain("Nous avons lancé notre premier service cette année.");
    panes.fr = await paneText();
    expect(panes.fr).toContain("Publié le 24 novembre 2026");
    await save();
    const branch = "cms/posts-fr/ete-a-montreal-notre-premiere-annee";
    await waitForBranch(branch);
    const file = "src/blog/fr/ete-a-montreal-notre-premiere-annee.md";
    expect(git(repo.dir, "diff", "--name-status", "main", branch)).toBe(`A\t${file}`);
    expect(parse(git(repo.dir, "show", `${branch}:${file}`)).data.translationKey).toBe("ete-a-montreal-our-first-year");
    await publish(branch);
  });

  it("changes only the title of the seed post: the body and every other value stay as they were", async () => {
    const file = "src/blog/product-manager-qa.md";
    const before = parse(readFileSync(path.join(ROOT, file), "utf8"));
    await open("collections/posts-en/entries/product-manager-qa");
    const title = page.getByLabel("Title", { exact: true });
    await expect.poll(() => title.inputValue(), { timeout: 30_000 }).toBe(before.data.title);
    await title.fill("What exactly is a product manager?");
    await save();
    const branch = "cms/posts-en/product-manager-qa";
    await waitForBranch(branch);
    expect(git(repo.dir, "diff", "--name-status", "main", branch)).toBe(`M\t${file}`);
    const after = parse(execFileSync("git", ["show", `${branch}:${file}`], { cwd: repo.dir, encoding: "utf8" }));
    expect(after.body).toBe(before.body);
    expect(after.data).toEqual({ ...before.data, title: "What exactly is a product manager?" });
  });

  it("changes one level of the role page: its <h3 id> levels and notes stay, and the build still checks them", async () => {
    const file = "src/roles/product-manager.md";
    const original = readFileSync(path.join(ROOT, file), "utf8");
    await open("collections/roles-en/entries/product-manager");
    const editor = page.locator('[data-slate-editor="true"]').first();
    await editor.getByText("is an entry-level product management position").first().waitFor({ timeout: 30_000 });
    // Select the words "entry-level" in the editor and type over them.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('[data-slate-editor="true"]')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf("entry-level product management");
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + "entry-level".length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
    });
    await page.keyboard.type("first");
    await save();
    const branch = "cms/roles-en/product-manager";
    await waitForBranch(branch);
    const saved = git(repo.dir, "show", `${branch}:${file}`) + "\n";
    const levels = (text: string) => text.match(/<h3 id="[^"]+">[^<]*<\/h3>|<strong class="note">[^<]*<\/strong>/g);
    expect(levels(saved)).toEqual(levels(original));
    // Decap ends the file with one newline where the seed ended on a space: invisible, and the page is the same.
    expect(parse(saved).body.trimEnd()).toBe(parse(original).body.replace("entry-level product", "first product").trimEnd());

    await publish(branch);
    const source = checkout(repo.dir, "main");
    temporary.push(source);
    const result = build("production", "_site", source);
    expect(result.status, result.output).toBe(0);
    const role = pageAt(result.dir, "/en/roles/product-manager/");
    // The editor's <h3 id> level heading, one level up on the page (issue 18: the role's title is the h1).
    expect(role("h2#associate").length).toBe(1);
    expect(role.text()).toContain("first product management position");

    // The twins published above link to each other.
    const en = pageAt(result.dir, "/en/blog/ete-a-montreal-our-first-year/");
    const frUrl = en(".gc-lang-toggle a").attr("href")!;
    expect(frUrl).toMatch(/^\/fr\/blogue\//);
    expect(cheerio.load(readFileSync(fileFor(result.dir, frUrl), "utf8"))(".gc-lang-toggle a").attr("href")).toBe("/en/blog/ete-a-montreal-our-first-year/");
    // The French post's pane, before it was saved, had the text of its built page.
    expect(pageText(result.dir, frUrl)).toBe(panes.fr);

    // A wrong level id is still refused by the build.
    const broken = checkout(repo.dir, "main");
    temporary.push(broken);
    const rolePath = path.join(broken, file);
    writeFileSync(rolePath, readFileSync(rolePath, "utf8").replace('<h3 id="associate">', '<h3 id="asociate">'));
    const refused = build("production", "_site", broken);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toMatch(/src\/roles\/product-manager\.md:\d+: level 'associate' is listed/);
  });

  // The pane is a same-origin srcdoc frame: it inherits /admin/'s policy, whose script-src has no 'unsafe-inline', so an
  // inline handler or script in an entry's raw HTML does not run (without that policy, this handler does: checked by hand).
  it("shows an entry's text in the pane as data: no template runs, no script or handler in it runs", async () => {
    await open("collections/posts-en/new");
    await page.getByLabel("Title", { exact: true }).fill("Content is data");
    await page.locator('[data-slate-editor="true"]').first().click();
    await page.keyboard.type('Six times seven is {{ 6 * 7 }}.\n\n<img src="/nothing.png" onerror="parent.document.title = \'ran\'">\n\n<script>parent.document.title = "ran"</script>\n\nEnd.');
    await expect.poll(paneText).toContain("End.");
    expect(await paneText()).toContain("Six times seven is {{ 6 * 7 }}.");
    await page.waitForTimeout(1_000);
    expect(await page.title()).not.toBe("ran");
  });

  it("made no request to any host but its own and decap-server's, and keeps its own CSP", async () => {
    const hosts = new Set(requests.map((url) => new URL(url).hostname));
    expect([...hosts]).toEqual(["127.0.0.1"]);
    const admin = cheerio.load(await (await fetch(`${server.origin}/admin/`)).text());
    const csp = admin('meta[http-equiv="Content-Security-Policy"]').attr("content")!;
    expect(csp).toContain("'unsafe-eval'");
    expect(csp).toContain(`connect-src 'self' ${new URL(api).origin}`);
    const home = cheerio.load(await (await fetch(`${server.origin}/en/`)).text());
    expect(home('meta[http-equiv="Content-Security-Policy"]').attr("content")).toBe(security.csp);
    expect(admin('meta[name="robots"]').attr("content")).toContain("noindex");
  });
});
