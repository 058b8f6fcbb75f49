import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { newsPage } from '@sitrep/ingest/test-page';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITREP_BIN, runSitrep, spansMisplaced, storedArticles } from '../helpers';
import { readmeBlocks } from '../helpers/readme';

const README_URL = 'https://harbour.example.org/ports';
// Our own page, served where the README's address points.
const PORTS_PAGE = newsPage({
  headline: 'Ports reopen',
  paragraphs: [
    'The port of Latakia reopened to cargo ships on Wednesday, the transport ministry said in a statement.',
    'Officials at the ministry said the first ships would arrive within days, according to the state news agency.',
  ],
  meta: { 'article:published_time': '2025-02-05T08:00:00Z', 'og:site_name': 'Coast Ledger' },
});

const dir = mkdtempSync(join(tmpdir(), 'sitrep-readme-pages-'));
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    response.writeHead(request.url === '/ports' ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(request.url === '/ports' ? PORTS_PAGE : '');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the README's web page example", () => {
  it('ingests the saved page it shows and the address it fetches, as its shell lines type them', async () => {
    const page = readmeBlocks().find((b) => b.lang === 'html');
    const shell = readmeBlocks().find((b) => b.lang === 'sh' && /sitrep ingest ships\.html/.test(b.text));
    expect(page, 'a ```html block').toBeDefined();
    expect(shell, 'a ```sh block that ingests ships.html').toBeDefined();
    expect(shell!.text).toContain(README_URL);
    writeFileSync(join(dir, 'ships.html'), page!.text);
    const db = join(dir, 'sitrep.db');
    expect(runSitrep(['migrate', '--db', db]).status).toBe(0);

    const script = shell!.text
      .replaceAll('npx -y pnpm@10.34.8 sitrep', `"${process.execPath}" "${SITREP_BIN}"`)
      .replaceAll(README_URL, `${base}/ports`);
    // Not execFileSync: this process's server must answer the command meanwhile.
    await promisify(execFile)('sh', ['-ec', script], { cwd: dir, env: { ...process.env, SITREP_DB: db } });

    const [ships, ports, ...others] = storedArticles(db);
    expect(others).toEqual([]);
    expect(ships).toMatchObject({
      title: 'Ships leave Tartous',
      published_at: '2025-02-04',
      outlet: 'Harbour Watch',
      url: 'https://harbour.example.org/ships',
    });
    expect(ships!.text.split('\n\n')).toHaveLength(3);
    expect(ships!.text).not.toMatch(/Home|World|Ships at the quay|©/);
    expect(ships!.claims.length).toBeGreaterThanOrEqual(2);
    expect(spansMisplaced(ships!)).toEqual([]);
    expect(ports).toMatchObject({ published_at: '2025-02-05', outlet: 'Coast Ledger', url: `${base}/ports` });
  });
});
