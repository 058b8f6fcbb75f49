import { daysBetween } from './dates';
import type { ClaimFacts } from './types';

/**
 * Candidate window: a claim is compared with the statements that share one of its entities and
 * whose latest claim was said (or dated) at most this many days before or after it. The window
 * rolls with the statement: a story reported week after week stays joinable, while the same kind
 * of event a season later starts a statement of its own. A month covers how long wire copy
 * repeats one event; the same check bounds contradictions (same entities, same period).
 */
export const CANDIDATE_WINDOW_DAYS = 30;

/** The day a claim is placed at: when it was said, else when the event it dates happened. */
export const dayOf = (claim: Pick<ClaimFacts, 'saidOn' | 'eventDate'>): string | null =>
  claim.saidOn ?? claim.eventDate ?? null;

/** Whether a claim placed on `day` may join a statement whose latest claim is placed on `latest`; undated claims always may. */
export function withinWindow(day: string | null, latest: string | null, windowDays = CANDIDATE_WINDOW_DAYS): boolean {
  return day === null || latest === null || Math.abs(daysBetween(latest, day)) <= windowDays;
}

/**
 * Events that last: a review of agreements, a renegotiation, runs for months, and reports of it a
 * season apart are of one process, while a departure or a strike is over in days. A claim naming
 * one of these classes is compared with statements naming the same class over `DURABLE_WINDOW_DAYS`.
 */
export const DURABLE_CLASSES: ReadonlySet<string> = new Set(['review']);
export const DURABLE_WINDOW_DAYS = 120;

/** The window between a claim and a statement, by the lasting events they both name. */
export function windowFor(
  claimEvents: ReadonlySet<string>,
  statementEvents: ReadonlySet<string>,
  windowDays = CANDIDATE_WINDOW_DAYS,
): number {
  const lasting = [...claimEvents].some((c) => DURABLE_CLASSES.has(c) && statementEvents.has(c));
  return lasting ? Math.max(windowDays, DURABLE_WINDOW_DAYS) : windowDays;
}
