import { type ApiTokenRow, type MaybePromise, thenMaybe } from '@sitrep/db';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context, Viewer } from './context';
import type { ServerStore } from './store';

const ANONYMOUS: Viewer = { scope: null, tokenId: null, badToken: false };
const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** Who a sent token makes the viewer: its scope, or a bad token when none was found. */
const viewerOf = (token: ApiTokenRow | undefined): Viewer =>
  token ? { scope: token.scope, tokenId: token.id, badToken: false } : { ...ANONYMOUS, badToken: true };

/** Reads `Authorization: Bearer <token>` and looks the token up (only its hash is stored). */
export function viewerFrom(store: ServerStore, request: Request): MaybePromise<Viewer> {
  return viewerFromAuthorization(store, request.headers.get('authorization'));
}

/** The same, from the header's value: the fast path has node's headers, not a fetch Request. */
export function viewerFromAuthorization(store: ServerStore, header: string | null | undefined): MaybePromise<Viewer> {
  if (!header) return ANONYMOUS;
  const secret = BEARER.exec(header)?.[1];
  return secret === undefined ? viewerOf(undefined) : thenMaybe(store.liveToken(secret), viewerOf);
}

// Named as an installed command; the README's "Changing the knowledge base" shows it run from the repository.
const HOW_TO_GET_A_TOKEN =
  'Create one with `sitrep token create --scope write` (see the README, "Changing the knowledge base") and send it as `Authorization: Bearer <token>`.';

/** Why this viewer may not run this operation, or null if it may. */
export function refusal(viewer: Viewer, isMutation: boolean, readsNeedToken: boolean): GraphQLError | null {
  if (viewer.badToken) {
    return new GraphQLError('The bearer token is unknown or revoked.', { extensions: { code: 'UNAUTHENTICATED' } });
  }
  if (isMutation && viewer.scope === null) {
    return new GraphQLError(`Changes need a bearer token with write scope. ${HOW_TO_GET_A_TOKEN}`, {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  if (isMutation && viewer.scope !== 'write') {
    return new GraphQLError(`This token has ${viewer.scope} scope; changes need write scope. ${HOW_TO_GET_A_TOKEN}`, {
      extensions: { code: 'FORBIDDEN' },
    });
  }
  if (readsNeedToken && viewer.scope === null) {
    return new GraphQLError('This server requires a bearer token for every request.', {
      extensions: { code: 'UNAUTHENTICATED' },
    });
  }
  return null;
}

/**
 * Guards every operation in one place, so no mutation can forget its check: a mutation
 * needs a write token, a bad token is always refused, and reads may be made to need a token.
 */
export function useAccessControl(options: { readsNeedToken: boolean }): Plugin<Context> {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      const error = refusal(args.contextValue.viewer, operation?.operation === 'mutation', options.readsNeedToken);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
