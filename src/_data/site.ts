import type { Site } from "../_config/types.ts";

// SITE_URL overrides the absolute URL, e.g. for a staging host.
// ELEVENTY_ENV is set by the npm scripts: `build` is production, `start` and
// `build:preview` are previews that show editorial notes and drafts.
const site: Site = {
  url: (process.env.SITE_URL || "https://careers.digital.canada.ca").replace(/\/+$/, ""),
  repository: process.env.SITE_REPOSITORY || "https://github.com/cds-snc/careers-site",
  branch: process.env.SITE_BRANCH || "main",
  env: process.env.ELEVENTY_ENV === "production" ? "production" : "preview",
  name: {
    en: "Careers at the Canadian Digital Service",
    fr: "Carrières au Service numérique canadien",
  },
};

export default site;
