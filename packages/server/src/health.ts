import type { ServerStore } from './store';

/** What GET /health answers: whether this process can serve, and what it serves from. */
export interface Health {
  status: 'ok' | 'unavailable';
  database: {
    kind: ServerStore['kind'];
    reachable: boolean;
    /** Migrations applied and shipped; null when the database could not be asked. */
    schema: { applied: number; shipped: number; upToDate: boolean } | null;
    /** Why it could not be reached (a message, never a password: URLs are redacted before here). */
    error?: string;
  };
}

export const HEALTH_PATH = '/health';

/** Asks the database one cheap question (its migrations); 503 when it does not answer. */
export async function healthOf(store: ServerStore): Promise<{ status: number; body: Health }> {
  try {
    const { applied, shipped } = await store.migrationState();
    const upToDate = applied >= shipped;
    return {
      status: upToDate ? 200 : 503,
      body: {
        status: upToDate ? 'ok' : 'unavailable',
        database: { kind: store.kind, reachable: true, schema: { applied, shipped, upToDate } },
      },
    };
  } catch (error) {
    return {
      status: 503,
      body: {
        status: 'unavailable',
        database: { kind: store.kind, reachable: false, schema: null, error: (error as Error).message },
      },
    };
  }
}
