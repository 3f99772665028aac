import type { UserConfig } from "@11ty/eleventy";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { relative, report, type Problem } from "../problems/content-error.ts";
import { linesWith, readSource } from "../problems/source-lines.ts";
import { pathPrefix } from "../urls/paths.ts";
import { didYouMean } from "../problems/suggest.ts";
import site from "../../_data/site.ts";

// After a production build, every internal link and #anchor on every page must
// resolve in the built site: a typo in a link fails the build, naming the
// source file, the link and the nearest valid anchor. It reads the pages'
// HTML with two regular expressions, not a parser, to stay fast on thousands
// of pages.
export interface BuiltPage {
  url: string | false;
  inputPath: string;
  outputPath: string | false;
  content: string;
}

export interface BrokenLink {
  inputPath: string;
  url: string;
  href: string;
  problem: string;
}

const LINK = /\s(?:href|src)="([^"]*)"/g;
const ID = /\s(?:id|name)="([^"]+)"/g;
const ORIGIN = new URL(site.url).origin;
const GENERATED = /^\/(assets|img\/generated|(en|fr)\/pagefind)\//;

function unescape(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&#39;/g, "'").replace(/&quot;/g, '"');
}

/** The site path a link points to, or undefined for links that leave the site. */
function internalTarget(href: string, pageUrl: string): URL | undefined {
  if (/^(mailto|tel|data|javascript):/i.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href, `${ORIGIN}${pathPrefix}${pageUrl.slice(1)}`);
  } catch {
    return undefined;
  }
  if (url.origin !== ORIGIN) return undefined;
  return url;
}

export function findBrokenLinks(pages: BuiltPage[], outputDir: string): BrokenLink[] {
  const byUrl = new Map<string, { page: BuiltPage; ids?: Set<string> }>();
  for (const page of pages) if (page.url && page.outputPath && page.outputPath.endsWith(".html")) byUrl.set(page.url, { page });
  const idsOf = (entry: { page: BuiltPage; ids?: Set<string> }) =>
    (entry.ids ??= new Set([...entry.page.content.matchAll(ID)].map((m) => m[1]!)));
  // Every page links the same few files (the signature, the favicon, the
  // feed): ask the disk once per file, not once per page.
  const files = new Map<string, boolean>();
  const fileExists = (file: string) => files.get(file) ?? files.set(file, existsSync(file)).get(file)!;

  const broken: BrokenLink[] = [];
  for (const { page } of byUrl.values()) {
    const pageUrl = page.url as string;
    // The content editor's page links only Decap's bundle, copied by code; it
    // has no content for editors to get wrong (tests/editors/cms.test.ts checks it).
    if (pageUrl.startsWith("/admin/")) continue;
    for (const [, raw] of page.content.matchAll(LINK)) {
      const href = unescape(raw!);
      if (href === "" || href === "#") continue;
      const target = internalTarget(href, pageUrl);
      if (!target) continue;
      let sitePath = decodeURIComponent(target.pathname);
      if (!sitePath.startsWith(pathPrefix)) {
        broken.push({ inputPath: page.inputPath, url: pageUrl, href, problem: `is outside the site's path ${pathPrefix}` });
        continue;
      }
      sitePath = "/" + sitePath.slice(pathPrefix.length);
      const fragment = decodeURIComponent(target.hash.slice(1));
      const entry = byUrl.get(sitePath) ?? byUrl.get(sitePath.endsWith("/") ? sitePath : `${sitePath}/`);
      // Hashed assets and processed images are written by code in this same
      // eleventy.after step, not typed by editors; the test suite checks them.
      if (!entry && GENERATED.test(sitePath)) continue;
      if (!entry) {
        const file = path.join(outputDir, sitePath.endsWith("/") ? `${sitePath}index.html` : sitePath);
        if (!fileExists(file)) broken.push({ inputPath: page.inputPath, url: pageUrl, href, problem: "goes to no page or file of the site" });
        continue;
      }
      if (fragment && !idsOf(entry).has(fragment)) {
        const suggestion = didYouMean(fragment, [...idsOf(entry)]).replace(/'([^']+)'/, "'#$1'");
        broken.push({ inputPath: page.inputPath, url: pageUrl, href, problem: `points to #${fragment}, which is not on ${entry.page.url}${suggestion}` });
      }
    }
  }
  return broken;
}

/** How a link the built page has may be written in its source: as built, without the path prefix, escaped or not. */
function writtenAs(href: string): string[] {
  const forms = new Set([href]);
  if (pathPrefix !== "/" && href.startsWith(pathPrefix)) forms.add(`/${href.slice(pathPrefix.length)}`);
  for (const form of [...forms]) {
    forms.add(form.replace(/&/g, "&amp;"));
    try {
      forms.add(decodeURI(form));
    } catch {
      // Not valid percent-encoding: only the form as built.
    }
  }
  return [...forms];
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Each broken link as a problem on the line of the Markdown where it is
 * written; a link that is not in the page's own file is looked for in the
 * layouts and data files, and reported once there for all the pages that
 * have it.
 */
export function brokenLinkProblems(broken: BrokenLink[], templateDirs: string[]): Problem[] {
  const sources = new Map<string, string>();
  const read = (file: string) => sources.get(file) ?? sources.set(file, readSource(file)).get(file)!;
  let templates: string[] | undefined;
  const found = new Map<string, { problem: Problem; link: BrokenLink; pages: string[]; inContent: boolean }>();
  for (const link of broken) {
    const forms = writtenAs(link.href);
    let file = link.inputPath;
    let lines = linesWith(read(file), forms);
    if (lines.length === 0) {
      // In a layout or data file, only the link as a whole quoted value: a
      // short one (#senior) is written in comments and longer strings too.
      const quoted = forms.flatMap((form) => [`"${form}"`, `'${form}'`]);
      for (const template of (templates ??= templateDirs.flatMap(filesIn))) {
        lines = linesWith(read(template), quoted);
        if (lines.length) {
          file = template;
          break;
        }
      }
      if (lines.length === 0) file = link.inputPath;
    }
    for (const line of lines.length ? lines : [1]) {
      const key = `${relative(file)}:${line} ${link.href}`;
      const entry = found.get(key);
      if (entry) {
        if (!entry.pages.includes(link.url)) entry.pages.push(link.url);
        continue;
      }
      found.set(key, {
        problem: { file: relative(file), line, title: "Broken link", message: "", severity: "error" },
        link,
        pages: [link.url],
        inContent: file === link.inputPath && lines.length > 0,
      });
    }
  }
  return [...found.values()].map(({ problem, link, pages, inContent }) => {
    const where = inContent
      ? ""
      : problem.file === relative(link.inputPath)
        ? " (the page has it from its layout or data, not from this file)"
        : ` (on ${pages.length === 1 ? `the page ${pages[0]}` : `${pages.length} pages, such as ${pages[0]}`})`;
    const end = /\?$/.test(where || link.problem) ? "" : ".";
    return { ...problem, message: `the link '${link.href}' ${link.problem}${where}${end} Fix the link, or restore the page or anchor it points to.` };
  });
}

export default function linkCheck(eleventyConfig: UserConfig, options: { enabled: boolean }): void {
  if (!options.enabled) return;
  eleventyConfig.on(
    "eleventy.after",
    ({ results, directories }: { results: BuiltPage[]; directories: { output: string; includes: string; data: string; layouts?: string } }) => {
      const broken = findBrokenLinks(results, directories.output);
      const templateDirs = [directories.includes, directories.layouts, directories.data].filter((d): d is string => Boolean(d));
      report(...brokenLinkProblems(broken, [...new Set(templateDirs)]));
    },
  );
}
