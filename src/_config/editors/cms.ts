import { existsSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import { build, context, type BuildContext, type BuildOptions, type BuildResult, type Plugin } from "esbuild";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { ContentError } from "../problems/content-error.ts";
import { cmsConfig, cmsConfigured, cmsEnvironment, githubConfigured } from "./cms-config.ts";
import { languages } from "../types.ts";
import { deepFreeze } from "../build/freeze.ts";
import { isWatching } from "../build/run-mode.ts";
import authors from "../../_data/authors.ts";
import security from "../../_data/security.ts";
import site from "../../_data/site.ts";

/**
 * Decap's bundle, in cms/, a package of its own that only the editor's users
 * install (scripts/optional-packages.ts): not in the site's own node_modules.
 */
const DECAP_DIST = "cms/node_modules/decap-cms/dist";

// The content editor at /admin/ (Decap CMS; editors' guide in docs/cms.md):
// Decap's bundle copied from cms/node_modules when the editor is configured
// (never committed, never from a CDN), its configuration generated from the
// schemas and data (cms-config.ts), and the policy the admin page needs.
export default function cms(eleventyConfig: UserConfig): void {
  // Unconfigured, /admin/ only says so and loads no Decap: the build needs none.
  const configured = cmsConfigured(cmsEnvironment());
  if (configured) {
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
  eleventyConfig.addPassthroughCopy({ "src/assets/admin.css": "admin/admin.css" }); // the editor on a phone

  eleventyConfig.addGlobalData("cms", () => {
    const env = cmsEnvironment();
    const origin = (url: string | undefined) => (url ? new URL(url).origin : undefined);
    const github = githubConfigured(env);
    return deepFreeze({
      configured,
      github,
      configs: Object.fromEntries(languages.map((lang) => [lang, cmsConfig(lang, env, authors, site.url)])),
      csp: security.adminCsp({
        // decap-server locally; GitHub's API and the signed-in editor's avatar in production.
        connect: [origin(env.localBackend), github ? "https://api.github.com" : undefined].filter((o): o is string => Boolean(o)),
        img: github ? ["https://avatars.githubusercontent.com", "https://raw.githubusercontent.com"] : [],
      }),
    });
  });
  // The preview pane: the site's layouts and Markdown, bundled for the browser
  // (src/_config/editors/cms-preview.ts). During `npm start` and `npm run cms`, esbuild
  // keeps its context and rebuilds only what a save changed; a build bundles
  // once and lets esbuild's process end with it.
  const watching = isWatching();
  let bundler: Promise<BuildContext> | undefined;
  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (!configured) return;
    let bundled: BuildResult;
    if (watching) {
      bundler ??= context(previewBundle);
      bundled = await (await bundler).rebuild();
    } else {
      bundled = await build(previewBundle);
    }
    await mkdir(path.join(directories.output, "admin"), { recursive: true });
    await writeFile(path.join(directories.output, "admin", "preview.js"), bundled.outputFiles![0]!.contents);
  });
  // JSON inside <script type="application/json">: "</script>" must not end the element.
  eleventyConfig.addFilter("jsonScript", (value: unknown) => JSON.stringify(value).replace(/</g, "\\u003c"));
}

// The build's modules import node:fs and node:path for their error messages
// (the file, the line): in the editor there are no files, so reading one
// finds nothing and a path is kept as written.
const nodeShims: Plugin = {
  name: "node-shims",
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: "node-shim" }));
    build.onLoad({ filter: /.*/, namespace: "node-shim" }, (args) => ({
      contents:
        args.path === "node:path"
          ? "module.exports = { relative: (from, to) => to, resolve: (...parts) => parts[parts.length - 1], join: (...parts) => parts.join('/'), sep: '/' };"
          : `module.exports = new Proxy({}, { get: (_, name) => () => { throw new Error("${args.path} " + String(name) + ": not in the browser"); } });`,
      loader: "js",
    }));
  },
};

const previewBundle: BuildOptions & { write: false } = {
  entryPoints: ["src/assets/cms-preview.ts"],
  bundle: true,
  write: false,
  outfile: "preview.js",
  format: "iife",
  platform: "browser",
  target: "es2022",
  minify: true,
  legalComments: "none",
  loader: { ".njk": "text" },
  // Nunjucks' own browser build: its Node entry point reads templates from disk.
  alias: { nunjucks: "nunjucks/browser/nunjucks.js" },
  banner: { js: 'var process = { env: {}, cwd: () => "" };' },
  plugins: [nodeShims],
  logLevel: "silent",
};
