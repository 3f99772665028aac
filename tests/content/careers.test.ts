// Issue 4: roles, levels, and links that never break.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileFor, pageAt, productionSite, projectCopy, ROOT, runScript } from "../support/site.ts";
import { browsing } from "../support/browser.ts";
import { missingFrom, updateManifest, type Manifest } from "../../scripts/published-urls.ts";

const MANIFEST = path.join(ROOT, "tests/published-urls.json");

const ROLE_URL = "/en/roles/product-manager/";
const LEVELS = ["associate", "pm", "senior", "principle", "head"];

describe("the roles index", () => {
  it("lists every role and, under it, every level with its title, classification and anchor, in each language", () => {
    const en = pageAt(productionSite, "/en/roles/");
    const links = en(".role-card__levels a").map((_, a) => en(a).attr("href")).get();
    expect(links).toEqual(LEVELS.map((id) => `${ROLE_URL}#${id}`));
    expect(en(".role-card__levels li").eq(2).text()).toContain("Senior product manager");
    expect(en(".role-card__levels li").eq(2).text()).toContain("CS-04");
    const fr = pageAt(productionSite, "/fr/roles/");
    expect(fr(".role-card__levels a").map((_, a) => fr(a).attr("href")).get()).toEqual(
      LEVELS.map((id) => `/fr/roles/gestionnaire-de-produits/#${id}`),
    );
  });
});

describe("the role page", () => {
  const $ = pageAt(productionSite, ROLE_URL);

  it("opens with a Levels navigation from roles.ts", () => {
    const nav = $("nav.levels-nav");
    expect(nav.find("a").map((_, a) => $(a).attr("href")).get()).toEqual(LEVELS.map((id) => `#${id}`));
    expect(nav.text()).toContain("CS-02");
    // It comes before the content it lists.
    expect($("main").html()!.indexOf("levels-nav")).toBeLessThan($("main").html()!.indexOf('id="associate"'));
  });

  it("lists every role in the site navigation, the current one expanded to its levels", () => {
    const current = $('nav.side-nav a[aria-current="page"]');
    expect(current.text()).toBe("Product manager");
    expect(current.parent().find("ul a").map((_, a) => $(a).attr("href")).get()).toEqual(LEVELS.map((id) => `#${id}`));
  });

  it("wraps each level in a section with a copy-link control named after the level", () => {
    for (const id of LEVELS) {
      const section = $(`section.level:has(h2#${id})`);
      expect(section, id).toHaveLength(1);
      expect(section.attr("aria-labelledby")).toBe(id);
      const link = section.find("a.level-link");
      expect(link.attr("href")).toBe(`#${id}`);
      expect(link.text()).toMatch(/^Copy link: /);
    }
  });
});

