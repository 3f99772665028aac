// `npm run check`'s translation status: every English/French pair, and which
// version is missing or out of date, since when and after which commit. In
// GitHub Actions, each out-of-date version is also a warning annotation on its
// file. Never fails: publishing the English first is sometimes right.
import { formatProblem, printProblems, type Problem } from "../src/_config/problems/content-error.ts";
import { translationStatus, type PairStatus, type UnitStatus } from "../src/_config/languages/translation-status.ts";
import type { Lang, Role } from "../src/_config/types.ts";
import path from "node:path";
import { pathToFileURL } from "node:url";

const LANGUAGE = { en: "English", fr: "French" } as const;
const day = (date: Date) => date.toISOString().slice(0, 10);

interface Row {
  page: string;
  language: string;
  status: string;
  since: string;
  commit: string;
}

function describe(unit: UnitStatus): string {
  if (unit.status === "outdated") return "out of date";
  if (unit.status === "unknown") {
    return unit.reason === "not-committed" ? "unknown (not committed)" : unit.reason === "unreadable" ? "unknown (roles.ts is not plain data)" : "unknown (no git history)";
  }
  return unit.status;
}

export function report(pairs: PairStatus[]): { rows: Row[]; problems: Problem[] } {
  const rows: Row[] = [];
  const problems: Problem[] = [];
  const add = (pair: PairStatus, unit: UnitStatus, level?: { id: string; lines: Partial<Record<Lang, number>> }) => {
    const lang = unit.lang;
    const file = (lang && pair.files[lang]) ?? pair.files[lang === "en" ? "fr" : "en"] ?? pair.files.en ?? pair.files.fr!;
    const both = unit.status === "current" || unit.status === "unknown";
    rows.push({
      page: (both ? [pair.files.en, pair.files.fr].filter(Boolean).join(" ↔ ") : file) + (level ? ` #${level.id}` : ""),
      language: both ? "en, fr" : lang!,
      status: unit.status === "missing" ? `missing (${LANGUAGE[lang!]})` : describe(unit),
      since: unit.since ? day(unit.since.date) : "",
      commit: unit.since ? `${unit.since.commit.slice(0, 7)} ${unit.since.subject}` : "",
    });
    if (unit.status === "outdated" && lang) {
      const twin = lang === "en" ? "fr" : "en";
      problems.push({
        file,
        line: level?.lines[lang],
        title: "Translation out of date",
        message:
          `the ${LANGUAGE[twin]} version${level ? ` of level #${level.id}` : ""} (${pair.files[twin]}) changed on ${day(unit.since!.date)} ` +
          `in ${unit.since!.commit.slice(0, 7)} "${unit.since!.subject}", after this translation. Update it, or if nothing needs to change, ` +
          `add translationChecked: ${day(new Date())} to its front matter.`,
        severity: "warning",
      });
    }
  };
  for (const pair of pairs) {
    const units = pair.kind === "role" && pair.status !== "missing" && pair.status !== "unknown";
    if (!units) add(pair, pair);
    else {
      add(pair, pair.page);
      for (const level of pair.levels) if (level.status !== "current") add(pair, level, level);
    }
  }
  return { rows, problems };
}

function table(rows: Row[]): string {
  const head: Row = { page: "Page", language: "Language", status: "Status", since: "Since", commit: "Commit" };
  const columns = Object.keys(head) as Array<keyof Row>;
  const widths = columns.map((c) => Math.max(...[head, ...rows].map((r) => r[c].length)));
  const line = (r: Row) => columns.map((c, i) => r[c].padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(head), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    // The checkout's own roles.ts, as the build imports it; past versions are read as data only.
    const roles = (await import(pathToFileURL(path.resolve("src/_data/roles.ts")).href)).default as Role[];
    const pairs = translationStatus(process.cwd(), roles);
    const { rows, problems } = report(pairs);
    const count = (status: string) => pairs.filter((p) => p.status === status).length;
    console.log(
      `${pairs.length} pages and their translations: ${count("outdated")} out of date, ${count("missing")} missing, ` +
        `${count("unknown")} unknown, ${count("current")} current.\n`,
    );
    console.log(table(rows));
    if (count("unknown")) {
      console.log(
        "\nUnknown: translation status comes from git history. Commit your changes; in GitHub Actions, check out with `fetch-depth: 0`.",
      );
    }
    if (problems.length) {
      console.log("");
      printProblems(problems); // warnings on their lines, as the build prints them
    }
  } catch (error) {
    // Never a failed check, never silence either.
    console.log(formatProblem({ file: "src", title: "Translation status", message: `translation status could not be computed: ${String(error)}`, severity: "warning" }));
  }
}
