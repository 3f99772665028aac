// Issue 22: content is data, never code. Every content file is treated as a
// stranger's: no Markdown, front matter or content-editor entry can run a
// command, read a file outside src/, or put script in a page. The threat
// model these tests prove is docs/security.md.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../src/_data/i18n/en.ts";
import fr from "../../src/_data/i18n/fr.ts";
import { clearReported, relative, reportedProblems } from "../../src/_config/problems/content-error.ts";
import { checkContentFile } from "../../src/_config/content/front-matter.ts";
import { imageProblem } from "../../src/_config/assets/images.ts";
import { createMarkdown } from "../../src/_config/markdown/markdown.ts";
import { titleSlug } from "../../src/_config/urls/slugify.ts";
import { executableParts, hostilePost, TEMPLATE_PAYLOADS, type HostilePost } from "../support/hostile.ts";
import { build, fileFor, pageAt, projectCopy, ROOT, type BuildResult } from "../support/site.ts";

/** fast-check's seed: the same posts on every run; FC_SEED=n tries others. */
const SEED = Number(process.env.FC_SEED ?? 22);
const BUILD = 240_000;
const SEED_POST = "/en/blog/so-what-exactly-is-a-product-manager-anyway/";
/** A line of a Node stack trace. */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

const post = (title: string, body: string, more = "") =>
  `---\nlayout: blog\ntitle: '${title.replace(/'/g, "''")}'\ndescription: A fixture.\nauthor: Dan Tse\ndate: 2024-01-10\n${more}---\n${body}`;

/** Every file of a folder, but the build's output and caches. */
function filesOf(dir: string, skip = ["_site", ".cache", "node_modules"]): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = path.join(sub, name);
      if (skip.some((s) => rel === s || rel.startsWith(`${s}.`))) continue;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else out.push(rel);
    }
  };
  walk("");
  return out.sort();
}

const body$ = (dir: string, url: string) => pageAt(dir, url)(".post__body");

