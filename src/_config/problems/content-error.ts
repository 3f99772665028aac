import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * One problem in an editor's content: the file, the line where it is (the
 * front-matter field's line, or the line of the link, heading or note in the
 * Markdown), a short title and what to do about it.
 */
export interface Problem {
  file: string;
  line?: number;
  /** A few words, e.g. "Unknown author": the title of a GitHub annotation. */
  title?: string;
  message: string;
  severity: "error" | "warning";
}

/**
 * An error in an editor's content: names the file and, where known, the line,
 * so the message tells the editor where to look and what to change. One
 * ContentError may carry several problems of the same file.
 */
export class ContentError extends Error {
  readonly problems: Problem[];
  /** Without a `line`, the problem is on line 1, where the front matter starts. */
  constructor(inputPath: string, message: string, options: { line?: number; title?: string } = {}) {
    const problem: Problem = { file: relative(inputPath), line: options.line ?? 1, title: options.title, message, severity: "error" };
    super(formatProblem(problem, false));
    this.name = "ContentError";
    this.problems = [problem];
  }

  /** Several problems, of one file or of many, reported together. */
  static of(problems: Problem[]): ContentError {
    const error = new ContentError(problems[0]!.file, problems[0]!.message, problems[0]!);
    (error as { problems: Problem[] }).problems = problems;
    error.message = problems.map((p) => formatProblem(p, false)).join("\n");
    return error;
  }
}

export function relative(inputPath: string): string {
  return path.relative(process.cwd(), path.resolve(inputPath)) || inputPath;
}

/** True where GitHub Actions reads workflow commands from the output. */
export function inActions(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === "true";
}

/**
 * Whether a problem becomes an annotation on the pull request. GitHub shows
 * at most ten warnings (and ten errors) of a step, so when the workflow names
 * the files the pull request changes (`CHANGED_FILES`, one per line),
 * warnings about other files (the seeds' editorial notes, an old post's
 * stale translation) are only printed, and the editor's own are the ones
 * shown. Errors are always annotated: they fail the check.
 */
export function annotates(problem: Problem, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!inActions(env)) return false;
  if (problem.severity === "error" || !env.CHANGED_FILES?.trim()) return true;
  return env.CHANGED_FILES.split("\n").some((file) => file.trim() === problem.file);
}

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

/**
 * `src/blog/post.md:4: message`, which terminals and code editors make
 * clickable; in GitHub Actions, a workflow command that GitHub shows on that
 * line of the pull request: `::error file=src/blog/post.md,line=4,title=…::message`.
 */
export function formatProblem(problem: Problem, actions = inActions()): string {
  if (actions) {
    const props = [`file=${escapeProperty(problem.file)}`];
    if (problem.line) props.push(`line=${problem.line}`);
    if (problem.title) props.push(`title=${escapeProperty(problem.title)}`);
    return `::${problem.severity} ${props.join(",")}::${escapeData(problem.message)}`;
  }
  const severity = problem.severity === "warning" ? "warning: " : "";
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${severity}${problem.message}`;
}

// Problems that do not stop a build at once (warnings, broken links, an
// unknown author) are reported here while it runs, so that one run shows them
// all; src/_config/problems/problems.ts fails the build at its end if any is an error.
// Shared through globalThis: the directory data files are imported by tsx as
// a second instance of this module (see src/_config/build/ts-data.ts).
const reportedList: Problem[] = ((globalThis as Record<symbol, Problem[]>)[Symbol.for("careers-site.problems")] ??= []);

export function report(...problems: Problem[]): void {
  reportedList.push(...problems);
}

/** Everything reported since the last clearReported(), in the order found. */
export function reportedProblems(): Problem[] {
  return [...reportedList];
}

export function clearReported(): void {
  reportedList.length = 0;
}

interface ErrorChain {
  name?: string;
  message?: string;
  problems?: unknown;
  originalError?: unknown;
  cause?: unknown;
}

// Eleventy's own message when two pages would be written to the same file:
// "Output conflict: multiple input files are writing to `…`. … 1. ./src/a.md 2. ./src/b.md".
const OUTPUT_CONFLICT = /Output conflict: multiple input files are writing to `([^`]+)`[\s\S]*?\n\s*1\. (\S+)\n\s*2\. (\S+)/;

/**
 * The content problems behind an error Eleventy threw: ours travel wrapped in
 * Eleventy's own errors (`originalError`, `cause`); an output conflict names
 * two files. Empty for any other error (a bug, not an editor's mistake).
 * `outputDir` turns the conflict's output file back into the page's address.
 */
export function problemsOf(error: unknown, outputDir?: string): Problem[] {
  const seen = new Set<unknown>();
  for (let ref = error as ErrorChain | undefined; ref && typeof ref === "object" && !seen.has(ref); ) {
    seen.add(ref);
    // By name, not instanceof: the second module instance has its own class.
    if (ref.name === "ContentError" && Array.isArray(ref.problems)) return ref.problems as Problem[];
    const conflict = OUTPUT_CONFLICT.exec(ref.message ?? "");
    if (conflict) {
      const [, output, later, earlier] = conflict;
      let address = path.normalize(output!);
      if (outputDir) address = "/" + path.relative(outputDir, address).split(path.sep).join("/").replace(/(^|\/)index\.html$/, "$1");
      return [
        {
          file: relative(later!),
          line: 1,
          title: "Same address as another page",
          message:
            `this page and ${relative(earlier!)} would both be published at ${address}: two pages cannot have the same address. ` +
            "Give one of them another title, or a `slug:` line with an address of its own.",
          severity: "error",
        },
      ];
    }
    ref = (ref.originalError ?? ref.cause) as ErrorChain | undefined;
  }
  return [];
}

/** Each problem once, files in order and each file's problems by line, so one file's problems read together. */
export function sortProblems(problems: Problem[]): Problem[] {
  const unique = new Map(problems.map((p) => [`${p.severity} ${p.file}:${p.line ?? 0} ${p.message}`, p]));
  return [...unique.values()].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/**
 * Prints problems for people and, in GitHub Actions, as workflow commands too,
 * each at the start of its own line (GitHub reads nothing else there).
 */
export function printProblems(problems: Problem[], env: NodeJS.ProcessEnv = process.env): void {
  for (const problem of problems) {
    const print = problem.severity === "error" ? console.error : console.warn;
    print(formatProblem(problem, false));
    if (annotates(problem, env)) print(formatProblem(problem, true));
  }
}

/**
 * Where a build leaves its problems as JSON, `{ ok, problems }`, for tools
 * that show them elsewhere (the editor's browser during `npm start`).
 */
export const PROBLEMS_FILE = ".cache/problems.json";

export function writeProblemsFile(problems: Problem[], ok: boolean, file = PROBLEMS_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ ok, problems }, null, 2)}\n`);
}
