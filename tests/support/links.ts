// The whole-site check of internal links and fragments: every URL a built page
// points to on the site's own origin must be a file of the build, and every
// #fragment an id (or <a name>) in the page it points to. Each file is parsed
// once. Used by tests/site/quality.test.ts; export-only so `npm run check` can reuse it.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import site from "../../src/_data/site.ts";

export interface LinkProblem {
  /** The page (or feed, sitemap) holding the link, as a site URL: `/en/blog/`. */
  page: string;
  /** The link exactly as written in the page. */
  href: string;
  /** What is wrong with it. */
  problem: string;
}

export interface LinkCheckOptions {
  /** The path prefix the site is built for (PATH_PREFIX), e.g. `/careers/`. Default `/`. */
  prefix?: string;
  /** The site's absolute URL: absolute links to its origin are internal. Default: src/_data/site.ts. */
  siteUrl?: string;
}

/** One URL a file points to, and where it was found (for the report). */
interface Reference {
  raw: string;
  base: URL;
}

interface Scanned {
  ids: Set<string>;
  refs: Reference[];
}

const SKIPPED_SCHEMES = /^(mailto|tel|sms|data|blob|about):/i;
// What a browser fetches or navigates to, per element.
const URL_ATTRIBUTES: Array<[selector: string, attribute: string]> = [
  ["a[href], area[href]", "href"],
  ["link[href]", "href"],
  ["img[src], script[src], iframe[src], embed[src], source[src], track[src], audio[src], video[src], input[type=image][src]", "src"],
  ["video[poster]", "poster"],
  ["use[href]", "href"], // the GC signature and wordmark, drawn from src/img/gc/*.svg#id
  ["object[data]", "data"],
  ["form[action]", "action"],
  ["button[formaction], input[formaction]", "formaction"],
  ["blockquote[cite], q[cite], del[cite], ins[cite]", "cite"],
];
// Absolute URLs in social cards: wrong ones make broken previews, not broken pages, but are links all the same.
const META_URLS = 'meta[property="og:url"], meta[property="og:image"], meta[name="twitter:image"]';

/** The URLs of a srcset: `a.jpg 480w, b.jpg 960w` → [a.jpg, b.jpg]. */
export function srcsetUrls(srcset: string): string[] {
  // After the HTML standard's parser: a URL runs to whitespace; a trailing
  // comma ends the candidate, otherwise descriptors run to the next comma.
  const urls: string[] = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset[i]!)) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset[i]!)) i++;
    let url = srcset.slice(start, i);
    if (url.endsWith(",")) url = url.replace(/,+$/, "");
    else while (i < srcset.length && srcset[i] !== ",") i++;
    if (url) urls.push(url);
  }
  return urls;
}

/** Every file of a build whose links are checked, as site paths (`/en/`, `/404.html`, `/sitemap.xml`). */
function sitePaths(dir: string): string[] {
  const found: string[] = [];
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      if (statSync(path.join(dir, rel)).isDirectory()) walk(rel);
      else if (/\.(html|xml)$/.test(name) || rel === "robots.txt") found.push("/" + rel.replace(/(^|\/)index\.html$/, "$1"));
    }
  };
  walk("");
  return found.sort();
}

function scanHtml(html: string, pageUrl: URL): Scanned {
  const $ = cheerio.load(html);
  const ids = new Set<string>();
  $("[id]").each((_, el) => void ids.add($(el).attr("id")!));
  $("a[name]").each((_, el) => void ids.add($(el).attr("name")!));
  const baseHref = $("base[href]").first().attr("href");
  const base = baseHref ? new URL(baseHref, pageUrl) : pageUrl;
  const refs: Reference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    $(selector).each((_, el) => {
      const value = $(el).attr(attribute)!;
      // link rel=preconnect/dns-prefetch name an origin, not a resource
      if ($(el).is("link") && /\b(preconnect|dns-prefetch)\b/i.test($(el).attr("rel") ?? "")) return;
      // An empty form action submits to the page itself.
      if (attribute === "action" && value.trim() === "") return;
      refs.push({ raw: value, base });
    });
  }
  $("img[srcset], source[srcset]").each((_, el) => {
    for (const url of srcsetUrls($(el).attr("srcset")!)) refs.push({ raw: url, base });
  });
  $('meta[http-equiv="refresh" i]').each((_, el) => {
    const url = /url\s*=\s*['"]?([^'"]+)/i.exec($(el).attr("content") ?? "")?.[1];
    if (url) refs.push({ raw: url.trim(), base });
  });
  $(META_URLS).each((_, el) => void refs.push({ raw: $(el).attr("content") ?? "", base }));
  return { ids, refs };
}

