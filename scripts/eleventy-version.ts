// Another Eleventy than package.json's, for the bench (`--eleventy=4`) and the
// Eleventy 4 job (scripts/eleventy-4.ts): installed on its own in .cache/,
// then linked into a temporary copy of the project in place of the real one.
// The checkout's node_modules/ is never changed.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, symlink, writeFile } from "node:fs/promises";
import path from "node:path";

/** `4` → the newest 4.x on the registry, prereleases included (4.0.0-alpha.10 today); a full version as it is. */
export function resolveVersion(spec: string): string {
  if (!/^\d+$/.test(spec)) return spec;
  // `versions` is in semver order, oldest first.
  const npm = spawnSync("npm", ["view", "@11ty/eleventy", "versions", "--json"], { encoding: "utf8" });
  if (npm.status !== 0) throw new Error(`npm view @11ty/eleventy versions failed:\n${npm.stderr}`);
  const newest = (JSON.parse(npm.stdout) as string[]).filter((v) => v.startsWith(`${spec}.`)).at(-1);
  if (!newest) throw new Error(`No @11ty/eleventy ${spec}.x on the registry`);
  return newest;
}

/**
 * Installs one version of Eleventy, with its own dependencies, into
 * `.cache/eleventy-<version>/` of `root` (once), and returns that folder.
 */
export async function installEleventy(root: string, version: string): Promise<string> {
  const dir = path.join(root, ".cache", `eleventy-${version}`);
  if (existsSync(path.join(dir, "node_modules", "@11ty", "eleventy", "package.json")) && eleventyVersion(dir) === version) return dir;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.json"), `${JSON.stringify({ private: true, description: "Installed by scripts/eleventy-version.ts" })}\n`);
  const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", `@11ty/eleventy@${version}`], { cwd: dir, encoding: "utf8" });
  if (npm.status !== 0) throw new Error(`npm install @11ty/eleventy@${version} failed in ${dir}:\n${npm.stderr}`);
  return dir;
}

/**
 * Makes `into/node_modules` a folder of links to each package of
 * `root/node_modules`, except `@11ty/eleventy`, linked to the one installed in
 * `eleventyDir` (from installEleventy). Node follows links to their real path,
 * so that Eleventy finds its own dependencies, and the site's code and
 * plugins find that Eleventy. Without `eleventyDir`, links node_modules whole.
 */
export async function linkNodeModules(root: string, into: string, eleventyDir?: string): Promise<void> {
  const modules = path.join(root, "node_modules");
  const target = path.join(into, "node_modules");
  if (!eleventyDir) return symlink(modules, target, "dir");
  await mkdir(path.join(target, "@11ty"), { recursive: true });
  for (const entry of readdirSync(modules)) {
    if (entry !== "@11ty") await symlink(path.join(modules, entry), path.join(target, entry));
  }
  for (const entry of readdirSync(path.join(modules, "@11ty"))) {
    if (entry !== "eleventy") await symlink(path.join(modules, "@11ty", entry), path.join(target, "@11ty", entry));
  }
  await symlink(path.join(eleventyDir, "node_modules", "@11ty", "eleventy"), path.join(target, "@11ty", "eleventy"), "dir");
}

/** The version of Eleventy that a folder's node_modules holds. */
export function eleventyVersion(dir: string): string {
  return (JSON.parse(readFileSync(path.join(dir, "node_modules", "@11ty", "eleventy", "package.json"), "utf8")) as { version: string }).version;
}
