// What raw HTML an editor's Markdown may hold: an allowlist, decided by
// htmlparser2 (a maintained, spec-following parser), never by regular
// expressions. Content comes from strangers (the content editor, pull
// requests), so anything not listed is refused on its line with what to
// write instead, and the page is given the HTML as the parser understood it,
// written out again from the allowlist: what was checked is what is published.
import { Tokenizer } from "htmlparser2";

/** An allowed element: its allowed attributes, each with the values it may take. */
type Attributes = Readonly<Record<string, RegExp>>;
export type HtmlPolicy = Readonly<Record<string, Attributes>>;

const LANG = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;
const TEXT = /^[^<>]*$/;

/**
 * Allowed in every post and page: harmless inline elements Markdown has no
 * syntax for. `lang` marks a phrase in another language (WCAG 3.1.2).
 * CONTRIBUTING.md ("Raw HTML") lists them for editors.
 */
export const CONTENT_HTML: HtmlPolicy = {
  abbr: { title: TEXT },
  dfn: { title: TEXT },
  br: {},
  wbr: {},
  sub: {},
  sup: {},
  kbd: {},
  mark: {},
  small: {},
  cite: {},
  q: { lang: LANG },
  span: { lang: LANG },
  i: { lang: LANG },
  em: {},
  // `class="note"`: an editorial note, shown in previews, left out of the published site (notes.ts).
  strong: { class: /^note$/ },
  s: {},
  del: {},
  ins: {},
  time: { datetime: /^[0-9T:+\-. Z]+$/ },
};

/** Role pages also hold their level headings (`<h3 id="senior">`, checked against src/_data/roles.ts). */
export const ROLE_HTML: HtmlPolicy = {
  ...CONTENT_HTML,
  h3: { id: /^[a-z0-9][a-z0-9-]*$/ },
};

const VOID = new Set(["br", "wbr"]);

/** What to write instead of a refused element, by what it is for. */
function instead(name: string): string {
  if (name === "a") return "Write a Markdown link instead: [the link's text](https://…).";
  if (/^(img|picture|figure|video|audio|source|track|svg|canvas|map|area)$/.test(name)) {
    return "Write a Markdown image of a file under /img/ instead: ![what the image shows](/img/cds/photo.jpg). Video, audio and drawings are not part of the site's content.";
  }
  if (/^h[1-6]$/.test(name)) return "Write a Markdown heading instead (## A section, ### A part).";
  if (/^(ul|ol|li|dl|dt|dd)$/.test(name)) return "Write a Markdown list instead (one `* item` a line, or `1. item`).";
  if (/^(table|thead|tbody|tfoot|tr|td|th|caption|colgroup|col)$/.test(name)) return "Write a Markdown table instead (| Heading | Heading |).";
  if (/^(p|div|section|article|aside|header|footer|main|nav|blockquote|hr|pre|code|center|font|b|u)$/.test(name)) {
    return "Write it in Markdown instead: paragraphs are separated by a blank line, `> ` quotes, ``` fences code, **bold** and *italics*.";
  }
  return "If a page needs it, ask the site's maintainers (open an issue) to add it to the site's own templates.";
}

export interface Refusal {
  /** Line within the content, counting from 0. */
  line: number;
  message: string;
}

/** Text as HTML text: `&`, `<` and `>` escaped. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
/** Text as an HTML attribute's value in double quotes: `"` escaped too. */
export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, "&quot;");
}

function attributeRefusal(name: string, attr: string, allowed: Attributes): string {
  if (/^on/i.test(attr)) return `content cannot run script, so an event attribute such as \`${attr}\` is not allowed. Remove it from <${name}>.`;
  if (attr === "style") return `content takes the site's own styles, so a \`style\` attribute is not allowed. Remove it from <${name}>.`;
  const may = Object.keys(allowed).map((a) => `\`${a}\``).join(" or ");
  return `<${name}> may have ${may || "no attribute"} here, not \`${attr}\`. Remove \`${attr}\`.`;
}

function valueRefusal(name: string, attr: string, value: string): string {
  const hint = attr === "lang" ? "Write a language code such as fr or iu." : attr === "class" ? 'The one class is "note", for editorial notes.' : attr === "id" ? "Write lowercase letters, digits and hyphens." : "Write plain text.";
  return `<${name} ${attr}="${value}">: the site does not accept this value of \`${attr}\`. ${hint}`;
}

/**
 * Raw HTML of one stretch of content (an HTML block, or the inline HTML of
 * one paragraph or heading), checked piece by piece against a policy. Each
 * piece is written out again from what the tokenizer read: allowed elements
 * with their allowed attributes, text escaped, comments dropped, anything
 * refused as visible text. Elements must be closed in the same stretch, in
 * order: a stray `</div>` would close one of the page's own elements.
 */
export class RawHtml {
  readonly refusals: Refusal[] = [];
  private readonly open: Array<{ name: string; line: number; note: boolean }> = [];
  /** Refused elements already named at their opening tag: their closing tag needs no second message. */
  private readonly refused = new Set<string>();
  constructor(private readonly policy: HtmlPolicy) {}

