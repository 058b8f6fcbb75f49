import type { ServerStore } from './store';

/** What GET /health answers: whether this process can serve, and what it serves from. */
export interface Health {
  status: 'ok' | 'unavailable';
  database: DatabaseHealth;
  /** The read replica queries read from (`--read-db`), when there is one. */
  replica?: DatabaseHealth;
}

export interface DatabaseHealth {
  kind: ServerStore['kind'];
  reachable: boolean;
  /** Migrations applied and shipped; null when the database could not be asked. */
  schema: { applied: number; shipped: number; upToDate: boolean } | null;
  /** Why it could not be reached (a message, never a password: URLs are redacted before here). */
  error?: string;
}

export const HEALTH_PATH = '/health';

/** Asks each database one cheap question (its migrations); 503 when one does not answer or is behind. */
export async function healthOf(store: ServerStore, replica?: ServerStore): Promise<{ status: number; body: Health }> {
  const [database, replicaHealth] = await Promise.all([databaseHealth(store), replica && databaseHealth(replica)]);
  const ok = [database, replicaHealth].every((d) => !d || d.schema?.upToDate === true);
  return {
    status: ok ? 200 : 503,
    body: {
      status: ok ? 'ok' : 'unavailable',
      database,
      ...(replicaHealth && { replica: replicaHealth }),
    },
  };
}

async function databaseHealth(store: ServerStore): Promise<DatabaseHealth> {
  try {
    const { applied, shipped } = await store.migrationState();
    return { kind: store.kind, reachable: true, schema: { applied, shipped, upToDate: applied >= shipped } };
  } catch (error) {
    return { kind: store.kind, reachable: false, schema: null, error: (error as Error).message };
  }
}