describe("a post with template code in it", () => {
  const marker = path.join(mkdtempSync(path.join(os.tmpdir(), "probe-")), "ran");
  const commands = [
    `{{ range.constructor("return process")().getBuiltinModule("child_process").execSync("touch ${marker}") }}`,
    `{{ range.constructor("return global.process.mainModule.require('child_process').execSync('touch ${marker}')")() }}`,
  ];
  // Besides TEMPLATE_PAYLOADS' includes of ../package.json and ../../.git/config: from src/blog/,
  // ../../ is the copy's root, whose package.json and .git/config (planted below) a template could include.
  const includes = ['{% include "../../package.json" %}', "{% include '../../../package.json' %}"];
  const payloads = [...commands, ...includes, ...TEMPLATE_PAYLOADS];
  const longTitle = "product ".repeat(44).trim();
  const codeSample = [
    "Write `{{ name }}` to show a name, and `{% if %}` to choose.",
    "",
    "```njk",
    "<p>Hello, {{ user.name }}!</p>",
    "{% if user.admin %}<a href=\"/admin/\">Admin</a>{% endif %}",
    "{# a comment #}{%- raw -%}{{ kept }}{%- endraw -%}",
    "```",
    "",
  ].join("\n");
  let copy: ReturnType<typeof projectCopy>;
  let result: BuildResult;
  let before: string[];
  beforeAll(() => {
    copy = projectCopy();
    copy.write(".git/config", "[core]\n\trepositoryformatversion = 0\n");
    copy.write("src/blog/template-code.md", post("Template code", payloads.join("\n\n") + "\n"));
    copy.write("src/blog/code-sample.md", post("A code sample", codeSample));
    // A title as long as a paragraph, and a title with no a–z but a slug.
    copy.write("src/blog/long-title.md", post(longTitle, "Text.\n"));
    copy.write("src/blog/syllabics.md", post("ᐊᐃᖓᐃ ᓄᓇᕗᑦ", "Text.\n", "slug: aingai-nunavut\n"));
    copy.write("src/blog/headings.md", post("Headings", "## ᐊᐃᖓᐃ ᓄᓇᕗᑦ\n\n## Привет\n\n## 🎉\n\n## 🎉\n\nSee [the first](#ᐊᐃᖓᐃ-ᓄᓇᕗᑦ).\n"));
    before = filesOf(copy.dir);
    result = build("production", "_site", copy.dir);
  }, BUILD);
  afterAll(() => {
    copy.remove();
    rmSync(path.dirname(marker), { recursive: true, force: true });
  });

  it("builds", () => {
    expect(result.status, result.output).toBe(0);
  });

  it("publishes every template tag as text, runs no command and starts no process", () => {
    const text = body$(result.dir, "/en/blog/template-code/").text();
    for (const code of payloads) expect(text).toContain(code);
    expect(existsSync(marker)).toBe(false);
  });

  it("puts no file from outside src/ in the page", () => {
    const html = readFileSync(fileFor(result.dir, "/en/blog/template-code/"), "utf8");
    expect(html).not.toContain('"name": "cds-careers-site"');
    expect(html).not.toContain("[core]");
    // The HTML would hold an included package.json's quotes as &quot;, its text as they are.
    expect(cheerio.load(html).text()).not.toContain('"name": "cds-careers-site"');
  });

  it("writes no file outside _site/", () => {
    expect(filesOf(copy.dir)).toEqual(before);
  });

  it("keeps every character of a code sample's fenced block and code spans", () => {
    const $ = pageAt(result.dir, "/en/blog/a-code-sample/");
    // Every line of the sample; the highlighter drops only the newline that ends the last.
    const fenced = codeSample.split("```njk\n")[1]!.split("\n```")[0]!;
    expect($(".post__body pre code").first().text()).toBe(fenced);
    expect($(".post__body p code").map((_, el) => $(el).text()).get()).toEqual(["{{ name }}", "{% if %}"]);
  });

  it("caps the address made from a long title at 80 characters, on a word", () => {
    const slug = titleSlug(longTitle);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^(product-)+product$/);
    expect(pageAt(result.dir, `/en/blog/${slug}/`)("h1").text()).toBe(longTitle);
  });

  it("gives headings with no a–z letter an id of their own letters, never an empty one", () => {
    const $ = pageAt(result.dir, "/en/blog/headings/");
    expect($(".post__body h2").map((_, el) => $(el).attr("id")).get()).toEqual(["ᐊᐃᖓᐃ-ᓄᓇᕗᑦ", "привет", "section", "section-1"]);
  });

  it("publishes a title in syllabics at the address its slug gives", () => {
    expect(pageAt(result.dir, "/en/blog/aingai-nunavut/")("h1").text()).toBe("ᐊᐃᖓᐃ ᓄᓇᕗᑦ");
  });
});

