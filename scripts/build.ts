// Builds the site into a temporary folder, indexes it for search, and swaps it
// in for _site/ only when everything succeeded, so a failed build never leaves
// a half-written site: the previous _site/ stays exactly as it was.
// Usage: tsx scripts/build.ts [--output=_site]  (ELEVENTY_ENV picks the mode)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import { createIndex, close } from "pagefind";

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
  { stdio: "inherit" },
);
if (eleventy.status !== 0) fail("Eleventy stopped with the error above.", eleventy.status ?? 1);

// The search index, one per language (Pagefind reads each page's <html lang>).
const { index, errors } = await createIndex({});
if (!index) fail(`Pagefind could not start: ${errors.join("; ")}`);
const added = await index.addDirectory({ path: staging });
if (added.errors.length) fail(`Pagefind could not index ${staging}: ${added.errors.join("; ")}`);
const written = await index.writeFiles({ outputPath: path.join(staging, "pagefind") });
if (written.errors.length) fail(`Pagefind could not write its index: ${written.errors.join("; ")}`);
await close();

await rm(previous, { recursive: true, force: true });
if (existsSync(output)) await rename(output, previous);
await rename(staging, output);
await rm(previous, { recursive: true, force: true });
console.log(`Built ${output}/ (${process.env.ELEVENTY_ENV ?? "preview"}), ${added.page_count} pages indexed for search.`);
