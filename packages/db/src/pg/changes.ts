import type { SitrepPostgres } from '../postgres';

/** The channel pg-migrations/0003 notifies once for each commit that changes the knowledge base. */
export const CHANGES_CHANNEL = 'sitrep_changes';

/**
 * Calls `onCommit` after every commit that changed the knowledge base, made through any
 * connection of any process. postgres.js keeps the LISTEN on a connection of its own and listens
 * again after a reconnect; a commit made while it was reconnecting is not heard, so a caller
 * should read what is new after `onListen` too, as it does on each notification.
 *
 * @returns a function that stops listening.
 */
export async function listenForCommits(
  db: SitrepPostgres,
  onCommit: () => void,
  onListen?: () => void,
): Promise<() => Promise<void>> {
  const { unlisten } = await db.sql.listen(CHANGES_CHANNEL, () => onCommit(), onListen);
  return unlisten;
}
