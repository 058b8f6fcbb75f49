// The checkpointing thread (see ./index.ts): a connection of its own to the database file, copying
// the write-ahead log's committed pages into the file while the writing connection goes on writing.
// Plain JavaScript: it needs no loader from source, and the built command ships it as it is.
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string; intervalMs: number }} */
const { file, intervalMs } = workerData;
const db = new Database(file, { fileMustExist: true });
// A checkpoint that would wait is tried again at the next tick; the writer never waits for one.
db.pragma('busy_timeout = 0');

let checkpoints = 0;
let millis = 0;
/** The database's version when all of the log was last copied: it changes when another connection commits. */
let copied = -1;

function checkpoint() {
  try {
    // The log's numbers cannot tell a copy from a restarted log of the same length; this can.
    const version = /** @type {number} */ (db.pragma('data_version', { simple: true }));
    if (version === copied) return;
    const started = performance.now();
    // PASSIVE copies what no reader still needs and never blocks the writer, which starts the log
    // over once all of it is copied.
    const [row] = /** @type {Array<{ busy: number; log: number; checkpointed: number }>} */ (
      db.pragma('wal_checkpoint(PASSIVE)')
    );
    if (!row || row.log < 0) return;
    if (row.checkpointed > 0) {
      checkpoints++;
      millis += performance.now() - started;
    }
    // Where a reader still needed some pages, or another checkpoint held the lock, the next tick
    // copies the rest.
    if (row.checkpointed >= row.log) copied = version;
  } catch {
    // Busy or locked: the next tick tries again, and the writer's own checkpoint stays as a backstop.
  }
}

const timer = setInterval(checkpoint, intervalMs);
parentPort?.on('message', () => {
  clearInterval(timer);
  copied = -1;
  checkpoint();
  db.close();
  parentPort?.postMessage({ checkpoints, millis: Math.round(millis) });
  parentPort?.close();
});
parentPort?.postMessage('ready');
