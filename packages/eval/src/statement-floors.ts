import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Mode } from './modes';
import type { StatementScore } from './statements-score';

/** The statement metrics that keep a floor, each a ratio. */
export const STATEMENT_METRICS = [
  'pairPrecision',
  'pairRecall',
  'pairF1',
  'contradictionPrecision',
  'contradictionRecall',
] as const;
export type StatementMetric = (typeof STATEMENT_METRICS)[number];
export type StatementFloors = Record<Mode, Partial<Record<StatementMetric, number>>>;

export const STATEMENT_FLOORS_PATH = fileURLToPath(new URL('./statement-floors.json', import.meta.url));

const valueOf = ({ pairs, contradictions }: StatementScore): Record<StatementMetric, number | null> => ({
  pairPrecision: pairs.precision,
  pairRecall: pairs.recall,
  pairF1: pairs.f1,
  contradictionPrecision: contradictions.precision,
  contradictionRecall: contradictions.recall,
});

export function readStatementFloors(path = STATEMENT_FLOORS_PATH): StatementFloors {
  const floors = JSON.parse(readFileSync(path, 'utf8')) as Partial<StatementFloors>;
  return { general: floors.general ?? {}, demo: floors.demo ?? {} };
}

// As the article floors: two decimals rounded down, compared with a little slack.
const SLACK = 1e-9;
const floorOf = (ratio: number) => Math.floor(ratio * 100 + SLACK) / 100;

/** The metrics where `score` falls below its floors, as "pairF1 0.412 < 0.45". */
export function statementShortfalls(score: StatementScore, floors: StatementFloors[Mode]): string[] {
  const now = valueOf(score);
  return STATEMENT_METRICS.flatMap((metric) => {
    const floor = floors[metric];
    const value = now[metric];
    return floor !== undefined && (value === null || value < floor - SLACK)
      ? [`${metric} ${value === null ? '–' : value.toFixed(3)} < ${floor}`]
      : [];
  });
}

/** Floors raised to today's scores, never lowered. */
export function raisedStatementFloors(current: StatementFloors[Mode], score: StatementScore): StatementFloors[Mode] {
  const now = valueOf(score);
  return Object.fromEntries(
    STATEMENT_METRICS.flatMap((metric) => {
      const value = now[metric];
      const old = current[metric];
      const next = value === null ? old : Math.max(old ?? 0, floorOf(value));
      return next === undefined ? [] : [[metric, next]];
    }),
  );
}

export function writeStatementFloors(floors: StatementFloors, path = STATEMENT_FLOORS_PATH): void {
  writeFileSync(path, `${JSON.stringify(floors, null, 2)}\n`);
}
