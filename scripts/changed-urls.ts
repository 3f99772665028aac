// The pages a pull request touches, as links into its preview: the comment
// that .github/workflows/preview.yml posts on the pull request.
//
// The URLs are never worked out here: they come from the preview build itself
// (PREVIEW_PAGES, written by src/_config/editors/preview.ts from Eleventy's results:
// which input file made which URL), and a page's twin in the other language
// from the hreflang link in the built page. So they cannot drift from the site.
//
// Usage: tsx scripts/changed-urls.ts --pages=<manifest.json> --site=<built site>
//          --base=<preview URL> --diff=<base>...<head> [--commit=<sha>]
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { pathPrefix } from "../src/_config/urls/paths.ts";
import type { PageEntry } from "../src/_config/editors/preview.ts";
import { languages, type Lang } from "../src/_config/types.ts";

/** A file of the diff, as `git diff --name-status` reports it. */
export interface Change {
  file: string;
  status: "added" | "modified" | "deleted" | "renamed";
  /** For a rename, the file's former name. */
  from?: string;
}

/** A built page the change touches. */
export interface TouchedPage {
  url: string;
  lang: Lang | undefined;
  title: string;
}

export interface FileReport {
  change: Change;
  /** Why these pages: e.g. "every role page". */
  reason: string;
  pages: TouchedPage[];
}

// Data files whose entries appear on pages other than their own: the input
// files (or folders) of the pages that show them. Each entry must still match
// built pages; if one stops matching, the script fails rather than staying silent.
export const DATA_USERS: Record<string, { reason: string; inputs: string[] }> = {
  "src/_data/roles.ts": { reason: "every role page, and the roles index", inputs: ["src/roles/", "src/pages/roles.njk"] },
  "src/_data/authors.ts": { reason: "the author pages, and the posts by them", inputs: ["src/pages/authors.njk", "src/blog/"] },
  "src/_data/redirects.ts": { reason: "the redirect pages", inputs: ["src/pages/redirects.njk"] },
};

// Files that shape every page: the preview links the homes and one page of each kind.
const SITE_WIDE = [/^src\/_includes\//, /^src\/_data\//, /^src\/_config\//, /^src\/assets\//, /^\.eleventy\.ts$/, /^package(-lock)?\.json$/];
// Content folders, each one kind of page.
const CONTENT = /^src\/(blog|roles)\//;

/** `git diff --name-status -M base...head`, read into changes. */
export function gitChanges(range: string, cwd = process.cwd()): Change[] {
  const out = execFileSync("git", ["diff", "--name-status", "-M", "-z", range], { cwd, encoding: "utf8" });
  const fields = out.split("\0").filter(Boolean);
  const changes: Change[] = [];
  for (let i = 0; i < fields.length; ) {
    const code = fields[i++]!;
    if (code.startsWith("R") || code.startsWith("C")) {
      const from = fields[i++]!;
      changes.push({ file: fields[i++]!, status: "renamed", from });
    } else {
      const status = code === "A" ? "added" : code === "D" ? "deleted" : "modified";
      changes.push({ file: fields[i++]!, status });
    }
  }
  return changes;
}

/** What the built page at `url` is called, its language and its twin's URL. */
function readPage(site: string, url: string): { title: string; lang?: Lang; twins: string[] } {
  const file = path.join(site, url.endsWith("/") ? `${url}index.html` : url);
  if (!existsSync(file)) return { title: url, twins: [] };
  const $ = cheerio.load(readFileSync(file, "utf8"));
  const lang = languages.find((l) => l === $("html").attr("lang"));
  // "Product manager – Careers at …": the page's own part of its <title>.
  const title = ($("title").text().split(" – ")[0] || url).replace(/\s+/g, " ").trim();
  const twins = $('link[rel="alternate"][hreflang]')
    .filter((_, el) => ["en", "fr"].includes($(el).attr("hreflang")!) && $(el).attr("hreflang") !== lang)
    .map((_, el) => new URL($(el).attr("href")!).pathname)
    .get();
  return { title, lang, twins };
}

/** Site URL from a built page's absolute link: strips the path prefix. */
function sitePath(pathname: string, prefix: string): string {
  return pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : pathname;
}

/**
 * The pages each changed file touches, from the preview's own manifest and
 * built pages (`site`, built under the path prefix `prefix`), in the checkout `root`.
 */
export function pagesTouched(changes: Change[], manifest: PageEntry[], site: string, prefix = "/", root = process.cwd()): FileReport[] {
  const pages = manifest.filter((p) => p.url.endsWith("/"));
  const known = new Set(pages.map((p) => p.url));
  const cache = new Map<string, ReturnType<typeof readPage>>();
  const read = (url: string) => cache.get(url) ?? cache.set(url, readPage(site, url)).get(url)!;

  const fromInputs = (match: (inputPath: string) => boolean, withTwins: boolean): TouchedPage[] => {
    const urls = new Set<string>();
    for (const page of pages.filter((p) => match(p.inputPath))) {
      urls.add(page.url);
      if (withTwins) for (const twin of read(page.url).twins.map((t) => sitePath(t, prefix))) if (known.has(twin)) urls.add(twin);
    }
    return [...urls].sort().map((url) => ({ url, lang: read(url).lang, title: read(url).title }));
  };
  const under = (inputs: string[]) => (inputPath: string) => inputs.some((i) => (i.endsWith("/") ? inputPath.startsWith(i) : inputPath === i));

  return changes.map((change): FileReport => {
    const file = change.file;
    if (change.status === "deleted") return { change, reason: "deleted: its pages are no longer in the preview, nor on the site once merged", pages: [] };

    if (pages.some((p) => p.inputPath === file)) {
      return { change, reason: "its page, and its translation", pages: fromInputs((i) => i === file, true) };
    }
    const users = DATA_USERS[file];
    if (users) {
      const touched = fromInputs(under(users.inputs), false);
      if (touched.length === 0) throw new Error(`scripts/changed-urls.ts: no built page comes from ${users.inputs.join(" or ")}, listed as users of ${file}: update DATA_USERS.`);
      return { change, reason: users.reason, pages: touched };
    }
    if (/\.11tydata\.ts$/.test(file)) {
      const folder = path.posix.dirname(file) + "/";
      return { change, reason: `every page in ${folder}`, pages: fromInputs((i) => i.startsWith(folder), true) };
    }
    if (file.startsWith("src/img/")) {
      // Pages whose source names the image by its site path (/img/cds/photo.jpg).
      const sitePathOfImage = file.slice("src".length);
      const users = new Set(
        [...new Set(pages.map((p) => p.inputPath))].filter((i) => /\.(md|njk)$/.test(i) && existsSync(path.join(root, i)) && readFileSync(path.join(root, i), "utf8").includes(sitePathOfImage)),
      );
      return { change, reason: "the pages that show it", pages: fromInputs((i) => users.has(i), true) };
    }
    if (SITE_WIDE.some((re) => re.test(file)) || CONTENT.test(file)) {
      // One page of each kind, in each language: the first URL each input template makes.
      const sample = new Map<string, string>();
      for (const page of pages) {
        const kind = `${CONTENT.exec(page.inputPath)?.[0] ?? page.inputPath} ${read(page.url).lang ?? ""}`;
        if (!sample.has(kind)) sample.set(kind, page.url);
      }
      const urls = [...new Set(sample.values())].sort();
      return { change, reason: "every page: the homes and one page of each kind", pages: urls.map((url) => ({ url, lang: read(url).lang, title: read(url).title })) };
    }
    return { change, reason: "no page of the site", pages: [] };
  });
}

const LIMIT = 12;
const escape = (s: string) => s.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);

