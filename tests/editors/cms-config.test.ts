// The content editor's configuration, derived from the schemas and data; and
// `npm run cms`'s promise that decap-server never touches the editor's checkout.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import yaml from "js-yaml";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, LOCAL_BRANCH, prepareWorktree, startDecapServer } from "../../scripts/cms.ts";
import { cmsConfig, cmsConfigured, cmsEnvironment } from "../../src/_config/editors/cms-config.ts";
import { fieldText } from "../../src/_config/editors/cms-labels.ts";
import { authorProblems, authorsOf } from "../../src/_config/content/content-data.ts";
import { postSchema, roleSchema } from "../../src/_config/content/schemas.ts";
import authors from "../../src/_data/authors.ts";
import roles from "../../src/_data/roles.ts";
import { pageAt, productionSite, ROOT } from "../support/site.ts";

type Field = Record<string, unknown> & { name: string };
type Collection = { name: string; folder: string; fields: Field[] };
const collections = (lang: "en" | "fr", env = cmsEnvironment({ CMS_LOCAL_BACKEND: "http://127.0.0.1:1/api/v1" })) =>
  cmsConfig(lang, env, authors, "https://example.org").collections as Collection[];
const field = (collection: string, name: string, lang: "en" | "fr" = "en") =>
  collections(lang).find((c) => c.name === collection)!.fields.find((f) => f.name === name)!;

