import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium (scripts/ensure-browser.sh); Playwright's own browsers are never downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

// Keep Chromium itself quiet on the network, so any request the tests see comes from the page.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

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
