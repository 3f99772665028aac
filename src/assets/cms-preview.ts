// The content editor's preview pane (/admin/preview.js, bundled by
// src/_config/editors/cms.ts): registers, for each collection, a preview that renders
// the entry with the site's own layouts and Markdown (src/_config/editors/cms-preview.ts).
// Loaded by /admin/ before Decap; src/assets/admin.js calls it before CMS.init.
import blog from "../_includes/blog.njk";
import page from "../_includes/page.njk";
import { renderPreview, type ImageLookup } from "../_config/editors/cms-preview.ts";
import { collectionLang } from "../_config/editors/cms-labels.ts";

interface Immutable {
  get(key: string): unknown;
  toJS(): Record<string, unknown>;
}
interface PreviewProps {
  entry: Immutable;
  collection: Immutable;
  getAsset(path: string): { toString(): string } | undefined;
}
interface Decap {
  registerPreviewTemplate(name: string, component: unknown): void;
}
type CreateClass = (spec: Record<string, unknown>) => unknown;
type H = (type: string, props: object, ...children: unknown[]) => unknown;

function register(CMS: Decap, collections: string[]): void {
  const { createClass, h } = window as unknown as { createClass: CreateClass; h: H };
  const probing = new Set<string>();
  const component = createClass({
    getInitialState: () => ({ sizes: {} as Record<string, { width: number; height: number }> }),
    render(this: { props: PreviewProps; state: { sizes: Record<string, { width: number; height: number }> }; setState(s: object): void }) {
      const { entry, collection } = this.props;
      const image: ImageLookup = (path) => {
        const url = String(this.props.getAsset(path) ?? path);
        const size = this.state.sizes[url];
        if (!size && !probing.has(url)) {
          probing.add(url);
          // The <img> gets its width and height, as on the page, once the file has loaded.
          const probe = new Image();
          probe.onload = () => this.setState({ sizes: { ...this.state.sizes, [url]: { width: probe.naturalWidth, height: probe.naturalHeight } } });
          probe.src = url;
        }
        return { url, ...size };
      };
      const name = String(collection.get("name"));
      const html = renderPreview(
        {
          collection: name,
          folder: String(collection.get("folder")),
          slug: String(entry.get("slug") ?? ""),
          data: (entry.get("data") as Immutable).toJS(),
        },
        { blog, page },
        image,
      );
      return h("div", { className: "container page" }, h("main", { id: "main", lang: collectionLang(name), dangerouslySetInnerHTML: { __html: html } }));
    },
  });
  for (const name of collections) CMS.registerPreviewTemplate(name, component);
}

(window as unknown as { registerSitePreview: typeof register }).registerSitePreview = register;
