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

/** The longest address segment made from a title: a path stays far below file systems' 255-byte names. */
export const MAX_SLUG = 80;

/** A post's address segment from its title: its slug, cut at the last whole word within MAX_SLUG characters. */
export function titleSlug(title: string): string {
  const slug = slugify(title);
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const word = cut.lastIndexOf("-");
  return (word > 0 ? cut.slice(0, word) : cut.slice(0, MAX_SLUG)).replace(/-+$/, "");
}

/**
 * A heading's id: its slug, or for a heading with no a–z letter or digit
 * (syllabics, Cyrillic, Chinese) its own letters joined by hyphens, so the id
 * is never empty (invalid HTML) and a link to it reads as the heading does.
 */
export function headingId(text: string): string {
  const slug = slugify(text);
  if (slug) return slug;
  return (
    text
      .normalize("NFC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "section"
  );
}
