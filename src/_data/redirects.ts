// Pages that moved. Published links are a contract: when a page's URL changes,
// add its old URL here and the build leaves a redirect page behind.
// e.g. { from: "/en/roles/pm/", to: "/en/roles/product-manager/" }
export interface Redirect {
  from: string;
  to: string;
}

const redirects: Redirect[] = [];

export default redirects;
