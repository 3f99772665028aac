// Reads the public URLs and level anchors a build serves, for the manifest of
// published links (tests/published-urls.json).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import { fileFor, htmlPages, ROOT } from "./site.ts";

export const MANIFEST = path.join(ROOT, "tests", "published-urls.json");

export interface Manifest {
  /** URL → level anchors published on it (job postings link to them). */
  urls: Record<string, string[]>;
}

/** Every public page (not the 404 page) and the level anchors on it. */
export function publicUrls(site: string): Record<string, string[]> {
  const urls: Record<string, string[]> = {};
  for (const url of htmlPages(site)) {
    if (url === "/404.html") continue;
    const $ = cheerio.load(readFileSync(fileFor(site, url), "utf8"));
    if ($('meta[http-equiv="refresh"]').length) continue; // a redirect left by a moved page
    urls[url] = $("section.level h3[id], section.level .level-alias[id]")
      .map((_, el) => $(el).attr("id")!)
      .get();
  }
  for (const extra of ["/sitemap.xml", "/robots.txt", "/en/feed.xml", "/fr/feed.xml"]) {
    if (existsSync(fileFor(site, extra))) urls[extra] = [];
  }
  return urls;
}

/** Published URLs and anchors that a build no longer serves. */
export function missingFrom(manifest: Manifest, site: string): string[] {
  const missing: string[] = [];
  for (const [url, anchors] of Object.entries(manifest.urls)) {
    const file = fileFor(site, url);
    if (!existsSync(file)) {
      missing.push(url);
      continue;
    }
    let html = readFileSync(file, "utf8");
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)"/.exec(html);
    if (refresh) html = readFileSync(fileFor(site, refresh[1]!), "utf8");
    const $ = cheerio.load(html);
    for (const anchor of anchors) if ($(`[id="${anchor}"]`).length === 0) missing.push(`${url}#${anchor}`);
  }
  return missing;
}
