// The GitHub workflows, read as GitHub reads them (YAML), against the rules in
// docs/security.md, "Workflows and their permissions": actions pinned by
// commit, read-only tokens except where a job pushes or comments, no token left
// in a checkout, no pull-request data spliced into a script, and the content
// editor's variables passed to the production build.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { cmsEnvironment } from "../../src/_config/editors/cms-config.ts";
import { ROOT } from "../support/site.ts";

type Permissions = string | Record<string, string> | undefined;
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  permissions?: Permissions;
  steps?: Step[];
}
interface Workflow {
  permissions?: Permissions;
  jobs: Record<string, Job>;
}

const folder = path.join(ROOT, ".github", "workflows");
const files = readdirSync(folder).filter((name) => /\.ya?ml$/.test(name)).sort();
const text = (file: string) => readFileSync(path.join(folder, file), "utf8");
const workflows = files.map((file) => ({ file, workflow: yaml.load(text(file)) as Workflow }));
const steps = workflows.flatMap(({ file, workflow }) =>
  Object.entries(workflow.jobs).flatMap(([job, { steps = [] }]) => steps.map((step) => ({ where: `${file} ${job}: ${step.name ?? step.uses ?? step.run}`, step }))),
);

/** The scopes a `permissions:` value grants write to (`write-all` grants every one). */
function writes(permissions: Permissions): string[] {
  if (permissions === undefined) return [];
  if (typeof permissions === "string") return permissions === "write-all" ? ["write-all"] : [];
  return Object.entries(permissions)
    .filter(([, access]) => access === "write")
    .map(([scope]) => scope);
}

