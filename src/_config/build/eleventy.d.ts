// Eleventy 3 and its plugins ship JavaScript without type declarations. These
// declare the parts of their APIs this site uses, so the config is type-checked.
declare module "@11ty/eleventy" {
  type Callback = (...args: any[]) => unknown;
  export interface UserConfig {
    directories: { input: string; output: string; includes: string; data: string };
    addPlugin<O>(plugin: (config: UserConfig, options: O) => unknown, options?: O): void;
    addPlugin(plugin: unknown, options?: object): void;
    addFilter(name: string, filter: Callback): void;
    addAsyncFilter(name: string, filter: Callback): void;
    getFilter(name: string): Callback;
    addShortcode(name: string, shortcode: Callback): void;
    addAsyncShortcode(name: string, shortcode: Callback): void;
    addCollection(name: string, build: (api: any) => unknown): void;
    addGlobalData(name: string, value: unknown): void;
    addDataExtension(ext: string, options: { read?: boolean; parser: Callback }): void;
    addPreprocessor(name: string, extensions: string, callback: Callback): void;
    addPassthroughCopy(paths: string | Record<string, string>): void;
    addWatchTarget(path: string): void;
    addTransform(name: string, transform: Callback): void;
    addTemplate(virtualInputPath: string, content: string, data?: object): void;
    addLinter(name: string, linter: Callback): void;
    setLibrary(ext: string, library: unknown): void;
    setServerOptions(options: object): void;
    setChokidarConfig(options: object): void;
    setQuietMode(quiet: boolean): void;
    setFrontMatterParsingOptions(options: { engines?: Record<string, Callback> }): void;
    versionCheck(range: string): void;
    setDataSchema?(schema: unknown): void;
    addExtension(ext: string, options: { key?: string; isIncrementalMatch?: Callback }): void;
    on(event: string, listener: Callback): void;
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: object);
    write(): Promise<unknown>;
    toJSON(): Promise<Array<{ url: string; inputPath: string; outputPath: string; content: string }>>;
  }
}

declare module "@11ty/eleventy-plugin-syntaxhighlight" {
  const plugin: (config: import("@11ty/eleventy").UserConfig, options?: object) => void;
  export default plugin;
}

declare module "@11ty/eleventy-plugin-rss" {
  export const feedPlugin: (config: import("@11ty/eleventy").UserConfig, options?: object) => void;
  const plugin: (config: import("@11ty/eleventy").UserConfig, options?: object) => void;
  export default plugin;
}

declare module "@11ty/eleventy-img" {
  interface ImageOptions {
    widths?: Array<number | "auto">;
    formats?: string[];
    outputDir?: string;
    urlPath?: string;
  }
  function Image(src: string, options?: ImageOptions): Promise<Record<string, unknown[]>>;
  export default Image;
}
