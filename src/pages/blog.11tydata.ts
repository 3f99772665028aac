import { fill } from "../_config/languages/i18n.ts";
import { strings } from "../_config/urls/urls.ts";
import type { ListingPage } from "../_config/content/blog.ts";

// The data of blog.njk, one page per listing page of each language (the
// blogListing collection). Functions rather than Nunjucks strings in the front
// matter: there are hundreds of listing pages, and each string would be
// rendered as a template for each of them.

interface Data {
  listing: ListingPage<unknown>;
}

export default {
  permalink: (data: Data) => data.listing.url,
  eleventyComputed: {
    lang: (data: Data) => data.listing.lang,
    translationKey: (data: Data) => `blog-${data.listing.number}`,
    title: ({ listing }: Data) => {
      const t = strings[listing.lang];
      return listing.number > 1 ? `${t.blog} – ${fill(t.pageNumber, { n: listing.number })}` : t.blog;
    },
    description: (data: Data) => strings[data.listing.lang].blogIntro,
    // Issue 18: every page of a listing shares one link-preview card, named
    // after the blog: "page 7" tells someone shown the link nothing, and a
    // card per page would be hundreds to draw at 4,000 posts.
    cardTitle: (data: Data) => strings[data.listing.lang].blog,
  },
};
