import { readFileSync } from "node:fs";
import { PurgeCSS } from "purgecss";
import { transform } from "lightningcss";

// One stylesheet: the GC Design System's tokens (@gcds-core/tokens) as custom
// properties, the GCDS fonts (@gcds-core/fonts), and the site's own rules in
// src/assets/site.css, which use the tokens through var(--gcds-…).
// PurgeCSS then drops every token and rule that no template uses, and
// lightningcss minifies what is left. See docs/design.md.
const TOKENS = "node_modules/@gcds-core/tokens/build/web/css/global.css";
const SITE = "src/assets/site.css";

/** Where class names and tokens can be used: templates, content, and code that writes HTML. */
// Posts are left out: elements only Markdown writes are kept by the ignore
// blocks in site.css, so the stylesheet does not change with a post's wording.
export const CONTENT_GLOBS = ["src/**/*.njk", "src/roles/**/*.md", "src/_config/**/*.ts", "src/assets/*.js"];

const FONTS = `
@font-face { font-family: "Lato"; font-style: normal; font-weight: 700; font-display: swap; src: url("fonts/gcds-lato.woff2") format("woff2"); }
@font-face { font-family: "Noto Sans"; font-style: normal; font-weight: 400; font-display: swap; src: url("fonts/gcds-noto-sans-regular.woff2") format("woff2"); }
@font-face { font-family: "Noto Sans"; font-style: normal; font-weight: 700; font-display: swap; src: url("fonts/gcds-noto-sans-bold.woff2") format("woff2"); }
`;

export async function buildStylesheet(): Promise<string> {
  const source = FONTS + readFileSync(TOKENS, "utf8") + readFileSync(SITE, "utf8");
  const [purged] = await new PurgeCSS().purge({
    content: CONTENT_GLOBS,
    css: [{ raw: source }],
    variables: true,
    fontFace: false,
    // States and elements that only exist at run time or inside content.
    safelist: { standard: [/^token/, /^language-/, /^is-/], greedy: [/:target/, /:has/] },
  });
  const { code } = transform({
    filename: "site.css",
    code: Buffer.from(purged!.css),
    minify: true,
  });
  return code.toString();
}
