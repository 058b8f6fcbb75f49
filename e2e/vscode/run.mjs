// Sitrep in a real VS Code: a real Sitrep server with the demo data, code-server 4.100.3 with the
// packaged .vsix installed, and Debian's chromium (driven by playwright-core) hovering names in a
// Markdown file. Expects `pnpm package:vscode` and `bash e2e/vscode/install.sh` to have run
// (`pnpm test:editor` does all three). Prints `vscode-e2e: N passed, N failed` last; exits non-zero
// on any failure. Outside CI a missing prerequisite skips the run (exit 0); under CI=true it fails.
/* global document -- used in functions that run in the page */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearHover, hover, openFromExplorer, probe, until, wordCentre } from './editor.mjs';
import { throughTheApi } from './through-the-api.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const VSIX = join(ROOT, 'packages/vscode/dist/sitrep.vsix');
const CODE_SERVER = join(HERE, 'node_modules/.bin/code-server');
// Shared with test/helpers/browser.ts: Debian's chromium and the flags that keep it off the network.
const { executablePath: CHROMIUM, args: CHROMIUM_ARGS } = JSON.parse(
  readFileSync(new URL('../../test/helpers/chromium.json', import.meta.url), 'utf8'),
);
const SITREP = join(ROOT, 'packages/cli/dist/main.mjs');
// A test-only extension that answers through VS Code's own command API (probe/README.md).
const PROBE = join(HERE, 'probe');
const VSCE = join(ROOT, 'packages/vscode/node_modules/.bin/vsce');
const SCREENSHOTS = join(ROOT, '.tmp');
const CI = process.env.CI === 'true';

/** How long the extension host may take to start and answer the first hover (about 17 s on 2 cores). */
const FIRST_HOVER_MS = 60_000;

const started = Date.now();
const log = (message) => console.log(`vscode-e2e [${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
const results = [];
const cleanups = [];

function finish(code) {
  const passed = results.filter((r) => r.ok).length;
  console.log(`vscode-e2e: ${passed} passed, ${results.length - passed} failed`);
  process.exit(code);
}

// ---------------------------------------------------------------- prerequisites

function missingPrerequisite() {
  if (!existsSync(VSIX)) return `${VSIX} not found: run \`pnpm package:vscode\` first`;
  if (!existsSync(CODE_SERVER)) return 'code-server is not installed: run `bash e2e/vscode/install.sh` first';
  if (!existsSync(join(HERE, 'node_modules/playwright-core')))
    return 'playwright-core is not installed: run install.sh';
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found: run \`bash e2e/vscode/install.sh\` as root`;
  if (!existsSync(SITREP)) return `${SITREP} not found: run \`pnpm build\` at the repository root`;
  return null;
}

const missing = missingPrerequisite();
if (missing) {
  if (CI) {
    console.error(`vscode-e2e: ${missing}`);
    results.push({ name: 'prerequisites', ok: false });
    finish(1);
  }
  console.log(`vscode-e2e: skipped: ${missing}`);
  finish(0);
}
const built = statSync(VSIX).mtimeMs;
if (statSync(join(ROOT, 'packages/vscode/src/extension.ts')).mtimeMs > built) {
  log('warning: packages/vscode/src/extension.ts is newer than the .vsix; run `pnpm package:vscode` to test it');
}

// ---------------------------------------------------------------- helpers

/** A port that was free a moment ago (code-server needs one on its command line). */
function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Stops a process group made with `detached: true` (setsid): TERM, then KILL after a bound. */
async function stopGroup(child, name) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    log(`${name} ignored SIGTERM for 10 s: SIGKILL`);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (error) {
      console.error(`vscode-e2e: cleanup: ${error.message}`);
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => void cleanup().finally(() => finish(130)));
}

// ---------------------------------------------------------------- the run

const base = mkdtempSync(join(tmpdir(), 'sitrep-vscode-e2e-'));
const dirs = {
  userData: join(base, 'user-data'),
  extensions: join(base, 'extensions'),
  workspace: join(base, 'workspace'),
  chromium: join(base, 'chromium-profile'),
};
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
mkdirSync(SCREENSHOTS, { recursive: true });
let keepTemp = false;
cleanups.push(() => {
  if (keepTemp) log(`kept ${base} for inspection (code-server.log, sitrep.log)`);
  else rmSync(base, { recursive: true, force: true });
});
// Every code-server call writes into ~/.config and ~/.local/share unless told otherwise.
const env = {
  ...process.env,
  XDG_CONFIG_HOME: join(base, 'xdg/config'),
  XDG_DATA_HOME: join(base, 'xdg/data'),
  XDG_CACHE_HOME: join(base, 'xdg/cache'),
};

