import type { UserConfig } from "@11ty/eleventy";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { ContentError, relative, report, type Problem } from "../problems/content-error.ts";
import { authorProblems } from "./content-data.ts";
import { imageProblem } from "../assets/images.ts";
import { CONTENT_FOLDERS, LAYOUTS, frontMatterProblems, pageSchema } from "./schemas.ts";
import { fieldLine, linesWith, readSource } from "../problems/source-lines.ts";
import { slugify, titleSlug } from "../urls/slugify.ts";
import { didYouMean } from "../problems/suggest.ts";
import { loadFrontMatter, refuseLanguage, yamlShapeProblems } from "./yaml-data.ts";
import { sectionUrl } from "../urls/urls.ts";
import type { Lang } from "../types.ts";
import { isWatching } from "../build/run-mode.ts";

// Before Eleventy reads anything, every content file is checked, and every
// problem of every file is reported in one run, each on its line: what
// Eleventy would trip on with a message of its own (YAML syntax, unknown
// layouts, bad dates, two posts at one address), what it would publish
// corrupted or drop without a word (a file not in UTF-8, a `.markdown` file,
// a misspelt field), and what the schemas say (src/_config/content/schemas.ts).
// Problems the build can go on with (an unknown author or field) are only
// reported, so that the same run also finds broken links; the rest stop the
// build here.
const FRONT_MATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;
const utf8 = new TextDecoder("utf-8", { fatal: true });

type Kind = keyof typeof CONTENT_FOLDERS | "page";

/** A post's address and key, for the checks across files. */
interface PostEntry {
  inputPath: string;
  file: string;
  lang: Lang;
  address: string;
  /** The field the address comes from: `title`, or `slug`. */
  addressField: string;
  date: number;
  key?: string;
}

interface FileResult {
  fatal: Problem[];
  deferred: Problem[];
  post?: PostEntry;
}

const problem = (file: string, line: number, title: string, message: string): Problem => ({ file, line, title, message, severity: "error" });

const AUTHOR_TITLES = { missing: "Missing author", unknown: "Unknown author", twice: "Author named twice" } as const;

const GUIDE: Record<Kind, string> = {
  blog: 'see "Add a blog post" in CONTRIBUTING.md',
  roles: 'see "Add a role" in CONTRIBUTING.md',
  page: "see CONTRIBUTING.md",
};

/** The text of a file that must be UTF-8, or the problem with its encoding. */
function decode(file: string, bytes: Buffer): string | Problem {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    // Fall through: say what the file is instead.
  }
  if (bytes.includes(0)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    return problem(
      file,
      1,
      utf16 ? "Not UTF-8" : "Not a text file",
      utf16
        ? "the file is saved as UTF-16, and the site reads UTF-8. Save it again with the encoding UTF-8 (in VS Code: “Save with Encoding”, then “UTF-8”)."
        : "the file is not text (it may be a word-processor document renamed .md). Copy its text into a new Markdown file, saved as UTF-8.",
    );
  }
  const lines: Buffer[] = [];
  for (let start = 0; start <= bytes.length; ) {
    const end = bytes.indexOf(0x0a, start);
    lines.push(bytes.subarray(start, end === -1 ? bytes.length : end));
    start = end === -1 ? bytes.length + 1 : end + 1;
  }
  const index = lines.findIndex((line) => {
    try {
      utf8.decode(line);
      return false;
    } catch {
      return true;
    }
  });
  // Most often Windows-1252, which Word and Notepad used to save by default.
  const words = new TextDecoder("windows-1252").decode(lines[index]).split(/\s+/);
  const word = words.find((w) => /[^\x00-\x7f]/.test(w));
  return problem(
    file,
    index + 1,
    "Not UTF-8",
    `the file is not saved as UTF-8, so the site would show “�” in place of its accented letters${word ? ` (here: ${word})` : ""}. ` +
      "Save the file again with the encoding UTF-8 (in VS Code: “Save with Encoding”, then “UTF-8”; in Notepad: “Save as”, Encoding “UTF-8”).",
  );
}

