import type { Localized } from "../_config/types.ts";

// The Government of Canada links of the GCDS footer, with GCDS's own labels.
interface Link {
  text: string;
  url: string;
}
const gcLinks: Localized<{ main: Link[]; sub: Link[] }> = {
  en: {
    main: [
      { text: "All contacts", url: "https://www.canada.ca/en/contact.html" },
      { text: "Departments and agencies", url: "https://www.canada.ca/en/government/dept.html" },
      { text: "About government", url: "https://www.canada.ca/en/government/system.html" },
    ],
    sub: [
      { text: "Terms and conditions", url: "https://www.canada.ca/en/transparency/terms.html" },
      { text: "Privacy", url: "https://www.canada.ca/en/transparency/privacy.html" },
    ],
  },
  fr: {
    main: [
      { text: "Toutes les coordonnées", url: "https://www.canada.ca/fr/contact.html" },
      { text: "Ministères et organismes", url: "https://www.canada.ca/fr/gouvernement/min.html" },
      { text: "À propos du gouvernement", url: "https://www.canada.ca/fr/gouvernement/systeme.html" },
    ],
    sub: [
      { text: "Avis", url: "https://www.canada.ca/fr/transparence/avis.html" },
      { text: "Confidentialité", url: "https://www.canada.ca/fr/transparence/confidentialite.html" },
    ],
  },
};

export default gcLinks;
