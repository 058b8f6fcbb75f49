import { SitrepError, type SitrepErrorCode } from '@sitrep/vocabulary';
import type { CurationQueries, FeedQueries, IngestQueries } from '../../store/writes';

/**
 * What the waiting thread asks the PostgreSQL writer thread (worker.ts). Each request names the
 * connection it is for: one writer thread serves every connection a process opens.
 */
export type WriterRequest =
  | { op: 'open'; url: string }
  /** `wait`: for INGEST_LOCK, else fail at once with WRITE_LOCK_BUSY when another holds it. */
  | { op: 'begin'; connection: number; snapshot: boolean; wait: boolean }
  | { op: 'commit'; connection: number }
  | { op: 'rollback'; connection: number }
  | {
      op: 'query';
      connection: number;
      name: keyof IngestQueries | keyof CurationQueries | keyof FeedQueries;
      args: unknown[];
    }
  | { op: 'close'; connection: number };

/** An error as it crosses threads: a structured clone keeps an Error's message, not its class or code. */
export interface CarriedError {
  message: string;
  /** A SitrepError's code, or the driver's (a PostgreSQL SQLSTATE such as 40P01). */
  code?: string;
  sitrep: boolean;
  details?: Record<string, unknown>;
}

export type WriterReply = { value: unknown } | { error: CarriedError };

export function carry(error: unknown): CarriedError {
  if (error instanceof SitrepError)
    return { message: error.message, code: error.code, sitrep: true, details: error.details };
  const code = (error as { code?: unknown } | null)?.code;
  return {
    message: error instanceof Error ? error.message : String(error),
    code: typeof code === 'string' ? code : undefined,
    sitrep: false,
  };
}

export function uncarry(carried: CarriedError): Error {
  if (carried.sitrep) return new SitrepError(carried.code as SitrepErrorCode, carried.message, carried.details);
  return Object.assign(new Error(carried.message), carried.code === undefined ? {} : { code: carried.code });
}
