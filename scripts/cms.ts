// `npm run cms`: the content editor on your own computer. Starts decap-server
// in git mode (the mode with the editorial workflow) and the site's preview,
// which serves the editor at /admin/, then prints the address.
//
// decap-server checks branches out and commits with `git add .` in the folder
// it serves. So it never serves your checkout: it works in a git worktree of
// its own (.cms-worktree/, git-ignored) on its own branch (cms-local). Your
// checkout's files, branch and uncommitted work are never touched; the
// entries it saves are cms/… branches, shared by both since a worktree shares
// the repository. CONTRIBUTING.md says how such a branch becomes a pull request.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensurePackages } from "./optional-packages.ts";

export const WORKTREE = ".cms-worktree";
export const LOCAL_BRANCH = "cms-local";

const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

/** A port nobody uses right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The worktree decap-server works in: made from your current commit the first
 * time, then moved forward to it when it can be (no save of its own in the way).
 */
export function prepareWorktree(repo: string): { dir: string; branch: string } {
  const dir = path.join(repo, WORKTREE);
  const head = git(repo, "rev-parse", "HEAD");
  if (!existsSync(dir)) {
    const branchExists = git(repo, "branch", "--list", LOCAL_BRANCH) !== "";
    git(repo, "worktree", "prune");
    if (branchExists) git(repo, "worktree", "add", dir, LOCAL_BRANCH);
    else git(repo, "worktree", "add", "-b", LOCAL_BRANCH, dir, head);
  }
  try {
    git(dir, "merge", "--ff-only", "--quiet", head);
  } catch {
    console.warn(`Note: ${WORKTREE} (branch ${LOCAL_BRANCH}) has commits your branch does not; the editor starts from them.`);
  }
  return { dir, branch: LOCAL_BRANCH };
}

/** decap-server in git mode on `repoDir`, listening on 127.0.0.1 only: it writes to git for whoever asks. */
export function startDecapServer(repoDir: string, port: number, root = process.cwd()): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, "cms", "node_modules", "decap-server", "dist", "index.js")], {
    env: { ...process.env, MODE: "git", GIT_REPO_DIRECTORY: repoDir, PORT: String(port), BIND_HOST: "127.0.0.1", LOG_LEVEL: "info" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk;
      // It listens before its git routes are registered: wait for both.
      if (output.includes("listening on") && output.includes("configured with")) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`decap-server stopped (${code}):\n${output}`)));
  });
}

async function main(): Promise<void> {
  const root = process.cwd();
  // Decap CMS and decap-server are not in the site's own install (cms/package.json): the first run installs them.
  ensurePackages("cms", root);
  const { dir, branch } = prepareWorktree(root);
  const apiPort = await freePort();
  const sitePort = Number(process.env.PORT) || (await freePort());
  const decap = await startDecapServer(dir, apiPort, root);
  const site = spawn(
    path.join(root, "node_modules", ".bin", "tsx"),
    [path.join("node_modules", "@11ty", "eleventy", "cmd.cjs"), "--config=.eleventy.ts", "--serve", `--port=${sitePort}`, "--quiet"],
    {
      env: {
        ...process.env,
        ELEVENTY_ENV: "preview",
        CMS_LOCAL_BACKEND: `http://127.0.0.1:${apiPort}/api/v1`,
        CMS_LOCAL_BRANCH: branch,
      },
      stdio: "inherit",
    },
  );
  const stop = () => {
    decap.kill();
    site.kill();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  site.on("exit", () => decap.kill());
  decap.on("exit", () => site.kill());
  console.log(
    `\nThe content editor: http://localhost:${sitePort}/admin/  (en français : http://localhost:${sitePort}/admin/?lang=fr)` +
      `\nThe site's preview: http://localhost:${sitePort}/en/` +
      `\nSaves go to cms/… branches (git branch --list 'cms/*'); your own files are not touched. Ctrl+C stops both.\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
