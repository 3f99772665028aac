// Issue 15: which translations are missing or out of date, from git history,
// in a temporary repository made here with real commits.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { translationStatus, readRoles, type PairStatus } from "../../src/_config/languages/translation-status.ts";
import { report } from "../../scripts/translation-status.ts";
import { pageAt, projectCopy, ROOT, runScript, type BuildResult } from "../support/site.ts";

const POST_EN = "src/blog/product-manager-qa.md";
const POST_FR = "src/blog/fr/alors-quest-ce-quun-gestionnaire-de-produits.md";
const ROLE_EN = "src/roles/product-manager.md";
const ROLE_FR = "src/roles/fr/gestionnaire-de-produits.md";
const ROLES = "src/_data/roles.ts";

/** A copy of the project in its own git repository, with helpers to edit and commit on given dates. */
function repository() {
  const copy = projectCopy();
  // Nothing of the surrounding environment may point git at another repository.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("GIT_")));
  const git = (args: string[], date?: string) =>
    execFileSync("git", args, {
      cwd: copy.dir,
      encoding: "utf8",
      env: { ...env, ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}) },
    }).trim();
  writeFileSync(path.join(copy.dir, ".gitignore"), "node_modules\n.cache\n_site*\n");
  git(["init", "-q", "-b", "main"]);
  git(["config", "user.name", "Test Editor"]);
  git(["config", "user.email", "editor@example.org"]);
  git(["config", "commit.gpgsign", "false"]);
  const read = (file: string) => readFileSync(path.join(copy.dir, file), "utf8");
  return {
    ...copy,
    env,
    git,
    read,
    edit(file: string, change: (text: string) => string) {
      const before = read(file);
      const after = change(before);
      if (after === before) throw new Error(`the edit changed nothing in ${file}`);
      copy.write(file, after);
    },
    /** Commits everything on `date` (ISO), returning the commit's hash. */
    commit(message: string, date: string): string {
      git(["add", "-A"]);
      git(["commit", "-q", "-m", message], date);
      return git(["rev-parse", "HEAD"]);
    },
    status(): PairStatus[] {
      return translationStatus(copy.dir);
    },
  };
}

const post = (pairs: PairStatus[], key = "product-manager-QA") => pairs.find((p) => p.key === key)!;
const role = (pairs: PairStatus[]) => pairs.find((p) => p.key === "role:product-manager")!;
const levelStatuses = (pairs: PairStatus[]) => Object.fromEntries(role(pairs).levels.map((l) => [l.id, [l.status, l.lang]]));

