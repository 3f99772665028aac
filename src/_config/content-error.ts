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
  constructor(inputPath: string, message: string, options: { line?: number; title?: string } = {}) {
    const problem: Problem = { file: relative(inputPath), line: options.line, title: options.title, message, severity: "error" };
    super(formatProblem(problem, false));
    this.name = "ContentError";
    this.problems = [problem];
  }

  /** Several problems (of one file, usually) reported together. */
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
  return `${problem.file}${problem.line ? `:${problem.line}` : ""}: ${problem.message}`;
}
