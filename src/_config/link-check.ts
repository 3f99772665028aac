import type { UserConfig } from "@11ty/eleventy";
import { existsSync } from "node:fs";
import path from "node:path";
import { relative } from "./content-error.ts";
import { pathPrefix } from "./paths.ts";
import { didYouMean } from "./suggest.ts";
import site from "../_data/site.ts";

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
const GENERATED = /^\/(assets|img\/generated|pagefind)\//;

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
    // has no content for editors to get wrong (tests/cms.test.ts checks it).
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

export function describeBrokenLinks(broken: BrokenLink[]): string {
  return (
    `${broken.length} broken internal link(s):\n` +
    broken.map((b) => `  - ${relative(b.inputPath)} (${b.url}): the link '${b.href}' ${b.problem}`).join("\n") +
    "\nFix the link in the file named, or restore the page or anchor it points to."
  );
}

export default function linkCheck(eleventyConfig: UserConfig, options: { enabled: boolean }): void {
  if (!options.enabled) return;
  eleventyConfig.on("eleventy.after", ({ results, directories }: { results: BuiltPage[]; directories: { output: string } }) => {
    const broken = findBrokenLinks(results, directories.output);
    if (broken.length) throw new Error(describeBrokenLinks(broken));
  });
}