/** Starts `sitrep serve` with the demo data on a free port; resolves with its GraphQL URL. */
async function startSitrep() {
  const out = openSync(join(base, 'sitrep.log'), 'a');
  const child = spawn(process.execPath, [SITREP, 'serve', '--db', join(base, 'sitrep.db'), '--create', '--port', '0'], {
    cwd: ROOT,
    env: process.env,
    detached: true, // its own process group, ended with it
    stdio: ['ignore', out, out],
  });
  cleanups.push(() => stopGroup(child, 'sitrep serve'));
  const match = await until('sitrep serve printed no URL', 60_000, () => {
    if (child.exitCode !== null) throw new Error(`sitrep serve exited with ${child.exitCode}`);
    return /GraphiQL and the API: (\S+)/.exec(readFileSync(join(base, 'sitrep.log'), 'utf8'));
  });
  return match[1];
}

/** A write token for the quick fix, made with the real CLI on the run's database. */
function createToken() {
  const made = spawnSync(
    process.execPath,
    [SITREP, 'token', 'create', '--scope', 'write', '--name', 'vscode-e2e', '--db', join(base, 'sitrep.db')],
    { encoding: 'utf8' },
  );
  const token = /\b(sitrep_\S+)/.exec(made.stdout)?.[1];
  if (made.status !== 0 || !token) throw new Error(`sitrep token create failed:\n${made.stdout}${made.stderr}`);
  return token;
}

async function graphql(url, query) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const { data, errors } = await response.json();
  if (errors) throw new Error(`GraphQL: ${errors.map((e) => e.message).join('; ')}`);
  return data;
}

/** Packages the probe extension (a second, test-only .vsix) into the run's temporary folder. */
function packageProbe() {
  const vsix = join(base, 'probe.vsix');
  const made = spawnSync(VSCE, ['package', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: PROBE,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`vsce could not package the probe:\n${made.stdout}${made.stderr}`);
  return vsix;
}

async function startCodeServer(endpoint, probePort) {
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  // Without these a trust dialog and a welcome walkthrough cover the editor.
  const settings = {
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'editor.hover.delay': 200,
    // Known names are coloured by the theme's semantic highlighting; the screenshots show them.
    'editor.semanticHighlighting.enabled': true,
    'sitrep.endpoint': endpoint,
  };
  writeFileSync(join(dirs.userData, 'User/settings.json'), JSON.stringify(settings, null, 2));

  const dataArgs = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  for (const vsix of [VSIX, packageProbe()]) {
    const install = spawnSync(CODE_SERVER, [...dataArgs, '--install-extension', vsix], { env, encoding: 'utf8' });
    if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
      throw new Error(`code-server --install-extension ${vsix} failed:\n${install.stdout}${install.stderr}`);
    }
  }
  log('installed the .vsix and the probe');

  const port = await freePort();
  const out = openSync(join(base, 'code-server.log'), 'a');
  const child = spawn(
    CODE_SERVER,
    [
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      ...dataArgs,
      dirs.workspace,
    ],
    // detached: true is setsid(2): code-server, its extension hosts and watchers share one process
    // group, and only `kill -TERM -- -PGID` stops them all. The extension host inherits this
    // environment, so the probe learns its port here.
    { env: { ...env, SITREP_PROBE_PORT: String(probePort) }, detached: true, stdio: ['ignore', out, out] },
  );
  cleanups.push(() => stopGroup(child, 'code-server'));
  const origin = `http://127.0.0.1:${port}`;
  await until('code-server never answered /healthz', 60_000, async () => {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}`);
    return fetch(`${origin}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
  });
  return origin;
}

function check(name, ok, detail) {
  results.push({ name, ok });
  log(`${ok ? 'PASS' : 'FAIL'} ${name}${ok ? '' : `: ${detail}`}`);
}

