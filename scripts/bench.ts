// Benchmark (issue 9): is this site's build about as fast as bare Eleventy on
// thousands of posts? A script, not a test: it prints figures, it asserts nothing.
//
// Usage: npm run bench [-- --posts=4000 --runs=3 --keep]
//   --keep leaves the temporary folders in place (for profiling), and says where.
//
// It writes N synthetic posts (half English in src/blog/, half French twins in
// src/blog/fr/) into a temporary copy of the site, and the same Markdown files
// into a second temporary folder with bare Eleventy (no plugins, one trivial
// layout). Then, alternating so that machine noise hits both alike, it times:
//   (a) this site's production build: the Eleventy step alone (as build.ts runs
//       it), the search index alone (the Pagefind calls of build.ts, on that
//       output), and the whole of scripts/build.ts (what `npm run build` does);
//   (b) bare Eleventy on the same posts;
//   (b′) for reference, bare Eleventy again with this site's page frame as a
//       static layout: the cost of writing and holding pages of this size.
// Memory is the peak resident memory of the whole process tree (tsx starts a
// second Node process, Pagefind its own binary), sampled from /proc, so the
// bench needs nothing installed. The real src/ and _site/ are never touched.
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import authors from "../src/_data/authors.ts";

const arg = (name: string, fallback: number): number => {
  const raw = process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer, not '${raw}'`);
  return value;
};

// ---------------------------------------------------------------------------
// Child mode: `tsx scripts/bench.ts --index=<dir>` runs exactly the Pagefind
// calls of scripts/build.ts on a built folder and prints how long they took.
// A child process, so that its memory (and the Pagefind binary's) is measured
// like the others' and the bench's own memory is not counted.
const indexDir = process.argv.find((a) => a.startsWith("--index="))?.slice("--index=".length);
if (indexDir) {
  const { createIndex, close } = await import("pagefind");
  const start = performance.now();
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(errors.join("; "));
  const added = await index.addDirectory({ path: indexDir });
  const written = await index.writeFiles({ outputPath: path.join(indexDir, "pagefind") });
  await close();
  if (added.errors.length || written.errors.length) throw new Error([...added.errors, ...written.errors].join("; "));
  console.log(JSON.stringify({ ms: performance.now() - start, pages: added.page_count }));
  process.exit(0);
}

// ---------------------------------------------------------------------------
// Synthetic posts. A seeded PRNG (mulberry32) makes every run write the same
// files, so two runs of the bench measure the same work.
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = "en" | "fr";
const WORDS: Record<Lang, string[]> = {
  en: "service delivery team users research design product policy government digital accessible bilingual sprint prototype feedback data release agile partners public servants build measure learn content plain language security reliability platform outcome iterate".split(" "),
  fr: "prestation services équipe utilisateurs recherche conception produit politique gouvernement numérique accessible bilingue sprint prototype rétroaction données publication agile partenaires fonctionnaires bâtir mesurer apprendre contenu langage clair sécurité fiabilité plateforme résultat itérer".split(" "),
};
// French titles carry accents, so the ASCII-folding slug of src/_config/slugify.ts runs.
const TITLES: Record<Lang, string[]> = {
  en: ["What we learned shipping", "A day in the life of", "How we measure", "Notes on", "Why we care about", "Lessons from"],
  fr: ["Ce que nous avons appris en livrant", "Une journée dans la vie d’un·e", "Comment nous mesurons", "Réflexions sur", "Pourquoi l’équipe tient à", "Leçons tirées de"],
};
const ROLE_URL: Record<Lang, string> = { en: "/en/roles/product-manager/", fr: "/fr/roles/gestionnaire-de-produits/" };
const LEVELS = ["associate", "pm", "senior", "principle", "head"];
const CODE = [
  ["js", 'const answer = await fetch("/api/status");\nif (!answer.ok) throw new Error(answer.statusText);'],
  ["python", "def slugify(text: str) -> str:\n    return '-'.join(text.lower().split())"],
  ["bash", "npm ci\nnpm run build -- --output=_site"],
  ["json", '{ "lang": "fr", "translationKey": "demo", "draft": false }'],
] as const;

function post(i: number, lang: Lang): string {
  const rand = prng(i * 2 + 1); // the same seed in both languages: twins share their shape
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS[lang])).join(" ");
  const sentence = () => {
    const s = words(8 + Math.floor(rand() * 14));
    return s[0]!.toUpperCase() + s.slice(1) + ".";
  };
  const paragraph = () => {
    const parts = Array.from({ length: 2 + Math.floor(rand() * 4) }, sentence);
    const r = rand();
    const level = pick(LEVELS);
    if (r < 0.3) parts.push(`${lang === "en" ? "See the" : "Voir le niveau"} [${level}](${ROLE_URL[lang]}#${level})${lang === "en" ? " level" : ""}.`);
    else if (r < 0.6) parts.push(`*${words(3)}* ${lang === "en" ? "and" : "et"} **${words(2)}**.`);
    return parts.join(" ");
  };
  const body: string[] = [paragraph()];
  for (let s = 0, sections = 3 + Math.floor(rand() * 5); s < sections; s++) {
    body.push(`## ${sentence().slice(0, -1)}`, paragraph(), paragraph());
    const r = rand();
    if (r < 0.35) body.push(Array.from({ length: 3 + Math.floor(rand() * 4) }, () => `- ${words(4)}`).join("\n"));
    else if (r < 0.6) {
      const [language, code] = pick(CODE);
      body.push("```" + language + "\n" + code + "\n```");
    } else if (r < 0.75) body.push(`### ${words(3)}`, paragraph());
  }
  const team = authors.map((a) => a.name);
  const names = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(team)))].join(", ");
  const date = new Date(Date.UTC(2015, 0, 1) + i * 36 * 3600 * 1000); // one post every day and a half
  const withImage = rand() < 0.3;
  const n = String(i).padStart(5, "0");
  const title = `${pick(TITLES[lang])} ${words(3)} ${n}`; // the number keeps every title, so every URL, unique
  const fm = [
    "---",
    "layout: blog",
    `title: ${JSON.stringify(title)}`, // a JSON string is a valid YAML scalar, quotes and accents included
    `description: ${JSON.stringify(sentence())}`,
    `author: ${JSON.stringify(names)}`,
    `date: ${date.toISOString()}`,
    ...(withImage ? ["image: /img/cds/pm-banner-fix.jpg", `image-alt: ${JSON.stringify(sentence())}`] : []),
    `translationKey: bench-${n}`,
    "---",
  ];
  return `${fm.join("\n")}\n${body.join("\n\n")}\n`;
}

