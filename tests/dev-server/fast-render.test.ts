// Issue 26: `FAST_RENDER=1 npm start` writes the page of a body-only save
// before Eleventy's incremental build (src/_config/dev-server/fast-render.ts), and that
// page must be exactly the one Eleventy then writes. How much sooner is
// measured by `npm run bench -- --fast-render`.
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { benchPostUrl, saveAndRebuild, startDevServer, type DevServer } from "../support/dev-server.ts";
import { fileFor, projectCopy } from "../support/site.ts";
import { post, postFile } from "../../scripts/bench-corpus.ts";

describe("FAST_RENDER=1 npm start", () => {
  const site = projectCopy();
  let dev: DevServer | undefined;
  const file = (i: number) => path.join(site.dir, "src", "blog", postFile(i, "en"));
  const output = (i: number) => fileFor(path.join(site.dir, "_site"), benchPostUrl(file(i), "en"));

  /** Saves a file; returns the page as first seen holding `marker`, and as Eleventy's rebuild left it. */
  async function save(i: number, edit: (text: string) => string, marker: string): Promise<{ first: string; last: string; log: string }> {
    let first = "";
    const log = await saveAndRebuild(dev!, file(i), edit, {
      every: 2,
      each: () => {
        if (!first && existsSync(output(i))) {
          const page = readFileSync(output(i), "utf8");
          if (page.includes(marker)) first = page;
        }
      },
    });
    return { first, last: readFileSync(output(i), "utf8"), log };
  }

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) site.write(path.join("src", "blog", postFile(i, "en")), post(i, "en"));
    dev = await startDevServer(site.dir, { FAST_RENDER: "1" });
  });
  afterAll(async () => {
    await dev?.stop();
    site.remove();
  });

  it("writes a body edit's page before Eleventy's rebuild, the same page Eleventy writes", async () => {
    const marker = "A paragraph the editor added, with a [link](/en/roles/) and *emphasis*.";
    const saved = await save(1, (text) => `${text.trimEnd()}\n\n${marker}\n\n## A new heading\n`, "A paragraph the editor added");
    const relative = path.relative(site.dir, file(1));
    expect(saved.log).toContain(`[fast-render] ${relative}: written first`);
    // Written before Eleventy wrote its own.
    expect(saved.log.indexOf("[fast-render]")).toBeLessThan(saved.log.indexOf("Writing "));
    expect(saved.first).toContain('<a href="/en/roles/">link</a> and <em>emphasis</em>');
    expect(saved.first).toContain('<h2 id="a-new-heading">A new heading</h2>');
    expect(saved.first).toBe(saved.last);
  });

  it("leaves a front-matter edit to Eleventy", async () => {
    const saved = await save(2, (text) => text.replace(/^date: .*$/m, "date: 2030-01-01T00:00:00.000Z"), 'datetime="2030-01-01"');
    expect(saved.log).toContain(`[fast-render] ${path.relative(site.dir, file(2))}: not a body-only save`);
    expect(saved.first).toBe(saved.last);
  });
});
