// The site's shapes, declared once and used by the data files, the build's
// checks, the templates' helpers and the tests.

/** The two official languages. English is the default. */
export const languages = ["en", "fr"] as const;
export type Lang = (typeof languages)[number];

/**
 * Every string a reader meets outside the content, in one language: the
 * dictionaries src/_data/i18n/en.ts and fr.ts each have all of these keys.
 */
export type Strings = {
  langName: string;
  toggleLabel: string;
  noTranslation: string;
  skipLinks: string;
  languageSelection: string;
  searchSlug: string;
  skipToContent: string;
  skipToAbout: string;
  siteName: string;
  signatureLabel: string;
  mainNav: string;
  home: string;
  careers: string;
  roles: string;
  blog: string;
  search: string;
  searchIntro: string;
  searchHint: string;
  searchNone: string;
  searchOne: string;
  searchMany: string;
  searchLabel: string;
  breadcrumbs: string;
  levels: string;
  copyLink: string;
  linkCopied: string;
  rolesSlug: string;
  blogSlug: string;
  authorsSlug: string;
  morePosts: string;
  noPostsYet: string;
  by: string;
  and: string;
  published: string;
  authors: string;
  postsBy: string;
  noteLabel: string;
  dateModified: string;
  editPage: string;
  previousPost: string;
  nextPost: string;
  pagination: string;
  previousPage: string;
  nextPage: string;
  pageNumber: string;
  pageOfTotal: string;
  feed: string;
  homeIntro: string;
  rolesIntro: string;
  blogIntro: string;
  readRoles: string;
  readBlog: string;
  notFoundTitle: string;
  notFoundBody: string;
  aboutSite: string;
  footerGov: string;
  footerAllContacts: string;
  footerDepartments: string;
  footerAboutGov: string;
  footerTerms: string;
  footerPrivacy: string;
  footerSubNav: string;
  canadaWordmark: string;
  table: string;
  draft: string;
  // Issue 14: previews (banner on every preview page; the build-error overlay of `npm start`)
  previewBanner: string;
  previewBannerPullRequest: string;
  previewLabel: string;
  previewPullRequestLink: string;
  buildErrorTitle: string;
  buildErrorHelp: string;
  buildErrorClose: string;
  buildErrorContext: string;
  // Issue 15: translation status, in previews only
  translationStatus: string;
  translationStatusSlug: string;
  translationStatusIntro: string;
  translationCheckedHint: string;
  translationStatusCaption: string;
  translationStatusSummary: string;
  translationPage: string;
  translationColumnEn: string;
  translationColumnFr: string;
  translationStatusColumn: string;
  translationSince: string;
  translationVersionEn: string;
  translationVersionFr: string;
  translationCurrent: string;
  translationOutdated: string;
  translationMissing: string;
  translationUnknown: string;
  translationUnknownNotCommitted: string;
  translationUnknownUnreadable: string;
  translationEdit: string;
  translationSeeChanges: string;
  translationChangedPage: string;
  translationChangedLevel: string;
};
export type StringKey = keyof Strings;

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

/** What a blog post's front matter may say (see src/_config/content/schemas.ts). */
export interface PostFrontMatter {
  layout: "blog";
  title: string;
  description: string;
  /** Author names, each one listed in src/_data/authors.ts: comma-separated, or a list (as the CMS writes it). */
  author: string | string[];
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
  /** The day a translator checked this version against its twin: current as of that day. */
  translationChecked?: Date | "";
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

/** What a preview build knows about itself (src/_config/editors/preview.ts); `false` in production. */
export interface Preview {
  /** The pull request previewed (PREVIEW_PR), or null for a local preview. */
  pullRequest: { number: number; url: string } | null;
  /** True in `npm start` only: pages then show a failed rebuild's error. */
  buildErrors: boolean;
}

/** What Eleventy passes to markdown-it as `env`: the page's data. */
export interface MarkdownEnv {
  page?: { inputPath: string; url: string | false };
  title?: unknown;
  lang?: Lang;
  role?: Role;
  site?: Site;
  i18n?: Record<Lang, Strings>;
}
