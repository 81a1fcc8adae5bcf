// Debian's Chromium driven by playwright-core. A missing browser fails the tests: it never skips them.
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(viewport: { width: number; height: number }, colorScheme: "light" | "dark" = "light"): Promise<BrowserContext> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does, or set CHROMIUM_PATH`);
  }
  return chromium.launchPersistentContext(mkdtempSync(path.join(os.tmpdir(), "newsroom-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    colorScheme,
    // Without the networking flags Chromium keeps trying to reach the internet from a closed machine.
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}
