import type { ClaimFilter } from '@sitrep/db';
import { ENTITY_TYPENAMES, rowIdOf } from '../global-id';

type GlobalId = { typename: string; id: string };

/** Turns the GraphQL ClaimFilter input into the database's filter, checking the kinds of the IDs. */
export function claimFilterFrom(
  input:
    | {
        about?: GlobalId | null;
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
    about: input.about ? rowIdOf(input.about, ENTITY_TYPENAMES, 'filter.about') : null,
    sourceActor: input.sourceActor ? rowIdOf(input.sourceActor, ['Actor'], 'filter.sourceActor') : null,
    stance: input.stance ?? null,
    reviewStatus: input.reviewStatus ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
  };
}
