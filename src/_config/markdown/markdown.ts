import type { UserConfig } from "@11ty/eleventy";
import markdownIt from "markdown-it";
import markdownItAnchor from "markdown-it-anchor";
import { headingId } from "../urls/slugify.ts";
import { renderNotes, type NoteMode } from "./notes.ts";
import { renderRoleLevels } from "./role-levels.ts";
import { renderRoleHeadings } from "./role-headings.ts";
import { contentRules, type ContentRulesOptions } from "./content-rules.ts";
import type { MarkdownEnv } from "../types.ts";


/**
 * markdown-it with raw HTML on (the seeds write `<h3 id>` and
 * `<strong class="note">`) but held to an allowlist, links and images
 * checked (content-rules.ts), heading ids from markdown-it-anchor, editorial
 * notes stripped or shown, a role page's levels wrapped in sections and its
 * title line made the page's <h1>.
 */
export function createMarkdown(noteMode: NoteMode, rules: ContentRulesOptions = {}) {
  const md = markdownIt({ html: true, linkify: false, typographer: false });
  // Before markdown-it-anchor, which makes heading ids from the text.
  md.use(contentRules, rules);
  // markdown-it-anchor only adds ids to Markdown headings without one; raw
  // `<h3 id>` blocks are HTML and keep the id their author wrote.
  md.use(markdownItAnchor, { slugify: headingId, tabIndex: false });

  // Wide tables scroll inside a labelled, focusable region instead of the page.
  md.renderer.rules.table_open = (_tokens, _idx, _options, pageData) => {
    const env = pageData as MarkdownEnv | undefined;
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${env?.i18n?.[env.lang ?? "en"]?.table ?? "Table"}"><table>\n`;
  };
  md.renderer.rules.table_close = () => "</table></div>\n";

  const render = md.render.bind(md);
  md.render = (src: string, pageData?: Record<string, unknown>) => {
    const env = pageData as MarkdownEnv | undefined;
    let html = render(src, pageData);
    const lang = env?.lang ?? "en";
    const strings = env?.i18n?.[lang];
    const inputPath = env?.page?.inputPath ?? "(unknown file)";
    html = renderNotes(html, { mode: noteMode, inputPath, label: strings?.noteLabel ?? "Note to the team:" });
    if (env?.role && strings) {
      html = renderRoleLevels(src, html, env.role, lang, strings, inputPath);
      html = renderRoleHeadings(html, env.role, lang, strings, inputPath);
    }
    return html;
  };
  return md;
}

/** Puts `html` (a role page's Levels navigation) after the content's <h1> and the paragraph that introduces it. */
export function afterTitle(content: string, html: string): string {
  const h1 = content.indexOf("</h1>");
  if (h1 < 0) return html + content;
  let end = h1 + "</h1>".length;
  const lede = /^\s*<p>[\s\S]*?<\/p>/.exec(content.slice(end));
  if (lede) end += lede[0].length;
  return content.slice(0, end) + html + content.slice(end);
}

export default function markdown(eleventyConfig: UserConfig, options: { noteMode: NoteMode } & ContentRulesOptions): void {
  eleventyConfig.setLibrary("md", createMarkdown(options.noteMode, { imageProblem: options.imageProblem }));
  eleventyConfig.addFilter("afterTitle", afterTitle);
}
