// The content editor's preview pane, as the page (issue 23). Runs in the
// browser, bundled by cms.ts with esbuild (/admin/preview.js), and renders an
// entry with the site's own code: the post and role layouts
// (src/_includes/blog.njk, page.njk) through Nunjucks, the text through
// createMarkdown (markdown.ts: heading ids, notes shown as in a preview, role
// levels and headings), dates, authors and pictures through the functions the
// build uses. Nothing here is a copy of the layout.
//
// Content is data: the entry's fields are only ever data to those templates
// (autoescaped, as Eleventy's Nunjucks does) and its text only ever Markdown;
// nothing of the entry is compiled or run as a template or script.
import nunjucks, { type Template } from "nunjucks";
import { afterTitle, createMarkdown } from "../markdown/markdown.ts";
import { authorsOf, roleOf } from "../content/content-data.ts";
import { formatDate, isoDate, otherLang, fill } from "../languages/i18n.ts";
import { neighbours } from "../content/blog.ts";
import { sectionUrl, strings } from "../urls/urls.ts";
import { pictureHtml } from "../assets/picture.ts";
import { clearReported, formatProblem, problemsOf, reportedProblems, type Problem } from "../problems/content-error.ts";
import { escapeText } from "../markdown/raw-html.ts";
import { collectionLang, isRoleCollection } from "./cms-labels.ts";
import type { Lang } from "../types.ts";

/** The site's layouts, as written in src/_includes/ (front matter included). */
export interface Layouts {
  blog: string;
  page: string;
}

/** What Decap knows of the entry being edited. */
export interface PreviewEntry {
  /** `posts-en`, `roles-fr`, … (cms-config.ts). */
  collection: string;
  /** Where the entry's file is, e.g. src/blog/fr: for messages, as the build names the file. */
  folder: string;
  /** The file's name without `.md`, empty for an entry not saved yet. */
  slug: string;
  /** The front matter and `body`, as the editor's fields hold them. */
  data: Record<string, unknown>;
}

/** The picture's address in the editor (an image the editor just uploaded is a blob:) and its size once loaded. */
export type ImageLookup = (path: string) => { url: string; width?: number; height?: number };

// The filters the two layouts use, the same functions the build registers
// (i18n.ts, blog.ts, markdown.ts). A layout that starts using another one
// fails here, with Nunjucks naming it, and the editor's tests fail with it.
const filters = { afterTitle, fill, formatDate, isoDate, neighbours, otherLang, sectionUrl };

let compiled: { blog: Template; page: Template } | undefined;
function layouts(source: Layouts) {
  if (!compiled) {
    // Eleventy's Nunjucks escapes by default, and so does this one.
    const env = new nunjucks.Environment(null, { autoescape: true });
    for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter as (...args: unknown[]) => unknown);
    const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, "");
    compiled = { blog: new nunjucks.Template(body(source.blog), env), page: new nunjucks.Template(body(source.page), env) };
  }
  return compiled;
}

// Notes are shown, as in every preview of the site.
const markdown = createMarkdown("show");

function errorBox(problems: Problem[], lang: Lang): string {
  const t = strings[lang];
  const items = problems.map((p) => `<li>${escapeText(formatProblem(p, false))}</li>`).join("");
  return `<div class="gc-notice cms-preview-error" role="alert"><h2>${escapeText(t.buildErrorTitle)}</h2><ul>${items}</ul></div>`;
}

/**
 * The entry as its page's main content, in its language: the HTML the build
 * puts in <main>, from the same layout, less what depends on the rest of the
 * site (the neighbouring posts, the date of the last commit). What the build
 * would refuse is shown above it, in the build's words.
 */
export function renderPreview(entry: PreviewEntry, source: Layouts, image: ImageLookup): string {
  const lang = collectionLang(entry.collection);
  const isRole = isRoleCollection(entry.collection);
  const inputPath = `${entry.folder}/${entry.slug || "new"}.md`;
  const data = entry.data;
  const title = String(data.title ?? "");
  const page = { inputPath, url: false as const, date: data.date ? new Date(String(data.date)) : new Date() };
  // No other page in the editor: no older or newer post to link to.
  const common = { lang, i18n: strings, title, page, collections: { [`posts_${lang}`]: [] } };
  clearReported();
  try {
    let html: string;
    if (isRole) {
      const role = roleOf({ page: { inputPath, fileSlug: entry.slug }, lang });
      const content = markdown.render(String(data.body ?? ""), { page, lang, role, i18n: strings, title });
      html = layouts(source).page.render({ ...common, role, content });
    } else {
      const content = markdown.render(String(data.body ?? ""), { page, lang, i18n: strings });
      const alt = String(data["image-alt"] ?? "");
      const picture = typeof data.image === "string" && data.image ? image(data.image) : undefined;
      // One file, the editor's own, where the build makes several sizes and WebP. Until
      // it has loaded, its size is not known: the <img> goes without width and height.
      const hero = picture && {
        html: pictureHtml({ jpeg: [{ url: picture.url, width: picture.width ?? 0, height: picture.height ?? 0, sourceType: "image/jpeg" }] }, alt, "hero")
          .replace(/ srcset="[^"]*"/, "")
          .replace(' width="0" height="0"', ""),
      };
      html = layouts(source).blog.render({
        ...common,
        description: data.description,
        draft: data.draft,
        authorList: authorsOf(data.author),
        hero,
        content,
      });
    }
    const errors = reportedProblems().filter((p) => p.severity === "error");
    return (errors.length ? errorBox(errors, lang) : "") + html;
  } catch (error) {
    const problems = problemsOf(error);
    return errorBox(problems.length ? problems : [{ file: inputPath, message: String((error as Error).message ?? error), severity: "error" }], lang);
  } finally {
    clearReported();
  }
}
