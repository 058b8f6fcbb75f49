import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';
import {
  CURATION_QUERY_NAMES,
  type CurationQueries,
  FEED_QUERY_NAMES,
  type FeedQueries,
  INGEST_QUERY_NAMES,
  type IngestQueries,
  type IngestWrites,
} from '../../store/writes';
import { type WriterReply, type WriterRequest, uncarry } from './protocol';

/**
 * The compiled thread beside the built command's chunks when there is one, else the TypeScript
 * source through tsx (tests and development run the sources).
 */
function writerScript(): string {
  const built = new URL('./pg-writer.mjs', import.meta.url);
  return fileURLToPath(existsSync(built) ? built : new URL('./worker-from-source.mjs', import.meta.url));
}

/**
 * Longest one request may wait, in ms: an ingest's transaction waits here for another process's to
 * end (INGEST_LOCK), and a group of articles holds it for seconds at most.
 */
const REQUEST_TIMEOUT_MS = 120_000;

let ask: ((request: WriterRequest) => WriterReply) | undefined;

function send(request: WriterRequest): unknown {
  ask ??= createSyncFn<(request: WriterRequest) => Promise<WriterReply>>(writerScript(), {
    timeout: REQUEST_TIMEOUT_MS,
  });
  const reply = ask(request);
  if ('error' in reply) throw uncarry(reply.error);
  return reply.value;
}

/** IngestWrites on PostgreSQL, with the connection it holds. */
export interface PostgresIngestWrites extends IngestWrites {
  close(): void;
}

/**
 * The ingest's queries on a PostgreSQL database, answered synchronously: the calling thread waits
 * while a writer thread runs each one on a connection of its own (worker.ts), so ingest and
 * grouping run the same code on both back ends. Each write transaction holds INGEST_LOCK, so
 * ingests in several processes take turns: with `waitForLock` false (a server, whose one thread
 * must not wait) a transaction that finds it held fails at once with a busy error (isBusy), to be
 * tried again later. The caller migrates the database first.
 */
export function openPostgresIngestWrites(
  url: string,
  options: { waitForLock: boolean } = { waitForLock: true },
): PostgresIngestWrites {
  const connection = send({ op: 'open', url }) as number;
  const inside =
    (snapshot: boolean) =>
    <T>(work: () => T): T => {
      send({ op: 'begin', connection, snapshot, wait: options.waitForLock });
      let result: T;
      try {
        result = work();
      } catch (error) {
        send({ op: 'rollback', connection });
        throw error;
      }
      send({ op: 'commit', connection });
      return result;
    };
  const queries = Object.fromEntries(
    [...INGEST_QUERY_NAMES, ...CURATION_QUERY_NAMES, ...FEED_QUERY_NAMES].map((name) => [
      name,
      (...args: unknown[]) => send({ op: 'query', connection, name, args }),
    ]),
  ) as IngestQueries & CurationQueries & FeedQueries;
  const key = {};
  return {
    ...queries,
    kind: 'postgres',
    location: url,
    cacheKey: key,
    transaction: inside(false),
    snapshot: inside(true),
    isBulkLoading: () => false,
    // Other processes write unseen: no statement is kept from one article to the next. Claims read
    // are kept as on SQLite, where another connection's edit goes unseen by the cache as well.
    statementWatch: null,
    keepsReadClaims: true,
    batchesReads: true,
    // PostgreSQL checkpoints in its own processes.
    checkpointsOffThread: () => null,
    close: () => send({ op: 'close', connection }),
  };
}
