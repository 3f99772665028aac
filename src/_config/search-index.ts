import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { createIndex, close, type PagefindIndex } from "pagefind";

// The search index (Pagefind), built while Eleventy renders: each HTML page is
// handed to Pagefind as it is written, so Pagefind's own process indexes it on
// the machine's other core instead of reading the whole site back from disk
// after the build. The index is written to <output>/pagefind/ at the end.
// Pagefind reads each page's <html lang> (one index per language) and only
// what is inside data-pagefind-body.
//
// scripts/build.ts turns this on (SEARCH_INDEX=1); `npm start` leaves it off.

interface Added {
  errors: string[];
}

export default function searchIndex(eleventyConfig: UserConfig, options: { enabled: boolean }): void {
  if (!options.enabled) return;
  let index: PagefindIndex | undefined;
  let added: Promise<Added>[] = [];
  let output = "";

  eleventyConfig.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    output = directories.output;
    added = [];
    const created = await createIndex({});
    if (!created.index) throw new Error(`Pagefind could not start: ${created.errors.join("; ")}`);
    index = created.index;
  });

  eleventyConfig.addTransform("search-index", function (this: { page: { outputPath: string | false } }, content: string) {
    const outputPath = this.page.outputPath;
    if (index && typeof outputPath === "string" && outputPath.endsWith(".html")) {
      // A path relative to the output folder: Pagefind makes the URL from it,
      // as it does when it reads a folder (…/index.html → …/).
      added.push(index.addHTMLFile({ sourcePath: path.relative(output, outputPath), content }));
    }
    return content;
  });

  eleventyConfig.on("eleventy.after", async () => {
    if (!index) return;
    try {
      const errors = (await Promise.all(added)).flatMap((a) => a.errors);
      if (errors.length) throw new Error(`Pagefind could not index a page: ${errors.join("; ")}`);
      const written = await index.writeFiles({ outputPath: path.join(output, "pagefind") });
      if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
    } finally {
      index = undefined;
      added = [];
      await close();
    }
  });
}
