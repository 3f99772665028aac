// Hostile posts, as a stranger could write them in the content editor or a
// pull request, for the property-based tests of tests/content/security.test.ts, and
// what a page made from one may never hold.
import * as cheerio from "cheerio";
import fc from "fast-check";

/** Template code that must be published as text: run, each would print, include a file or start a process. */
export const TEMPLATE_PAYLOADS = [
  "{{ 7 * 7 }}",
  '{{ "x" | upper }}',
  "{{ user.name }}",
  '{% include "../package.json" %}',
  '{% include "../../.git/config" %}',
  '{{ range.constructor("return global.process.mainModule.require(\'child_process\').execSync(\'id\')")() }}',
  "{% set x = 1 %}{{ x }}",
  "{# a comment #}",
  "{%- raw %}{{ x }}{% endraw -%}",
  "${process.env.HOME}",
  "<%= 1 %>",
];

/** Raw HTML the allowlist refuses, each of a different kind. */
const REFUSED_HTML = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
  "<style>body{display:none}</style>",
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="x.swf"></object>',
  '<embed src="x.swf">',
  '<form action="https://evil.example/"><input name="q"><button>Go</button></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<base href="https://evil.example/">',
  "<svg><script>alert(1)</script></svg>",
  '<math><mtext><img src=x onerror="alert(1)"></mtext></math>',
  "<img src=x onerror=alert(2)>",
  '<a href="javascript:alert(1)">x</a>',
  '<span onclick="alert(1)">x</span>',
  '<abbr title="x" style="position:fixed">x</abbr>',
  '<span lang="fr" onmouseover=alert(1)>x</span>',
  "<div>block</div>",
  "</div></main>",
  "<sup>never closed",
  '<details open ontoggle="alert(1)"><summary>x</summary></details>',
  "<!--><script>alert(1)</script>-->",
  "<textarea><script>alert(1)</script></textarea>",
  '<x-widget data-x="1">x</x-widget>',
];

/** Raw HTML an editor may write, and how it must come out. */
const ALLOWED_HTML = [
  '<abbr title="Canadian Digital Service">CDS</abbr>',
  "H<sub>2</sub>O and x<sup>2</sup>",
  "Press <kbd>Ctrl</kbd>",
  'He said <span lang="fr">bonjour</span>',
  "a line<br>break",
  "<!-- a note to myself -->",
];

/** Link and image addresses: the refused schemes, written the ways browsers still read them. */
const REFUSED_URLS = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "jav&#x61;script:alert(1)",
  "&#106;avascript:alert(1)",
  "vbscript:msgbox(1)",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "data:image/png;base64,iVBORw0KGgo=",
  "<javascript:alert(1)>",
  "file:///etc/passwd",
];

const word = fc.constantFrom("product", "team", "service", "design", "research", "users", "government", "data", "delivery", "équipe");
const sentence = fc.array(word, { minLength: 3, maxLength: 12 }).map((w) => w.join(" ") + ".");
const syllabics = fc.string({ unit: fc.integer({ min: 0x1401, max: 0x166c }).map((c) => String.fromCodePoint(c)), minLength: 3, maxLength: 20 });
const cyrillic = fc.string({ unit: fc.integer({ min: 0x0430, max: 0x044f }).map((c) => String.fromCodePoint(c)), minLength: 3, maxLength: 20 });
const chinese = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x4fff }).map((c) => String.fromCodePoint(c)), minLength: 2, maxLength: 10 });

const title = fc.oneof(
  { weight: 4, arbitrary: sentence },
  { weight: 2, arbitrary: fc.array(word, { minLength: 40, maxLength: 70 }).map((w) => w.join(" ")) },
  { weight: 1, arbitrary: fc.oneof(syllabics, cyrillic, chinese) },
  { weight: 1, arbitrary: fc.constantFrom(...TEMPLATE_PAYLOADS, "<script>alert(1)</script>", "</title><script>alert(1)</script>") },
);

const bodyPiece = fc.oneof(
  { weight: 3, arbitrary: sentence },
  { weight: 3, arbitrary: fc.constantFrom(...TEMPLATE_PAYLOADS) },
  { weight: 2, arbitrary: fc.constantFrom(...TEMPLATE_PAYLOADS).map((t) => "```\n" + t + "\n```") },
  { weight: 2, arbitrary: fc.constantFrom(...TEMPLATE_PAYLOADS).map((t) => "`" + t + "`") },
  { weight: 2, arbitrary: fc.constantFrom(...REFUSED_HTML) },
  { weight: 2, arbitrary: fc.constantFrom(...ALLOWED_HTML) },
  { weight: 2, arbitrary: fc.constantFrom(...REFUSED_URLS).map((u) => (u.startsWith("<") ? u : `[a link](${u})`)) },
  { weight: 1, arbitrary: fc.constantFrom(...REFUSED_URLS).filter((u) => !u.startsWith("<")).map((u) => `![an image](${u})`) },
  { weight: 1, arbitrary: fc.constantFrom("[ok](https://digital.canada.ca/)", "[mail](mailto:cds@example.ca)", "![ok](/img/cds/pm-banner-fix.jpg)") },
);

