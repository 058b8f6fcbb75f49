import type { ArticleExportRow, ClaimExportRow, EntityExportRow, StatementExportRow } from '@sitrep/db';
import { subtypeOfStoredType } from '@sitrep/vocabulary';
import { articleRecord, claimRecord, entityRecord, statementRecord } from './records';
import { SITREP_IDENTITY_ID, type StixRefs, confidenceOf, stixTime } from './stix-ids';
import { countryCode } from './stix-places';

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
function common(type: string, id: string, stored: string, changed: string | null = stored): StixObject {
  const created = stixTime(stored);
  const modified = stixTime(changed ?? stored);
  return { type, spec_version: '2.1', id, created, modified, created_by_ref: SITREP_IDENTITY_ID };
}

/** Leaves out what Sitrep does not know: STIX wants absent properties absent, not null or empty. */
function known(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  );
}

const unique = (ids: string[]): string[] => [...new Set(ids)];

// A fixed moment, so the Sitrep identity is the same object in every export.
const SITREP_CREATED = '2026-12-06T00:00:00.000Z';

const { created_by_ref: _itself, ...sitrepCommon } = common('identity', SITREP_IDENTITY_ID, SITREP_CREATED);

export const SITREP_IDENTITY: StixObject = {
  ...sitrepCommon,
  name: 'Sitrep',
  identity_class: 'system',
  description: 'Knowledge base of sourced claims from news articles; made every object in this bundle.',
};

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

/** An article is a `report`: what it says (its claims) and whom it names, with where it was published. */
export function reportObject(row: ArticleExportRow, refs: StixRefs): StixObject {
  const a = articleRecord(row);
  const claims = JSON.parse(row.claimIds ?? '[]') as number[];
  const entities = JSON.parse(row.entityIds ?? '[]') as number[];
  const outlet = a.outlet == null ? [] : [refs.outlet(a.outlet)];
  const objectRefs = [...claims.map(refs.note), ...entities.map(refs.entity), ...outlet];
  return {
    ...common('report', refs.report(a.id), row.createdAt, row.changedAt),
    name: a.title,
    published: stixTime(a.publishedAt),
    // A report must refer to something: an article with no claim, name or outlet refers to its maker.
    object_refs: objectRefs.length > 0 ? objectRefs : [SITREP_IDENTITY_ID],
    ...known({
      description: a.text,
      external_references: a.url == null ? [] : [{ source_name: a.outlet ?? 'web', url: a.url }],
      x_sitrep_outlet: a.outlet,
      x_sitrep_dateline: a.dateline,
      x_sitrep_word_count: a.wordCount,
      x_sitrep_copy_of_ref: a.copyOf == null ? null : refs.report(a.copyOf),
    }),
  };
}

/**
 * A claim is a `note` on its report and the entities it is about: its content the verbatim quote,
 * its authors the source as the article words it. Not an `opinion`, which grades another STIX
 * object's correctness; a claim asserts something new.
 */
export function noteObject(row: ClaimExportRow, refs: StixRefs): StixObject {
  const c = claimRecord(row);
  const source = c.source;
  const said = source?.text ?? source?.actor ?? 'the outlet';
  return {
    ...common('note', refs.note(c.id), row.createdAt),
    abstract: `${said} ${c.stance === 'no_comment' ? 'declines to comment' : c.stance}${c.hedged ? ', hedged' : ''} (${c.saidOn})`,
    content: c.quote,
    object_refs: unique([
      refs.report(c.articleId),
      ...c.about.map((a) => refs.entity(a.entityId)),
      ...(source?.actorId == null ? [] : [refs.entity(source.actorId)]),
    ]),
    ...known({
      authors: source?.text ? [source.text] : [],
      x_sitrep_stance: c.stance,
      x_sitrep_hedged: c.hedged,
      x_sitrep_span: c.span,
      x_sitrep_said_on: c.saidOn,
      x_sitrep_event_date: c.eventDate,
      x_sitrep_about: c.about.map((a) => ({ ref: refs.entity(a.entityId), role: a.role })),
      x_sitrep_source_ref: source?.actorId == null ? null : refs.entity(source.actorId),
      x_sitrep_source_count: source?.count,
      x_sitrep_source_anonymous: source?.anonymous,
      x_sitrep_statement_ref: c.statementId == null ? null : refs.grouping(c.statementId),
      x_sitrep_review_status: c.reviewStatus,
    }),
  };
}

/**
 * A statement is a `grouping` of the claims that say the same thing (context "unspecified": none of
 * the grouping-context vocabulary's cyber contexts fits), graded: Admiralty credibility as STIX
 * confidence, the letter and digit as custom properties.
 */
export function groupingObject(row: StatementExportRow, refs: StixRefs): StixObject {
  const s = statementRecord(row);
  const claims = JSON.parse(row.claimIds ?? '[]') as number[];
  const objectRefs = unique([...claims.map(refs.note), ...s.about.map((a) => refs.entity(a.entityId))]);
  return {
    ...common('grouping', refs.grouping(s.id), row.createdAt, row.changedAt),
    name: `${s.grade}: ${s.about.map((a) => a.name).join(', ') || 'statement'} (${s.firstSaid} to ${s.lastSaid})`,
    context: 'unspecified',
    object_refs: objectRefs.length > 0 ? objectRefs : [SITREP_IDENTITY_ID],
    ...known({
      description: s.credibilityReason,
      confidence: confidenceOf(s.credibility),
      x_sitrep_grade: s.grade,
      x_sitrep_reliability: s.reliability,
      x_sitrep_credibility: s.credibility,
      x_sitrep_first_said: s.firstSaid,
      x_sitrep_last_said: s.lastSaid,
      x_sitrep_event_date: s.eventDate,
      x_sitrep_independent_sources: s.independentSources,
      x_sitrep_affirming: s.affirming,
      x_sitrep_denying: s.denying,
      x_sitrep_contested: s.contested,
      x_sitrep_curated: s.curated,
      x_sitrep_conflicts: s.conflicts.map((k) => ({ ref: refs.grouping(k.statementId), why: k.why })),
    }),
  };
}
