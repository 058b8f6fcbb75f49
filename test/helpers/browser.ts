import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Debian's chromium (scripts/ensure-browser.sh), never a Playwright download, with flags that keep
// Chromium itself quiet on the network, so any request the tests see comes from the page. The
// VS Code end-to-end harness reads the same file.
import chromiumSettings from './chromium.json';

export const CHROMIUM_PATH = chromiumSettings.executablePath;
const CHROMIUM_ARGS = chromiumSettings.args;

/** Why browser tests cannot run here, or null if they can. */
export function browserUnavailable(): string | null {
  return existsSync(CHROMIUM_PATH) ? null : `${CHROMIUM_PATH} not found: run scripts/ensure-browser.sh`;
}

export interface LaunchedChromium extends AsyncDisposable {
  context: BrowserContext;
}

/** Chromium with a fresh profile in a temp folder, removed on dispose. */
export async function launchChromium(): Promise<LaunchedChromium> {
  const profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    async [Symbol.asyncDispose]() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
