import path from "node:path";

/**
 * An error in an editor's content: names the file, so the message Eleventy
 * prints tells the editor where to look and what to change.
 */
export class ContentError extends Error {
  constructor(inputPath: string, message: string) {
    super(`${relative(inputPath)}: ${message}`);
    this.name = "ContentError";
  }
}

export function relative(inputPath: string): string {
  return path.relative(process.cwd(), path.resolve(inputPath)) || inputPath;
}
