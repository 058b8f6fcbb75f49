import { type ClaimFilter, type MaybePromise, thenMaybe } from '@sitrep/db';
import { rowIdOf } from '../global-id';
import type { ServerStore } from '../store';
import { filterEntityId } from './entity-named';

type GlobalId = { typename: string; id: string };

/** Turns the GraphQL ClaimFilter input into the database's filter, checking the kinds of the IDs. */
export function claimFilterFrom(
  store: ServerStore,
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
): MaybePromise<ClaimFilter> {
  if (!input) return {};
  return thenMaybe(filterEntityId(store, 'about', input.about, input.aboutName), (about) => ({
    about,
    sourceActor: input.sourceActor ? rowIdOf(input.sourceActor, ['Actor'], 'filter.sourceActor') : null,
    stance: input.stance ?? null,
    reviewStatus: input.reviewStatus ?? null,
    from: input.from ?? null,
    to: input.to ?? null,
  }));
}
