import { Worker } from 'node:worker_threads';

/** What a checkpointing thread did, once it stopped. */
export interface CheckpointFigures {
  /** Checkpoints that copied pages, each after one or more commits. */
  checkpoints: number;
  /** Milliseconds they took: time the writing connection did not spend copying. */
  millis: number;
}

/** A checkpointing thread (startCheckpoints): stop it when the writing is done. */
export interface Checkpoints {
  /** Resolves once the thread has its connection (or failed to open one). */
  readonly ready: Promise<void>;
  stop(): Promise<CheckpointFigures>;
}

/** How often the thread copies what was committed: about one commit of an ingest's group apart. */
const INTERVAL_MS = 100;

/**
 * Starts copying the write-ahead log of the SQLite file `file` into the file on a thread of its
 * own. Left to the writing connection, a commit that finds the log past wal_autocheckpoint copies
 * all of it (40 MB, with two syncs) before it returns: in an ingest at a million claims, one commit
 * in ten took a second that way, and in a server every request waits behind it. Here the copies are
 * small and made while the writer works; its own checkpoint stays, and finds little left to copy.
 * Null where no thread could be started: copying is only a saving.
 */
export function startCheckpoints(file: string, intervalMs = INTERVAL_MS): Checkpoints | null {
  let worker: Worker;
  try {
    // The built command has this file beside its chunks under the same name (cli/build.mjs).
    worker = new Worker(new URL('./checkpoint-thread.mjs', import.meta.url), { workerData: { file, intervalMs } });
  } catch {
    return null;
  }
  // Like the server's other pollers, it keeps no process alive: its owner's stop() waits for it.
  worker.unref();
  let figures: CheckpointFigures = { checkpoints: 0, millis: 0 };
  let started!: () => void;
  const ready = new Promise<void>((resolve) => (started = resolve));
  worker.on('message', (reply: CheckpointFigures | 'ready') => {
    if (reply === 'ready') started();
    else figures = reply;
  });
  // A thread that fails (the file went away, say) leaves the writer's own checkpoints; its error
  // is not the writer's.
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      started();
      resolve();
    }),
  );
  return {
    ready,
    stop: async () => {
      worker.ref();
      worker.postMessage('stop');
      await exited;
      return figures;
    },
  };
}
