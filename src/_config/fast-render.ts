import type { UserConfig } from "@11ty/eleventy";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { bodyOnlySave } from "./incremental.ts";

// `FAST_RENDER=1 npm start` (issue 26, a prototype): the page being edited
// first, the rest after, as Hugo's server does in its "fast render mode".
//
// A save of a post's body costs 2.5 to 3 s at 4,000 posts on Eleventy 3 and 4
// alike (docs/eleventy-4.md): before it renders the one page, Eleventy
// computes every template's data, pagination and collections again
// (11ty/eleventy#2710). Rendering the page is a hundredth of that. So, when a
// save changed only the body of a Markdown page that needs no template engine,
// this renders the new body with the site's own markdown-it, as Eleventy
// rendered it at the last build (same page data), puts it in place of the old
// body in the page on disk, and reloads the browser; then Eleventy's own
// incremental build runs as before and writes the page again, with the feeds.
//
// It does so only where it cannot differ from Eleventy's page: the old body's
// rendering, made again from the last build's source, must be found exactly
// once in the page on disk (a layout or transform that changed it means no
// fast path). Anything else, or any doubt, is Eleventy's path alone.
// `DEBUG=fast-render` prints what each save did.

interface Rendered {
  /** What markdown-it was given, and its page data, at the last render. */
  source: string;
  env: object;
  html: string;
}
interface MarkdownLike {
  render(src: string, env?: object): string;
}

const FRONT_MATTER = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/;
/** A body with these goes through Nunjucks first (markdown.ts): not a fast path. */
const TEMPLATE_SYNTAX = /\{[{%#]/;

export default function fastRender(eleventyConfig: UserConfig, options: { enabled: boolean; stamp: string }): void {
  if (!options.enabled) return;
  const md = (eleventyConfig as unknown as { libraryOverrides: Record<string, MarkdownLike | undefined> }).libraryOverrides.md;
  if (!md) throw new Error("fast-render.ts: add it after markdown.ts, which sets the Markdown library");
  const debug = process.env.DEBUG?.includes("fast-render") ? (m: string) => console.log(`[fast-render] ${m}`) : () => {};

  // Each page's last rendering, by input path, as Eleventy asked for it.
  const rendered = new Map<string, Rendered>();
  const render = md.render.bind(md);
  md.render = (source: string, env?: object) => {
    const html = render(source, env);
    const inputPath = (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (inputPath && env) rendered.set(path.resolve(inputPath), { source, env, html });
    return html;
  };
  // Where each page was written, from the last build.
  const outputs = new Map<string, string>();
  eleventyConfig.on("eleventy.after", ({ results }: { results: Array<{ inputPath: string; outputPath: string | false }> }) => {
    for (const { inputPath, outputPath } of results) if (outputPath) outputs.set(path.resolve(inputPath), outputPath);
  });
  // The dev server reloads the browser when this file changes, without a build.
  mkdirSync(path.dirname(options.stamp), { recursive: true });
  writeFileSync(options.stamp, "");
  eleventyConfig.setServerOptions({ watch: [options.stamp] });

  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    const saved = changed.filter((file) => file.endsWith(".md"));
    if (saved.length !== 1 || changed.length !== 1) return;
    const file = path.resolve(saved[0]!);
    const why = fastPath(file);
    debug(`${path.relative(process.cwd(), file)}: ${why ?? "written first"}`);
  });

  /** Writes the page of a body-only save; returns why not, or undefined if it did. */
  function fastPath(file: string): string | undefined {
    if (!bodyOnlySave(file)) return "not a body-only save";
    const last = rendered.get(file);
    const output = outputs.get(file);
    if (!last || !output) return "not rendered at the last build";
    const body = readFileSync(file, "utf8").replace(FRONT_MATTER, "");
    if (body.trim() === "") return "an empty file (a save half-way)";
    if (TEMPLATE_SYNTAX.test(body)) return "uses Nunjucks";
    let page: string;
    try {
      page = readFileSync(output, "utf8");
    } catch {
      return "no page on disk";
    }
    const at = page.indexOf(last.html);
    if (last.html === "" || at < 0 || page.indexOf(last.html, at + 1) >= 0) return "the last rendering is not in the page once";
    // The page data without markdown-it-anchor's record of the ids it gave
    // (it keeps them in the data, so that a second render would number them).
    const env = () => ({ ...last.env, markdownItAnchor: undefined });
    // Rendering again the last build's source must give the last build's HTML:
    // if not (the render reads something else that changed), Eleventy's path.
    if (render(last.source, env()) !== last.html) return "the rendering is not reproducible";
    const html = render(body, env());
    const temporary = `${output}.fast-render`;
    writeFileSync(temporary, page.slice(0, at) + html + page.slice(at + last.html.length));
    renameSync(temporary, output);
    writeFileSync(options.stamp, `${Date.now()}\n`);
    return undefined;
  }
}
