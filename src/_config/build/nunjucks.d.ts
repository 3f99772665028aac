// The part of Nunjucks (Eleventy's template engine, also bundled into the
// content editor's preview pane, cms-preview.ts) this site calls directly.
declare module "nunjucks" {
  export class Environment {
    constructor(loader: null, options?: { autoescape?: boolean });
    addFilter(name: string, filter: (...args: unknown[]) => unknown): void;
  }
  export class Template {
    constructor(source: string, env?: Environment);
    render(context: object): string;
  }
  const nunjucks: { Environment: typeof Environment; Template: typeof Template };
  export default nunjucks;
}

// The layouts, bundled into the preview pane as text (esbuild's text loader, cms.ts).
declare module "*.njk" {
  const source: string;
  export default source;
}
