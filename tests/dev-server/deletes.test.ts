// Issue 23: deleting or renaming a file during `npm start` (or in the content
// editor of `npm run cms`) rebuilds the preview (src/_config/dev-server/deletes.ts).
// Against the real dev server, in a copy of the project; the open page in
// Chromium.
import { existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allStarted, launch } from "../support/browser.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { fileFor, projectCopy } from "../support/site.ts";

const post = (title: string, extra = "") =>
  `---\nlayout: blog\ntitle: ${title}\ndescription: A post for a test.\nauthor: 'Dan Tse'\ndate: 2026-12-01\n${extra}---\nText of ${title}.\n`;

const DELETED = { file: "src/blog/a-post-to-delete.md", url: "/en/blog/a-post-to-delete/" };
const TWIN = { file: "src/blog/fr/un-billet-a-supprimer.md", url: "/fr/blogue/un-billet-a-supprimer/" };
const RENAMED = { from: "src/blog/moving.md", to: "src/blog/fr/moving.md", before: "/en/blog/a-post-that-moves/", after: "/fr/blogue/a-post-that-moves/" };
// Every page that lists a post: listings, feeds, sitemap, author pages, the blog listing in French.
const LISTS = ["/en/blog/", "/en/feed.xml", "/sitemap.xml", "/en/authors/dan-tse/", "/fr/blogue/", "/fr/feed.xml", "/fr/auteurs/dan-tse/"];

describe("npm start after a delete or a rename", { timeout: 150_000 }, () => {
  let copy: ReturnType<typeof projectCopy>;
  let server: DevServer | undefined;
  let browser: Browser;
  let firstPages: string[];
  /** Every HTML page in the dev server's output folder, /admin/ too (which htmlPages leaves out): none may go missing. */
  const pages = () =>
    readdirSync(path.join(copy.dir, "_site"), { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith(".html"))
      .map((file) => "/" + file.split(path.sep).join("/").replace(/index\.html$/, ""))
      .sort();
  const output = (url: string) => fileFor(path.join(copy.dir, "_site"), url);
  const get = async (url: string) => (await fetch(server!.origin + url)).text();
  /** The pages of LISTS that link `url`. */
  const listing = async (url: string) => (await Promise.all(LISTS.map(async (list) => ((await get(list)).includes(url) ? list : "")))).filter(Boolean);
  /** Waits until `check` holds (each rebuild takes a second or two; longer on a busy machine). */
  const until = async (what: string, check: () => Promise<boolean> | boolean) => {
    for (const end = Date.now() + 60_000; Date.now() < end; await new Promise((r) => setTimeout(r, 250))) if (await check()) return;
    throw new Error(`Still not so after 60 s: ${what}\n${server!.log().slice(-3000)}`);
  };

  beforeAll(async () => {
    copy = projectCopy();
    copy.write(DELETED.file, post("A post to delete", "translationKey: a-post-to-delete\n"));
    copy.write(TWIN.file, post("Un billet à supprimer", "translationKey: a-post-to-delete\n"));
    copy.write(RENAMED.from, post("A post that moves"));
    await allStarted([startDevServer(copy.dir).then((s) => (server = s)), launch().then((b) => (browser = b))]);
    firstPages = pages();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    copy?.remove();
  });

  it("a deleted post leaves the listings, feeds, sitemap and author pages, its page leaves the output, its twin's toggle no longer points at it", async () => {
    expect(await listing(DELETED.url)).toEqual(["/en/blog/", "/en/feed.xml", "/sitemap.xml", "/en/authors/dan-tse/"]);
    expect(existsSync(output(DELETED.url))).toBe(true);
    expect(await get(TWIN.url)).toContain(`href="${DELETED.url}"`);

    rmSync(path.join(copy.dir, DELETED.file));
    await until(`${DELETED.url} gone from the output`, () => !existsSync(output(DELETED.url)));
    await until(`${DELETED.url} gone from every listing`, async () => (await listing(DELETED.url)).length === 0);
    await until(`${TWIN.url} no longer links it`, async () => !(await get(TWIN.url)).includes(`href="${DELETED.url}"`));
    expect((await fetch(server!.origin + DELETED.url)).status).toBe(404);
    expect(server!.log()).not.toMatch(/Problem writing Eleventy templates/);
  });

  it("a renamed post leaves its old address, and is at its new one", async () => {
    expect(await listing(RENAMED.before)).toEqual(["/en/blog/", "/en/feed.xml", "/sitemap.xml", "/en/authors/dan-tse/"]);
    const page = await browser.newPage();
    await page.goto(server!.origin + "/en/blog/");
    await page.waitForTimeout(500); // the error overlay's socket opens

    renameSync(path.join(copy.dir, RENAMED.from), path.join(copy.dir, RENAMED.to));
    await until(`${RENAMED.after} built`, () => existsSync(output(RENAMED.after)));
    await until(`${RENAMED.before} gone from the output`, () => !existsSync(output(RENAMED.before)));
    await until(`${RENAMED.before} gone from every listing`, async () => (await listing(RENAMED.before)).length === 0);
    expect(await listing(RENAMED.after)).toEqual(["/sitemap.xml", "/fr/blogue/", "/fr/feed.xml", "/fr/auteurs/dan-tse/"]);
    // No build in between had both names, nor failed.
    expect(server!.log()).not.toMatch(/Problem writing Eleventy templates/);
    expect(await page.locator("#build-error").evaluate((dialog: HTMLDialogElement) => dialog.open)).toBe(false);
    await page.close();
  });

  it("deleting a broken post takes its error off the open page", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(server!.origin + "/en/blog/");
    const dialog = page.getByRole("dialog", { name: "The site could not be rebuilt" });
    await page.waitForTimeout(500); // the error overlay's socket opens

    copy.write("src/blog/broken.md", post("A broken post").replace("author: 'Dan Tse'", "author: 'Brian Wiley'"));
    await dialog.waitFor({ state: "visible", timeout: 60_000 });
    expect(await dialog.innerText()).toContain("src/blog/broken.md");

    rmSync(path.join(copy.dir, "src/blog/broken.md"));
    await dialog.waitFor({ state: "hidden", timeout: 60_000 });
    await expect(page.locator("h1").first().innerText()).resolves.toBe("Blog");
    expect(await get("/en/blog/")).not.toContain("a-broken-post");
  });

  it("every other page is still there, those the incremental builds did not render again too (the translation status page, made with addTemplate, has no file)", () => {
    expect(firstPages).toContain("/en/translation-status/");
    expect(pages()).toEqual([...firstPages.filter((url) => url !== DELETED.url && url !== RENAMED.before), RENAMED.after].sort());
  });
});
