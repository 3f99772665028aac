import type { Author } from "../_config/types.ts";

// Everyone who writes for the blog. A post's `author` lists names exactly as
// written in `name`, separated by commas.
const authors: Author[] = [
  {
    slug: "bryan-willey",
    name: "Bryan Willey",
    jobTitle: { en: "Product manager", fr: "Gestionnaire de produits" },
  },
  {
    slug: "clementine-hahn",
    name: "Clémentine Hahn",
    jobTitle: { en: "Product manager", fr: "Gestionnaire de produits" },
  },
  {
    slug: "courtney-claessens",
    name: "Courtney Claessens",
    jobTitle: { en: "Product manager", fr: "Gestionnaire de produits" },
  },
  {
    slug: "dan-tse",
    name: "Dan Tse",
    jobTitle: { en: "Product manager", fr: "Gestionnaire de produits" },
  },
  {
    slug: "stevie-ray-talbot",
    name: "Stevie-Ray Talbot",
    jobTitle: { en: "Product manager", fr: "Gestionnaire de produits" },
  },
];

export default authors;
