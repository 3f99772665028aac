// Builds the site into a temporary folder, indexes it for search, and swaps it
// in for _site/ only when everything succeeded, so a failed build never leaves
// a half-written site: the previous _site/ stays exactly as it was.
// Every content problem is printed as `path:line: message` (and, in GitHub
// Actions, as an annotation on that line), and left in .cache/problems.json.
// Usage: tsx scripts/build.ts [--output=_site]  (ELEVENTY_ENV picks the mode)
import { existsSync } from "node:fs";
import { rename, rm } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { indexSite } from "./search-index.ts";
import { printProblems, problemsOf, reportedProblems, sortProblems, writeProblemsFile } from "../src/_config/problems/content-error.ts";

const output = process.argv.find((a) => a.startsWith("--output="))?.slice("--output=".length) ?? "_site";
const staging = `${output}.building`;
const previous = `${output}.previous`;

function fail(message: string, status = 1): never {
  console.error(`\n${message}\nBuild failed: ${output}/ is unchanged. Fix the errors above and build again.`);
  process.exit(status);
}

await rm(staging, { recursive: true, force: true });
// As the command line runs it: "cli" keeps --output over the config's dir.output.
const eleventy = new Eleventy(undefined, staging, { source: "cli", configPath: ".eleventy.ts", quietMode: true });
// Eleventy prints what it throws, each line behind "[11ty]": content problems
// are printed below instead, each at the start of its line. Any other error
// (a bug, not an editor's mistake) keeps Eleventy's full report.
const handler = (eleventy as unknown as { errorHandler: { once(type: string, error: unknown, message?: string): void } }).errorHandler;
const printError = handler.once.bind(handler);
handler.once = (type, error, message) => {
  if (problemsOf(error).length === 0) printError(type, error, message);
};
let failure: unknown;
try {
  await eleventy.write();
} catch (error) {
  failure = error ?? new Error("Eleventy failed");
}
const problems = sortProblems([...reportedProblems(), ...problemsOf(failure, staging)]);
printProblems(problems);
writeProblemsFile(problems, !failure);
if (failure) {
  const errors = problems.filter((p) => p.severity === "error");
  const files = new Set(errors.map((p) => p.file)).size;
  fail(errors.length ? `${errors.length} error(s) in ${files} file(s).` : "Eleventy stopped with the error above.");
}

// The search index, one per language (scripts/search-index.ts).
const indexed = await indexSite(staging);
if (indexed.errors.length) fail(indexed.errors.join("\n"));

await rm(previous, { recursive: true, force: true });
if (existsSync(output)) await rename(output, previous);
await rename(staging, output);
await rm(previous, { recursive: true, force: true });
console.log(`Built ${output}/ (${process.env.ELEVENTY_ENV ?? "preview"}), ${indexed.pages} pages indexed for search.`);
