// Issue 6: every mistake an editor can make gets a message naming the file,
// and no mistake publishes a broken site.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageAt, projectCopy, ROOT, runScript, type BuildResult } from "../support/site.ts";

const FIXTURES = path.join(ROOT, "tests/fixtures/errors");
/** Outside GitHub Actions, whatever machine runs the tests. */
const TERMINAL = { GITHUB_ACTIONS: "false" };
/** A test that builds the whole site twice (npm run build, then npm run check): time for a busy machine. */
const TWO_BUILDS = 300_000;

/**
 * Mistakes the check of every content file finds before the build, and what
 * the production build must say about each: `path:line:` first, then the
 * message. They are all put in one copy of the site, so this also shows that
 * one run reports every file's problems.
 */
const beforeTheBuild: Record<string, string[]> = {
  "unknown-layout.md": ["src/blog/unknown-layout.md:2: `layout`: unknown layout 'blgo' — did you mean 'blog'?"],
  "missing-title.md": ["src/blog/missing-title.md:1: `title`: expected the post's title"],
  "missing-date.md": ["src/blog/missing-date.md:1: `date`: expected a date such as 2019-07-23, found nothing"],
  "missing-description.md": ["src/blog/missing-description.md:1: `description`: expected a one-sentence description"],
  "missing-author.md": ["src/blog/missing-author.md:1: the post has no `author`"],
  "image-without-alt.md": ["src/blog/image-without-alt.md:7: `image-alt`: expected a description of the image"],
  "not-a-date.md": ["src/blog/not-a-date.md:6: `date`: expected a date such as 2019-07-23, found 'next Tuesday'"],
  "impossible-date.md": ["src/blog/impossible-date.md:6: `date`: 2024-02-30 is not a day of the calendar"],
  "same-url.md": [
    "src/blog/same-url.md:3: this post would be published at /en/blog/so-what-exactly-is-a-product-manager-anyway/, the address of src/blog/product-manager-qa.md",
    "`slug: so-what-exactly-is-a-product-manager-anyway-2`",
  ],
  "same-slug.md": ["src/blog/same-slug.md:7: this post would be published at /en/blog/so-what-exactly-is-a-product-manager-anyway/"],
  "same-translation-key.md": ["src/blog/same-translation-key.md:7: `translationKey`: 'product-manager-QA' is already used by src/blog/product-manager-qa.md"],
  "missing-image.md": ["src/blog/missing-image.md:7: `image`: the image '/img/cds/no-such-photo.jpg' has no file at src/img/cds/no-such-photo.jpg"],
  "image-on-another-site.md": [
    "src/blog/image-on-another-site.md:7: `image`: the image 'https://example.com/photos/team.jpg' is on another site. Images must be files in this repository",
    "add it as src/img/cds/team.jpg and write /img/cds/team.jpg instead",
  ],
  "image-outside-img.md": ["src/blog/image-outside-img.md:7: `image`: the image '/assets/team.jpg' is not under /img/", "'/img/assets/team.jpg'"],
  "not-an-image.md": ["src/blog/not-an-image.md:7: `image`: the file src/img/cds/saved-page.jpg is not a JPEG image", "Export the image again as JPEG or PNG"],
  "yaml-error.md": ["src/blog/yaml-error.md:3: the front matter is not valid YAML at line 3: a quote opened on this line is never closed"],
  "not-utf-8.md": ["src/blog/not-utf-8.md:8: the file is not saved as UTF-8, so the site would show “�” in place of its accented letters (here: Clémentine,)", "with the encoding UTF-8"],
  "emoji-title.md": [
    "src/blog/emoji-title.md:3: the title '🎉🎉🎉' has no letter or digit, so no web address can be made from it",
    "Add a line such as `slug: emoji-title` to the front matter",
  ],
  "empty.md": ["src/blog/empty.md:1: the file is empty. Write its front matter and text (see \"Add a blog post\" in CONTRIBUTING.md), or delete the file."],
  "no-front-matter.md": ["src/blog/no-front-matter.md:1: the file has no front matter. Its first line must be three dashes (---)"],
  "unclosed-front-matter.md": ["src/blog/unclosed-front-matter.md:1: the front matter opened on line 1 is never closed. Add a line of three dashes (---) after its last field, line 6."],
  "wrong-extension.markdown": ["src/blog/wrong-extension.markdown:1: the site only reads files whose names end in .md", "Rename it to src/blog/wrong-extension.md."],
  "misspelt-field.md": [
    "src/blog/misspelt-field.md:3: `titel` is not a field of blog posts: did you mean `title`? Their fields are layout, title, description, author, date,",
    "src/blog/misspelt-field.md:5: `autor` is not a field of blog posts: did you mean `author`?",
    "src/blog/misspelt-field.md:1: `title`: expected the post's title",
  ],
  "wrong-type.md": [
    'src/blog/wrong-type.md:3: `title`: expected the post\'s title (text), found ["A post whose title","is a list"].',
    'src/blog/wrong-type.md:9: `draft`: expected true or false, found "yes".',
  ],
};