describe("the editor's configuration", () => {
  it("has every field of the schemas, required exactly when the schema requires it", () => {
    for (const [collection, schema] of [["posts-en", postSchema], ["posts-fr", postSchema], ["roles-en", roleSchema]] as const) {
      for (const [name, s] of Object.entries(schema.shape)) {
        expect(field(collection, name).required, `${collection}.${name}`).toBe(!s.isOptional());
      }
    }
  });

  it("takes patterns from the schemas, and the authors from authors.ts", () => {
    expect(field("posts-en", "slug").pattern).toEqual(["^[a-z0-9-]+$", expect.any(String)]);
    expect(field("posts-en", "author")).toMatchObject({ widget: "authors", multiple: true, options: authors.map((a) => a.name) });
    const more = [...authors, { slug: "ada-tremblay", name: "Ada Tremblay", jobTitle: { en: "Designer", fr: "Designer" } }];
    const config = cmsConfig("en", cmsEnvironment({}), more, "https://example.org").collections as Collection[];
    expect(config[0]!.fields.find((f) => f.name === "author")!.options).toContain("Ada Tremblay");
  });

  it("labels every field in both languages, and says so in the editor's language", () => {
    for (const name of Object.keys({ ...postSchema.shape, ...roleSchema.shape })) {
      expect(fieldText[name]?.label.en, name).toBeTruthy();
      expect(fieldText[name]?.label.fr, name).toBeTruthy();
    }
    expect(field("posts-en", "date", "fr").label).toBe("Date de publication");
    expect(field("posts-en", "date", "en").label).toBe("Publication date");
  });

  it("picks a French post's translationKey from the English posts, writes dates in UTC and bodies as raw Markdown", () => {
    expect(field("posts-fr", "translationKey")).toMatchObject({ widget: "relation", collection: "posts-en", value_field: "translationKey" });
    expect(field("posts-en", "translationKey").widget).toBe("string");
    expect(field("posts-en", "date")).toMatchObject({ widget: "datetime", picker_utc: true, format: "YYYY-MM-DDTHH:mm:ss.SSS[Z]" });
    for (const c of collections("en")) expect(c.fields.find((f) => f.name === "body")!.modes, c.name).toEqual(["raw"]);
    for (const name of ["thumb", "processed"]) expect(field("posts-en", name).widget).toBe("hidden");
    expect(field("roles-en", "class").widget).toBe("hidden");
  });

  it("gives every collection a preview_path: where its entries' pages are on the site", () => {
    for (const lang of ["en", "fr"] as const) {
      for (const c of collections(lang)) expect((c as Collection & { preview_path?: string }).preview_path, c.name).toBeTruthy();
    }
    const paths = Object.fromEntries(collections("en").map((c) => [c.name, (c as Collection & { preview_path: string }).preview_path]));
    // A role's file name is its slug; a post's URL is its title's slug (Decap slugs `{{title}}` with the config's `slug` settings).
    expect(paths).toEqual({
      "posts-en": "/en/blog/{{title}}/",
      "posts-fr": "/fr/blogue/{{title}}/",
      "roles-en": "/en/roles/{{slug}}/",
      "roles-fr": "/fr/roles/{{slug}}/",
    });
    for (const role of roles) {
      for (const lang of ["en", "fr"] as const) {
        const url = paths[`roles-${lang}`]!.replace("{{slug}}", role.slug[lang]);
        expect(pageAt(productionSite, url)("h1").text()).toBe(role.title[lang]);
      }
    }
  });

  it("is on only with a local decap-server, or with a GitHub repository and an OAuth endpoint of our own", () => {
    expect(cmsConfigured(cmsEnvironment({}))).toBe(false);
    expect(cmsConfigured(cmsEnvironment({ CMS_GITHUB_REPO: "cds-snc/careers-site" }))).toBe(false);
    const env = cmsEnvironment({ CMS_GITHUB_REPO: "cds-snc/careers-site", CMS_OAUTH_URL: "https://oauth.example.ca/" });
    expect(cmsConfigured(env)).toBe(true);
    expect(cmsConfig("en", env, authors, "https://example.org").backend).toEqual({
      name: "github",
      repo: "cds-snc/careers-site",
      branch: "main",
      base_url: "https://oauth.example.ca",
      auth_endpoint: "auth",
    });
  });

  it("links the header to the published site in GitHub mode; locally, admin.js puts the preview's own address there", () => {
    const github = cmsEnvironment({ CMS_GITHUB_REPO: "cds-snc/careers-site", CMS_OAUTH_URL: "https://oauth.example.ca/" });
    expect(cmsConfig("en", github, authors, "https://example.org")).toMatchObject({ site_url: "https://example.org", display_url: "https://example.org" });
    // Locally: tests/editors/cms.test.ts checks the running editor's header and "View Live".
  });

  it("has the preview workflow post the status Decap's deploy-preview link reads, with values through env only", () => {
    const workflow = yaml.load(readFileSync(path.join(ROOT, ".github/workflows/preview.yml"), "utf8")) as {
      permissions: Record<string, string>;
      jobs: Record<string, { permissions: Record<string, string>; steps: { run?: string; env?: Record<string, string> }[] }>;
    };
    expect(workflow.permissions).toEqual({ contents: "read" });
    const job = workflow.jobs.preview!;
    expect(job.permissions.statuses).toBe("write");
    const step = job.steps.find((s) => s.run?.includes("/statuses/"))!;
    expect(step.run).not.toContain("${{");
    // decap-cms-lib-util's isPreviewContext: a context containing "deploy"; getDeployPreview: state success.
    expect(step.run).toMatch(/-f context=\S*deploy/);
    expect(step.run).toContain("-f state=success");
    expect(step.run).toContain('-f target_url="$PREVIEW_URL"');
    expect(step.env!.PREVIEW_URL).toContain("steps.deploy.outputs");
  });
});

