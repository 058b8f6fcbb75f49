import type { ServeOptions } from '@sitrep/server';
import { SitrepError } from '@sitrep/vocabulary';

export interface ServeFlags {
  db?: string;
  /** A read replica's URL (PostgreSQL only). */
  readDb?: string;
  create: boolean;
  port: number;
  host: string;
  demo: boolean;
  readsNeedToken: boolean;
  corsOrigin: string[];
  introspection: boolean;
  maxBodyBytes?: number;
  maxArticleChars?: number;
  maxConnections?: number;
  maxInflightBodyBytes?: number;
  requestTimeout?: number;
  headersTimeout?: number;
  writeDeadline?: number;
  extractThreads?: number;
  extractQueue?: number;
  extractTimeout?: number;
}

/** The server's options from serve's flags, whatever the database. */
export function serveOptions(options: ServeFlags): Omit<ServeOptions, 'db' | 'store'> {
  return {
    port: options.port,
    host: options.host,
    readsNeedToken: options.readsNeedToken,
    corsOrigins: options.corsOrigin,
    introspection: options.introspection,
    limits: {
      ...(options.maxBodyBytes != null && { maxBodyBytes: options.maxBodyBytes }),
      ...(options.maxArticleChars != null && { maxArticleChars: options.maxArticleChars }),
      ...(options.maxConnections != null && { maxConnections: options.maxConnections }),
      ...(options.maxInflightBodyBytes != null && { maxInflightBodyBytes: options.maxInflightBodyBytes }),
      ...(options.requestTimeout != null && { requestTimeoutMs: options.requestTimeout * 1000 }),
      ...(options.headersTimeout != null && { headersTimeoutMs: options.headersTimeout * 1000 }),
    },
    ...(options.writeDeadline != null && { writes: { deadlineMs: options.writeDeadline * 1000 } }),
    extraction: {
      ...(options.extractThreads != null && { threads: options.extractThreads }),
      ...(options.extractQueue != null && { queue: options.extractQueue }),
      ...(options.extractTimeout != null && { timeoutMs: options.extractTimeout * 1000 }),
    },
  };
}

/** A port or address the machine will not give is the user's to change, not a bug to report. */
export function explainListenError(error: unknown, host: string, port: number | undefined): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host}:${port ?? 4000}`;
  if (code === 'EADDRINUSE') {
    return new SitrepError(
      'BAD_USER_INPUT',
      `${where} is already in use (another sitrep serve?); choose another port with --port N or SITREP_PORT=N.`,
    );
  }
  if (code === 'EACCES') {
    return new SitrepError(
      'BAD_USER_INPUT',
      `this user may not listen on ${where}; choose a port above 1023 with --port N.`,
    );
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return new SitrepError(
      'BAD_USER_INPUT',
      `${host} is not an address of this machine; try --host 127.0.0.1 or 0.0.0.0.`,
    );
  }
  return error;
}
