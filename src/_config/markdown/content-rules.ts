// Content is data, never code (issue 22). Markdown files reach the page
// through markdown-it alone: no template engine runs them (`.eleventy.ts`
// sets no markdownTemplateEngine), so `{{ }}` and `{% %}` are text. This
// markdown-it plugin holds what markdown-it lets through to the rules an
// editor's content must keep, each refusal reported on its line:
// - raw HTML is an allowlist (raw-html.ts), and what is published is written
//   out again from what was checked;
// - links go to web, e-mail or telephone addresses, never `javascript:` or
//   `data:` (markdown-it would drop those without a word);
// - images are files of this site under /img/ (no third-party requests);
// - a role page's title line, `## {{ title }}`, gets the role's title: the
//   one placeholder content may use.
import type { MarkdownIt, StateCore, Token } from "markdown-it";
import { relative, report } from "../problems/content-error.ts";
import { CONTENT_HTML, ROLE_HTML, RawHtml, linkProblem, schemeOf } from "./raw-html.ts";
import { bodyOffset, readSource } from "../problems/source-lines.ts";
import type { MarkdownEnv } from "../types.ts";

const TITLE_PLACEHOLDER = /^\{\{\s*title\s*\}\}$/;

export interface ContentRulesOptions {
  /**
   * What is wrong with an image file of the site (images.ts's imageProblem),
   * given by the build; the content editor's preview pane, which has no
   * files, checks only the address's scheme.
   */
  imageProblem?: (path: string) => string | undefined;
}

/** What is wrong with an image's address in the Markdown, or undefined. */
function markdownImageProblem(src: string, imageProblem: ContentRulesOptions["imageProblem"]): string | undefined {
  const scheme = schemeOf(src) ?? "about:";
  if (scheme !== "https:" && scheme !== "http:") {
    return `an image is a file of this site under /img/, not a \`${scheme}\` address. Add the file under src/img/cds/ and write ![what it shows](/img/cds/photo.jpg).`;
  }
  let path = src;
  try {
    path = decodeURI(src);
  } catch {
    // Left as written: the check names it.
  }
  return imageProblem?.(path);
}

/** The role's title in place of `{{ title }}`, on a role page's title line (its first heading, `##`). */
function fillTitleLine(tokens: Token[], env: MarkdownEnv): void {
  const first = tokens.findIndex((t) => t.type === "heading_open");
  const inline = tokens[first + 1];
  if (first < 0 || tokens[first]!.tag !== "h2" || !inline?.children || !TITLE_PLACEHOLDER.test(inline.content.trim())) return;
  const text = inline.children.find((t) => t.type === "text")!;
  text.content = String(env.title ?? "");
  inline.children = [text];
  inline.content = text.content;
}

export function contentRules(md: MarkdownIt, options: ContentRulesOptions = {}): void {
  // Every link is kept for the rule below to judge and name on its line.
  md.validateLink = () => true;
  md.core.ruler.after("inline", "content-is-data", (state: StateCore) => {
    const env = (state.env ?? {}) as MarkdownEnv;
    const inputPath = env.page?.inputPath;
    if (env.role) fillTitleLine(state.tokens, env);
    const policy = env.role ? ROLE_HTML : CONTENT_HTML;
    const problems: Array<{ line: number; title: string; message: string }> = [];

    for (const token of state.tokens) {
      const first = token.map?.[0] ?? 0;
      if (token.type === "html_block") {
        const raw = new RawHtml(policy);
        token.content = raw.clean(token.content, first) + raw.finish();
        problems.push(...raw.refusals.map((r) => ({ ...r, title: "HTML not allowed" })));
        continue;
      }
      if (token.type !== "inline" || !token.children) continue;
      let raw: RawHtml | undefined; // made at the stretch's first tag: most paragraphs have none
      let line = first;
      for (const child of token.children) {
        if (child.type === "softbreak" || child.type === "hardbreak") line++;
        else if (child.type === "html_inline") {
          const written = child.content;
          raw ??= new RawHtml(policy);
          child.content = raw.clean(written, line);
          line += written.split("\n").length - 1;
        } else if (child.type === "link_open") {
          const message = linkProblem(String(child.attrGet("href") ?? ""));
          if (message) {
            problems.push({ line, title: "Link not allowed", message });
            child.attrs = (child.attrs ?? []).filter(([name]) => name !== "href");
          }
        } else if (child.type === "image") {
          const message = markdownImageProblem(String(child.attrGet("src") ?? ""), options.imageProblem);
          if (message) {
            problems.push({ line, title: "Image", message });
            // Shown as its description until the address is fixed.
            Object.assign(child, { type: "text", tag: "", attrs: null, children: null });
          }
        }
      }
      if (!raw) continue;
      const closing = raw.finish();
      if (closing) {
        const close = new state.Token("html_inline", "", 0);
        close.content = closing;
        token.children.push(close);
      }
      problems.push(...raw.refusals.map((r) => ({ ...r, title: "HTML not allowed" })));
    }

    if (problems.length && inputPath) {
      const offset = bodyOffset(readSource(inputPath));
      report(...problems.map((p) => ({ file: relative(inputPath), line: offset + p.line + 1, title: p.title, message: p.message, severity: "error" as const })));
    }
  });
}
