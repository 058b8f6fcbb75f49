import type { ActorType } from '@sitrep/vocabulary';
import type { KnownName } from './countries';

/**
 * Well-known bodies that news copy names by a short or metonymic name. General knowledge, the
 * kind any reader of world news has; nothing here is specific to one article or to our demo.
 */
const INSTITUTIONS: Array<[canonical: string, subtype: ActorType, surfaces: string[]]> = [
  ['Kremlin', 'government_body', ['Kremlin', 'the Kremlin']],
  ['White House', 'government_body', ['White House', 'the White House']],
  ['Pentagon', 'government_body', ['Pentagon', 'the Pentagon']],
  ['NATO', 'organization', ['NATO', 'North Atlantic Treaty Organization']],
  ['United Nations', 'organization', ['United Nations', 'UN', 'U.N.']],
  ['European Union', 'organization', ['European Union', 'EU']],
  ['UN Security Council', 'government_body', ['UN Security Council', 'Security Council']],
  ['International Atomic Energy Agency', 'organization', ['International Atomic Energy Agency', 'IAEA']],
  ['Reuters', 'organization', ['Reuters']],
  ['Associated Press', 'organization', ['Associated Press', 'AP']],
  ['Agence France-Presse', 'organization', ['Agence France-Presse', 'AFP']],
  ['TASS', 'organization', ['TASS', 'Tass']],
  ['RIA Novosti', 'organization', ['RIA Novosti', 'RIA']],
  ['Interfax', 'organization', ['Interfax']],
  ['Al Jazeera', 'organization', ['Al Jazeera']],
  ['BBC', 'organization', ['BBC']],
  ['Hezbollah', 'armed_group', ['Hezbollah']],
  ['Hamas', 'armed_group', ['Hamas']],
  ['Islamic State', 'armed_group', ['Islamic State', 'ISIS', 'ISIL']],
  ['al Qaeda', 'armed_group', ['al Qaeda', 'al-Qaeda', 'Al-Qaeda', 'Al Qaeda']],
  ['Hayat Tahrir al-Sham', 'armed_group', ['Hayat Tahrir al-Sham', 'HTS']],
  ['Wagner Group', 'armed_group', ['Wagner Group', 'the Wagner Group', 'Wagner']],
];

/** States by their common abbreviations, and states of the recent past that news still names. */
const MORE_STATES: Array<[canonical: string, surfaces: string[]]> = [
  ['United States', ['US', 'U.S.', 'USA', 'U.S.A.', 'Washington', 'American', 'Americans']],
  ['United Kingdom', ['UK', 'U.K.', 'Britain', 'British']],
  ['United Arab Emirates', ['UAE', 'Emirati']],
  ['Soviet Union', ['Soviet Union', 'USSR', 'Soviet']],
  // world-countries calls it Türkiye; news copy mostly still says Turkey.
  ['Türkiye', ['Turkey', 'Ankara']],
];

export function moreStateNames(): KnownName[] {
  return MORE_STATES.flatMap(([canonical, surfaces]) =>
    surfaces.map((surface) => ({
      surface,
      canonical,
      type: 'actor' as const,
      subtype: 'state',
      via: /(an|ish|ti|et)s?$/.test(surface) && surface !== 'Washington' ? ('demonym' as const) : ('name' as const),
    })),
  );
}

export function institutionNames(): KnownName[] {
  return INSTITUTIONS.flatMap(([canonical, subtype, surfaces]) =>
    surfaces.map((surface) => ({ surface, canonical, type: 'actor' as const, subtype, via: 'name' as const })),
  );
}

/** Wide places that are never actors: continents, seas, regions. */
export const REGIONS = new Set([
  'Africa',
  'Asia',
  'Europe',
  'America',
  'North America',
  'South America',
  'Latin America',
  'Middle East',
  'Near East',
  'Far East',
  'Mediterranean',
  'Eastern Mediterranean',
  'Black Sea',
  'Red Sea',
  'Caspian Sea',
  'Baltic',
  'Baltic Sea',
  'Arctic',
  'Sahel',
  'Balkans',
  'Caucasus',
  'Gulf',
  'Persian Gulf',
  'Levant',
  'Horn of Africa',
  'Central Asia',
  'West',
  'East',
]);
