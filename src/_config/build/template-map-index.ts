import type { UserConfig } from "@11ty/eleventy";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// Eleventy 3 finds a page's entry in its template map by walking the whole
// list, for every page and every item of every collection, on every build:
// at 4,000 posts that is tens of millions of comparisons, about 2 s of CPU
// in each save of `npm start` (the largest single cost in its profile) and
// 1 s of each full build. Eleventy 4 looks entries up in a Map instead
// (https://github.com/11ty/eleventy/pull/3939, in the 4.0 alphas, not in 3.1.8).
// This applies the same index to Eleventy 3's TemplateMap: the same answer,
// the first entry whose inputPath matches, the relative or the absolute path.
// Remove this file when the site moves to Eleventy 4 (moving eleventyRequire,
// which deletes.ts and fast-render.ts use).
interface Entry {
  inputPath: string;
}
interface TemplateMapLike {
  map: Entry[];
  getMapEntryForInputPath(inputPath: string): Entry | undefined;
}

const require = createRequire(import.meta.url);
// Eleventy's folder, from its entry point (src/EleventyCommonJs.cjs): its exports hide the rest.
const eleventyDir = path.dirname(path.dirname(require.resolve("@11ty/eleventy")));
const { version } = require(path.join(eleventyDir, "package.json")) as { version: string };
/** Eleventy's own dependencies, as Eleventy resolves them. */
export const eleventyRequire = createRequire(path.join(eleventyDir, "package.json"));

export default async function templateMapIndex(_eleventyConfig: UserConfig): Promise<void> {
  if (!version.startsWith("3.")) return;
  // The module instance Eleventy itself imports.
  const { default: TemplateMap } = (await import(pathToFileURL(path.join(eleventyDir, "src", "TemplateMap.js")).href)) as {
    default: { prototype: TemplateMapLike & { __indexed?: boolean } };
  };
  const { TemplatePath } = eleventyRequire("@11ty/eleventy-utils") as {
    TemplatePath: { absolutePath(p: string): string };
  };
  const proto = TemplateMap.prototype;
  if (proto.__indexed) return;
  proto.__indexed = true;
  // Entries are only ever pushed onto the list: rebuild the index when it grew.
  const indexes = new WeakMap<TemplateMapLike, { length: number; byPath: Map<string, Entry> }>();
  proto.getMapEntryForInputPath = function (this: TemplateMapLike, inputPath: string) {
    let index = indexes.get(this);
    if (!index || index.length !== this.map.length) {
      const byPath = new Map<string, Entry>();
      for (const entry of this.map) if (!byPath.has(entry.inputPath)) byPath.set(entry.inputPath, entry);
      index = { length: this.map.length, byPath };
      indexes.set(this, index);
    }
    return index.byPath.get(inputPath) ?? index.byPath.get(TemplatePath.absolutePath(inputPath));
  };
}