describe("translation status from git history", () => {
  const repo = repository();
  afterAll(() => repo.remove());
  const first = repo.commit("English and French together", "2025-11-02T15:00:00Z");

  it("English and French committed together: both current, every level too", () => {
    const pairs = repo.status();
    expect(pairs.map((p) => [p.key, p.status])).toEqual([
      ["role:product-manager", "current"],
      ["product-manager-QA", "current"],
    ]);
    expect(Object.values(levelStatuses(pairs)).every(([status]) => status === "current")).toBe(true);
  });

  it("a later English change to the body makes the French out of date, naming that commit; a French commit makes it current again", () => {
    repo.edit(POST_EN, (t) => t + "\nA new closing paragraph.\n");
    const change = repo.commit("Post: a new closing paragraph", "2025-12-02T15:00:00Z");
    const stale = post(repo.status());
    expect(stale).toMatchObject({ status: "outdated", lang: "fr", since: { commit: change, subject: "Post: a new closing paragraph" } });
    expect(stale.since!.date.toISOString()).toBe("2025-12-02T15:00:00.000Z");
    expect(stale.compare).toEqual({ from: first, to: change });

    // npm run check's row and GitHub annotation name the stale file, the date and the commit.
    const { rows, problems } = report(repo.status());
    expect(rows).toContainEqual({ page: POST_FR, language: "fr", status: "out of date", since: "2025-12-02", commit: `${change.slice(0, 7)} Post: a new closing paragraph` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: POST_FR, severity: "warning" });
    expect(problems[0]!.message).toContain(change.slice(0, 7));

    repo.edit(POST_FR, (t) => t + "\nUn nouveau paragraphe de conclusion.\n");
    repo.commit("Billet : traduction du paragraphe", "2025-12-05T15:00:00Z");
    expect(post(repo.status()).status).toBe("current");
  });

  it("a change to other front matter (date, author, image) or to line wrapping is not a content change", () => {
    repo.edit(POST_EN, (t) => t.replace("date: 2019-07-23T13:00:00.000Z", "date: 2019-07-24T13:00:00.000Z").replace(/\n\nA new closing paragraph\./, "\n\nA new   closing\nparagraph."));
    repo.commit("Post: fix the date, rewrap", "2025-12-06T15:00:00Z");
    expect(post(repo.status()).status).toBe("current");
  });

  it("a change to one level's text in the English role page marks that level of the French page, and no other", () => {
    repo.edit(ROLE_EN, (t) => {
      const at = t.indexOf('<h3 id="senior">');
      const end = t.indexOf("<h3 ", at + 1);
      return t.slice(0, end) + "* Mentors product managers across teams.\n\n" + t.slice(end);
    });
    const change = repo.commit("Senior level: mentoring", "2025-12-08T15:00:00Z");
    const pairs = repo.status();
    expect(levelStatuses(pairs)).toEqual({
      associate: ["current", undefined],
      pm: ["current", undefined],
      senior: ["outdated", "fr"],
      principle: ["current", undefined],
      head: ["current", undefined],
    });
    expect(role(pairs).page.status).toBe("current");
    expect(role(pairs)).toMatchObject({ status: "outdated", lang: "fr", since: { commit: change }, titles: { en: "Product manager" } });
    // The annotation points at the level's heading in the French file.
    const { problems } = report(pairs);
    const line = repo.read(ROLE_FR).split("\n").findIndex((l) => l.startsWith('<h3 id="senior">')) + 1;
    expect(problems).toContainEqual(expect.objectContaining({ file: ROLE_FR, line }));
  });

  it("a change to one level's English data in roles.ts marks that level only; the French data is read from roles.ts too", () => {
    repo.edit(ROLES, (t) => t.replace("Defines the product's vision, strategy and success metrics, and iterates on them.", "Defines the product's vision and strategy."));
    repo.commit("roles.ts: shorter PM summary", "2025-12-09T15:00:00Z");
    expect(levelStatuses(repo.status())).toMatchObject({ associate: ["current", undefined], pm: ["outdated", "fr"], senior: ["outdated", "fr"] });
    repo.edit(ROLES, (t) => t.replace("Définit la vision, la stratégie et les mesures de réussite du produit, et les fait évoluer.", "Définit la vision et la stratégie du produit."));
    repo.commit("roles.ts : résumé plus court", "2025-12-10T15:00:00Z");
    expect(levelStatuses(repo.status())).toMatchObject({ pm: ["current", undefined], senior: ["outdated", "fr"] });
  });

  it("marking the checked twin with translationChecked clears it, until the next change after that day", () => {
    repo.edit(ROLE_FR, (t) => t.replace("title: Gestionnaire de produits\n", "title: Gestionnaire de produits\ntranslationChecked: 2025-12-11\n"));
    repo.commit("Rôle vérifié : rien à changer", "2025-12-11T18:00:00Z");
    expect(role(repo.status()).status).toBe("current");
    repo.edit(ROLE_EN, (t) => t.replace("Find out what a product manager does", "Find out what product managers do"));
    const change = repo.commit("Role: intro", "2025-12-12T15:00:00Z");
    const pairs = repo.status();
    expect(role(pairs).page).toMatchObject({ status: "outdated", lang: "fr", since: { commit: change } });
    expect(levelStatuses(pairs).senior).toEqual(["current", undefined]);
  });

  it("a new English post with no French is missing its French; the French arriving later makes both current", () => {
    repo.write("src/blog/our-first-year.md", "---\nlayout: blog\ntitle: Our first year\ndescription: What we learned.\nauthor: Dan Tse\ndate: 2025-12-01\ntranslationKey: our-first-year\n---\nIt was a year.\n");
    repo.commit("Post: our first year", "2025-12-13T15:00:00Z");
    expect(post(repo.status(), "our-first-year")).toMatchObject({ status: "missing", lang: "fr", files: { en: "src/blog/our-first-year.md" } });
    repo.write("src/blog/fr/notre-premiere-annee.md", "---\nlayout: blog\ntitle: Notre première année\ndescription: Ce que nous avons appris.\nauthor: Dan Tse\ndate: 2025-12-01\ntranslationKey: our-first-year\n---\nC'était une année.\n");
    repo.commit("Billet : notre première année", "2025-12-14T15:00:00Z");
    // The translation arriving does not make the English out of date.
    expect(post(repo.status(), "our-first-year").status).toBe("current");
    // A later change to the French alone does: the English may need it too.
    repo.edit("src/blog/fr/notre-premiere-annee.md", (t) => t.replace("C'était une année.", "C'était toute une année."));
    repo.commit("Billet : précision", "2025-12-15T15:00:00Z");
    expect(post(repo.status(), "our-first-year")).toMatchObject({ status: "outdated", lang: "en" });
  });

  it("an uncommitted page is unknown, not current", () => {
    repo.write("src/blog/draft-post.md", "---\nlayout: blog\ntitle: Draft\ndescription: D.\nauthor: Dan Tse\ndate: 2025-12-01\ntranslationKey: draft-post\n---\nText.\n");
    repo.write("src/blog/fr/brouillon.md", "---\nlayout: blog\ntitle: Brouillon\ndescription: B.\nauthor: Dan Tse\ndate: 2025-12-01\ntranslationKey: draft-post\n---\nTexte.\n");
    expect(post(repo.status(), "draft-post")).toMatchObject({ status: "unknown", reason: "not-committed" });
    repo.git(["clean", "-fdq", "src/blog"]);
  });

  it("without history (a download, a shallow clone) every pair is unknown, never current; a missing twin is still missing", () => {
    const shallow = path.join(repo.dir, "_site-shallow");
    execFileSync("git", ["clone", "-q", "--depth", "1", `file://${repo.dir}`, shallow], { env: repo.env });
    expect(translationStatus(shallow).map((p) => p.status)).toEqual(["unknown", "unknown", "unknown"]);
    const download = projectCopy();
    try {
      download.write("src/blog/only-english.md", "---\nlayout: blog\ntitle: Only English\ndescription: D.\nauthor: Dan Tse\ndate: 2025-12-01\n---\nText.\n");
      const pairs = translationStatus(download.dir);
      expect(pairs.map((p) => p.status).sort()).toEqual(["missing", "unknown", "unknown"]);
      expect(pairs.find((p) => p.status === "unknown")!.reason).toBe("no-history");
      expect(report(pairs).rows.map((r) => r.status)).toContain("unknown (no git history)");
    } finally {
      download.remove();
    }
  });

  it("a roles.ts that is not plain data at some commit makes the roles' status unknown, not current; posts are unaffected", () => {
    const plain = repo.read(ROLES);
    repo.edit(ROLES, (t) => t.replace("export default roles;", "export default roles.map((role) => role);"));
    repo.commit("roles.ts: computed", "2025-12-16T15:00:00Z");
    const pairs = translationStatus(repo.dir, readRoles(plain));
    expect(role(pairs)).toMatchObject({ status: "unknown", reason: "unreadable" });
    expect(post(pairs).status).toBe("current");
  });
});

