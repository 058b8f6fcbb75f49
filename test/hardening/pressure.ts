import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';

// What the hardening tests put the server under: another process holding the write lock, and
// articles that are slow to read.

const BETTER_SQLITE3 = createRequire(import.meta.url).resolve('better-sqlite3');

/** A second process that takes the write lock (BEGIN IMMEDIATE) and keeps it for `holdMs`. */
export async function holdWriteLock(
  dbFile: string,
  holdMs: number,
): Promise<{ child: ChildProcess; released: Promise<number> }> {
  const script = `
    const Database = require(${JSON.stringify(BETTER_SQLITE3)});
    const db = new Database(${JSON.stringify(dbFile)});
    db.exec('BEGIN IMMEDIATE');
    db.exec("UPDATE entities SET description = 'held by another process' WHERE id = (SELECT min(id) FROM entities)");
    console.log('locked');
    setTimeout(() => { db.exec('ROLLBACK'); db.close(); console.log('released'); }, ${holdMs});
  `;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
  const released = new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? -1)));
  return { child, released };
}

const WORDS = 'the convoy moved near Hmeimim as officials said Syrian forces at Tartous held the base'.split(' ');

/** One paragraph of `chars` characters, commas and no full stop: the slowest shape to read. */
export function endlessParagraph(chars: number, seed: string): string {
  const parts = [`date 2024-12-15 DAMASCUS: ${seed}`];
  let length = parts[0]!.length;
  for (let i = 0; length < chars; i++) {
    const word = WORDS[(i * 7 + (i >> 3)) % WORDS.length]! + (i % 11 === 10 ? ',' : '');
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ');
}
