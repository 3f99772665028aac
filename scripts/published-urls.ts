// Published links are a contract. tests/published-urls.json lists every public
// URL of the site and the level anchors on it; tests/published-urls.test.ts
// fails when a build no longer serves one of them.
//
//   npm run urls            add the new URLs and anchors of _site/ to the manifest
//
// It never removes an entry. When one is no longer served it stops with an
// error: keep the old anchor (roles.ts `formerIds`) or leave a redirect
// (src/_data/redirects.ts) instead.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { publicUrls, missingFrom, MANIFEST, type Manifest } from "../tests/support/published.ts";

const site = process.argv[2] ?? "_site";
const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
const served = publicUrls(site);

const missing = missingFrom(manifest, site);
if (missing.length) {
  console.error(`These published links are no longer served by ${site}/:\n${missing.map((m) => `  - ${m}`).join("\n")}`);
  console.error("Keep them working: give a renamed level its old id in `formerIds` (src/_data/roles.ts),");
  console.error("or add a redirect for a moved page (src/_data/redirects.ts). The manifest was not changed.");
  process.exit(1);
}

let added = 0;
for (const [url, anchors] of Object.entries(served)) {
  if (!(url in manifest.urls)) added++;
  const known = (manifest.urls[url] ??= []);
  for (const anchor of anchors) {
    if (!known.includes(anchor)) {
      known.push(anchor);
      added++;
    }
  }
}
const sorted: Manifest = { urls: Object.fromEntries(Object.entries(manifest.urls).sort(([a], [b]) => a.localeCompare(b))) };
writeFileSync(MANIFEST, JSON.stringify(sorted, null, 2) + "\n");
console.log(`${path.relative(process.cwd(), MANIFEST)}: ${Object.keys(sorted.urls).length} URLs, ${added} new entries.`);