/** Files a fixture needs besides itself. */
const alongside: Record<string, Record<string, string>> = {
  // A web page saved under an image's name.
  "not-an-image.md": { "src/img/cds/saved-page.jpg": "<!doctype html><title>Team photo</title>" },
};

/** Mistakes found while the site is built, after the check before it. */
const duringTheBuild: Record<string, string[]> = {
  "unknown-author.md": ["src/blog/unknown-author.md:5: unknown author 'Brian Wiley' in `author` — did you mean 'Bryan Willey'?"],
  "unknown-field.md": ["src/blog/unknown-field.md:7: `summary` is not a field of blog posts, so the site would ignore it. Their fields are"],
  "broken-link.md": [
    "src/blog/broken-link.md:8: the link '/en/roles/product-manager/#seniour' points to #seniour",
    "did you mean '#senior'?",
    "src/blog/broken-link.md:8: the link '/en/roles/designer/' goes to no page or file of the site",
  ],
  "unclosed-note.md": ["src/blog/unclosed-note.md:10: this editorial note is never closed, so readers would see it and the rest of the page as part of it. End it with </strong>."],
};

function addFixture(copy: ReturnType<typeof projectCopy>, name: string): void {
  copy.copy(`tests/fixtures/errors/${name}`, `src/blog/${name}`);
  for (const [file, text] of Object.entries(alongside[name] ?? {})) copy.write(file, text);
}

it("has a fixture for each case, and a case for each fixture", () => {
  expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys({ ...beforeTheBuild, ...duringTheBuild }).sort());
});

/**
 * Puts `fixtures` in one copy of the site, runs npm run build and npm run
 * check on it once, and checks that both name every fixture's problems, each
 * on a line that begins with `path:line:`.
 */
function describeOneRun(title: string, fixtures: Record<string, string[]>, more: (runs: () => Promise<[BuildResult, BuildResult]>, dir: string) => void): void {
  describe(title, () => {
    const copy = projectCopy();
    let runs: Promise<[BuildResult, BuildResult]>;
    beforeAll(() => {
      for (const name of Object.keys(fixtures)) addFixture(copy, name);
      runs = Promise.all([
        runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production", ...TERMINAL }),
        runScript("scripts/check.ts", [], copy.dir, TERMINAL),
      ]);
    });
    afterAll(() => copy.remove());

    for (const [name, messages] of Object.entries(fixtures)) {
      it(`${name}: fails, naming the file and line, what is wrong and the fix; npm run check says the same`, async () => {
        const [build, check] = await runs;
        expect(build.status, build.output).not.toBe(0);
        expect(check.status, check.output).not.toBe(0);
        for (const message of messages) {
          expect(build.output).toContain(message);
          expect(check.output).toContain(message);
        }
        const lines = build.output.split("\n").filter((line) => line.includes(`src/blog/${name}:`));
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(line).toMatch(new RegExp(`^src/blog/${name.replace(/\./g, "\\.")}:\\d+: `));
      }, TWO_BUILDS);
    }

    it("reports every file's problems in the one run, and leaves no site", async () => {
      const [build] = await runs;
      const files = Object.keys(fixtures).length;
      expect(build.output).toMatch(new RegExp(`\\n\\d+ error\\(s\\) in ${files} file\\(s\\)\\.`));
      expect(build.output).toContain("Build failed: _site/ is unchanged.");
      expect(build.output).not.toMatch(/^::/m);
      expect(build.output).not.toContain("[11ty] Problem writing Eleventy templates");
      expect(existsSync(path.join(copy.dir, "_site"))).toBe(false);
      const report = JSON.parse(readFileSync(path.join(copy.dir, ".cache/problems.json"), "utf8")) as {
        ok: boolean;
        problems: Array<{ file: string; severity: string }>;
      };
      expect(report.ok).toBe(false);
      expect(new Set(report.problems.filter((p) => p.severity === "error").map((p) => p.file)).size).toBe(files);
    }, TWO_BUILDS);
    more(() => runs, copy.dir);
  });
}

