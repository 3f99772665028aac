// `npm start` (the same command as package.json) in a copy of the project, for
// tests that drive the real dev server.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { slugify } from "../../src/_config/urls/slugify.ts";
import { sectionUrl } from "../../src/_config/urls/urls.ts";
import { ROOT } from "./site.ts";

export interface DevServer {
  origin: string;
  log: () => string;
  /** Stops its process group, tsx and the Eleventy process it starts; resolves once they have exited. */
  stop: () => Promise<void>;
}

/** Starts `npm start` in `dir` on a free port, with `env` added; resolves with its origin once it serves. */
export function startDevServer(dir: string, env: Record<string, string> = {}): Promise<DevServer> {
  const child = spawn(
    path.join(ROOT, "node_modules", ".bin", "tsx"),
    ["node_modules/@11ty/eleventy/cmd.cjs", "--config=.eleventy.ts", "--serve", "--incremental", "--port=0"],
    { cwd: dir, env: { ...process.env, ELEVENTY_ENV: "preview", ...env }, detached: true },
  );
  let output = "";
  // "close" comes once tsx has exited and its output is closed, which the Eleventy process under it shares: both are gone.
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const stop = async () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already stopped.
    }
    await closed;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop().then(() => reject(new Error(`The dev server did not start:\n${output}`)));
    }, 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /Server at (http:\/\/localhost:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ origin: match[1]!, log: () => output, stop });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`The dev server stopped:\n${output}`));
    });
  });
}

/**
 * Saves `edit` of `file` and waits for the rebuild it starts ("Wrote n files"),
 * looking every `every` ms and calling `each` (which may throw) with the
 * server's log since the save; resolves with that log.
 */
export async function saveAndRebuild(
  server: DevServer,
  file: string,
  edit: (text: string) => string,
  { each = () => {}, every = 50 }: { each?: (log: string) => void; every?: number } = {},
): Promise<string> {
  const from = server.log().length;
  writeFileSync(file, edit(readFileSync(file, "utf8")));
  const started = Date.now();
  while (!/Wrote \d+ files/.test(server.log().slice(from))) {
    each(server.log().slice(from));
    if (Date.now() - started > 60_000) throw new Error(`No rebuild after the save:\n${server.log().slice(from)}`);
    await new Promise((resolve) => setTimeout(resolve, every));
  }
  return server.log().slice(from);
}

/** The address of the bench's synthetic post (scripts/bench-corpus.ts) in `file`, from the title it has now. */
export function benchPostUrl(file: string, lang: "en" | "fr"): string {
  const title = JSON.parse(/^title: (.*)$/m.exec(readFileSync(file, "utf8"))![1]!) as string;
  return `${sectionUrl("blog", lang)}${slugify(title)}/`;
}
