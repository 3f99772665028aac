// markdownlint on src/**/*.md (.markdownlint-cli2.jsonc), each finding printed
// as a problem on its line, like every other check of `npm run check`, and as
// a GitHub annotation in Actions.
import { main } from "markdownlint-cli2";
import { printProblems, sortProblems, type Problem } from "../src/_config/problems/content-error.ts";

interface LintResult {
  fileName: string;
  lineNumber: number;
  ruleNames: string[];
  ruleDescription: string;
  ruleInformation?: string;
  errorDetail?: string;
  severity?: "error" | "warning";
}

/** Lints the Markdown; true when it passes. */
export async function markdownStyle(): Promise<boolean> {
  const problems: Problem[] = [];
  const formatter = ({ results }: { results: LintResult[] }) => {
    for (const result of results) {
      const detail = result.errorDetail ? ` (${result.errorDetail})` : "";
      const more = result.ruleInformation ? ` See ${result.ruleInformation}` : "";
      problems.push({
        file: result.fileName,
        line: result.lineNumber,
        title: `Markdown style (${result.ruleNames[0]})`,
        message: `${result.ruleDescription}${detail} [${result.ruleNames.join("/")}].${more}`,
        severity: result.severity === "warning" ? "warning" : "error",
      });
    }
  };
  const status = await main({ directory: ".", argv: [], optionsOverride: { outputFormatters: [[formatter]] }, logError: console.error });
  printProblems(sortProblems(problems));
  return status === 0;
}
