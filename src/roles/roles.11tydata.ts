import { roleOf } from "../_config/content/content-data.ts";
import { validateRole } from "../_config/content/schemas.ts";
import { sectionUrl } from "../_config/urls/urls.ts";
import type { Lang, Role } from "../_config/types.ts";

// Role pages are English here and French in fr/. Their role, URL and
// translation key come from src/_data/roles.ts, matched by file name.
export default {
  lang: "en",
  // The computed permalink is a finished URL: no need to render it as a template.
  dynamicPermalink: false,
  eleventyDataSchema: validateRole,
  eleventyComputed: {
    role: roleOf,
    translationKey: (data: { role?: Role }) => `role:${data.role?.key}`,
    description: (data: { role?: Role; lang: Lang }) => data.role?.summary?.[data.lang],
    permalink: (data: { lang: Lang; page: { fileSlug: string } }) => `${sectionUrl("roles", data.lang)}${data.page.fileSlug}/`,
  },
};
