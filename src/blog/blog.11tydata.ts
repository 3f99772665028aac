import { authorsOf, postPermalink } from "../_config/content-data.ts";
import { validatePost } from "../_config/schemas.ts";

// Blog posts are English here and French in fr/. Their URL comes from their
// title; their authors from src/_data/authors.ts.
export default {
  lang: "en",
  eleventyDataSchema: validatePost,
  eleventyComputed: {
    authorList: (data: { author?: unknown; page: { inputPath: string } }) => authorsOf(data.author, data.page.inputPath),
    permalink: postPermalink,
    imageAlt: (data: Record<string, unknown>) => data["image-alt"],
  },
};
