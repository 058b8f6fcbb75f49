import type { IngestWrites } from '@sitrep/db';
import { SitrepError } from '@sitrep/vocabulary';
import type { Context } from './context';
import { READ_ONLY_MESSAGE } from './read-only';

/**
 * What a mutation writes through, on either back end: the same named queries and transactions
 * (store/writes.ts). A store that takes no writes (a replica) refuses, though useReadOnly has
 * already refused the mutation before it ran.
 */
export function writerOf(ctx: Context): IngestWrites {
  const writer = ctx.store.writer();
  if (!writer) throw new SitrepError('NOT_SUPPORTED', READ_ONLY_MESSAGE);
  return writer;
}
