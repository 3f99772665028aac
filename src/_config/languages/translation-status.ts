// Which translations are missing or out of date, read from git history: no
// bookkeeping for editors beyond committing. Used by `npm run check`
// (scripts/translation-status.ts) and by the preview's status page and notices
// (src/_config/languages/translation-preview.ts). See "Translation status" in
// CONTRIBUTING.md for what editors see, and docs/translation-status.md for how.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import * as acorn from "acorn";
import { transformSync } from "esbuild";
import { loadFrontMatter } from "../content/yaml-data.ts";
import { languages, type Lang, type Role } from "../types.ts";

export type Status = "current" | "outdated" | "missing" | "unknown";

/** A commit that changed a version's content. */
export interface Change {
  commit: string;
  date: Date;
  subject: string;
}

/** The status of one unit: a post, the text of a role page outside its levels, or one level. */
export interface UnitStatus {
  status: Status;
  /** The version that is out of date, or missing. */
  lang?: Lang;
  /** The first change to the other version that this one has not caught up with. */
  since?: Change;
  /** The stale version's last content change and its twin's latest: the compare view between them. */
  compare?: { from: string; to: string };
  /** Why the status is unknown. */
  reason?: "no-history" | "not-committed" | "unreadable";
}

export interface LevelStatus extends UnitStatus {
  id: string;
  titles: Partial<Record<Lang, string>>;
  /** The line of the level's `<h3 id>` in each version, for annotations. */
  lines: Partial<Record<Lang, number>>;
}

/** A pair of twins: a post and its translation, or a role's two pages. */
export interface PairStatus extends UnitStatus {
  kind: "post" | "role";
  /** The post's translationKey (or its file, without one); `role:<key>` for a role. */
  key: string;
  /** Each version's file, relative to the project (src/blog/….md). */
  files: Partial<Record<Lang, string>>;
  titles: Partial<Record<Lang, string>>;
  /** For a post, the whole post; for a role page, its text outside the levels. */
  page: UnitStatus;
  /** A role page's levels, each with its own status. */
  levels: LevelStatus[];
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const LEVEL_HEADING = /<h3 id="([^"]+)"/g;
const ROLES_FILE = "src/_data/roles.ts";

// ---------------------------------------------------------------------------
// Content: what a translator translates, normalized so that reflowing a
// paragraph or other front matter (date, author, image) is not a change.

interface Parsed {
  data: Record<string, unknown>;
  body: string;
}

function parse(source: string): Parsed {
  const match = FRONT_MATTER.exec(source);
  if (!match) return { data: {}, body: source };
  let data: unknown;
  try {
    data = loadFrontMatter(match[1]!);
  } catch {
    // A broken version in history still has content: compare it as text.
    return { data: { "": match[1] }, body: source.slice(match[0].length) };
  }
  return { data: data && typeof data === "object" ? (data as Record<string, unknown>) : {}, body: source.slice(match[0].length) };
}

const squash = (text: unknown) => (typeof text === "string" ? text.replace(/\s+/g, " ").trim() : text === undefined ? null : text);

/** A post's translated content: title, description, image description and body. */
function postContent(source: string | null): string | null {
  if (source === null) return null;
  const { data, body } = parse(source);
  return JSON.stringify([squash(data.title), squash(data.description), squash(data["image-alt"]), squash(data[""]), squash(body)]);
}

/** A role page cut into its units: "" (title and text before the first level) and each level id. */
function roleSections(source: string): Map<string, string> {
  const { data, body } = parse(source);
  const sections = new Map<string, string>();
  const headings = [...body.matchAll(LEVEL_HEADING)];
  sections.set("", JSON.stringify([squash(data.title), squash(data[""]), squash(body.slice(0, headings[0]?.index ?? body.length))]));
  headings.forEach((heading, i) => {
    sections.set(heading[1]!, String(squash(body.slice(heading.index, headings[i + 1]?.index ?? body.length))));
  });
  return sections;
}

/** A role's data for one language in roles.ts: the role's title and summary, and each level's. */
function roleData(role: Role | undefined, lang: Lang): Map<string, string> {
  const data = new Map<string, string>();
  if (!role) return data;
  data.set("", JSON.stringify([role.title?.[lang], role.summary?.[lang]]));
  for (const level of role.levels ?? []) data.set(level.id, JSON.stringify([level.title?.[lang], level.summary?.[lang]]));
  return data;
}

