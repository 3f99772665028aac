import type { UserConfig } from "@11ty/eleventy";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { ContentError } from "./content-error.ts";
import { LAYOUTS } from "./schemas.ts";
import { didYouMean } from "./suggest.ts";

// Eleventy reports a YAML syntax error, an unknown layout or a bad date with
// messages of its own, before any schema runs. This check reads every
// Markdown file's front matter first, so an editor gets the file, the line or
// field, what was expected and the nearest valid value instead.
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;

export function checkFrontMatter(file: string, source: string): void {
  const match = FRONT_MATTER.exec(source);
  if (!match) return;
  let data: unknown;
  try {
    data = yaml.load(match[1]!);
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    // The YAML starts on the file's second line. An unclosed quote is only
    // noticed at the end of the front matter: point at the line that opened it.
    const lines = match[1]!.split("\n");
    const unclosed = /quoted scalar/.test(error.reason) ? lines.findIndex((l) => /:\s*(['"])(?!.*\1\s*$)/.test(l)) : -1;
    const line = (unclosed >= 0 ? unclosed : error.mark.line) + 2;
    const reason = unclosed >= 0 ? "a quote opened on this line is never closed" : error.reason;
    throw new ContentError(file, `the front matter is not valid YAML at line ${line}: ${reason}. Check the quotes, colons and indentation on that line.`);
  }
  if (!data || typeof data !== "object") return;
  const { layout, date } = data as { layout?: unknown; date?: unknown };
  if (layout !== undefined && !LAYOUTS.includes(layout as (typeof LAYOUTS)[number])) {
    throw new ContentError(file, `\`layout\`: unknown layout '${String(layout)}'${didYouMean(String(layout), LAYOUTS)}. Layouts: ${LAYOUTS.join(", ")}.`);
  }
  if (date !== undefined && !(date instanceof Date) && Number.isNaN(new Date(String(date)).getTime())) {
    throw new ContentError(file, `\`date\`: expected a date such as 2019-07-23, found '${String(date)}'.`);
  }
}

export function checkAllFrontMatter(inputDir: string): void {
  for (const entry of readdirSync(inputDir, { recursive: true, encoding: "utf8" })) {
    if (!entry.endsWith(".md")) continue;
    const file = path.join(inputDir, entry);
    checkFrontMatter(file, readFileSync(file, "utf8"));
  }
}

export default function frontMatter(eleventyConfig: UserConfig): void {
  // During `npm start`, a save of Markdown files checks those files: the
  // others were checked by the build before (4,000 files read on every save).
  let saved: string[] | undefined;
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    saved = changed.every((file) => file.endsWith(".md")) ? changed : undefined;
  });
  eleventyConfig.on("eleventy.before", ({ directories }: { directories: { input: string } }) => {
    const files = saved;
    saved = undefined;
    if (!files) return checkAllFrontMatter(directories.input);
    for (const file of files) if (existsSync(file)) checkFrontMatter(file, readFileSync(file, "utf8"));
  });
}
