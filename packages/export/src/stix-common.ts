import { SITREP_IDENTITY_ID, stixTime } from './stix-ids';

/** What STIX 2.1 calls common properties, plus Sitrep's own, all named `x_sitrep_…` as custom properties must be. */
export interface StixObject {
  type: string;
  spec_version: '2.1';
  id: string;
  created: string;
  modified: string;
  created_by_ref?: string;
  confidence?: number;
  external_references?: Array<{ source_name: string; url?: string; description?: string }>;
  [property: string]: unknown;
}

/**
 * `modified` is the latest change Sitrep keeps a time for (a claim added, a source graded), so a
 * platform that already holds an object takes the re-export as its newer version. Changes that
 * leave no time (a review status, an alias, a merge) do not advance it.
 */
export function common(type: string, id: string, stored: string, changed: string | null = stored): StixObject {
  const created = stixTime(stored);
  const modified = stixTime(changed ?? stored);
  return { type, spec_version: '2.1', id, created, modified, created_by_ref: SITREP_IDENTITY_ID };
}

/** Leaves out what Sitrep does not know: STIX wants absent properties absent, not null or empty. */
export function known(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

export const unique = (ids: string[]): string[] => [...new Set(ids)];

// A fixed moment, so the Sitrep identity is the same object in every export.
export const SITREP_CREATED = '2026-12-06T00:00:00.000Z';

const { created_by_ref: _itself, ...sitrepCommon } = common('identity', SITREP_IDENTITY_ID, SITREP_CREATED);

export const SITREP_IDENTITY: StixObject = {
  ...sitrepCommon,
  name: 'Sitrep',
  identity_class: 'system',
  description: 'Knowledge base of sourced claims from news articles; made every object in this bundle.',
};
