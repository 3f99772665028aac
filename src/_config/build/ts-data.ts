import type { UserConfig } from "@11ty/eleventy";
import { tsImport } from "tsx/esm/api";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { deepFreeze } from "./freeze.ts";

// Eleventy reads `_data/*.ts` and `*.11tydata.ts` through tsx. `read: false`
// because tsx imports the file itself; the module's default export is the data.
//
// Eleventy asks for a directory data file once per template in the directory,
// and each tsImport() compiles a fresh copy of the file and everything it
// imports: 4,000 posts meant 4,000 copies (45 s and 2 GB for 300 posts before
// this cache). So each file is imported once per build; the cache is emptied
// before every build, so that `npm start` picks up an edited data file, except
// after a save of Markdown pages only, which changes no data file (compiling
// them all again took 0.2 s of each save at 4,000 posts).
const modules = new Map<string, Promise<unknown>>();

export default function tsData(eleventyConfig: UserConfig): void {
  let onlyMarkdownChanged = false;
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    onlyMarkdownChanged = changed.every((file) => file.endsWith(".md"));
  });
  eleventyConfig.on("eleventy.before", () => {
    if (!onlyMarkdownChanged) modules.clear();
    onlyMarkdownChanged = false;
  });
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: (filePath: string) => {
      const url = pathToFileURL(path.resolve(filePath)).href;
      let data = modules.get(url);
      if (!data) {
        // Global data (src/_data/) is shared by every page, frozen (freeze.ts).
        const global = path.resolve(filePath).split(path.sep).includes("_data");
        data = tsImport(url, import.meta.url).then((mod: { default: unknown }) => (global ? deepFreeze(mod.default) : mod.default));
        modules.set(url, data);
      }
      return data;
    },
  });
}