  /** The HTML as published; `firstLine` is the line of the content the piece starts on. */
  clean(html: string, firstLine: number): string {
    const { policy, refusals, open } = this;
    let out = "";
    const lineAt = (index: number) => firstLine + html.slice(0, index).split("\n").length - 1;
    const refuse = (index: number, message: string) => refusals.push({ line: lineAt(index), message });
    let tag: { name: string; start: number; attrs: Array<[string, string]> } | undefined;
    let attr: [string, string] | undefined;

    const openTag = (end: number, selfClosing: boolean) => {
      const { name, start, attrs } = tag!;
      tag = undefined;
      const raw = html.slice(start, end + 1);
      const allowed = Object.hasOwn(policy, name) ? policy[name]! : undefined;
      if (!allowed) {
        refuse(start, `the HTML element <${name}> is not allowed in content. ${instead(name)}`);
        this.refused.add(name);
        out += escapeText(raw);
        return;
      }
      let written = `<${name}`;
      const note = name === "strong" && attrs.some(([key, value]) => key === "class" && value === "note");
      for (const [key, value] of attrs) {
        const rule = Object.hasOwn(allowed, key) ? allowed[key]! : undefined;
        if (!rule) refuse(start, attributeRefusal(name, key, allowed));
        else if (!rule.test(value)) refuse(start, valueRefusal(name, key, value));
        else written += ` ${key}="${escapeAttr(value)}"`;
      }
      out += `${written}>`;
      if (!VOID.has(name) && !selfClosing) open.push({ name, line: lineAt(start), note });
      else if (!VOID.has(name)) refuse(start, `<${name}/> does not close itself in HTML. Write <${name}>…</${name}>.`);
    };

    const tokenizer = new Tokenizer(
      { decodeEntities: true },
      {
        ontext: (start, end) => void (out += escapeText(html.slice(start, end))),
        ontextentity: (codepoint) => void (out += escapeText(String.fromCodePoint(codepoint))),
        onopentagname: (start, end) => void (tag = { name: html.slice(start, end).toLowerCase(), start: start - 1, attrs: [] }),
        onattribname: (start, end) => void (attr = [html.slice(start, end).toLowerCase(), ""]),
        onattribdata: (start, end) => void (attr![1] += html.slice(start, end)),
        onattribentity: (codepoint) => void (attr![1] += String.fromCodePoint(codepoint)),
        onattribend: () => {
          // The first of two attributes with one name is the one a browser keeps.
          if (!tag!.attrs.some(([key]) => key === attr![0])) tag!.attrs.push(attr!);
          attr = undefined;
        },
        onopentagend: (end) => openTag(end, false),
        onselfclosingtag: (end) => openTag(end, true),
        onclosetag: (start, end) => {
          const name = html.slice(start, end).toLowerCase();
          const raw = html.slice(start - 2, html.indexOf(">", end) + 1 || html.length);
          if (!Object.hasOwn(policy, name)) {
            if (!this.refused.has(name)) refuse(start, `the HTML element </${name}> is not allowed in content. ${instead(name)}`);
            out += escapeText(raw);
          } else if (VOID.has(name)) {
            out += `<${name}>`;
          } else if (open.at(-1)?.name === name) {
            open.pop();
            out += `</${name}>`;
          } else {
            const inner = open.at(-1);
            refuse(
              start,
              inner
                ? `</${name}> closes an element before the <${inner.name}> opened inside it (line ${inner.line + 1}) is closed. Close <${inner.name}> first.`
                : `</${name}> closes nothing: no <${name}> is open before it in this paragraph. Remove it, or add the <${name}> it closes.`,
            );
            out += escapeText(raw);
          }
        },
        oncomment: () => {
          // Comments are notes to oneself; they are not published.
        },
        oncdata: (start) => refuse(start, "CDATA sections are not HTML content. Remove it."),
        ondeclaration: (start) => refuse(start, "declarations such as <!DOCTYPE> are not content. Remove it."),
        onprocessinginstruction: (start) => refuse(start, "processing instructions (<?…?>) are not HTML content. Remove it."),
        onend: () => {
          // An open tag cut off at the end of the content: show it as text.
          if (tag) {
            refuse(tag.start, `the tag <${tag.name}… is never finished with ">". Finish it, or remove it.`);
            out += escapeText(html.slice(tag.start));
            tag = undefined;
          }
        },
      },
    );
    tokenizer.write(html);
    tokenizer.end();
    return out;
  }

  /** Elements left open at the end of the stretch, reported on the line that opened them; returns their closing tags. */
  finish(): string {
    let closing = "";
    for (const { name, line, note } of this.open.reverse()) {
      this.refusals.push({
        line,
        message: note
          ? "this editorial note is never closed, so readers would see it and the rest of the page as part of it. End it with </strong>."
          : `<${name}> is opened here but never closed in the same paragraph. Close it with </${name}>.`,
      });
      closing += `</${name}>`;
    }
    this.open.length = 0;
    return closing;
  }
}

/** The schemes a link in content may use; anything else (javascript:, data:, vbscript:, file:…) is refused. */
const LINK_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

/**
 * The scheme of an address in content ("https:", "javascript:"…), read as a
 * browser reads it on a page of this site (WHATWG URL parsing strips tabs,
 * newlines and leading spaces, which hide `java\tscript:` from a naive
 * check): a path of the site is "https:". Undefined when it is no address.
 */
export function schemeOf(address: string): string | undefined {
  try {
    return new URL(address, "https://site.invalid/page/").protocol;
  } catch {
    return undefined;
  }
}

/** What is wrong with a link's address, or undefined. */
export function linkProblem(href: string): string | undefined {
  const scheme = schemeOf(href);
  if (scheme === undefined) {
    return `the link's address "${href}" is not a web address. Write it as https://… , or as a path of this site such as /en/blog/.`;
  }
  if (LINK_SCHEMES.has(scheme)) return undefined;
  return `links may go to web pages (https://…), e-mail (mailto:) or telephone (tel:) addresses, not to a \`${scheme}\` address. Remove the link, or give it a web address.`;
}
