// Static quality gates on built pages: the security policy in each page and in
// _headers, inline scripts and handlers, and the W3C Nu HTML Checker (vnu).
import { execFile } from "node:child_process";
import path from "node:path";
import * as cheerio from "cheerio";
import { ROOT } from "./site.ts";

/** A Content-Security-Policy as directive → source tokens (names lowercased, tokens as written). */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...tokens] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), tokens);
  }
  return directives;
}

// What a strict script-src may allow: its own origin, WebAssembly (Pagefind's
// search index needs it), nonces and hashes. No host allow-lists, no schemes,
// no 'unsafe-inline', no 'unsafe-eval'.
const STRICT_SCRIPT_SOURCE = /^('(self|none|wasm-unsafe-eval|strict-dynamic|report-sample)'|'(nonce|sha256|sha384|sha512)-[A-Za-z0-9+/=_-]+')$/;

/** What is not strict about a policy; none when all is well. */
export function policyProblems(policy: string): string[] {
  const p = parsePolicy(policy);
  const problems: string[] = [];
  if (!p.has("default-src")) problems.push("no default-src");
  for (const directive of ["script-src", "script-src-elem", "script-src-attr"]) {
    const tokens = p.get(directive) ?? (directive === "script-src" ? p.get("default-src") : undefined);
    if (directive === "script-src" && !tokens) problems.push("no script-src (nor default-src): scripts may come from anywhere");
    for (const token of tokens ?? []) {
      if (!STRICT_SCRIPT_SOURCE.test(token)) problems.push(`${directive} allows ${token}`);
    }
  }
  const objects = p.get("object-src") ?? p.get("default-src");
  if (objects?.join(" ") !== "'none'") problems.push(`object-src is ${objects?.join(" ") ?? "missing"}, not 'none'`);
  if (!p.has("base-uri")) problems.push("no base-uri: an injected <base> could send relative scripts elsewhere");
  for (const [directive, tokens] of p) {
    if (tokens.some((t) => t.toLowerCase() === "'unsafe-inline'" || t.toLowerCase() === "'unsafe-eval'")) {
      if (!directive.startsWith("script-src")) problems.push(`${directive} allows ${tokens.join(" ")}`);
    }
  }
  return problems;
}

const REFERRER_POLICIES = [
  "no-referrer",
  "origin",
  "origin-when-cross-origin",
  "same-origin",
  "strict-origin",
  "strict-origin-when-cross-origin",
]; // not unsafe-url nor no-referrer-when-downgrade: they send full URLs to other sites

function snippet(html: string): string {
  return html.replace(/\s+/g, " ").slice(0, 160);
}

/**
 * The security problems of one built page: its <meta> Content-Security-Policy
 * and referrer policy, inline event handlers, inline scripts (JSON-LD data
 * aside) and inline styles, which the policy would block.
 */
export function pageSecurityProblems(html: string): string[] {
  const $ = cheerio.load(html);
  const problems: string[] = [];
  const csp = $("meta[http-equiv]").filter((_, el) => $(el).attr("http-equiv")!.toLowerCase() === "content-security-policy");
  if (csp.length !== 1) problems.push(`${csp.length} <meta http-equiv="Content-Security-Policy">, expected 1`);
  else {
    if (!csp.parent().is("head")) problems.push("the Content-Security-Policy <meta> is not in <head>");
    // A policy in <meta> only governs what comes after it.
    const all = $("*").toArray();
    const first = $("script, link, style, img, picture, iframe, object, embed, base").first();
    if (first.length && all.indexOf(first[0]!) < all.indexOf(csp[0]!)) {
      problems.push(`the Content-Security-Policy <meta> comes after ${snippet($.html(first))}, which it does not cover`);
    }
    for (const problem of policyProblems(csp.attr("content") ?? "")) problems.push(`Content-Security-Policy: ${problem}`);
  }
  const referrer = $('meta[name="referrer"]');
  if (referrer.length !== 1) problems.push(`${referrer.length} <meta name="referrer">, expected 1`);
  else if (!REFERRER_POLICIES.includes(referrer.attr("content") ?? "")) problems.push(`referrer policy "${referrer.attr("content")}" leaks full URLs`);

  $("*").each((_, el) => {
    for (const name of Object.keys("attribs" in el ? el.attribs : {})) {
      if (/^on/i.test(name)) problems.push(`inline event handler ${name}= on ${snippet($.html(el))}`);
      if (name.toLowerCase() === "style") problems.push(`inline style= (blocked by style-src) on ${snippet($.html(el))}`);
    }
  });
  $("style").each((_, el) => void problems.push(`inline <style> (blocked by style-src): ${snippet($.html(el))}`));
  $("script").each((_, el) => {
    const script = $(el);
    if (script.attr("src") !== undefined) return;
    if (script.attr("type") !== "application/ld+json") {
      problems.push(`inline <script> (only application/ld+json data is allowed): ${snippet($.html(el))}`);
      return;
    }
    try {
      JSON.parse(script.text());
    } catch (error) {
      problems.push(`JSON-LD that is not JSON (${(error as Error).message}): ${snippet($.html(el))}`);
    }
  });
  return problems;
}