describe("in Chromium", () => {
  const site = browsing(productionSite);

  for (const width of [375, 1280]) {
    it(`a link to #senior lands on the Senior level, highlighted, at ${width} px`, async () => {
      const page = await site.browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(`${site.origin}${ROLE_URL}#senior`);
      const state = await page.evaluate(() => {
        const style = (id: string) => {
          const section = document.getElementById(id)!.closest("section")!;
          const s = getComputedStyle(section);
          return `${s.backgroundColor} ${s.borderLeftColor} ${s.borderLeftWidth} ${s.outlineStyle}`;
        };
        return {
          top: document.getElementById("senior")!.getBoundingClientRect().top,
          senior: style("senior"),
          pm: style("pm"),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(state.top).toBeGreaterThanOrEqual(0);
      expect(state.top).toBeLessThan(200);
      expect(state.senior).not.toBe(state.pm);
      expect(state.overflow).toBeLessThanOrEqual(0);
      await page.close();
    });
  }

  it("Tab from the top reaches the Levels navigation, and a level link moves focus to that level", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${site.origin}${ROLE_URL}`);
    let inLevels = false;
    for (let i = 0; i < 30 && !inLevels; i++) {
      await page.keyboard.press("Tab");
      inLevels = await page.evaluate(() => Boolean(document.activeElement?.closest(".levels-nav")));
    }
    expect(inLevels).toBe(true);
    for (let i = 0; i < 5; i++) {
      if ((await page.evaluate(() => document.activeElement?.getAttribute("href"))) === "#senior") break;
      await page.keyboard.press("Tab");
    }
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => location.hash === "#senior");
    expect(await page.evaluate(() => document.activeElement?.closest("section")?.getAttribute("aria-labelledby"))).toBe("senior");
    await page.close();
  });

  it("the copy-link control puts the level's absolute URL on the clipboard and announces it", async () => {
    const context = await site.browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.origin });
    const page = await context.newPage();
    await page.goto(`${site.origin}${ROLE_URL}`);
    await page.locator("section.level:has(#senior) a.level-link").focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("[data-copy-status]")?.textContent === "Link copied");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${site.origin}${ROLE_URL}#senior`);
    await context.close();
  });
});

describe("published links", () => {
  it("every URL and level anchor in tests/published-urls.json is still served", () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
    expect(manifest.urls[ROLE_URL]).toEqual(LEVELS);
    expect(missingFrom(manifest, productionSite)).toEqual([]);
  });

  it("a renamed level keeps its old anchor, and a moved page leaves a redirect, so the manifest still passes", async () => {
    const copy = projectCopy();
    try {
      copy.copy("src/_data/roles.ts", "src/_config/roles-original.ts");
      copy.write(
        "src/_data/roles.ts",
        `import roles from "../_config/roles-original.ts";
const senior = roles[0]!.levels.find((l) => l.id === "senior")!;
senior.formerIds = ["senior"];
senior.id = "senior-pm";
export default roles;
`,
      );
      const page = path.join(copy.dir, "src/roles/product-manager.md");
      copy.write("src/roles/product-manager.md", readFileSync(page, "utf8").replace('<h3 id="senior">', '<h3 id="senior-pm">'));
      copy.write("src/roles/fr/gestionnaire-de-produits.md", readFileSync(path.join(ROOT, "src/roles/fr/gestionnaire-de-produits.md"), "utf8").replace('<h3 id="senior">', '<h3 id="senior-pm">'));
      copy.write("src/_data/redirects.ts", `export default [{ from: "/en/careers/product-manager/", to: "${ROLE_URL}" }];\n`);
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
      expect(build.status, build.output).toBe(0);
      const site = path.join(copy.dir, "_site");
      const manifest: Manifest = { urls: { [ROLE_URL]: ["senior"], "/en/careers/product-manager/": ["senior"] } };
      expect(missingFrom(manifest, site)).toEqual([]);
      expect(readFileSync(fileFor(site, "/en/careers/product-manager/"), "utf8")).toContain(`url=${ROLE_URL}`);
      // …while a level that simply vanished is caught, and the manifest is left alone.
      expect(missingFrom({ urls: { [ROLE_URL]: ["principal"] } }, site)).toEqual([`${ROLE_URL}#principal`]);
      const manifestFile = path.join(copy.dir, "manifest.json");
      const gone = JSON.stringify({ urls: { "/en/roles/gone/": [], [ROLE_URL]: ["senior"] } });
      copy.write("manifest.json", gone);
      expect(updateManifest(manifestFile, site).missing).toEqual(["/en/roles/gone/"]);
      expect(readFileSync(manifestFile, "utf8")).toBe(gone);
      // The script adds new URLs and anchors, and keeps the old ones.
      copy.write("manifest.json", JSON.stringify({ urls: { [ROLE_URL]: ["senior"] } }));
      expect(updateManifest(manifestFile, site).added).toBeGreaterThan(20);
      const updated = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
      expect(updated.urls[ROLE_URL]).toEqual(["senior", "associate", "pm", "senior-pm", "principle", "head"]);
      expect(updated.urls["/fr/roles/gestionnaire-de-produits/"]).toContain("senior");
    } finally {
      copy.remove();
    }
  });
});

