// Builds the site into a temporary folder and swaps it in for _site/ only when
// the build succeeded, so a failed build never leaves a half-written site.
// Usage: tsx scripts/build.ts [--output=_site]  (ELEVENTY_ENV picks the mode)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";

const output = process.argv.find((a) => a.startsWith("--output="))?.slice("--output=".length) ?? "_site";
const staging = `${output}.building`;
const previous = `${output}.previous`;

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`\nBuild failed: ${output}/ is unchanged. Fix the error above and build again.`);
    process.exit(result.status ?? 1);
  }
}

await rm(staging, { recursive: true, force: true });
run(path.join("node_modules", ".bin", "tsx"), [
  path.join("node_modules", "@11ty", "eleventy", "cmd.cjs"),
  "--config=.eleventy.ts",
  `--output=${staging}`,
  "--quiet",
]);

await rm(previous, { recursive: true, force: true });
if (existsSync(output)) await rename(output, previous);
await rename(staging, output);
await rm(previous, { recursive: true, force: true });
console.log(`Built ${output}/ (${process.env.ELEVENTY_ENV ?? "preview"}).`);
