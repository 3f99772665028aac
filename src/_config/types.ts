// The site's shapes, declared once and used by the data files, the build's
// checks, the templates' helpers and the tests.

/** The two official languages. English is the default. */
export const languages = ["en", "fr"] as const;
export type Lang = (typeof languages)[number];

/** Text a reader meets in each language. */
export type Localized<T = string> = Record<Lang, T>;

/** One level of a role, e.g. Senior product manager (CS-04). */
export interface Level {
  /** The anchor on the role page (`#senior`). Published in job postings: never change it. */
  id: string;
  /** Classification, e.g. `CS-04`. The same in both languages. */
  classification: string;
  title: Localized;
  summary: Localized;
  /** Anchors this level was published under before a rename; they keep working. */
  formerIds?: string[];
}

/** A role, e.g. Product manager, with its levels in order of seniority. */
export interface Role {
  /** Language-neutral key, pairs the English and French pages. */
  key: string;
  /** The Markdown file name (without `.md`) and URL slug in each language. */
  slug: Localized;
  title: Localized;
  summary: Localized;
  levels: Level[];
}

/** Someone who writes for the blog. `name` is what posts write in `author`. */
export interface Author {
  slug: string;
  name: string;
  jobTitle: Localized;
}

/** What a blog post's front matter may say (see src/_config/schemas.ts). */
export interface PostFrontMatter {
  layout: "blog";
  title: string;
  description: string;
  /** Comma-separated author names, each one listed in src/_data/authors.ts. */
  author: string;
  date: Date;
  image?: string;
  "image-alt"?: string;
  translationKey?: string;
  /** Hand-made thumbnail, honoured where set; otherwise made from `image`. */
  thumb?: string;
  /** Left by the old image pipeline; accepted and ignored. */
  processed?: number;
  draft?: boolean;
  tags?: string[];
}

/** Site-wide settings, from src/_data/site.ts. */
export interface Site {
  /** Absolute URL of the site's root, without the path prefix. */
  url: string;
  /** Where the source lives, for "Edit this page". */
  repository: string;
  branch: string;
  /** `production` strips editorial notes and drafts; `preview` shows them. */
  env: "production" | "preview";
  name: Localized;
}
