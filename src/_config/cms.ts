import { existsSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import { ContentError } from "./content-error.ts";
import { cmsConfig, cmsConfigured, cmsEnvironment, githubConfigured } from "./cms-config.ts";
import { languages } from "./types.ts";
import { deepFreeze } from "./freeze.ts";
import authors from "../_data/authors.ts";
import security from "../_data/security.ts";
import site from "../_data/site.ts";

/**
 * Decap's bundle, in cms/, a package of its own that only the editor's users
 * install (scripts/optional-packages.ts): not in the site's own node_modules.
 */
export const DECAP_DIST = "cms/node_modules/decap-cms/dist";

// The content editor at /admin/ (Decap CMS; editors' guide in docs/cms.md):
// Decap's bundle copied from cms/node_modules when the editor is configured
// (never committed, never from a CDN), its configuration generated from the
// schemas and data (cms-config.ts), and the policy the admin page needs.
export default function cms(eleventyConfig: UserConfig): void {
  // Unconfigured, /admin/ only says so and loads no Decap: the build needs none.
  if (cmsConfigured(cmsEnvironment())) {
    if (!existsSync(`${DECAP_DIST}/decap-cms.js`)) {
      // On cms/package.json, the package to install: printed on its line like any content problem.
      throw new ContentError(
        "cms/package.json",
        "the content editor is configured (CMS_GITHUB_REPO and CMS_OAUTH_URL, or CMS_LOCAL_BACKEND), " +
          `but Decap CMS is not installed: ${DECAP_DIST}/decap-cms.js is missing. ` +
          "Install it with `npm ci --prefix cms` (the deploy does when CMS_GITHUB_REPO is set), " +
          "or build without those variables for a site whose /admin/ says the editor is not set up.",
        { title: "Decap CMS is not installed" },
      );
    }
    // decap-cms.js loads its chunks (N.decap-cms.js) from beside itself. Not the
    // source maps or the duplicate cms.js build: 6 MB instead of 66.
    eleventyConfig.addPassthroughCopy({ [`${DECAP_DIST}/*decap-cms.js`]: "admin" });
  }
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
