// Issue 17: the preview stays right after an editor's save in `npm start`,
// whose incremental builds render only what a save changed
// (src/_config/dev-server/incremental.ts). Times and memory are measured by
// `npm run bench`; the page-weight budget is in tests/site/design.test.ts.
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { benchPostUrl, saveAndRebuild, startDevServer, type DevServer } from "../support/dev-server.ts";
import { fileFor, pageAt, projectCopy } from "../support/site.ts";
import { post, postFile } from "../../scripts/bench-corpus.ts";

describe("the preview after an editor's save (npm start)", () => {
  const site = projectCopy();
  let dev: DevServer | undefined;
  const out = (url: string) => fileFor(path.join(site.dir, "_site"), url);
  const html = (url: string) => readFileSync(out(url), "utf8");
  const file = (i: number, lang: "en" | "fr") => path.join(site.dir, "src", "blog", postFile(i, lang));
  // Posts 0, 1 and 2, oldest first, with French twins (the bench's synthetic posts).
  const urlOf = (i: number, lang: "en" | "fr") => benchPostUrl(file(i, lang), lang);

  /** Saves a file and waits for the rebuild it starts; returns the files written. */
  async function save(target: string, edit: (text: string) => string): Promise<string[]> {
    const log = await saveAndRebuild(dev!, target, edit, {
      each: (since) => {
        if (/\[11ty\].*(Error|error)/.test(since)) throw new Error(since);
      },
    });
    return [...log.matchAll(/Writing \.\/_site(\S+?)(?:index\.html)? from/g)].map((m) => m[1]!);
  }

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      for (const lang of ["en", "fr"] as const) site.write(path.join("src", "blog", postFile(i, lang)), post(i, lang));
    }
    dev = await startDevServer(site.dir);
  });
  afterAll(async () => {
    await dev?.stop();
    site.remove();
  });

  it("a body edit rewrites the post and the feed, and no listing", async () => {
    const listing = out("/en/blog/");
    const before = statSync(listing).mtimeMs;
    const written = await save(file(1, "en"), (text) => `${text}\nA sentence added by the editor.\n`);
    expect(written.sort()).toEqual([urlOf(1, "en"), "/en/feed.xml", "/fr/feed.xml"].sort());
    expect(html(urlOf(1, "en"))).toContain("A sentence added by the editor.");
    expect(readFileSync(out("/en/feed.xml"), "utf8")).toContain("A sentence added by the editor.");
    expect(statSync(listing).mtimeMs).toBe(before);
  });

  it("a date edit moves the post in the listing and between new neighbours", async () => {
    // Post 0, the oldest, becomes the newest: before the seed post.
    const seed = "/en/blog/so-what-exactly-is-a-product-manager-anyway/";
    await save(file(0, "en"), (text) => text.replace(/^date: .*$/m, "date: 2030-01-01T00:00:00.000Z"));
    const first = pageAt(path.join(site.dir, "_site"), "/en/blog/")(".post-card__title a").first().attr("href");
    expect(first).toBe(urlOf(0, "en"));
    const $seed = pageAt(path.join(site.dir, "_site"), seed);
    expect($seed(".post-nav__newer a").attr("href")).toBe(urlOf(0, "en"));
    // Post 1 was post 0's newer neighbour; now it is the oldest post, with no older link.
    const $one = pageAt(path.join(site.dir, "_site"), urlOf(1, "en"));
    expect($one(".post-nav__older")).toHaveLength(0);
    expect(html(urlOf(0, "en"))).toContain(`href="${seed}"`);
  });

  it("a title edit gives the post its new URL in the listing, the neighbours, the twin's toggle and the sitemap", async () => {
    await save(file(2, "en"), (text) => text.replace(/^title: "(.*)"$/m, 'title: "A title the editor changed"'));
    const url = "/en/blog/a-title-the-editor-changed/";
    expect(html(url)).toContain("<h1>A title the editor changed</h1>");
    const $listing = pageAt(path.join(site.dir, "_site"), "/en/blog/");
    expect($listing(`.post-card__title a[href="${url}"]`).text()).toBe("A title the editor changed");
    const $twin = pageAt(path.join(site.dir, "_site"), urlOf(2, "fr"));
    expect($twin(".gc-lang-toggle a").attr("href")).toBe(url);
    const $older = pageAt(path.join(site.dir, "_site"), urlOf(1, "en"));
    expect($older(".post-nav__newer a").attr("href")).toBe(url);
    expect($older(".post-nav__newer a").text()).toContain("A title the editor changed");
    expect(readFileSync(out("/sitemap.xml"), "utf8")).toContain(`${url}</loc>`);
  });
});
