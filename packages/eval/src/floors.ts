import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Mode } from './modes';
import type { Ratios } from './score';

/** The metrics each article keeps a floor for. */
export const FLOOR_METRICS = [
  'entityF1',
  'claimPrecision',
  'claimRecall',
  'attribution',
  'sourceActor',
  'about',
  'stance',
  'hedged',
  'eventDate',
] as const satisfies ReadonlyArray<keyof Ratios>;
export type FloorMetric = (typeof FLOOR_METRICS)[number];

export type ArticleFloors = Partial<Record<FloorMetric, number>>;
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

/** The metrics where `ratios` fall below `floors`, as "metric 0.71 < 0.75". */
export function shortfalls(ratios: Ratios, floors: ArticleFloors): string[] {
  return FLOOR_METRICS.flatMap((metric) => {
    const floor = floors[metric];
    const value = ratios[metric];
    if (floor === undefined) return [];
    return value === null || value < floor - SLACK
      ? [`${metric} ${value === null ? '–' : value.toFixed(3)} < ${floor}`]
      : [];
  });
}

/**
 * Floors raised to what each article reaches now; never lowered. An article new to the corpus
 * starts at its first (blind) score.
 */
export function raisedFloors(current: ArticleFloors | undefined, ratios: Ratios): ArticleFloors {
  const next: ArticleFloors = {};
  for (const metric of FLOOR_METRICS) {
    const value = ratios[metric];
    const old = current?.[metric];
    if (value === null) {
      if (old !== undefined) next[metric] = old;
      continue;
    }
    next[metric] = Math.max(old ?? 0, floorOf(value));
  }
  return next;
}

export function writeFloors(floors: Floors, path = FLOORS_PATH): void {
  const sorted = (byFile: Record<string, ArticleFloors>) =>
    Object.fromEntries(Object.entries(byFile).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(path, `${JSON.stringify({ general: sorted(floors.general), demo: sorted(floors.demo) }, null, 2)}\n`);
}
