// Everything an editor's pull request must pass, browser tests excluded:
//  1. a production build into a scratch folder: front matter against the
//     schemas, roles.ts against the role pages, authors, images, translation
//     keys, and every internal link and #anchor (the real _site/ is untouched);
//  2. markdownlint on src/**/*.md (.markdownlint-cli2.jsonc);
//  3. Eleventy's inclusive-language linter, as warnings;
//  4. translation status of every English/French pair, from git history: a
//     table, and warnings; never a failure.
import { spawnSync } from "node:child_process";
import path from "node:path";

const bin = (name: string) => path.join("node_modules", ".bin", name);
const steps: Array<[string, string, string[], Record<string, string>]> = [
  ["Build and content checks", bin("tsx"), ["scripts/build.ts", "--output=.cache/check-site"], { ELEVENTY_ENV: "production", ELEVENTY_CHECK: "1" }],
  ["Markdown style", bin("markdownlint-cli2"), [], {}],
  ["Translation status", bin("tsx"), ["scripts/translation-status.ts"], {}],
];

let failed = 0;
for (const [name, command, args, env] of steps) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) {
    failed++;
    console.error(`✖ ${name} failed: see the messages above.`);
  }
}
if (failed) process.exit(1);
console.log("\n✔ All checks passed.");