// ---------------------------------------------------------------------------
// roles.ts at any commit, read as data without running it: its types are
// stripped (esbuild) and its default export must be a plain literal, which is
// evaluated from the syntax tree (acorn). A commit on a pull request's branch
// is code nobody reviewed yet; importing it would run it on the build machine.

class NotPlainData extends Error {}

function literal(node: acorn.Node): unknown {
  const n = node as acorn.AnyNode;
  switch (n.type) {
    case "Literal":
      return n.value;
    case "TemplateLiteral":
      if (n.expressions.length) throw new NotPlainData("a template literal with ${…}");
      return n.quasis.map((q) => q.value.cooked).join("");
    case "ArrayExpression":
      return n.elements.map((e) => {
        if (!e || e.type === "SpreadElement") throw new NotPlainData("a spread or hole in an array");
        return literal(e);
      });
    case "ObjectExpression": {
      const object: Record<string, unknown> = {};
      for (const p of n.properties) {
        if (p.type !== "Property" || p.computed || p.kind !== "init" || p.method) throw new NotPlainData("a computed or spread property");
        const name = p.key.type === "Identifier" ? p.key.name : String((p.key as acorn.Literal).value);
        object[name] = literal(p.value);
      }
      return object;
    }
    case "UnaryExpression":
      if (n.operator === "-" && n.argument.type === "Literal" && typeof n.argument.value === "number") return -n.argument.value;
      throw new NotPlainData(`the operator ${n.operator}`);
    default:
      throw new NotPlainData(`a ${n.type}`);
  }
}

/** The roles a version of src/_data/roles.ts declares, or an error saying why they cannot be read. */
export function readRoles(source: string): Role[] {
  const js = transformSync(source, { loader: "ts", format: "esm" }).code;
  const program = acorn.parse(js, { ecmaVersion: "latest", sourceType: "module" });
  // esbuild writes `export default roles` as `var stdin_default = roles; export { stdin_default as default }`.
  const declared = new Map<string, acorn.Node>();
  let exported: acorn.Node | undefined;
  for (const statement of program.body) {
    if (statement.type === "VariableDeclaration") {
      for (const d of statement.declarations) if (d.id.type === "Identifier" && d.init) declared.set(d.id.name, d.init);
    } else if (statement.type === "ExportDefaultDeclaration") {
      exported = statement.declaration as acorn.Node;
    } else if (statement.type === "ExportNamedDeclaration") {
      const specifier = statement.specifiers.find((s) => s.exported.type === "Identifier" && s.exported.name === "default");
      if (specifier?.local.type === "Identifier") exported = { type: "Identifier", name: specifier.local.name } as acorn.Identifier;
    }
  }
  for (let hops = 0; exported?.type === "Identifier" && hops < 10; hops++) exported = declared.get((exported as acorn.Identifier).name);
  if (!exported) throw new NotPlainData("no default export of a literal list of roles");
  const roles = literal(exported);
  if (!Array.isArray(roles)) throw new NotPlainData("the default export is not a list");
  return roles as Role[];
}

// ---------------------------------------------------------------------------
// Git: one `git log` for every content file, then one `git cat-file --batch`
// for the versions the log names.

interface Commit extends Change {
  /** Files of the pairs that this commit touched (added, changed or deleted). */
  files: Set<string>;
}

function git(root: string, args: string[], input?: string): { ok: boolean; out: Buffer } {
  const result = spawnSync("git", args, { cwd: root, input, maxBuffer: 1024 * 1024 * 1024, stdio: ["pipe", "pipe", "ignore"] });
  return { ok: result.status === 0 && !result.error, out: result.stdout ?? Buffer.alloc(0) };
}

/** The commits touching `paths`, oldest first; undefined without usable history. */
function readLog(root: string, paths: string[]): Commit[] | undefined {
  const shallow = git(root, ["rev-parse", "--is-shallow-repository"]);
  // Not a repository (a download), or a shallow clone whose oldest commit would
  // seem to add every file at once: history cannot tell.
  if (!shallow.ok || shallow.out.toString().trim() !== "false") return undefined;
  const log = git(root, ["log", "--date-order", "--no-renames", "--relative", "--format=%x00%H%x01%cI%x01%s", "--name-only", "--", ...paths]);
  if (!log.ok) return undefined; // no commit yet
  const commits: Commit[] = [];
  for (const entry of log.out.toString("utf8").split("\0").slice(1)) {
    const [header, ...files] = entry.trim().split("\n");
    const [commit, date, subject] = header!.split("\x01");
    commits.push({ commit: commit!, date: new Date(date!), subject: subject ?? "", files: new Set(files.filter(Boolean)) });
  }
  return commits.reverse();
}

