import type { UserConfig } from "@11ty/eleventy";
import Image from "@11ty/eleventy-img";
import { existsSync } from "node:fs";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { ContentError } from "./content-error.ts";

// Post images go through eleventy-img at build time: WebP plus a JPEG fallback,
// with explicit width and height. Processed files are kept in .cache/img/ and
// reused by the next build (eleventy-img skips a file that already exists),
// then the ones a build used are copied into its output.
const CACHE_DIR = ".cache/img";
const URL_PATH = "/img/generated/";
// Shared through globalThis: the directory data files that call picture()
// are imported by tsx (src/_config/ts-data.ts) as a second instance of this
// module, apart from the one .eleventy.ts loads, and a module-level Set would
// leave the copy below with nothing to copy.
const used: Set<string> = ((globalThis as Record<symbol, Set<string>>)[Symbol.for("careers-site.usedImages")] ??= new Set<string>());

const processed: Map<string, Promise<Metadata>> = ((globalThis as Record<symbol, Map<string, Promise<Metadata>>>)[
  Symbol.for("careers-site.processedImages")
] ??= new Map());

type Kind = "hero" | "thumb";
const SIZES: Record<Kind, { widths: number[]; sizes: string }> = {
  hero: { widths: [480, 960, 1440], sizes: "(min-width: 64rem) 60rem, 100vw" },
  thumb: { widths: [240, 480], sizes: "15rem" },
};

interface ImageFormat {
  url: string;
  filename: string;
  width: number;
  height: number;
  srcset: string;
  sourceType: string;
}
type Metadata = Record<string, ImageFormat[]>;

/** The source file behind a site path like /img/cds/photo.jpg. */
export function sourceOf(imagePath: string): string {
  return path.join("src", imagePath.replace(/^\/+/, ""));
}

async function processImage(imagePath: string, kind: Kind, inputPath: string): Promise<Metadata> {
  const source = sourceOf(imagePath);
  if (!existsSync(source)) {
    throw new ContentError(inputPath, `the image '${imagePath}' has no file at ${source}. Add the file under src/img/, or fix the path.`);
  }
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
  for (const format of Object.values(metadata)) for (const file of format) used.add(file.filename);
  return metadata;
}

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
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
  const largest = jpeg[jpeg.length - 1]!;
  const sources = Object.values(metadata)
    .filter((format) => format[0]!.sourceType !== "image/jpeg")
    .map((format) => `<source type="${format[0]!.sourceType}" srcset="${srcset(format)}" sizes="${SIZES[kind].sizes}">`)
    .join("");
  const loading = kind === "hero" ? 'fetchpriority="high"' : 'loading="lazy"';
  return {
    html:
      `<picture class="${kind}">${sources}<img src="${largest.url}" srcset="${srcset(jpeg)}" sizes="${SIZES[kind].sizes}" ` +
      `alt="${escape(alt)}" width="${largest.width}" height="${largest.height}" ${loading} decoding="async"></picture>`,
    jpeg: largest.url,
  };
}

export default function images(eleventyConfig: UserConfig): void {
  eleventyConfig.on("eleventy.before", () => {
    used.clear();
    processed.clear();
  });
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    const target = path.join(directories.output, URL_PATH);
    await mkdir(target, { recursive: true });
    await Promise.all([...used].map((file) => copyFile(path.join(CACHE_DIR, file), path.join(target, file))));
  });
}

function srcset(format: ImageFormat[]): string {
  return format.map((f) => `${f.url} ${f.width}w`).join(", ");
}
