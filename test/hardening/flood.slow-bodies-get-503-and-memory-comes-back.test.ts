import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSitrep } from '../helpers';

// Issue 13: 800 connections each holding a body just under 2 MiB took the server from 410 MB to
// 1.85 GB. Scaled down: the same flood against a server whose caps are set low.
const MAX_CONNECTIONS = 100;
/** Large bodies sent at once: eight fit in MAX_INFLIGHT, the others are refused. */
const FLOOD = 80;
const MAX_INFLIGHT = 16 * 1024 * 1024;
const REQUEST_TIMEOUT_S = 4;
const BODY = 2 * 1024 * 1024 - 1;

const dir = mkdtempSync(join(tmpdir(), 'sitrep-flood-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The server process's resident memory, in MB. */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  /** 0 when the server closed without answering. */
  status: number;
  head: string;
  body: string;
  /** Milliseconds from connecting to the answer (or the close). */
  after: number;
}

/**
 * A POST over a raw socket that declares `declared` body bytes, sends `send` of them at once and
 * then one byte every `trickleMs`, never finishing; it stops writing once the server answers.
 */
function slowPost(port: number, declared: number, send: number, trickleMs = 500) {
  const started = Date.now();
  const socket: Socket = connect(port, '127.0.0.1');
  let received = '';
  let answeredAt = 0;
  let trickle: NodeJS.Timeout | undefined;
  const answer = new Promise<Answer>((resolve) => {
    const done = () => {
      clearInterval(trickle);
      const [head = '', body = ''] = received.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      resolve({ status, head, body, after: (answeredAt || Date.now()) - started });
    };
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      answeredAt ||= Date.now();
      clearInterval(trickle);
    });
    socket.on('error', () => undefined);
    socket.on('close', done);
  });
  socket.on('connect', () => {
    socket.write(
      `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${declared}\r\n\r\n`,
    );
    const prefix = '{"query":"{ __typename }","variables":{"pad":"';
    socket.write(prefix + 'x'.repeat(Math.max(0, send - prefix.length)));
    trickle = setInterval(() => socket.writable && !answeredAt && socket.write('x'), trickleMs);
  });
  return { socket, answer };
}

