import { ContentError } from "../problems/content-error.ts";
import { readSource } from "../problems/source-lines.ts";
import type { Lang, Role, Strings } from "../types.ts";

const FIRST_HEADING = /<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/;
const SUBHEADING = /<(\/?)h([3-6])\b/g;

function plainText(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** The line (from 1) of the first Markdown heading of this level (`## `), or 1. */
function headingLine(inputPath: string, level: number): number {
  const heading = new RegExp(`^#{${level}}(?!#)\\s`);
  return readSource(inputPath).split("\n").findIndex((line) => heading.test(line)) + 1 || 1;
}

/**
 * A role page's outline. Editors write the page as a section of the site:
 * `## {{ title }}` is its title line, `###` its sections (and the raw
 * `<h3 id>` level headings), `####` their parts. On the page the title line is
 * the `<h1>`, after a "Careers" caption (GOV.UK's and GCDS's caption and
 * heading), and every heading below moves up one level, so the outline starts
 * at h1 and never skips one (h1 → h2 → h3), as a screen reader lists it.
 * The caption stays outside the `<h1>`: the heading's name is the role's
 * title alone, which is what search engines, Pagefind and screen readers'
 * heading lists show.
 */
export function renderRoleHeadings(html: string, role: Role, lang: Lang, t: Strings, inputPath: string): string {
  const first = FIRST_HEADING.exec(html);
  const expected = role.title[lang];
  if (!first || first[1] !== "2") {
    const found = first ? `its first heading is a level-${first[1]} heading, "${plainText(first[3]!)}"` : "it has no heading";
    throw new ContentError(
      inputPath,
      `a role page starts with its title line, "## {{ title }}", which becomes the page's main heading; ${found}. ` +
        `Put "## {{ title }}" before the first section.`,
      { line: headingLine(inputPath, 2), title: "Role page without its title line" },
    );
  }
  const text = plainText(first[3]!);
  if (text !== expected) {
    throw new ContentError(
      inputPath,
      `the page's title line says "${text}", but src/_data/roles.ts names this role "${expected}" (title.${lang}). ` +
        `Make them the same: the title line is the page's main heading.`,
      { line: headingLine(inputPath, 2), title: "Title line differs from roles.ts" },
    );
  }
  const rest = html.slice(first.index + first[0].length);
  const extraH1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(rest);
  if (extraH1) {
    throw new ContentError(
      inputPath,
      `the heading "${plainText(extraH1[1]!)}" is a level-1 heading ("# …"), but a role page has one: its title line. ` +
        `Make it a section ("### …").`,
      { line: headingLine(inputPath, 1), title: "Second main heading" },
    );
  }
  return (
    html.slice(0, first.index) +
    `<p class="caption">${t.careers}</p><h1${first[2]}>${first[3]}</h1>` +
    rest.replace(SUBHEADING, (_, close: string, level: string) => `<${close}h${Number(level) - 1}`)
  );
}
