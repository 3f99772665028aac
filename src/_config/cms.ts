import type { UserConfig } from "@11ty/eleventy";
import { cmsConfig, cmsConfigured, cmsEnvironment, githubConfigured } from "./cms-config.ts";
import { languages } from "./types.ts";
import { deepFreeze } from "./freeze.ts";
import authors from "../_data/authors.ts";
import security from "../_data/security.ts";
import site from "../_data/site.ts";

// The content editor at /admin/ (Decap CMS; editors' guide in docs/cms.md):
// Decap's bundle copied from node_modules at every build (never committed,
// never from a CDN), its configuration generated from the schemas and data
// (cms-config.ts), and the policy the admin page needs.
export default function cms(eleventyConfig: UserConfig): void {
  // decap-cms.js loads its chunks (N.decap-cms.js) from beside itself. Not the
  // source maps or the duplicate cms.js build: 6 MB instead of 66.
  eleventyConfig.addPassthroughCopy({ "node_modules/decap-cms/dist/*decap-cms.js": "admin" });
  eleventyConfig.addPassthroughCopy({ "src/assets/admin.js": "admin/admin.js" });

  eleventyConfig.addGlobalData("cms", () => {
    const env = cmsEnvironment();
    const origin = (url: string | undefined) => (url ? new URL(url).origin : undefined);
    const github = githubConfigured(env);
    return deepFreeze({
      configured: cmsConfigured(env),
      github,
      configs: Object.fromEntries(languages.map((lang) => [lang, cmsConfig(lang, env, authors, site.url)])),
      csp: security.adminCsp({
        // decap-server locally; GitHub's API and the signed-in editor's avatar in production.
        connect: [origin(env.localBackend), github ? "https://api.github.com" : undefined].filter((o): o is string => Boolean(o)),
        img: github ? ["https://avatars.githubusercontent.com", "https://raw.githubusercontent.com"] : [],
      }),
    });
  });
  // JSON inside <script type="application/json">: "</script>" must not end the element.
  eleventyConfig.addFilter("jsonScript", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));
}
