// Benchmark (issues 9 and 17): how long an editor waits for a save during
// `npm start`, and how the production build compares with bare Eleventy on
// thousands of posts. A script, not a test: it prints each target of issue 17
// with its figure and whether it is met; it asserts nothing.
//
// Usage: npm run bench [-- --posts=4000 --runs=3 --saves=5 --keep]
//   --bilingual-only / --one-author-only: one shape of corpus instead of both.
//   --eleventy=4 (or --eleventy=3.1.8,4): the site and bare Eleventy on that
//   version of Eleventy instead of package.json's (a major: its newest
//   release or prerelease), installed once in .cache/ (eleventy-version.ts);
//   with two, both in turn, each build alternating between them.
//   --fast-render: the editor's loop with FAST_RENDER=1 (src/_config/dev-server/fast-render.ts).
//   --loop-only: the editor's loop alone, no builds; --builds-only: the reverse.
//   --keep leaves the temporary folders in place (for profiling), and says where.
//
// For each shape of corpus (scripts/bench-corpus.ts: N/2 English posts and
// their French twins; or N English posts by one author), it writes the posts
// into a temporary copy of the site, and the same Markdown files into a second
// temporary folder with bare Eleventy (no plugins, one trivial layout). Then,
// alternating so that machine noise hits both alike, it times:
//   (a) this site's production build: the Eleventy step alone (as build.ts runs
//       it), the search index alone (the Pagefind calls of build.ts, on that
//       output), and the whole of scripts/build.ts (what `npm run build` does);
//   (b) bare Eleventy on the same posts.
// Then it starts `npm start` on the copy and saves one post, alternating a body
// edit and a date edit, each timed from the save to the new page on disk.
// Memory is sampled from /proc every 50 ms: the peak of the largest single
// process (tsx starts a second Node process, Pagefind its own binary) and of
// the whole process tree. Nothing to install; the real src/ and _site/ are
// never touched.
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { postFile, writePosts, type Shape } from "./bench-corpus.ts";
import { slugify } from "../src/_config/urls/slugify.ts";
import { eleventyVersion, installEleventy, linkNodeModules, resolveVersion } from "./eleventy-version.ts";