/** The text of each `commit:path` asked for (null where the file does not exist at that commit). */
function readBlobs(root: string, wanted: string[]): Map<string, string | null> {
  const blobs = new Map<string, string | null>();
  if (wanted.length === 0) return blobs;
  const { out } = git(root, ["cat-file", "--batch"], wanted.map((w) => w.replace(":", ":./")).join("\n") + "\n");
  let at = 0;
  for (const key of wanted) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString();
    at = eol + 1;
    const size = /^\S+ blob (\d+)$/.exec(header)?.[1];
    if (size === undefined) {
      blobs.set(key, null); // "missing": deleted, or not yet added
      continue;
    }
    blobs.set(key, out.subarray(at, at + Number(size)).toString("utf8"));
    at += Number(size) + 1;
  }
  return blobs;
}

// ---------------------------------------------------------------------------
// The pairs, from the files as they are now.

interface Pair {
  kind: "post" | "role";
  key: string;
  files: Partial<Record<Lang, string>>;
  titles: Partial<Record<Lang, string>>;
  role?: Role;
  /** `translationChecked` of each version, as YYYY-MM-DD. */
  checked: Partial<Record<Lang, string>>;
  /** Each version's text now (for level lines). */
  sources: Partial<Record<Lang, string>>;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
// Commit dates are compared with a `translationChecked` day in the team's time zone.
const teamDay = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto", year: "numeric", month: "2-digit", day: "2-digit" });

function checkedDay(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return isoDay(value);
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return undefined;
}

function markdownFiles(root: string, dir: string): string[] {
  const full = path.join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => `${dir}/${name}`);
}

// The last read of each file, kept while its size and modification time stay
// the same: the preview computes the status on every save of `npm start`, and
// reading and parsing 4,000 posts each time took about 0.4 s of the save.
const reads = new Map<string, { mtimeMs: number; size: number; source: string; parsed: Parsed }>();
function readParsed(file: string): { source: string; parsed: Parsed } {
  const { mtimeMs, size } = statSync(file);
  let read = reads.get(file);
  if (!read || read.mtimeMs !== mtimeMs || read.size !== size) {
    const source = readFileSync(file, "utf8");
    read = { mtimeMs, size, source, parsed: parse(source) };
    reads.set(file, read);
  }
  return read;
}

function findPairs(root: string, roles: Role[]): Pair[] {
  const pairs: Pair[] = [];
  for (const role of roles) {
    const pair: Pair = { kind: "role", key: `role:${role.key}`, files: {}, titles: {}, role, checked: {}, sources: {} };
    for (const lang of languages) {
      pair.titles[lang] = role.title?.[lang];
      const file = lang === "en" ? `src/roles/${role.slug.en}.md` : `src/roles/fr/${role.slug.fr}.md`;
      if (!existsSync(path.join(root, file))) continue;
      const { source, parsed } = readParsed(path.join(root, file));
      pair.files[lang] = file;
      pair.sources[lang] = source;
      pair.checked[lang] = checkedDay(parsed.data.translationChecked);
    }
    pairs.push(pair);
  }
  const byKey = new Map<string, Pair>();
  for (const [lang, dir] of [["en", "src/blog"], ["fr", "src/blog/fr"]] as const) {
    for (const file of markdownFiles(root, dir)) {
      const { source, parsed } = readParsed(path.join(root, file));
      const { data } = parsed;
      const key = typeof data.translationKey === "string" && data.translationKey ? data.translationKey : file;
      let pair = byKey.get(key);
      if (!pair) byKey.set(key, (pair = { kind: "post", key, files: {}, titles: {}, checked: {}, sources: {} }));
      pair.files[lang] = file;
      pair.sources[lang] = source;
      pair.titles[lang] = typeof data.title === "string" ? data.title : file;
      pair.checked[lang] = checkedDay(data.translationChecked);
    }
  }
  return [...pairs, ...[...byKey.values()].sort((a, b) => (a.titles.en ?? a.titles.fr ?? "").localeCompare(b.titles.en ?? b.titles.fr ?? ""))];
}