async function writePosts(blogDir: string, count: number): Promise<void> {
  await mkdir(path.join(blogDir, "fr"), { recursive: true });
  const pairs = Math.floor(count / 2);
  for (let i = 0; i < pairs; i++) {
    const n = String(i).padStart(5, "0");
    await writeFile(path.join(blogDir, `bench-${n}.md`), post(i, "en"));
    await writeFile(path.join(blogDir, "fr", `bench-${n}.md`), post(i, "fr"));
  }
}

// ---------------------------------------------------------------------------
// Measuring a child: wall time; CPU time (user + system of the child and all its
// descendants, which a busy machine inflates far less than wall time); and the
// peak of the summed VmRSS of the child's process tree, sampled every 50 ms
// through /proc/<pid>/task/*/children. Linux only, nothing to install.
async function treeRss(pid: number): Promise<number> {
  let kib = 0;
  const status = await readFile(`/proc/${pid}/status`, "utf8").catch(() => "");
  kib += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  for (const task of tasks) {
    const children = await readFile(`/proc/${pid}/task/${task}/children`, "utf8").catch(() => "");
    for (const child of children.split(" ").filter(Boolean)) kib += await treeRss(Number(child));
  }
  return kib;
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
  mib: number;
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
  let sampling = false;
  const timer = setInterval(() => {
    if (sampling || child.pid === undefined) return;
    sampling = true;
    void treeRss(child.pid).then((kib) => {
      peak = Math.max(peak, kib);
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
  return { ms, cpuMs, mib: peak / 1024, stdout };
}

// ---------------------------------------------------------------------------
const posts = arg("posts", 4000);
const runs = arg("runs", 3);
const root = process.cwd();
const tmp = await mkdtemp(path.join(os.tmpdir(), "cds-bench-"));
const keep = process.argv.includes("--keep");
const cleanup = async () => (keep ? console.log(`Kept ${tmp}`) : rm(tmp, { recursive: true, force: true }));
// Interrupted (Ctrl-C, or killed by a CI timeout): still remove the temporary folders.
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void cleanup().then(() => process.exit(130)));

try {
  // (a) A copy of the site: what build.ts needs, node_modules linked, not copied.
  const site = path.join(tmp, "site");
  for (const entry of ["src", "scripts", ".eleventy.ts", "package.json", "tsconfig.json"]) {
    await cp(path.join(root, entry), path.join(site, entry), { recursive: true });
  }
  // Processed images are kept between builds in .cache/img/; a fresh clone makes
  // them on its first build, which the warm-up run below stands for.
  if (existsSync(path.join(root, ".cache"))) await cp(path.join(root, ".cache"), path.join(site, ".cache"), { recursive: true });
  await symlink(path.join(root, "node_modules"), path.join(site, "node_modules"), "dir");
  await writePosts(path.join(site, "src", "blog"), posts);

  // (b) Bare Eleventy: the same post files, a layout that prints the title and
  // the content, the default Markdown library and no plugins.
  const bare = path.join(tmp, "bare");
  await cp(path.join(site, "src", "blog"), path.join(bare, "src", "blog"), {
    recursive: true,
    filter: (f) => !f.endsWith(".ts"), // only the Markdown: no directory data
  });
  const layout = "<!doctype html>\n<title>{{ title }}</title>\n<h1>{{ title }}</h1>\n{{ content | safe }}\n";
  await mkdir(path.join(bare, "src", "_includes"));
  await writeFile(path.join(bare, "src", "_includes", "blog.njk"), layout);
  await writeFile(path.join(bare, "src", "_includes", "page.njk"), layout);
  await writeFile(path.join(bare, "eleventy.config.mjs"), 'export default function () {\n  return { dir: { input: "src", output: "_site" } };\n}\n');
  await symlink(path.join(root, "node_modules"), path.join(bare, "node_modules"), "dir");

  const production = { ELEVENTY_ENV: "production" };
  const out = "_bench_eleventy";
  // The Eleventy step exactly as scripts/build.ts runs it.
  const eleventyPart = () =>
    measure(site, bin(site, "tsx"), ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", `--output=${out}`, "--quiet"], production);
  const indexPart = () => measure(site, bin(site, "tsx"), ["scripts/bench.ts", `--index=${out}`]);
  const fullBuild = () => measure(site, bin(site, "tsx"), ["scripts/build.ts"], production);
  // Bare Eleventy runs on plain Node 24 (no tsx): its config is plain JavaScript.
  // Its output folder is emptied first, as build.ts starts from an empty one.
  const bareEleventy = async (dir: string) => {
    await rm(path.join(dir, "_site"), { recursive: true, force: true });
    return measure(dir, bin(dir, "node"), ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"]);
  };
  const bareBuild = () => bareEleventy(bare);

  // (b′) For reference: bare Eleventy writing pages as big as this site's. Its
  // layout is the frame (head, header, navigation, footer) of one post of the
  // warm-up build below, as static text around the title and the content: what
  // writing and holding pages of this size costs Eleventy without any plugin.
  const framed = path.join(tmp, "bare-framed");
  async function makeFramed(): Promise<void> {
    await cp(bare, framed, { recursive: true, filter: (f) => !f.includes(`${path.sep}_site`) });
    const blog = path.join(site, "_site", "en", "blog");
    for (const entry of (await readdir(blog)).sort()) {
      const html = await readFile(path.join(blog, entry, "index.html"), "utf8").catch(() => "");
      if (!html.includes('<article class="post"')) continue; // listing pages live here too
      const head = html.slice(0, html.indexOf("<main"));
      const tail = html.slice(html.indexOf("</main>"));
      const frame = `{% raw %}${head}{% endraw %}<main id="main"><h1>{{ title }}</h1>\n{{ content | safe }}\n{% raw %}${tail}{% endraw %}`;
      await writeFile(path.join(framed, "src", "_includes", "blog.njk"), frame);
      return;
    }
    throw new Error(`No post found in ${blog}`);
  }
  const framedBuild = () => bareEleventy(framed);

  const load = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`${posts} posts (${Math.floor(posts / 2)} English, ${Math.floor(posts / 2)} French) in ${tmp}`);
  console.log(`Node ${(await measure(site, bin(site, "node"), ["-v"])).stdout.trim()}, ${os.cpus().length} CPUs, load average ${load()}. Warming up…`);
  await fullBuild(); // makes .cache/img if it was missing, fills the file-system cache
  await bareBuild();
  await makeFramed();
  await framedBuild();

  const results = { b: [] as Sample[], framed: [] as Sample[], a: [] as Sample[], index: [] as Sample[], full: [] as Sample[] };
  const indexMs: number[] = [];
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  for (let run = 1; run <= runs; run++) {
    results.b.push(await bareBuild());
    results.framed.push(await framedBuild());
    await rm(path.join(site, out), { recursive: true, force: true });
    results.a.push(await eleventyPart());
    const index = await indexPart();
    results.index.push(index);
    indexMs.push((JSON.parse(index.stdout.trim().split("\n").at(-1)!) as { ms: number }).ms);
    results.full.push(await fullBuild());
    const [b, framedMs, a, full] = [results.b, results.framed, results.a, results.full].map((r) => s(r.at(-1)!.ms));
    console.log(
      `run ${run}/${runs}: (b) ${b}, (b′) ${framedMs}, (a) Eleventy part ${a}, search index ${s(indexMs.at(-1)!)}, (a) full build ${full}; load ${load()}`,
    );
  }

  const median = (xs: number[]) => {
    const sorted = [...xs].sort((x, y) => x - y);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  };
  const wall = (r: Sample[]) => median(r.map((x) => x.ms));
  const cpu = (r: Sample[]) => median(r.map((x) => x.cpuMs));
  const mem = (r: Sample[]) => Math.max(...r.map((x) => x.mib));
  const row = (label: string, r: Sample[], target?: number) => {
    const ratio = wall(r) / wall(results.b);
    const cpuRatio = cpu(r) / cpu(results.b);
    const verdict = target === undefined ? "" : `  target ≤ ${target}×: ${ratio <= target ? "met" : "NOT met"}`;
    return (
      `${label.padEnd(27)}${s(wall(r)).padStart(9)} ${ratio.toFixed(2).padStart(5)}×` +
      `${s(cpu(r)).padStart(10)} ${cpuRatio.toFixed(2).padStart(5)}×${mem(r).toFixed(0).padStart(7)} MiB${verdict}`
    );
  };
  console.log(`\nMedians of ${runs} runs. wall: elapsed time; CPU: user + system time of the process tree;`);
  console.log("memory: peak resident memory of the process tree (largest of the runs); ×: relative to (b).");
  console.log(`${"".padEnd(27)}${"wall".padStart(9)} ${"".padStart(6)}${"CPU".padStart(10)} ${"".padStart(6)}${"memory".padStart(11)}`);
  console.log(row("(b) bare Eleventy", results.b));
  console.log(row("(b′) bare + site's frame", results.framed));
  console.log(row("(a) Eleventy part", results.a, 1.25));
  console.log(row("(a) full build (build.ts)", results.full, 1.6));
  console.log(`${"search index (Pagefind)".padEnd(27)}${s(median(indexMs)).padStart(9)}${"".padStart(24)}${mem(results.index).toFixed(0).padStart(7)} MiB`);
  const peak = Math.max(mem(results.a), mem(results.full), mem(results.index));
  console.log(`Peak memory of (a): ${peak.toFixed(0)} MiB, target ≤ 500 MiB: ${peak <= 500 ? "met" : "NOT met"}.`);
} finally {
  await cleanup();
}
