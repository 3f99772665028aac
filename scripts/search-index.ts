// The search index: one Pagefind bundle per language, at /en/pagefind/ and
// /fr/pagefind/, each made by a Pagefind process of its own, one after the
// other. A reader searches in their page's language only, and one process for
// both languages needed more than 800 MiB at 4,000 posts (issue 17: no process
// of the build above 768 MiB); each language alone needs about half.
import path from "node:path";
import { createIndex, close } from "pagefind";
import { languages } from "../src/_config/types.ts";

export interface Indexed {
  pages: number;
  errors: string[];
}

/** Indexes the built site in `dir`, writing `dir/<lang>/pagefind/` for each language. */
export async function indexSite(dir: string): Promise<Indexed> {
  let pages = 0;
  for (const lang of languages) {
    try {
      const { index, errors } = await createIndex({ forceLanguage: lang });
      if (!index) return { pages, errors: [`Pagefind could not start: ${errors.join("; ")}`] };
      // The language's own folder, with URLs from the site's root.
      const added = await index.addDirectory({ path: dir, glob: `${lang}/**/*.html` });
      if (added.errors.length) return { pages, errors: [`Pagefind could not index ${dir}/${lang}/: ${added.errors.join("; ")}`] };
      const written = await index.writeFiles({ outputPath: path.join(dir, lang, "pagefind") });
      if (written.errors.length) return { pages, errors: [`Pagefind could not write the ${lang} index: ${written.errors.join("; ")}`] };
      pages += added.page_count;
    } finally {
      await close(); // stops this language's Pagefind process, and its memory with it
    }
  }
  return { pages, errors: [] };
}
