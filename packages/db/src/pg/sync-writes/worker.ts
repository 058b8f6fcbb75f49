/*
 * The PostgreSQL writer thread: it holds each connection an ingest writes through and runs what the
 * waiting thread asks, one request at a time (sync-writes.ts blocks until the reply). Extraction and
 * grouping stay synchronous code shared with SQLite; only the round trips happen here.
 */
import { runAsWorker } from 'synckit';
import { WRITE_LOCK_BUSY } from '../../ownership';
import { type SitrepPostgres, openPostgres } from '../../postgres';
import { postgresCurationQueries } from '../../store/postgres/curation-writes';
import { postgresFeedQueries } from '../../store/postgres/feed-writes';
import { postgresIngestQueries } from '../../store/postgres/ingest-writes';
import type { Asynchronous } from '../../store/reads';
import type { CurationQueries, FeedQueries, IngestQueries } from '../../store/writes';
import { type WriterReply, type WriterRequest, carry } from './protocol';

/**
 * The key of the advisory lock every ingest transaction holds until it ends: grouping reads the
 * statements a claim may join and then writes, so two ingests at once (in two API processes, say)
 * could each start the statement the other should have joined. Extraction runs outside it.
 */
export const INGEST_LOCK = 0x5369_7472; // "Sitr"

interface Connection {
  db: SitrepPostgres;
  queries: Asynchronous<IngestQueries & CurationQueries & FeedQueries>;
  /** Open transactions and savepoints, outermost first. */
  depth: number;
}

const connections = new Map<number, Connection>();
let nextId = 1;

function connectionOf(id: number): Connection {
  const connection = connections.get(id);
  if (!connection) throw new Error(`PostgreSQL writer connection ${id} is closed.`);
  return connection;
}

async function handle(request: WriterRequest): Promise<unknown> {
  if (request.op === 'open') {
    // One connection: `begin` and what follows must run on the same session.
    const db = await openPostgres(request.url, { max: 1, migrate: false });
    const id = nextId++;
    const queries = { ...postgresIngestQueries(db), ...postgresCurationQueries(db), ...postgresFeedQueries(db) };
    connections.set(id, { db, queries, depth: 0 });
    return id;
  }
  const connection = connectionOf(request.connection);
  const { sql } = connection.db;
  switch (request.op) {
    case 'begin':
      if (connection.depth === 0) {
        if (request.snapshot) await sql`begin isolation level repeatable read read only`;
        else {
          await sql`begin`;
          if (request.wait) await sql`select pg_advisory_xact_lock(${INGEST_LOCK})`;
          else if (!(await sql`select pg_try_advisory_xact_lock(${INGEST_LOCK}) as got`)[0]!.got) {
            await sql`rollback`;
            throw Object.assign(new Error('Another process is storing an article.'), { code: WRITE_LOCK_BUSY });
          }
        }
      } else await sql.unsafe(`savepoint sitrep_${connection.depth}`);
      connection.depth++;
      return null;
    case 'commit':
      connection.depth--;
      if (connection.depth === 0) await sql`commit`;
      else await sql.unsafe(`release savepoint sitrep_${connection.depth}`);
      return null;
    case 'rollback':
      connection.depth--;
      if (connection.depth === 0) await sql`rollback`;
      else {
        await sql.unsafe(`rollback to savepoint sitrep_${connection.depth}`);
        await sql.unsafe(`release savepoint sitrep_${connection.depth}`);
      }
      return null;
    case 'query': {
      const query = connection.queries[request.name] as (...args: unknown[]) => Promise<unknown>;
      return query(...request.args);
    }
    case 'close':
      connections.delete(request.connection);
      await connection.db.close();
      return null;
  }
}

runAsWorker(async (request: WriterRequest): Promise<WriterReply> => {
  try {
    return { value: await handle(request) };
  } catch (error) {
    return { error: carry(error) };
  }
});
