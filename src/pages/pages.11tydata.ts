import { validatePage } from "../_config/content/schemas.ts";

// Generated pages (homes, indexes, listings, search…): a layout that exists, a title if any.
export default { eleventyDataSchema: validatePage };