/** The headers of a `_headers` file (Netlify, Cloudflare Pages) for one path pattern, names lowercased. */
export function headersFor(file: string, pattern: string): Map<string, string> | undefined {
  let current: Map<string, string> | undefined;
  let found: Map<string, string> | undefined;
  for (const line of file.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      if (line.trim() === pattern) found = current;
    } else if (current) {
      const colon = line.indexOf(":");
      if (colon > 0) current.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
    }
  }
  return found;
}

/** The problems of a `_headers` file against the policy the pages carry in <meta>. */
export function headersProblems(file: string, metaPolicy: string, metaReferrer: string): string[] {
  const headers = headersFor(file, "/*");
  if (!headers) return ["no `/*` block"];
  const problems: string[] = [];
  const csp = headers.get("content-security-policy");
  if (!csp) problems.push("no Content-Security-Policy for /*");
  else {
    for (const problem of policyProblems(csp)) problems.push(`Content-Security-Policy: ${problem}`);
    const header = parsePolicy(csp);
    for (const [directive, tokens] of parsePolicy(metaPolicy)) {
      if (header.get(directive)?.join(" ") !== tokens.join(" ")) {
        problems.push(`Content-Security-Policy: ${directive} is "${header.get(directive)?.join(" ")}", the pages' <meta> says "${tokens.join(" ")}"`);
      }
    }
    // frame-ancestors is ignored in <meta>: only the header can forbid framing.
    if (header.get("frame-ancestors")?.join(" ") !== "'none'") problems.push("Content-Security-Policy: no frame-ancestors 'none'");
  }
  const referrer = headers.get("referrer-policy");
  if (!referrer) problems.push("no Referrer-Policy for /*");
  else if (referrer !== metaReferrer) problems.push(`Referrer-Policy is "${referrer}", the pages' <meta> says "${metaReferrer}"`);
  if (headers.get("x-content-type-options") !== "nosniff") problems.push("no X-Content-Type-Options: nosniff");
  return problems;
}

export const VNU_JAR = path.join(ROOT, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

export interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/**
 * The W3C Nu HTML Checker's errors for HTML files or whole directories, in
 * one run of the JVM (its start-up is the slow part). Warnings are left out.
 */
export function vnuErrors(targets: string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    execFile(
      "java",
      ["-jar", VNU_JAR, "--format", "json", "--errors-only", "--skip-non-html", ...targets],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // vnu exits 1 when it finds errors; its report is JSON on stderr.
        const report = [stderr, stdout].find((text) => text.trim().startsWith("{"));
        if (!report) {
          const cause = error && "code" in error && error.code === "ENOENT" ? "no `java` on the PATH (install a Java 17 runtime)" : `${stderr}${stdout}`;
          reject(new Error(`The Nu HTML Checker did not run: ${cause}`));
          return;
        }
        const messages = (JSON.parse(report) as { messages: VnuMessage[] }).messages;
        resolve(messages.filter((m) => m.type === "error" || m.type === "non-document-error"));
      },
    );
  });
}

/** `en/blog/index.html:12:5: message` and the extract, one error a paragraph. */
export function formatVnu(messages: VnuMessage[], root: string): string {
  return messages
    .map((m) => {
      const file = m.url ? path.relative(root, decodeURIComponent(m.url.replace(/^file:/, ""))) : "(no file)";
      const where = `${file}:${m.lastLine ?? m.firstLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}`;
      return `${where}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, " ")}` : ""}`;
    })
    .join("\n");
}
