import { type EntityKind, SitrepError } from '@sitrep/vocabulary';

/** The types a global ID may name: those that implement Node. */
const NODE_TYPENAMES = new Set(['Actor', 'Installation', 'Article', 'Claim', 'Mention', 'Statement']);

/** The GraphQL types an entity can be: where an entity is expected, either ID will do. */
export const ENTITY_TYPENAMES = ['Actor', 'Installation'] as const;

/** The GraphQL type of an entity of this kind. */
export const entityTypename = (entity: { kind: EntityKind }) => (entity.kind === 'actor' ? 'Actor' : 'Installation');

/** Relay global IDs: base64 of `Type:id`, opaque to clients. */
export function encodeGlobalId(typename: string, id: bigint | number | string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const match = /^([A-Z][A-Za-z]*):(\d{1,15})$/.exec(decoded);
  // An unknown type is refused here, so it never reaches the node resolver as an unexpected error.
  if (!match || !NODE_TYPENAMES.has(match[1]!) || encodeGlobalId(match[1]!, match[2]!) !== globalId) {
    throw new SitrepError('BAD_USER_INPUT', `“${globalId.slice(0, 80)}” is not a Sitrep ID.`);
  }
  return { typename: match[1]!, id: match[2]! };
}

/**
 * The numeric row id behind a global ID that must name one of `typenames`,
 * e.g. an Actor or an Installation where an entity is expected.
 */
export function rowIdOf(
  globalId: { typename: string; id: string },
  typenames: readonly string[],
  argName: string,
): number {
  if (!typenames.includes(globalId.typename)) {
    throw new SitrepError(
      'BAD_USER_INPUT',
      `${argName} must be the ID of ${typenames.join(' or ')}, got a ${globalId.typename} ID.`,
    );
  }
  return Number(globalId.id);
}
