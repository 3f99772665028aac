// What role pages and blog posts get from directory data rather than their
// front matter, which editors write and the seeds fix byte for byte.
import { ContentError } from "./content-error.ts";
import { didYouMean } from "./suggest.ts";
import { slugify } from "./slugify.ts";
import { sectionUrl } from "./urls.ts";
import type { Author, Lang, Role } from "./types.ts";
// Imported, not read from `data`: Eleventy first calls computed data with a
// proxy to learn what it depends on, and the proxy has no real roles or authors.
import roles from "../_data/roles.ts";
import authors from "../_data/authors.ts";

interface PageData {
  page: { inputPath: string; fileSlug: string };
  lang: Lang;
}

/** The entry of src/_data/roles.ts that a role's Markdown file describes. */
export function roleOf(data: PageData): Role {
  const { fileSlug, inputPath } = data.page;
  const role = roles.find((r) => r.slug[data.lang] === fileSlug);
  if (!role) {
    const slugs = roles.map((r) => r.slug[data.lang]);
    throw new ContentError(
      inputPath,
      `no role in src/_data/roles.ts has the ${data.lang === "en" ? "English" : "French"} slug '${fileSlug}'${didYouMean(fileSlug, slugs)}. ` +
        `Add the role to roles.ts (slug.${data.lang}: '${fileSlug}'), or rename the file to match its slug.`,
    );
  }
  return role;
}

/** The authors a post names in `author`: a comma-separated string (as the seed writes it) or a YAML list (as the CMS writes it). */
export function authorsOf(author: unknown, inputPath: string): Author[] {
  // Not String(author): Eleventy first calls this with a stand-in array whose items are holes.
  const listed = Array.isArray(author) ? (author as unknown[]) : typeof author === "string" ? author.split(",") : [];
  if (listed.length === 0 || (typeof author === "string" && author.trim() === "")) {
    throw new ContentError(
      inputPath,
      "the post has no `author`. Write the authors' names, separated by commas, e.g. author: 'Bryan Willey, Dan Tse', or as a list, one `- name` a line.",
    );
  }
  const names = authors.map((a) => a.name);
  return listed
    .map((name) => String(name).trim())
    .filter(Boolean)
    .map((name) => {
      const found = authors.find((a) => a.name === name);
      if (!found) {
        throw new ContentError(
          inputPath,
          `unknown author '${name}' in \`author\`${didYouMean(name, names)}. Authors are listed in src/_data/authors.ts: fix the name, or add the author there.`,
        );
      }
      return found;
    });
}

/** A post's URL: /en/blog/<slug of its title>/ (/fr/blogue/… in French), or the `slug` its front matter sets. */
export function postPermalink(data: PageData & { title?: unknown; slug?: unknown }): string {
  const slug = typeof data.slug === "string" ? data.slug : slugify(String(data.title ?? data.page.fileSlug));
  return `${sectionUrl("blog", data.lang)}${slug}/`;
}
