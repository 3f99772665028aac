// Where in an editor's file a problem is: the line of a front-matter field,
// of a link, of a heading. Problems point there, so that a terminal or code
// editor opens the file at that line, and GitHub shows the error on it in the
// pull request.
import { readFileSync } from "node:fs";

/** A content file as an editor saved it, read as UTF-8 without a byte-order mark. */
export function readSource(file: string): string {
  try {
    return readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  } catch {
    return "";
  }
}

/**
 * The line (counting from 1, the opening `---` being line 1) where a
 * top-level front-matter field starts: for a folded `description: >-`, its
 * key's line.
 */
export function fieldLine(source: string, field: string): number | undefined {
  const lines = source.split("\n");
  if (!/^(\uFEFF)?---\s*$/.test(lines[0] ?? "")) return undefined;
  const key = new RegExp(`^(['"]?)${field.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1\\s*:`);
  for (let i = 1; i < lines.length && !/^---\s*$/.test(lines[i]!); i++) {
    if (key.test(lines[i]!)) return i + 1;
  }
  return undefined;
}

/** The lines (counting from 1) on which any of `needles` is written. */
export function linesWith(source: string, needles: readonly string[]): number[] {
  const found: number[] = [];
  source.split("\n").forEach((text, i) => {
    if (needles.some((needle) => needle && text.includes(needle))) found.push(i + 1);
  });
  return found;
}

/** The first line of `file` on which `needle` is written, or the front matter's first line. */
export function lineIn(file: string, needle: string): number {
  return linesWith(readSource(file), [needle])[0] ?? 1;
}

/**
 * How many lines of `source` come before its Markdown body: the front matter
 * and its closing `---`. Markdown-it counts the body's lines from 0; a body
 * line `n` is the file's line `bodyOffset + n + 1`.
 */
export function bodyOffset(source: string): number {
  const lines = source.split("\n");
  if (!/^---[ \t]*\r?$/.test(lines[0] ?? "")) return 0;
  const close = lines.findIndex((line, i) => i > 0 && /^---[ \t]*\r?$/.test(line));
  return close < 0 ? 0 : close + 1;
}
