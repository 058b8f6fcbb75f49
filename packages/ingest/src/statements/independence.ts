import type { TellingRow } from '@sitrep/db';
import { DEFAULT_RELIABILITY, type ReliabilityGrade, type Stance } from '@sitrep/vocabulary';

/** One claim of a statement, as independence sees it. */
export interface Telling {
  claimId: number;
  /** Its article's story: the first article of the wire report it copies, else its own. */
  storyId: number;
  outlet: string | null;
  stance: Stance;
  hedged: boolean;
  source: { actorId: number | null; text: string | null; anonymous: boolean; count: number | null } | null;
}

/** A source standing behind a statement, however many of its claims and copies repeat it. */
export interface IndependentSource {
  key: string;
  actorId: number | null;
  /** The words that name it in its first claim, or null for an outlet's own voice. */
  text: string | null;
  outlet: string | null;
  anonymous: boolean;
  /** How many people, where the text says ("four officials"): the most any of its claims says. */
  count: number | null;
  affirms: boolean;
  denies: boolean;
  /** Every one of its claims hedges ("appeared to", "may have"). */
  hedged: boolean;
  claims: number;
  /** The curators' grade for its actor; F (cannot be judged) when none. */
  reliability: ReliabilityGrade;
}

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * Who a telling counts as. A named source is its actor wherever it is quoted (a named person
 * and their office are one); anonymous people of one side in one story are one source; an
 * outlet's own voice, and unnamed words without an actor, are their story's. Copies of a story
 * share its id, so a wire report run by ten outlets is one source, not ten.
 */
export function independenceKey(telling: Telling): string {
  const source = telling.source;
  if (source && !source.anonymous && source.actorId != null) return `actor:${source.actorId}`;
  if (source?.anonymous) return `anonymous:${telling.storyId}:${source.actorId ?? fold(source.text ?? '')}`;
  if (source?.text) return `named:${telling.storyId}:${fold(source.text)}`;
  return `story:${telling.storyId}`;
}

/** The distinct sources behind some tellings, in order of first telling. */
export function independentSources(
  tellings: readonly Telling[],
  reliabilityOf: (actorId: number) => ReliabilityGrade | undefined,
): IndependentSource[] {
  const sources = new Map<string, IndependentSource>();
  for (const telling of tellings) {
    const key = independenceKey(telling);
    const actorId = telling.source?.actorId ?? null;
    let source = sources.get(key);
    if (!source) {
      source = {
        key,
        actorId,
        text: telling.source?.text ?? null,
        outlet: telling.outlet,
        anonymous: telling.source?.anonymous ?? false,
        count: null,
        affirms: false,
        denies: false,
        hedged: true,
        claims: 0,
        reliability: (actorId != null ? reliabilityOf(actorId) : undefined) ?? DEFAULT_RELIABILITY,
      };
      sources.set(key, source);
    }
    source.claims++;
    const count = telling.source?.count ?? null;
    if (count != null) source.count = Math.max(source.count ?? 0, count);
    if (telling.stance === 'affirms') source.affirms = true;
    if (telling.stance === 'denies') source.denies = true;
    if (!telling.hedged) source.hedged = false;
  }
  return [...sources.values()];
}

/** What a telling's row holds of it: a claim with its story and outlet (TellingRow has these and more). */
export type TellingFields = Pick<
  TellingRow,
  | 'claimId'
  | 'storyId'
  | 'outlet'
  | 'stance'
  | 'hedged'
  | 'sourceText'
  | 'sourceActorId'
  | 'sourceAnonymous'
  | 'sourceCount'
>;

/**
 * The independent sources behind each statement, from its tellings and its source actors' grades:
 * one computation for ingest's figures (SQLite) and the server's `Statement.sources` on any store.
 */
export function sourcesOfTellings(
  tellingsOf: ReadonlyMap<number, readonly TellingFields[]>,
  grades: ReadonlyMap<number, ReliabilityGrade>,
): Map<number, IndependentSource[]> {
  const sources = new Map<number, IndependentSource[]>();
  for (const [id, rows] of tellingsOf) {
    const tellings = rows.map((row): Telling => ({
      claimId: row.claimId,
      storyId: row.storyId,
      outlet: row.outlet,
      stance: row.stance,
      hedged: row.hedged,
      source:
        row.sourceText == null && row.sourceActorId == null
          ? null
          : {
              actorId: row.sourceActorId,
              text: row.sourceText,
              anonymous: row.sourceAnonymous,
              count: row.sourceCount,
            },
    }));
    sources.set(
      id,
      independentSources(tellings, (actorId) => grades.get(actorId)),
    );
  }
  return sources;
}
