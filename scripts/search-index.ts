// The search index: one Pagefind bundle per language, at /en/pagefind/ and
// /fr/pagefind/. A reader searches in their page's language only. Each
// language gets a Pagefind process of its own: one for both languages needed
// more than 800 MiB at 4,000 posts (issue 17: no process of the build above
// 768 MiB). A large site indexes its languages side by side, each in a child
// process (Pagefind's Node API runs one Pagefind process at a time).
import { fork } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { createIndex, close } from "pagefind";
import { languages, type Lang } from "../src/_config/types.ts";

export interface Indexed {
  pages: number;
  errors: string[];
}

/** Indexes one language of the built site in `dir` into `dir/<lang>/pagefind/`. */
export async function indexLanguage(dir: string, lang: Lang): Promise<Indexed> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: lang });
    if (!index) return { pages: 0, errors: [`Pagefind could not start: ${errors.join("; ")}`] };
    // The language's own folder, with URLs from the site's root.
    const added = await index.addDirectory({ path: dir, glob: `${lang}/**/*.html` });
    if (added.errors.length) return { pages: 0, errors: [`Pagefind could not index ${dir}/${lang}/: ${added.errors.join("; ")}`] };
    const written = await index.writeFiles({ outputPath: path.join(dir, lang, "pagefind") });
    if (written.errors.length) return { pages: 0, errors: [`Pagefind could not write the ${lang} index: ${written.errors.join("; ")}`] };
    // Pagefind reads every page of the language; the entry counts those it indexed (with data-pagefind-body).
    const entry = JSON.parse(await readFile(path.join(dir, lang, "pagefind", "pagefind-entry.json"), "utf8")) as { languages: Record<string, { page_count: number }> };
    return { pages: entry.languages[lang]?.page_count ?? 0, errors: [] };
  } finally {
    await close(); // stops the Pagefind process
  }
}

// Below this many pages, starting two child processes (about a second) costs
// more than indexing the languages one after the other in this one.
const SIDE_BY_SIDE_FROM = 1000;

/** Indexes every language of the built site in `dir`; at a thousand pages and more, each in a child process, side by side. */
export async function indexSite(dir: string): Promise<Indexed> {
  const htmlIn = (folder: string) => (existsSync(folder) ? readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith(".html")).length : 0);
  const pages = languages.reduce((sum, lang) => sum + htmlIn(path.join(dir, lang)), 0);
  if (pages < SIDE_BY_SIDE_FROM) {
    const results: Indexed[] = [];
    for (const lang of languages) results.push(await indexLanguage(dir, lang));
    return { pages: results.reduce((sum, r) => sum + r.pages, 0), errors: results.flatMap((r) => r.errors) };
  }
  const results = await Promise.all(
    languages.map(
      (lang) =>
        new Promise<Indexed>((resolve) => {
          // The same Node and loader (tsx) as this process.
          const child = fork(import.meta.filename, [dir, lang], { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });
          let answer: Indexed | undefined;
          child.on("message", (message: Indexed) => (answer = message));
          child.on("error", (error) => resolve({ pages: 0, errors: [`the ${lang} search index could not start: ${error.message}`] }));
          child.on("exit", (code) => resolve(answer ?? { pages: 0, errors: [`the ${lang} search index stopped (exit code ${code})`] }));
        }),
    ),
  );
  return { pages: results.reduce((sum, r) => sum + r.pages, 0), errors: results.flatMap((r) => r.errors) };
}

// A child started by indexSite(): `search-index.ts <dir> <lang>`.
if (process.send && process.argv[1] === import.meta.filename) {
  const [dir, lang] = process.argv.slice(2) as [string, Lang];
  const result = await indexLanguage(dir, lang).catch((error: unknown) => ({ pages: 0, errors: [String(error)] }));
  process.send(result, () => process.exit(0));
}