async function run() {
  const endpoint = await startSitrep();
  log(`Sitrep is serving ${endpoint}`);
  // What the hovers must show, asked of the same server.
  const truth = await graphql(
    endpoint,
    `
      {
        hmeimim: entity(name: "Hmeimim") {
          name
          ... on Installation {
            operator {
              name
            }
          }
          claimStats {
            claims
          }
          claims(first: 5) {
            edges {
              node {
                source {
                  text
                }
                article {
                  title
                }
              }
            }
          }
        }
        golani: entity(name: "al-Golani") {
          name
        }
        hmeimimAll: entity(name: "Hmeimim") {
          aliases
          claims(first: 100) {
            edges {
              node {
                quote
              }
            }
          }
        }
        tartus: entity(name: "Tartus") {
          name
          __typename
        }
        qamishli: entity(name: "Qamishli") {
          name
          contested: statements(first: 1, filter: { contested: true }) {
            totalCount
          }
        }
      }
    `,
  );

  const noteName = 'syria-notes.md';
  const noteText = [
    '# Notes: Russia in Syria',
    '',
    'Satellite pictures this week show fewer transport aircraft at Hmeimim than in November.',
    '',
    'The new president, al-Golani, has not said whether the leases will be renewed.',
    '',
    'Reports on Qamishli disagree about how many soldiers are still there.',
    '',
  ].join('\n');
  writeFileSync(join(dirs.workspace, noteName), noteText);
  // A draft for completion and the quick fix: a spelling the knowledge base does not know yet.
  const draftName = 'draft.md';
  const draftText = 'Jets were seen again at Hmeimeem on Tuesday.\nSupplies still reach Tart';
  writeFileSync(join(dirs.workspace, draftName), draftText);

  const probePort = await freePort();
  const origin = await startCodeServer(endpoint, probePort);
  log(`code-server is up at ${origin}`);

  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.chromium, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
  cleanups.push(() => context.close());
  // Everything the page needs comes from code-server on 127.0.0.1; anything else is refused.
  const blocked = new Set();
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1') return route.continue();
    blocked.add(url.origin);
    return route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));

  try {
    await page.goto(`${origin}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const loaded = Date.now();
    log('workbench loaded');
    await openFromExplorer(page, noteName, 'Hmeimim');
    log(`opened ${noteName}`);

    const h = truth.hmeimim;
    try {
      const text = await hover(page, 'Hmeimim', h.name, FIRST_HOVER_MS);
      log(`first hover ${((Date.now() - loaded) / 1000).toFixed(1)} s after the workbench loaded`);
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-hover-hmeimim.png') });
      const sources = h.claims.edges.map(({ node }) => node.source?.text).filter(Boolean);
      const titles = h.claims.edges.map(({ node }) => node.article.title);
      const wanted = [
        [h.name, text.includes(h.name)],
        [`operator ${h.operator.name}`, text.includes(h.operator.name)],
        [`"${h.claimStats.claims} claims"`, text.includes(`${h.claimStats.claims} claims`)],
        ['a claim source', sources.some((s) => text.includes(s))],
        ['an article title', titles.some((t) => text.includes(t))],
      ];
      const absent = wanted.filter(([, ok]) => !ok).map(([what]) => what);
      check(
        'hover on Hmeimim shows the base, its operator, its claim count and sourced claims',
        absent.length === 0,
        `missing ${absent.join(', ')} in:\n${text}`,
      );
      console.log(`--- hover on Hmeimim ---\n${text}\n---`);
    } catch (error) {
      check('hover on Hmeimim shows the base, its operator, its claim count and sourced claims', false, error.message);
    }

    try {
      const text = await hover(page, 'al-Golani', truth.golani.name, 20_000);
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-hover-al-golani.png') });
      check(
        'hover on al-Golani shows Ahmad al-Sharaa',
        text.startsWith('Ahmad al-Sharaa') && /\d+ claims? from/.test(text),
        `got:\n${text}`,
      );
      console.log(`--- hover on al-Golani ---\n${text}\n---`);
    } catch (error) {
      check('hover on al-Golani shows Ahmad al-Sharaa', false, error.message);
    }

    try {
      const item = page.locator('.statusbar-item', { hasText: /Sitrep: \d+ entities/ });
      const label = (await item.first().innerText({ timeout: 10_000 })).trim();
      check('the status bar shows how many entities Sitrep knows', /Sitrep: [1-9]\d* entities/.test(label), label);
    } catch (error) {
      check('the status bar shows how many entities Sitrep knows', false, error.message);
    }

    try {
      // No token is configured, so the server refuses the write; the editor must show its reason.
      await page.keyboard.press('F1');
      await page.locator('.quick-input-widget input').fill('>Sitrep: Ingest This Document');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Ingest This Document' }).first().waitFor();
      await page.keyboard.press('Enter');
      // A toast slides in; it is readable (and worth a screenshot) once its fade-in is done.
      const toast = page.locator('.notification-toast.notification-fade-in-done', {
        hasText: 'Sitrep could not ingest',
      });
      const message = (await toast.first().innerText({ timeout: 15_000 })).trim();
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-hover-ingest-refused.png') });
      check(
        '"Ingest This Document" reaches the server and shows why it refused',
        /bearer token with write scope/.test(message),
        message,
      );
      await page.keyboard.press('Escape');
    } catch (error) {
      check('"Ingest This Document" reaches the server and shows why it refused', false, error.message);
    }

    try {
      // The hover's command link is the one trusted command: it opens every claim in a preview.
      await hover(page, 'Hmeimim', h.name, 20_000);
      await page.locator('.monaco-hover:not(.hidden) .hover-contents a', { hasText: 'Show all' }).click();
      const frame = await until('no Markdown preview with the facts', 30_000, async () => {
        for (const f of page.frames()) {
          const body = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
          if (body.includes(h.name) && body.includes(`Claims (`)) return f;
        }
        return null;
      });
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-hover-show-all.png') });
      const body = await frame.evaluate(() => document.body.innerText);
      check(
        '"Show all claims" in the hover opens every claim in a Markdown preview',
        body.includes(`of ${h.claimStats.claims}`),
        body.slice(0, 400),
      );
    } catch (error) {
      check('"Show all claims" in the hover opens every claim in a Markdown preview', false, error.message);
    }

    const backToNote = () => openFromExplorer(page, noteName, 'Hmeimim');

    try {
      // Go to Definition (F12) on a name: the entity's page, served by the language server, read-only.
      await backToNote();
      await clearHover(page);
      const { x, y } = await wordCentre(page, 'Hmeimim');
      await page.mouse.click(x, y);
      await page.keyboard.press('F12');
      const pageLines = page.locator('.editor-instance .monaco-editor .view-lines', { hasText: `# ${h.name}` });
      await pageLines.first().waitFor({ timeout: 20_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-definition.png') });
      const tab = (await page.locator('.tab.active').first().innerText()).trim();
      check(
        "Go to Definition on a name opens the entity's page in a tab named after it",
        tab.includes(h.name.replace(/\s+/g, '-')),
        `active tab: ${tab}`,
      );
    } catch (error) {
      check("Go to Definition on a name opens the entity's page in a tab named after it", false, error.message);
    }

    try {
      // A quote's article title in the hover opens the article with the quote selected.
      await backToNote();
      await hover(page, 'Hmeimim', h.name, 20_000);
      const link = page.locator(
        '.monaco-hover:not(.hidden) .hover-contents a[data-href^="command:sitrep.openEvidence"]',
      );
      const title = (await link.first().innerText()).trim();
      await link.first().click();
      await page
        .locator('.tab.active', { hasText: title.split(/\s+/)[0] })
        .first()
        .waitFor({ timeout: 20_000 });
      await page.locator('.editor-instance .monaco-editor .selected-text').first().waitFor({ timeout: 10_000 });
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-evidence.png') });
      check('a quote in the hover opens its article with the quote selected', true);
    } catch (error) {
      check('a quote in the hover opens its article with the quote selected', false, error.message);
    }

    await throughTheApi(page, {
      truth,
      check,
      log,
      ask: (op, params) => probe(probePort, op, params),
      note: { name: noteName, path: join(dirs.workspace, noteName), text: noteText },
      draft: { name: draftName, path: join(dirs.workspace, draftName), text: draftText },
      screenshot: (name) => page.screenshot({ path: join(SCREENSHOTS, name) }),
      token: createToken(),
    });
  } finally {
    if (results.some((r) => !r.ok)) {
      keepTemp = true;
      await page.screenshot({ path: join(SCREENSHOTS, 'vscode-hover-failure.png') }).catch(() => {});
      const relevant = consoleLines.filter((l) => /sitrep|error/i.test(l) && !/vsda|iframe/i.test(l));
      console.log(`--- page console (sitrep/errors, last 30) ---\n${relevant.slice(-30).join('\n')}\n---`);
    }
    if (blocked.size) log(`blocked requests to ${[...blocked].join(', ')}`);
  }
}

try {
  await run();
} catch (error) {
  keepTemp = true;
  results.push({ name: 'setup', ok: false });
  console.error(`vscode-e2e: ${error.message}`);
}
await cleanup();
log(`done; screenshots in ${SCREENSHOTS}/vscode-hover-*.png`);
finish(results.every((r) => r.ok) ? 0 : 1);