// ---------------------------------------------------------------------------
// The status of one unit, from the history of its two versions' content.

type Content = Record<Lang, string | null>;

/**
 * Walks a unit's content changes oldest first. A change to one version makes
 * the other out of date, unless it was that version catching up (it was out
 * of date, or it is new: a translation arriving), or both changed together.
 * A `translationChecked` day on a version settles every change to its twin
 * made up to that day.
 */
function unitStatus(history: Array<{ commit: Commit; content: Content }>, checked: Partial<Record<Lang, string>>): UnitStatus {
  let stale: Lang | undefined;
  let since: Change | undefined;
  const last: Partial<Record<Lang, Change>> = {};
  let previous: Content = { en: null, fr: null };
  const settle = (upTo: string | undefined) => {
    // A mark settles the staleness if it was made on or after the day of the change that caused it.
    if (stale && since && checked[stale] && checked[stale]! >= teamDay.format(since.date) && (upTo === undefined || checked[stale]! < upTo)) {
      stale = undefined;
      since = undefined;
    }
  };
  for (const { commit, content } of history) {
    settle(teamDay.format(commit.date));
    const changed = languages.filter((lang) => content[lang] !== previous[lang]);
    if (changed.length === 0) continue;
    for (const lang of changed) last[lang] = commit;
    const [en, fr] = [content.en, content.fr];
    if (changed.length === 2 || en === null || fr === null) {
      stale = undefined; // changed together, or one version is absent (that is "missing", not "out of date")
    } else {
      const lang = changed[0]!;
      const twin = lang === "en" ? "fr" : "en";
      const arriving = previous[lang] === null;
      if (arriving || stale === lang) stale = undefined;
      else if (stale !== twin) {
        stale = twin;
        since = commit;
      }
    }
    if (!stale) since = undefined;
    previous = content;
  }
  settle(undefined);
  if (!stale) return { status: "current" };
  const twin = stale === "en" ? "fr" : "en";
  return { status: "outdated", lang: stale, since: strip(since!), compare: { from: last[stale]!.commit, to: last[twin]!.commit } };
}

const strip = ({ commit, date, subject }: Change): Change => ({ commit, date, subject });

function worst(units: UnitStatus[]): UnitStatus {
  const outdated = units.filter((u) => u.status === "outdated").sort((a, b) => a.since!.date.getTime() - b.since!.date.getTime());
  if (!outdated[0]) return { status: "current" };
  const { status, lang, since, compare } = outdated[0];
  return { status, lang, since, compare };
}

/** The line (1-based) of each level heading in a file's text. */
function headingLines(source: string | undefined): Map<string, number> {
  const lines = new Map<string, number>();
  if (!source) return lines;
  for (const m of source.matchAll(LEVEL_HEADING)) lines.set(m[1]!, source.slice(0, m.index).split("\n").length);
  return lines;
}

/**
 * The translation status of every pair of the project at `root`: posts paired
 * by `translationKey` (src/blog/ and src/blog/fr/), and role pages paired
 * through src/_data/roles.ts, level by level. `currentRoles`: the roles the
 * build imported from the working tree (which it runs anyway); past versions
 * of roles.ts are only ever read as data.
 */
