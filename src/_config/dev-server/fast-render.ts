import type { UserConfig } from "@11ty/eleventy";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { eleventyRequire } from "../build/template-map-index.ts";
import { bodyOnlySave, FRONT_MATTER } from "./incremental.ts";

// `FAST_RENDER=1 npm start` (issue 26, a prototype): the page being edited
// first, the rest after, as Hugo's server does in its "fast render mode".
//
// A save of a post's body takes about 3 s at 4,000 posts on Eleventy 3.1.8 and
// 5 s on 4.0.0-alpha.10 (docs/performance.md): before it renders the one page,
// Eleventy computes every template's data, pagination and collections again
// (11ty/eleventy#2710). Rendering the post's Markdown takes milliseconds. So, when a
// save changed only the body of a Markdown page that needs no template engine,
// this renders the new body with the site's own markdown-it, as Eleventy
// rendered it at the last build (same page data), puts it in place of the old
// body in the page on disk, and updates the browser; then Eleventy's own
// incremental build runs as before and writes the page again, with the feeds.
//
// It does so only where it cannot differ from Eleventy's page: the old body's
// rendering, made again from the last build's source, must be found exactly
// once in the page on disk (a layout or transform that changed it means no
// fast path). Anything else, or any doubt, is Eleventy's path alone. Each
// save prints which it took (`[fast-render] <file>: written first`, or why not).

interface Rendered {
  /** What markdown-it was given, and its page data, at the last render. */
  source: string;
  env: object;
  html: string;
}
interface MarkdownLike {
  render(src: string, env?: object): string;
}
/** What this uses of @11ty/eleventy-dev-server (2.x for Eleventy 3, 3.x for Eleventy 4). */
interface DevServer {
  reload(event: { files: string[]; build: { templates: Array<{ url: string; inputPath: string; content: string }> } }): void;
}

/**
 * The dev server Eleventy starts, once it does: Eleventy gives a plugin no
 * handle on it, so this wraps the static factory Eleventy calls
 * (`getServer`) of the dev server module Eleventy itself imports.
 */
async function devServer(): Promise<() => DevServer | undefined> {
  const module = eleventyRequire.resolve("@11ty/eleventy-dev-server");
  const { default: Server } = (await import(pathToFileURL(module).href)) as { default: { getServer(...args: unknown[]): DevServer } };
  let server: DevServer | undefined;
  const getServer = Server.getServer;
  Server.getServer = function (...args: unknown[]) {
    server = getServer.apply(this, args);
    return server;
  };
  return () => server;
}

export default async function fastRender(eleventyConfig: UserConfig, options: { enabled: boolean }): Promise<void> {
  if (!options.enabled) return;
  const md = (eleventyConfig as unknown as { libraryOverrides: Record<string, MarkdownLike | undefined> }).libraryOverrides.md;
  if (!md) throw new Error("fast-render.ts: add it after markdown.ts, which sets the Markdown library");

  // Each page's last rendering, by input path, as Eleventy asked for it.
  const rendered = new Map<string, Rendered>();
  const render = md.render.bind(md);
  md.render = (source: string, env?: object) => {
    const html = render(source, env);
    const inputPath = (env as { page?: { inputPath?: string } } | undefined)?.page?.inputPath;
    if (inputPath && env) rendered.set(path.resolve(inputPath), { source, env, html });
    return html;
  };
  // Where each page was written, and its URL, from the last build.
  interface Output {
    inputPath: string;
    outputPath: string;
    url: string;
  }
  const outputs = new Map<string, Output>();
  eleventyConfig.on("eleventy.after", ({ results }: { results: Array<{ inputPath: string; outputPath: string | false; url: string }> }) => {
    for (const { inputPath, outputPath, url } of results) if (outputPath) outputs.set(path.resolve(inputPath), { inputPath, outputPath, url });
  });
  const server = await devServer();

  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    if (changed.length !== 1 || !changed[0]!.endsWith(".md")) return;
    const file = path.resolve(changed[0]!);
    const why = fastPath(file);
    console.log(`[fast-render] ${path.relative(process.cwd(), file)}: ${why ?? "written first"}`);
  });

  /** Writes the page of a body-only save; returns why not, or undefined if it did. */
  function fastPath(file: string): string | undefined {
    if (!bodyOnlySave(file)) return "not a body-only save";
    const last = rendered.get(file);
    const output = outputs.get(file);
    if (!last || !output) return "not rendered at the last build";
    const body = readFileSync(file, "utf8").replace(FRONT_MATTER, "");
    if (body.trim() === "") return "an empty file (a save half-way)";
    let page: string;
    try {
      page = readFileSync(output.outputPath, "utf8");
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
    const content = page.slice(0, at) + render(body, env()) + page.slice(at + last.html.length);
    const temporary = `${output.outputPath}.fast-render`;
    writeFileSync(temporary, content);
    renameSync(temporary, output.outputPath);
    // As Eleventy reloads after a build: the browser showing the page swaps in
    // its new content (the dev server's DOM diffing), any other reloads.
    server()?.reload({ files: [output.inputPath], build: { templates: [{ url: output.url, inputPath: output.inputPath, content }] } });
    return undefined;
  }
}
