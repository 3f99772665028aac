// Issue 18: the role's name as the page's heading, pages that print and share
// well. (WCAG 2.2 and axe's best practices run with the other browser checks,
// in tests/quality.test.ts.)
import { describe, expect, it } from "vitest";
import roles from "../src/_data/roles.ts";
import { sectionUrl } from "../src/_config/urls.ts";
import { languages } from "../src/_config/types.ts";
import { pageAt, productionSite } from "./support/site.ts";

const rolePages = roles.flatMap((role) => languages.map((lang) => ({ role, lang, url: `${sectionUrl("roles", lang)}${role.slug[lang]}/` })));

describe("a role page's headings", () => {
  it.each(rolePages)("$url: the <h1> is the role's title from roles.ts, after the Careers caption, and no level is skipped", ({ role, lang, url }) => {
    const $ = pageAt(productionSite, url);
    expect($("h1")).toHaveLength(1);
    expect($("main h1").text()).toBe(role.title[lang]);
    expect($("main h1").prev(".caption").text()).toBe(lang === "en" ? "Careers" : "Carrières");
    expect($("main :is(h1, h2, h3, h4, h5, h6)").first().is("h1")).toBe(true);
    const levels = $("h1, h2, h3, h4, h5, h6")
      .map((_, h) => ({ level: Number(h.tagName.slice(1)), text: $(h).text().trim() }))
      .get();
    for (let i = 1; i < levels.length; i++) {
      expect(levels[i]!.level, `"${levels[i]!.text}" (h${levels[i]!.level}) after "${levels[i - 1]!.text}" (h${levels[i - 1]!.level})`).toBeLessThanOrEqual(
        levels[i - 1]!.level + 1,
      );
    }
    // Each level is a section under the title, its heading an h2 that keeps its anchor.
    for (const level of role.levels) expect($(`section.level > .level-heading > h2#${level.id}`), level.id).toHaveLength(1);
    // The Levels navigation follows the title and its introduction.
    const main = $("main").html()!;
    expect(main.indexOf("</h1>")).toBeLessThan(main.indexOf("levels-nav"));
  });
});
