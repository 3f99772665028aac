// `npm start`: a save that breaks the build shows the error over the page the
// editor has open, and the next good save takes it away. Against the real dev
// server, in a copy of the project, in Chromium.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AxeResults } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch } from "./support/browser.ts";
import { projectCopy, ROOT } from "./support/site.ts";

const POST = "src/blog/product-manager-qa.md";

/** axe's WCAG A/AA violations on the page as it is now, by rule id. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8"));
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(c: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    }),
  );
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** `npm start` in `dir` (the same command as package.json), on a free port; resolves with its origin. */
function startDevServer(dir: string): Promise<{ child: ChildProcess; origin: string; log: () => string }> {
  const child = spawn(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", "--incremental", "--port=0"],
    { cwd: dir, env: { ...process.env, ELEVENTY_ENV: "preview" }, detached: true },
  );
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The dev server did not start:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Server at (http:\/\/localhost:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, origin: match[1]!, log: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", () => reject(new Error(`The dev server stopped:\n${output}`)));
  });
}

describe("npm start shows a failed rebuild in the browser", () => {
  let copy: ReturnType<typeof projectCopy>;
  let server: Awaited<ReturnType<typeof startDevServer>> | undefined;
  let browser: Browser;

  beforeAll(async () => {
    copy = projectCopy();
    [server, browser] = await Promise.all([startDevServer(copy.dir), launch()]);
  });
  afterAll(async () => {
    await browser?.close();
    // Its process group: tsx and the Eleventy process it starts.
    if (server?.child.pid) {
      try {
        process.kill(-server.child.pid, "SIGTERM");
      } catch {
        // Already stopped.
      }
    }
    copy?.remove();
  });

  it("over the open page, naming the file and what to fix; gone after the next good save", async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${server!.origin}/en/blog/so-what-exactly-is-a-product-manager-anyway/`);
    const dialog = page.getByRole("dialog", { name: "The site could not be rebuilt" });
    await expect(dialog.isVisible()).resolves.toBe(false);
    // The overlay's own socket must be open before the save.
    await page.waitForTimeout(500);

    const good = readFileSync(path.join(copy.dir, POST), "utf8");
    writeFileSync(path.join(copy.dir, POST), good.replace(/^author: .*$/m, "author: 'Brian Wiley'"));
    await dialog.waitFor({ state: "visible", timeout: 60_000 });
    const text = await dialog.innerText();
    expect(await dialog.locator("[data-build-error-message]").innerText()).toMatch(new RegExp(`^${POST}(:\\d+)?: `));
    expect(text).toContain(POST);
    expect(text).toContain("unknown author 'Brian Wiley'");
    expect(text).toContain("did you mean 'Bryan Willey'?");
    // A modal dialog: focus moves into it, the page behind is inert.
    expect(await page.evaluate(() => document.activeElement?.closest("dialog")?.id)).toBe("build-error");
    expect(await page.evaluate(() => document.querySelector<HTMLDialogElement>("#build-error")!.matches(":modal"))).toBe(true);
    // Readable at 375 px: nothing wider than the screen.
    const box = (await dialog.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    expect(await axeViolations(page)).toEqual([]);

    writeFileSync(path.join(copy.dir, POST), good);
    await dialog.waitFor({ state: "hidden", timeout: 60_000 });
    await expect(page.locator("h1").first().innerText()).resolves.toBe("So...what exactly is a product manager, anyway?");
  });

  it("for a Nunjucks error in a layout too", async () => {
    const page = await browser.newPage();
    await page.goto(`${server!.origin}/fr/roles/`);
    const dialog = page.getByRole("dialog", { name: "Le site n'a pas pu être reconstruit" });
    await page.waitForTimeout(500);
    const file = path.join(copy.dir, "src/_includes/footer.njk");
    const good = readFileSync(file, "utf8");
    writeFileSync(file, good + "\n{% if %}\n");
    await dialog.waitFor({ state: "visible", timeout: 60_000 });
    expect(await dialog.innerText()).toMatch(/footer\.njk|Nunjucks|expected/i);
    writeFileSync(file, good);
    await dialog.waitFor({ state: "hidden", timeout: 60_000 });
  });
});
