// Builds the site once, in production and in preview, for every test file.
import { rmSync } from "node:fs";
import { build, BUILDS, ROOT } from "./site.ts";

export default function setup(): void {
  rmSync(BUILDS, { recursive: true, force: true });
  for (const mode of ["production", "preview"] as const) {
    const result = build(mode, `tests/.output/${mode}`, ROOT);
    if (result.status !== 0) throw new Error(`The ${mode} build failed:\n${result.output}`);
  }
}
