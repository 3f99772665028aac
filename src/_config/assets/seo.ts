import type { UserConfig } from "@11ty/eleventy";
import site from "../../_data/site.ts";
import { withPrefix } from "../urls/paths.ts";
import type { Author, Lang } from "../types.ts";

/** `/en/` → `https://careers.example/careers/en/`, for canonical links, cards and feeds. */
export function fullUrl(sitePath: string): string {
  return /^https?:\/\//.test(sitePath) ? sitePath : site.url + withPrefix(sitePath);
}

interface Posting {
  title: string;
  description: string;
  date: Date;
  lang: Lang;
  url: string;
  image?: string;
  authors: Author[];
}

/** schema.org BlogPosting, escaped so that no `</script>` can close the element early. */
export function blogPostingJsonLd(post: Posting): string {
  const json = JSON.stringify({
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: post.title,
    description: post.description,
    datePublished: post.date.toISOString(),
    inLanguage: `${post.lang}-CA`,
    url: fullUrl(post.url),
    image: post.image ? fullUrl(post.image) : undefined,
    author: post.authors.map((a) => ({ "@type": "Person", name: a.name, jobTitle: a.jobTitle[post.lang] })),
  });
  return json.replace(/</g, "\\u003c");
}

export default function seo(eleventyConfig: UserConfig): void {
  eleventyConfig.addFilter("fullUrl", fullUrl);
  eleventyConfig.addFilter("withPrefix", withPrefix);
  eleventyConfig.addFilter("blogPostingJsonLd", blogPostingJsonLd);
}
