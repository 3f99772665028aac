import { copyFile, link, mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Puts a cached file in the output: a hard link where the cache and the output
 * share a disk (thousands of cards and images, no bytes copied), a copy
 * elsewhere. Never copies a file onto a link to itself, which would empty it.
 */
async function place(from: string, to: string): Promise<void> {
  try {
    return await link(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") return copyFile(from, to);
  }
  const [a, b] = await Promise.all([stat(from), stat(to)]);
  if (a.ino === b.ino && a.dev === b.dev) return;
  await rm(to, { force: true });
  await link(from, to).catch(() => copyFile(from, to));
}

/** Puts the files a build used from `cacheDir` (.cache/img, .cache/cards) into `outputDir`/`urlPath`. */
export async function placeCachedFiles(files: Iterable<string>, cacheDir: string, outputDir: string, urlPath: string): Promise<void> {
  const target = path.join(outputDir, urlPath);
  await mkdir(target, { recursive: true });
  await Promise.all([...files].map((file) => place(path.join(cacheDir, file), path.join(target, file))));
}
