import { relative, report, type Problem } from "../problems/content-error.ts";
import { lineIn, linesWith, readSource } from "../problems/source-lines.ts";
import { didYouMean } from "../problems/suggest.ts";
import type { Lang, Role, Strings } from "../types.ts";

const LEVEL_HEADING = /<h3 id="([^"]+)"[^>]*>([\s\S]*?)<\/h3>/g;
const ANY_ID = /\sid="([^"]+)"/g;

function escapeAttr(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * Checks that a role page and src/_data/roles.ts agree on the role's levels,
 * reporting each disagreement on its line, then wraps each level (its
 * `<h3 id>` and what follows, up to the next level) in a `<section
 * class="level">`, so that `#senior` highlights the whole level, and adds the
 * "copy link" control and any former ids of the level.
 */
export function renderRoleLevels(source: string, html: string, role: Role, lang: Lang, t: Strings, inputPath: string): string {
  const listed = role.levels.map((level) => level.id);
  const file = relative(inputPath);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const id of listed) {
    if (seen.has(id)) {
      const roles = "src/_data/roles.ts";
      const lines = linesWith(readSource(roles), [`id: "${id}"`, `id: '${id}'`]);
      problems.push({
        file: roles,
        line: lines[1] ?? lines[0] ?? 1,
        title: "Level id used twice",
        message: `two levels of role '${role.key}' share the id '${id}' in src/_data/roles.ts. Give each level its own id.`,
        severity: "error",
      });
    }
    seen.add(id);
  }

  const ids = new Set([...html.matchAll(ANY_ID)].map((m) => m[1]));
  for (const id of listed) {
    if (!ids.has(id)) {
      problems.push({
        file,
        line: 1,
        title: "Level missing from the page",
        message:
          `level '${id}' is listed for role '${role.key}' in src/_data/roles.ts, but the page has no element with id="${id}". ` +
          `Add a heading <h3 id="${id}">…</h3> for it, or remove the level from roles.ts.`,
        severity: "error",
      });
    }
  }

  // Level headings are the raw `<h3 id>` an editor writes; Markdown `###`
  // headings get their ids from markdown-it-anchor and are not levels.
  for (const [, id] of source.matchAll(LEVEL_HEADING)) {
    if (!seen.has(id!)) {
      problems.push({
        file,
        line: lineIn(inputPath, `<h3 id="${id}"`),
        title: "Unknown level",
        message:
          `the level heading <h3 id="${id}"> is not a level of role '${role.key}' in src/_data/roles.ts${didYouMean(id!, listed) || "."} ` +
          `Add a level with id '${id}' to roles.ts, or fix the id (levels: ${listed.join(", ")}).`,
        severity: "error",
      });
    }
  }
  // Reported, not thrown: the build goes on to find this run's other
  // problems (broken links among them), then fails at its end.
  if (problems.length) {
    report(...problems);
    return html;
  }

  const levelHeadings = [...html.matchAll(LEVEL_HEADING)].filter(([, id]) => seen.has(id!));
  if (levelHeadings.length === 0) return html;
  let out = html.slice(0, levelHeadings[0]!.index);
  levelHeadings.forEach((heading, i) => {
    const level = role.levels.find((l) => l.id === heading[1])!;
    const start = heading.index! + heading[0].length;
    const end = levelHeadings[i + 1]?.index ?? html.length;
    const title = level.title[lang];
    // Former ids keep published links to a renamed level working.
    const aliases = (level.formerIds ?? []).map((old) => `<span id="${old}" class="level-alias" tabindex="-1"></span>`).join("");
    out +=
      `<section class="level" aria-labelledby="${level.id}">${aliases}` +
      // tabindex="-1" lets a link to #senior move keyboard focus to the level.
      `<div class="level-heading">${heading[0].replace(/^<h3 /, '<h3 tabindex="-1" ')}` +
      `<a class="level-link" href="#${level.id}" data-copy-link data-pagefind-ignore>${t.copyLink}` +
      `<span class="visually-hidden">: ${escapeAttr(title)}</span></a></div>` +
      `${html.slice(start, end)}</section>\n`;
  });
  return out;
}
