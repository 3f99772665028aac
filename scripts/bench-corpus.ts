// The synthetic posts of the bench (scripts/bench.ts): deterministic and
// varied (headings, lists, links, code), in two shapes of corpus.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import authors from "../src/_data/authors.ts";

export type Shape = "bilingual" | "one-author";

// Synthetic posts. A seeded PRNG (mulberry32) makes every run write the same
// files, so two runs of the bench measure the same work.
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Lang = "en" | "fr";
const WORDS: Record<Lang, string[]> = {
  en: "service delivery team users research design product policy government digital accessible bilingual sprint prototype feedback data release agile partners public servants build measure learn content plain language security reliability platform outcome iterate".split(" "),
  fr: "prestation services équipe utilisateurs recherche conception produit politique gouvernement numérique accessible bilingue sprint prototype rétroaction données publication agile partenaires fonctionnaires bâtir mesurer apprendre contenu langage clair sécurité fiabilité plateforme résultat itérer".split(" "),
};
// French titles carry accents, so the ASCII-folding slug of src/_config/urls/slugify.ts runs.
const TITLES: Record<Lang, string[]> = {
  en: ["What we learned shipping", "A day in the life of", "How we measure", "Notes on", "Why we care about", "Lessons from"],
  fr: ["Ce que nous avons appris en livrant", "Une journée dans la vie d’un·e", "Comment nous mesurons", "Réflexions sur", "Pourquoi l’équipe tient à", "Leçons tirées de"],
};
const ROLE_URL: Record<Lang, string> = { en: "/en/roles/product-manager/", fr: "/fr/roles/gestionnaire-de-produits/" };
const LEVELS = ["associate", "pm", "senior", "principle", "head"];
const CODE = [
  ["js", 'const answer = await fetch("/api/status");\nif (!answer.ok) throw new Error(answer.statusText);'],
  ["python", "def slugify(text: str) -> str:\n    return '-'.join(text.lower().split())"],
  ["bash", "npm ci\nnpm run build -- --output=_site"],
  ["json", '{ "lang": "fr", "translationKey": "demo", "draft": false }'],
] as const;

export function post(i: number, lang: Lang, shape: Shape = "bilingual"): string {
  const rand = prng(i * 2 + 1); // the same seed in both languages: twins share their shape
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS[lang])).join(" ");
  const sentence = () => {
    const s = words(8 + Math.floor(rand() * 14));
    return s[0]!.toUpperCase() + s.slice(1) + ".";
  };
  const paragraph = () => {
    const parts = Array.from({ length: 2 + Math.floor(rand() * 4) }, sentence);
    const r = rand();
    const level = pick(LEVELS);
    if (r < 0.3) parts.push(`${lang === "en" ? "See the" : "Voir le niveau"} [${level}](${ROLE_URL[lang]}#${level})${lang === "en" ? " level" : ""}.`);
    else if (r < 0.6) parts.push(`*${words(3)}* ${lang === "en" ? "and" : "et"} **${words(2)}**.`);
    return parts.join(" ");
  };
  const body: string[] = [paragraph()];
  for (let s = 0, sections = 3 + Math.floor(rand() * 5); s < sections; s++) {
    body.push(`## ${sentence().slice(0, -1)}`, paragraph(), paragraph());
    const r = rand();
    if (r < 0.35) body.push(Array.from({ length: 3 + Math.floor(rand() * 4) }, () => `- ${words(4)}`).join("\n"));
    else if (r < 0.6) {
      const [language, code] = pick(CODE);
      body.push("```" + language + "\n" + code + "\n```");
    } else if (r < 0.75) body.push(`### ${words(3)}`, paragraph());
  }
  const team = authors.map((a) => a.name);
  const picked = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(team)))].join(", ");
  const names = shape === "one-author" ? team[0]! : picked; // the same draws either way: the same text

  const date = new Date(Date.UTC(2015, 0, 1) + i * 36 * 3600 * 1000); // one post every day and a half
  const withImage = rand() < 0.3;
  const n = String(i).padStart(5, "0");
  const title = `${pick(TITLES[lang])} ${words(3)} ${n}`; // the number keeps every title, so every URL, unique
  const fm = [
    "---",
    "layout: blog",
    `title: ${JSON.stringify(title)}`, // a JSON string is a valid YAML scalar, quotes and accents included
    `description: ${JSON.stringify(sentence())}`,
    `author: ${JSON.stringify(names)}`,
    `date: ${date.toISOString()}`,
    ...(withImage ? ["image: /img/cds/pm-banner-fix.jpg", `image-alt: ${JSON.stringify(sentence())}`] : []),
    `translationKey: bench-${n}`,
    "---",
  ];
  return `${fm.join("\n")}\n${body.join("\n\n")}\n`;
}

/**
 * Writes `count` posts into a site's src/blog/. "bilingual": half English,
 * half their French twins in fr/. "one-author": all of them in English, by one
 * author, so that one author page and one language's listing hold them all.
 */
export async function writePosts(blogDir: string, count: number, shape: Shape = "bilingual"): Promise<void> {
  await mkdir(path.join(blogDir, "fr"), { recursive: true });
  const english = shape === "bilingual" ? Math.floor(count / 2) : count;
  for (let i = 0; i < english; i++) {
    await writeFile(path.join(blogDir, postFile(i, "en")), post(i, "en", shape));
    if (shape === "bilingual") await writeFile(path.join(blogDir, postFile(i, "fr")), post(i, "fr", shape));
  }
}

/** The file of synthetic post `i`, relative to src/blog/. */
export function postFile(i: number, lang: Lang): string {
  const name = `bench-${String(i).padStart(5, "0")}.md`;
  return lang === "en" ? name : path.join("fr", name);
}

