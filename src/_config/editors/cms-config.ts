// The content editor's configuration (Decap CMS at /admin/), derived at build
// from the zod schemas the build validates with and from the site's data, so
// that the editor can never offer what the build would refuse: required
// fields, patterns and the author list all come from there.
import type { z } from "zod";
import { postSchema, roleSchema } from "../content/schemas.ts";
import { collectionLang, collectionText, fieldText, isRoleCollection } from "./cms-labels.ts";
import { ContentError } from "../problems/content-error.ts";
import { sectionUrl } from "../urls/urls.ts";
import type { Author, Lang } from "../types.ts";

/** Where the editor saves: read from the environment at build (see docs/cms.md). */
export interface CmsEnvironment {
  /** GitHub repository, `owner/name` (CMS_GITHUB_REPO). */
  repo?: string;
  /** The branch entries are published to (CMS_GITHUB_BRANCH, default main). */
  branch: string;
  /** The OAuth endpoint's origin (CMS_OAUTH_URL), e.g. https://oauth.example.ca. */
  baseUrl?: string;
  /** Its path (CMS_OAUTH_PATH, default `auth`). */
  authEndpoint: string;
  /** decap-server's API for local editing (CMS_LOCAL_BACKEND, set by `npm run cms`). */
  localBackend?: string;
  /** The branch decap-server works on locally (CMS_LOCAL_BRANCH). */
  localBranch?: string;
}

export function cmsEnvironment(env: NodeJS.ProcessEnv = process.env): CmsEnvironment {
  return {
    repo: env.CMS_GITHUB_REPO || undefined,
    branch: env.CMS_GITHUB_BRANCH || "main",
    baseUrl: env.CMS_OAUTH_URL?.replace(/\/+$/, "") || undefined,
    authEndpoint: env.CMS_OAUTH_PATH || "auth",
    localBackend: env.CMS_LOCAL_BACKEND || undefined,
    localBranch: env.CMS_LOCAL_BRANCH || undefined,
  };
}

/** GitHub needs both a repository and an OAuth endpoint of our own (Netlify's default is not ours to use). */
export const githubConfigured = (env: CmsEnvironment) => Boolean(env.repo && env.baseUrl);
export const cmsConfigured = (env: CmsEnvironment) => githubConfigured(env) || Boolean(env.localBackend);

type Field = Record<string, unknown>;
type CollectionName = keyof typeof collectionText;

interface Described {
  kind: string;
  required: boolean;
  literal?: unknown;
  pattern?: RegExp;
}

/** What a zod field says, in the terms Decap needs: its kind, whether it is required, its pattern. */
export function describe(schema: z.ZodType): Described {
  // zod 4 keeps each schema's definition in `_zod.def`.
  let def = (schema as unknown as { _zod: { def: ZodDef } })._zod.def;
  let required = true;
  while (def.type === "optional" || def.type === "default") {
    required = false;
    def = def.innerType!._zod.def;
  }
  const pattern = def.checks
    ?.map((c) => c._zod.def)
    .find((c) => c.check === "string_format" && c.format === "regex")?.pattern;
  return { kind: def.type, required, literal: def.values?.[0], pattern };
}
interface ZodDef {
  type: string;
  innerType?: { _zod: { def: ZodDef } };
  values?: unknown[];
  checks?: { _zod: { def: { check: string; format?: string; pattern?: RegExp } } }[];
}

const DATE_FORMAT = "YYYY-MM-DDTHH:mm:ss.SSS[Z]"; // the seeds' form: 2019-07-23T13:00:00.000Z

function fieldFor(name: string, schema: z.ZodType, lang: Lang, collection: CollectionName, authors: Author[]): Field {
  const key = name === "translationKey" && collection === "posts-fr" ? "translationOf" : name === "title" && isRoleCollection(collection) ? "roleTitle" : name;
  const text = fieldText[key];
  if (!text) {
    throw new ContentError(
      "src/_config/editors/cms-labels.ts",
      `the schema has a field \`${name}\` with no label for the content editor. Add it to fieldText, in English and French.`,
    );
  }
  const { kind, required, literal, pattern } = describe(schema);
  const field: Field = { name, label: text.label[lang], required };
  if (text.hint) field.hint = text.hint[lang];
  if (pattern) field.pattern = [pattern.source, text.pattern?.[lang] ?? pattern.source];

  // Keys the site reads but editors do not set: kept with their values.
  if (kind === "literal") return { ...field, widget: "hidden", default: literal };
  if (["thumb", "processed", "class"].includes(name)) return { ...field, widget: "hidden" };

  if (name === "author") {
    // Decap's select, wrapped (src/assets/admin.js) to read the seed's comma-separated string; it writes a list.
    return { ...field, widget: "authors", multiple: true, options: authors.map((a) => a.name) };
  }
  if (name === "translationKey" && collection === "posts-fr") {
    // Picked from the English posts by their title, never typed: a typo would silently unpair the twins.
    return {
      ...field,
      widget: "relation",
      collection: "posts-en",
      value_field: "translationKey",
      search_fields: ["title"],
      display_fields: ["title"],
    };
  }
  if (name === "description" || name === "image-alt") return { ...field, widget: "text" };
  if (name === "image") return { ...field, widget: "image", choose_url: false };
  // A day, as translators write it by hand (translationChecked: 2026-12-03).
  // `default: ""` keeps it empty: Decap's datetime widget otherwise fills in today, which would mark every saved translation as checked.
  if (name === "translationChecked") {
    return { ...field, widget: "datetime", format: "YYYY-MM-DD", date_format: "YYYY-MM-DD", time_format: false, picker_utc: true, default: "" };
  }
  switch (kind) {
    case "date":
      return { ...field, widget: "datetime", format: DATE_FORMAT, picker_utc: true };
    case "boolean":
      return { ...field, widget: "boolean" };
    case "number":
      return { ...field, widget: "number" };
    case "array":
      return { ...field, widget: "list" };
    default:
      return { ...field, widget: "string" };
  }
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
}