describe("the workflows", () => {
  it("are there", () => {
    expect(files).toEqual(expect.arrayContaining(["ci.yml", "deploy.yml", "preview.yml"]));
  });

  it("pin every action by its full commit, with the version beside it", () => {
    const uses = steps.filter(({ step }) => step.uses);
    expect(uses.length).toBeGreaterThan(5);
    for (const { where, step } of uses) {
      // Local actions (./…) and docker:// images are not tags that can move; any other must be a commit.
      if (step.uses!.startsWith("./")) continue;
      expect(step.uses, where).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/);
    }
    // The comment is not in the parsed YAML: read the lines.
    for (const file of files) {
      for (const line of text(file).split("\n").filter((l) => /^\s*(- )?uses:/.test(l))) {
        expect(line, file).toMatch(/@[0-9a-f]{40} # v\d+(\.\d+)*$/);
      }
    }
  });

  it("each declare read-only permissions at the top; a job that pushes or comments asks for write itself", () => {
    for (const { file, workflow } of workflows) {
      expect(workflow.permissions, `${file} has no top-level permissions:`).toBeDefined();
      expect(writes(workflow.permissions), `${file}'s top-level permissions`).toEqual([]);
    }
  });

  it("explain every write permission in docs/security.md", () => {
    const doc = readFileSync(path.join(ROOT, "docs", "security.md"), "utf8");
    const section = doc.split(/^## Workflows and their permissions$/m)[1]?.split(/^## /m)[0];
    expect(section, "docs/security.md has no section \"Workflows and their permissions\"").toBeDefined();
    const rows = section!.split("\n").filter((line) => line.startsWith("| `"));
    let granted = 0;
    for (const { file, workflow } of workflows) {
      for (const [job, { permissions }] of Object.entries(workflow.jobs)) {
        for (const scope of writes(permissions)) {
          granted++;
          const row = rows.find((r) => r.includes(`\`${file}\``) && r.includes(`\`${job}\``) && r.includes(`\`${scope}: write\``));
          expect(row, `docs/security.md: no row for ${file}, job ${job}, ${scope}: write`).toBeDefined();
        }
      }
    }
    expect(granted).toBeGreaterThan(0);
  });

  it("keep no token in any checkout: the actions that push take theirs as an input", () => {
    const checkouts = steps.filter(({ step }) => step.uses?.startsWith("actions/checkout@"));
    expect(checkouts.length).toBeGreaterThanOrEqual(4);
    for (const { where, step } of checkouts) expect(step.with?.["persist-credentials"], where).toBe(false);
  });

  it("splice no expression into a script: pull-request data reaches run: through env:", () => {
    const scripts = steps.filter(({ step }) => step.run);
    expect(scripts.length).toBeGreaterThan(5);
    // Not only github.event.pull_request: a title, a branch name or a step's
    // output written into the script is code; as an environment variable it is data.
    for (const { where, step } of scripts) expect(step.run, where).not.toContain("${{");
  });

  it("install packages without their install scripts in a job that can write", () => {
    for (const { file, workflow } of workflows) {
      for (const [job, { permissions, steps: jobSteps = [] }] of Object.entries(workflow.jobs)) {
        // A job's own permissions replace the workflow's.
        if (writes(permissions ?? workflow.permissions).length === 0) continue;
        for (const step of jobSteps.filter((s) => /\bnpm (ci|install|i)\b/.test(s.run ?? ""))) {
          expect(step.run, `${file} ${job}`).toContain("--ignore-scripts");
        }
      }
    }
  });
});

describe("the production deploy", () => {
  const deploy = workflows.find(({ file }) => file === "deploy.yml")!.workflow;
  const deploySteps = Object.values(deploy.jobs).flatMap((job) => job.steps ?? []);
  const build = deploySteps.find((step) => /\bnpm run build\b/.test(step.run ?? ""));
  // The variables docs/cms.md tells a maintainer to set: its table's first column.
  const cmsDoc = readFileSync(path.join(ROOT, "docs", "cms.md"), "utf8");
  const documented = [...new Set([...cmsDoc.matchAll(/^\s*\| `(CMS_[A-Z_]+)` \|/gm)].map((m) => m[1]!))];

  it("passes every content-editor variable docs/cms.md names to the build, from the repository's variables", () => {
    expect(documented).toEqual(expect.arrayContaining(["CMS_GITHUB_REPO", "CMS_GITHUB_BRANCH", "CMS_OAUTH_URL", "CMS_OAUTH_PATH"]));
    expect(build, "deploy.yml has no step running npm run build").toBeDefined();
    for (const name of documented) expect(build!.env?.[name], name).toBe(`\${{ vars.${name} }}`);
  });

  it("an unset variable (an empty string in the build's environment) means the default, not an empty value", () => {
    const unset = cmsEnvironment({});
    expect(cmsEnvironment(Object.fromEntries(documented.map((name) => [name, ""])))).toEqual(unset);
    expect(unset).toMatchObject({ repo: undefined, branch: "main", baseUrl: undefined, authEndpoint: "auth" });
  });

  it("installs the content editor's packages (cms/) only when the editor is configured, before the build", () => {
    const install = deploySteps.findIndex((step) => /npm ci --prefix cms\b/.test(step.run ?? ""));
    expect(install, "deploy.yml never installs cms/").toBeGreaterThanOrEqual(0);
    expect((deploySteps[install] as Step & { if?: string }).if).toBe("vars.CMS_GITHUB_REPO != ''");
    expect(install).toBeLessThan(deploySteps.indexOf(build!));
  });
});

describe("Dependabot", () => {
  const config = yaml.load(readFileSync(path.join(ROOT, ".github", "dependabot.yml"), "utf8")) as {
    version: number;
    updates: Array<{ "package-ecosystem": string; directory: string }>;
  };
  const watched = (ecosystem: string) => config.updates.filter((u) => u["package-ecosystem"] === ecosystem).map((u) => u.directory);

  it("watches the actions, and every folder with a package-lock.json in the repository", () => {
    expect(config.version).toBe(2);
    expect(watched("github-actions")).toEqual(["/"]);
// Untracked files too: npm run test:eleventy4 runs this in a copy whose files git has not added.
    const lockfiles = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", "*package-lock.json"], { cwd: ROOT, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    expect(lockfiles).toEqual(expect.arrayContaining(["package-lock.json", "cms/package-lock.json"]));
    for (const lockfile of lockfiles) expect(watched("npm"), lockfile).toContain(`/${path.dirname(lockfile)}`.replace(/\/\.$/, "/"));
  });
});
