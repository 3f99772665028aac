import type { UserConfig } from "@11ty/eleventy";
import path from "node:path";
import { formatDate, isoDate, fill } from "./i18n.ts";
import { strings } from "../urls/urls.ts";
import { translationStatus, type Change, type PairStatus, type Status, type UnitStatus } from "./translation-status.ts";
import { languages, type Lang } from "../types.ts";
import site from "../../_data/site.ts";
import roles from "../../_data/roles.ts";

// Previews only: the translation status page (/en/translation-status/,
// /fr/etat-des-traductions/) and, at the top of a page or level whose twin
// changed after it, a notice saying so. Production registers nothing here, so
// its output is the same whatever the status.

let memo: PairStatus[] | undefined;
function statuses(): PairStatus[] {
  memo ??= translationStatus(process.cwd(), roles);
  return memo;
}

/** The status page's URL in a language. */
export function statusPageUrl(lang: Lang): string {
  return `/${lang}/${strings[lang].translationStatusSlug}/`;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const clean = (inputPath: string) => path.normalize(inputPath).replace(/^\.\//, "");

/** One row of the status table: a post, a role page, or one level of a role. */
export interface StatusRow {
  title: Partial<Record<Lang, string>>;
  /** The role's title, on a level's row. */
  parent?: Partial<Record<Lang, string>>;
  level?: string;
  versions: Partial<Record<Lang, { url?: string; file: string }>>;
  status: Status;
  lang?: Lang;
  since?: Change;
  compare?: { from: string; to: string };
  reason?: UnitStatus["reason"];
}

/** The status table's rows, with each version's URL from the build's pages, and how many pairs have each status. */
export function statusTable(all: ReadonlyArray<{ inputPath: string; url: string | false }>): { rows: StatusRow[]; counts: Record<Status | "pairs", number> } {
  const counts = { pairs: 0, outdated: 0, missing: 0, unknown: 0, current: 0 };
  const urls = new Map(all.filter((item) => item.url).map((item) => [clean(item.inputPath), item.url as string]));
  const rows: StatusRow[] = [];
  for (const pair of statuses()) {
    const versions = (fragment = "") =>
      Object.fromEntries(
        languages.filter((l) => pair.files[l]).map((l) => {
          const url = urls.get(pair.files[l]!);
          return [l, { file: pair.files[l]!, url: url && url + fragment }];
        }),
      );
    counts.pairs++;
    counts[pair.status]++;
    const unit = pair.kind === "role" ? pair.page : pair;
    rows.push({ title: pair.titles, versions: versions(), ...pick(unit) });
    for (const level of pair.levels) {
      rows.push({ title: level.titles, parent: pair.titles, level: level.id, versions: versions(`#${level.id}`), ...pick(level) });
    }
  }
  return { rows, counts };
}

const pick = ({ status, lang, since, compare, reason }: UnitStatus) => ({ status, lang, since, compare, reason });

/** The notice that a version's twin changed after it: in the page's language. */
export function noticeHtml(unit: UnitStatus, lang: Lang, scope: "page" | "level"): string {
  const t = strings[lang];
  const twin = lang === "en" ? "fr" : "en";
  const language = twin === "en" ? t.translationVersionEn : t.translationVersionFr;
  const when = `<time datetime="${isoDate(unit.since!.date)}">${escapeHtml(formatDate(unit.since!.date, lang))}</time>`;
  const sentence = fill(escapeHtml(scope === "page" ? t.translationChangedPage : t.translationChangedLevel), { language: escapeHtml(language), date: when });
  const compare = `${site.repository}/compare/${unit.compare!.from}...${unit.compare!.to}`;
  return (
    `<p class="gc-notice" role="note" data-pagefind-ignore>${sentence} ` +
    `<a href="${escapeHtml(compare)}">${escapeHtml(t.translationSeeChanges)}</a> · ` +
    `<a href="${statusPageUrl(lang)}">${escapeHtml(t.translationStatus)}</a></p>`
  );
}

const MAIN = /<main\b[^>]*>/;

/** A built page with its notices: at the top of main if the page's own text is stale, under each stale level's heading. */
export function addNotices(html: string, inputPath: string, lang: Lang): string {
  const file = clean(inputPath);
  const pair = statuses().find((p) => p.files[lang] === file);
  if (!pair) return html;
  let out = html;
  for (const level of pair.levels) {
    if (level.status !== "outdated" || level.lang !== lang || pair.page.status === "outdated") continue;
    const section = out.indexOf(`<section class="level" aria-labelledby="${level.id}">`);
    const after = section === -1 ? -1 : out.indexOf("</div>", section);
    if (after === -1) throw new Error(`translation notice: no level section for #${level.id} in ${file}`);
    out = out.slice(0, after + 6) + noticeHtml(level, lang, "level") + out.slice(after + 6);
  }
  const page = pair.page;
  if (page.status === "outdated" && page.lang === lang) {
    const main = MAIN.exec(out);
    if (!main) throw new Error(`translation notice: no <main> in the page built from ${file}`);
    const at = main.index + main[0].length;
    out = out.slice(0, at) + "\n" + noticeHtml(page, lang, "page") + out.slice(at);
  }
  return out;
}

// The page itself is a virtual template: it does not exist in production.
const STATUS_PAGE_DATA = {
  layout: "base.njk",
  pagination: { data: "languages", size: 1, alias: "lang", addAllPagesToCollections: true },
  translationKey: "translation-status",
  // Made by code, not a file an editor could open.
  editable: false,
  // Previews are not published, but keep the page out of every list all the same.
  sitemapExclude: true,
  eleventyComputed: {
    permalink: (data: { lang: Lang }) => statusPageUrl(data.lang),
    title: (data: { lang: Lang }) => strings[data.lang].translationStatus,
    description: (data: { lang: Lang }) => strings[data.lang].translationStatusIntro,
  },
};

export default function translationPreview(eleventyConfig: UserConfig, options: { enabled: boolean }): void {
  if (!options.enabled) return;
  eleventyConfig.on("eleventy.before", () => {
    memo = undefined;
  });
  eleventyConfig.addFilter("translationStatusTable", statusTable);
  eleventyConfig.addTemplate("translation-status.njk", '{% include "translation-status.njk" %}', STATUS_PAGE_DATA);
  eleventyConfig.addTransform("translation-notices", function (this: { page: { inputPath: string; outputPath: string | false; lang?: string } }, content: string) {
    const { inputPath, outputPath } = this.page;
    if (typeof outputPath !== "string" || !outputPath.endsWith(".html") || !inputPath.endsWith(".md")) return content;
    const lang = (/<html lang="(en|fr)"/.exec(content)?.[1] ?? "en") as Lang;
    return addNotices(content, inputPath, lang);
  });
}
