// The test suite on the newest Eleventy 4 (issue 26), as the "Eleventy 4"
// workflow runs it: `npm run test:eleventy4` (or `-- --version=4.0.0-alpha.10`).
// Production stays on package.json's Eleventy 3; this installs the other one
// in .cache/ (scripts/eleventy-version.ts), puts it in a temporary copy of the
// project (the checkout's files as they are now, with its git history), runs
// `npm test` there and exits with its status. The checkout is never changed.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { eleventyVersion, installEleventy, linkNodeModules, resolveVersion } from "./eleventy-version.ts";

const root = process.cwd();
const spec = process.argv.find((a) => a.startsWith("--version="))?.slice("--version=".length) ?? "4";
const version = resolveVersion(spec);
const eleventy = await installEleventy(root, version);

const copy = mkdtempSync(path.join(os.tmpdir(), `eleventy-${version}-`));
try {
  if (existsSync(path.join(root, ".git"))) execFileSync("git", ["clone", "-q", "--no-checkout", root, copy]);
  const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  for (const file of files.split("\0").filter((f) => f && existsSync(path.join(root, f)))) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(root, file), path.join(copy, file));
  }
  await linkNodeModules(root, copy, eleventy);
  // The optional package folders (scripts/optional-packages.ts) as the checkout has them; npm test installs any missing.
  for (const folder of ["cms", "tests/pa11y"]) {
    if (existsSync(path.join(root, folder, "node_modules"))) symlinkSync(path.join(root, folder, "node_modules"), path.join(copy, folder, "node_modules"), "dir");
  }
  console.log(`npm test on Eleventy ${eleventyVersion(copy)}, in ${copy}`);
  // Any other argument goes to vitest: `npm run test:eleventy4 -- tests/content/blog.test.ts`.
  const only = process.argv.slice(2).filter((a) => !a.startsWith("--version="));
  const test = spawnSync("npm", ["test", ...(only.length ? ["--", ...only] : [])], { cwd: copy, stdio: "inherit" });
  console.log(`\nnpm test on Eleventy ${version}: ${test.status === 0 ? "passed" : `failed (exit ${test.status ?? test.signal})`}`);
  process.exitCode = test.status ?? 1;
} finally {
  rmSync(copy, { recursive: true, force: true });
}