describe("authors in a post", () => {
  it("are read from the seed's comma-separated string and from a YAML list alike", () => {
    const names = (value: unknown) => authorsOf(value).map((a) => a.name);
    expect(names("Bryan Willey, Dan Tse")).toEqual(["Bryan Willey", "Dan Tse"]);
    expect(names(["Bryan Willey", "Dan Tse"])).toEqual(["Bryan Willey", "Dan Tse"]);
    expect(authorProblems("Bryan Willey, Dan Tse")).toEqual([]);
    expect(authorProblems(["Bryan Willey", "Dan Tse"])).toEqual([]);
    expect(authorProblems([]).map((p) => p.message)).toEqual([expect.stringMatching(/no `author`/)]);
    expect(authorProblems(["Brian Wiley"]).map((p) => p.message)).toEqual([expect.stringMatching(/did you mean 'Bryan Willey'/)]);
    expect(postSchema.safeParse({ ...validPost, author: ["Dan Tse"] }).success).toBe(true);
    expect(postSchema.safeParse({ ...validPost, author: [] }).success).toBe(false);
  });
});
const validPost = { layout: "blog", title: "T", description: "D", author: "Dan Tse", date: new Date() };

describe("/admin/ in a build with no editor configured", () => {
  it("says so in both languages, points to npm run cms, and loads no Decap", () => {
    const $ = pageAt(productionSite, "/admin/");
    expect($("section").first().text()).toContain("npm run cms");
    expect($('section[lang="fr"]').text()).toContain("npm run cms");
    expect($('script[src$="decap-cms.js"]')).toHaveLength(0);
    expect($('meta[name="robots"]').attr("content")).toBe("noindex, nofollow");
  });

  it("is left out of the sitemap and the feeds, and has its own policy in _headers", () => {
    expect(readFileSync(path.join(productionSite, "sitemap.xml"), "utf8")).not.toContain("/admin/");
    expect(readFileSync(path.join(productionSite, "en", "feed.xml"), "utf8")).not.toContain("/admin/");
    const headers = readFileSync(path.join(productionSite, "_headers"), "utf8");
    expect(headers).toMatch(/\/admin\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: [^\n]*'unsafe-eval'/);
    expect(headers.split("/admin/*")[0]).not.toContain("'unsafe-eval'");
  });
});

describe("npm run cms's worktree", () => {
  const repo = mkdtempSync(path.join(os.tmpdir(), "cms-worktree-"));
  afterAll(() => rmSync(repo, { recursive: true, force: true }));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, encoding: "utf8" }).trim();

  it("lets decap-server save an entry without touching the editor's branch, files or uncommitted work", async () => {
    git("init", "-q", "-b", "main");
    git("config", "user.name", "Editor");
    git("config", "user.email", "editor@example.org");
    writeFileSync(path.join(repo, ".gitignore"), ".cms-worktree/\n");
    writeFileSync(path.join(repo, "notes.md"), "committed\n");
    git("add", "-A");
    git("commit", "-q", "-m", "start");
    const head = git("rev-parse", "HEAD");
    // The editor's own work in progress: a change and a new file, neither committed.
    writeFileSync(path.join(repo, "notes.md"), "half-written\n");
    writeFileSync(path.join(repo, "draft.md"), "not added\n");

    const { dir, branch } = prepareWorktree(repo);
    expect(branch).toBe(LOCAL_BRANCH);
    const port = await freePort();
    const decap = await startDecapServer(dir, port, ROOT);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          action: "persistEntry",
          params: {
            branch,
            entry: { slug: "hello", path: "src/blog/hello.md", raw: "---\ntitle: Hello\n---\nHi\n" },
            assets: [],
            options: { collectionName: "posts-en", commitMessage: "Create hello", useWorkflow: true, status: "draft" },
          },
        }),
      });
      expect(response.status).toBe(200);
    } finally {
      decap.kill();
    }
    expect(git("show", "cms/posts-en/hello:src/blog/hello.md")).toContain("title: Hello");
    expect(git("branch", "--show-current")).toBe("main");
    expect(git("rev-parse", "HEAD")).toBe(head);
    expect(readFileSync(path.join(repo, "notes.md"), "utf8")).toBe("half-written\n");
    expect(readFileSync(path.join(repo, "draft.md"), "utf8")).toBe("not added\n");
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: repo, encoding: "utf8" })).toBe(" M notes.md\n?? draft.md\n");
  }, 180_000);
});
