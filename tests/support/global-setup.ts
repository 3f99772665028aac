// Builds the site once, in production and in preview, for every test file, in
// a copy of the project in the temporary folder: the tests never write into
// the checkout. The copy carries the git history ("Date modified" and the
// translation status read it) and the checkout's files as they are now,
// uncommitted changes included.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { build, BUILDS, projectCopy, ROOT } from "./site.ts";

export default function setup(): () => void {
  rmSync(BUILDS, { recursive: true, force: true });
  if (existsSync(path.join(ROOT, ".git"))) execFileSync("git", ["clone", "-q", "--no-checkout", ROOT, BUILDS]);
  else mkdirSync(BUILDS, { recursive: true });
  projectCopy(BUILDS);
  for (const mode of ["production", "preview"] as const) {
    const result = build(mode, mode, BUILDS);
    if (result.status !== 0) throw new Error(`The ${mode} build failed:\n${result.output}`);
  }
  return () => rmSync(BUILDS, { recursive: true, force: true });
}
