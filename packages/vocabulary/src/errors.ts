/** Codes a person or a script can act on; the server passes them on as `extensions.code`. */
export type SitrepErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  /** Another process held the database's write lock past the deadline; retry after `retryAfterSeconds`. */
  | 'DATABASE_BUSY'
  /** The server is at a capacity limit (connections, bodies, articles being read); retry after `retryAfterSeconds`. */
  | 'SERVER_BUSY'
  /** What was asked is not available on this back end yet (writes on PostgreSQL). */
  | 'NOT_SUPPORTED';

/** An expected failure with a message meant for the user (never a raw database message). */
export class SitrepError extends Error {
  constructor(
    readonly code: SitrepErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'SitrepError';
  }
}

export const notFound = (what: string, id: number | string) =>
  new SitrepError('NOT_FOUND', `No ${what} with id ${id}.`, { id });
