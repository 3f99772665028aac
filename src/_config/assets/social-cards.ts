import type { UserConfig } from "@11ty/eleventy";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Font } from "satori";
import sharp from "sharp";
import { sourceOf } from "./images.ts";
import { ContentError } from "../problems/content-error.ts";
import { placeCachedFiles } from "./cached-output.ts";
import type { Lang } from "../types.ts";

// Link previews (og:image, twitter:card = summary_large_image), 1200 × 630.
// A page without a picture of its own gets a card made at build time: the GC
// signature, the page's title and the site's name, in the page's language,
// in the site's own fonts (Lato and Noto Sans, from @gcds-core/fonts).
// satori lays the card out and draws its text as paths from those fonts;
// sharp turns the SVG into a PNG. (sharp alone would draw SVG text through
// its own fontconfig and FreeType, which do not read the WOFF files the
// fonts package ships: every letter came out as a box.)
// A post's card is its hero image, cropped to 1200 × 630.
// Cards are named by a hash of what they are made from (this file included),
// kept in .cache/cards/ and reused by the next build, like eleventy-img's
// images, so a build with unchanged titles makes none.
export const CARD = { width: 1200, height: 630 };
const CACHE_DIR = ".cache/cards";
const URL_PATH = "/img/cards/";
const FONTS_DIR = "node_modules/@gcds-core/fonts/fonts";

// GCDS tokens: --gcds-text-primary, --gcds-bg-primary, the h1's red bar.
const TEXT = "#333333";
const BAND = "#26374a";
const ACCENT = "#a62a1e";

export interface CardText {
  lang: Lang;
  /** The big line: the page's title. */
  title: string;
  /** The band at the bottom: the site's name. */
  site: string;
}

let fonts: Font[] | undefined;
function loadFonts() {
  const font = (file: string) => readFileSync(path.join(FONTS_DIR, file));
  fonts ??= [
    { name: "Lato", data: font("lato/gcds-lato.woff"), weight: 700, style: "normal" },
    { name: "Noto Sans", data: font("noto-sans/gcds-noto-sans-bold.woff"), weight: 700, style: "normal" },
  ];
  return fonts;
}

const signature = (lang: Lang) => `data:image/svg+xml;base64,${readFileSync(`src/img/gc/sig-blk-${lang}.svg`).toString("base64")}`;

/** Long titles get smaller type, and at most four lines, so that nothing is cut mid-word off the card. */
function titleSize(title: string): number {
  if (title.length <= 32) return 76;
  if (title.length <= 64) return 60;
  return 48;
}

type Node = { type: string; props: Record<string, unknown> };
const h = (type: string, style: Record<string, unknown>, children?: unknown, extra: Record<string, unknown> = {}): Node => ({
  type,
  props: { style, children, ...extra },
});

/** The card as satori's element tree. Text is data here, never markup: a title with < or & draws as written. */
function template({ lang, title, site }: CardText): Node {
  return h("div", { display: "flex", flexDirection: "column", width: "100%", height: "100%", background: "#ffffff", color: TEXT }, [
    h("div", { display: "flex", padding: "64px 72px 0" }, h("img", {}, undefined, { src: signature(lang), width: 560, height: 54 })),
    h("div", { display: "flex", flexDirection: "column", justifyContent: "center", flexGrow: 1, padding: "0 72px" }, [
      h(
        "div",
        { display: "block", fontFamily: "Lato", fontWeight: 700, fontSize: titleSize(title), lineHeight: 1.15, lineClamp: 4 },
        title,
      ),
      h("div", { width: 96, height: 8, marginTop: 24, background: ACCENT }),
    ]),
    h("div", { display: "flex", alignItems: "center", height: 120, padding: "0 72px", background: BAND, color: "#ffffff", fontFamily: "Noto Sans", fontWeight: 700, fontSize: 36 }, site),
  ]);
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The card's words as XMP (dc:title, dc:description), so the file itself says what it shows, in which language. */
function xmp({ lang, title, site }: CardText): string {
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="${lang}-CA">${xmlEscape(text)}</rdf:li></rdf:Alt>`;
  return (
    `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
    `<dc:title>${alt(title)}</dc:title><dc:description>${alt(site)}</dc:description>` +
    `</rdf:Description></rdf:RDF></x:xmpmeta>`
  );
}

/** The SVG of a card, its text drawn as paths in Lato and Noto Sans. */
export async function cardSvg(text: CardText): Promise<string> {
  // Loaded only when a card is drawn: a build whose cards are all cached skips satori's start-up (about 0.7 s of CPU).
  const { default: satori } = await import("satori");
  return satori(template(text) as Parameters<typeof satori>[0], { ...CARD, fonts: loadFonts() });
}

// Anything that changes how a card looks changes its name: this file, and the
// versions of satori and of the fonts. Its import statements do not: they say
// where the modules it uses live, so moving one of those renamed every card
// and redrew them all (about a minute per 1,000 pages).
const RECIPE = createHash("sha256")
  .update(readFileSync(import.meta.filename, "utf8").replace(/^import\b[^;]*;\n/gm, ""))
  .update(readFileSync("node_modules/satori/package.json"))
  .update(readFileSync("node_modules/@gcds-core/fonts/package.json"))
  .digest("hex");

