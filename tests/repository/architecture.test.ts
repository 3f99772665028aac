// Issue 25: src/_config/ is grouped by concern, and its folders stand on
// floors: a module imports types.ts, its own folder and the folders below it,
// never one above, and no chain of imports comes back to where it started.
// The floors, from the bottom up, are FLOORS below, and docs/design.md ("The
// map") draws them. The imports are read from the files as they are.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../support/site.ts";

const CONFIG = "src/_config";
const FLOORS = ["problems", "build", "urls", "assets", "content", "markdown", "languages", "editors", "dev-server"];
const MAX_TOP_ENTRIES = 12;

/** Every TypeScript module of the site and its tooling, by path from the root, with its text. */
function sources(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const file = path.posix.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules") walk(file);
      else if (entry.isFile() && /\.m?ts$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.set(file, readFileSync(path.join(ROOT, file), "utf8"));
    }
  };
  for (const dir of ["src", "scripts"]) walk(dir);
  files.set(".eleventy.ts", readFileSync(path.join(ROOT, ".eleventy.ts"), "utf8"));
  return files;
}

const IMPORT = /^\s*(?:import|export)\b[^;]*?\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/gm;

/** The site's own modules a file imports (import, import type, export … from, import()), by path from the root. */
function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1] ?? m[2]!)));
}

/** The floor of a module of src/_config/: -1 for types.ts, undefined for anything else. */
function floorOf(file: string): number | undefined {
  if (!file.startsWith(`${CONFIG}/`)) return undefined;
  const rest = file.slice(CONFIG.length + 1);
  if (rest === "types.ts") return -1;
  const folder = rest.split("/")[0]!;
  return FLOORS.includes(folder) && rest.includes("/") ? FLOORS.indexOf(folder) : Number.NaN;
}

/** What breaks the floors: a module outside them, an arrow up, data that imports more than types, a circle. */
function architectureProblems(files: Map<string, string>): string[] {
  const problems: string[] = [];
  const graph = new Map([...files].map(([file, text]) => [file, importsOf(file, text)]));
  for (const [file, imports] of graph) {
    const floor = floorOf(file);
    if (Number.isNaN(floor)) problems.push(`${file}: not in a folder of ${CONFIG}/ that has a floor (${FLOORS.join(", ")})`);
    for (const target of imports) {
      if (!files.has(target) && !existsSync(path.join(ROOT, target))) problems.push(`${file} imports ${target}, which is not there`);
      const to = floorOf(target);
      if (floor === -1 && to !== undefined) problems.push(`${file} imports ${target}: types.ts imports nothing of the site's`);
      if (floor !== undefined && floor >= 0 && to !== undefined && to > floor) {
        problems.push(`${file} imports ${target}: an arrow up, from ${FLOORS[floor]}/ to ${FLOORS[to]}/`);
      }
      if (file.startsWith("src/_data/") && to !== undefined && to !== -1) problems.push(`${file} imports ${target}: data files import types.ts only`);
    }
  }
  // Circles: a depth-first walk that meets a module still on its path.
  const state = new Map<string, "open" | "done">();
  const walk = (file: string, trail: string[]) => {
    state.set(file, "open");
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === "open") problems.push(`a circle: ${[...trail.slice(trail.indexOf(target)), target].join(" → ")}`);
      else if (!state.has(target) && graph.has(target)) walk(target, [...trail, target]);
    }
    state.set(file, "done");
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) walk(file, [file]);
  return problems;
}

describe("src/_config/ by concern", () => {
  const files = sources();

  it(`has at most ${MAX_TOP_ENTRIES} entries at its top, each folder one of the floors`, () => {
    const top = readdirSync(path.join(ROOT, CONFIG), { withFileTypes: true });
    expect(top.length).toBeLessThanOrEqual(MAX_TOP_ENTRIES);
    const folders = top.filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.sort()).toEqual([...FLOORS].sort());
    expect(top.filter((e) => e.isFile()).map((e) => e.name)).toEqual(["types.ts"]);
  });

  it("every import goes down or across, never up, and no chain of imports is a circle", () => {
    expect(files.size).toBeGreaterThan(60);
    const arrows = [...files].reduce((n, [file, text]) => n + importsOf(file, text).length, 0);
    expect(arrows).toBeGreaterThan(150);
    expect(architectureProblems(files)).toEqual([]);
  });

  it("finds an arrow up, a circle, data importing code and a module outside the floors", () => {
    const planted = new Map(files);
    // problems/ is the lowest floor: it may not know the content editor.
    planted.set(`${CONFIG}/problems/suggest.ts`, `import { cmsConfig } from "../editors/cms-config.ts";\n${planted.get(`${CONFIG}/problems/suggest.ts`)}`);
    planted.set(`${CONFIG}/urls/paths.ts`, `${planted.get(`${CONFIG}/urls/paths.ts`)}\nexport { slugify } from "./slugify.ts";\n`);
    planted.set(`${CONFIG}/urls/slugify.ts`, `${planted.get(`${CONFIG}/urls/slugify.ts`)}\nconst lazy = () => import("./paths.ts");\n`);
    planted.set("src/_data/site.ts", `import { withPrefix } from "../_config/urls/paths.ts";\n${planted.get("src/_data/site.ts")}`);
    planted.set(`${CONFIG}/helpers.ts`, "export const x = 1;\n");
    const problems = architectureProblems(planted);
    expect(problems).toContain(`${CONFIG}/problems/suggest.ts imports ${CONFIG}/editors/cms-config.ts: an arrow up, from problems/ to editors/`);
    expect(problems).toContain(`a circle: ${CONFIG}/urls/paths.ts → ${CONFIG}/urls/slugify.ts → ${CONFIG}/urls/paths.ts`);
    expect(problems).toContain("src/_data/site.ts imports src/_config/urls/paths.ts: data files import types.ts only");
    expect(problems).toContain(`${CONFIG}/helpers.ts: not in a folder of ${CONFIG}/ that has a floor (${FLOORS.join(", ")})`);
  });
});
