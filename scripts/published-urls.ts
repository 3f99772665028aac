// Published links are a contract. tests/published-urls.json lists every public
// URL of the site and the level anchors on it; tests/content/careers.test.ts fails when
// a build no longer serves one of them.
//
//   npm run urls     build, then add the new URLs and anchors of _site/ to the manifest
//
// It never removes an entry. When one is no longer served it stops with an
// error and leaves the manifest as it was: keep the old anchor (roles.ts
// `formerIds`) or leave a redirect (src/_data/redirects.ts) instead.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";

export interface Manifest {
  /** URL → level anchors published on it (job postings link to them). */
  urls: Record<string, string[]>;
}

function fileFor(site: string, url: string): string {
  return path.join(site, url.endsWith("/") ? `${url}index.html` : url);
}

/** Every public page (not the 404 page, not redirects) and the level anchors on it. */
export function publicUrls(site: string): Record<string, string[]> {
  const urls: Record<string, string[]> = {};
  for (const entry of readdirSync(site, { recursive: true, encoding: "utf8" }).sort()) {
    if (!entry.endsWith(".html") || entry === "404.html") continue;
    const url = "/" + entry.split(path.sep).join("/").replace(/index\.html$/, "");
    const $ = cheerio.load(readFileSync(path.join(site, entry), "utf8"));
    if ($('meta[http-equiv="refresh"]').length) continue; // a redirect left by a moved page
    urls[url] = $("section.level :is(h2, h3)[id], section.level .level-alias[id]").map((_, el) => $(el).attr("id")!).get();
  }
  for (const extra of ["/sitemap.xml", "/robots.txt", "/en/feed.xml", "/fr/feed.xml"]) {
    if (existsSync(fileFor(site, extra))) urls[extra] = [];
  }
  return urls;
}

/** Published URLs and anchors that a build no longer serves (following redirect pages). */
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

/** Adds what `site` serves to the manifest file; refuses when something published is gone. */
export function updateManifest(manifestFile: string, site: string): { added: number; missing: string[] } {
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const missing = missingFrom(manifest, site);
  if (missing.length) return { added: 0, missing };
  let added = 0;
  for (const [url, anchors] of Object.entries(publicUrls(site))) {
    if (!(url in manifest.urls)) added++;
    const known = (manifest.urls[url] ??= []);
    for (const anchor of anchors.filter((a) => !known.includes(a))) {
      known.push(anchor);
      added++;
    }
  }
  const sorted: Manifest = { urls: Object.fromEntries(Object.entries(manifest.urls).sort(([a], [b]) => a.localeCompare(b))) };
  writeFileSync(manifestFile, JSON.stringify(sorted, null, 2) + "\n");
  return { added, missing };
}

if (import.meta.main) {
  const site = process.argv[2] ?? "_site";
  const manifestFile = process.argv[3] ?? "tests/published-urls.json";
  const { added, missing } = updateManifest(manifestFile, site);
  if (missing.length) {
    console.error(`These published links are no longer served by ${site}/:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
    console.error("Keep them working: give a renamed level its old id in `formerIds` (src/_data/roles.ts),");
    console.error("or add a redirect for a moved page (src/_data/redirects.ts). The manifest was not changed.");
    process.exit(1);
  }
  console.log(`${manifestFile}: ${added} new entries.`);
}