describe("roles.ts and the role pages must agree: the production build fails", () => {
  const frenchRole = readFileSync(path.join(ROOT, "src/roles/fr/gestionnaire-de-produits.md"), "utf8");
  const withRoles = (change: string) => `import roles from "../_config/roles-original.ts";\n${change}\nexport default roles;\n`;
  const cases: Array<[string, (copy: ReturnType<typeof projectCopy>) => void, string[]]> = [
    [
      "when roles.ts lists a level the page lacks",
      (copy) =>
        copy.write(
          "src/_data/roles.ts",
          withRoles(`roles[0]!.levels.push({ id: "director", classification: "CS-06", title: { en: "Director", fr: "Directeur" }, summary: { en: "x", fr: "x" } });`),
        ),
      ["src/roles/product-manager.md:1: level 'director' is listed for role 'product-manager' in src/_data/roles.ts", 'no element with id="director"'],
    ],
    [
      "when the page has a level heading roles.ts does not list",
      (copy) => copy.write("src/roles/fr/gestionnaire-de-produits.md", frenchRole + '\n<h3 id="lead">Chef d\'équipe (CS-05)</h3>\n'),
      // On the line of the heading, the last of the file.
      [`src/roles/fr/gestionnaire-de-produits.md:${frenchRole.split("\n").length + 1}: the level heading <h3 id="lead"> is not a level of role 'product-manager'`],
    ],
    [
      "when a page's title line is not the role's title in roles.ts",
      (copy) => copy.write("src/_data/roles.ts", withRoles(`roles[0]!.title.fr = "Gestionnaire de produit";`)),
      [
        'src/roles/fr/gestionnaire-de-produits.md:6: the page\'s title line says "Gestionnaire de produits", but src/_data/roles.ts names this role "Gestionnaire de produit" (title.fr)',
      ],
    ],
    [
      "when two levels share an id",
      (copy) => copy.write("src/_data/roles.ts", withRoles(`roles[0]!.levels[1]!.id = "associate";`)),
      ["two levels of role 'product-manager' share the id 'associate'"],
    ],
    [
      "when a Markdown file in src/roles/ has no entry in roles.ts",
      (copy) => copy.copy("tests/fixtures/roles/data-scientist.md", "src/roles/data-scientist.md"),
      ["src/roles/data-scientist.md:1: no role in src/_data/roles.ts has the English slug 'data-scientist'"],
    ],
  ];

  for (const [name, change, messages] of cases) {
    it.concurrent(name, async () => {
      const copy = projectCopy();
      try {
        copy.copy("src/_data/roles.ts", "src/_config/roles-original.ts");
        change(copy);
        const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
        expect(build.status, build.output).not.toBe(0);
        for (const message of messages) expect(build.output).toContain(message);
      } finally {
        copy.remove();
      }
    });
  }
});

describe("adding a role", () => {
  it("takes one Markdown file per language and one entry in roles.ts; the role appears in the index, the navigation and the sitemap", async () => {
    const copy = projectCopy();
    try {
      copy.copy("src/_data/roles.ts", "src/_config/roles-original.ts");
      copy.copy("tests/fixtures/roles/data-scientist.ts", "src/_config/data-scientist.ts");
      copy.write(
        "src/_data/roles.ts",
        `import roles from "../_config/roles-original.ts";\nimport dataScientist from "../_config/data-scientist.ts";\nroles.push(dataScientist);\nexport default roles;\n`,
      );
      copy.copy("tests/fixtures/roles/data-scientist.md", "src/roles/data-scientist.md");
      copy.copy("tests/fixtures/roles/scientifique-des-donnees.md", "src/roles/fr/scientifique-des-donnees.md");
      const build = await runScript("scripts/build.ts", [], copy.dir, { ELEVENTY_ENV: "production" });
      expect(build.status, build.output).toBe(0);
      const site = path.join(copy.dir, "_site");
      const index = pageAt(site, "/en/roles/");
      expect(index('a[href="/en/roles/data-scientist/#senior"]').text()).toBe("Senior data scientist");
      const role = pageAt(site, "/en/roles/data-scientist/");
      expect(role('nav.side-nav a[aria-current="page"]').text()).toBe("Data scientist");
      expect(role("main h1").text()).toBe("Data scientist");
      expect(pageAt(site, "/fr/roles/scientifique-des-donnees/")("main h1").text()).toBe("Scientifique des données");
      expect(role('nav.side-nav a[href="/en/roles/product-manager/"]')).toHaveLength(1);
      expect(role(".gc-lang-toggle a").attr("href")).toBe("/fr/roles/scientifique-des-donnees/");
      const sitemap = readFileSync(path.join(site, "sitemap.xml"), "utf8");
      expect(sitemap).toContain("/en/roles/data-scientist/</loc>");
      expect(sitemap).toContain("/fr/roles/scientifique-des-donnees/</loc>");
    } finally {
      copy.remove();
    }
  });
});
