import type { UserConfig } from "@11ty/eleventy";
import Image from "@11ty/eleventy-img";
import { closeSync, existsSync, openSync, readdirSync, readSync } from "node:fs";
import path from "node:path";
import { ContentError } from "../problems/content-error.ts";
import { placeCachedFiles } from "./cached-output.ts";
import { didYouMean } from "../problems/suggest.ts";
import { pictureHtml, SIZES, type Kind, type Metadata } from "./picture.ts";

// Post images go through eleventy-img at build time: WebP plus a JPEG fallback,
// with explicit width and height. Processed files are kept in .cache/img/ and
// reused by the next build (eleventy-img skips a file that already exists),
// then the ones a build used are copied into its output.
const CACHE_DIR = ".cache/img";
const URL_PATH = "/img/generated/";
// Shared through globalThis: the directory data files that call picture()
// are imported by tsx (src/_config/build/ts-data.ts) as a second instance of this
// module, apart from the one .eleventy.ts loads, and a module-level Set would
// leave the copy below with nothing to copy.
const used: Set<string> = ((globalThis as Record<symbol, Set<string>>)[Symbol.for("careers-site.usedImages")] ??= new Set<string>());

const processed: Map<string, Promise<Metadata>> = ((globalThis as Record<symbol, Map<string, Promise<Metadata>>>)[
  Symbol.for("careers-site.processedImages")
] ??= new Map());


/** The source file behind a site path like /img/cds/photo.jpg. */
export function sourceOf(imagePath: string): string {
  return path.join("src", imagePath.replace(/^\/+/, ""));
}

// What eleventy-img can read, and how each format's files begin, so that a
// file renamed to .jpg (a web page saved by mistake, a .heic) is caught here
// with the file's name rather than deep inside the image library.
const FORMATS: Record<string, { name: string; starts: (head: Buffer) => boolean }> = {
  ".jpg": { name: "JPEG", starts: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  ".jpeg": { name: "JPEG", starts: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  ".png": { name: "PNG", starts: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  ".webp": { name: "WebP", starts: (h) => h.toString("latin1", 0, 4) === "RIFF" && h.toString("latin1", 8, 12) === "WEBP" },
  ".gif": { name: "GIF", starts: (h) => h.toString("latin1", 0, 4) === "GIF8" },
  ".avif": { name: "AVIF", starts: (h) => h.toString("latin1", 4, 8) === "ftyp" },
};

function head(file: string): Buffer {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(16);
    return buffer.subarray(0, readSync(fd, buffer, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * What is wrong with an `image` (or `thumb`) an editor wrote, in their words
 * with the fix, or undefined when it names an image file of this repository.
 */
// What imageProblem() found for each path, kept until a file may have changed
// (the next save of `npm start`): a post's image is checked by the check
// before the build, for its hero and for its thumbnail. Emptied when the
// watcher starts a rebuild, before that check runs again.
const checked: Map<string, string | undefined> = ((globalThis as Record<symbol, Map<string, string | undefined>>)[
  Symbol.for("careers-site.checkedImages")
] ??= new Map());

export function imageProblem(imagePath: string): string | undefined {
  if (!checked.has(imagePath)) checked.set(imagePath, findImageProblem(imagePath));
  return checked.get(imagePath);
}

function findImageProblem(imagePath: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(imagePath)) {
    const name = /[\w.-]+\.(jpe?g|png)$/i.exec(imagePath.split(/[?#]/)[0]!)?.[0] ?? "photo.jpg";
    return (
      `the image '${imagePath}' is on another site. Images must be files in this repository, so that they stay online and readers' browsers ask no other site: ` +
      `download it, add it as src/img/cds/${name} and write /img/cds/${name} instead`
    ) + ".";
  }
  const parts = imagePath.split("/");
  if (!imagePath.startsWith("/img/") || parts.includes("..") || parts.includes(".")) {
    const fixed = `/img/${imagePath.replace(/^\/?(src\/)?(img\/)?/, "")}`;
    return `the image '${imagePath}' is not under /img/. Image files go under src/img/ and are written from /img/, e.g. ${fixed.includes("..") ? "/img/cds/photo.jpg" : `'${fixed}'`}.`;
  }
  const extension = path.extname(imagePath).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    return `the image '${imagePath}' is not a JPEG or PNG file (${extension || "no extension"}). Save it as JPEG or PNG, and name it .jpg or .png.`;
  }
  const source = sourceOf(imagePath);
  const folder = path.dirname(source);
  const names = existsSync(folder) ? readdirSync(folder) : [];
  // Names are case-sensitive on the server even where the editor's computer ignores case.
  if (!names.includes(path.basename(source))) {
    const near = didYouMean(path.basename(source), names).replace(/'([^']+)'/, `'${path.posix.dirname(imagePath)}/$1'`);
    return `the image '${imagePath}' has no file at ${source}${near}. Add the file under src/img/, or fix the path.`;
  }
  if (!format.starts(head(source))) {
    return `the file ${source} is not a ${format.name} image, whatever its name says (it may be a web page or another kind of file saved with this name). Export the image again as JPEG or PNG.`;
  }
  return undefined;
}

async function processImage(imagePath: string, kind: Kind, inputPath: string): Promise<Metadata> {
  const source = sourceOf(imagePath);
  const problem = imageProblem(imagePath);
  if (problem) throw new ContentError(inputPath, problem);
  // Many posts share an image: process each image and size once per build.
  const key = `${kind} ${source}`;
  let pending = processed.get(key);
  if (!pending) {
    pending = Image(source, { widths: SIZES[kind].widths, formats: ["webp", "jpeg"], outputDir: CACHE_DIR, urlPath: URL_PATH }).then(
      (result) => result as Metadata,
    );
    processed.set(key, pending);
  }
  const metadata = await pending;
  for (const format of Object.values(metadata)) for (const file of format) used.add(file.filename!);
  return metadata;
}

export interface Picture {
  /** `<picture>` with WebP and JPEG sources, width, height and alt. */
  html: string;
  /** The largest JPEG, for og:image and feeds. */
  jpeg: string;
}

/** A post's hero image or thumbnail, made at build time. Used from computed data (src/blog/blog.11tydata.ts). */
export async function picture(imagePath: string, alt: string, kind: Kind, inputPath: string): Promise<Picture> {
  const metadata = await processImage(imagePath, kind, inputPath);
  const jpeg = metadata.jpeg!;
  return { html: pictureHtml(metadata, alt, kind), jpeg: jpeg[jpeg.length - 1]!.url };
}

export default function images(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.before", () => {
    used.clear();
    processed.clear();
  });
  eleventyConfig.on("eleventy.beforeWatch", () => checked.clear());
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => placeCachedFiles(used, CACHE_DIR, directories.output, URL_PATH));
}

