import { Worker } from 'node:worker_threads';

/** What a checkpointing thread did, once it stopped. */
export interface CheckpointFigures {
  /** Checkpoints that copied something. */
  checkpoints: number;
  /** Milliseconds they took: time the writing connection did not spend copying. */
  millis: number;
}

/** A checkpointing thread (startCheckpoints): stop it when the writing is done. */
export interface Checkpoints {
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
 */
export function startCheckpoints(file: string, intervalMs = INTERVAL_MS): Checkpoints {
  // The built command has this file beside its chunks under the same name (cli/build.mjs).
  const worker = new Worker(new URL('./checkpoint-thread.mjs', import.meta.url), { workerData: { file, intervalMs } });
  let figures: CheckpointFigures = { checkpoints: 0, millis: 0 };
  worker.on('message', (reply: CheckpointFigures) => (figures = reply));
  // Copying is only a saving: a thread that fails (the file went away, say) leaves the writer's own
  // checkpoints, and its error is not the writer's.
  worker.on('error', () => {});
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  return {
    stop: async () => {
      worker.postMessage('stop');
      await exited;
      return figures;
    },
  };
}