const hashOf = (...parts: string[]) => createHash("sha256").update(RECIPE).update(JSON.stringify(parts)).digest("hex").slice(0, 16);

// Shared through globalThis, as in images.ts: src/blog/blog.11tydata.ts calls
// heroCard() from a second instance of this module (imported by tsx), and the
// copy at the end of the build must see the cards both instances used.
const shared = globalThis as Record<symbol, unknown>;
const used = (shared[Symbol.for("careers-site.usedCards")] ??= new Set<string>()) as Set<string>;
const made = (shared[Symbol.for("careers-site.madeCards")] ??= new Map<string, Promise<string>>()) as Map<string, Promise<string>>;

// During `npm start` a card is drawn only when something asks the dev server
// for it, not at every build and save: drawing a title's card takes about
// 50 ms, a minute for 1,000 new posts, and its address (og:image) is all a
// page shows. Builds (`npm run build`, `build:preview`) draw every card.
const serving = process.env.ELEVENTY_RUN_MODE === "serve"; // set by Eleventy before it loads the configuration
const undrawn = new Map<string, () => Promise<Buffer>>(); // file name → how to draw it

/** Writes `file` in .cache/cards/ with `make`, unless an earlier build left it there. */
async function draw(file: string, make: () => Promise<Buffer>): Promise<void> {
  const target = path.join(CACHE_DIR, file);
  if (existsSync(target)) return;
  await mkdir(CACHE_DIR, { recursive: true });
  // Written aside then renamed: a build stopped half-way leaves no half-written card.
  const partial = `${target}.${process.pid}.partial`;
  await writeFile(partial, await make());
  await rename(partial, target);
}

/** Makes `file` in .cache/cards/ with `make`, once per build, unless an earlier build left it there. */
function cached(file: string, make: () => Promise<Buffer>): Promise<string> {
  let pending = made.get(file);
  if (!pending) {
    if (serving && !existsSync(path.join(CACHE_DIR, file))) {
      undrawn.set(file, make);
      pending = Promise.resolve(URL_PATH + file);
    } else {
      used.add(file);
      pending = draw(file, make).then(() => URL_PATH + file);
    }
    made.set(file, pending);
  }
  return pending;
}

/** Dev-server middleware: draws an undrawn card when it is asked for. */
async function drawOnRequest(request: { url?: string }, response: { setHeader(k: string, v: string): void; end(body: Buffer): void }, next: () => void) {
  const url = (request.url ?? "").split("?")[0]!;
  const at = url.indexOf(URL_PATH);
  const file = at < 0 ? undefined : decodeURIComponent(url.slice(at + URL_PATH.length));
  const make = file === undefined ? undefined : undrawn.get(file);
  if (!file || !make) return next();
  await draw(file, make);
  response.setHeader("Content-Type", file.endsWith(".png") ? "image/png" : "image/jpeg");
  response.end(readFileSync(path.join(CACHE_DIR, file)));
}

/** A card as a PNG (a palette of 256 colours is plenty for flat colours and text), its words in its XMP. */
export async function cardPng(text: CardText): Promise<Buffer> {
  return sharp(Buffer.from(await cardSvg(text)))
    .withXmp(xmp(text))
    .png({ palette: true, compressionLevel: 9 })
    .toBuffer();
}

/** The site path of the generated card for a page's title. */
export function socialCard(text: CardText): Promise<string> {
  return cached(`${hashOf("card", text.lang, text.title, text.site)}.png`, () => cardPng(text));
}

/** A post's hero image cropped to 1200 × 630 around what draws the eye, for its link preview. */
export function heroCard(imagePath: string, inputPath: string): Promise<string> {
  const source = sourceOf(imagePath);
  if (!existsSync(source)) {
    throw new ContentError(inputPath, `the image '${imagePath}' has no file at ${source}. Add the file under src/img/, or fix the path.`);
  }
  // Many posts share a hero: read and hash each image once per build, not once per post.
  const key = `hero ${source}`;
  let pending = made.get(key);
  if (!pending) {
    const content = createHash("sha256").update(readFileSync(source)).digest("hex");
    pending = cached(`${hashOf("hero", content)}.jpg`, () =>
      sharp(source).resize({ ...CARD, fit: "cover", position: "attention" }).jpeg({ quality: 82, mozjpeg: true }).toBuffer(),
    );
    made.set(key, pending);
  }
  return pending;
}

export default function socialCards(eleventyConfig: UserConfig): void {
  eleventyConfig.addAsyncFilter("socialCard", (title: string, lang: Lang, site: string) => socialCard({ lang, title, site }));
  if (serving) eleventyConfig.setServerOptions({ middleware: [drawOnRequest] });
  eleventyConfig.on("eleventy.before", () => {
    used.clear();
    made.clear();
    undrawn.clear();
  });
  eleventyConfig.on("eleventy.after", ({ directories }: { directories: { output: string } }) => placeCachedFiles(used, CACHE_DIR, directories.output, URL_PATH));
}