// Stopped before Eleventy renders a page.
describeOneRun("one production build with every mistake found before the build", beforeTheBuild, (runs) => {
  it("renders nothing: Eleventy wrote no file", async () => {
    const [build] = await runs();
    expect(build.output).toMatch(/Wrote 0 files/);
  }, TWO_BUILDS);
});
// Reported as found; the build goes on to find the others, then fails at its end.
describeOneRun("one production build with every mistake found while the site is built", duringTheBuild, () => {});

describe("in GitHub Actions", () => {
  it("a post with an unknown author on line 5 and a broken link on line 12 gets exactly those two annotations, from the build and from npm run check", async () => {
    const copy = projectCopy();
    try {
      copy.copy("tests/fixtures/annotations/author-and-link.md", "src/blog/author-and-link.md");
      const actions = { GITHUB_ACTIONS: "true" };
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production", ...actions });
      // The check as the pull request's workflow runs it, naming the files the pull request changes.
      const check = await runScript("scripts/check.ts", [], copy.dir, { ...actions, CHANGED_FILES: "src/blog/author-and-link.md\n" });
      for (const run of [build, check]) {
        expect(run.status, run.output).not.toBe(0);
        const annotations = run.output.split("\n").filter((line) => line.startsWith("::error"));
        expect(annotations, run.output).toEqual([
          "::error file=src/blog/author-and-link.md,line=5,title=Unknown author::unknown author 'Brian Wiley' in `author` — did you mean 'Bryan Willey'? " +
            "Authors are listed in src/_data/authors.ts: fix the name, or add the author there.",
          "::error file=src/blog/author-and-link.md,line=12,title=Broken link::the link '/en/roles/product-manager/#seniour' points to #seniour, " +
            "which is not on /en/roles/product-manager/ — did you mean '#senior'? Fix the link, or restore the page or anchor it points to.",
        ]);
        // The same problems for people reading the log, the warnings too.
        expect(run.output).toMatch(/^src\/blog\/author-and-link\.md:5: unknown author/m);
        expect(run.output).toMatch(/^src\/roles\/product-manager\.md:\d+: warning: an editorial note/m);
      }
      // Warnings become annotations on their lines; where the workflow names the changed files, only theirs
      // (GitHub shows ten warnings a step, and the seeds alone have more).
      expect(build.output).toMatch(/^::warning file=src\/roles\/product-manager\.md,line=\d+,title=Editorial note::/m);
      expect(check.output).toMatch(/^src\/blog\/product-manager-qa\.md:\d+: warning: .*/m);
      expect(check.output).not.toMatch(/^::warning/m);
      const report = JSON.parse(readFileSync(path.join(copy.dir, ".cache/problems.json"), "utf8")) as { ok: boolean; problems: Array<{ line: number; severity: string }> };
      expect(report.ok).toBe(false);
      expect(report.problems.filter((p) => p.severity === "error").map((p) => p.line)).toEqual([5, 12]);
    } finally {
      copy.remove();
    }
  }, TWO_BUILDS);
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
    // A good build, with a post as some editors' tools save it: a byte-order
    // mark and Windows line endings. Accepted, and published as written.
    const lines = [
      "---",
      "layout: blog",
      "title: Un billet enregistré sous Windows",
      "description: >-",
      "  Une description",
      "  pliée sur deux lignes.",
      "author: Clémentine Hahn",
      "date: 2024-01-10",
      "---",
      "Le billet de Clémentine, écrit en été.",
      "",
    ];
    copy.write("src/blog/fr/windows.md", `\uFEFF${lines.join("\r\n")}`);
    const good = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
    expect(good.status, good.output).toBe(0);
    const $ = pageAt(path.join(copy.dir, "_site"), "/fr/blogue/un-billet-enregistre-sous-windows/");
    expect($("h1").text()).toBe("Un billet enregistré sous Windows");
    expect($('meta[name="description"]').attr("content")).toBe("Une description pliée sur deux lignes.");
    expect($(".post__body").text().trim()).toBe("Le billet de Clémentine, écrit en été.");
    expect($.html()).not.toMatch(/\uFEFF|\r|layout: blog/);
    const before = snapshot(path.join(copy.dir, "_site"));
    expect(Object.keys(before).length).toBeGreaterThan(20);
    copy.copy("tests/fixtures/errors/broken-link.md", "src/blog/broken.md");
    const bad = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
    expect(bad.status).not.toBe(0);
    expect(snapshot(path.join(copy.dir, "_site"))).toEqual(before);
  }, TWO_BUILDS);
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
  }, TWO_BUILDS);
});