/** The pull request's comment, in Markdown: links in both languages. */
export function commentMarkdown(reports: FileReport[], base: string, commit?: string): string {
  const root = base.endsWith("/") ? base : `${base}/`;
  const link = (p: TouchedPage) => `[${escape(p.title)}](${root}${p.url.slice(1)})`;
  const cell = (pages: TouchedPage[]) =>
    pages.length === 0 ? "" : pages.slice(0, LIMIT).map(link).join("<br>") + (pages.length > LIMIT ? `<br>and ${pages.length - LIMIT} more` : "");
  const lines = [
    "<!-- pr-preview-pages -->",
    "### Preview of this pull request / Aperçu de cette demande de tirage",
    "",
    `[English](${root}en/) · [Français](${root}fr/)${commit ? ` · built from ${commit.slice(0, 7)}` : ""}`,
    "",
    "The preview shows editorial notes and drafts, and is not the published site. It is rebuilt on every push and removed when the pull request closes.",
    "",
  ];
  const withPages = reports.filter((r) => r.pages.length || r.change.status === "deleted");
  if (withPages.length) {
    lines.push("| Changed file | What it touches | English | Français |", "| --- | --- | --- | --- |");
    for (const r of withPages) {
      const name = r.change.from ? `\`${r.change.from}\` → \`${r.change.file}\`` : `\`${r.change.file}\``;
      const byLang = (lang: Lang) => cell(r.pages.filter((p) => p.lang === lang));
      const other = r.pages.filter((p) => !p.lang);
      lines.push(`| ${name} | ${r.reason} | ${byLang("en")}${other.length ? "<br>" + cell(other) : ""} | ${byLang("fr")} |`);
    }
  }
  const none = reports.filter((r) => !r.pages.length && r.change.status !== "deleted");
  if (none.length) lines.push("", `Changed without a page of their own: ${none.map((r) => `\`${r.change.file}\``).join(", ")}.`);
  return lines.join("\n") + "\n";
}

if (process.argv[1]?.endsWith("changed-urls.ts")) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const [pagesFile, site, base, range] = [arg("pages"), arg("site"), arg("base"), arg("diff")];
  if (!pagesFile || !site || !base || !range) {
    console.error("Usage: tsx scripts/changed-urls.ts --pages=<manifest.json> --site=<built site> --base=<preview URL> --diff=<base>...<head> [--commit=<sha>]");
    process.exit(2);
  }
  const manifest = JSON.parse(readFileSync(pagesFile, "utf8")) as PageEntry[];
  // PATH_PREFIX is the one the preview was built with.
  process.stdout.write(commentMarkdown(pagesTouched(gitChanges(range), manifest, site, pathPrefix), base, arg("commit")));
}