const arg = (name: string, fallback: number): number => {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, not '${raw}'`);
  return value;
};

// ---------------------------------------------------------------------------
// Child mode: `tsx scripts/bench.ts --index=<dir>` runs the search index of
// scripts/build.ts (scripts/search-index.ts) on a built folder and prints how
// long it took. A child process, so that its memory (and the Pagefind
// processes') is measured like the others' and the bench's own is not counted.
const indexDir = process.argv.find((a) => a.startsWith("--index="))?.slice("--index=".length);
if (indexDir) {
  const { indexSite } = await import("./search-index.ts");
  const start = performance.now();
  const { pages, errors } = await indexSite(indexDir);
  if (errors.length) throw new Error(errors.join("; "));
  console.log(JSON.stringify({ ms: performance.now() - start, pages }));
  process.exit(0);
}

// ---------------------------------------------------------------------------
// Measuring a child: wall time; CPU time (user + system of the child and all its
// descendants, which a busy machine inflates far less than wall time); and the
// peak of the summed VmRSS of the child's process tree, sampled every 50 ms
// through /proc/<pid>/task/*/children. Linux only, nothing to install.
/** Resident memory (KiB) of a process and each of its descendants, by PID. */
async function treeRss(pid: number, into = new Map<number, number>()): Promise<Map<number, number>> {
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  into.set(pid, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0));
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  for (const task of tasks) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
    for (const child of children.split(" ").filter(Boolean)) await treeRss(Number(child), into);
  }
  return into;
}

// The command runs under sh, which, once it has waited for it, reads its own
// cutime and cstime (fields 16 and 17 of /proc/<pid>/stat): the CPU time of
// the whole tree, as `time` would report it. Only of processes that were
// waited for: Pagefind's binary is killed by close(), not waited for, so its
// CPU time is missing from the full build's (its memory is sampled).
const CPU_WRAPPER = 'tick=$(getconf CLK_TCK); "$@"; s=$?; read -r stat < /proc/$$/stat; echo "@@cpu $tick $stat"; exit $s';

interface Sample {
  ms: number;
  cpuMs: number;
  /** Peak of the whole process tree's summed resident memory. */
  mib: number;
  /** Peak resident memory of the largest single process of the tree. */
  processMib: number;
  stdout: string;
}

const bin = (cwd: string, name: string) => path.join(cwd, "node_modules", ".bin", name);

async function measure(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Promise<Sample> {
  // node_modules/.bin first on PATH, so that tsx's `#!/usr/bin/env node` finds the pinned Node 24.
  const PATH = `${path.join(cwd, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`;
  const start = performance.now();
  const child = spawn("sh", ["-c", CPU_WRAPPER, "sh", command, ...args], {
    cwd,
    env: { ...process.env, PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d));
  child.stderr.on("data", (d: Buffer) => (stderr += d));
  let peak = 0;
  let processPeak = 0;
  let sampling = false;
  const timer = setInterval(() => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    void treeRss(child.pid).then((byPid) => {
      const sizes = [...byPid.values()];
      peak = Math.max(peak, sizes.reduce((a, b) => a + b, 0));
      processPeak = Math.max(processPeak, ...sizes);
      sampling = false;
    });
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const ms = performance.now() - start;
  clearInterval(timer);
  const cpu = /^@@cpu (\d+) .*\) (.*)$/m.exec(stdout);
  stdout = stdout.replace(/^@@cpu .*\n?/m, "");
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} failed (${code}) in ${cwd}:\n${stdout}\n${stderr}`);
  const fields = cpu?.[2]!.split(" ") ?? [];
  // After "(comm) ", field 3 (state) comes first: fields 16 and 17 are at 13 and 14.
  const cpuMs = cpu ? ((Number(fields[13]) + Number(fields[14])) * 1000) / Number(cpu[1]) : NaN;
  return { ms, cpuMs, mib: peak / 1024, processMib: processPeak / 1024, stdout };
}

// ---------------------------------------------------------------------------
// The editor's loop: `npm start` on the copy, then saves of one post, each
// timed from the write of the Markdown file to the new page on disk (the
// output file holding the change), as an editor waits for it. Alternating a
// body edit and a date edit (which moves the post in the listings).
interface Saves {
  body: number[];
  date: number[];
  bodyFiles: number[];
  dateFiles: number[];
  /** CPU time of the server's process tree for each save, which a busy machine distorts less than wall time. */
  bodyCpu: number[];
  dateCpu: number[];
  /** From the save to the end of Eleventy's first rebuild after it ("Wrote N files"). */
  bodyDone: number[];
  dateDone: number[];
  /** How many rebuilds a save started (more than one: the watcher saw it twice). */
  bodyBuilds: number[];
  dateBuilds: number[];
}

/** User + system CPU time (ms) of a process and its descendants, so far. */
async function treeCpu(pid: number): Promise<number> {
  let ticks = 0;
  for (const each of (await treeRss(pid)).keys()) {
    const stat = await readFile(`/proc/${each}/stat`, "utf8").catch(() => "");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0); // utime, stime
  }
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

async function editorLoop(site: string, saves: number, post: number, env: Record<string, string> = {}): Promise<Saves> {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const PATH = `${path.join(site, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`;
  const server = spawn(bin(site, "tsx"), ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", "--incremental", `--port=${port}`], {
    cwd: site,
    env: { ...process.env, PATH, ELEVENTY_ENV: "preview", ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group, stopped as one below
  });
  let log = "";
  server.stdout.on("data", (d: Buffer) => (log += d));
  server.stderr.on("data", (d: Buffer) => (log += d));
  /** Until the server's process tree has used almost no CPU for a second. */
  const idle = async () => {
    for (let last = await treeCpu(server.pid!); ; ) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const now = await treeCpu(server.pid!);
      if (now - last < 50) return;
      last = now;
    }
  };
  const waitFor = async (test: () => boolean, what: string) => {
    const start = performance.now();
    while (!test()) {
      if (server.exitCode !== null || performance.now() - start > 300_000) throw new Error(`npm start: no ${what}\n${log.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  try {
    // Eleventy 4 prints "Waiting…" where 3 printed "Watching…".
    await waitFor(() => /Watching…|Waiting…/.test(log), "first build");
    // Eleventy prints "Watching…" before its file watcher has read the folders
    // (4,000 posts take seconds): a save before then goes unseen. Wait until
    // the server is idle, as it is when an editor makes their first change.
    await idle();
    const source = path.join(site, "src", "blog", postFile(post, "en"));
    const title = JSON.parse(/^title: (.*)$/m.exec(await readFile(source, "utf8"))![1]!) as string;
    const output = path.join(site, "_site", "en", "blog", slugify(title), "index.html");
    const result: Saves = { body: [], date: [], bodyFiles: [], dateFiles: [], bodyCpu: [], dateCpu: [], bodyDone: [], dateDone: [], bodyBuilds: [], dateBuilds: [] };
    for (let i = 0; i < saves * 2; i++) {
      const kind = i % 2 === 0 ? "body" : "date";
      const text = await readFile(source, "utf8");
      // Each date edit a different date, so that the post moves every time.
      const day = `2031-01-${String(1 + (i % 28)).padStart(2, "0")}`;
      const marker = kind === "body" ? `Saved by the bench ${i}.` : `datetime="${day}"`;
      const edited = kind === "body" ? `${text.trimEnd()}\n\nSaved by the bench ${i}.\n` : text.replace(/^date: .*$/m, `date: ${day}T12:00:00.000Z`);
      const from = log.length;
      const cpuBefore = await treeCpu(server.pid!);
      const start = performance.now();
      await writeFile(source, edited);
      await waitFor(() => existsSync(output) && readFileSync(output, "utf8").includes(marker), "new page on disk");
      const ms = performance.now() - start;
      await waitFor(() => /Wrote \d+ files/.test(log.slice(from)), "end of the rebuild");
      const done = performance.now() - start;
      // As an editor would: not saving mid-build. Eleventy goes on after
      // "Wrote" (the dev server's reload; on a busy machine a save can start
      // a second rebuild): the next save waits until the server is idle.
      await idle();
      const wrote = [...log.slice(from).matchAll(/Wrote (\d+) files/g)].map((m) => Number(m[1]));
      result[kind].push(ms);
      result[`${kind}Done`].push(done);
      result[`${kind}Cpu`].push((await treeCpu(server.pid!)) - cpuBefore);
      result[`${kind}Files`].push(wrote.reduce((a, b) => a + b, 0));
      result[`${kind}Builds`].push(wrote.length);
    }
    return result;
  } finally {
    try {
      process.kill(-server.pid!, "SIGINT");
    } catch {}
    await new Promise((resolve) => server.once("close", resolve));
  }
}

// ---------------------------------------------------------------------------
const posts = arg("posts", 4000);
const runs = arg("runs", 3);
const saves = arg("saves", 5);
const shapes: Shape[] = process.argv.includes("--bilingual-only") ? ["bilingual"] : process.argv.includes("--one-author-only") ? ["one-author"] : ["bilingual", "one-author"];
const root = process.cwd();
// --eleventy=4, or --eleventy=3.1.8,4 for both, run in turn: which versions of
// Eleventy to run (a major version means its newest release or prerelease).
// Without it, package.json's.
const installed = eleventyVersion(root);
const versions: Version[] = [];
for (const spec of process.argv.find((a) => a.startsWith("--eleventy="))?.slice("--eleventy=".length).split(",") ?? [installed]) {
  const version = resolveVersion(spec);
  versions.push(version === installed ? { version } : { version, dir: await installEleventy(root, version) });
}
const tmp = await mkdtemp(path.join(os.tmpdir(), "cds-bench-"));
const keep = process.argv.includes("--keep");
// --fast-render: npm start with FAST_RENDER=1 (src/_config/dev-server/fast-render.ts); --loop-only: no builds.
const fastRender = process.argv.includes("--fast-render");
const loopOnly = process.argv.includes("--loop-only");
const buildsOnly = process.argv.includes("--builds-only");
const cleanup = async () => (keep ? console.log(`Kept ${tmp}`) : rm(tmp, { recursive: true, force: true }));
// Interrupted (Ctrl-C, or killed by a CI timeout): still remove the temporary folders.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanup().then(() => process.exit(130)));

const median = (xs: number[]) => {
  const sorted = [...xs].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
const verdict = (ok: boolean) => (ok ? "met" : "NOT met");
const targets: string[] = [];

/** One Eleventy the bench runs: package.json's, or another one installed in .cache/ (scripts/eleventy-version.ts). */
interface Version {
  version: string;
  /** Its install folder, or undefined for the project's own node_modules. */
  dir?: string;
}

async function benchShape(shape: Shape): Promise<void> {
  const dir = path.join(tmp, shape);
  const english = shape === "bilingual" ? Math.floor(posts / 2) : posts;
  const label = shape === "bilingual" ? `${english} English + ${posts - english} French` : `${posts} English, one author`;
  console.log(`\n== ${posts} posts (${label}) in ${dir}`);

  const production = { ELEVENTY_ENV: "production" };
  const out = "_bench_eleventy";
  // For each version of Eleventy: a copy of the site and a bare Eleventy site, on the same posts.
  const benches = [];
  for (const eleventy of versions) {
    const at = path.join(dir, `eleventy-${eleventy.version}`);
    // (a) A copy of the site: what build.ts needs, node_modules linked, not copied.
    const site = path.join(at, "site");
    for (const entry of ["src", "scripts", ".eleventy.ts", "package.json", "tsconfig.json"]) {
      await cp(path.join(root, entry), path.join(site, entry), { recursive: true });
    }
    // Processed images are kept between builds in .cache/img/; a fresh clone makes
    // them on its first build, which the warm-up run below stands for.
    // Not the other versions of Eleventy that .cache/ holds.
    const cache = path.join(root, ".cache");
    if (existsSync(cache)) await cp(cache, path.join(site, ".cache"), { recursive: true, filter: (f) => !path.relative(cache, f).startsWith("eleventy-") });
    await linkNodeModules(root, site, eleventy.dir);
    await writePosts(path.join(site, "src", "blog"), posts, shape);

    // (b) Bare Eleventy: the same post files, a layout that prints the title and
    // the content, the default Markdown library and no plugins.
    const bare = path.join(at, "bare");
    await cp(path.join(site, "src", "blog"), path.join(bare, "src", "blog"), {
      recursive: true,
      filter: (f) => !f.endsWith(".ts"), // only the Markdown: no directory data
    });
    const layout = "<!doctype html>\n<title>{{ title }}</title>\n<h1>{{ title }}</h1>\n{{ content | safe }}\n";
    await mkdir(path.join(bare, "src", "_includes"));
    await writeFile(path.join(bare, "src", "_includes", "blog.njk"), layout);
    await writeFile(path.join(bare, "src", "_includes", "page.njk"), layout);
    await writeFile(path.join(bare, "eleventy.config.mjs"), 'export default function () {\n  return { dir: { input: "src", output: "_site" } };\n}\n');
    await linkNodeModules(root, bare, eleventy.dir);
    benches.push({
      ...eleventy,
      site,
      // The Eleventy step exactly as scripts/build.ts runs it.
      eleventyPart: () =>
        measure(site, bin(site, "tsx"), ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${out}`, "--quiet"], production),
      indexPart: () => measure(site, bin(site, "tsx"), ["scripts/bench.ts", `--index=${out}`]),
      fullBuild: () => measure(site, bin(site, "tsx"), ["scripts/build.ts"], production),
      // Bare Eleventy runs on plain Node 24 (no tsx): its config is plain JavaScript.
      // Its output folder is emptied first, as build.ts starts from an empty one.
      bareBuild: async () => {
        await rm(path.join(bare, "_site"), { recursive: true, force: true });
        return measure(bare, bin(bare, "node"), ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"]);
      },
      results: { b: [] as Sample[], a: [] as Sample[], index: [] as Sample[], full: [] as Sample[] },
      indexMs: [] as number[],
      loop: undefined as Saves | undefined,
    });
  }

  for (const bench of buildsOnly ? [] : benches) {
    console.log(`Eleventy ${bench.version}: the editor's loop: npm start${fastRender ? " (FAST_RENDER=1)" : ""}, ${saves} body edits and ${saves} date edits of one post, alternating…`);
    const loop = await editorLoop(bench.site, saves, Math.floor(english / 2), fastRender ? { FAST_RENDER: "1" } : {});
    bench.loop = loop;
    for (const kind of ["body", "date"] as const) {
      console.log(
        `${kind} edits: ${loop[kind].map(s).join(", ")}; Eleventy's rebuild done ${loop[`${kind}Done`].map(s).join(", ")}; ` +
          `CPU ${loop[`${kind}Cpu`].map(s).join(", ")}; ${loop[`${kind}Files`].join(", ")} files written in ${loop[`${kind}Builds`].join(", ")} rebuilds; load ${load()}`,
      );
    }
    if (loopOnly) {
      targets.push(`\n${label}, Eleventy ${bench.version}${fastRender ? ", FAST_RENDER=1" : ""}:`);
      for (const kind of ["body", "date"] as const) {
        targets.push(`  ${kind} edit: page on disk ${s(median(loop[kind]))}, Eleventy's rebuild done ${s(median(loop[`${kind}Done`]))}, CPU ${s(median(loop[`${kind}Cpu`]))} (medians of ${saves})`);
      }
    }
  }
  if (loopOnly) return;
  console.log(`Load average ${load()}. Warming up…`);
  for (const bench of benches) {
    await bench.fullBuild(); // makes .cache/img if it was missing, fills the file-system cache
    await bench.bareBuild();
  }

  for (let run = 1; run <= runs; run++) {
    // Versions alternate, and which goes first alternates too, so that a busy
    // moment of a shared machine falls on both alike.
    for (const bench of run % 2 ? benches : [...benches].reverse()) {
      const { results, indexMs } = bench;
      results.b.push(await bench.bareBuild());
      await rm(path.join(bench.site, out), { recursive: true, force: true });
      results.a.push(await bench.eleventyPart());
      const index = await bench.indexPart();
      results.index.push(index);
      indexMs.push((JSON.parse(index.stdout.trim().split("\n").at(-1)!) as { ms: number }).ms);
      results.full.push(await bench.fullBuild());
      const [b, a, full] = [results.b, results.a, results.full].map((r) => s(r.at(-1)!.ms));
      console.log(`run ${run}/${runs}, Eleventy ${bench.version}: (b) bare ${b}, (a) Eleventy part ${a}, search index ${s(indexMs.at(-1)!)}, (a) full build ${full}; load ${load()}`);
    }
  }

  const wall = (r: Sample[]) => median(r.map((x) => x.ms));
  const cpu = (r: Sample[]) => median(r.map((x) => x.cpuMs));
  const tree = (r: Sample[]) => Math.max(...r.map((x) => x.mib));
  const single = (r: Sample[]) => Math.max(...r.map((x) => x.processMib));
  console.log(`\nMedians of ${runs} runs. wall: elapsed time; CPU: user + system time of the process tree;`);
  console.log("memory: peak resident memory of the largest single process, and of the whole process tree (largest of the runs).");
  for (const { version, results, indexMs, site, loop } of benches) {
    const row = (name: string, r: Sample[]) =>
      `${name.padEnd(27)}${s(wall(r)).padStart(9)} ${(wall(r) / wall(results.b)).toFixed(2).padStart(5)}×` +
      `${s(cpu(r)).padStart(10)} ${(cpu(r) / cpu(results.b)).toFixed(2).padStart(5)}×${single(r).toFixed(0).padStart(8)} MiB${tree(r).toFixed(0).padStart(8)} MiB`;
    console.log(`\nEleventy ${version}, ${label}:`);
    console.log(`${"".padEnd(27)}${"wall".padStart(9)} ${"".padStart(6)}${"CPU".padStart(10)} ${"".padStart(6)}${"process".padStart(12)}${"tree".padStart(12)}`);
    console.log(row("(b) bare Eleventy", results.b));
    console.log(row("(a) Eleventy part", results.a));
    console.log(`${"search index (Pagefind)".padEnd(27)}${s(median(indexMs)).padStart(9)} ${(median(indexMs) / wall(results.b)).toFixed(2).padStart(5)}×${"".padStart(17)}${single(results.index).toFixed(0).padStart(8)} MiB${tree(results.index).toFixed(0).padStart(8)} MiB`);
    console.log(row("(a) full build (build.ts)", results.full));

    // Page weight, from the warm-up build (the test suite holds the budget).
    const built = path.join(site, "_site");
    const gz = async (file: string) => gzipSync(await readFile(path.join(built, file)), { level: 9 }).length;
    const rolePage = await gz("en/roles/product-manager/index.html");
    const postPage = await gz("en/blog/so-what-exactly-is-a-product-manager-anyway/index.html");
    const css = /href="(\/assets\/site\.[^"]+\.css)"/.exec(await readFile(path.join(built, "en/roles/product-manager/index.html"), "utf8"))![1]!;
    const cssSize = await gz(css.slice(1));

    const ratio = wall(results.full) / wall(results.b);
    const biggest = single(results.full);
    const lines = [
      ...(buildsOnly ? [] : ([
      [`Editor's loop, body edit (median of ${saves})`, `${s(median(loop!.body))} (CPU ${s(median(loop!.bodyCpu))})`, "≤ 1 s", median(loop!.body) <= 1000],
      [`Editor's loop, title/date edit (median of ${saves})`, `${s(median(loop!.date))} (CPU ${s(median(loop!.dateCpu))})`, "≤ 2 s", median(loop!.date) <= 2000],
      ] as const)),
      ["Full build (search indexes included) / bare", `${ratio.toFixed(2)}× (${s(wall(results.full))} / ${s(wall(results.b))})`, "≤ 3×", ratio <= 3],
      ["Largest single process of the build", `${biggest.toFixed(0)} MiB (whole tree ${tree(results.full).toFixed(0)} MiB)`, "≤ 768 MiB", biggest <= 768],
      ["Role page, gzip HTML", `${(rolePage / 1024).toFixed(1)} KB`, "≤ 10 KB", rolePage <= 10 * 1024],
      ["Post, gzip HTML", `${(postPage / 1024).toFixed(1)} KB`, "≤ 10 KB", postPage <= 10 * 1024],
      ["Stylesheet, gzip", `${(cssSize / 1024).toFixed(1)} KB`, "≤ 4 KB", cssSize <= 4 * 1024],
    ] as const;
    targets.push(`\n${label}, Eleventy ${version}:`);
    for (const [name, figure, target, ok] of lines) targets.push(`  ${name.padEnd(50)} ${figure.padEnd(34)} target ${target.padEnd(10)} ${verdict(ok)}`);
  }
}

try {
  console.log(`Node ${process.version} for the bench; ${os.cpus().length} CPUs; ${posts} posts; ${runs} runs of each build; ${saves} saves of each kind; Eleventy ${versions.map((v) => v.version).join(" and ")}.`);
  for (const shape of shapes) await benchShape(shape);
  console.log(`\nTargets (issue 17), ${posts} posts:${targets.join("\n")}`);
} finally {
  await cleanup();
}
