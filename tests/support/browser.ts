// Debian's Chromium, driven by playwright-core. Never a downloaded browser.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

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
