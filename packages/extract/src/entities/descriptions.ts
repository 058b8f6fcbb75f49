import { matchesOf } from '../matches';
import type { EntityRecord, EntityTable } from './table';

// Descriptions that point back at something named before: "the agency", "the base", "the Russian firm".
const DESCRIPTION =
  /\b(?:the|its|his|her|their)(?: [\p{Lu}][\p{L}]+)? (agency|ministry|base|facility|port|fleet|firm|company|operator|group)\b/gu;

type Fits = (entity: EntityRecord) => boolean;
interface Latest {
  entity: EntityRecord;
  end: number;
}

// One function per kind of antecedent: the table indexes its answers by the function.
const GOVERNMENT_BODY: Fits = (e) => e.subtype === 'government_body';
const BASE: Fits = (e) => e.type === 'installation' && e.subtype !== 'port';
const INSTALLATION: Fits = (e) => e.type === 'installation';
const MILITARY: Fits = (e) => e.subtype === 'military';
const ARMED_GROUP: Fits = (e) => e.subtype === 'armed_group';
const FIRM: Fits = (e) => e.subtype === 'organization' && !e.key.startsWith('known:');
const KINDS = [GOVERNMENT_BODY, BASE, INSTALLATION, MILITARY, ARMED_GROUP, FIRM];

function kindOf(noun: string): Fits {
  switch (noun) {
    case 'agency':
    case 'ministry':
      return GOVERNMENT_BODY;
    case 'base':
    case 'facility':
      return BASE;
    case 'port':
      return INSTALLATION;
    case 'fleet':
      return MILITARY;
    case 'group':
      return ARMED_GROUP;
    default:
      return FIRM;
  }
}

/**
 * Each description becomes a mention of the entity of its kind mentioned last before it, the
 * descriptions before it included ("the agency … the agency"). The table's index answers for the
 * mentions there were before the first description; the descriptions are added in order, so the
 * latest of them of each kind is the one to weigh against that answer.
 */
export function findDescriptions(text: string, from: number, table: EntityTable): void {
  // Descriptions do not overlap, so none makes a later one taken: all are read before any is added.
  const found = [...matchesOf(DESCRIPTION, text.slice(from))]
    .map((m) => ({ at: from + m.index, end: from + m.index + m[0].length, kind: kindOf(m[1]!) }))
    .filter(({ at, end }) => !table.isTaken(at, end))
    .map((d) => ({ ...d, named: table.latestBefore(d.at, d.kind) }));
  const added = new Map<Fits, Latest>();
  for (const { at, end, kind, named } of found) {
    const description = added.get(kind);
    const antecedent = latest(table, named, description);
    if (!antecedent || !table.mention(antecedent, text, at, end)) continue;
    for (const other of KINDS) if (other(antecedent)) added.set(other, { entity: antecedent, end });
  }
}

/**
 * Which of two candidates was mentioned last: the one named before the descriptions, or the
 * latest description. Between equal ends the first entity wins, and of one entity its earlier mention.
 */
function latest(
  table: EntityTable,
  named: Latest | undefined,
  description: Latest | undefined,
): EntityRecord | undefined {
  if (!description || !named) return (named ?? description)?.entity;
  if (named.end !== description.end) return (named.end > description.end ? named : description).entity;
  return table.rankOf(named.entity) <= table.rankOf(description.entity) ? named.entity : description.entity;
}
