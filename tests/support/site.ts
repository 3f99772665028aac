// Builds the real site, or a copy of it changed by a test, and reads the output.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";

export const ROOT = path.resolve(import.meta.dirname, "../..");
/**
 * Where the global setup builds the site once for every test file: a copy of
 * the project in the temporary folder (one per checkout), never the checkout.
 */
export const BUILDS = path.join(os.tmpdir(), `careers-site-tests-${createHash("sha256").update(ROOT).digest("hex").slice(0, 10)}`);
export type Mode = "production" | "preview";

export interface BuildResult {
  status: number;
  output: string;
  dir: string;
}

/** Runs the project's build script (npm run build / build:preview) in `cwd`; `tsxArgs` go to tsx before the script (e.g. `--import`). */
export function build(mode: Mode, outputDir: string, cwd = ROOT, env: Record<string, string> = {}, tsxArgs: string[] = []): BuildResult {
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), [...tsxArgs, "scripts/build.ts", `--output=${outputDir}`], {
    cwd,
    env: { ...process.env, ELEVENTY_ENV: mode, ...env },
    encoding: "utf8",
  });
  return { status: result.status ?? 1, output: `${result.stdout}\n${result.stderr}`, dir: path.resolve(cwd, outputDir) };
}

/** Runs a project script (e.g. scripts/check.ts) in `cwd` without blocking, so fixtures build side by side. */
export function runScript(script: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [script, ...args], {
      cwd,
      env: { ...process.env, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) => resolve({ status: status ?? 1, output, dir: cwd }));
  });
}

/**
 * A throwaway copy of the project in a temporary folder, for tests that add a
 * fixture or break something on purpose. node_modules is linked, not copied.
 */
export function projectCopy(dir = mkdtempSync(path.join(os.tmpdir(), "site-"))): {
  dir: string;
  write(file: string, text: string): void;
  copy(from: string, to: string): void;
  remove(): void;
} {
  for (const entry of ["src", "scripts", ".eleventy.ts", "package.json", "tsconfig.json", ".markdownlint-cli2.jsonc"]) {
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  // The content editor's own packages (cms/, scripts/optional-packages.ts), when they are installed.
  if (existsSync(path.join(ROOT, "cms", "node_modules"))) {
    mkdirSync(path.join(dir, "cms"), { recursive: true });
    symlinkSync(path.join(ROOT, "cms", "node_modules"), path.join(dir, "cms", "node_modules"));
  }
  // Processed images and link-preview cards, as the shared builds (or the checkout) left them: a cold cache doubles a build.
  const cache = [BUILDS, ROOT].map((from) => path.join(from, ".cache")).find((from) => from !== path.join(dir, ".cache") && existsSync(from));
  if (cache) cpSync(cache, path.join(dir, ".cache"), { recursive: true });
  return {
    dir,
    write(file, text) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    },
    copy(from, to) {
      mkdirSync(path.dirname(path.join(dir, to)), { recursive: true });
      cpSync(path.join(ROOT, from), path.join(dir, to), { recursive: true });
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The built page at a site URL such as /en/roles/product-manager/. */
export function pageAt(dir: string, url: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(fileFor(dir, url), "utf8"));
}

export function fileFor(dir: string, url: string): string {
  const clean = url.split("#")[0]!.split("?")[0]!;
  return path.join(dir, clean.endsWith("/") ? `${clean}index.html` : clean);
}

/** Every HTML file of a build, as site URLs (`/en/`, `/404.html`). */
export function htmlPages(dir: string): string[] {
  const pages: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = path.join(sub, name);
      // The content editor (/admin/) is Decap's app, not a page for readers: it
      // has its own tests (tests/editors/cms.test.ts), not the pages' budgets and checks.
      if (rel === "admin") continue;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else if (name.endsWith(".html")) pages.push("/" + rel.split(path.sep).join("/").replace(/index\.html$/, ""));
    }
  };
  walk("");
  return pages.sort();
}

export const productionSite = path.join(BUILDS, "production");
export const previewSite = path.join(BUILDS, "preview");
