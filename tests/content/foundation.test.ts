// Issue 2: the two seed documents, published unchanged through the site.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import markdownIt from "markdown-it";
import { afterAll, describe, expect, it } from "vitest";
import { build, pageAt, htmlPages, productionSite, previewSite, projectCopy, ROOT } from "../support/site.ts";

const ROLE = "src/roles/product-manager.md";
const POST = "src/blog/product-manager-qa.md";
const ROLE_URL = "/en/roles/product-manager/";
const POST_URL = "/en/blog/so-what-exactly-is-a-product-manager-anyway/";

const sha256 = (file: string) => createHash("sha256").update(readFileSync(path.join(ROOT, file))).digest("hex");
const squash = (text: string) => text.replace(/\s+/g, " ").trim();

/** The text of every paragraph and list item an author wrote, editorial notes left out. */
function seedBlocks(file: string): string[] {
  const body = readFileSync(path.join(ROOT, file), "utf8").replace(/^---[\s\S]*?\n---\n/, "");
  const $ = cheerio.load(markdownIt({ html: true }).render(body));
  $(".note").remove();
  return $("p, li")
    .map((_, el) => squash($(el).clone().children("ul, ol").remove().end().text()))
    .get()
    .filter((text) => text && !text.includes("{{"));
}

describe("the seeds", () => {
  // Recorded from ../shared/seeds/ so the check runs wherever the repo is cloned.
  it("are published byte for byte", () => {
    expect(sha256(ROLE)).toBe("290349a3d2a892e7d50bf00dc2ded549c0b4af6d15b31440e50e98b522a7eea0");
    expect(sha256(POST)).toBe("d36e5b5b8a09a8809dadf396c0fe09a15d884d2165a4d0bf0ecb0d92fe43ef4a");
  });
});

describe("the role page", () => {
  const $ = pageAt(productionSite, ROLE_URL);

  it("has the role's title, rendered from {{ title }}, as its one <h1> (issue 18)", () => {
    expect($("h1")).toHaveLength(1);
    expect(squash($("h1").text())).toBe("Product manager");
    expect($("main").html()).not.toContain("{{");
  });

  it("has each level anchor a job posting links to, exactly once", () => {
    for (const id of ["associate", "pm", "senior", "principle", "head"]) {
      expect($(`[id="${id}"]`), id).toHaveLength(1);
      expect($(`h2#${id}`), id).toHaveLength(1); // the seed's <h3 id>, one level up under the <h1>
    }
  });

  it("has every paragraph and list item of the seed", () => {
    const text = squash($("main").text());
    const blocks = seedBlocks(ROLE);
    expect(blocks.length).toBeGreaterThan(60);
    for (const block of blocks) expect(text).toContain(block);
  });

  it("gives Markdown headings ids, and never a second id to a raw <h3 id>", () => {
    expect($("h3#leadership")).toHaveLength(1); // the seed's ####, one level up
    expect($("main").html()).not.toMatch(/<h[1-6] [^>]*id="[^"]+"[^>]*\sid=/);
  });
});

describe("editorial notes", () => {
  it("are in no production page", () => {
    for (const url of htmlPages(productionSite)) {
      const $ = pageAt(productionSite, url);
      expect($(".note").length, url).toBe(0);
      expect($("main").text(), url).not.toContain("Note to CDS team");
    }
  });

  it("are all shown, labelled, in the preview of the role page", () => {
    const $ = pageAt(previewSite, ROLE_URL);
    const seed = readFileSync(path.join(ROOT, ROLE), "utf8");
    const written = [...seed.matchAll(/<strong class="note">([\s\S]*?)<\/strong>/g)].map((m) => squash(m[1]!));
    expect(written).toHaveLength(6);
    const shown = $(".note").map((_, n) => squash($(n).text())).get();
    expect(shown).toHaveLength(6);
    written.forEach((note, i) => {
      expect(shown[i]).toBe(`Note to the team: ${note}`);
    });
    expect($(".note").first().attr("role")).toBe("note");
  });
});

describe("the blog post", () => {
  const $ = pageAt(productionSite, POST_URL);

  it("shows its title, description, date and five authors", () => {
    expect(squash($("h1").text())).toBe("So...what exactly is a product manager, anyway?");
    expect($('meta[name="description"]').attr("content")).toMatch(/^In a Q&A, meet CDS’ product managers/);
    expect($("time").first().attr("datetime")).toBe("2019-07-23");
    expect($("time").first().text()).toBe("July 23, 2019");
    const byline = squash($(".post__meta").text());
    for (const name of ["Bryan Willey", "Clémentine Hahn", "Courtney Claessens", "Dan Tse", "Stevie-Ray Talbot"]) {
      expect(byline).toContain(`${name} (Product manager)`);
    }
  });

  it("shows the hero image with the seed's image-alt", () => {
    const img = $("main picture.hero img");
    expect(img).toHaveLength(1);
    expect(img.attr("alt")).toBe(
      "A team of 5 smiling CDS distributed product managers: 4 in a video chat and 1 product manager in person standing in the middle. Google Meets helps us connect with distributed product management team members working from Montreal, Waterloo, Toronto, and Ottawa.",
    );
  });
});

describe("a post by an unknown author", () => {
  const copy = projectCopy();
  afterAll(() => copy.remove());

  it("fails the build, naming the file and the name, and suggesting the nearest author", () => {
    const seed = readFileSync(path.join(ROOT, POST), "utf8");
    copy.write("src/blog/typo.md", seed.replace("Bryan Willey", "Brian Wiley").replace("translationKey: product-manager-QA", "translationKey: typo"));
    const result = build("production", "_site", copy.dir);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("src/blog/typo.md:8: unknown author 'Brian Wiley'");
    expect(result.output).toContain("did you mean 'Bryan Willey'?");
  });
});
