import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Mode } from './modes';
import type { Score, Tally } from './score';

/** Detection metrics: each keeps a floor on its ratio. */
const RATIO_METRICS = ['entityF1', 'claimPrecision', 'claimRecall'] as const;
/** Metrics over matched claim pairs: each keeps a floor on its right answers and the pairs behind them. */
const TALLY_METRICS = ['attribution', 'sourceActor', 'about', 'stance', 'hedged', 'eventDate'] as const;
export const FLOOR_METRICS = [...RATIO_METRICS, ...TALLY_METRICS] as const;
export type FloorMetric = (typeof FLOOR_METRICS)[number];

/** Right answers out of matched pairs (for `about`, the sum of Jaccard values). */
export interface TallyFloor {
  correct: number;
  of: number;
}

export type ArticleFloors = Partial<Record<(typeof RATIO_METRICS)[number], number>> &
  Partial<Record<(typeof TALLY_METRICS)[number], TallyFloor>>;
/** Per mode, per article file: the scores that article has reached. */
export type Floors = Record<Mode, Record<string, ArticleFloors>>;

export const FLOORS_PATH = fileURLToPath(new URL('./floors.json', import.meta.url));

export function readFloors(path = FLOORS_PATH): Floors {
  const floors = JSON.parse(readFileSync(path, 'utf8')) as Partial<Floors>;
  return { general: floors.general ?? {}, demo: floors.demo ?? {} };
}

// Two decimals, rounded down, and compared with a little slack: a ratio such as 14/25 need not
// come back to the same last bit of a float when the counts are summed in another order.
const floorOf = (ratio: number) => Math.floor(ratio * 100) / 100;
const SLACK = 1e-9;
// Right answers of `about` are sums of fractions: kept to three decimals, rounded down like the ratios.
const round = (n: number) => Math.floor(n * 1000 + SLACK) / 1000;

/**
 * Whether a tally holds its floor: its ratio is as high, or nothing right before is wrong now and
 * only pairs were added (a claim newly found may be read wrongly without undoing what was right;
 * it was a miss before, counted against recall).
 */
function holds(now: Tally, floor: TallyFloor): boolean {
  if (now.total === 0) return floor.of === 0;
  if (floor.of === 0 || now.correct / now.total >= floor.correct / floor.of - SLACK) return true;
  return now.correct >= floor.correct - SLACK && now.total >= floor.of;
}

/** The metrics where `score` falls below `floors`, as "metric 0.71 < 0.75". */
export function shortfalls({ ratios, counts }: Score, floors: ArticleFloors): string[] {
  const below: string[] = [];
  for (const metric of RATIO_METRICS) {
    const floor = floors[metric];
    const value = ratios[metric];
    if (floor !== undefined && (value === null || value < floor - SLACK))
      below.push(`${metric} ${value === null ? '–' : value.toFixed(3)} < ${floor}`);
  }
  for (const metric of TALLY_METRICS) {
    const floor = floors[metric];
    const now = counts[metric];
    if (floor !== undefined && !holds(now, floor))
      below.push(`${metric} ${round(now.correct)}/${now.total} < ${floor.correct}/${floor.of}`);
  }
  return below;
}

/**
 * Floors raised to what each article reaches now; never lowered. An article new to the corpus
 * starts at its first (blind) score.
 */
export function raisedFloors(current: ArticleFloors | undefined, { ratios, counts }: Score): ArticleFloors {
  const next: ArticleFloors = {};
  for (const metric of RATIO_METRICS) {
    const value = ratios[metric];
    const old = current?.[metric];
    if (value !== null) next[metric] = Math.max(old ?? 0, floorOf(value));
    else if (old !== undefined) next[metric] = old;
  }
  for (const metric of TALLY_METRICS) {
    const old = current?.[metric];
    const now: TallyFloor = { correct: round(counts[metric].correct), of: counts[metric].total };
    next[metric] = old === undefined || raises(now, old) ? now : old;
  }
  return next;
}

/** A tally replaces its floor when it holds it and has at least as many right answers. */
const raises = (now: TallyFloor, old: TallyFloor) =>
  now.correct >= old.correct && holds({ correct: now.correct, total: now.of }, old);

export function writeFloors(floors: Floors, path = FLOORS_PATH): void {
  const sorted = (byFile: Record<string, ArticleFloors>) =>
    Object.fromEntries(Object.entries(byFile).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify({ general: sorted(floors.general), demo: sorted(floors.demo) }, null, 2)}\n`);
}
