import { SitrepError } from '@sitrep/db';

/** Relay global IDs: base64 of `Type:id`, opaque to clients. */
export function encodeGlobalId(typename: string, id: bigint | number | string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const match = /^([A-Z][A-Za-z]*):(\d{1,15})$/.exec(decoded);
  if (!match || encodeGlobalId(match[1]!, match[2]!) !== globalId) {
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
