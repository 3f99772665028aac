import { authorsOf, postPermalink } from "../_config/content/content-data.ts";
import { validatePost } from "../_config/content/schemas.ts";
import { picture } from "../_config/assets/images.ts";
import { heroCard } from "../_config/assets/social-cards.ts";

interface PostData {
  image?: unknown;
  thumb?: unknown;
  "image-alt"?: unknown;
  page: { inputPath: string };
}

// Blog posts are English here and French in fr/. Their URL comes from their
// title; their authors from src/_data/authors.ts.
export default {
  lang: "en",
  // The computed permalink is a finished URL: no need to render it as a template.
  dynamicPermalink: false,
  eleventyDataSchema: validatePost,
  eleventyComputed: {
    authorList: (data: { author?: unknown }) => authorsOf(data.author),
    permalink: postPermalink,
    imageAlt: (data: PostData) => data["image-alt"],
    // The hero and the thumbnail, made by eleventy-img (a `thumb` an editor set is honoured).
    hero: async (data: PostData) =>
      typeof data.image === "string" ? picture(data.image, String(data["image-alt"] ?? ""), "hero", data.page.inputPath) : undefined,
    // Issue 18: the hero cropped to 1200 × 630, for link previews (og:image).
    heroCard: async (data: PostData) => (typeof data.image === "string" ? heroCard(data.image, data.page.inputPath) : undefined),
    thumbnail: async (data: PostData) => {
      const source = typeof data.thumb === "string" ? data.thumb : data.image;
      return typeof source === "string" ? picture(source, String(data["image-alt"] ?? ""), "thumb", data.page.inputPath) : undefined;
    },
  },
};
