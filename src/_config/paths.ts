// The site can be hosted under a sub-path (PATH_PREFIX=/careers/). Templates
// use Eleventy's `url` filter; code that writes HTML itself uses withPrefix.
export const pathPrefix = normalize(process.env.PATH_PREFIX ?? "/");

function normalize(prefix: string): string {
  return `/${prefix.replace(/^\/+|\/+$/g, "")}/`.replace(/^\/\/$/, "/");
}

/** `/en/` → `/careers/en/` when hosted under /careers/. */
export function withPrefix(sitePath: string): string {
  if (pathPrefix === "/" || !sitePath.startsWith("/")) return sitePath;
  return pathPrefix + sitePath.slice(1);
}
