import type { UserConfig } from "@11ty/eleventy";
import syntaxHighlight from "@11ty/eleventy-plugin-syntaxhighlight";
import rss from "@11ty/eleventy-plugin-rss";
import problems from "./src/_config/problems/problems.ts";
import templateMapIndex from "./src/_config/build/template-map-index.ts";
import tsData from "./src/_config/build/ts-data.ts";
import gitDates from "./src/_config/build/git-dates.ts";
import { pathPrefix } from "./src/_config/urls/paths.ts";
import { clearSlugMemo } from "./src/_config/urls/slugify.ts";
import images, { imageProblem } from "./src/_config/assets/images.ts";
import assets from "./src/_config/assets/assets.ts";
import seo from "./src/_config/assets/seo.ts";
import socialCards from "./src/_config/assets/social-cards.ts";
import frontMatter from "./src/_config/content/front-matter.ts";
import blog from "./src/_config/content/blog.ts";
import linkCheck from "./src/_config/content/link-check.ts";
import inclusiveLanguage from "./src/_config/content/inclusive-language.ts";
import markdown from "./src/_config/markdown/markdown.ts";
import notesReport from "./src/_config/markdown/notes.ts";
import i18n from "./src/_config/languages/i18n.ts";
import translationPreview from "./src/_config/languages/translation-preview.ts";
import preview from "./src/_config/editors/preview.ts";
import cms from "./src/_config/editors/cms.ts";
import incremental from "./src/_config/dev-server/incremental.ts";
import deletes from "./src/_config/dev-server/deletes.ts";
import fastRender from "./src/_config/dev-server/fast-render.ts";

// The map of the build: one line per concern, each a local plugin in src/_config/,
// whose folders are imported above from the bottom up (docs/design.md, "The map").
// Production (`npm run build`) strips editorial notes and drafts; previews
// (`npm start`, `npm run build:preview`) show them.
export default function (eleventyConfig: UserConfig) {
  const production = process.env.ELEVENTY_ENV === "production";
  const noteMode = production ? "strip" : "show";

  eleventyConfig.addPlugin(templateMapIndex); // Eleventy 4's page lookup by path, backported
  eleventyConfig.addPlugin(tsData); // src/_data/*.ts and *.11tydata.ts
  eleventyConfig.addPlugin(frontMatter); // every content file checked first: encoding, front matter, fields, images, addresses
  eleventyConfig.addPlugin(markdown, { noteMode, imageProblem }); // markdown-it held to content rules, heading ids, notes, role levels
  eleventyConfig.addPlugin(notesReport, { noteMode }); // warn of each note a production build removes, on its line
  eleventyConfig.addPlugin(syntaxHighlight); // Prism, themed in src/assets/site.css
  eleventyConfig.addPlugin(i18n); // English/French twins, dates, strings
  eleventyConfig.addPlugin(blog, { production }); // posts, authors, drafts
  eleventyConfig.addPlugin(rss); // feed date filters, and the HTML base plugin for PATH_PREFIX
  eleventyConfig.addPlugin(images); // hero images and thumbnails
  eleventyConfig.addPlugin(assets); // stylesheet, script, images, fonts
  eleventyConfig.addPlugin(seo); // absolute URLs, social cards, JSON-LD
  eleventyConfig.addPlugin(socialCards); // og:image: a card made for each page without a picture, or the post's hero
  eleventyConfig.addPlugin(gitDates); // "Date modified" from git history
  eleventyConfig.addPlugin(preview); // previews: noindex, banner, PR number; build errors in npm start
  eleventyConfig.addPlugin(linkCheck, { enabled: production }); // every internal link and #anchor resolves
  eleventyConfig.addPlugin(translationPreview, { enabled: !production }); // previews: translation status page, out-of-date notices
  eleventyConfig.addPlugin(incremental, { showsContent: ["src/pages/feed.njk"] }); // what a save in npm start renders again
  eleventyConfig.addPlugin(deletes); // npm start: a delete or rename rebuilds, and pages no longer written leave the output (Eleventy 3)
  // FAST_RENDER=1 npm start: a body save writes the page first, Eleventy's incremental build after (a prototype)
  eleventyConfig.addPlugin(fastRender, { enabled: !production && process.env.FAST_RENDER === "1" });
  if (process.env.ELEVENTY_CHECK) eleventyConfig.addPlugin(inclusiveLanguage); // warnings on their lines, in npm run check
  eleventyConfig.addPlugin(cms); // the content editor at /admin/ (Decap CMS), configured from the schemas
  eleventyConfig.on("eleventy.after", clearSlugMemo);
  eleventyConfig.addPlugin(problems); // last: fails the build with every error reported above, each on its line

  return {
    dir: { input: "src", includes: "_includes", data: "_data", output: "_site" },
    // Content is data: Markdown goes through markdown-it alone, never a
    // template engine (src/_config/markdown/content-rules.ts).
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
    pathPrefix,
  };
}
