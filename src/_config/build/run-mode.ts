/**
 * Whether Eleventy runs with a watcher (`npm start`, `npm run cms`, `--watch`):
 * Eleventy sets ELEVENTY_RUN_MODE before it loads the configuration. Read
 * when called.
 */
export function isWatching(): boolean {
  return process.env.ELEVENTY_RUN_MODE === "serve" || process.env.ELEVENTY_RUN_MODE === "watch";
}
