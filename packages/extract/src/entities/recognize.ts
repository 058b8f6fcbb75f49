import { countryNames, type KnownName } from '../knowledge/countries';
import { REGIONS, institutionNames, moreStateNames } from '../knowledge/institutions';
import type { Sentence } from '../segment';
import { findBodies, stateNames } from './bodies';
import { findBareInstallationNames, findInstallations } from './installations';
import { findAlsoKnownAs, findKnownNames, findProperNames, findRepeatedNames, nameChains } from './names';
import { type EntityRecord, EntityTable } from './table';
import { matchesOf } from '../matches';

let knowledge:
  | {
      known: KnownName[];
      states: ReturnType<typeof stateNames>;
      /** A state's or a region's name: it names a place, not an installation nor a person. */
      isPlace: (name: string) => boolean;
    }
  | undefined;

/** General knowledge, built once: countries, demonyms, capitals, well-known bodies. */
function generalKnowledge() {
  if (!knowledge) {
    const known = [...countryNames(), ...moreStateNames(), ...institutionNames()];
    const surfaces = new Set(known.map((k) => k.surface));
    knowledge = {
      known,
      states: stateNames(known.filter((k) => k.subtype === 'state')),
      isPlace: (name) => surfaces.has(name) || REGIONS.has(name),
    };
  }
  return knowledge;
}

// Descriptions that point back at something named before: "the agency", "the base", "the Russian firm".
const DESCRIPTION =
  /\b(?:the|its|his|her|their)(?: [\p{Lu}][\p{L}]+)? (agency|ministry|base|facility|port|fleet|firm|company|operator|group)\b/gu;

function fits(noun: string, entity: EntityRecord): boolean {
  switch (noun) {
    case 'agency':
    case 'ministry':
      return entity.subtype === 'government_body';
    case 'base':
    case 'facility':
      return entity.type === 'installation' && entity.subtype !== 'port';
    case 'port':
      return entity.type === 'installation';
    case 'fleet':
      return entity.subtype === 'military';
    case 'group':
      return entity.subtype === 'armed_group';
    default:
      return entity.subtype === 'organization' && !entity.key.startsWith('known:');
  }
}

function findDescriptions(text: string, from: number, table: EntityTable): void {
  for (const m of matchesOf(DESCRIPTION, text.slice(from))) {
    const at = from + m.index;
    if (table.isTaken(at, at + m[0].length)) continue;
    let best: { entity: EntityRecord; end: number } | undefined;
    for (const entity of table.all()) {
      if (!fits(m[1]!, entity)) continue;
      for (const mention of entity.mentions) {
        if (mention.end <= at && (!best || mention.end > best.end)) best = { entity, end: mention.end };
      }
    }
    if (best) table.mention(best.entity, text, at, at + m[0].length);
  }
}

/** Finds the actors and installations of an article and every mention of each. */
export function recognizeEntities(text: string, bodyStart: number, sentences: Sentence[]): EntityTable {
  const { known, states, isPlace } = generalKnowledge();
  const table = new EntityTable();
  findInstallations(text, bodyStart, table, { isPlaceOfState: isPlace });
  findBodies(text, bodyStart, table, states, known);
  const named = nameChains(sentences);
  // Organisations whose names hold a place ("The Kyiv Independent") before places claim their words.
  findProperNames(text, named, table, { isKnown: isPlace }, true);
  findKnownNames(text, bodyStart, table, known);
  findProperNames(text, named, table, { isKnown: isPlace });
  findAlsoKnownAs(text, table);
  findRepeatedNames(text, bodyStart, table);
  findBareInstallationNames(text, bodyStart, table);
  findDescriptions(text, bodyStart, table);
  table.dropPassingStates(text);
  return table;
}
