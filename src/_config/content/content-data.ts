// What role pages and blog posts get from directory data rather than their
// front matter, which editors write and the seeds fix byte for byte.
import { ContentError } from "../problems/content-error.ts";
import { didYouMean } from "../problems/suggest.ts";
import { titleSlug } from "../urls/slugify.ts";
import { sectionUrl } from "../urls/urls.ts";
import type { Author, Lang, Role } from "../types.ts";
// Imported, not read from `data`: Eleventy first calls computed data with a
// proxy to learn what it depends on, and the proxy has no real roles or authors.
import roles from "../../_data/roles.ts";
import authors from "../../_data/authors.ts";

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
      `no role in src/_data/roles.ts has the ${data.lang === "en" ? "English" : "French"} slug '${fileSlug}'${didYouMean(fileSlug, slugs) || "."} ` +
        `Add the role to roles.ts (slug.${data.lang}: '${fileSlug}'), or rename the file to match its slug.`,
    );
  }
  return role;
}

const NO_AUTHOR =
  "the post has no `author`. Write the authors' names, separated by commas, e.g. author: 'Bryan Willey, Dan Tse', or as a list, one `- name` a line.";

/** The names a post's `author` lists: a comma-separated string (as the seed writes it) or a YAML list (as the CMS writes it). */
function namesIn(author: unknown): string[] {
  // Not String(author): Eleventy first calls computed data with a stand-in array whose items are holes.
  const listed: unknown[] = Array.isArray(author) ? author : typeof author === "string" ? author.split(",") : [];
  return listed.filter((name): name is string => typeof name === "string").map((name) => name.trim()).filter(Boolean);
}

export interface AuthorProblem {
  kind: "missing" | "unknown" | "twice";
  /** The name it is about (not for `missing`). */
  name?: string;
  message: string;
}

/**
 * What is wrong with a post's `author`: missing, each name that is not in
 * src/_data/authors.ts (with the nearest name that is), each name written twice.
 */
export function authorProblems(author: unknown): AuthorProblem[] {
  const listed = namesIn(author);
  if (listed.length === 0) return [{ kind: "missing", message: NO_AUTHOR }];
  const names = authors.map((a) => a.name);
  const twice = listed
    .filter((name, i) => listed.indexOf(name) !== i)
    .map((name): AuthorProblem => ({ kind: "twice", name, message: `'${name}' is named more than once in \`author\`. Name each author once.` }));
  return listed
    .filter((name, i) => !names.includes(name) && listed.indexOf(name) === i)
    .map(
      (name): AuthorProblem => ({
        kind: "unknown",
        name,
        message: `unknown author '${name}' in \`author\`${didYouMean(name, names) || "."} Authors are listed in src/_data/authors.ts: fix the name, or add the author there.`,
      }),
    )
    .concat(twice);
}

/**
 * The authors a post names in `author`. Names that are not in authors.ts are
 * left out: the check before the build has reported them, and the build still
 * fails at its end, after reporting every other problem (a broken link, say)
 * of the same run.
 */
export function authorsOf(author: unknown): Author[] {
  return namesIn(author)
    .map((name) => authors.find((a) => a.name === name))
    .filter((found): found is Author => found !== undefined);
}

/** A post's URL: /en/blog/<slug of its title, at most 80 characters>/ (/fr/blogue/… in French), or the `slug` its front matter sets. */
export function postPermalink(data: PageData & { title?: unknown; slug?: unknown }): string {
  const slug = typeof data.slug === "string" ? data.slug : titleSlug(String(data.title ?? data.page.fileSlug));
  return `${sectionUrl("blog", data.lang)}${slug}/`;
}
