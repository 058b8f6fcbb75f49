import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SITREP_BIN, runSitrep } from '../helpers';
import { readmeBlocks } from '../helpers/readme';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-readme-watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HALM = '---\ndate: 2025-02-05\n---\nTeodor Halm said two Russian frigates had left Tartous.\n';

describe("the README's watch example", () => {
  it(
    'prints the lines the README shows, for the files it names, and stops on Ctrl-C',
    { timeout: 60_000 },
    async () => {
      const shell = readmeBlocks().find((b) => b.lang === 'sh' && /sitrep watch notes\//.test(b.text));
      const shown = readmeBlocks().find((b) => b.lang === 'text' && b.text.startsWith('watching notes/'));
      expect(shell, 'a ```sh block that watches notes/').toBeDefined();
      expect(shown, "a ```text block with the watch's output").toBeDefined();
      const notes = join(dir, 'notes');
      mkdirSync(notes);
      // Twelve notes of our own, ingested before the watch starts: the README's "already stored".
      for (let i = 0; i < 12; i++)
        writeFileSync(
          join(notes, `old${i}.md`),
          `---\ndate: 2025-01-${10 + i}\n---\nOfficials said ${i + 2} ships docked.\n`,
        );
      const db = join(dir, 'sitrep.db');
      expect(runSitrep(['ingest', notes, '--db', db, '--create']).status).toBe(0);

      const script = shell!.text.replaceAll('npx -y pnpm@10.34.8 sitrep', `"${process.execPath}" "${SITREP_BIN}"`);
      // Its own process group, as in a terminal, where Ctrl-C reaches every process of the command;
      // `exec` so that the command, not a shell that dies of the signal first, says how it ended.
      const command = script.replace(/#.*$/, '').trim();
      const child = spawn('sh', ['-ec', `exec ${command} --settle 0.2`], {
        cwd: dir,
        env: { ...process.env, SITREP_DB: db },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      const until = async (pattern: RegExp) => {
        for (let waited = 0; !pattern.test(out); waited += 50) {
          if (waited > 20_000) throw new Error(`no ${pattern} within 20 s:\n${out}`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      };
      try {
        await until(/already stored: 12/);
        writeFileSync(join(notes, 'halm.md'), HALM);
        await until(/ingested: notes\/halm\.md/);
        writeFileSync(join(notes, 'halm-copy.md'), HALM);
        writeFileSync(join(notes, 'port.txt'), 'Port workers said a tanker had docked at Tartous.\n');
        await until(/failed: notes\/port\.txt/);
        process.kill(-child.pid!, 'SIGINT');
        expect(await exited).toBe(1); // port.txt failed
      } finally {
        if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, 'SIGKILL');
      }
      // Each line the README shows, up to where it shortens one with "…", is a line the command printed.
      const printed = out.split('\n');
      for (const line of shown!.text.trim().split('\n')) {
        const start = line.split('…')[0]!;
        expect(
          printed.some((p) => p.startsWith(start)),
          `README line “${line}” in:\n${out}`,
        ).toBe(true);
      }
    },
  );
});
