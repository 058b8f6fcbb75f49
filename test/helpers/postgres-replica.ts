import { openPostgres } from '@sitrep/db';
import postgres from 'postgres';

/**
 * Makes `replica` a read replica of `primary` by logical replication (both databases on the run's
 * server, which runs with wal_level=logical): the replica gets Sitrep's tables by migration, then
 * a subscription to every table of the primary's public schema, and this waits until the first
 * copy is done. Streaming (physical) replication would need a second server; logical replication
 * gives a replica that lags behind the primary the same way, which is what a test of `--read-db`
 * needs. The subscription's replication slot is made apart first: CREATE SUBSCRIPTION making its
 * own slot on the server it runs on would wait for itself.
 *
 * @returns how to pause and resume the replication (a replica that lags, on purpose) and end it.
 */
export async function replicate(primary: string, replica: string): Promise<Replication> {
  const name = `sitrep_${new URL(replica).pathname.slice(1)}`.slice(0, 60);
  await (await openPostgres(replica)).close();
  const source = postgres(primary, { max: 1, onnotice: () => {} });
  const target = postgres(replica, { max: 1, onnotice: () => {} });
  try {
    await source`create publication ${source(name)} for tables in schema public`;
    await source`select pg_create_logical_replication_slot(${name}, 'pgoutput')`;
    // A connection string is a literal in CREATE SUBSCRIPTION, not a parameter; it is built from
    // the test's own URL, never from user input.
    const { hostname, port, username, pathname } = new URL(primary);
    const conninfo = `host=${hostname} port=${port} user=${username} dbname=${pathname.slice(1)}`;
    await target.unsafe(
      `create subscription ${name} connection '${conninfo}' publication ${name} with (create_slot = false, slot_name = '${name}')`,
    );
    await untilCopied(target);
  } finally {
    await source.end();
    await target.end();
  }
  const onReplica = async (statement: string) => {
    const sql = postgres(replica, { max: 1, onnotice: () => {} });
    try {
      await sql.unsafe(statement);
    } finally {
      await sql.end();
    }
  };
  return {
    pause: () => onReplica(`alter subscription ${name} disable`),
    resume: () => onReplica(`alter subscription ${name} enable`),
    // Dropping it also drops its slot on the primary.
    stop: () => onReplica(`drop subscription if exists ${name}`),
  };
}

export interface Replication {
  /** Stops applying the primary's changes (they wait in the slot) until resume(). */
  pause(): Promise<void>;
  resume(): Promise<void>;
  /** Ends the subscription and drops its slot. */
  stop(): Promise<void>;
}

/** Until every table's first copy is done ('r': ready, streaming changes). */
async function untilCopied(sql: postgres.Sql, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await sql<{ waiting: number }[]>`
      select count(*)::int as waiting from pg_subscription_rel where srsubstate <> 'r'`;
    if (row!.waiting === 0) return;
    if (Date.now() > deadline) throw new Error(`the replica's first copy is not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Until `check` holds on the replica: replication is asynchronous, a write shows there a moment later. */
export async function untilReplicated(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not replicated after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}
