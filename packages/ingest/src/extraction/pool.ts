import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type IngestTarget, writesOf } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import Tinypool from 'tinypool';
import { type ArticleInput, type PreparedArticle, checkArticle, extractInput } from '../ingest-article';
import { type DatabaseKnowledge, knowledgeOf } from '../knowledge';
import type { BatchPin, ExtractionReply, ExtractionTask } from './worker';

/** How a server reads articles: off its own thread, so one long article never stalls other requests. */
export interface ExtractionPolicy {
  /**
   * Threads reading articles at once. Default: one fewer than the machine's cores, at least one
   * (the server's own thread keeps a core). 0 reads on the calling thread, blocking it.
   */
  threads: number;
  /** Articles that may wait for a free thread; one more is refused with SERVER_BUSY. Default 16. */
  queue: number;
  /**
   * Longest one article may take to read, in ms; then its thread is stopped and the ingest fails.
   * Default 60,000; Infinity for none (`sitrep ingest` has no time limit).
   */
  timeoutMs: number;
  /** Heap one thread may grow to, in MB; an article that needs more fails, the server does not. Default 1024. */
  threadHeapMb: number;
  /** A thread left idle this long ends, giving back its memory (the language model, the names). Default 300,000. */
  idleMs: number;
  /**
   * Articles a thread holds at once, read one after the other. Default 1, so no article waits
   * behind a long one while another thread is free. Tinypool hands the next article to a thread
   * from the calling thread's event loop; a caller that blocks its thread (storing a group of
   * articles) hands over more at once, so the thread goes on reading meanwhile.
   */
  tasksPerThread: number;
}

export const DEFAULT_EXTRACTION: ExtractionPolicy = {
  threads: Math.max(1, availableParallelism() - 1),
  queue: 16,
  timeoutMs: 60_000,
  threadHeapMb: 1024,
  idleMs: 300_000,
  tasksPerThread: 1,
};

const RETRY_AFTER_SECONDS = 5;

/**
 * The compiled thread beside the built command's chunks when there is one, else the TypeScript
 * source through tsx (tests and development run the sources).
 */
function threadScript(): string {
  const built = new URL('./extract-worker.mjs', import.meta.url);
  return fileURLToPath(existsSync(built) ? built : new URL('./worker-from-source.mjs', import.meta.url));
}

/**
 * Checks articles on the caller's thread and extracts them on a pool of threads (tinypool), each
 * with its own read-only connection to the same database file. The caller stores the result.
 */
export class ExtractionPool {
  private pool: Tinypool | undefined;

  constructor(readonly policy: ExtractionPolicy = { ...DEFAULT_EXTRACTION }) {}

  /**
   * Like prepareArticle, without blocking the calling thread while the article is read. With
   * `batch`, read with the names its pin counted, which `batch.knowledge` holds; whatever the thread
   * cannot do for a batch (see those names, start, keep within its memory, live while it holds the
   * article) the calling thread does, with that knowledge, as a one-thread ingest would: a batch's
   * article fails only for what it is.
   */
  async prepare(
    target: IngestTarget,
    input: ArticleInput,
    batch?: { pin: BatchPin; knowledge: DatabaseKnowledge },
  ): Promise<PreparedArticle> {
    const db = writesOf(target);
    const hash = checkArticle(db, input);
    const here = () => ({ input, hash, extraction: extractInput(input, batch?.knowledge ?? knowledgeOf(db)) });
    // An in-memory database is this connection's alone: no other thread can open it.
    if (!this.threaded(target)) return here();
    let reply: ExtractionReply;
    try {
      // A bulk load stores claims ungrouped: their features are read when they are grouped, at its end.
      const readClaims = !db.isBulkLoading();
      reply = await this.run({ database: db.location, input, readClaims, ...(batch && { pin: batch.pin }) });
    } catch (error) {
      if (batch) return here();
      throw error;
    }
    if ('error' in reply) throw new SitrepError(reply.error.code, reply.error.message, reply.error.details);
    if ('stale' in reply) return here();
    return { input, hash, extraction: reply.extraction, readings: reply.readings };
  }

  /** How many articles the threads take at once, waiting ones included: one more is refused. */
  capacity(): number {
    return this.policy.threads * this.policy.tasksPerThread + this.policy.queue;
  }

  /** Whether articles of `target` are read on threads: not with none, nor from a database only this connection sees. */
  threaded(target: IngestTarget): boolean {
    return this.policy.threads > 0 && writesOf(target).location !== ':memory:';
  }

  /** Stops the threads; articles being read fail. */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.destroy();
  }

  private async run(task: ExtractionTask): Promise<ExtractionReply> {
    this.pool ??= this.started();
    const signal = Number.isFinite(this.policy.timeoutMs) ? AbortSignal.timeout(this.policy.timeoutMs) : undefined;
    try {
      return (await this.pool.run(task, signal && { signal })) as ExtractionReply;
    } catch (error) {
      throw this.explain(error, signal, task.input);
    }
  }

  private started(): Tinypool {
    const pool = new Tinypool({
      filename: threadScript(),
      minThreads: 0,
      maxThreads: this.policy.threads,
      maxQueue: this.policy.queue,
      idleTimeout: this.policy.idleMs,
      concurrentTasksPerWorker: this.policy.tasksPerThread,
      resourceLimits: { maxOldGenerationSizeMb: this.policy.threadHeapMb },
    });
    // A thread that fails holding no article (out of memory as it starts, say) is told as an
    // 'error' on the pool, which would end the process unheard, and leave the articles waiting for
    // it waiting for ever: the pool is stopped, they fail, and the next article starts a new one.
    pool.on('error', () => {
      if (this.pool === pool) this.pool = undefined;
      void pool.destroy();
    });
    return pool;
  }

  /** Tinypool's failures, as what a client can act on; anything else stays a fault. */
  private explain(error: unknown, signal: AbortSignal | undefined, input: ArticleInput): unknown {
    const what = input.file ?? 'The article';
    const message = error instanceof Error ? error.message : '';
    if (signal?.aborted) {
      return new SitrepError(
        'BAD_USER_INPUT',
        `${what} took longer than ${this.policy.timeoutMs / 1000} s to read, the server's limit; nothing was stored. Split it, or ingest it with \`sitrep ingest\`, which has no time limit.`,
        { timeoutMs: this.policy.timeoutMs },
      );
    }
    // Tinypool's words for a full queue, and for no queue at all (`queue: 0`) with every thread busy.
    if (/queue is at limit|No task queue available/.test(message)) {
      return new SitrepError(
        'SERVER_BUSY',
        `${this.policy.threads + this.policy.queue} articles are being read or waiting already; nothing was stored. Try again in ${RETRY_AFTER_SECONDS} s.`,
        { retryAfterSeconds: RETRY_AFTER_SECONDS },
      );
    }
    if ((error as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new SitrepError(
        'BAD_USER_INPUT',
        `${what} needed more than ${this.policy.threadHeapMb} MB to read; nothing was stored. Split it into smaller articles.`,
        { threadHeapMb: this.policy.threadHeapMb },
      );
    }
    return error;
  }
}
