// Builds the site into a temporary folder, with its search index, and swaps it
// in for _site/ only when everything succeeded, so a failed build never leaves
// a half-written site: the previous _site/ stays exactly as it was.
// The search index (Pagefind) is made during the Eleventy build, page by page,
// by src/_config/search-index.ts, which SEARCH_INDEX=1 turns on.
// Usage: tsx scripts/build.ts [--output=_site]  (ELEVENTY_ENV picks the mode)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";

const output = process.argv.find((a) => a.startsWith("--output="))?.slice("--output=".length) ?? "_site";
const staging = `${output}.building`;
const previous = `${output}.previous`;

function fail(message: string, status = 1): never {
  console.error(`\n${message}\nBuild failed: ${output}/ is unchanged. Fix the error above and build again.`);
  process.exit(status);
}

await rm(staging, { recursive: true, force: true });
const eleventy = spawnSync(
  path.join("node_modules", ".bin", "tsx"),
  [path.join("node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=.eleventy.ts", `--output=${staging}`, "--quiet"],
  { stdio: "inherit", env: { ...process.env, SEARCH_INDEX: "1" } },
);
if (eleventy.status !== 0) fail("Eleventy stopped with the error above.", eleventy.status ?? 1);

if (!existsSync(path.join(staging, "pagefind", "pagefind-entry.json"))) fail("The build wrote no search index.");

await rm(previous, { recursive: true, force: true });
if (existsSync(output)) await rename(output, previous);
await rename(staging, output);
await rm(previous, { recursive: true, force: true });
console.log(`Built ${output}/ (${process.env.ELEVENTY_ENV ?? "preview"}), with its search index.`);
