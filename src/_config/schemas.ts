// What front matter may say, per content type: the single source of truth for
// editors' errors. Applied through Eleventy's `eleventyDataSchema` (see the
// directory data files) and, for what Eleventy would trip on before that
// (YAML syntax, unknown layouts, bad dates), by checkFrontMatter() before the build.
import { z } from "zod";
import { ContentError } from "./content-error.ts";
import { didYouMean } from "./suggest.ts";

export const LAYOUTS = ["blog", "page.njk", "base.njk"] as const;

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
    image: z.string().min(1).optional(),
    "image-alt": z.string().trim().min(1, "expected a description of the image").optional(),
    translationKey: z.string().min(1).optional(),
    thumb: z.string().min(1).optional(),
    processed: z.number().optional(),
    draft: z.boolean({ error: "expected true or false" }).optional(),
    slug: z.string().regex(/^[a-z0-9-]+$/, "expected lowercase letters, digits and hyphens").optional(),
    tags: z.array(z.string()).optional(),
  })
  .refine((post) => !post.image || post["image-alt"], {
    path: ["image-alt"],
    message: "expected a description of the image for readers who cannot see it (every `image` needs an `image-alt`)",
  });

/** A role page: src/roles/*.md (English) and src/roles/fr/*.md (French). */
export const roleSchema = z.object({
  layout: z.literal("page.njk", { error: "expected 'page.njk'" }),
  title: text("the role's title"),
  class: z.string().optional(),
});

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

/** Validates one page's front matter, throwing an error that names the file, the field, what was expected and what was found. */
export function validate(schema: z.ZodType, data: Record<string, unknown>, inputPath: string): void {
  const result = schema.safeParse(data);
  if (result.success) return;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".");
    let message = issue.message;
    if (field === "layout") message += didYouMean(String(data.layout), [...LAYOUTS]);
    return `\`${field}\`: ${message}, found ${show(data[field])}`;
  });
  throw new ContentError(inputPath, problems.join("; "));
}

/** `eleventyDataSchema` for each content type. */
export const validatePost = (data: Record<string, unknown> & { page: { inputPath: string } }) =>
  validate(postSchema, data, data.page.inputPath);
export const validatePage = (data: Record<string, unknown> & { page: { inputPath: string } }) =>
  validate(pageSchema, data, data.page.inputPath);
export const validateRole = (data: Record<string, unknown> & { page: { inputPath: string } }) =>
  validate(roleSchema, data, data.page.inputPath);