describe("raw HTML in content", () => {
  // Each refused line's number in the file, then what the message must say.
  const refused: Array<[string, number, string]> = [
    ["<script>alert(1)</script>", 10, "<script> is not allowed in content"],
    ['<iframe src="https://evil.example/"></iframe>', 12, "<iframe> is not allowed"],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example/">', 14, "<meta> is not allowed"],
    ['<form action="https://evil.example/"><input name="q"></form>', 16, "<form> is not allowed"],
    ["<svg><circle r=1 /></svg>", 18, "<svg> is not allowed"],
    ["<math><mi>x</mi></math>", 20, "<math> is not allowed"],
    ['<a href="https://example.org">x</a>', 22, "Write a Markdown link instead"],
    ["<img src=/img/cds/pm-banner-fix.jpg alt=x>", 24, "Write a Markdown image of a file under /img/"],
    ['Text <span lang="fr" onclick="go()">x</span>', 26, "event attribute such as `onclick` is not allowed"],
    ['Text <abbr title="x" style="color:red">x</abbr>', 28, "a `style` attribute is not allowed"],
    ["[a link](javascript:alert(1))", 30, "not to a `javascript:` address"],
    ["[a link](jav&#x61;script:alert(1))", 32, "not to a `javascript:` address"],
    ["![a picture](data:image/png;base64,iVBORw0KGgo=)", 34, "not a `data:` address"],
    ["[a link](vbscript:msgbox(1))", 36, "not to a `vbscript:` address"],
    ["Text\n</div>", 39, "</div> is not allowed"],
    ["<h3 id=senior>Senior</h3>", 41, "<h3> is not allowed"],
    ["![a picture](https://example.org/photo.jpg)", 43, "is on another site"],
  ];
  const allowed = '<abbr title="Canadian Digital Service">CDS</abbr>, H<sub>2</sub>O, x<sup>2</sup>, <kbd>Ctrl</kbd>, <span lang="fr">bonjour</span><br>end.';
  let copy: ReturnType<typeof projectCopy>;
  let refusedRun: BuildResult;
  let allowedRun: BuildResult;
  beforeAll(() => {
    copy = projectCopy();
    copy.write("src/blog/allowed-html.md", post("Allowed HTML", `${allowed}\n`));
    allowedRun = build("production", "_allowed", copy.dir);
    copy.write("src/blog/refused-html.md", post("Refused HTML", "Intro.\n\n" + refused.map(([html]) => html).join("\n\n") + "\n"));
    refusedRun = build("production", "_refused", copy.dir);
  }, BUILD);
  afterAll(() => copy.remove());

  it("publishes the allowed inline elements as written", () => {
    expect(allowedRun.status, allowedRun.output).toBe(0);
    expect(body$(allowedRun.dir, "/en/blog/allowed-html/").html()!.trim()).toBe(`<p>${allowed}</p>`);
  });

  it.each(refused)("refuses %s on its line, saying what to write instead", (_, line, message) => {
    expect(refusedRun.status).not.toBe(0);
    const lines = refusedRun.output.split("\n").filter((l) => l.startsWith(`src/blog/refused-html.md:${line}: `));
    expect(lines.join("\n"), refusedRun.output).toContain(message);
  });

  it("fails with nothing but path:line: messages, and publishes nothing", () => {
    expect(refusedRun.output).not.toMatch(STACK);
    expect(existsSync(refusedRun.dir)).toBe(false);
  });
});

