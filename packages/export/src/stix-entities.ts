import type { EntityExportRow } from '@sitrep/db';
import { subtypeOfStoredType } from '@sitrep/vocabulary';
import { entityRecord } from './records';
import { SITREP_CREATED, type StixObject, common, known } from './stix-common';
import type { StixRefs } from './stix-ids';
import { countryCode } from './stix-places';

/**
 * Actors are `identity`, classed by type (identity-class-ov). Not `threat-actor` or `intrusion-set`:
 * those assert malicious intent, a judgement Sitrep does not make about the states, ministries and
 * people its articles quote; an identity only says who they are.
 */
function actorClass(actorType: string | null): { identity_class: string; sectors?: string[] } {
  switch (subtypeOfStoredType(actorType)) {
    case 'person':
      return { identity_class: 'individual' };
    case 'state':
    case 'government_body':
      return { identity_class: 'organization', sectors: ['government-national'] };
    case 'military':
      return { identity_class: 'organization', sectors: ['defense'] };
    case 'organization':
      return { identity_class: 'organization' };
    // Militias and the like: people acting together, as STIX's "group" has it, not a registered body.
    case 'armed_group':
      return { identity_class: 'group' };
    default:
      return { identity_class: 'unknown' };
  }
}

export function entityObject(row: EntityExportRow, refs: StixRefs): StixObject {
  const e = entityRecord(row);
  const shared = {
    x_sitrep_aliases: e.aliases,
    x_sitrep_review_status: e.reviewStatus,
    x_sitrep_reliability: row.reliability,
  };
  if (e.kind !== 'installation') {
    return {
      ...common('identity', refs.entity(e.id), row.createdAt, row.changedAt),
      name: e.name,
      ...known({ description: e.description, roles: e.role ? [e.role] : [], ...actorClass(e.actorType) }),
      ...known({
        ...shared,
        x_sitrep_actor_type: e.actorType,
        x_sitrep_affiliation_ref: row.affiliationId == null ? null : refs.entity(row.affiliationId),
      }),
    };
  }
  // An installation is a place: `location`, not `infrastructure` (which STIX means for computer systems).
  const where = e.location!;
  const country = countryCode(where.country) ?? countryCode(e.hostCountry);
  const located = where.latitude != null && where.longitude != null;
  return {
    ...common('location', refs.entity(e.id), row.createdAt, row.changedAt),
    name: e.name,
    ...known({
      description: e.description,
      country,
      administrative_area: where.region,
      latitude: located ? where.latitude : null,
      longitude: located ? where.longitude : null,
      // A location must give a region, a country or coordinates; "unknown" says honestly that Sitrep has none.
      region: country == null && !located ? 'unknown' : null,
    }),
    ...known({
      ...shared,
      x_sitrep_installation_type: e.installationType,
      x_sitrep_place: where.place,
      x_sitrep_country: where.country,
      x_sitrep_operator_ref: row.operatorId == null ? null : refs.entity(row.operatorId),
      x_sitrep_host_country_ref: row.hostCountryId == null ? null : refs.entity(row.hostCountryId),
    }),
  };
}

/** A publisher, named by its articles: an organization every report from it refers to. */
export const outletObject = (name: string, refs: StixRefs): StixObject => ({
  ...common('identity', refs.outlet(name), SITREP_CREATED),
  name,
  identity_class: 'organization',
  x_sitrep_role: 'outlet',
});
