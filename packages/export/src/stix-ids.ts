import type { CredibilityGrade } from '@sitrep/vocabulary';
import { parse as uuidBytes, v5 as uuidv5 } from 'uuid';

/**
 * Sitrep's own UUIDv5 namespace (a fixed random UUID, chosen once): every STIX id is
 * `type--uuidv5(this, key)` for a key naming the row ("claim:42"), so a second export of the same
 * knowledge base gives every object the id it had, and a consumer updates instead of duplicating.
 * Row ids are only unique within one knowledge base: two Sitrep databases reuse them.
 */
export const SITREP_NAMESPACE = 'f0ced8ce-dbd0-409a-b0cc-ae2db006acba';

export type StixType = 'identity' | 'location' | 'report' | 'note' | 'grouping';

// As bytes: given a string, uuid would parse and validate the namespace again for every id.
const NAMESPACE_BYTES = uuidBytes(SITREP_NAMESPACE);

export const stixId = (type: StixType, key: string): string => `${type}--${uuidv5(key, NAMESPACE_BYTES)}`;

/** The identity that made every object in the bundle (each one's `created_by_ref`). */
export const SITREP_IDENTITY_ID = stixId('identity', 'sitrep');

/**
 * STIX ids of the rows objects refer to. An entity's type follows its kind (identity or location),
 * so the writer learns which ids are installations first: a set of the installations' ids, small
 * beside the claims, keeps a claim's refs one lookup away without reading its entities again.
 */
export class StixRefs {
  // Entities and outlets are few and referred to by most claims: each id is hashed once.
  private readonly known = new Map<string, string>();
  constructor(private readonly installations: ReadonlySet<number>) {}
  private remembered(key: string, make: () => string): string {
    let id = this.known.get(key);
    if (id === undefined) this.known.set(key, (id = make()));
    return id;
  }
  entity = (id: number): string =>
    this.remembered(`entity:${id}`, () => stixId(this.installations.has(id) ? 'location' : 'identity', `entity:${id}`));
  outlet = (name: string): string => this.remembered(`outlet:${name}`, () => stixId('identity', `outlet:${name}`));
  report = (articleId: number): string => stixId('report', `article:${articleId}`);
  note = (claimId: number): string => stixId('note', `claim:${claimId}`);
  grouping = (statementId: number): string => stixId('grouping', `statement:${statementId}`);
}

/**
 * A stored time (SQLite's `…T…Z` with milliseconds) or a day (YYYY-MM-DD, taken as its midnight UTC)
 * in STIX's timestamp form: RFC 3339, UTC, `Z`, milliseconds.
 */
export const stixTime = (stored: string): string =>
  new Date(/^\d{4}-\d{2}-\d{2}$/.test(stored) ? `${stored}T00:00:00Z` : stored).toISOString();

/**
 * The Admiralty credibility digit as STIX `confidence`, by the mapping in STIX 2.1's appendix on
 * confidence scales (1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10); 6, "truth cannot be judged", has no
 * value there and leaves `confidence` out rather than claim a number.
 */
export function confidenceOf(credibility: number): number | undefined {
  const mapping: Record<CredibilityGrade, number | undefined> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: undefined };
  return mapping[credibility as CredibilityGrade];
}
