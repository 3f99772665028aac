// Front matter is data, read as YAML and nothing else (issue 22). Eleventy's
// front-matter reader also runs JavaScript (`---js`) and would merge a
// `__proto__` key into Object.prototype for the whole build
// (11ty/eleventy-utils#8). Every content file is checked with these rules
// before Eleventy reads it (front-matter.ts), and Eleventy's own reader is
// given the same loader, so a file that slipped past the check still could
// not run code or reach the prototype.
import yaml from "js-yaml";
import { LineCounter, isScalar, parseDocument, visit } from "yaml";

/** Characters of front matter: the seed post's is under 1,000. */
export const MAX_FRONT_MATTER = 10_000;
/** `*name` aliases: editors and the content editor write none; a few nested ones can expand a file a billion-fold. */
export const MAX_ALIASES = 10;
/** Keys that reach an object's prototype when data is merged. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

export interface YamlProblem {
  /** Line within the YAML, counting from 1. */
  line: number;
  title: string;
  message: string;
}

const prototypeMessage = (key: string) =>
  `\`${key}\` cannot be the name of a field: it would change how every page of the site is built. Remove it, or rename the field.`;

/** The first prototype-reaching key anywhere in loaded data, or undefined. */
function prototypeKey(value: unknown, seen = new Set<unknown>()): string | undefined {
  if (typeof value !== "object" || value === null || seen.has(value)) return undefined;
  seen.add(value);
  for (const key of Object.getOwnPropertyNames(value)) {
    if (PROTOTYPE_KEYS.has(key)) return key;
    const found = prototypeKey((value as Record<string, unknown>)[key], seen);
    if (found) return found;
  }
  return undefined;
}

/** The front matter's data, or a thrown error for a key that reaches the prototype. Used wherever front matter is read. */
export function loadFrontMatter(text: string): unknown {
  if (text.length > MAX_FRONT_MATTER) throw new Error(`front matter of more than ${MAX_FRONT_MATTER} characters`);
  const data = yaml.load(text);
  const key = prototypeKey(data);
  if (key) throw new Error(prototypeMessage(key));
  return data;
}

/** Refuses every front-matter language but YAML: `---js` would run the file as JavaScript. */
export function refuseLanguage(language: string): never {
  throw new Error(`front matter written as '${language}': front matter is YAML only. Make the first line three dashes alone (---).`);
}

/**
 * What the YAML's structure says, each on its line: keys that reach the
 * prototype at any depth, more aliases than the cap, keys that are not plain
 * names, and syntax js-yaml accepts but a stricter reader does not.
 */
export function yamlShapeProblems(text: string): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const lines = new LineCounter();
  const lineOf = (range?: [number, number, number] | null) => (range ? lines.linePos(range[0]).line : 1);
  if (text.length > MAX_FRONT_MATTER) {
    problems.push({
      line: text.slice(0, MAX_FRONT_MATTER).split("\n").length,
      title: "Front matter too long",
      message: `the front matter is ${text.length} characters long, more than the ${MAX_FRONT_MATTER} it may have. It holds a page's fields; move long text into the page's body.`,
    });
    return problems;
  }
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
  let aliases = 0;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key)) {
        problems.push({ line: lineOf((pair.key as { range?: [number, number, number] } | null)?.range), title: "Field name not plain text", message: "a field's name must be plain text, written `name: value`." });
      } else if (PROTOTYPE_KEYS.has(String(pair.key.value))) {
        problems.push({ line: lineOf(pair.key.range), title: "Field not allowed", message: prototypeMessage(String(pair.key.value)) });
      }
    },
    Alias(_, alias) {
      if (++aliases === MAX_ALIASES + 1) {
        problems.push({
          line: lineOf(alias.range),
          title: "Too many YAML aliases",
          message: `the front matter repeats values with more than ${MAX_ALIASES} YAML aliases (*${alias.source}). Write the values out instead.`,
        });
      }
    },
  });
  const error = doc.errors[0];
  if (error && problems.length === 0) {
    problems.push({ line: error.linePos?.[0].line ?? 1, title: "Front matter is not valid YAML", message: `the front matter is not valid YAML: ${error.message.split("\n")[0]}` });
  }
  return problems;
}
