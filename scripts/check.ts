// Everything an editor's pull request must pass, browser tests excluded:
//  1. a production build into a scratch folder: front matter against the
//     schemas, roles.ts against the role pages, authors, images, translation
//     keys, and every internal link and #anchor (the real _site/ is untouched);
//  2. markdownlint on src/**/*.md (.markdownlint-cli2.jsonc);
//  3. the inclusive-language check, as warnings (in step 1);
//  4. translation status of every English/French pair, from git history: a
//     table, and warnings; never a failure.
// Every problem is printed as `path:line: message`, and in GitHub Actions as
// an annotation on that line of the pull request.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { markdownStyle } from "./markdown-style.ts";

const bin = (name: string) => path.join("node_modules", ".bin", name);
const run = (command: string, args: string[], env: Record<string, string>) =>
  spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
const steps: Array<[string, () => boolean | Promise<boolean>]> = [
  ["Build and content checks", () => run(bin("tsx"), ["scripts/build.ts", "--output=.cache/check-site"], { ELEVENTY_ENV: "production", ELEVENTY_CHECK: "1" })],
  ["Markdown style", markdownStyle],
  ["Translation status", () => run(bin("tsx"), ["scripts/translation-status.ts"], {})],
];

let failed = 0;
for (const [name, step] of steps) {
  console.log(`\n▶ ${name}`);
  if (!(await step())) {
    failed++;
    console.error(`✖ ${name} failed: see the messages above.`);
  }
}
if (failed) process.exit(1);
console.log("\n✔ All checks passed.");
