import { DAYS_COVERED, dayString } from './article-plan';
import type { EntityPlan, PlannedEntity } from './entity-plan';
import type { Random } from './random';
import { NOUNS, VERBS } from './words';

/** The questions the benchmark asks of a generated database. */
export interface Workload {
  /** 1,000 names of different entities (as many as there are, if fewer), in different spellings. */
  hoverNames: string[];
  /** Names whose GraphQL and baseline answers must agree: hot, rare, installations, unknown. */
  checkNames: string[];
  /** Dates for "the 50 latest claims up to this day". */
  listDates: string[];
  commonTerms: string[];
  rareTerms: string[];
  /** Canonical names to hover in the editor, each of a different entity. */
  editorNames: string[];
}

/** A way people write a name: as stored, another alias, in capitals, or as a possessive. */
function spelling(e: PlannedEntity, variant: number): string {
  switch (variant % 5) {
    case 1:
      return e.aliases[0]!;
    case 2:
      return e.aliases[1]!;
    case 3:
      return e.name.toUpperCase();
    case 4:
      return `${e.name}’s`;
    default:
      return e.name;
  }
}

/** Rank positions to sample: all of the top `head`, then evenly spread over the rest. */
function spreadRanks(total: number, count: number, head: number): number[] {
  const n = Math.min(total, count);
  const top = Math.min(head, n);
  const ranks = Array.from({ length: top }, (_, i) => i);
  const rest = n - top;
  for (let i = 0; i < rest; i += 1) ranks.push(top + Math.floor((i * (total - top)) / rest));
  return ranks;
}

export function planWorkload(plan: EntityPlan, random: Random, editorHovers: number): Workload {
  const entityAt = (rank: number) => plan.entities[plan.byRank[rank]!]!;
  const total = plan.byRank.length;
  const hoverRanks = spreadRanks(total, 1_000, 50);
  const hoverNames = hoverRanks.map((rank, i) => spelling(entityAt(rank), i));
  const checkRanks = [0, 1, 2, 3, 4, 5, 9, 20, 50, 200, Math.floor(total / 2), total - 1].filter((r) => r < total);
  const checkNames = [
    ...checkRanks.map((rank, i) => spelling(entityAt(rank), i)),
    'al-Golani',
    'Nowhere Atlantis Outpost',
  ];
  const listDates = Array.from({ length: 1_000 }, () => dayString(random.int(DAYS_COVERED)));
  // Made-up single words of the least talked-about installations and states: few documents hold them.
  const rareTerms = plan.byRank
    .slice(Math.floor(total * 0.8))
    .map((i) => plan.entities[i]!)
    .filter((e) => e.kind === 'installation' || e.type === 'state')
    .map((e) => e.name.split(' ')[0]!)
    .slice(0, 50);
  const editorNames = spreadRanks(total, editorHovers, 10).map((rank) => entityAt(rank).name);
  return {
    hoverNames,
    checkNames,
    listDates,
    commonTerms: [NOUNS[0], VERBS[0], NOUNS[1], VERBS[1]],
    rareTerms,
    editorNames,
  };
}
