import type { ArticleExportRow, ClaimExportRow, StatementExportRow } from '@sitrep/db';
import { articleRecord, claimRecord, statementRecord } from './records';
import { type StixObject, common, known, unique } from './stix-common';
import { SITREP_IDENTITY_ID, type StixRefs, confidenceOf, stixTime } from './stix-ids';

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
      x_sitrep_author: a.author,
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
