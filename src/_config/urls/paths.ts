// The site can be hosted under a sub-path (PATH_PREFIX=/careers/). Templates
// and content write root-relative URLs (/en/roles/); Eleventy's HTML base
// plugin adds the prefix to every URL in the built HTML. Absolute URLs (feeds,
// canonical links, social cards) are left alone by it, so they use withPrefix.
export const pathPrefix = normalize(process.env.PATH_PREFIX ?? "/");

function normalize(prefix: string): string {
  return `/${prefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
}

/** `/en/` → `/careers/en/` when hosted under /careers/. */
export function withPrefix(sitePath: string): string {
  if (pathPrefix === "/" || !sitePath.startsWith("/")) return sitePath;
  return pathPrefix + sitePath.slice(1);
}
