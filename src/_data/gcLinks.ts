import type { StringKey } from "../_config/types.ts";
import type { Localized } from "../_config/types.ts";

// The Government of Canada links of the GCDS footer. Their labels are in the
// dictionaries (src/_data/i18n/), with GCDS's own wording; the URLs differ by language.
interface Link {
  label: StringKey;
  url: Localized;
}
const gcLinks: { main: Link[]; sub: Link[] } = {
  main: [
    { label: "footerAllContacts", url: { en: "https://www.canada.ca/en/contact.html", fr: "https://www.canada.ca/fr/contact.html" } },
    { label: "footerDepartments", url: { en: "https://www.canada.ca/en/government/dept.html", fr: "https://www.canada.ca/fr/gouvernement/min.html" } },
    { label: "footerAboutGov", url: { en: "https://www.canada.ca/en/government/system.html", fr: "https://www.canada.ca/fr/gouvernement/systeme.html" } },
  ],
  sub: [
    { label: "footerTerms", url: { en: "https://www.canada.ca/en/transparency/terms.html", fr: "https://www.canada.ca/fr/transparence/avis.html" } },
    { label: "footerPrivacy", url: { en: "https://www.canada.ca/en/transparency/privacy.html", fr: "https://www.canada.ca/fr/transparence/confidentialite.html" } },
  ],
};

export default gcLinks;
