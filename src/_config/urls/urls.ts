import en from "../../_data/i18n/en.ts";
import fr from "../../_data/i18n/fr.ts";
import type { Lang } from "../types.ts";

/** Each language's dictionary (src/_data/i18n/), for code outside templates. */
export const strings = { en, fr };

/** Section URLs use each language's words: sectionUrl("blog", "fr") is /fr/blogue/. */
export type Section = "home" | "roles" | "blog" | "authors" | "search";
export function sectionUrl(section: Section, lang: Lang): string {
  return section === "home" ? `/${lang}/` : `/${lang}/${strings[lang][`${section}Slug`]}/`;
}
