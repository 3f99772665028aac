// `npm start`: a save that breaks the build shows the error over the page the
// editor has open, and the next good save takes it away. Against the real dev
// server, in a copy of the project, in Chromium.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { AxeResults } from "axe-core";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allStarted, launch } from "../support/browser.ts";
import { startDevServer, type DevServer } from "../support/dev-server.ts";
import { projectCopy, ROOT } from "../support/site.ts";

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

describe("npm start shows a failed rebuild in the browser", () => {
  let copy: ReturnType<typeof projectCopy>;
  let server: DevServer | undefined;
  let browser: Browser;

  beforeAll(async () => {
    copy = projectCopy();
    await allStarted([startDevServer(copy.dir).then((s) => (server = s)), launch().then((b) => (browser = b))]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
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
