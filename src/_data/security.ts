// The Content-Security-Policy and Referrer-Policy of every page: sent as
// headers by static hosts that read src/_headers, and repeated in a
// <meta http-equiv> for hosts that don't. No inline script, no other origin.
const directives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];

// The content editor at /admin/ only (Decap CMS, src/_config/editors/cms.ts): Decap
// compiles its configuration's schema at run time ('unsafe-eval') and styles
// its interface with injected <style> elements ('unsafe-inline'). The rest of
// the site keeps the strict policy above. `connect` and `img` add the backend's
// origins: decap-server locally, GitHub in production.
function adminCsp({ connect = [], img = [] }: { connect?: string[]; img?: string[] }): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...img].join(" "),
    "font-src 'self' data:",
    ["connect-src 'self'", ...connect].join(" "),
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

export default {
  csp: directives.join("; "),
  referrerPolicy: "strict-origin-when-cross-origin",
  adminCsp,
};
