import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createArticle, openDatabase } from '@sitrep/db';
import { HOVER_QUERY, type HoverVariables } from '@sitrep/vocabulary';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestServer, startTestServer } from '../helpers';
import { untilListening } from '../helpers/sse';
import { type LaunchedChromium, browserUnavailable, launchChromium } from '../helpers/browser';

const unavailable = browserUnavailable();
if (unavailable && process.env.CI === 'true') throw new Error(`Browser tests cannot be skipped in CI: ${unavailable}`);
if (unavailable) console.warn(`Skipping GraphiQL browser tests: ${unavailable}`);

// .tmp/ is gitignored; the screenshot is kept for a human to look at.
const SCREENSHOT = fileURLToPath(new URL('../../.tmp/graphiql.works-offline.png', import.meta.url));
const WAIT = { timeout: 15_000 };

/**
 * Runs the open tab's operation until the server holds a subscription listener. A click that lands
 * while GraphiQL is still switching tabs runs the tab it leaves (a query, over at once): the button
 * says "Execute" again, and is clicked again. While it says "Stop", the subscription is running.
 */
async function executeUntilListening(page: Page, listeners: () => number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const execute = page.getByRole('button', { name: /^Execute query/ });
    if (await execute.isVisible()) await execute.click();
    try {
      await expect.poll(listeners, { timeout: 5_000, interval: 20 }).toBe(1);
      return;
    } catch {
      // Not listening yet: look at the button again.
    }
  }
  await untilListening(listeners);
}

describe.skipIf(unavailable)('GraphiQL, offline', () => {
  let server: TestServer;
  let chromium: LaunchedChromium;
  let page: Page;
  const offsite: string[] = [];
  const errors: string[] = [];

  /** Lets through only requests to our server; records and aborts the rest, as a closed network would. */
  async function onlyOurServer(context: BrowserContext, origin: string) {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      offsite.push(`${route.request().method()} ${url}`);
      return route.abort('internetdisconnected');
    });
    // Web sockets are not routed above.
    context.on('page', (p) => p.on('websocket', (ws) => offsite.push(`websocket ${ws.url()}`)));
  }

  beforeAll(async () => {
    server = await startTestServer();
    chromium = await launchChromium();
    await onlyOurServer(chromium.context, new URL(server.url).origin);
    page = await chromium.context.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    // No console error is known to be harmless: GraphiQL 5 + Monaco log none when served inlined.
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
    });
  });

  afterAll(async () => {
    await chromium?.[Symbol.asyncDispose]();
    await server?.[Symbol.asyncDispose]();
  });

  it('renders the default query and runs it, fetching nothing beyond 127.0.0.1', { timeout: 30_000 }, async () => {
    try {
      const response = await page.goto(server.url, WAIT);
      expect(response?.status()).toBe(200);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);

      // The page holds two .graphiql-container elements; the first is the app.
      await page.locator('.graphiql-container').first().waitFor(WAIT);
      // Monaco renders only the visible lines, spaced with U+00A0: string hasText normalises that, a RegExp needs \s.
      await page
        .locator('.graphiql-query-editor .view-lines', { hasText: 'entity(name: $name, id: $id)' })
        .waitFor(WAIT);

      await page.getByRole('button', { name: /^Execute query/ }).click();
      const result = page.locator('.graphiql-response .view-lines');
      await result.filter({ hasText: '"name": "Hmeimim Air Base"' }).waitFor(WAIT);
      await result.filter({ hasText: /"claims":\s\d+/ }).waitFor(WAIT);
      await expect(page.locator('.graphiql-response').innerText()).resolves.not.toMatch(/"errors"/);
    } finally {
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.screenshot({ path: SCREENSHOT });
      // Soft, so a timeout above still reports where the page tried to go.
      expect.soft(offsite, 'requests that tried to leave 127.0.0.1').toEqual([]);
      expect.soft(errors, 'page and console errors').toEqual([]);
    }
  });

  it(
    'opens a second tab whose subscription shows a commit made by another connection',
    { timeout: 60_000 },
    async () => {
      try {
        await page.getByRole('tab', { name: /WatchChanges/ }).click();
        await page.locator('.graphiql-query-editor .view-lines', { hasText: 'knowledgeChanged' }).waitFor(WAIT);
        // A commit from another connection reaches the subscription once the server has its listener.
        await executeUntilListening(page, () => server.changeListeners());
        const writer = openDatabase(server.dbFile);
        try {
          createArticle(writer, {
            title: 'A note the browser should hear of',
            publishedAt: '2025-03-01',
            dateline: null,
            outlet: 'Test desk',
            url: null,
            text: 'A made-up note, written by another connection while GraphiQL listens.',
          });
        } finally {
          writer.close();
        }
        await page
          .locator('.graphiql-response .view-lines')
          .filter({ hasText: '"title": "A note the browser should hear of"' })
          .waitFor(WAIT);
      } finally {
        await page.screenshot({ path: SCREENSHOT.replace('.png', '-subscription.png') });
        expect.soft(offsite, 'requests that tried to leave 127.0.0.1').toEqual([]);
        expect.soft(errors, 'page and console errors').toEqual([]);
      }
    },
  );

  it('opens the editor’s “Open in GraphiQL” link on the entity it names by ID', { timeout: 30_000 }, async () => {
    try {
      const tartus = await server.gql<{ entity: { id: string } }>('{ entity(name: "Tartus") { id } }');
      const variables: HoverVariables = { id: tartus.data!.entity.id, name: null, first: 20 };
      await page.goto(
        `${server.url}?query=${encodeURIComponent(HOVER_QUERY)}&variables=${encodeURIComponent(JSON.stringify(variables))}`,
        WAIT,
      );
      // The variables editor holds the link's variables: the ID, shown as the page wrote it.
      await page.getByText(`"${tartus.data!.entity.id}"`).waitFor(WAIT);
      await page.getByRole('button', { name: /^Execute query/ }).click();
      await page
        .locator('.graphiql-response .view-lines')
        .filter({ hasText: '"name": "Tartus naval facility"' })
        .waitFor(WAIT);
    } finally {
      await page.screenshot({ path: SCREENSHOT.replace('.png', '-link.png') });
      expect.soft(offsite, 'requests that tried to leave 127.0.0.1').toEqual([]);
      expect.soft(errors, 'page and console errors').toEqual([]);
    }
  });
});
