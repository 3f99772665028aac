// Debian's Chromium, driven by playwright-core. Never a downloaded browser.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { serve, type StaticServer } from "./server.ts";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Launches Chromium (at CHROMIUM_PATH, or `executablePath` when given).
 * `offline` makes every host but 127.0.0.1 unresolvable, so a page that asks
 * for another origin fails fast instead of reaching the network.
 */
export async function launch(executablePath = CHROMIUM, options: { offline?: boolean } = {}): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `No browser at ${executablePath}. The browser tests need Debian's Chromium: run \`apt-get install chromium\` ` +
        "(as root; .ci/run does it), or set CHROMIUM_PATH to a Chromium binary.",
    );
  }
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      ...(options.offline ? ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"] : []),
    ],
  });
}

/**
 * Waits for every start, even once one has failed, then fails with the first
 * failure. Each start assigns what it started (`launch().then((b) => (browser = b))`),
 * so the afterAll stops all that started, and nothing starts after it ran.
 */
export async function allStarted(starts: Array<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(starts)).find((start) => start.status === "rejected");
  if (failed) throw failed.reason;
}

/**
 * For a describe block that opens a built site in Chromium: launches the
 * browser and serves `site` on 127.0.0.1 before its tests, closes both after.
 */
export function browsing(site: string): { readonly browser: Browser; readonly origin: string } {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    await allStarted([launch().then((b) => (browser = b)), serve(site).then((s) => (server = s))]);
  });
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()]);
  });
  return {
    get browser() {
      return browser!;
    },
    get origin() {
      return server!.origin;
    },
  };
}
