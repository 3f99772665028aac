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

export default {
  csp: directives.join("; "),
  referrerPolicy: "strict-origin-when-cross-origin",
};
