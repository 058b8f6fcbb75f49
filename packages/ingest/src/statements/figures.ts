import {
  type IngestTarget,
  type IngestWrites,
  type StatementFigures,
  type StatementFiguresOf,
  type TellingRow,
  writesOf,
} from '@sitrep/db';
import { RELIABILITY_GRADES, type ReliabilityGrade } from '@sitrep/vocabulary';
import { credibilityOf } from './credibility';
import { type IndependentSource, sourcesOfTellings } from './independence';

/** Everything a statement's figures are computed from, read once for a batch of statements. */
interface Evidence {
  claims: Map<number, TellingRow[]>;
  sources: Map<number, IndependentSource[]>;
}

function gatherEvidence(w: IngestWrites, ids: readonly number[]): Evidence {
  const claims = w.tellingsOfStatements(ids);
  const grades = w.reliabilityOf([
    ...new Set([...claims.values()].flat().flatMap((c) => (c.sourceActorId == null ? [] : [c.sourceActorId]))),
  ]);
  const sources = sourcesOfTellings(claims, grades);
  return { claims, sources };
}

/** The independent sources behind each statement (see independentSources). */
export function sourcesOfStatements(target: IngestTarget, ids: readonly number[]): Map<number, IndependentSource[]> {
  return gatherEvidence(writesOf(target), ids).sources;
}

/**
 * A statement says its claims' stance: claims that affirm "ships left" and claims that deny it are
 * grouped apart, and conflict. Its backing is the sources that say it so; against it stand those
 * that say the opposite within it, and those that back a statement it conflicts with.
 */
function sides(claims: readonly TellingRow[], sources: readonly IndependentSource[]) {
  const denials = claims.filter((c) => c.stance === 'denies').length;
  const affirmations = claims.filter((c) => c.stance === 'affirms').length;
  const denies = denials > affirmations;
  return {
    backing: sources.filter((s) => (denies ? s.denies && !s.affirms : s.affirms && !s.denies)),
    opposing: sources.filter((s) => (denies ? s.affirms : s.denies)),
  };
}

const bestReliability = (sources: readonly IndependentSource[]): ReliabilityGrade =>
  RELIABILITY_GRADES[
    Math.min(...sources.map((s) => RELIABILITY_GRADES.indexOf(s.reliability)), RELIABILITY_GRADES.length - 1)
  ]!;

/**
 * Computes and saves the figures of statements `ids` (their dates, sources, stance counts,
 * contested flag and credibility) and of the statements they conflict with, whose credibility
 * depends on them. Statements with no claims are left to their caller to delete.
 */
export function refreshStatements(target: IngestTarget, ids: readonly number[]): void {
  const w = writesOf(target);
  const conflicts = w.conflictsOf(ids);
  const all = [...new Set([...ids, ...conflicts.map((c) => c.otherId)])];
  const neighbours = w.conflictsOf(all);
  const evidence = gatherEvidence(w, [...new Set([...all, ...neighbours.map((c) => c.otherId)])]);
  const backingOf = (id: number) => sides(evidence.claims.get(id) ?? [], evidence.sources.get(id) ?? []).backing;
  const saved: StatementFiguresOf[] = [];
  for (const id of all) {
    const claims = evidence.claims.get(id) ?? [];
    if (claims.length === 0) continue;
    const sources = evidence.sources.get(id) ?? [];
    const { backing, opposing } = sides(claims, sources);
    const others = neighbours.filter((c) => c.statementId === id);
    const against = [
      ...new Map([...opposing, ...others.flatMap((c) => backingOf(c.otherId))].map((s) => [s.key, s])).values(),
    ];
    const saidOn = claims.map((c) => c.saidOn).sort();
    const events = claims.flatMap((c) => (c.eventDate ? [c.eventDate] : [])).sort();
    const { grade, reason } = credibilityOf(backing, against);
    const figures: StatementFigures = {
      firstSaid: saidOn[0]!,
      lastSaid: saidOn.at(-1)!,
      eventDate: events[0] ?? null,
      claims: claims.length,
      independentSources: sources.length,
      affirming: backing.length,
      denying: against.length,
      // Some of its own sources say the opposite, or a statement it conflicts with says otherwise.
      contested: against.length > 0,
      credibility: grade,
      credibilityReason: reason,
      reliability: bestReliability(backing),
    };
    saved.push({ id, figures });
  }
  if (saved.length > 0) w.saveStatementFigures(saved);
}
