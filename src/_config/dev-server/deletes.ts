import type { UserConfig } from "@11ty/eleventy";
import { existsSync, readdirSync, rmdirSync, rmSync } from "node:fs";
import path from "node:path";
import { isWatching } from "../build/run-mode.ts";
import { eleventyRequire } from "../build/template-map-index.ts";

// Deleting or renaming a file during `npm start` (or in the content editor of
// `npm run cms`, which deletes entries) rebuilds the preview.
//
// Eleventy 3 logs "File deleted" and builds nothing (11ty/eleventy#2798,
// https://github.com/11ty/eleventy/issues/2798): a deleted post stayed in the
// listings, feeds, sitemap and author pages, its own page stayed in the
// output folder, and a broken post, deleted, left its error over the open
// page. Eleventy 4 runs a build on a delete as on a change: there, step 1
// is left out (step 2 is harmless, and still removes pages no longer written).
//
// 1. A delete is handed to Eleventy as a change of that path: the watcher
//    (created by @11ty/chokidar-with-glob-support, which Eleventy 3 imports
//    when it starts watching) follows each `unlink` with a `change`. The
//    rebuild then sees the deleted path in its queue, like a save: the checks
//    and caches that follow saves (front-matter.ts, ts-data.ts,
//    incremental.ts) forget the file.
// 2. After each good build, pages no template writes any more are removed
//    from the output folder: the deleted file's, the old name's after a
//    rename, a listing page the blog no longer fills. Eleventy never removes
//    output files, and the dev server serves the output folder.

interface Watcher {
  emit(event: string, ...args: unknown[]): boolean;
}
interface Chokidar {
  watch: ((...args: unknown[]) => Watcher) & { rebuildsOnDelete?: true };
}

// chokidar reports a delete 100 ms late (its `atomic` option waits for the
// file to come back), so a rename reached Eleventy as the new name first:
// that build still had the old name too, failed on two posts at one address,
// and showed the error over the page for a moment. So a new file waits this
// long for a delete. Not in the same build, though: an incremental build
// follows the first file of its queue only, and a new file built under
// another file's incremental build fails ("`templateRender` has not yet
// initialized"). The new name comes once the delete's build has started, and
// Eleventy builds it next.
const RENAME_WINDOW_MS = 150;
const AFTER_DELETE_BUILD_STARTS_MS = 20;

function upstreamRebuildsOnDelete(eleventyConfig: UserConfig): boolean {
  try {
    eleventyConfig.versionCheck(">=4.0.0-alpha.1");
    return true;
  } catch {
    return false;
  }
}

/** Makes every watcher Eleventy 3 creates from now on rebuild on a delete (once per process: the config reloads). */
function rebuildOnDelete(): void {
  const chokidar = eleventyRequire("@11ty/chokidar-with-glob-support") as Chokidar;
  if (chokidar.watch.rebuildsOnDelete) return;
  const watch = chokidar.watch;
  chokidar.watch = Object.assign(
    (...args: unknown[]) => {
      const watcher = watch(...args);
      const emit = watcher.emit.bind(watcher);
      const added: unknown[][] = [];
      let timer: NodeJS.Timeout | undefined;
      const flushAdded = () => {
        clearTimeout(timer);
        for (const event of added.splice(0)) emit("add", ...event);
      };
      watcher.emit = (event, ...rest) => {
        if (event === "add") {
          added.push(rest);
          clearTimeout(timer);
          timer = setTimeout(flushAdded, RENAME_WINDOW_MS);
          return true;
        }
        const listened = emit(event, ...rest);
        if (event === "unlink") {
          // Eleventy's own `unlink` listener has forgotten the file: build as for a save of it.
          emit("change", ...rest);
          if (added.length) {
            clearTimeout(timer);
            timer = setTimeout(flushAdded, AFTER_DELETE_BUILD_STARTS_MS);
          }
        }
        return listened;
      };
      return watcher;
    },
    { rebuildsOnDelete: true as const },
  );
}

interface Result {
  inputPath: string;
  outputPath: string | false;
}

/** What each input file wrote at the last builds, to remove what no template writes any more. */
class OutputFiles {
  readonly #written = new Map<string, Set<string>>();
  /** Input files deleted since the last good build (a failed build keeps them for the next). */
  readonly deleted = new Set<string>();

  /**
   * Records a good build's results (all templates, or those an incremental
   * build rendered); returns the output files no longer written. A file not
   * rendered keeps its pages, unless deleted (virtual templates, from
   * addTemplate, have no file on disk).
   */
  update(results: readonly Result[]): string[] {
    const now = new Map<string, Set<string>>();
    for (const { inputPath, outputPath } of results) {
      if (!outputPath) continue;
      const key = path.resolve(inputPath);
      now.set(key, (now.get(key) ?? new Set()).add(path.resolve(outputPath)));
    }
    const stale = new Set<string>();
    for (const [input, before] of this.#written) {
      const after = now.get(input) ?? (this.deleted.has(input) ? new Set<string>() : before);
      for (const file of before) if (!after.has(file)) stale.add(file);
      if (after.size) this.#written.set(input, after);
      else this.#written.delete(input);
    }
    for (const [input, files] of now) this.#written.set(input, files);
    // A file another template writes now (a renamed post keeping its address) stays.
    for (const files of this.#written.values()) for (const file of files) stale.delete(file);
    this.deleted.clear();
    return [...stale];
  }
}

/** Removes an output page, and the folders it leaves empty up to the output folder. */
function removeOutput(file: string, outputDir: string): void {
  rmSync(file, { force: true });
  for (let dir = path.dirname(file); dir.startsWith(outputDir + path.sep); dir = path.dirname(dir)) {
    if (!existsSync(dir) || readdirSync(dir).length) break;
    rmdirSync(dir);
  }
}

export default function deletes(eleventyConfig: UserConfig): void {
  if (!isWatching()) return;
  if (!upstreamRebuildsOnDelete(eleventyConfig)) rebuildOnDelete();
  // Kept across config reloads (a save of .eleventy.ts or a plugin runs this again).
  const outputs = ((globalThis as Record<symbol, OutputFiles>)[Symbol.for("careers-site.outputFiles")] ??= new OutputFiles());
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    for (const file of changed) if (!existsSync(file)) outputs.deleted.add(path.resolve(file));
  });
  eleventyConfig.on("eleventy.after", ({ results, directories }: { results: Result[]; directories: { output: string } }) => {
    const outputDir = path.resolve(directories.output);
    for (const file of outputs.update(results)) if (file.startsWith(outputDir + path.sep)) removeOutput(file, outputDir);
  });
}