export function translationStatus(root: string, currentRoles?: Role[]): PairStatus[] {
  // The roles as they are now: what the build itself imports, when it passes them; else read as data.
  currentRoles ??= existsSync(path.join(root, ROLES_FILE)) ? readRoles(readFileSync(path.join(root, ROLES_FILE), "utf8")) : [];
  const pairs = findPairs(root, currentRoles);
  const allFiles = pairs.flatMap((p) => Object.values(p.files));
  const log = readLog(root, ["src/blog", "src/roles", ROLES_FILE]);

  // The versions to read: each file at each commit that touched it, and roles.ts wherever a role page changed.
  const wanted = new Set<string>();
  const touching = (files: string[]) => (log ?? []).filter((c) => files.some((f) => c.files.has(f)));
  const histories = new Map<Pair, Commit[]>();
  for (const pair of pairs) {
    const files = Object.values(pair.files);
    const commits = touching(pair.kind === "role" ? [...files, ROLES_FILE] : files);
    histories.set(pair, commits);
    for (const commit of commits) {
      for (const file of files) if (commit.files.has(file)) wanted.add(`${commit.commit}:${file}`);
      if (pair.kind === "role") wanted.add(`${commit.commit}:${ROLES_FILE}`);
    }
  }
  const blobs = log ? readBlobs(root, [...wanted]) : new Map<string, string | null>();
  const rolesAt = new Map<string, Role[] | NotPlainData>();
  const rolesOf = (commit: string): Role[] | NotPlainData => {
    let roles = rolesAt.get(commit);
    if (!roles) {
      const source = blobs.get(`${commit}:${ROLES_FILE}`);
      try {
        roles = source ? readRoles(source) : [];
      } catch (error) {
        roles = error instanceof NotPlainData ? error : new NotPlainData(String(error));
      }
      rolesAt.set(commit, roles);
    }
    return roles;
  };

  return pairs.map((pair): PairStatus => {
    const base = { kind: pair.kind, key: pair.key, files: pair.files, titles: pair.titles };
    const lines = Object.fromEntries(languages.map((lang) => [lang, headingLines(pair.sources[lang])])) as Record<Lang, Map<string, number>>;
    const levelsWith = (unit: (id: string) => UnitStatus): LevelStatus[] =>
      (pair.role?.levels ?? []).map((level) => ({
        id: level.id,
        titles: level.title ?? {},
        lines: { en: lines.en.get(level.id), fr: lines.fr.get(level.id) },
        ...unit(level.id),
      }));
    const all = (unit: UnitStatus): PairStatus => ({ ...base, ...unit, page: unit, levels: levelsWith(() => unit) });

    const absent = languages.find((lang) => !pair.files[lang]);
    if (absent) return all({ status: "missing", lang: absent });
    if (!log) return all({ status: "unknown", reason: "no-history" });
    const commits = histories.get(pair)!;
    // A version never committed has no history to compare.
    if (languages.some((lang) => !commits.some((c) => c.files.has(pair.files[lang]!)))) return all({ status: "unknown", reason: "not-committed" });

    // Each version's text at each commit, carried forward between the commits that touch it.
    const current: Record<Lang, string | null> = { en: null, fr: null };
    const snapshots: Array<{ commit: Commit; text: Record<Lang, string | null>; roles?: Role[] }> = [];
    for (const commit of commits) {
      for (const lang of languages) {
        const file = pair.files[lang]!;
        if (commit.files.has(file)) current[lang] = blobs.get(`${commit.commit}:${file}`) ?? null;
      }
      let roles: Role[] | undefined;
      if (pair.kind === "role") {
        const read = rolesOf(commit.commit);
        if (read instanceof NotPlainData) return all({ status: "unknown", reason: "unreadable" });
        roles = read;
      }
      snapshots.push({ commit, text: { ...current }, roles });
    }

    if (pair.kind === "post") {
      const page = unitStatus(
        snapshots.map((s) => ({ commit: s.commit, content: { en: postContent(s.text.en), fr: postContent(s.text.fr) } })),
        pair.checked,
      );
      return { ...base, ...page, page, levels: [] };
    }

    // A role: its page text outside levels, and each level, each with its own history.
    const key = pair.role!.key;
    const sectionsOf = snapshots.map((s) => {
      const role = s.roles!.find((r) => r.key === key);
      return Object.fromEntries(
        languages.map((lang) => [lang, { text: s.text[lang] === null ? null : roleSections(s.text[lang]!), data: roleData(role, lang) }]),
      ) as Record<Lang, { text: Map<string, string> | null; data: Map<string, string> }>;
    });
    const unit = (id: string) =>
      unitStatus(
        snapshots.map((s, i) => ({
          commit: s.commit,
          content: Object.fromEntries(
            languages.map((lang) => {
              const { text, data } = sectionsOf[i]![lang];
              const section = text?.get(id);
              return [lang, section === undefined ? null : JSON.stringify([section, data.get(id) ?? null])];
            }),
          ) as Content,
        })),
        pair.checked,
      );
    const page = unit("");
    const levels = levelsWith(unit);
    return { ...base, ...worst([page, ...levels]), page, levels };
  });
}
