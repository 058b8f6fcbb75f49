import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSitrepAsync } from '../helpers';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-port-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sitrep serve on a port another process holds', { timeout: 60_000 }, () => {
  it('says the port is in use and how to choose another, not "report it"', async () => {
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
    const { port } = holder.address() as { port: number };
    try {
      const run = await runSitrepAsync(['serve', '--db', join(dir, 'kb.db'), '--create', '--port', String(port)]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim()).toBe(
        `sitrep: 127.0.0.1:${port} is already in use (another sitrep serve?); choose another port with --port N or SITREP_PORT=N.`,
      );
    } finally {
      holder.close();
    }
  });
});