describe('a flood of slow, large bodies', () => {
  it(
    'gets 503 SERVER_BUSY beyond the caps, is cut off after the timeout, and memory comes back',
    { timeout: 60_000 },
    async () => {
      const server = startSitrep([
        'serve',
        '--db',
        join(dir, 'flood.db'),
        '--create',
        '--port',
        '0',
        '--max-connections',
        String(MAX_CONNECTIONS),
        '--max-inflight-body-bytes',
        String(MAX_INFLIGHT),
        '--request-timeout',
        String(REQUEST_TIMEOUT_S),
        '--headers-timeout',
        '2',
      ]);
      const pid = server.child.pid!;
      try {
        const [, url] = await server.waitFor(/GraphiQL and the API: (\S+)/);
        const port = Number(new URL(url!).port);
        const query = async () => {
          const started = Date.now();
          const response = await fetch(url!, {
            method: 'POST',
            headers: { 'content-type': 'application/json', connection: 'close' },
            body: '{"query":"{ entity(name: \\"Tartous\\") { name } }"}',
          });
          const json = (await response.json()) as { data?: { entity: { name: string } } };
          return { status: response.status, name: json.data?.entity.name, ms: Date.now() - started };
        };
        for (let i = 0; i < 20; i++) expect((await query()).status).toBe(200);
        const before = rssMb(pid);

        // 1. Bodies: FLOOD connections (under the connection cap), each sending a body just under
        // 2 MiB. Eight fit in 16 MiB; the others are refused unread.
        const bodies = Array.from({ length: FLOOD }, () => slowPost(port, BODY, BODY - 1024));
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
        // While the large bodies fill the budget, an ordinary query still answers at once.
        await sleep(1000);
        const during = await query();
        expect(during).toMatchObject({ status: 200, name: 'Tartus naval facility' });
        expect(during.ms).toBeLessThan(1000);
        const answers = await Promise.all(bodies.map((b) => b.answer));
        const busy = answers.filter((a) => a.status === 503);
        const cutOff = answers.filter((a) => a.status === 408);
        expect(busy.length + cutOff.length).toBe(FLOOD);
        expect(cutOff.length).toBe(8);
        for (const a of busy) {
          expect(a.head).toMatch(/\r\nretry-after: 1\r\n/i);
          const json = JSON.parse(a.body) as { errors: Array<{ message: string; extensions: { code: string } }> };
          expect(json.errors[0]!.extensions.code).toBe('SERVER_BUSY');
          expect(json.errors[0]!.message).toMatch(/busy.*maxInflightBodyBytes.*retry in a moment/);
          expect(a.after).toBeLessThan(2000);
        }
        // Slow bodies are cut off after the request timeout, not Node's default 300 s.
        for (const a of cutOff) {
          expect(a.after).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_S * 1000 - 100);
          expect(a.after).toBeLessThan(REQUEST_TIMEOUT_S * 1000 + 2500);
        }

        // 2. Connections: the cap's worth of slow requests, each holding a small body open.
        const holders = Array.from({ length: MAX_CONNECTIONS }, () => slowPost(port, 1000, 100));
        await sleep(300);
        const over = Array.from({ length: 5 }, () => slowPost(port, 1000, 100));
        for (const a of await Promise.all(over.map((o) => o.answer))) {
          expect(a.status).toBe(503);
          expect(a.head).toMatch(/\r\nretry-after: 1\r\n/i);
          expect(JSON.parse(a.body)).toMatchObject({
            errors: [
              {
                message: expect.stringMatching(new RegExp(`${MAX_CONNECTIONS} connections open \\(maxConnections\\)`)),
                extensions: { code: 'SERVER_BUSY' },
              },
            ],
          });
        }
        // A slot frees: an ordinary query from a fresh connection answers at once.
        holders[0]!.socket.destroy();
        await sleep(100);
        const ordinary = await query();
        expect(ordinary).toMatchObject({ status: 200, name: 'Tartus naval facility' });
        expect(ordinary.ms).toBeLessThan(1000);
        const held = await Promise.all(holders.slice(1).map((h) => h.answer));
        expect(held.map((a) => a.status)).toEqual(held.map(() => 408));

        // 3. Memory: the bodies are not kept.
        for (let i = 0; i < 20; i++) expect((await query()).status).toBe(200);
        await sleep(500);
        const after = rssMb(pid);

        // 4. The same flood, its clients hanging up mid-body: aborted bodies give their bytes
        // back (eight more are let in at once) and memory does not grow from one flood to the next.
        const again = Array.from({ length: FLOOD }, () => slowPost(port, BODY, BODY - 1024));
        await sleep(2000);
        for (const b of again) b.socket.destroy();
        const hungUp = await Promise.all(again.map((b) => b.answer));
        expect(hungUp.filter((a) => a.status === 503)).toHaveLength(FLOOD - 8);
        expect(hungUp.filter((a) => a.status === 0)).toHaveLength(8);
        await sleep(200);
        const retry = Array.from({ length: 8 }, () => slowPost(port, BODY, BODY - 1024));
        await sleep(1000);
        for (const r of retry) r.socket.destroy();
        expect((await Promise.all(retry.map((r) => r.answer))).map((a) => a.status)).toEqual(Array(8).fill(0));
        for (let i = 0; i < 20; i++) expect((await query()).status).toBe(200);
        await sleep(500);
        clearInterval(sampler);
        const afterAgain = rssMb(pid);
        const figures = [before, peak, after, afterAgain].map((mb) => mb.toFixed(0));
        console.log(
          `RSS before ${figures[0]} MB, peak ${figures[1]} MB, after ${figures[2]} MB, after a second flood ${figures[3]} MB`,
        );
        // Without the caps the first flood alone holds FLOOD × 2 MiB (160 MiB) and more.
        expect(peak - before).toBeLessThan(100);
        expect(after - before).toBeLessThan(70);
        expect(afterAgain - before).toBeLessThan(80);
      } finally {
        server.child.kill('SIGTERM');
      }
      expect(await server.exited).toBe(0);
    },
  );
});