/** Sitemaps and Atom feeds: their URLs, and the links inside a feed's HTML content. */
function scanXml(xml: string, fileUrl: URL): Scanned {
  const $ = cheerio.load(xml, { xml: true });
  const refs: Reference[] = [];
  $("loc").each((_, el) => void refs.push({ raw: $(el).text().trim(), base: fileUrl }));
  $("link[href]").each((_, el) => void refs.push({ raw: $(el).attr("href")!, base: fileUrl }));
  $('content[type="html"], summary[type="html"]').each((_, el) => {
    const entryUrl = $(el).parent().children('link[rel="alternate"]').attr("href");
    const base = entryUrl ? new URL(entryUrl, fileUrl) : fileUrl;
    for (const ref of scanHtml($(el).text(), base).refs) refs.push(ref);
  });
  // The sitemap's xhtml:link alternates
  $("*").each((_, el) => {
    if (el.type === "tag" && el.tagName.endsWith(":link") && $(el).attr("href")) refs.push({ raw: $(el).attr("href")!, base: fileUrl });
  });
  return { ids: new Set(), refs };
}

function scanRobots(text: string, fileUrl: URL): Scanned {
  const refs = [...text.matchAll(/^\s*sitemap:\s*(\S+)/gim)].map((m) => ({ raw: m[1]!, base: fileUrl }));
  return { ids: new Set(), refs };
}

/**
 * Checks every internal link of the build in `dir`. Returns one problem per
 * broken link and page (none when all is well); see formatLinkProblems.
 */
export function checkLinks(dir: string, options: LinkCheckOptions = {}): LinkProblem[] {
  const root = path.resolve(dir);
  const prefix = `/${(options.prefix ?? "/").replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
  const origin = new URL(options.siteUrl ?? site.url).origin;
  const scanned = new Map<string, Scanned>(); // by file path
  const exists = new Map<string, boolean>();

  const urlOf = (sitePath: string) => new URL(prefix + sitePath.slice(1), origin);
  const scan = (file: string, url: URL): Scanned => {
    let result = scanned.get(file);
    if (!result) {
      const text = readFileSync(file, "utf8");
      if (file.endsWith(".html")) result = scanHtml(text, url);
      else if (file.endsWith(".xml")) result = scanXml(text, url);
      else if (file.endsWith(".svg")) result = { ids: scanHtml(text, url).ids, refs: [] };
      else if (file.endsWith("robots.txt")) result = scanRobots(text, url);
      else result = { ids: new Set(), refs: [] };
      scanned.set(file, result);
    }
    return result;
  };
  const isFile = (file: string) => {
    let known = exists.get(file);
    if (known === undefined) {
      known = existsSync(file) && statSync(file).isFile();
      exists.set(file, known);
    }
    return known;
  };

  const problems: LinkProblem[] = [];
  const seen = new Set<string>();
  const report = (page: string, href: string, problem: string) => {
    const key = `${page}\0${href}\0${problem}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ page, href, problem });
    }
  };

  for (const page of sitePaths(root)) {
    const file = path.join(root, page.endsWith("/") ? `${page}index.html` : page);
    for (const { raw, base } of scan(file, urlOf(page)).refs) {
      const href = raw.trim();
      if (href === "" || SKIPPED_SCHEMES.test(href)) continue;
      if (/^javascript:/i.test(href)) {
        report(page, raw, "a javascript: URL (the Content-Security-Policy blocks it, and it does nothing without JavaScript)");
        continue;
      }
      let url: URL;
      try {
        url = new URL(href, base);
      } catch {
        report(page, raw, "not a valid URL");
        continue;
      }
      if (url.origin !== origin) continue; // another site, or a scheme we skip

      let pathname: string;
      try {
        pathname = decodeURIComponent(url.pathname);
      } catch {
        report(page, raw, `bad percent-encoding in ${url.pathname}`);
        continue;
      }
      if (!pathname.startsWith(prefix)) {
        report(page, raw, `points outside the site's path prefix ${prefix} (${pathname}): is the prefix missing?`);
        continue;
      }
      const rel = pathname.slice(prefix.length);
      let target = path.join(root, rel);
      if (!target.startsWith(root)) {
        report(page, raw, `points outside the build (${pathname})`);
        continue;
      }
      if (rel === "" || rel.endsWith("/")) target = path.join(target, "index.html");
      else if (!isFile(target) && isFile(path.join(target, "index.html"))) target = path.join(target, "index.html");
      if (!isFile(target)) {
        report(page, raw, `no such file in the build: ${path.relative(root, target) || rel}`);
        continue;
      }

      const fragment = url.hash.slice(1);
      if (!fragment || fragment.toLowerCase() === "top") continue; // "#" and "#top" go to the top of any page
      if (!/\.(html|svg)$/.test(target)) continue; // fragments of other files (PDF pages, feeds) are not ids
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        id = fragment;
      }
      const targetPage = "/" + path.relative(root, target).split(path.sep).join("/").replace(/(^|\/)index\.html$/, "$1");
      if (!scan(target, urlOf(targetPage)).ids.has(id)) {
        report(page, raw, `no element with id="${id}" (or <a name>) in ${targetPage}`);
      }
    }
  }
  return problems;
}

/** One line per problem: `/en/blog/: "/en/rols/" → no such file in the build: en/rols/index.html`. */
export function formatLinkProblems(problems: LinkProblem[]): string {
  return problems.map((p) => `${p.page}: "${p.href}" → ${p.problem}`).join("\n");
}
