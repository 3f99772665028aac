// A fast, ASCII-folding slug for heading ids and URLs: "Clémentine's Q&A!" →
// "clementines-q-a". Unicode slug libraries cost eleventy-base-blog most of its
// build time; this one folds accents with NFD and memoizes, since the same
// headings and titles come back on every page that lists them.
const memo = new Map<string, string>();

export function slugify(text: string): string {
  let slug = memo.get(text);
  if (slug === undefined) {
    slug = text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/['’]/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    memo.set(text, slug);
  }
  return slug;
}

/** Cleared after each build, so a long `npm start` session does not grow. */
export function clearSlugMemo(): void {
  memo.clear();
}
