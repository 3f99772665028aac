import type { Role } from "../_config/types.ts";

// Every role the site describes, with its levels in order. A role's page is
// src/roles/<slug.en>.md (English) and src/roles/fr/<slug.fr>.md (French).
// Level ids are the anchors job postings link to (…/product-manager/#senior):
// never change one. To rename a level's anchor, give it a new id and move the
// old one to `formerIds`, so published links keep working.
const roles: Role[] = [
  {
    key: "product-manager",
    slug: { en: "product-manager", fr: "gestionnaire-de-produits" },
    title: { en: "Product manager", fr: "Gestionnaire de produits" },
    summary: {
      en: "Leads a multidisciplinary team to build the right thing, at the right time, for the people who use it.",
      fr: "Dirige une équipe multidisciplinaire pour bâtir la bonne chose, au bon moment, pour les personnes qui l'utilisent.",
    },
    levels: [
      {
        id: "associate",
        classification: "CS-02",
        title: { en: "Associate product manager", fr: "Gestionnaire de produits associé" },
        summary: {
          en: "An entry-level role that helps shape the product's vision, stories and updates.",
          fr: "Un poste de premier échelon qui aide à définir la vision, les récits et les mises à jour du produit.",
        },
      },
      {
        id: "pm",
        classification: "CS-03",
        title: { en: "Product manager", fr: "Gestionnaire de produits" },
        summary: {
          en: "Defines the product's vision, strategy and success metrics, and iterates on them.",
          fr: "Définit la vision, la stratégie et les mesures de réussite du produit, et les fait évoluer.",
        },
      },
      {
        id: "senior",
        classification: "CS-04",
        title: { en: "Senior product manager", fr: "Gestionnaire de produits chevronné" },
        summary: {
          en: "Tailors strategy to the team and context, and shares product practice inside and outside CDS.",
          fr: "Adapte la stratégie à l'équipe et au contexte, et fait connaître la pratique au SNC et ailleurs.",
        },
      },
      {
        id: "principle",
        classification: "CS-05",
        title: { en: "Principal product manager", fr: "Gestionnaire de produits principal" },
        summary: {
          en: "Coaches others and sets the standards for product work across the organization.",
          fr: "Encadre les autres et établit les normes du travail sur les produits dans l'organisation.",
        },
      },
      {
        id: "head",
        classification: "CS-05",
        title: { en: "Head of product management", fr: "Chef de la gestion des produits" },
        summary: {
          en: "Leads the product management community, including people management.",
          fr: "Dirige la communauté de la gestion des produits, y compris la gestion du personnel.",
        },
      },
    ],
  },
];

export default roles;
