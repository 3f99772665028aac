import type { UserConfig } from "@11ty/eleventy";
import { deepFreeze } from "../build/freeze.ts";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildStylesheet } from "./stylesheet.ts";

// The stylesheet and the small progressive-enhancement script get
// content-hashed names (site.1a2b3c4d.css), so hosts can cache them for a year
export interface Asset {
  /** Site path, e.g. /assets/site.1a2b3c4d.css */
  url: string;
  body: string;
}
export interface Assets {
  css: Asset;
  /** On every page: the language toggle's fragment and "copy link". */
  js: Asset;
  /** On the search pages only. */
  search: Asset;
}

function hashed(name: string, ext: string, body: string): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { url: `/assets/${name}.${hash}.${ext}`, body };
}

let current: Promise<Assets> | undefined;
/** Built once per build, when the first page asks for the assets' URLs. */
export function assets(): Promise<Assets> {
  current ??= buildStylesheet().then((css) => ({
    css: hashed("site", "css", css),
    js: hashed("site", "js", readFileSync("src/assets/site.js", "utf8")),
    search: hashed("search", "js", readFileSync("src/assets/search.js", "utf8")),
  }));
  return current;
}

export default function assetsPlugin(eleventyConfig: UserConfig): void {
  eleventyConfig.addGlobalData("assets", () => assets().then(deepFreeze)); // shared by every page (freeze.ts)
  eleventyConfig.addPassthroughCopy({ "src/img": "img" });
  eleventyConfig.addPassthroughCopy({ "node_modules/@gcds-core/fonts/fonts/lato/gcds-lato.woff2": "assets/fonts/gcds-lato.woff2" });
  for (const weight of ["regular", "bold"]) {
    eleventyConfig.addPassthroughCopy({
      [`node_modules/@gcds-core/fonts/fonts/noto-sans/gcds-noto-sans-${weight}.woff2`]: `assets/fonts/gcds-noto-sans-${weight}.woff2`,
    });
  }
  eleventyConfig.addWatchTarget("src/assets/");

  eleventyConfig.on("eleventy.before", () => {
    current = undefined;
  });
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    await mkdir(path.join(directories.output, "assets"), { recursive: true });
    await Promise.all(Object.values(await assets()).map((a) => writeFile(path.join(directories.output, a.url), a.body)));
  });
}
