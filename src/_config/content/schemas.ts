// What front matter may say, per content type: the single source of truth for
// editors' errors. Applied through Eleventy's `eleventyDataSchema` (see the
// directory data files) and, first, by the check of every content file before
// the build (src/_config/content/front-matter.ts), which reports every file's problems at once.
import { z } from "zod";
import { ContentError, relative, type Problem } from "../problems/content-error.ts";
import { fieldLine, readSource } from "../problems/source-lines.ts";
import { didYouMean, nearest } from "../problems/suggest.ts";
import { MAX_SLUG } from "../urls/slugify.ts";

export const LAYOUTS = ["blog", "page.njk", "base.njk"] as const;

// A translator's "checked, nothing to change" mark: the translation is current
// as of that day (see "Translation status" in CONTRIBUTING.md). A day still
// to come would silence changes not made yet.
// The content editor (Decap CMS) writes `translationChecked: ""` when the
// field is left empty: that means "not checked", like no field at all.
const translationChecked = z
  .union([
    z.literal(""),
    z
      .date({ error: "expected the day you checked the translation, such as 2026-12-03" })
      .refine((day) => day.getTime() <= Date.now(), "expected the day you checked the translation, not a day still to come"),
  ], { error: "expected the day you checked the translation, such as 2026-12-03" })
  .optional();

const text = (what: string) => z.string({ error: `expected ${what} (text)` }).trim().min(1, `expected ${what}, found nothing`);

/** A blog post: src/blog/*.md (English) and src/blog/fr/*.md (French). */
export const postSchema = z
  .object({
    layout: z.literal("blog", { error: "expected 'blog'" }),
    title: text("the post's title"),
    description: text("a one-sentence description"),
    // The seed's comma-separated string, or the YAML list the CMS writes.
    author: z.union([text("the authors' names, separated by commas"), z.array(text("an author's name")).min(1, "expected at least one author")], {
      error: "expected the authors' names, separated by commas, or a list of names",
    }),
    date: z.date({ error: "expected a date such as 2019-07-23" }),
    image: z.string({ error: "expected the path of an image file, e.g. /img/cds/our-photo.jpg" }).min(1).optional(),
    "image-alt": z.string({ error: "expected a description of the image (text)" }).trim().min(1, "expected a description of the image").optional(),
    translationKey: z.string({ error: "expected a key (text) shared with the translation" }).min(1).optional(),
    thumb: z.string({ error: "expected the path of an image file" }).min(1).optional(),
    processed: z.number().optional(),
    draft: z.boolean({ error: "expected true or false" }).optional(),
    slug: z
      .string({ error: "expected lowercase letters, digits and hyphens, e.g. our-first-year" })
      .regex(/^[a-z0-9-]+$/, "expected lowercase letters, digits and hyphens, e.g. our-first-year")
      .max(MAX_SLUG, `expected at most ${MAX_SLUG} characters (the end of the post's web address)`)
      .optional(),
    tags: z.array(z.string(), { error: "expected a list, e.g. tags: [design, research]" }).optional(),
    translationChecked,
  })
  .refine((post) => !post.image || post["image-alt"], {
    path: ["image-alt"],
    message: "expected a description of the image for readers who cannot see it (every `image` needs an `image-alt`)",
  });

/** A role page: src/roles/*.md (English) and src/roles/fr/*.md (French). */
export const roleSchema = z.object({
  layout: z.literal("page.njk", { error: "expected 'page.njk'" }),
  title: text("the role's title"),
  class: z.string({ error: "expected text" }).optional(),
  translationChecked,
});

/**
 * What an editor's Markdown is, by its folder under src/: its schema, and
 * what to call it in a message. Their front matter may hold only the schema's
 * fields: zod would drop any other (`autor:`) without a word.
 */
export const CONTENT_FOLDERS = {
  blog: { schema: postSchema, what: "blog posts" },
  roles: { schema: roleSchema, what: "role pages" },
} as const;

/** Any other page. */
export const pageSchema = z.object({
  title: z.string().trim().min(1, "expected a title, found nothing").optional(),
  layout: z.enum(LAYOUTS).optional(),
});

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "an invalid date" : value.toISOString().slice(0, 10);
  return JSON.stringify(value);
}

/**
 * One problem per field that breaks the schema, on the field's line, naming
 * what was expected and what was found. With `strict`, fields the schema does
 * not know are problems too (with the nearest known field).
 */
export function frontMatterProblems(
  schema: z.ZodObject,
  data: Record<string, unknown>,
  inputPath: string,
  options: { source?: string; strict?: { what: string }; skip?: ReadonlySet<string> } = {},
): Problem[] {
  const problems: Problem[] = [];
  const result = schema.safeParse(data);
  const known = Object.keys(schema.shape);
  const unknown = options.strict ? Object.keys(data).filter((key) => !known.includes(key)) : [];
  if (result.success && unknown.length === 0) return problems;
  const source = options.source ?? readSource(inputPath);
  const file = relative(inputPath);
  for (const issue of result.success ? [] : result.error.issues) {
    const field = String(issue.path[0] ?? "");
    if (options.skip?.has(field)) continue;
    let message = issue.message;
    if (field === "layout") message += didYouMean(String(data.layout), [...LAYOUTS]);
    const missing = data[field] === undefined;
    problems.push({
      file,
      // A missing `image-alt` belongs with its `image`.
      line: fieldLine(source, field) ?? (field === "image-alt" ? fieldLine(source, "image") : undefined) ?? 1,
      title: missing ? `Missing ${field}` : `Wrong ${field}`,
      message: `\`${issue.path.join(".")}\`: ${message}, found ${show(data[field])}.`,
      severity: "error",
    });
  }
  if (options.strict) {
    for (const field of unknown) {
      const near = nearest(field, known);
      problems.push({
        file,
        line: fieldLine(source, field) ?? 1,
        title: "Unknown field",
        message:
          `\`${field}\` is not a field of ${options.strict.what}${near ? `: did you mean \`${near}\`?` : ", so the site would ignore it."} ` +
          `Their fields are ${known.join(", ")}.`,
        severity: "error",
      });
    }
  }
  return problems;
}

/** Validates one page's data, throwing an error that names the file, each wrong field's line, what was expected and what was found. */
export function validate(schema: z.ZodObject, data: Record<string, unknown>, inputPath: string): void {
  const problems = frontMatterProblems(schema, data, inputPath);
  if (problems.length) throw ContentError.of(problems);
}

/** `eleventyDataSchema` for each content type. */
export const validatePost = (data: Record<string, unknown> & { page: { inputPath: string } }) =>
  validate(postSchema, data, data.page.inputPath);
export const validatePage = (data: Record<string, unknown> & { page: { inputPath: string } }) =>
  validate(pageSchema, data, data.page.inputPath);
export const validateRole = (data: Record<string, unknown> & { page: { inputPath: string } }) =>
  validate(roleSchema, data, data.page.inputPath);

