// Packages kept out of the site's own install (scripts/optional-packages.ts):
// a throwaway package folder installed from its lockfile by real `npm ci` runs
// (its one dependency a local tarball, so no registry is needed), and the
// site built without the content editor's packages (cms/).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ensurePackages, installProblem } from "../../scripts/optional-packages.ts";
import { build, pageAt, projectCopy, ROOT } from "../support/site.ts";

describe("ensurePackages", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "optional-packages-"));
  const folder = path.join(dir, "extra");
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const npm = (cwd: string, ...args: string[]) => execFileSync("npm", [...args, `--prefix=${cwd}`, "--no-audit", "--no-fund"], { cwd, stdio: "pipe" });

  /** `extra/` depends on tiny-dep@version, a tarball beside it whose install script would leave a file behind. */
  function pin(version: string): void {
    const source = path.join(dir, `tiny-dep-${version}`);
    mkdirSync(source, { recursive: true });
    mkdirSync(folder, { recursive: true });
    const script = `require('fs').writeFileSync('install-script-ran', '')`;
    writeFileSync(path.join(source, "package.json"), JSON.stringify({ name: "tiny-dep", version, scripts: { postinstall: `node -e "${script}"` } }));
    writeFileSync(path.join(source, "index.js"), "module.exports = 1;\n");
    execFileSync("npm", ["pack", "--silent", `--pack-destination=${folder}`], { cwd: source, stdio: "pipe" });
    writeFileSync(path.join(folder, "package.json"), JSON.stringify({ name: "extra", private: true, dependencies: { "tiny-dep": `file:tiny-dep-${version}.tgz` } }));
    npm(folder, "install", "--package-lock-only", "--ignore-scripts");
  }
  const installed = () => JSON.parse(readFileSync(path.join(folder, "node_modules", "tiny-dep", "package.json"), "utf8")).version as string;

  it("installs a folder from its lockfile once, again when the lockfile changes, and never runs install scripts", () => {
    pin("1.0.0");
    expect(installProblem(folder)).toBe("not installed yet");
    expect(ensurePackages("extra", dir)).toBe(true);
    expect(installed()).toBe("1.0.0");
    expect(installProblem(folder)).toBeUndefined();
    expect(ensurePackages("extra", dir)).toBe(false);
    expect(readdirSync(path.join(folder, "node_modules", "tiny-dep"))).not.toContain("install-script-ran");

    pin("1.0.1");
    expect(installProblem(folder)).toBe("tiny-dep 1.0.0, the lockfile pins 1.0.1");
    expect(ensurePackages("extra", dir)).toBe(true);
    expect(installed()).toBe("1.0.1");

    rmSync(path.join(folder, "node_modules", "tiny-dep"), { recursive: true });
    expect(installProblem(folder)).toBe("node_modules/tiny-dep is missing");
    expect(ensurePackages("extra", dir)).toBe(true);
    expect(installed()).toBe("1.0.1");
  });

  it("names a folder that has no lockfile", () => {
    expect(() => ensurePackages("no-such-folder", dir)).toThrow(/no-such-folder\/package-lock\.json is missing/);
  });
});

describe("the site without the content editor's packages (cms/ not installed)", () => {
  const copy = projectCopy();
  rmSync(path.join(copy.dir, "cms"), { recursive: true, force: true });
  afterAll(() => copy.remove());
  const unset = { CMS_GITHUB_REPO: "", CMS_GITHUB_BRANCH: "", CMS_OAUTH_URL: "", CMS_OAUTH_PATH: "", CMS_LOCAL_BACKEND: "" };

  it("is what `npm test` installs them for, and what the site's own install leaves out", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(pkg.scripts.test).toMatch(/tsx scripts\/optional-packages\.ts [^&]*\bcms\b/);
    expect(Object.keys(pkg.devDependencies)).not.toContain("decap-cms");
    expect(Object.keys(pkg.devDependencies)).not.toContain("decap-server");
    const cms = JSON.parse(readFileSync(path.join(ROOT, "cms", "package.json"), "utf8"));
    expect(Object.keys(cms.devDependencies).sort()).toEqual(["decap-cms", "decap-server"]);
  });

  it("configured for the editor, the build fails and says how to install them", () => {
    const result = build("production", "_site", copy.dir, { ...unset, CMS_GITHUB_REPO: "cds-snc/careers-site", CMS_OAUTH_URL: "https://oauth.example.ca" });
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("cms/package.json:1: the content editor is configured");
    expect(result.output).toContain("npm ci --prefix cms");
    expect(existsSync(path.join(copy.dir, "_site"))).toBe(false);
  });

  it("unconfigured, the build makes /admin/'s page saying the editor is not set up, with no Decap", () => {
    const result = build("production", "_site", copy.dir, unset);
    expect(result.status, result.output).toBe(0);
    const $ = pageAt(result.dir, "/admin/");
    expect($("h1").text()).toBe("The content editor is not set up on this site");
    expect($("script[src]")).toHaveLength(0);
    expect(readdirSync(path.join(result.dir, "admin")).filter((name) => name.endsWith("decap-cms.js"))).toEqual([]);
  });
});
