import type { UserConfig } from "@11ty/eleventy";
import { clearReported, ContentError, reportedProblems, sortProblems } from "./content-error.ts";

// Problems a build can go on with (an unknown author found before it, broken
// links and unclosed notes found while it renders) are reported as they are
// found, so that one run shows them all. Here, at the build's end, it fails
// if any of them is an error. Added last in .eleventy.ts, so that this runs
// after every other check.
export default function problems(eleventyConfig: UserConfig): void {
  // `npm start` builds again and again in one process: each rebuild starts
  // afresh (scripts/build.ts runs one build per process).
  eleventyConfig.on("eleventy.beforeWatch", clearReported);
  eleventyConfig.on("eleventy.after", () => {
    const errors = reportedProblems().filter((p) => p.severity === "error");
    if (errors.length) throw ContentError.of(sortProblems(errors));
  });
}
