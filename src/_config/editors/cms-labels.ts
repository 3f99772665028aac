// What the content editor (/admin/, Decap CMS) calls each field and
// collection, and the hint under each field, in both languages. Decap takes one
// string per label, so the admin page builds one configuration per language
// and shows the one that matches the editor's interface language.
// Every field of the schemas in schemas.ts needs an entry here: the build
// stops and names the field otherwise (see cms-config.ts).
import type { Lang, Localized } from "../types.ts";

export interface FieldText {
  label: Localized;
  hint?: Localized;
  /** Shown when the value does not match the schema's pattern. */
  pattern?: Localized;
}

export const fieldText: Record<string, FieldText> = {
  layout: { label: { en: "Layout", fr: "Mise en page" } },
  title: {
    label: { en: "Title", fr: "Titre" },
    hint: {
      en: "The post's address comes from its title when you first save it.",
      fr: "L'adresse du billet est tirée de son titre au premier enregistrement.",
    },
  },
  // A role's title is not its address (the file name is): it is the page's main heading.
  roleTitle: {
    label: { en: "Title", fr: "Titre" },
    hint: {
      en: "The role's name, the page's main heading: the same as its title in src/_data/roles.ts.",
      fr: "Le nom du rôle, titre principal de la page : le même que son titre dans src/_data/roles.ts.",
    },
  },
  description: {
    label: { en: "Description", fr: "Description" },
    hint: {
      en: "One sentence that says what the post is about. Shown in listings and search results.",
      fr: "Une phrase qui dit de quoi parle le billet. Affichée dans les listes et les résultats de recherche.",
    },
  },
  author: {
    label: { en: "Authors", fr: "Auteurs" },
    hint: {
      en: "Pick one or more. Someone missing? A developer adds them to src/_data/authors.ts.",
      fr: "Choisissez une ou plusieurs personnes. Quelqu'un manque? Un développeur l'ajoute à src/_data/authors.ts.",
    },
  },
  date: {
    label: { en: "Publication date", fr: "Date de publication" },
    hint: {
      en: "Time in UTC (Ottawa is 4 or 5 hours behind).",
      fr: "Heure UTC (Ottawa a 4 ou 5 heures de retard).",
    },
  },
  image: {
    label: { en: "Image", fr: "Image" },
    hint: { en: "Optional. If you add one, describe it below.", fr: "Facultative. Si vous en ajoutez une, décrivez-la ci-dessous." },
  },
  "image-alt": {
    label: { en: "Image description", fr: "Description de l'image" },
    hint: {
      en: "Required with an image: what someone who cannot see it needs to know.",
      fr: "Obligatoire avec une image : ce qu'une personne qui ne la voit pas doit savoir.",
    },
  },
  translationKey: {
    label: { en: "Translation key", fr: "Clé de traduction" },
    hint: {
      en: "Pairs this post with its French version. Left empty, it is made from the title when you save.",
      fr: "Associe ce billet à sa version française. Laissée vide, elle est tirée du titre à l'enregistrement.",
    },
  },
  // A French post's translationKey, picked from the English posts.
  translationOf: {
    label: { en: "English original", fr: "Billet anglais traduit" },
    hint: {
      en: "Pick the English post this one translates: the two pages will link to each other.",
      fr: "Choisissez le billet anglais dont celui-ci est la traduction : les deux pages se lieront l'une à l'autre.",
    },
  },
  thumb: { label: { en: "Thumbnail", fr: "Vignette" } },
  processed: { label: { en: "Processed", fr: "Traité" } },
  draft: {
    label: { en: "Draft", fr: "Ébauche" },
    hint: {
      en: "A draft is left out of the published site.",
      fr: "Une ébauche n'est pas publiée sur le site.",
    },
  },
  slug: {
    label: { en: "Address (slug)", fr: "Adresse (slug)" },
    hint: {
      en: "Optional: replaces the address made from the title.",
      fr: "Facultative : remplace l'adresse tirée du titre.",
    },
    pattern: { en: "Lowercase letters, digits and hyphens only.", fr: "Lettres minuscules, chiffres et traits d'union seulement." },
  },
  tags: { label: { en: "Tags", fr: "Étiquettes" } },
  translationChecked: {
    label: { en: "Translation checked on", fr: "Traduction vérifiée le" },
    hint: {
      en: "The day you compared this page with its other-language version and found nothing to change: it then counts as up to date.",
      fr: "Le jour où vous avez comparé cette page à sa version dans l'autre langue sans rien trouver à changer : elle compte alors comme à jour.",
    },
  },
  class: { label: { en: "Class", fr: "Classe" } },
  body: {
    label: { en: "Text", fr: "Texte" },
    hint: {
      en: "Markdown: `**bold**`, `*italic*`, `[a link](https://…)`, `## a heading`.",
      fr: "Markdown : `**gras**`, `*italique*`, `[un lien](https://…)`, `## un titre`.",
    },
  },
  roleBody: {
    label: { en: "Text", fr: "Texte" },
    hint: {
      en: "Markdown. Keep the `<h3 id=\"…\">` level headings and `<strong class=\"note\">` notes as they are.",
      fr: "Markdown. Gardez tels quels les titres de niveau `<h3 id=\"…\">` et les notes `<strong class=\"note\">`.",
    },
  },
};

/** The language of a collection's entries: `posts-fr` → fr. */
export const collectionLang = (collection: string): Lang => (collection.endsWith("-fr") ? "fr" : "en");
/** Whether a collection holds role pages (`roles-en`, `roles-fr`) rather than posts. */
export const isRoleCollection = (collection: string): boolean => collection.startsWith("roles");

export const collectionText: Record<"posts-en" | "posts-fr" | "roles-en" | "roles-fr", { label: Localized; singular: Localized }> = {
  "posts-en": {
    label: { en: "Blog posts (English)", fr: "Billets de blogue (anglais)" },
    singular: { en: "English post", fr: "billet anglais" },
  },
  "posts-fr": {
    label: { en: "Blog posts (French)", fr: "Billets de blogue (français)" },
    singular: { en: "French post", fr: "billet français" },
  },
  "roles-en": {
    label: { en: "Roles (English)", fr: "Rôles (anglais)" },
    singular: { en: "English role", fr: "rôle anglais" },
  },
  "roles-fr": {
    label: { en: "Roles (French)", fr: "Rôles (français)" },
    singular: { en: "French role", fr: "rôle français" },
  },
};