describe("front matter is data", () => {
  const cases: Record<string, { source: string; line: number; message: string }> = {
    "js-front-matter.md": { source: '---js\n{ title: require("child_process").execSync("id").toString() }\n---\nText.\n', line: 1, message: "front matter here is YAML only" },
    "json-front-matter.md": { source: '---json\n{ "title": "x" }\n---\nText.\n', line: 1, message: "front matter here is YAML only" },
    "prototype.md": { source: post("Prototype", "Text.\n", "__proto__:\n  polluted: yes\n"), line: 7, message: "`__proto__` cannot be the name of a field" },
    "deep-prototype.md": { source: post("Deep", "Text.\n", "tags:\n  - a\nextra:\n  list:\n    - constructor:\n        prototype: 1\n"), line: 11, message: "`constructor` cannot be the name of a field" },
    "aliases.md": {
      source: post("Aliases", "Text.\n", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"),
      line: 9,
      message: "more than 10 YAML aliases",
    },
    "too-long.md": { source: post("Long", "Text.\n", `x: '${"x".repeat(12_000)}'\n`), line: 7, message: "more than the 10000 it may have" },
    "permalink.md": { source: post("Permalink", "Text.\n", "permalink: '/{{ 7 * 7 }}/'\n"), line: 7, message: "`permalink` is not a field of blog posts" },
    "computed.md": { source: post("Computed", "Text.\n", "eleventyComputed:\n  title: x\n"), line: 7, message: "`eleventyComputed` is not a field of blog posts" },
    "engine.md": { source: post("Engine", "Text.\n", "templateEngineOverride: njk\n"), line: 7, message: "`templateEngineOverride` is not a field of blog posts" },
    "syllabics-title.md": { source: post("ᐊᐃᖓᐃ ᓄᓇᕗᑦ", "Text.\n"), line: 3, message: "has letters, but none in a–z (it may be in syllabics, Cyrillic or Chinese)" },
    "cyrillic-title.md": { source: post("Привет мир", "Text.\n"), line: 3, message: "none in a–z" },
    "author-twice.md": { source: post("Twice", "Text.\n").replace("author: Dan Tse", "author: 'Dan Tse, Bryan Willey, Dan Tse'"), line: 5, message: "'Dan Tse' is named more than once in `author`" },
    "author-twice-list.md": { source: post("Twice in a list", "Text.\n").replace("author: Dan Tse", "author:\n  - Dan Tse\n  - Bryan Willey\n  - Dan Tse"), line: 8, message: "'Dan Tse' is named more than once" },
    "long-slug.md": { source: post("Slug", "Text.\n", `slug: ${"word-".repeat(20)}end\n`), line: 7, message: "expected at most 80 characters" },
  };
  let copy: ReturnType<typeof projectCopy>;
  let run: BuildResult;
  beforeAll(() => {
    copy = projectCopy();
    for (const [name, { source }] of Object.entries(cases)) copy.write(`src/blog/${name}`, source);
    // A pull request can carry a symbolic link: one in src/img/ would publish what it points to.
    symlinkSync("../../../package.json", path.join(copy.dir, "src/img/cds/leak.jpg"));
    run = build("production", "_site", copy.dir);
  }, BUILD);
  afterAll(() => copy.remove());

  it.each(Object.entries(cases))("%s: refused on its line, with the fix", (name, { line, message }) => {
    expect(run.status).not.toBe(0);
    const lines = run.output.split("\n").filter((l) => l.startsWith(`src/blog/${name}:${line}: `));
    expect(lines.join("\n"), run.output).toContain(message);
  });

  it("refuses a symbolic link under src/, which would publish a file from outside it", () => {
    expect(run.output).toContain("src/img/cds/leak.jpg:1: this is a symbolic link, and the site publishes only files of its own");
  });

  it("fails before Eleventy writes anything: no stack trace, no site", () => {
    expect(run.output).not.toMatch(STACK);
    expect(run.output).toContain("[11ty] Wrote 0 files");
    expect(existsSync(path.join(copy.dir, "_site"))).toBe(false);
  });
});

describe("a __proto__ key in front matter", () => {
  const probe = path.join(ROOT, "tests/support/prototype-probe.mjs");
  // The shortest post with which bare Eleventy 3.1.8 pollutes the prototype.
  const source = "---\ntitle: P\n__proto__:\n  polluted: yes\n---\nText.\n";
  const added = (output: string) => JSON.parse(/^PROTOTYPE (.*)$/m.exec(output)![1]!) as { added: string[]; polluted: unknown };

  it("leaves Object.prototype as it was after the site's build", () => {
    const copy = projectCopy();
    try {
      copy.write("src/blog/prototype.md", source);
      const { status, output } = build("production", "_site", copy.dir, {}, ["--import", probe]);
      expect(status, output).not.toBe(0);
      expect(output).toContain("src/blog/prototype.md:3: `__proto__` cannot be the name of a field");
      expect(added(output)).toEqual({ added: [], polluted: null });
    } finally {
      copy.remove();
    }
  }, BUILD);

  // The control needs Eleventy 3; 4.0's alpha merges data without polluting (npm run test:eleventy4).
  const eleventyMajor = Number((JSON.parse(readFileSync(path.join(ROOT, "node_modules/@11ty/eleventy/package.json"), "utf8")) as { version: string }).version.split(".")[0]);
  it.skipIf(eleventyMajor !== 3)("is what bare Eleventy 3 merges into Object.prototype (11ty/eleventy-utils#8), so the probe can see it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bare-"));
    try {
      mkdirSync(path.join(dir, "src"));
      writeFileSync(path.join(dir, "src/post.md"), source);
      const result = spawnSync(process.execPath, ["--import", probe, path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs"), "--input=src", "--output=_site", "--quiet"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(added(`${result.stdout}\n${result.stderr}`).polluted).toBe("yes");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, BUILD);
});

// ---------------------------------------------------------------------------
// Thousands of hostile posts (fast-check, seeded): each is either published
// with nothing executable in it, or refused with `path:line:` messages
// naming the file. Checked in-process through the site's own content check
// and Markdown (thousands), then end to end through real builds (dozens).

type Verdict = { kind: "published"; html: string } | { kind: "refused before the build" | "refused by the build"; lines: number[] };

const md = createMarkdown("strip", { imageProblem });
const scratch = mkdtempSync(path.join(os.tmpdir(), "hostile-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What the site's content check and Markdown make of one post, in this process. */
function verdict(hostile: HostilePost): Verdict {
  const inputPath = path.join(scratch, hostile.name);
  writeFileSync(inputPath, hostile.source);
  const checked = checkContentFile(inputPath, Buffer.from(hostile.source), "blog", "en");
  const file = relative(inputPath);
  const lineCount = hostile.source.split("\n").length;
  const lines = (problems: Array<{ file: string; line?: number }>) =>
    problems.map((p) => {
      expect(p.file).toBe(file);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(lineCount);
      return p.line!;
    });
  if (checked.fatal.length) return { kind: "refused before the build", lines: lines(checked.fatal) };
  clearReported();
  const html = md.render(hostile.body, { page: { inputPath, url: "/en/blog/x/" }, lang: "en", i18n: { en, fr }, title: hostile.title });
  // Even content the build refuses is inert in npm start's page, which shows it while the error dialog explains.
  expect(executableParts(html)).toEqual([]);
  const text = cheerio.load(html).text();
  for (const payload of hostile.literal) expect(text).toContain(payload);
  const reported = [...checked.deferred, ...reportedProblems().filter((p) => p.severity === "error")];
  clearReported();
  return reported.length ? { kind: "refused by the build", lines: lines(reported) } : { kind: "published", html };
}

describe("thousands of hostile posts", () => {
  it("are each published inert, or refused on their lines, by the content check and the Markdown", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(hostilePost, (hostile) => {
        // Anything thrown, a crash, a ContentError or a failed expect, fails the property.
        seen.add(verdict(hostile).kind);
      }),
      { seed: SEED, numRuns: 3000 },
    );
    // The generator reaches every outcome, so none of the three paths goes untested.
    expect([...seen].sort()).toEqual(["published", "refused before the build", "refused by the build"]);
  });

  describe("built for real", () => {
    const byKind = new Map<string, HostilePost[]>();
    const runs = new Map<string, { copy: ReturnType<typeof projectCopy>; result: BuildResult; before: string[] }>();
    beforeAll(() => {
      for (const hostile of fc.sample(hostilePost, { seed: SEED, numRuns: 36 })) {
        const kind = verdict(hostile).kind;
        byKind.set(kind, [...(byKind.get(kind) ?? []), hostile]);
      }
      for (const [kind, batch] of byKind) {
        const copy = projectCopy();
        for (const hostile of batch) copy.write(`src/blog/${hostile.name}`, hostile.source);
        const before = filesOf(copy.dir);
        runs.set(kind, { copy, result: build("production", "_site", copy.dir), before });
      }
    }, BUILD * 2);
    afterAll(() => {
      for (const { copy } of runs.values()) copy.remove();
    });

    it("publishes the accepted ones with nothing executable and their template code as text", () => {
      const { result } = runs.get("published")!;
      expect(result.status, result.output).toBe(0);
      // The page frame's own scripts, search form and symbols, which every post has.
      const frame = executableParts(readFileSync(fileFor(result.dir, SEED_POST), "utf8"));
      for (const hostile of byKind.get("published")!) {
        // The generator's one slug is too long: a post with it is refused before the build.
        const url = `/en/blog/${titleSlug(hostile.title)}/`;
        const html = readFileSync(fileFor(result.dir, url), "utf8");
        expect(executableParts(html), `${hostile.name} at ${url}`).toEqual(frame);
        const text = cheerio.load(html)(".post__body").text();
        for (const payload of hostile.literal) expect(text).toContain(payload);
      }
    });

    it.each(["refused before the build", "refused by the build"])("names every file %s on its lines, with no stack trace and no file written", (kind) => {
      const { copy, result, before } = runs.get(kind)!;
      expect(result.status).not.toBe(0);
      expect(result.output).not.toMatch(STACK);
      for (const hostile of byKind.get(kind)!) expect(result.output).toMatch(new RegExp(`^src/blog/${hostile.name.replace(".", "\\.")}:\\d+: `, "m"));
      expect(existsSync(path.join(copy.dir, "_site"))).toBe(false);
      expect(filesOf(copy.dir)).toEqual(before);
    });
  });
});
