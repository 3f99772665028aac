import type { UserConfig } from "@11ty/eleventy";
import { relative, report } from "../problems/content-error.ts";
import { linesWith, readSource } from "../problems/source-lines.ts";

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
    // Every raw tag is closed in its own paragraph (content-rules.ts reports a note never closed).
    if (end === -1) break;
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

/** Warns, after a production build, of each note it removed, on the note's line. */
export default function notesReport(eleventyConfig: UserConfig, options: { noteMode: NoteMode }): void {
  eleventyConfig.on("eleventy.before", () => pagesWithNotes.clear());
  eleventyConfig.on("eleventy.after", () => {
    if (options.noteMode !== "strip") return;
    for (const file of [...pagesWithNotes].sort()) {
      const lines = linesWith(readSource(file), [OPEN]);
      for (const line of lines.length ? lines : [1]) {
        report({
          file,
          line,
          title: "Editorial note",
          message:
            "an editorial note is still here. The published site leaves it out; previews (npm start, npm run build:preview) show it. Delete it if it is done.",
          severity: "warning",
        });
      }
    }
  });
}