/** The line (counting from 1) after which an unclosed front matter seems to end. */
function lastFieldLine(lines: string[]): number {
  let last = 1;
  for (let i = 1; i < lines.length && /^([\w'"-]+\s*:|\s+\S|-\s)/.test(lines[i]!); i++) last = i + 1;
  return last;
}

function yamlProblem(file: string, source: string, error: yaml.YAMLException): Problem {
  // The YAML starts on the file's second line. An unclosed quote is only
  // noticed at the end of the front matter: point at the line that opened it.
  const lines = source.split("\n");
  const yamlLines = lines.slice(1);
  const unclosed = /quoted scalar/.test(error.reason) ? yamlLines.findIndex((l) => /:\s*(['"])(?!.*\1\s*$)/.test(l)) : -1;
  const line = (unclosed >= 0 ? unclosed : error.mark.line) + 2;
  const duplicate = /duplicated mapping key/.test(error.reason) ? /^(['"]?)([^:'"]+)\1\s*:/.exec(lines[line - 1] ?? "")?.[2] : undefined;
  if (duplicate) {
    return problem(
      file,
      line,
      "Field written twice",
      `the front matter is not valid YAML at line ${line}: the field \`${duplicate}\` is written twice (lines ${fieldLine(source, duplicate)} and ${line}). Keep one of them.`,
    );
  }
  const reason = unclosed >= 0 ? "a quote opened on this line is never closed" : error.reason;
  const tab = (lines[line - 1] ?? "").includes("\t") ? " This line has a tab: indent with spaces." : "";
  return problem(
    file,
    line,
    "Front matter is not valid YAML",
    `the front matter is not valid YAML at line ${line}: ${reason}. Check the quotes, colons and indentation on that line.${tab} Text with a colon in it needs quotes.`,
  );
}

/** Checks one Markdown file; `kind` is its content folder (`page` outside them). */
export function checkContentFile(inputPath: string, bytes: Buffer, kind: Kind, lang: Lang): FileResult {
  const file = relative(inputPath);
  const result: FileResult = { fatal: [], deferred: [] };
  const text = decode(file, bytes);
  if (typeof text !== "string") return { ...result, fatal: [text] };

  if (text.trim() === "") {
    result.fatal.push(problem(file, 1, "Empty file", `the file is empty. Write its front matter and text (${GUIDE[kind]}), or delete the file.`));
    return result;
  }
  const language = /^---[ \t]*([^\s-][^\r\n]*?)[ \t]*\r?$/m.exec(text.split("\n", 1)[0]!)?.[1];
  if (language !== undefined) {
    result.fatal.push(
      problem(
        file,
        1,
        "Front matter is YAML only",
        `the front matter is marked as '${language}', and front matter here is YAML only (fields written \`name: value\`): ` +
          "other kinds can run code when the site is built. Make the first line three dashes alone (---), and write the fields in YAML.",
      ),
    );
    return result;
  }
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    const lines = text.split("\n");
    const opening = lines.findIndex((l) => /^---\s*$/.test(l));
    const message =
      opening === 0
        ? `the front matter opened on line 1 is never closed. Add a line of three dashes (---) after its last field, line ${lastFieldLine(lines)}.`
        : opening > 0
          ? `the front matter must start on the file's first line, and here it starts on line ${opening + 1}. Remove what is above it.`
          : `the file has no front matter. Its first line must be three dashes (---), then the fields (layout, title, …), then another line of three dashes (${GUIDE[kind]}).`;
    result.fatal.push(problem(file, Math.max(opening + 1, 1), opening === 0 ? "Front matter not closed" : "No front matter", message));
    return result;
  }

  let loaded: unknown;
  try {
    loaded = yaml.load(match[1] ?? "");
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    result.fatal.push(yamlProblem(file, text, error));
    return result;
  }
  // Size, aliases and prototype keys, before Eleventy reads the data.
  const shape = yamlShapeProblems(match[1] ?? "");
  if (shape.length) {
    result.fatal.push(...shape.map((p) => problem(file, p.line + 1, p.title, p.message)));
    return result;
  }
  if (loaded !== null && loaded !== undefined && (typeof loaded !== "object" || Array.isArray(loaded))) {
    result.fatal.push(problem(file, 2, "Front matter is not fields", "the front matter must be fields, one per line, written `name: value` (e.g. title: Our first year)."));
    return result;
  }
  const data = (loaded ?? {}) as Record<string, unknown>;
  const line = (field: string) => fieldLine(text, field) ?? 1;
  const handled = new Set<string>();

  const { layout, date } = data;
  if (layout !== undefined && !LAYOUTS.includes(layout as (typeof LAYOUTS)[number])) {
    handled.add("layout");
    result.fatal.push(
      problem(file, line("layout"), "Unknown layout", `\`layout\`: unknown layout '${String(layout)}'${didYouMean(String(layout), LAYOUTS) || "."} Layouts: ${LAYOUTS.join(", ")}.`),
    );
  }
  if (date !== undefined && !(date instanceof Date) && Number.isNaN(new Date(String(date)).getTime())) {
    handled.add("date");
    result.fatal.push(problem(file, line("date"), "Not a date", `\`date\`: expected a date such as 2019-07-23, found '${String(date)}'.`));
  }
  // YAML turns 2024-02-30 into March 1 without a word.
  const written = /^date\s*:\s*(\d{4}-\d{2}-\d{2})\s*$/m.exec(match[1] ?? "")?.[1];
  if (written && date instanceof Date && date.toISOString().slice(0, 10) !== written) {
    handled.add("date");
    result.fatal.push(problem(file, line("date"), "Not a date", `\`date\`: ${written} is not a day of the calendar. Write the real date, as year-month-day.`));
  }

  // A post's `author` gets its own messages below.
  if (kind === "blog") handled.add("author");
  const { schema, what } = kind === "page" ? { schema: pageSchema, what: "pages" } : CONTENT_FOLDERS[kind];
  for (const found of frontMatterProblems(schema, data, inputPath, { source: text, strict: what ? { what } : undefined, skip: handled })) {
    (found.title === "Unknown field" ? result.deferred : result.fatal).push(found);
  }
  if (kind !== "blog") return result;

  for (const { kind: found, name, message } of authorProblems(data.author)) {
    // A name written twice in a YAML list: the line of its second item.
    const secondLine = found === "twice" && Array.isArray(data.author) ? linesWith(text, [name!]).filter((n) => n > line("author"))[1] : undefined;
    (found === "unknown" ? result.deferred : result.fatal).push(problem(file, secondLine ?? line("author"), AUTHOR_TITLES[found], message));
  }
  for (const field of ["image", "thumb"]) {
    const value = data[field];
    if (typeof value !== "string" || value === "") continue;
    const message = imageProblem(value); // remembered per path until the next save (images.ts)
    if (message) result.fatal.push(problem(file, line(field), "Image", `\`${field}\`: ${message}`));
  }

  const { title, slug, translationKey } = data;
  if (typeof title !== "string" || (slug !== undefined && typeof slug !== "string")) return result;
  const slugOfTitle = titleSlug(title);
  if (slug === undefined && slugOfTitle === "") {
    const suggested = slugify(path.basename(file, ".md")) || "our-news";
    result.fatal.push(
      problem(
        file,
        line("title"),
        "No address for this title",
        (/\p{L}/u.test(title)
          ? `the title '${title}' has letters, but none in a–z (it may be in syllabics, Cyrillic or Chinese), and web addresses are made of a–z, digits and hyphens. `
          : `the title '${title}' has no letter or digit, so no web address can be made from it. `) +
          `Add a line such as \`slug: ${suggested}\` to the front matter (lowercase letters, digits and hyphens): the post will be at ${sectionUrl("blog", lang)}${suggested}/.`,
      ),
    );
    return result;
  }
  result.post = {
    inputPath,
    file,
    lang,
    address: `${sectionUrl("blog", lang)}${slug ?? slugOfTitle}/`,
    addressField: slug === undefined ? "title" : "slug",
    date: date instanceof Date ? date.getTime() : 0,
    key: typeof translationKey === "string" ? translationKey : undefined,
  };
  return result;
}

/** Two posts at one address, or one translation key used twice in a language: reported on the newer post. */
function clashes(posts: PostEntry[]): Problem[] {
  const problems: Problem[] = [];
  // Read again only for a clash: most builds have none.
  const line = (post: PostEntry, field: string) => fieldLine(readSource(post.inputPath), field) ?? 1;
  const oldestFirst = [...posts].sort((a, b) => a.date - b.date || (a.file < b.file ? -1 : 1));
  const claimed = new Map<string, PostEntry>();
  for (const post of oldestFirst) {
    const earlier = claimed.get(`address ${post.address}`);
    if (earlier) {
      problems.push(
        problem(
          post.file,
          line(post, post.addressField),
          "Same address as another post",
          `this post would be published at ${post.address}, the address of ${earlier.file}: two posts cannot have the same address (it is made from the title). ` +
            "Give this post another title, or a line such as `slug: " + `${post.address.split("/").at(-2)}-2\` with an address of its own.`,
        ),
      );
    } else claimed.set(`address ${post.address}`, post);
    if (!post.key) continue;
    const owner = claimed.get(`key ${post.lang} ${post.key}`);
    if (owner) {
      problems.push(
        problem(
          post.file,
          line(post, "translationKey"),
          "Translation key already used",
          `\`translationKey\`: '${post.key}' is already used by ${owner.file}, in the same language. ` +
            "Each page has its own key, shared only with its translation: change one of them.",
        ),
      );
    } else claimed.set(`key ${post.lang} ${post.key}`, post);
  }
  return problems;
}

const MARKDOWN_LIKE = /\.(md|markdown|mdown|mkdn?|mdx|txt|text)$/i;
const IMAGE_LIKE = /\.(jpe?g|png|gif|webp|avif|heic|svg|tiff?)$/i;

/** A file in a content folder that Eleventy would leave out of the site without a word. */
function strayFile(file: string): Problem | undefined {
  const name = path.basename(file);
  if (name.startsWith(".") || name.endsWith(".md") || /\.11tydata\.(ts|js|json)$/.test(name)) return undefined;
  const folder = path.dirname(file);
  const base = name.replace(/(\.[^.]+)+$/, "");
  if (MARKDOWN_LIKE.test(name) || !name.includes(".")) {
    return problem(file, 1, "Not read by the site", `the site only reads files whose names end in .md (in lowercase), so this one would be left out without a word. Rename it to ${folder}/${base}.md.`);
  }
  if (IMAGE_LIKE.test(name)) {
    return problem(file, 1, "Image in a content folder", `images go under src/img/, not with the posts and pages. Move it to src/img/cds/${name} and refer to it as /img/cds/${name}.`);
  }
  return problem(file, 1, "Not read by the site", `${folder}/ holds Markdown files (.md) only, and the site would leave this one out without a word. Save its text as ${folder}/${base}.md, or move it elsewhere.`);
}

/**
 * Checks every content file under `inputDir`: throws with every file's problems, or reports the ones the build can go on with.
 * `unchanged` holds the results of files not changed since they were checked (during `npm start`); the checks across files always run.
 */
export function checkContent(inputDir: string, unchanged?: Map<string, FileResult>): void {
  const fatal: Problem[] = [];
  const deferred: Problem[] = [];
  const posts: PostEntry[] = [];
  for (const entry of readdirSync(inputDir, { recursive: true, withFileTypes: true })) {
    // A symbolic link would publish whatever it points to, .git/config included.
    if (entry.isSymbolicLink()) {
      fatal.push(
        problem(
          relative(path.join(entry.parentPath, entry.name)),
          1,
          "Link to another file",
          "this is a symbolic link, and the site publishes only files of its own: a link could publish any file of the computer that builds it. Put the file itself here instead.",
        ),
      );
      continue;
    }
    if (!entry.isFile()) continue;
    const inputPath = path.join(entry.parentPath, entry.name);
    const parts = path.relative(inputDir, inputPath).split(path.sep);
    if (parts.some((part) => part.startsWith(".")) || parts[0] === "_includes" || parts[0] === "_data") continue;
    const kind: Kind = parts[0]! in CONTENT_FOLDERS && parts.length > 1 ? (parts[0] as Kind) : "page";
    if (!entry.name.endsWith(".md")) {
      const stray = kind === "page" ? undefined : strayFile(relative(inputPath));
      if (stray) fatal.push(stray);
      continue;
    }
    const lang: Lang = parts.includes("fr") ? "fr" : "en";
    let result = unchanged?.get(path.resolve(inputPath));
    if (!result) {
      result = checkContentFile(inputPath, readFileSync(inputPath), kind, lang);
      unchanged?.set(path.resolve(inputPath), result);
    }
    fatal.push(...result.fatal);
    deferred.push(...result.deferred);
    if (result.post) posts.push(result.post);
  }
  fatal.push(...clashes(posts));
  if (fatal.length) throw ContentError.of([...fatal, ...deferred]);
  report(...deferred);
}

export default function frontMatter(eleventyConfig: UserConfig): void {
  // Eleventy's own front-matter reader: YAML through the same loader, and no
  // other language (its `javascript` engine runs the front matter as code).
  const refused = Object.fromEntries(["javascript", "js", "jsLegacy", "json", "node", "coffee", "toml"].map((name) => [name, () => refuseLanguage(name)]));
  eleventyConfig.setFrontMatterParsingOptions({ engines: { ...refused, yaml: loadFrontMatter } });
  // During `npm start`, a save of Markdown files checks those files again and
  // keeps the other files' results (reading and checking 4,000 posts on every
  // save took about 0.3 s). Any other save (data, an image, a layout) can
  // change what a file's check finds: every file is checked again.
  const watch = isWatching();
  const results = new Map<string, FileResult>();
  eleventyConfig.on("eleventy.beforeWatch", (changed: string[]) => {
    if (!changed.every((file) => file.endsWith(".md"))) results.clear();
    // Deleted and renamed files too: a missing file is simply not read again.
    for (const file of changed) results.delete(path.resolve(file));
  });
  eleventyConfig.on("eleventy.before", ({ directories }: { directories: { input: string } }) => {
    checkContent(directories.input, watch ? results : undefined);
  });
}
