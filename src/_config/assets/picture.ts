// The markup of a post's picture (hero or thumbnail), apart from making the
// files (images.ts, eleventy-img and sharp), so that the content editor's
// preview pane (cms-preview.ts, in the browser) writes the same <picture>.
export type Kind = "hero" | "thumb";
export const SIZES: Record<Kind, { widths: number[]; sizes: string }> = {
  hero: { widths: [480, 960, 1440], sizes: "(min-width: 64rem) 60rem, 100vw" },
  thumb: { widths: [240, 480], sizes: "15rem" },
};

/** One file of a picture, as eleventy-img describes it. */
export interface ImageFormat {
  url: string;
  width: number;
  height: number;
  sourceType: string;
  /** The file's name among eleventy-img's outputs (not in the editor's preview). */
  filename?: string;
}
/** Each format's files, smallest first; `jpeg` is the fallback every browser reads. */
export type Metadata = Record<string, ImageFormat[]>;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function srcset(format: ImageFormat[]): string {
  return format.map((f) => `${f.url} ${f.width}w`).join(", ");
}

/** `<picture>` with a source per format, width, height and alt; the largest JPEG is the `<img>`. */
export function pictureHtml(metadata: Metadata, alt: string, kind: Kind): string {
  const jpeg = metadata.jpeg!;
  const largest = jpeg[jpeg.length - 1]!;
  const sources = Object.values(metadata)
    .filter((format) => format[0]!.sourceType !== "image/jpeg")
    .map((format) => `<source type="${format[0]!.sourceType}" srcset="${srcset(format)}" sizes="${SIZES[kind].sizes}">`)
    .join("");
  const loading = kind === "hero" ? 'fetchpriority="high"' : 'loading="lazy"';
  return (
    `<picture class="${kind}">${sources}<img src="${largest.url}" srcset="${srcset(jpeg)}" sizes="${SIZES[kind].sizes}" ` +
    `alt="${escape(alt)}" width="${largest.width}" height="${largest.height}" ${loading} decoding="async"></picture>`
  );
}
