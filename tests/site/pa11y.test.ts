// Issue 23: HTML_CodeSniffer, through pa11y-ci, over every page of the
// production site, in Debian's Chromium. axe (tests/site/quality.test.ts) and
// HTML_CodeSniffer disagree at the edges: a link named only by its svg's
// aria-label passed axe and failed H30.2 here, and some screen readers agree
// with HTML_CodeSniffer. pa11y-ci lives in its own package, tests/pa11y/
// (about 160 packages with puppeteer), out of the root install.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePackages } from "../../scripts/optional-packages.ts";
import { CHROMIUM } from "../support/browser.ts";
import { serve, type StaticServer } from "../support/server.ts";
import { htmlPages, productionSite, ROOT } from "../support/site.ts";

const PA11Y = path.join(ROOT, "tests", "pa11y");
const TIMEOUT = 600_000;

/** pa11y-ci's command, tests/pa11y/ installed from its lockfile first when it is not (scripts/optional-packages.ts). */
function pa11yCi(): string {
  ensurePackages("tests/pa11y", ROOT);
  return path.join(PA11Y, "node_modules", "pa11y-ci", "bin", "pa11y-ci.js");
}

interface Issue {
  code: string;
  message: string;
  selector: string;
  type: string;
}
interface Report {
  total: number;
  passes: number;
  errors: number;
  results: Record<string, Array<Issue | { message: string }>>;
}

let server: StaticServer;
let work: string;
beforeAll(async () => {
  work = mkdtempSync(path.join(os.tmpdir(), "pa11y-"));
  server = await serve(productionSite);
});
afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("HTML_CodeSniffer (pa11y-ci, WCAG 2 AA)", () => {
  it("finds no error on any page of the production site", { timeout: TIMEOUT }, async () => {
    const bin = pa11yCi();
    // Every page a reader can reach: each HTML file the build wrote (/admin/ is Decap's app, not a page).
    const pages = htmlPages(productionSite);
    // The sitemap's pages (23 today) are all among them, with /404.html.
    const sitemap = [...readFileSync(path.join(productionSite, "sitemap.xml"), "utf8").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    expect(sitemap.length).toBeGreaterThan(20);
    expect(pages).toEqual(expect.arrayContaining([...sitemap, "/404.html"]));
    const report = path.join(work, "report.json");
    const config = path.join(work, "pa11y-ci.json");
    writeFileSync(
      config,
      JSON.stringify({
        defaults: {
          standard: "WCAG2AA",
          runners: ["htmlcs"],
          timeout: 60_000,
          // One page at a time: two side by side closed each other's tabs ("No target with given id found").
          concurrency: 1,
          reporters: [["json", { fileName: report }]],
          chromeLaunchConfig: { executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] },
        },
        urls: pages.map((url) => server.origin + url),
      }),
    );
    // Not spawnSync: the server answering pa11y runs in this process. Stopped before the test's own
    // timeout, with SIGINT: puppeteer's handler for it kills Chromium's process group, then pa11y-ci.
    const run = await promisify(execFile)(process.execPath, [bin, "--config", config], { cwd: work, timeout: TIMEOUT - 30_000, killSignal: "SIGINT" }).catch(
      (error: { code?: number | null; signal?: string | null; stdout?: string; stderr?: string }) => error,
    );
    if (!existsSync(report)) throw new Error(`pa11y-ci wrote no report (exit ${"code" in run ? (run.code ?? run.signal) : 0}):\n${run.stdout}\n${run.stderr}`);
    const { total, passes, results } = JSON.parse(readFileSync(report, "utf8")) as Report;

    const failures = Object.entries(results).flatMap(([url, issues]) =>
      issues.map((issue) =>
        "code" in issue
          ? `${url.slice(server.origin.length)}: ${issue.code} at ${issue.selector}: ${issue.message}`
          : `${url.slice(server.origin.length)}: pa11y could not test the page: ${issue.message}`,
      ),
    );
    expect(failures).toEqual([]);
    expect({ total, passes }).toEqual({ total: pages.length, passes: pages.length });
  });
});
