// markdownlint-cli2 ships JavaScript with JSDoc types only: the part of its API scripts/markdown-style.ts uses.
declare module "markdownlint-cli2" {
  export function main(params: {
    directory?: string;
    argv?: string[];
    optionsOverride?: { outputFormatters?: unknown[][] };
    logMessage?: (message: string) => void;
    logError?: (message: string) => void;
  }): Promise<number>;
}
