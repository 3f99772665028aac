// Packages only a few commands use live outside the site's own install, each in
// a folder that is an npm package of its own, with its own package-lock.json:
// cms/ (Decap CMS and decap-server: /admin/ and `npm run cms`, about 800
// packages) and tests/pa11y/ (pa11y-ci). `ensurePackages(folder)` installs a
// folder with `npm ci` when its node_modules is not what its lockfile pins,
// and does nothing otherwise; the commands that need one call it first.
//
// Usage: tsx scripts/optional-packages.ts <folder>...   (`npm test` lists the folders its tests need)
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

interface LockEntry {
  version?: string;
  optional?: boolean;
  devOptional?: boolean;
  link?: boolean;
}

const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8"));

/**
 * Why `folder`'s node_modules is not what its package-lock.json pins, or
 * undefined when it is: every package the lockfile lists is there, at its
 * version. Read from each package's own package.json, not from npm's record
 * of the install (node_modules/.package-lock.json), which
 * `npm install --package-lock-only` rewrites without installing anything.
 */
export function installProblem(folder: string): string | undefined {
  const lockfile = path.join(folder, "package-lock.json");
  if (!existsSync(lockfile)) throw new Error(`${lockfile} is missing: ${folder}/ must be an npm package with its own lockfile.`);
  if (!existsSync(path.join(folder, "node_modules"))) return "not installed yet";
  const packages = (readJson(lockfile) as { packages?: Record<string, LockEntry> }).packages ?? {};
  for (const [key, want] of Object.entries(packages)) {
    if (key === "" || want.link) continue; // the folder's own package; a link to a folder
    const manifest = path.join(folder, key, "package.json");
    // Optional packages for other platforms (esbuild's, sharp's…) are in the lockfile, not installed.
    if (!existsSync(manifest)) {
      if (want.optional || want.devOptional) continue;
      return `${key} is missing`;
    }
    const have = (readJson(manifest) as { version?: string }).version;
    if (have !== want.version) return `${key.replace(/^node_modules\//, "")} ${have}, the lockfile pins ${want.version}`;
  }
  return undefined;
}

/**
 * Installs `folder`'s packages from its lockfile unless they are installed
 * already, saying so on one line. Returns whether it installed.
 */
export function ensurePackages(folder: string, root = process.cwd()): boolean {
  const dir = path.resolve(root, folder);
  const problem = installProblem(dir);
  if (!problem) return false;
  const command = ["ci", `--prefix=${dir}`, "--ignore-scripts", "--no-audit", "--no-fund"];
  console.log(`Installing ${folder}/'s packages from ${folder}/package-lock.json (${problem}): npm ${command.join(" ").replace(dir, folder)}`);
  const result = spawnSync("npm", command, {
    cwd: dir,
    // No install scripts: none of these packages needs one, and puppeteer's
    // (pa11y-ci's) would download a browser; the project drives Debian's Chromium.
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: "1" },
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (result.status !== 0) throw new Error(`Installing ${folder}/ failed (npm ci exited with ${result.status ?? result.signal}); see npm's output above.`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const folders = process.argv.slice(2);
  if (folders.length === 0) {
    console.error("Usage: tsx scripts/optional-packages.ts <folder>...  (e.g. cms)");
    process.exit(2);
  }
  try {
    for (const folder of folders) ensurePackages(folder);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
