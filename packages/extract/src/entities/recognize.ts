import type { ActorType, InstallationType } from '@sitrep/vocabulary';
import { countryNames, type KnownName } from '../knowledge/countries';
import { REGIONS, institutionNames, moreStateNames } from '../knowledge/institutions';
import type { Sentence } from '../segment';
import { findBodies, stateNames } from './bodies';
import { findDescriptions } from './descriptions';
import { findBareInstallationNames, findInstallations } from './installations';
import {
  TITLE_WORDS,
  findAlsoKnownAs,
  findKnownNames,
  findParenthesisedAcronyms,
  findProperNames,
  findRepeatedNames,
  nameChains,
} from './names';
import { EntityTable } from './table';
import type { Knowledge, KnownEntity } from '../knowledge-base';
import type { EntityType } from '../types';

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

/** Names the knowledge base knows come first: they are the entities a curator has already seen. */
function findKnowledgeBaseNames(text: string, from: number, table: EntityTable, kb: Knowledge): void {
  for (const { start, end, entity } of kb.find(text.slice(from))) {
    const record = table.ensure(
      `kb:${entity.id}`,
      entity.name,
      entity.type,
      entity.subtype ?? defaultSubtype(entity.type),
    );
    record.known = entity.id;
    for (const alias of entity.aliases) record.aliases.add(alias);
    const at = from + start;
    // "al-Assad" in "Hafez al-Assad", "al Asad" in "Ain al Asad": a longer name the known one is
    // the tail of is someone (or somewhere) else.
    const before = PREVIOUS_WORD.exec(text.slice(Math.max(from, at - 40), at))?.[1];
    if (before && CAPITALISED_WORD.test(before) && !TITLE_WORDS.has(before)) continue;
    // "Russian" in "the Russian Air Force", "Moscow" in "Moscow-controlled": a known name that a
    // longer name or a compound goes on from is a mention, but leaves the rest to the rules that read it.
    const goesOn = NAME_GOES_ON.test(text.slice(from + end, from + end + 40));
    table.mention(record, text, at, from + end, !goesOn);
  }
}

const NAME_GOES_ON = /^(?:[ -](?:of |for )?[\p{Lu}]|-[\p{Ll}])/u;
const PREVIOUS_WORD = /(?:^|[^\p{L}’'-])([\p{L}’'-]+)[ -]$/u;
const CAPITALISED_WORD = /^[\p{Lu}]/u;

const defaultSubtype = (type: EntityType): ActorType | InstallationType => (type === 'actor' ? 'organization' : 'base');

/**
 * The known installation a rule's installation is named for: "Tartus naval logistics base" is the
 * knowledge base's Tartus facility when the knowledge base knows the place name "Tartus" as one of its names.
 */
function knownInstallationAt(name: string, kb: Knowledge): KnownEntity | undefined {
  const words = name.split(' ');
  for (let n = words.length - 1; n >= 1; n -= 1) {
    const known = kb.lookup(words.slice(0, n).join(' '));
    if (known) return known.type === 'installation' ? known : undefined;
  }
  return undefined;
}

/** An entity a rule found that the knowledge base knows under one of its names joins the known one. */
function linkToKnowledgeBase(table: EntityTable, kb: Knowledge): void {
  for (const record of table.all()) {
    if (record.known !== undefined) continue;
    const known =
      [record.name, ...record.aliases].map((name) => kb.lookup(name)).find((k) => k !== undefined) ??
      (record.type === 'installation' ? knownInstallationAt(record.name, kb) : undefined);
    if (!known) continue;
    const target = table.get(`kb:${known.id}`);
    if (target) table.merge(record, target);
    else {
      // Known but not named in a form the matcher saw: keep the rule's mentions under the known entity.
      const into = table.ensure(`kb:${known.id}`, known.name, known.type, known.subtype ?? record.subtype);
      into.known = known.id;
      table.merge(record, into);
    }
  }
}

/** Finds the actors and installations of an article and every mention of each. */
export function recognizeEntities(
  text: string,
  bodyStart: number,
  sentences: Sentence[],
  knowledgeBase?: Knowledge,
): EntityTable {
  const { known, states, isPlace } = generalKnowledge();
  const table = new EntityTable(text.length);
  // Installations and bodies named by a cue ("the Syrian army", "the Tartus naval logistics
  // base") first: a known short name inside them ("Syrian") must not cut them; what they name
  // joins a known entity at the end (linkToKnowledgeBase).
  findInstallations(text, bodyStart, table, { isPlaceOfState: isPlace });
  findBodies(text, bodyStart, table, states, known);
  if (knowledgeBase) findKnowledgeBaseNames(text, bodyStart, table, knowledgeBase);
  const named = nameChains(sentences);
  // Organisations whose names hold a place ("The Kyiv Independent") before places claim their words.
  findProperNames(text, named, table, { isKnown: isPlace }, true);
  findKnownNames(text, bodyStart, table, known);
  findProperNames(text, named, table, { isKnown: isPlace });
  findAlsoKnownAs(text, table);
  findParenthesisedAcronyms(text, table);
  findRepeatedNames(text, bodyStart, table, named);
  findBareInstallationNames(text, bodyStart, table);
  findDescriptions(text, bodyStart, table);
  if (knowledgeBase) linkToKnowledgeBase(table, knowledgeBase);
  table.dropPassingStates(text);
  return table;
}
