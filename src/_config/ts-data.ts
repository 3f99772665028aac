import type { UserConfig } from "@11ty/eleventy";
import { tsImport } from "tsx/esm/api";
import { pathToFileURL } from "node:url";
import path from "node:path";

// Eleventy reads `_data/*.ts` and `*.11tydata.ts` through tsx. `read: false`
// because tsx imports the file itself; the module's default export is the data.
export default function tsData(eleventyConfig: UserConfig): void {
  eleventyConfig.addDataExtension("ts", {
    read: false,
    parser: async (filePath: string) => {
      const mod = await tsImport(pathToFileURL(path.resolve(filePath)).href, import.meta.url);
      return mod.default;
    },
  });
}
