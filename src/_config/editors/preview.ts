import type { UserConfig } from "@11ty/eleventy";
import { deepFreeze } from "../build/freeze.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import site from "../../_data/site.ts";
import type { Preview } from "../types.ts";

// What marks a preview as one. A preview is never for search engines nor to
// be taken for the published site, so every preview page (a pull request's,
// `npm run build:preview`, `npm start`) carries `noindex` and a banner; a
// pull request's preview names it (PREVIEW_PR=42, set by
// .github/workflows/preview.yml). Production has neither.
//
// In `npm start` only, pages also load src/assets/build-errors.js: Eleventy
// sends a failed rebuild's error to the browser over the dev server's socket
// (`eleventy.error`), where its own client only logs it to the console; the
// script shows it over the page. See docs/previews.md.
//
// PREVIEW_PAGES=<file> writes which input file made which URL, from
// Eleventy's own results, for scripts/changed-urls.ts: the pull request's
// comment then links the pages a change touches, with URLs that cannot drift
// from the site's.

/** One built page: its input file (`src/blog/post.md`) and its site URL. */
export interface PageEntry {
  inputPath: string;
  url: string;
}

/** The preview's settings, from the environment; `false` in production. */
export function previewSettings(env: NodeJS.ProcessEnv = process.env, mode = site.env): Preview | false {
  if (mode === "production") return false;
  const pr = env.PREVIEW_PR?.trim();
  if (pr && !/^[1-9]\d*$/.test(pr)) {
    throw new Error(`PREVIEW_PR is '${pr}': it must be the number of the pull request previewed, e.g. PREVIEW_PR=42, or unset.`);
  }
  return {
    pullRequest: pr ? { number: Number(pr), url: `${site.repository}/pull/${pr}` } : null,
    buildErrors: env.ELEVENTY_RUN_MODE === "serve",
  };
}

export default function preview(eleventyConfig: UserConfig): void {
  const settings = previewSettings();
  eleventyConfig.addGlobalData("preview", deepFreeze(settings)); // shared by every page (freeze.ts)
  if (settings) eleventyConfig.addPassthroughCopy({ "src/assets/preview.css": "assets/preview.css" });
  if (settings && settings.buildErrors) {
    eleventyConfig.addPassthroughCopy({ "src/assets/build-errors.js": "assets/build-errors.js" });
  }
  const manifest = process.env.PREVIEW_PAGES;
  if (manifest) {
    eleventyConfig.on("eleventy.after", ({ results }: { results: Array<{ inputPath: string; url: string | false }> }) => {
      const pages: PageEntry[] = results
        .filter((r) => typeof r.url === "string")
        .map((r) => ({ inputPath: path.normalize(r.inputPath), url: r.url as string }))
        .sort((a, b) => a.url.localeCompare(b.url));
      mkdirSync(path.dirname(manifest), { recursive: true });
      writeFileSync(manifest, JSON.stringify(pages, null, 1));
    });
  }
}