describe("roles.ts at a past commit is read as data, never run", () => {
  it("reads the literal list of roles", () => {
    const roles = readRoles(readFileSync(path.resolve(import.meta.dirname, "../..", ROLES), "utf8"));
    expect(roles[0]!.levels.map((l) => l.id)).toEqual(["associate", "pm", "senior", "principle", "head"]);
  });
  it("refuses anything that is not plain data, without running it", () => {
    const marker = path.join(import.meta.dirname, ".ran-roles-ts");
    const code = `import { writeFileSync } from "node:fs";\nconst roles = [{ key: writeFileSync(${JSON.stringify(marker)}, "ran") }];\nexport default roles;\n`;
    expect(() => readRoles(code)).toThrow(/CallExpression/);
    expect(existsSync(marker)).toBe(false);
  });
});

describe("in the built site", () => {
  const repo = repository();
  // The same history, with the French versions marked checked (not committed,
  // so every page's "Date modified" stays the same): there, all is current.
  const checked = mkdtempSync(path.join(os.tmpdir(), "site-checked-"));
  afterAll(() => {
    repo.remove();
    rmSync(checked, { recursive: true, force: true });
  });
  repo.commit("English and French together", "2025-11-02T15:00:00Z");
  repo.edit(POST_EN, (t) => t + "\nA new closing paragraph.\n");
  repo.edit(ROLE_EN, (t) => t.replace(/(<h3 id="senior">[^\n]*\n)/, "$1\nMentors others.\n"));
  const change = repo.commit("English: new paragraph, senior level", "2025-12-02T15:00:00Z");
  execFileSync("git", ["clone", "-q", repo.dir, checked], { env: repo.env });
  symlinkSync(path.join(ROOT, "node_modules"), path.join(checked, "node_modules"));
  if (existsSync(path.join(ROOT, ".cache"))) cpSync(path.join(ROOT, ".cache"), path.join(checked, ".cache"), { recursive: true });
  for (const file of [POST_FR, ROLE_FR]) {
    const text = readFileSync(path.join(checked, file), "utf8");
    writeFileSync(path.join(checked, file), text.replace(/^---\n/, "---\ntranslationChecked: 2025-12-03\n"));
  }

  let preview: BuildResult, stale: BuildResult, current: BuildResult;
  beforeAll(async () => {
    [preview, stale, current] = await Promise.all([
      runScript("scripts/build.ts", ["--output=_site-preview"], repo.dir, { ELEVENTY_ENV: "preview" }),
      runScript("scripts/build.ts", ["--output=_site-stale"], repo.dir, { ELEVENTY_ENV: "production" }),
      runScript("scripts/build.ts", ["--output=_site-current"], checked, { ELEVENTY_ENV: "production" }),
    ]);
    preview.dir = path.join(repo.dir, "_site-preview");
    stale.dir = path.join(repo.dir, "_site-stale");
    current.dir = path.join(checked, "_site-current");
  });

  it("previews list every pair in both languages and put a notice on each out-of-date page and level", () => {
    expect(preview.status, preview.output).toBe(0);
    for (const [lang, url, otherUrl] of [["en", "/en/translation-status/", "/fr/etat-des-traductions/"], ["fr", "/fr/etat-des-traductions/", "/en/translation-status/"]] as const) {
      const $ = pageAt(preview.dir, url);
      expect($("html").attr("lang")).toBe(lang);
      expect($(".gc-lang-toggle a").attr("href")).toBe(otherUrl);
      expect($("table caption").text()).toBe(lang === "en" ? "Every page and its translation" : "Chaque page et sa traduction");
      expect($("thead th[scope=col]")).toHaveLength(4);
      expect($("tbody th[scope=row]")).toHaveLength(7); // the role, its 5 levels, the post
      expect($("tbody th[scope=row]").first().text()).toBe(lang === "en" ? "Product manager" : "Gestionnaire de produits");
      expect($("[data-pagefind-body]")).toHaveLength(0);
      const row = $("tbody tr").filter((_, tr) => $(tr).find(`a[href="/en/blog/so-what-exactly-is-a-product-manager-anyway/"]`).length > 0);
      expect(row.text()).toContain(lang === "en" ? "French version out of date" : "Version française à mettre à jour");
      expect(row.find("a[href*='/compare/']").attr("href")).toMatch(new RegExp(`/compare/[0-9a-f]{40}\\.\\.\\.${change}$`));
      expect(row.find(`a[href$="/edit/main/${POST_FR}"]`)).toHaveLength(1);
      expect(row.find(`a[href$="/edit/main/${POST_EN}"]`)).toHaveLength(1);
      expect(row.find(`a[href^="/fr/blogue/"]`)).toHaveLength(1);
    }
    const fr = pageAt(preview.dir, "/fr/blogue/alors-quest-ce-quun-gestionnaire-de-produits-au-juste/");
    expect(fr("main > .gc-notice[role=note]").first().text()).toContain("La version anglaise de cette page a été modifiée le 2 décembre 2025, après cette traduction.");
    const en = pageAt(preview.dir, "/en/blog/so-what-exactly-is-a-product-manager-anyway/");
    expect(en.html()).not.toContain("after this translation");
    const roleFr = pageAt(preview.dir, "/fr/roles/gestionnaire-de-produits/");
    expect(roleFr("main > .gc-notice")).toHaveLength(0);
    const notices = roleFr("section.level .gc-notice[data-pagefind-ignore]");
    expect(notices).toHaveLength(1);
    expect(notices.closest("section").attr("aria-labelledby")).toBe("senior");
    expect(notices.text()).toContain("La version anglaise de ce niveau a été modifiée le 2 décembre 2025");
    // Never in the sitemap or feeds.
    for (const file of ["sitemap.xml", "en/feed.xml", "fr/feed.xml"]) {
      const text = readFileSync(path.join(preview.dir, file), "utf8");
      expect(text).not.toMatch(/translation-status|etat-des-traductions|after this translation|après cette traduction/);
    }
  });

  it("production has no status page and no notice, and is byte-identical whatever the status", () => {
    expect(stale.status, stale.output).toBe(0);
    expect(existsSync(path.join(stale.dir, "en/translation-status"))).toBe(false);
    expect(existsSync(path.join(stale.dir, "fr/etat-des-traductions"))).toBe(false);
    expect(repo.status().map((p) => p.status)).toEqual(["outdated", "outdated"]);
    expect(translationStatus(checked).map((p) => p.status)).toEqual(["current", "current"]);
    expect(current.status, current.output).toBe(0);
    const files = (dir: string) => {
      const out: Record<string, string> = {};
      for (const f of readdirSync(dir, { recursive: true, encoding: "utf8" }).sort()) {
        const full = path.join(dir, f);
        try {
          out[f] = createHash("sha256").update(readFileSync(full)).digest("hex");
        } catch {
          // a directory
        }
      }
      return out;
    };
    const staleFiles = files(stale.dir);
    expect(Object.keys(staleFiles).length).toBeGreaterThan(20);
    expect(files(current.dir)).toEqual(staleFiles);
    for (const [file] of Object.entries(staleFiles).filter(([f]) => f.endsWith(".html"))) {
      expect(readFileSync(path.join(stale.dir, file), "utf8"), file).not.toMatch(/after this translation|après cette traduction|translation-status|etat-des-traductions/);
    }
  });
});
