// The search index: one Pagefind bundle per language, at /en/pagefind/ and
// /fr/pagefind/. A reader searches in their page's language only. Each
// language gets a Pagefind process of its own, one after the other: one for
// both languages needed more than 800 MiB at 4,000 posts (issue 17: no
// process of the build above 768 MiB). Side by side, in a child process each,
// was no faster (Pagefind already keeps both cores busy) and held twice the
// memory at once.
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

/** Indexes every language of the built site in `dir`, one after the other. */
export async function indexSite(dir: string): Promise<Indexed> {
  const results: Indexed[] = [];
  for (const lang of languages) results.push(await indexLanguage(dir, lang));
  return { pages: results.reduce((sum, r) => sum + r.pages, 0), errors: results.flatMap((r) => r.errors) };
}
