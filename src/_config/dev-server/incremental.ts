import type { UserConfig } from "@11ty/eleventy";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadFrontMatter } from "../content/yaml-data.ts";
import { languages } from "../types.ts";
import { postOrder } from "../content/blog.ts";

// Which pages an editor's save renders again during `npm start` (Eleventy's
// --incremental mode).
//
// Eleventy decides from its dependency graph: a template that paginates over
// a collection made with addCollection (the blog listing, the author pages)
// depends on every page, so saving a typo fix in one post rendered the 400
// listing pages and every author page again (5.6 s at 4,000 posts). And pages
// that read other pages without declaring it (a post's older/newer links and
// its translation's language toggle) were never rendered again, so they went
// stale after a title or date change.
//
// This plugin decides instead, for a save of a Markdown page, from what the
// save changed in the file:
// - only the body: the page itself, and the feeds (they carry the newest
//   posts' text). Nothing else shows a page's body.
// - its front matter (title, date, description, authors, image…): also every
//   template that declares it lists pages (pagination over a collection, or
//   `eleventyImport.collections`: the listings, the author pages, the feeds,
//   the sitemap), the page's translation (its language toggle points at this
//   page's URL, which comes from the title) and its older and newer posts
//   before and after the save (their links show its title).
// - deleted (a delete or the old name of a rename; deletes.ts makes it
//   rebuild): as a front-matter change.
// Any other save (a layout, an include, data, a new file) keeps Eleventy's
// own rule.
//
// Eleventy lets a template language decide this with `isIncrementalMatch`
// (https://www.11ty.dev/docs/languages/custom/): Eleventy asks every entry
// registered under a language's key, so an alias entry for `njk` and one for
// `md` (for file extensions no file uses) carry the rule for all Nunjucks
// and Markdown templates, which still render with Eleventy's own engines.

interface Snapshot {
  empty: boolean;
  frontMatter: string;
  translationKey?: string;
  date?: number;
}
export const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** `./src/blog/x.md`, `src/blog/x.md` and `/abs/src/blog/x.md` are one file. */
const key = (file: string) => path.relative(process.cwd(), path.resolve(file));

function snapshot(file: string): Snapshot | undefined {
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    return undefined; // deleted
  }
  const frontMatter = FRONT_MATTER.exec(source)?.[1] ?? "";
  let data: { translationKey?: unknown; date?: unknown } = {};
  try {
    data = (loadFrontMatter(frontMatter) as typeof data) ?? {};
  } catch {
    // Invalid YAML: the build reports it (front-matter.ts); nothing to compare.
  }
  const date = data.date === undefined ? undefined : new Date(data.date as string).getTime();
  return {
    empty: source.trim() === "",
    frontMatter,
    translationKey: typeof data.translationKey === "string" ? data.translationKey : undefined,
    date: Number.isNaN(date) ? undefined : date,
  };
}

export interface SavePlan {
  /** Pages (input paths, relative to the project) that must render again besides the saved one. */
  render: Set<string>;
  /** Whether the front matter changed; if not, only the body did. */
  frontMatterChanged: boolean;
}

const snapshots = new Map<string, Snapshot>();
const plans = new Map<string, SavePlan>();
// Templates that show pages' text, not only their front matter: the feeds.
const SHOWS_CONTENT = new Set<string>();

/** What a save of `file` renders again, comparing it with the last build's snapshot. */
export function planSave(file: string): SavePlan | undefined {
  const id = key(file);
  const before = snapshots.get(id);
  const after = snapshot(id);
  if (!before) {
    // A new file (or a rename's new name): Eleventy's own rule; its next saves are compared.
    if (after) snapshots.set(id, after);
    return undefined;
  }
  if (!after) {
    // Deleted (deletes.ts rebuilds then): like a change of its front matter
    // to nothing; its translation and neighbours lose their links to it.
    snapshots.delete(id);
    return { render: related(id, before, before), frontMatterChanged: true };
  }
  // An editor's save truncates the file, then writes it: the watcher can see
  // the empty file first (seen on a busy machine). Compare when the text is
  // there, at the event that follows; keep the last complete snapshot.
  if (after.empty) return { render: new Set(), frontMatterChanged: false };
  snapshots.set(id, after);
  if (before.frontMatter === after.frontMatter) return { render: new Set(SHOWS_CONTENT), frontMatterChanged: false };
  return { render: related(id, before, after), frontMatterChanged: true };
}

