import type { ClaimFilter, SitrepDatabase } from '@sitrep/db';
import { rowIdOf } from '../global-id';
import { filterEntityId } from './entity-named';

type GlobalId = { typename: string; id: string };

/** Turns the GraphQL ClaimFilter input into the database's filter, checking the kinds of the IDs. */
export function claimFilterFrom(
  db: SitrepDatabase,
  input:
    | {
        about?: GlobalId | null;
        aboutName?: string | null;
        sourceActor?: GlobalId | null;
        stance?: ClaimFilter['stance'];
        reviewStatus?: ClaimFilter['reviewStatus'];
        from?: string | null;
        to?: string | null;
      }
    | null
    | undefined,
): ClaimFilter {
  if (!input) return {};
  return {
    about: filterEntityId(db, 'about', input.about, input.aboutName),
    sourceActor: input.sourceActor ? rowIdOf(input.sourceActor, ['Actor'], 'filter.sourceActor') : null,
    stance: input.stance ?? null,
    reviewStatus: input.reviewStatus ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
  };
}