function body(lang: Lang, role: boolean): Field {
  const text = fieldText[role ? "roleBody" : "body"]!;
  // Raw Markdown only: the rich-text editor rewrites Markdown (it tightens
  // loose lists, drops raw HTML such as role levels' <h3 id>), which would
  // change pages the editor did not mean to change.
  return { name: "body", label: text.label[lang], hint: text.hint?.[lang], widget: "markdown", modes: ["raw"], sanitize_preview: true };
}

function collection(name: CollectionName, folder: string, lang: Lang, authors: Author[]): Field {
  const isRole = isRoleCollection(name);
  const schema = isRole ? roleSchema : postSchema;
  const fields = Object.entries(shapeOf(schema)).map(([field, s]) => fieldFor(field, s, lang, name, authors));
  return {
    name,
    label: collectionText[name].label[lang],
    label_singular: collectionText[name].singular[lang],
    folder,
    extension: "md",
    format: "frontmatter",
    // A role page needs its entry in src/_data/roles.ts first (CONTRIBUTING, "Add a role").
    create: !isRole,
    delete: !isRole,
    slug: "{{slug}}",
    identifier_field: "title",
    summary: isRole ? "{{title}}" : "{{title}} ({{date | date('YYYY-MM-DD')}})",
    preview_path: previewPath(name, isRole),
    sortable_fields: isRole ? ["title"] : ["date", "title"],
    fields: [...fields, body(lang, isRole)],
  };
}

/**
 * Where an entry's page is, relative to the site (site_url, or a pull
 * request's preview: docs/cms.md), for the editor's "View Live" and "View
 * Preview" links. A role's file name is its slug (roles.11tydata.ts). A post's
 * URL is its title's slug (content-data.ts, postPermalink), which Decap writes
 * as slugify.ts does (`{{title}}` goes through the `slug` settings below),
 * except for a typographic apostrophe (’), which slugify.ts drops and Decap
 * turns into a hyphen, and a post whose front matter sets `slug`.
 */
function previewPath(collection: CollectionName, isRole: boolean): string {
  const lang = collectionLang(collection);
  return isRole ? `${sectionUrl("roles", lang)}{{slug}}/` : `${sectionUrl("blog", lang)}{{title}}/`;
}

/** Decap's configuration for an editor working in `lang`: same collections and fields, labels in that language. */
export function cmsConfig(lang: Lang, env: CmsEnvironment, authors: Author[], siteUrl: string): Record<string, unknown> {
  const local = Boolean(env.localBackend);
  return {
    // Given to CMS.init() by src/assets/admin.js: no config.yml to fetch.
    load_config_file: false,
    locale: lang,
    backend: {
      name: "github",
      repo: env.repo ?? "local/preview",
      // Locally decap-server works on its own branch (see scripts/cms.ts).
      branch: local && env.localBranch ? env.localBranch : env.branch,
      ...(env.baseUrl ? { base_url: env.baseUrl, auth_endpoint: env.authEndpoint } : {}),
    },
    ...(local ? { local_backend: { url: env.localBackend } } : {}),
    // Every save is a branch and a pull request until someone publishes it.
    publish_mode: "editorial_workflow",
    // The header's link and "View Live". Locally, src/assets/admin.js puts the preview's own address instead.
    site_url: siteUrl,
    display_url: siteUrl,
    media_folder: "src/img/uploads",
    public_folder: "/img/uploads",
    // File names and URLs in plain ASCII: decap-server cannot reopen an entry with accents in its path.
    slug: { encoding: "ascii", clean_accents: true, sanitize_replacement: "-" },
    collections: [
      collection("posts-en", "src/blog", lang, authors),
      collection("posts-fr", "src/blog/fr", lang, authors),
      collection("roles-en", "src/roles", lang, authors),
      collection("roles-fr", "src/roles/fr", lang, authors),
    ],
  };
}