/** The pages that show a page's front matter besides the listings: the feeds, its translation, its older and newer posts. */
function related(id: string, before: Snapshot, after: Snapshot): Set<string> {
  const render = new Set<string>(SHOWS_CONTENT);
  // The translation, before and after (the key may have changed).
  for (const [other, shot] of snapshots) {
    if (other === id || !shot.translationKey) continue;
    if (shot.translationKey === before.translationKey || shot.translationKey === after.translationKey) render.add(other);
  }
  // The older and newer posts, before and after (the date may have changed).
  for (const lang of languages) {
    const order = postOrder(lang);
    const at = order.findIndex((post) => post.inputPath === id);
    if (at < 0) continue;
    for (const i of [at - 1, at + 1]) if (order[i]) render.add(order[i]!.inputPath);
    if (after.date !== undefined && after.date !== before.date) {
      const others = order.filter((post) => post.inputPath !== id);
      // Newest first; posts of the same date could fall either side: all of them.
      const newer = others.filter((post) => post.date > after.date!);
      const same = others.filter((post) => post.date === after.date);
      const older = others.filter((post) => post.date < after.date!);
      for (const post of [newer.at(-1), ...same, older[0]]) if (post) render.add(post.inputPath);
    }
  }
  return render;
}

/** Whether the last save of `file` changed only its body (fast-render.ts). */
export const bodyOnlySave = (file: string): boolean => plans.get(key(file))?.frontMatterChanged === false;

interface MatchContext {
  inputPath: string;
  isFullTemplate?: boolean;
  isFileRelevantToInputPath: boolean;
  doesFileHaveDependencies: boolean;
}

function isIncrementalMatch(this: MatchContext, changed: string): boolean {
  const plan = plans.get(key(changed));
  if (plan) {
    const id = key(this.inputPath);
    if (plan.render.has(id)) return true;
    // Declared consumers of collections are related to every page in Eleventy's graph.
    return plan.frontMatterChanged && this.isFileRelevantToInputPath;
  }
  // Eleventy's own rule (TemplateContent#isFileRelevantToThisTemplate).
  return this.isFileRelevantToInputPath || (!this.doesFileHaveDependencies && !this.isFullTemplate);
}

export default function incremental(eleventyConfig: UserConfig, options: { showsContent: string[] }): void {
  for (const file of options.showsContent) SHOWS_CONTENT.add(key(file));
  let watching = false;
  eleventyConfig.on("eleventy.before", ({ directories, runMode }: { directories: { input: string }; runMode: string }) => {
    if (runMode === "build" || watching) return;
    // The first build of `npm start`: what every page's front matter is now.
    watching = true;
    for (const entry of readdirSync(directories.input, { recursive: true, encoding: "utf8" })) {
      if (!entry.endsWith(".md")) continue;
      const file = key(path.join(directories.input, entry));
      const shot = snapshot(file);
      if (shot) snapshots.set(file, shot);
    }
  });
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    plans.clear();
    for (const file of changed) {
      if (!file.endsWith(".md")) continue;
      const plan = planSave(file);
      if (plan) plans.set(key(file), plan);
      // DEBUG=incremental npm start: what each save renders again.
      if (process.env.DEBUG?.includes("incremental")) {
        console.log(`[incremental] ${key(file)}: ${plan ? `${plan.frontMatterChanged ? "front matter" : "body"}; also ${[...plan.render].join(", ") || "nothing"}` : "Eleventy's rule"}`);
      }
    }
  });
  // A save truncates the file, then writes it. On a busy machine the watcher
  // saw the empty file, and the rebuild failed on a post with no front matter
  // or skipped the text that followed. Wait until the file has stopped changing.
  eleventyConfig.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 } });
  for (const language of ["njk", "md"]) {
    eleventyConfig.addExtension(`incremental-${language}`, { key: language, isIncrementalMatch });
  }
}