/** Front-matter lines that try to change how the page is built, or the build itself. */
const frontMatterTrick = fc.constantFrom(
  "",
  "",
  "",
  "permalink: /../../../tmp/owned.html",
  "eleventyComputed:\n  title: '{{ 7 * 7 }}'",
  "templateEngineOverride: njk",
  "layout: ../../package.json",
  "__proto__:\n  polluted: yes",
  "nested:\n  deeper:\n    constructor:\n      prototype:\n        polluted: yes",
  "tags: [a, b]\nx: &x [1, 2]\ny: [*x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x, *x]",
  "eleventyExcludeFromCollections: true",
  `description2: '${"long ".repeat(2500)}'`,
  "author: 'Dan Tse, Dan Tse'",
  "slug: a-slug-that-is-much-too-long-for-any-address-of-this-site-because-it-goes-on-and-on-and-on",
);

export interface HostilePost {
  /** The file's name in src/blog/. */
  name: string;
  source: string;
  /** Its title and its body, as written in `source`. */
  title: string;
  body: string;
  /** Template payloads written as plain paragraphs: each must appear in the page's text as written. */
  literal: string[];
}

/** A whole post: front matter (perhaps with a trick, or a first line that is not YAML's) and a body of hostile pieces. */
export const hostilePost: fc.Arbitrary<HostilePost> = fc
  .record({
    id: fc.integer({ min: 0, max: 1e9 }),
    language: fc.constantFrom("", "", "", "", "", "", "", "", "js", "json"),
    title,
    trick: frontMatterTrick,
    pieces: fc.array(bodyPiece, { minLength: 1, maxLength: 8 }),
  })
  .map(({ id, language, title: t, trick, pieces }) => {
    const quoted = `'${t.replace(/'/g, "''")}'`;
    const body = `${pieces.join("\n\n")}\n`;
    const source =
      `---${language}\nlayout: blog\ntitle: ${quoted}\ndescription: A post a stranger wrote.\nauthor: Dan Tse\ndate: 2024-01-01\ntranslationKey: hostile-${id}\n` +
      (trick ? `${trick}\n` : "") +
      `---\n${body}`;
    const literal = pieces.filter((p) => TEMPLATE_PAYLOADS.includes(p));
    return { name: `hostile-${id}.md`, source, title: t, body, literal };
  });

const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "poster", "data", "xlink:href", "srcset", "background", "cite"];

/**
 * What could run, send or redirect in a page (or a piece of one), as a list
 * of findings: empty when the HTML is inert. A whole page's findings are its
 * frame's own (scripts, search form, symbols), the same on every post.
 */
export function executableParts(html: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $("script").each((_, el) => void found.push(`<script ${$(el).attr("type") ?? ""} ${$(el).attr("src") ?? ""}>`));
  $("iframe, object, embed, form, input, button, select, textarea, base, frame, frameset, svg, math, style, link[rel=import]").each((_, el) => {
    found.push(`<${(el as { tagName: string }).tagName}>`);
  });
  $("meta[http-equiv]").each((_, el) => {
    if ($(el).attr("http-equiv")!.toLowerCase() !== "content-security-policy") found.push(`<meta http-equiv=${$(el).attr("http-equiv")}>`);
  });
  $("*").each((_, el) => {
    for (const [name, value] of Object.entries((el as { attribs: Record<string, string> }).attribs)) {
      if (/^on/i.test(name) || name === "srcdoc") found.push(`${name}= on <${(el as { tagName: string }).tagName}>`);
      if (!URL_ATTRIBUTES.includes(name)) continue;
      for (const url of name === "srcset" ? value.split(",").map((s) => s.trim().split(/\s+/)[0]!) : [value]) {
        let protocol = "";
        try {
          protocol = new URL(url, "https://site.invalid/").protocol;
        } catch {
          continue;
        }
        if (!["http:", "https:", "mailto:", "tel:"].includes(protocol)) found.push(`${name}="${url}"`);
      }
    }
  });
  return found;
}
