import type { UserConfig } from "@11ty/eleventy";
import { relative, report, type Problem } from "../problems/content-error.ts";
import { readSource } from "../problems/source-lines.ts";

// `npm run check` warns of words that can tell a reader that something is
// easier than they find it: the word list of
// @11ty/eleventy-plugin-inclusive-language, checked on the Markdown an editor
// wrote, so that each warning names its line (the plugin names only the file).
const WORDS = ["simply", "obviously", "basically", "of course", "clearly", "just", "everyone knows", "however", "easy"];
const PATTERN = new RegExp(`\\b(${WORDS.join("|")})\\b`, "gi");

/** One warning per word found in the Markdown's text, front matter and fenced code left out. */
export function inclusiveLanguageProblems(inputPath: string, source: string): Problem[] {
  const problems: Problem[] = [];
  const lines = source.split("\n");
  let inFrontMatter = /^---\s*$/.test(lines[0] ?? "");
  let inCode = false;
  lines.forEach((text, i) => {
    if (inFrontMatter) {
      if (i > 0 && /^---\s*$/.test(text)) inFrontMatter = false;
      return;
    }
    if (/^\s*(```|~~~)/.test(text)) inCode = !inCode;
    if (inCode) return;
    for (const [word] of text.matchAll(PATTERN)) {
      problems.push({
        file: relative(inputPath),
        line: i + 1,
        title: "Inclusive language",
        message: `“${word}”: consider leaving it out or saying it another way. Words like it can tell a reader that something is easier than they find it.`,
        severity: "warning",
      });
    }
  });
  return problems;
}

export default function inclusiveLanguage(eleventyConfig: UserConfig): void {
  eleventyConfig.addLinter("inclusive-language", (_content: string, inputPath: string) => {
    if (inputPath.endsWith(".md")) report(...inclusiveLanguageProblems(inputPath, readSource(inputPath)));
  });
}
