// Issue 6: every mistake an editor can make gets a message naming the file,
// and no mistake publishes a broken site.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { projectCopy, ROOT, runScript } from "./support/site.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/errors");

/** Each fixture post, and what the production build must say about it. */
const cases: Record<string, string[]> = {
  "unknown-layout": ["src/blog/unknown-layout.md: `layout`: unknown layout 'blgo' — did you mean 'blog'?"],
  "missing-title": ["src/blog/missing-title.md", "`title`: expected the post's title"],
  "missing-date": ["src/blog/missing-date.md", "`date`: expected a date such as 2019-07-23, found nothing"],
  "missing-description": ["src/blog/missing-description.md", "`description`: expected a one-sentence description"],
  "missing-author": ["src/blog/missing-author.md: the post has no `author`"],
  "image-without-alt": ["src/blog/image-without-alt.md", "`image-alt`: expected a description of the image"],
  "not-a-date": ["src/blog/not-a-date.md: `date`: expected a date such as 2019-07-23, found 'next Tuesday'"],
  "unknown-author": ["src/blog/unknown-author.md: unknown author 'Brian Wiley'", "did you mean 'Bryan Willey'?"],
  "same-url": ["src/blog/same-url.md", "src/blog/product-manager-qa.md", "/en/blog/so-what-exactly-is-a-product-manager-anyway/"],
  "same-translation-key": ["`translationKey`: 'product-manager-QA' is already used by", "same-translation-key.md", "product-manager-qa.md"],
  "missing-image": ["src/blog/missing-image.md: the image '/img/cds/no-such-photo.jpg' has no file at src/img/cds/no-such-photo.jpg"],
  "broken-link": [
    "src/blog/broken-link.md (/en/blog/a-post-with-a-broken-anchor/): the link '/en/roles/product-manager/#seniour' points to #seniour",
    "did you mean '#senior'?",
    "the link '/en/roles/designer/' goes to no page or file of the site",
  ],
  "yaml-error": ["src/blog/yaml-error.md: the front matter is not valid YAML at line 3"],
};

it("has a fixture for each case, and a case for each fixture", () => {
  expect(readdirSync(FIXTURES).map((f) => f.replace(/\.md$/, "")).sort()).toEqual(Object.keys(cases).sort());
});

describe.concurrent("a production build with", () => {
  for (const [name, messages] of Object.entries(cases)) {
    it(`${name}: fails, and says so naming the file; npm run check fails too`, async () => {
      const copy = projectCopy();
      try {
        copy.write(`src/blog/${name}.md`, readFileSync(path.join(FIXTURES, `${name}.md`), "utf8"));
        const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
        expect(build.status, build.output).not.toBe(0);
        for (const message of messages) expect(build.output).toContain(message);
        expect(build.output).toContain("Build failed: _site/ is unchanged.");
        const check = await runScript("scripts/check.ts", [], copy.dir);
        expect(check.status, check.output).not.toBe(0);
      } finally {
        copy.remove();
      }
    });
  }
});

describe("a failed build", () => {
  const copy = projectCopy();
  afterAll(() => copy.remove());

  const snapshot = (dir: string) => {
    const files: Record<string, string> = {};
    for (const entry of readdirSync(dir, { recursive: true, encoding: "utf8" })) {
      const file = path.join(dir, entry);
      try {
        files[entry] = createHash("sha256").update(readFileSync(file)).digest("hex");
      } catch {
        // a directory
      }
    }
    return files;
  };

  it("leaves the previous _site/ exactly as the last good build left it", async () => {
    const good = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
    expect(good.status, good.output).toBe(0);
    const before = snapshot(path.join(copy.dir, "_site"));
    expect(Object.keys(before).length).toBeGreaterThan(20);
    copy.write("src/blog/broken.md", readFileSync(path.join(FIXTURES, "broken-link.md"), "utf8"));
    const bad = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
    expect(bad.status).not.toBe(0);
    expect(snapshot(path.join(copy.dir, "_site"))).toEqual(before);
  });
});

describe("npm run check", () => {
  it("passes on the repository as it is", async () => {
    const copy = projectCopy();
    try {
      const check = await runScript("scripts/check.ts", [], copy.dir);
      expect(check.status, check.output).toBe(0);
      expect(check.output).toContain("All checks passed");
    } finally {
      copy.remove();
    }
  });
});
