// Debian's Chromium, driven by playwright-core. Never a downloaded browser.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launches Chromium (at CHROMIUM_PATH, or `executablePath` when given). */
export async function launch(executablePath = CHROMIUM): Promise<Browser> {
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
    ],
  });
}
