import type { UserConfig } from "@11ty/eleventy";
import { languages, type Lang } from "../types.ts";
import { sectionUrl } from "../urls/urls.ts";
import { ContentError, relative } from "../problems/content-error.ts";
import { fieldLine, readSource } from "../problems/source-lines.ts";

// English and French twins are paired by `translationKey`. The map from key to
// each language's URL is built once per build from collections.all (the same
// array for every page of a build), not walked from every page.
interface Item {
  url: string | false;
  inputPath: string;
  data: { translationKey?: string; lang?: Lang };
}
const twinMaps = new WeakMap<readonly Item[], Map<string, Partial<Record<Lang, string>>>>();

function twinMap(all: readonly Item[]): Map<string, Partial<Record<Lang, string>>> {
  let map = twinMaps.get(all);
  if (!map) {
    map = new Map();
    const owners = new Map<string, string>(); // "key lang" → the file that claimed it
    for (const item of all) {
      const { translationKey: key, lang } = item.data;
      if (!key || !lang || !item.url) continue;
      const entry = map.get(key) ?? {};
      const owner = owners.get(`${key} ${lang}`);
      if (owner && owner !== item.inputPath) {
        throw new ContentError(
          item.inputPath,
          `\`translationKey\`: '${key}' is already used by ${relative(owner)}, in the same language. ` +
            "Each page has its own key, shared only with its translation: change one of them.",
          { line: fieldLine(readSource(item.inputPath), "translationKey"), title: "Translation key already used" },
        );
      }
      owners.set(`${key} ${lang}`, item.inputPath);
      entry[lang] = item.url;
      map.set(key, entry);
    }
    twinMaps.set(all, map);
  }
  return map;
}

/** The URL of the page with this translation key in `lang`, if there is one. */
export function translationOf(all: readonly Item[], key: string | undefined, lang: Lang): string | undefined {
  return key ? twinMap(all).get(key)?.[lang] : undefined;
}

export function otherLang(lang: Lang): Lang {
  return lang === "en" ? "fr" : "en";
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * `July 23, 2019` / `23 juillet 2019`, in the team's time zone. A date written
 * without a time (`date: 2024-01-10`) is that day as written: YAML reads it as
 * midnight UTC, which is still the evening before in Toronto.
 */
export function formatDate(date: Date | string, lang: Lang): string {
  const day = new Date(date);
  const timeZone = day.getTime() % 86_400_000 === 0 ? "UTC" : "America/Toronto";
  let format = dateFormats.get(`${lang} ${timeZone}`);
  if (!format) {
    format = new Intl.DateTimeFormat(`${lang}-CA`, { dateStyle: "long", timeZone });
    dateFormats.set(`${lang} ${timeZone}`, format);
  }
  return format.format(day);
}

/** `2019-07-23`, for `<time datetime>`. */
export function isoDate(date: Date | string): string {
  return new Date(date).toISOString().slice(0, 10);
}

/** Fills `{name}` placeholders in a dictionary string. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

export default function i18n(eleventyConfig: UserConfig): void {
  const defaultLanguage: Lang = "en";
  // Not Eleventy's I18nPlugin: the site uses none of its filters (twins come
  // from translationOf), and on every build, each save of `npm start`
  // included, it parsed every URL with a general BCP 47 parser for its map of
  // localized URLs (about 1 s of each save at 4,000 posts). `page.lang` comes
  // from the URL's first folder, among the site's known languages.
  eleventyConfig.addGlobalData("eleventyComputed.page.lang", () => (data: { page: { url?: string | false } }) => {
    const first = (data.page.url || "").split("/")[1];
    return languages.find((lang) => lang === first) ?? defaultLanguage;
  });
  eleventyConfig.addGlobalData("languages", [...languages]);
  eleventyConfig.addFilter("translationOf", translationOf);
  eleventyConfig.addFilter("otherLang", otherLang);
  eleventyConfig.addFilter("formatDate", formatDate);
  eleventyConfig.addFilter("isoDate", isoDate);
  eleventyConfig.addFilter("fill", fill);
  eleventyConfig.addFilter("sectionUrl", sectionUrl);
}
