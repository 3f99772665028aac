import type { UserConfig } from "@11ty/eleventy";
import { relative } from "./content-error.ts";

// Editorial notes (`<strong class="note">…</strong>`) are written for the team,
// not for readers. A production build removes them and warns which pages had
// them; a preview shows them, labelled, so reviewers see them in context.
export type NoteMode = "strip" | "show";

const OPEN = '<strong class="note">';
const pagesWithNotes = new Set<string>();

/** Index just past the `</strong>` that closes the `<strong>` opened before `from`. */
function closingStrong(html: string, from: number): number {
  let depth = 1;
  const tag = /<(\/?)strong\b[^>]*>/g;
  tag.lastIndex = from;
  for (let m = tag.exec(html); m; m = tag.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

export function renderNotes(
  html: string,
  options: { mode: NoteMode; inputPath: string; label: string },
): string {
  if (!html.includes(OPEN)) return html;
  pagesWithNotes.add(relative(options.inputPath));
  let out = "";
  let at = 0;
  for (let start = html.indexOf(OPEN); start !== -1; start = html.indexOf(OPEN, at)) {
    const end = closingStrong(html, start + OPEN.length);
    if (end === -1) break; // unclosed: leave the rest as written
    out += html.slice(at, start);
    if (options.mode === "show") {
      const text = html.slice(start + OPEN.length, end - "</strong>".length);
      out += `<span class="note" role="note" data-pagefind-ignore><strong class="note-label">${options.label}</strong> ${text}</span>`;
    }
    at = end;
  }
  out += html.slice(at);
  // A note alone in its paragraph leaves the paragraph empty: drop it.
  return options.mode === "strip" ? out.replace(/<p>\s*<\/p>\n?/g, "") : out;
}

/** Warns, after a production build, which pages had notes removed. */
export default function notesReport(eleventyConfig: UserConfig, options: { noteMode: NoteMode }): void {
  eleventyConfig.on("eleventy.before", () => pagesWithNotes.clear());
  eleventyConfig.on("eleventy.after", () => {
    if (options.noteMode !== "strip" || pagesWithNotes.size === 0) return;
    const list = [...pagesWithNotes].sort().map((p) => `  - ${p}`).join("\n");
    console.warn(
      `[notes] Editorial notes were removed from ${pagesWithNotes.size} page(s) in this production build:\n${list}\n` +
        "  Notes are shown in previews (npm start, npm run build:preview). Delete them before publishing if they are done.",
    );
  });
}
