import type { UserConfig } from "@11ty/eleventy";
import path from "node:path";
import { languages, type Lang } from "../types.ts";
import authors from "../../_data/authors.ts";
import { authorsOf } from "./content-data.ts";
import { sectionUrl } from "../urls/urls.ts";

export const POSTS_PER_PAGE = 10;

/** One page of a language's blog listing. */
export interface ListingPage<T> {
  lang: Lang;
  number: number;
  total: number;
  url: string;
  posts: T[];
  previousUrl?: string;
  nextUrl?: string;
}

/** Splits a language's posts (newest first) into listing pages of ten. */
export function listingPages<T>(posts: T[], lang: Lang): ListingPage<T>[] {
  const total = Math.max(1, Math.ceil(posts.length / POSTS_PER_PAGE));
  const urlOf = (n: number) => (n === 1 ? sectionUrl("blog", lang) : `${sectionUrl("blog", lang)}page/${n}/`);
  return Array.from({ length: total }, (_, i) => ({
    lang,
    number: i + 1,
    total,
    url: urlOf(i + 1),
    posts: posts.slice(i * POSTS_PER_PAGE, (i + 1) * POSTS_PER_PAGE),
    previousUrl: i > 0 ? urlOf(i) : undefined,
    nextUrl: i + 1 < total ? urlOf(i + 2) : undefined,
  }));
}

const positions = new WeakMap<readonly { url: string | false }[], Map<string, number>>();
export function neighbours<T extends { url: string | false }>(posts: readonly T[], url: string): { newer?: T; older?: T } {
  let index = positions.get(posts);
  if (!index) {
    index = new Map(posts.map((post, i) => [String(post.url), i]));
    positions.set(posts, index);
  }
  const i = index.get(url);
  return i === undefined ? {} : { newer: posts[i - 1], older: posts[i + 1] };
}

// Each language's posts, newest first, as the last build listed them: which
// posts a save moves between (src/_config/dev-server/incremental.ts).
const lastOrder = new Map<Lang, { inputPath: string; date: number }[]>();
export function postOrder(lang: Lang): readonly { inputPath: string; date: number }[] {
  return lastOrder.get(lang) ?? [];
}

interface CollectionItem {
  inputPath: string;
  fileSlug: string;
  date: Date;
  data: { lang: Lang; author?: unknown };
}
interface CollectionApi {
  getFilteredByGlob(glob: string): CollectionItem[];
}

/** Posts, newest first, one collection per language: `posts_en`, `posts_fr`. */
export default function blog(eleventyConfig: UserConfig, options: { production: boolean }): void {
  // Drafts are previewed but never published: in production a draft is not
  // built at all, so it cannot leak into a listing, a feed, a tag or search.
  eleventyConfig.addPreprocessor("drafts", "md", (data: { draft?: unknown }) => {
    if (data.draft === true && options.production) return false;
  });

  // Sorted once per build and language: three collections read the same list.
  const sorted = new WeakMap<CollectionApi, Map<Lang, CollectionItem[]>>();
  const postsIn = (api: CollectionApi, lang: Lang) => {
    const byLang = sorted.get(api) ?? new Map<Lang, CollectionItem[]>();
    sorted.set(api, byLang);
    let posts = byLang.get(lang);
    if (!posts) {
      posts = api
        .getFilteredByGlob("src/blog/**/*.md")
        .filter((post) => post.data.lang === lang)
        .sort((a, b) => b.date.getTime() - a.date.getTime());
      byLang.set(lang, posts);
      lastOrder.set(lang, posts.map((post) => ({ inputPath: path.relative(process.cwd(), path.resolve(post.inputPath)), date: post.date.getTime() })));
    }
    return posts;
  };

  for (const lang of languages) {
    eleventyConfig.addCollection(`posts_${lang}`, (api: CollectionApi) => postsIn(api, lang));
  }
  // One page per author and language, listing that author's posts in it.
  eleventyConfig.addCollection("authorPages", (api: CollectionApi) =>
    languages.flatMap((lang) => {
      const posts = postsIn(api, lang);
      return authors.map((author) => ({
        lang,
        author,
        url: `${sectionUrl("authors", lang)}${author.slug}/`,
        posts: posts.filter((post) => authorsOf(post.data.author).some((a) => a.slug === author.slug)),
      }));
    }),
  );
  eleventyConfig.addFilter("head", <T>(items: T[], n: number) => items.slice(0, n));
  // A post's older and newer neighbours in its language's list, from an index
  // built once per list: Eleventy's getPreviousCollectionItem searches the
  // whole list from every post.
  eleventyConfig.addFilter("neighbours", neighbours);
  // Every listing page of both languages, for src/pages/blog.njk to paginate over.
  eleventyConfig.addCollection("blogListing", (api: CollectionApi) =>
    languages.flatMap((lang) => listingPages(postsIn(api, lang), lang)),
  );
}
